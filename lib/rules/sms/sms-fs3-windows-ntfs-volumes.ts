import { OsFamily } from '../../plan/model/plan';
import { fail, pass, RuleResult, unknown, VmContext } from '../../assessment/rule';
import { familyGate } from '../../assessment/family-gate';
import { fileSystemOf, forEachVolume, noDisks, unrecordedVolumeLists, volumeLabel } from './facts/boot';

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
  // Most VMs have nothing to list: the lists are made at their first entry.
  let offenders: string[] | undefined;
  let unrecorded = unrecordedVolumeLists(vm);
  forEachVolume(vm, (volume, disk, diskIndex) => {
    const fs = fileSystemOf(volume);
    if (fs === undefined) {
      (unrecorded ??= []).push(volumeLabel({ volume, disk, diskIndex }));
    } else if (fs !== 'ntfs') {
      (offenders ??= []).push(`${volumeLabel({ volume, disk, diskIndex })} uses ${fs}`);
    }
  });
  if (offenders !== undefined) {
    const also = unrecorded !== undefined ? `; not recorded: ${unrecorded.join(', ')}` : '';
    return fail(`${offenders.join(', ')} (supported: ntfs)${also}`);
  }
  if (unrecorded !== undefined) {
    return unknown(`not recorded (disks[].volumes, disks[].volumes[].fileSystem): ${unrecorded.join(', ')}: ${REQUIREMENT}`);
  }
  return pass();
}
