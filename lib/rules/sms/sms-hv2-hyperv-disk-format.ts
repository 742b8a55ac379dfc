import { DiskFormat } from '../../plan/model/plan';
import { fail, notApplicable, pass, RuleResult, unknown, VmContext } from '../../assessment/rule';
import { isHyperV, labelledDisks } from './facts/hypervisor';

const REQUIREMENT = 'every Hyper-V disk must be VHD or VHDX';
const ALLOWED: readonly string[] = [DiskFormat.VHD, DiskFormat.VHDX];

/**
 * Every disk of a Hyper-V VM is VHD or VHDX; a VMDK, RDM or SEsparse disk fails here, and every
 * offender is listed. n/a on VMware (SMS-DISK3 judges formats there).
 *
 * A disk whose format is not recorded makes it unknown unless an offender is already certain: the
 * fail then also names the unrecorded disks.
 */
export function hypervDiskFormat({ vm }: VmContext): RuleResult {
  if (!isHyperV(vm)) {
    return notApplicable();
  }
  const disks = labelledDisks(vm);
  if (disks.length === 0) {
    return unknown(`no disks are recorded (disks): ${REQUIREMENT}`);
  }
  const offenders = disks.filter((d) => d.format !== undefined && !ALLOWED.includes(d.format));
  const unrecorded = disks.filter((d) => d.format === undefined).map((d) => d.label);
  if (offenders.length > 0) {
    const also = unrecorded.length > 0 ? `; format not recorded: ${unrecorded.join(', ')}` : '';
    return fail(`${offenders.map((d) => `${d.label} is ${d.format}`).join(', ')} (supported on Hyper-V: vhd, vhdx)${also}`);
  }
  if (unrecorded.length > 0) {
    return unknown(`the format of ${unrecorded.join(', ')} is not recorded (disks[].format): ${REQUIREMENT}`);
  }
  return pass();
}
