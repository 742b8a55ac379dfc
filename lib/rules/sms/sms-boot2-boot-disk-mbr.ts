import { bootDisk } from '../../plan/model/disks';
import { Firmware, PartitionStyle } from '../../plan/model/plan';
import { fail, pass, RuleResult, unknown, VmContext } from '../../assessment/rule';
import { bootDiskLabel, disksUnknown } from './facts/boot';

const REQUIREMENT = 'the boot disk must use MBR partitioning and BIOS firmware';

/**
 * The boot disk uses MBR partitioning, whatever the OS family.
 *
 * UEFI firmware boots from a GPT disk, so `firmware: uefi` fails even when the boot disk is recorded
 * as MBR. An MBR boot disk passes with BIOS firmware and also when the firmware is not recorded: BIOS
 * is then the only way it boots. With BIOS (or unrecorded) firmware, an unrecorded partition style is
 * unknown.
 */
export function bootDiskMbr({ vm }: VmContext): RuleResult {
  const disk = bootDisk(vm);
  const firmware = vm.firmware == null ? undefined : String(vm.firmware).trim().toLowerCase();
  const style = disk?.partitionStyle == null ? undefined : String(disk.partitionStyle).trim().toLowerCase();
  if (firmware === Firmware.UEFI) {
    const recorded = disk && style === PartitionStyle.MBR
      ? ` (${bootDiskLabel(vm, disk)} is recorded as mbr, but UEFI only boots from GPT)` : '';
    return fail(`firmware uefi boots from a GPT partition table${recorded}: ${REQUIREMENT}`);
  }
  if (!disk) {
    return disksUnknown(REQUIREMENT);
  }
  if (style === undefined || style === '') {
    return unknown(`the partition style of ${bootDiskLabel(vm, disk)} is not recorded (disks[].partitionStyle): ${REQUIREMENT}`);
  }
  if (style === PartitionStyle.MBR) {
    return pass();
  }
  return fail(`${bootDiskLabel(vm, disk)} uses ${style} partitioning: ${REQUIREMENT}`);
}
