import { describeOs, osFamily } from '../../plan/model/os';
import { LicenseChoice, OsFamily } from '../../plan/model/plan';
import { fail, notApplicable, pass, RuleResult, unknown, VmContext } from '../../assessment/rule';

/**
 * A Linux VM's job does not ask for an AWS license: Linux migrates with BYOL only.
 *
 * `auto` passes because SMS resolves it to BYOL for Linux. Every Linux VM is judged, whatever its
 * distribution or version (an unsupported OS is still licensed by its family).
 */
export function linuxLicense({ vm, replication }: VmContext): RuleResult {
  const family = osFamily(vm.os);
  if (family === undefined) {
    return unknown('the OS family is not recorded (os.family): a Linux VM needs replication.licenseType byol or auto');
  }
  if (family !== OsFamily.LINUX) {
    return notApplicable();
  }
  if (replication.licenseType === LicenseChoice.AWS) {
    return fail(`replication.licenseType aws is not available for ${describeOs(vm.os)}: Linux supports BYOL only (use byol or auto)`);
  }
  return pass();
}
