import { diskLabel } from '../../../plan/model/disks';
import { Disk, Hypervisor, Vm } from '../../../plan/model/plan';

/**
 * Facts shared by the hypervisor rules. Not a rule and not exported from the section's barrel: the
 * rules import it directly.
 */

/** True when the VM runs on Hyper-V (standalone or under SCVMM). */
export function isHyperV(vm: Vm): boolean {
  return String(vm.hypervisor).trim().toLowerCase() === Hypervisor.HYPERV;
}

/** A disk's image format, trimmed and lower case; undefined when not recorded. */
export function formatOf(disk: Disk): string | undefined {
  const format = disk.format == null ? '' : String(disk.format).trim().toLowerCase();
  return format === '' ? undefined : format;
}

/** A disk with its label for messages and its recorded format. */
export interface LabelledDisk {
  readonly label: string;
  readonly format?: string;
}

/** Every disk of the VM with its label and format, in plan order. */
export function labelledDisks(vm: Vm): LabelledDisk[] {
  return (vm.disks ?? []).map((disk, index) => ({ label: diskLabel(disk, index), format: formatOf(disk) }));
}
