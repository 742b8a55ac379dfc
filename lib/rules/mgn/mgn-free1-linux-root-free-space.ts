import { OsFamily, ReplicationMethod } from '../../plan/model/plan';
import { familyGate } from '../../assessment/family-gate';
import { fail, pass, RuleResult, Severity, VmContext } from '../../assessment/rule';
import { formatAgainst, volumeLabel } from '../sms/facts/boot';
import type { MgnVmContext } from './context';
import { methodGate } from './facts/method-gate';
import { freeGiBOf, missingFree, missingVolume, ROOT_MIN_FREE_GIB, rootVolume, TMP_MIN_FREE_GIB, tmpVolume } from './facts/volumes';

const REQUIREMENT = `the agent needs at least ${ROOT_MIN_FREE_GIB} GiB free on /`;

/** What the root volume should have when it also holds `/tmp` (the warning band). */
const SHARED_GIB = ROOT_MIN_FREE_GIB + TMP_MIN_FREE_GIB;

/**
 * MGN-FREE1 [agent]: a Linux root volume (`/`) has at least 2 GiB free for the agent; exactly 2 GiB
 * passes. When `/tmp` is not its own volume, `/` also takes the installer's 1 GiB in `/tmp`, so less
 * than 3 GiB fails as a warning. Unknown when no `/` volume or its `freeGiB` is recorded. n/a for
 * agentless VMs, Windows and `other`.
 */
export function linuxRootFreeSpace(ctx: VmContext): RuleResult {
  const { vm } = ctx as MgnVmContext;
  const gate = methodGate(ctx as MgnVmContext, ReplicationMethod.AGENT) ?? familyGate(vm, OsFamily.LINUX, REQUIREMENT);
  if (gate) {
    return gate;
  }
  const root = rootVolume(vm);
  if (!root) {
    return missingVolume(vm, 'no volume mounted at / is recorded', REQUIREMENT);
  }
  const free = freeGiBOf(root);
  if (free === undefined) {
    return missingFree('root volume', root, REQUIREMENT);
  }
  if (free < ROOT_MIN_FREE_GIB) {
    return fail(`root volume ${volumeLabel(root)} has ${formatAgainst(free, ROOT_MIN_FREE_GIB, 'GiB')} free `
      + `(disks[].volumes[].freeGiB): ${REQUIREMENT}`);
  }
  if (free < SHARED_GIB && tmpVolume(vm) === undefined) {
    return fail(`root volume ${volumeLabel(root)} has ${formatAgainst(free, SHARED_GIB, 'GiB')} free (disks[].volumes[].freeGiB) `
      + `and also holds /tmp (no volume is mounted at /tmp): at least ${SHARED_GIB} GiB is advised, ${ROOT_MIN_FREE_GIB} GiB `
      + `for the agent on / and ${TMP_MIN_FREE_GIB} GiB for the installer in /tmp`, Severity.WARNING);
  }
  return pass();
}
