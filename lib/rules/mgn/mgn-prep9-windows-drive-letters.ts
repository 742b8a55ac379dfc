import { familyGate } from '../../assessment/family-gate';
import { fail, pass, RuleResult, unknown, VmContext } from '../../assessment/rule';
import { OsFamily, ReplicationMethod } from '../../plan/model/plan';
import { disksUnknown, forEachVolume, mountOf, unrecordedVolumeLists, volumeLabel } from '../sms/facts/boot';
import type { MgnVmContext } from './context';
import { methodGate } from './facts/method-gate';

/** A drive-letter mount: `C:` or `C:\` (MGN-RULES.md, "Volumes"). */
const DRIVE_LETTER = /^[A-Za-z]:\\?$/;

const REQUIREMENT = 'every Windows volume needs a drive letter (disks[].volumes[].mount such as D:): the MGN agent does not replicate '
  + 'volumes mounted in a folder or without a letter';

/**
 * Every volume of a Windows VM, on every disk, has a drive letter (an error rule, agent-based replication
 * only): the agent ignores volumes mounted in a folder.
 *
 * Fails listing every volume whose `mount` is not a drive letter; otherwise unknown when a volume's
 * mount, a disk's volume list or the disks are not recorded; n/a for agentless VMs and off Windows.
 */
export function windowsDriveLetters(ctx: VmContext): RuleResult {
  const gate = methodGate(ctx as MgnVmContext, ReplicationMethod.AGENT) ?? familyGate(ctx.vm, OsFamily.WINDOWS, REQUIREMENT);
  if (gate) {
    return gate;
  }
  const { vm } = ctx;
  if ((vm.disks ?? []).length === 0) {
    return disksUnknown(REQUIREMENT);
  }
  let offenders: string[] | undefined;
  let unmounted: string[] | undefined;
  forEachVolume(vm, (volume, disk, diskIndex) => {
    const mount = mountOf(volume);
    if (mount === undefined) {
      (unmounted ??= []).push(volumeLabel({ volume, disk, diskIndex }));
    } else if (!DRIVE_LETTER.test(mount)) {
      (offenders ??= []).push(volumeLabel({ volume, disk, diskIndex }));
    }
  });
  if (offenders !== undefined) {
    return fail(`${offenders.length === 1 ? 'a volume has' : 'volumes have'} no drive letter (disks[].volumes[].mount): ${offenders.join(', ')}; `
      + 'the MGN agent will not replicate them: give each a drive letter');
  }
  if (unmounted !== undefined) {
    return unknown(`the mount of ${unmounted.join(', ')} is not recorded (disks[].volumes[].mount): ${REQUIREMENT}`);
  }
  const lists = unrecordedVolumeLists(vm);
  if (lists !== undefined) {
    return unknown(`${lists.join(', ')} ${lists.length === 1 ? 'is' : 'are'} not recorded (disks[].volumes): ${REQUIREMENT}`);
  }
  return pass();
}
