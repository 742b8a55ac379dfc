import { OsFamily, ReplicationMethod } from '../../plan/model/plan';
import { familyGate } from '../../assessment/family-gate';
import { fail, pass, RuleResult, VmContext } from '../../assessment/rule';
import { formatAgainst, volumeLabel } from '../sms/facts/boot';
import type { MgnVmContext } from './context';
import { methodGate } from './facts/method-gate';
import { freeGiBOf, missingFree, missingVolume, rootVolume, TMP_MIN_FREE_GIB, tmpVolume } from './facts/volumes';

const REQUIREMENT = `the agent installer needs at least ${TMP_MIN_FREE_GIB} GiB free on the volume holding /tmp`;

/**
 * MGN-FREE2 [agent]: the volume holding `/tmp` (its own volume, else `/`) has at least 1 GiB free for
 * the installer; exactly 1 GiB passes. Unknown when neither volume, or the free space of the one
 * holding `/tmp`, is recorded. n/a for agentless VMs, Windows and `other`.
 */
export function linuxTmpFreeSpace(ctx: VmContext): RuleResult {
  const { vm } = ctx as MgnVmContext;
  const gate = methodGate(ctx as MgnVmContext, ReplicationMethod.AGENT) ?? familyGate(vm, OsFamily.LINUX, REQUIREMENT);
  if (gate) {
    return gate;
  }
  const own = tmpVolume(vm);
  const holder = own ?? rootVolume(vm);
  if (!holder) {
    return missingVolume(vm, 'no volume mounted at /tmp or / is recorded', REQUIREMENT);
  }
  const role = own ? '/tmp volume' : 'root volume (holding /tmp)';
  const free = freeGiBOf(holder);
  if (free === undefined) {
    return missingFree(role, holder, REQUIREMENT);
  }
  if (free < TMP_MIN_FREE_GIB) {
    return fail(`${role} ${volumeLabel(holder)} has ${formatAgainst(free, TMP_MIN_FREE_GIB, 'GiB')} free `
      + `(disks[].volumes[].freeGiB): ${REQUIREMENT}`);
  }
  return pass();
}
