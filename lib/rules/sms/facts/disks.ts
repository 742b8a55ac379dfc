import { diskLabel } from '../../../plan/model/disks';
import { Datastore, Disk, Hypervisor, Vm } from '../../../plan/model/plan';
import { fail, notApplicable, pass, RuleResult, unknown } from '../../../assessment/rule';

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

/** An IndexedDisk whose label is only built when a message needs it (most VMs pass every disk rule). */
class DiskEntry implements IndexedDisk {
  constructor(readonly disk: Disk, readonly index: number) {}

  get label(): string {
    return diskLabel(this.disk, this.index);
  }
}

const NONE: readonly IndexedDisk[] = Object.freeze([]);

/**
 * The VM's disks that pass `test`, with positions and labels, in plan order, leaving out `except` (the
 * boot disk, say); undefined when the plan lists no disks (`disks` absent). Most VMs have no disk a rule
 * is looking for: they share one empty list.
 *
 * @param test a constant function, not a closure made per call
 */
export function disksWhere(vm: Vm, test: (disk: Disk) => boolean, except?: Disk): readonly IndexedDisk[] | undefined {
  const disks = vm.disks;
  if (!Array.isArray(disks)) {
    return undefined;
  }
  let found: IndexedDisk[] | undefined;
  for (let index = 0; index < disks.length; index++) {
    const disk = disks[index];
    if (disk !== except && test(disk)) {
      (found ??= []).push(new DiskEntry(disk, index));
    }
  }
  return found ?? NONE;
}

/** True when a disk's format is not recorded. */
export function lacksFormat(disk: Disk): boolean {
  return disk.format == null;
}

/** True when a disk's datastore is not recorded. */
export function lacksDatastore(disk: Disk): boolean {
  return disk.datastore == null;
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


/**
 * Whether any disk of a VMware VM is on a Virtual Volumes datastore, for the VVol rules of both
 * services (SMS-DISK7, MGN-AGL4): fails naming the disks; unknown without `disks`, or when a disk's
 * datastore is not recorded and none fails; `requirement` ends each message.
 */
export function judgeNoVvol(vm: Vm, requirement: string): RuleResult {
  const onVvol = disksWhere(vm, (disk) => disk.datastore === Datastore.VVOL);
  if (onVvol === undefined) {
    return disksNotRecorded(requirement);
  }
  if (onVvol.length > 0) {
    return fail(`${listDisks(onVvol)} ${onVvol.length > 1 ? 'are' : 'is'} on a Virtual Volumes datastore (disks[].datastore vvol): ${requirement}`);
  }
  const noDatastore = disksWhere(vm, lacksDatastore) ?? [];
  if (noDatastore.length > 0) {
    return unknown(`the datastore of ${listDisks(noDatastore)} is not recorded (disks[].datastore): ${requirement}`);
  }
  return pass();
}
