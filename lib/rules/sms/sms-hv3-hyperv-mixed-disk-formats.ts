import { DiskFormat } from '../../plan/model/plan';
import { fail, notApplicable, pass, RuleResult, unknown, VmContext } from '../../assessment/rule';
import { isHyperV, labelledDisks } from './facts/hypervisor';

const REQUIREMENT = 'a VM may not mix VHD and VHDX disks';

/**
 * A Hyper-V VM does not mix VHD and VHDX disks. n/a on VMware.
 *
 * Only VHD and VHDX disks count: a VMDK or RDM disk is SMS-HV2's alone. A mix already certain fails,
 * whatever other disks leave unrecorded. Unrecorded formats are unknown only when they could make a
 * mix: a VM with a single disk can never mix, so it passes even without a recorded format.
 */
export function hypervMixedDiskFormats({ vm }: VmContext): RuleResult {
  if (!isHyperV(vm)) {
    return notApplicable();
  }
  const disks = labelledDisks(vm);
  if (disks.length === 0) {
    return unknown(`no disks are recorded (disks): ${REQUIREMENT}`);
  }
  const vhd = disks.filter((d) => d.format === DiskFormat.VHD).map((d) => d.label);
  const vhdx = disks.filter((d) => d.format === DiskFormat.VHDX).map((d) => d.label);
  const unrecorded = disks.filter((d) => d.format === undefined).map((d) => d.label);
  if (vhd.length > 0 && vhdx.length > 0) {
    return fail(`the VM mixes VHD disks (${vhd.join(', ')}) and VHDX disks (${vhdx.join(', ')}): `
      + 'convert them all to one format (VHD for RHEL 5)');
  }
  const known = vhd.length + vhdx.length;
  if (unrecorded.length > 0 && known + unrecorded.length >= 2) {
    return unknown(`the format of ${unrecorded.join(', ')} is not recorded (disks[].format): ${REQUIREMENT}`);
  }
  return pass();
}
