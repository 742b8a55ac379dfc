import { ReplicationMethod } from '../../plan/model/plan';
import { fail, RuleResult, VmContext } from '../../assessment/rule';
import { MgnVmContext } from './context';
import { methodGate } from './facts/method-gate';

/** The reminder every agentless VM gets: one frozen result, so one finding serves them all. */
const REMINDER: RuleResult = Object.freeze(fail('agentless replication: do not move the VM (vMotion, Storage vMotion, DRS) '
  + 'while a snapshot run is shipping, and between runs only where the vCenter Client\'s vCenter account has rights; '
  + 'never move it to another vCenter; VMware ships 50 VMs at once and queues the rest; cutover waits for a fresh snapshot'));

/**
 * [agentless] A reminder of how snapshot shipping behaves: a move during a run breaks it, a move
 * between runs works with rights at the destination, cross-vCenter vMotion never does, VMware ships
 * 50 VMs at a time, and cutover waits for a fresh snapshot. No plan fact decides it: an info finding
 * on every agentless VM, never unknown; n/a for agent-based VMs.
 */
export function agentlessRuns(ctx: VmContext): RuleResult {
  return methodGate(ctx as MgnVmContext, ReplicationMethod.AGENTLESS) ?? REMINDER;
}
