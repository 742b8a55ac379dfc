import { bootDisk } from '../../plan/model/disks';
import { fail, pass, RuleResult, unknown, VmContext } from '../../assessment/rule';
import { bootDiskLabel, disksUnknown, formatAgainst, MAX_BOOT_DISK_GIB } from './facts/boot';

const REQUIREMENT = `the boot disk may be at most ${MAX_BOOT_DISK_GIB} GiB (2 TiB, the MBR limit)`;

/**
 * The boot disk (the virtual disk holding the MBR) is at most 2 TiB, uncompressed, whatever the OS
 * family: MBR cannot address more. Exactly 2048 GiB passes.
 */
export function bootDiskSize({ vm }: VmContext): RuleResult {
  const disk = bootDisk(vm);
  if (!disk) {
    return disksUnknown(REQUIREMENT);
  }
  if (typeof disk.sizeGiB !== 'number' || Number.isNaN(disk.sizeGiB)) {
    return unknown(`the size of ${bootDiskLabel(vm, disk)} is not recorded (disks[].sizeGiB): ${REQUIREMENT}`);
  }
  if (disk.sizeGiB <= MAX_BOOT_DISK_GIB) {
    return pass();
  }
  return fail(`${bootDiskLabel(vm, disk)} is ${formatAgainst(disk.sizeGiB, MAX_BOOT_DISK_GIB, 'GiB')}: ${REQUIREMENT}`);
}
