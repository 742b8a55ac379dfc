import { OsFamily, ReplicationMethod } from '../../plan/model/plan';
import { familyGate } from '../../assessment/family-gate';
import { fail, notApplicable, pass, RuleResult, VmContext } from '../../assessment/rule';
import { formatAgainst, volumeLabel } from '../sms/facts/boot';
import type { MgnVmContext } from './context';
import { methodGate } from './facts/method-gate';
import { BOOT_MIN_FREE_GIB, bootVolume, freeGiBOf, MIB, missingFree, missingVolume, volumesRecorded } from './facts/volumes';

const BOOT_MIN_FREE_MIB = BOOT_MIN_FREE_GIB / MIB;

const REQUIREMENT = `a separate /boot volume needs at least ${BOOT_MIN_FREE_MIB} MiB (${BOOT_MIN_FREE_GIB} GiB) free for the agent`;

/**
 * MGN-FREE3 [agent]: a separate `/boot` volume has at least 50 MiB (0.048828125 GiB) free; exactly that
 * passes. n/a when the recorded volumes include none mounted at `/boot` (it is then a directory of `/`,
 * which MGN-FREE1 judges); unknown when no volumes are recorded at all, or the `/boot` volume's free
 * space is not. n/a for agentless VMs, Windows and `other`.
 */
export function linuxBootFreeSpace(ctx: VmContext): RuleResult {
  const { vm } = ctx as MgnVmContext;
  const gate = methodGate(ctx as MgnVmContext, ReplicationMethod.AGENT) ?? familyGate(vm, OsFamily.LINUX, REQUIREMENT);
  if (gate) {
    return gate;
  }
  const boot = bootVolume(vm);
  if (!boot) {
    return volumesRecorded(vm) ? notApplicable() : missingVolume(vm, 'no volume mounted at /boot is recorded', REQUIREMENT);
  }
  const free = freeGiBOf(boot);
  if (free === undefined) {
    return missingFree('/boot volume', boot, REQUIREMENT);
  }
  if (free < BOOT_MIN_FREE_GIB) {
    return fail(`/boot volume ${volumeLabel(boot)} has ${formatAgainst(free / MIB, BOOT_MIN_FREE_MIB, 'MiB')} free `
      + `(disks[].volumes[].freeGiB): ${REQUIREMENT}`);
  }
  return pass();
}
