import { checkFstab, FstabCheck } from './facts/guest';
import { RuleResult, VmContext } from '../../assessment/rule';

/**
 * Kernel device names, exactly as RULES.md gives them: `/dev/sda`, `/dev/sdb1`, `/dev/hdb2`, `/dev/vda`,
 * `/dev/xvdf1`, `/dev/nvme0n1`, `/dev/nvme0n1p2`. They can change when the disks move to another
 * hypervisor; `UUID=`, `LABEL=`, `PARTUUID=`, `/dev/disk/by-*` and LVM names do not match and pass.
 * Exported for MGN-PREP16, which judges fstab by the same pattern.
 */
export const KERNEL_DEVICE = /^\/dev\/(sd[a-z]+|hd[a-z]+|vd[a-z]+|xvd[a-z]+|nvme[0-9]+n[0-9]+)(p?[0-9]+)?$/;

const REQUIREMENT = 'Linux /etc/fstab entries should name devices by UUID=, LABEL=, PARTUUID=, /dev/disk/by-* or an LVM name';

// One object for every VM, not a literal (and closures) made per call.
const CHECK: FstabCheck = {
  field: 'device',
  offends: (device) => KERNEL_DEVICE.test(device),
  requirement: REQUIREMENT,
  failure: (offenders) => `/etc/fstab names kernel devices (guest.fstab): ${offenders.join(', ')}; `
    + 'SMS rewrites them to UUIDs or adds nofail, to be corrected after import: name them by UUID=, LABEL=, PARTUUID=, '
    + '/dev/disk/by-* or an LVM name',
};

/**
 * No `/etc/fstab` entry of a Linux VM names a kernel device (a warning rule).
 *
 * SMS rewrites such entries to UUIDs, or adds `nofail` when it finds no matching UUID, and that must be
 * undone by hand after import. Fails listing every offending entry (swap included); unknown when
 * `guest.fstab` (or an entry's device) is missing; n/a on Windows and on family `other`.
 */
export function fstabKernelDeviceNames({ vm }: VmContext): RuleResult {
  return checkFstab(vm, CHECK);
}
