import { describeOs, osFamily, osName, OsName, windowsRelease } from '../../plan/model/os';
import { OsFamily } from '../../plan/model/plan';
import { fail, notApplicable, pass, RuleResult, unknown, VmContext } from '../../assessment/rule';

const REQUIREMENT = 'SMS installs SR-IOV (enhanced networking) drivers only for Windows Server 2012 R2';

/**
 * Enhanced networking (`replication.enhancedNetworking`, after defaults) is asked only for Windows
 * Server 2012 R2, the one OS SMS installs the SR-IOV drivers for. A warning: the instance still
 * boots, without the drivers it needs for enhanced networking.
 *
 * n/a when enhanced networking is not asked for. When it is: passes on Windows Server 2012 R2; fails
 * on any other OS, including a Linux or `other` family whose name is not recorded (it cannot be
 * Windows Server); unknown when a Windows (or unknown-family) VM lacks `os.name`, or a Windows
 * Server VM lacks `os.version`.
 */
export function enhancedNetworkingOs({ vm, replication }: VmContext): RuleResult {
  if (!replication.enhancedNetworking) {
    return notApplicable();
  }
  const asked = 'enhanced networking is asked for (replication.enhancedNetworking)';
  const name = osName(vm.os);
  if (name === undefined) {
    const family = osFamily(vm.os);
    if (family === OsFamily.LINUX || family === OsFamily.OTHER) {
      return fail(`${asked} on ${describeOs(vm.os)}: ${REQUIREMENT}`);
    }
    return unknown(`${asked} but the OS is not recorded (os.name, os.version): ${REQUIREMENT}`);
  }
  if (name !== OsName.WINDOWS_SERVER) {
    return fail(`${asked} on ${describeOs(vm.os)}: ${REQUIREMENT}`);
  }
  const release = windowsRelease(vm.os);
  if (release === undefined) {
    return unknown(`${asked} but the Windows Server version is not recorded (os.version): ${REQUIREMENT}`);
  }
  if (release !== '2012r2') {
    return fail(`${asked} on ${describeOs(vm.os)}: ${REQUIREMENT}`);
  }
  return pass();
}
