import { describeOs, osFamily, osName, OsName } from '../../plan/model/os';
import { DiskFormat, OsFamily } from '../../plan/model/plan';
import { parseVersion } from '../../private/version';
import { fail, notApplicable, pass, RuleResult, unknown, VmContext } from '../../assessment/rule';
import { isHyperV, labelledDisks } from './facts/hypervisor';

const REQUIREMENT = 'RHEL 5 is not supported on Hyper-V VHDX disks (convert them to VHD)';

/**
 * No version of RHEL 5 runs from a VHDX disk on Hyper-V. RHEL only: CentOS 5 and Oracle Linux 5 are
 * not named by the requirement and pass. n/a on VMware and for Windows and `other` VMs.
 *
 * Either fact settles a pass on its own: a Linux OS known not to be RHEL 5, or disks known to include
 * no VHDX. It fails only when both are certain; otherwise the missing facts are named as unknown.
 */
export function hypervRhel5Vhdx({ vm }: VmContext): RuleResult {
  if (!isHyperV(vm)) {
    return notApplicable();
  }
  const family = osFamily(vm.os);
  if (family === OsFamily.WINDOWS || family === OsFamily.OTHER) {
    return notApplicable();
  }
  const name = osName(vm.os);
  const version = name === OsName.RHEL ? parseVersion(vm.os?.version) : undefined;
  // true / false when known, undefined when the facts cannot say.
  let rhel5: boolean | undefined;
  if (name !== undefined && name !== OsName.RHEL) {
    rhel5 = false;
  } else if (version !== undefined) {
    rhel5 = version[0] === 5;
  }
  const disks = labelledDisks(vm);
  const vhdx = disks.filter((d) => d.format === DiskFormat.VHDX).map((d) => d.label);
  const unrecorded = disks.filter((d) => d.format === undefined).map((d) => d.label);
  let onVhdx: boolean | undefined;
  if (vhdx.length > 0) {
    onVhdx = true;
  } else if (disks.length > 0 && unrecorded.length === 0) {
    onVhdx = false;
  }

  if (rhel5 === false || onVhdx === false) {
    return pass();
  }
  if (rhel5 === true && onVhdx === true) {
    return fail(`${describeOs(vm.os)} is on VHDX disks (${vhdx.join(', ')}): ${REQUIREMENT}`);
  }
  const missing: string[] = [];
  if (rhel5 === undefined) {
    missing.push(name === undefined ? (family === undefined ? 'os.family, os.name' : 'os.name') : 'os.version');
  }
  if (onVhdx === undefined) {
    missing.push(disks.length === 0 ? 'disks' : 'disks[].format');
  }
  return unknown(`whether this is RHEL 5 on a VHDX disk is not recorded (${missing.join(', ')}): ${REQUIREMENT}`);
}
