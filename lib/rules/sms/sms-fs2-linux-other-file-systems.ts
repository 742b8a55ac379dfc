import { allVolumes } from '../../plan/model/disks';
import { OsFamily } from '../../plan/model/plan';
import { fail, pass, RuleResult, unknown, VmContext } from '../../assessment/rule';
import { familyGate } from '../../assessment/family-gate';
import { disksWithoutVolumes, fileSystemOf, isSwap, LINUX_FILE_SYSTEMS, mountOf, noDisks, volumeLabel } from './facts/boot';

const REQUIREMENT = `Linux volumes other than / and swap should use ${LINUX_FILE_SYSTEMS.join(', ')}`;

/**
 * Every Linux volume other than the root volume uses one of the file systems SMS can import; swap is
 * exempt. A warning: the VM may import, but such a volume may not come across.
 *
 * Judges every volume not mounted at `/` (a volume without a mount point too), and lists every
 * offender. A volume whose file system is not recorded, or a disk whose volumes are not listed, makes
 * it unknown unless an offender is already certain: the fail then also names what was not recorded.
 */
export function linuxOtherFileSystems({ vm }: VmContext): RuleResult {
  const gate = familyGate(vm, OsFamily.LINUX, REQUIREMENT);
  if (gate) {
    return gate;
  }
  const none = noDisks(vm, REQUIREMENT);
  if (none) {
    return none;
  }
  const offenders: string[] = [];
  const unrecorded: string[] = disksWithoutVolumes(vm).map((disk) => `volumes of ${disk}`);
  for (const placed of allVolumes(vm)) {
    if (mountOf(placed.volume) === '/' || isSwap(placed.volume)) {
      continue;
    }
    const fs = fileSystemOf(placed.volume);
    if (fs === undefined) {
      unrecorded.push(volumeLabel(placed));
    } else if (!LINUX_FILE_SYSTEMS.includes(fs)) {
      offenders.push(`${volumeLabel(placed)} uses ${fs}`);
    }
  }
  if (offenders.length > 0) {
    const also = unrecorded.length > 0 ? `; not recorded: ${unrecorded.join(', ')}` : '';
    return fail(`${offenders.join(', ')} (supported: ${LINUX_FILE_SYSTEMS.join(', ')}; swap is exempt)${also}`);
  }
  if (unrecorded.length > 0) {
    return unknown(`not recorded (disks[].volumes, disks[].volumes[].fileSystem): ${unrecorded.join(', ')}: ${REQUIREMENT}`);
  }
  return pass();
}
