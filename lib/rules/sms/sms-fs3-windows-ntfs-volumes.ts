import { allVolumes } from '../../plan/model/disks';
import { OsFamily } from '../../plan/model/plan';
import { fail, pass, RuleResult, unknown, VmContext } from '../../assessment/rule';
import { familyGate } from '../../assessment/family-gate';
import { disksWithoutVolumes, fileSystemOf, noDisks, volumeLabel } from './facts/boot';

const REQUIREMENT = 'every Windows volume must use NTFS';

/**
 * Every volume of a Windows VM is NTFS (FAT, exFAT and ReFS fail), and every offender is listed.
 *
 * A volume whose file system is not recorded, or a disk whose volumes are not listed, makes it
 * unknown unless an offender is already certain: the fail then also names what was not recorded.
 * n/a for Linux and `other`.
 */
export function windowsNtfsVolumes({ vm }: VmContext): RuleResult {
  const gate = familyGate(vm, OsFamily.WINDOWS, REQUIREMENT);
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
    const fs = fileSystemOf(placed.volume);
    if (fs === undefined) {
      unrecorded.push(volumeLabel(placed));
    } else if (fs !== 'ntfs') {
      offenders.push(`${volumeLabel(placed)} uses ${fs}`);
    }
  }
  if (offenders.length > 0) {
    const also = unrecorded.length > 0 ? `; not recorded: ${unrecorded.join(', ')}` : '';
    return fail(`${offenders.join(', ')} (supported: ntfs)${also}`);
  }
  if (unrecorded.length > 0) {
    return unknown(`not recorded (disks[].volumes, disks[].volumes[].fileSystem): ${unrecorded.join(', ')}: ${REQUIREMENT}`);
  }
  return pass();
}
