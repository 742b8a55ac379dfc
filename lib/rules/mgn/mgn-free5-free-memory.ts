import { ReplicationMethod } from '../../plan/model/plan';
import { fail, pass, RuleResult, unknown, VmContext } from '../../assessment/rule';
import { formatAgainst } from '../sms/facts/boot';
import type { MgnVmContext } from './context';
import { methodGate } from './facts/method-gate';
import { MIB } from './facts/volumes';

/** Free memory the agent needs, in MiB. */
const MIN_FREE_MEMORY_MIB = 300;

/** The same in GiB (0.29296875), as `guest.freeMemoryGiB` records it. */
const MIN_FREE_MEMORY_GIB = MIN_FREE_MEMORY_MIB * MIB;

const REQUIREMENT = `the agent needs at least ${MIN_FREE_MEMORY_MIB} MiB (${MIN_FREE_MEMORY_GIB} GiB) of free memory`;

/**
 * MGN-FREE5 [agent]: the guest has at least 300 MiB of free memory (`guest.freeMemoryGiB`), for every
 * family; exactly 300 MiB passes. Unknown when not recorded; n/a for agentless VMs.
 */
export function freeMemory(ctx: VmContext): RuleResult {
  const gate = methodGate(ctx as MgnVmContext, ReplicationMethod.AGENT);
  if (gate) {
    return gate;
  }
  const free = ctx.vm.guest?.freeMemoryGiB;
  if (typeof free !== 'number' || !Number.isFinite(free)) {
    return unknown(`the guest's free memory is not recorded (guest.freeMemoryGiB): ${REQUIREMENT}`);
  }
  if (free < MIN_FREE_MEMORY_GIB) {
    return fail(`the guest has ${formatAgainst(free / MIB, MIN_FREE_MEMORY_MIB, 'MiB')} of free memory (guest.freeMemoryGiB ${free}): `
      + REQUIREMENT);
  }
  return pass();
}
