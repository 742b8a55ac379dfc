import { RuleResult, VmContext } from '../../assessment/rule';
import { checkFstab, FstabCheck } from '../sms/facts/guest';
import { KERNEL_DEVICE } from '../sms/sms-prep11-fstab-kernel-device-names';

const REQUIREMENT = 'Linux /etc/fstab entries should name devices by UUID=, LABEL=, PARTUUID=, /dev/disk/by-* or an LVM name';

// One object for every VM, not a literal (and closures) made per call.
const CHECK: FstabCheck = {
  field: 'device',
  offends: (device) => KERNEL_DEVICE.test(device),
  requirement: REQUIREMENT,
  failure: (offenders) => `/etc/fstab names kernel devices (guest.fstab): ${offenders.join(', ')}; `
    + 'disk names change on EC2 (NVMe, another order) and the instance may not mount them or boot: '
    + 'name them by UUID=, LABEL=, PARTUUID=, /dev/disk/by-* or an LVM name',
};

/**
 * No `/etc/fstab` entry of a Linux VM names a kernel device such as `/dev/sdb1` (a warning rule, any
 * method; decided): device names change on EC2. Uses SMS-PREP11's pattern.
 *
 * Fails listing every offending entry (swap included); unknown when `guest.fstab` (or an entry's device)
 * is missing; n/a on Windows and on family `other`.
 */
export function fstabKernelDeviceNames({ vm }: VmContext): RuleResult {
  return checkFstab(vm, CHECK);
}
