import { OsFamily } from '../../plan/model/plan';
import { fail, pass, RuleResult, unknown, VmContext } from '../../assessment/rule';
import { familyGate } from '../../assessment/family-gate';
import { fileSystemOf, forEachVolume, isSwap, LINUX_FILE_SYSTEMS, mountOf, noDisks, unrecordedVolumeLists, volumeLabel } from './facts/boot';

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
  // Most VMs have nothing to list: the lists are made at their first entry.
  let offenders: string[] | undefined;
  let unrecorded = unrecordedVolumeLists(vm);
  forEachVolume(vm, (volume, disk, diskIndex) => {
    if (mountOf(volume) === '/' || isSwap(volume)) {
      return;
    }
    const fs = fileSystemOf(volume);
    if (fs === undefined) {
      (unrecorded ??= []).push(volumeLabel({ volume, disk, diskIndex }));
    } else if (!LINUX_FILE_SYSTEMS.includes(fs)) {
      (offenders ??= []).push(`${volumeLabel({ volume, disk, diskIndex })} uses ${fs}`);
    }
  });
  if (offenders !== undefined) {
    const also = unrecorded !== undefined ? `; not recorded: ${unrecorded.join(', ')}` : '';
    return fail(`${offenders.join(', ')} (supported: ${LINUX_FILE_SYSTEMS.join(', ')}; swap is exempt)${also}`);
  }
  if (unrecorded !== undefined) {
    return unknown(`not recorded (disks[].volumes, disks[].volumes[].fileSystem): ${unrecorded.join(', ')}: ${REQUIREMENT}`);
  }
  return pass();
}
