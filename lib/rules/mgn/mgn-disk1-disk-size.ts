import { diskLabel } from '../../plan/model/disks';
import { fail, pass, RuleResult, Severity, unknown, VmContext } from '../../assessment/rule';
import { disksNotRecorded } from '../sms/facts/disks';
import { formatAgainst } from '../sms/facts/boot';

/** The largest disk the MGN installer replicates, in GiB (16 TiB). */
export const MAX_DISK_GIB = 16384;

/** Above this, in GiB, a disk is past the page's "16 TB" read decimally (16 * 10^12 bytes is 14,901.16 GiB): a warning. */
export const DISK_WARNING_GIB = 14901.16;

const REQUIREMENT = `every disk must be at most ${MAX_DISK_GIB} GiB (16 TiB)`;

/**
 * MGN-DISK1: every disk is at most 16,384 GiB (16 TiB), for every family and method: the installer
 * refuses a larger one. A disk above 14,901.16 GiB (16 TB) fails as a warning.
 *
 * An oversized disk fails whatever else is missing; otherwise a disk without `sizeGiB` is unknown (its
 * message also names any disk in the warning band), and only then does the warning band report.
 * Unknown when `disks` is absent; an explicit empty list passes.
 */
export function diskSize({ vm }: VmContext): RuleResult {
  const disks = vm.disks;
  if (!Array.isArray(disks)) {
    return disksNotRecorded(REQUIREMENT);
  }
  const over: string[] = [];
  const band: string[] = [];
  const missing: string[] = [];
  disks.forEach((disk, index) => {
    const size = disk?.sizeGiB;
    if (typeof size !== 'number' || !Number.isFinite(size)) {
      missing.push(diskLabel(disk ?? {}, index));
    } else if (size > MAX_DISK_GIB) {
      over.push(`${diskLabel(disk, index)} is ${formatAgainst(size, MAX_DISK_GIB, 'GiB')}`);
    } else if (size > DISK_WARNING_GIB) {
      band.push(`${diskLabel(disk, index)} is ${formatAgainst(size, DISK_WARNING_GIB, 'GiB')}`);
    }
  });
  if (over.length > 0) {
    return fail(`${over.join(', ')} (disks[].sizeGiB): ${REQUIREMENT}; split the data over smaller disks`);
  }
  if (missing.length > 0) {
    const alsoBand = band.length > 0 ? `; ${band.join(', ')}, above ${DISK_WARNING_GIB} GiB (16 TB)` : '';
    return unknown(`the size of ${missing.join(', ')} is not recorded (disks[].sizeGiB): ${REQUIREMENT}${alsoBand}`);
  }
  if (band.length > 0) {
    return fail(`${band.join(', ')} (disks[].sizeGiB): above ${DISK_WARNING_GIB} GiB (16 TB), close to the limit: ${REQUIREMENT}`,
      Severity.WARNING);
  }
  return pass();
}
