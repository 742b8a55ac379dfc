import { Disk, DiskFormat } from '../../plan/model/plan';
import { fail, pass, RuleResult, unknown, VmContext } from '../../assessment/rule';
import { disksNotRecorded, disksWhere, lacksFormat, listDisks, vmwareOnly } from './facts/disks';

const REQUIREMENT = 'on VMware only VMDK disk images (vmdk) are supported';

/** Formats that are VMDK images as far as this rule goes: SEsparse deltas are SMS-DISK4's alone. */
const VMDK_FORMATS: ReadonlySet<string> = new Set([DiskFormat.VMDK, DiskFormat.SESPARSE]);

function isNotVmdk(disk: Disk): boolean {
  return disk.format != null && !VMDK_FORMATS.has(disk.format);
}

/**
 * VMware: every disk is a VMDK image. A Raw Device Mapping (`rdm`) fails, and so does a VHD or VHDX
 * disk on a VMware VM.
 *
 * An SEsparse delta disk is a VMDK as far as this rule goes: SMS-DISK4 reports it, so one disk never
 * gives two findings. n/a on Hyper-V (SMS-HV2 judges formats there). A disk whose format is not
 * recorded makes the rule unknown unless another disk fails.
 */
export function vmdkOnly({ vm }: VmContext): RuleResult {
  const gate = vmwareOnly(vm, REQUIREMENT);
  if (gate) {
    return gate;
  }
  const offending = disksWhere(vm, isNotVmdk);
  if (offending === undefined) {
    return disksNotRecorded(REQUIREMENT);
  }
  if (offending.length > 0) {
    const items = offending.map((d) => `${d.label} is ${d.disk.format === DiskFormat.RDM ? 'a Raw Device Mapping (rdm)' : `a ${d.disk.format} image`}`);
    return fail(`${items.join(', ')}: ${REQUIREMENT}`);
  }
  const noFormat = disksWhere(vm, lacksFormat)!;
  if (noFormat.length > 0) {
    return unknown(`the format of ${listDisks(noFormat)} is not recorded (disks[].format): ${REQUIREMENT}`);
  }
  return pass();
}
