import { OsFamily } from '../../plan/model/plan';
import { fail, pass, RuleResult, unknown, VmContext } from '../../assessment/rule';
import { familyGate } from '../../assessment/family-gate';
import { formatAgainst, missingRoot, rootOf, volumeLabel, WINDOWS_MIN_FREE_GIB } from './facts/boot';

const REQUIREMENT = `the Windows system volume needs at least ${WINDOWS_MIN_FREE_GIB} GiB free`;

/**
 * The Windows system volume (`system: true`, else `C:`) has at least 6 GiB free, for the drivers SMS
 * installs. Exactly 6 GiB passes. n/a for Linux and `other`.
 */
export function windowsRootFreeSpace({ vm }: VmContext): RuleResult {
  const gate = familyGate(vm, OsFamily.WINDOWS, REQUIREMENT);
  if (gate) {
    return gate;
  }
  const root = rootOf(vm, OsFamily.WINDOWS);
  if (!root) {
    return missingRoot(vm, OsFamily.WINDOWS, REQUIREMENT);
  }
  const free = root.volume.freeGiB;
  if (typeof free !== 'number' || Number.isNaN(free)) {
    return unknown(`the free space of system volume ${volumeLabel(root)} is not recorded (disks[].volumes[].freeGiB): ${REQUIREMENT}`);
  }
  if (free >= WINDOWS_MIN_FREE_GIB) {
    return pass();
  }
  return fail(`system volume ${volumeLabel(root)} has ${formatAgainst(free, WINDOWS_MIN_FREE_GIB, 'GiB')} free: ${REQUIREMENT}`);
}
