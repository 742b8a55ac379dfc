import { OsFamily } from '../../plan/model/plan';
import { fail, pass, RuleResult, unknown, VmContext } from '../../assessment/rule';
import { familyGate } from '../../assessment/family-gate';
import { formatAgainst, LINUX_MIN_FREE_GIB, missingRoot, rootOf, volumeLabel } from './facts/boot';

const REQUIREMENT = 'the Linux root volume needs at least 250 MiB (0.244140625 GiB) free';

/**
 * The Linux root volume (`/`) has at least 250 MiB free, for the drivers and software SMS installs.
 * Exactly 250 MiB (0.244140625 GiB) passes. n/a for Windows and `other`.
 */
export function linuxRootFreeSpace({ vm }: VmContext): RuleResult {
  const gate = familyGate(vm, OsFamily.LINUX, REQUIREMENT);
  if (gate) {
    return gate;
  }
  const root = rootOf(vm, OsFamily.LINUX);
  if (!root) {
    return missingRoot(vm, OsFamily.LINUX, REQUIREMENT);
  }
  const free = root.volume.freeGiB;
  if (typeof free !== 'number' || Number.isNaN(free)) {
    return unknown(`the free space of root volume ${volumeLabel(root)} is not recorded (disks[].volumes[].freeGiB): ${REQUIREMENT}`);
  }
  if (free >= LINUX_MIN_FREE_GIB) {
    return pass();
  }
  return fail(`root volume ${volumeLabel(root)} has ${formatAgainst(free * 1024, LINUX_MIN_FREE_GIB * 1024, 'MiB')} free: ${REQUIREMENT}`);
}
