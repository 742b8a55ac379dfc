import { diskLabel } from '../../../plan/model/disks';
import { Disk, Hypervisor, Vm } from '../../../plan/model/plan';
import { notApplicable, RuleResult, unknown } from '../../../assessment/rule';

/**
 * Helpers shared by the disk rules (SMS-DISK1 to SMS-DISK7). Not part of the public API.
 */

/** A disk with its 0-based position in `disks` and the name messages use for it. */
export interface IndexedDisk {
  /** The disk as the plan writes it. */
  readonly disk: Disk;
  /** 0-based position in `disks`. */
  readonly index: number;
  /** `"Hard disk 2"` when the disk has a name, else `disk 2` (1-based). */
  readonly label: string;
}

/** The VM's disks with their positions and labels, or undefined when the plan lists none (`disks` absent). */
export function indexedDisks(vm: Vm): IndexedDisk[] | undefined {
  if (!Array.isArray(vm.disks)) {
    return undefined;
  }
  return vm.disks.map((disk, index) => ({ disk, index, label: diskLabel(disk, index) }));
}

/** The unknown a disk rule reports when the plan has no `disks` at all. */
export function disksNotRecorded(requirement: string): RuleResult {
  return unknown(`the VM's virtual disks are not recorded (disks): ${requirement}`);
}

/**
 * The gate of a VMware-only rule: n/a on Hyper-V, unknown when the hypervisor is not recorded, and
 * undefined (go on judging) on VMware.
 *
 * `hypervisor` is required by the plan format, so the unknown only shows for a VM built in code.
 */
export function vmwareOnly(vm: Vm, requirement: string): RuleResult | undefined {
  if (vm.hypervisor === Hypervisor.VMWARE) {
    return undefined;
  }
  if (vm.hypervisor === Hypervisor.HYPERV) {
    return notApplicable();
  }
  return unknown(`the VM's hypervisor is not recorded (hypervisor): ${requirement}`);
}

/** How a message lists disks: `"Hard disk 2", disk 3`. */
export function listDisks(disks: readonly IndexedDisk[]): string {
  return disks.map((d) => d.label).join(', ');
}

