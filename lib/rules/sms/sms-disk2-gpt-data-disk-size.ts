import { bootDisk, formatGiB } from '../../plan/model/disks';
import { Disk, PartitionStyle } from '../../plan/model/plan';
import { fail, pass, RuleResult, unknown, VmContext } from '../../assessment/rule';
import { disksNotRecorded, disksWhere, listDisks } from './facts/disks';

/** The largest non-boot GPT disk SMS imports: 4 TiB. */
const MAX_GPT_DATA_DISK_GIB = 4096;

const REQUIREMENT = `a non-boot GPT disk may be at most ${MAX_GPT_DATA_DISK_GIB} GiB (4 TiB)`;

function isOversizedGpt(disk: Disk): boolean {
  return disk.partitionStyle === PartitionStyle.GPT && Number.isFinite(disk.sizeGiB) && disk.sizeGiB! > MAX_GPT_DATA_DISK_GIB;
}

// A disk no larger than the limit passes whatever its style, so only a larger (or unsized) one needs it.
function needsStyle(disk: Disk): boolean {
  return disk.partitionStyle == null && !(Number.isFinite(disk.sizeGiB) && disk.sizeGiB! <= MAX_GPT_DATA_DISK_GIB);
}

function isUnsizedGpt(disk: Disk): boolean {
  return disk.partitionStyle === PartitionStyle.GPT && !Number.isFinite(disk.sizeGiB);
}

/**
 * Every non-boot disk partitioned with GPT is at most 4 TiB (4096 GiB).
 *
 * The boot disk (the one marked `boot: true`, else the first) is SMS-BOOT2's and SMS-BOOT3's; every
 * other disk is judged here. An MBR disk passes whatever its size (MBR cannot address more than 2 TiB
 * anyway), and so does any disk no larger than the limit. A disk larger than the limit (or unsized)
 * whose partition style is not recorded, or a GPT disk whose size is not, makes the rule unknown unless
 * another disk fails; a failure names every oversized disk.
 */
export function gptDataDiskSize({ vm }: VmContext): RuleResult {
  if (!Array.isArray(vm.disks)) {
    return disksNotRecorded(REQUIREMENT);
  }
  // Only the data disks count: the boot disk is left out of every list.
  const boot = bootDisk(vm);
  const oversized = disksWhere(vm, isOversizedGpt, boot)!;
  const noStyle = disksWhere(vm, needsStyle, boot)!;
  const noSize = disksWhere(vm, isUnsizedGpt, boot)!;

  if (oversized.length > 0) {
    const items = oversized.map((d) => `${d.label} is a ${formatGiB(d.disk.sizeGiB!)} GPT disk`);
    return fail(`${items.join(', ')}: ${REQUIREMENT}`);
  }
  const missing: string[] = [];
  if (noStyle.length > 0) {
    missing.push(`the partition style of ${listDisks(noStyle)} is not recorded (disks[].partitionStyle)`);
  }
  if (noSize.length > 0) {
    missing.push(`the size of ${listDisks(noSize)} (GPT) is not recorded (disks[].sizeGiB)`);
  }
  if (missing.length > 0) {
    return unknown(`${missing.join(' and ')}: ${REQUIREMENT}`);
  }
  return pass();
}
