import { RuleResult, VmContext } from '../../assessment/rule';
import { ReplicationMethod } from '../../plan/model/plan';
import { checkFlag, FlagCheck } from '../sms/facts/guest';
import type { MgnVmContext } from './context';
import { methodGate } from './facts/method-gate';

const CHECK: FlagCheck = {
  wanted: true,
  field: 'guest.stableMac',
  failing: 'MAC addresses change across reboots',
  question: 'whether MAC addresses stay the same across reboots',
  requirement: 'the MGN agent identifies the server by them, and a change stops replication: fix the MAC addresses',
};

/**
 * MAC addresses are stable across reboots (a warning rule, any family, agent-based replication only):
 * the agent identifies the source server by them.
 *
 * Passes on `guest.stableMac: true`, fails on false, unknown when missing; n/a for agentless VMs.
 */
export function stableMac(ctx: VmContext): RuleResult {
  return methodGate(ctx as MgnVmContext, ReplicationMethod.AGENT) ?? checkFlag(ctx.vm.guest?.stableMac, CHECK);
}
