import { RuleResult, VmContext } from '../../assessment/rule';
import { ReplicationMethod } from '../../plan/model/plan';
import { checkFlag, FlagCheck } from '../sms/facts/guest';
import type { MgnVmContext } from './context';
import { methodGate } from './facts/method-gate';

const CHECK: FlagCheck = {
  wanted: false,
  field: 'guest.drsAgentInstalled',
  failing: 'an Elastic Disaster Recovery agent is installed',
  question: 'whether an Elastic Disaster Recovery agent is installed',
  requirement: 'the MGN agent cannot be installed beside it: uninstall the Elastic Disaster Recovery agent first',
};

/**
 * No AWS Elastic Disaster Recovery agent is installed (an error rule, any family, agent-based
 * replication only): MGN does not install its agent on a server that already has the other.
 *
 * Passes on `guest.drsAgentInstalled: false`, fails on true, unknown when missing; n/a for agentless VMs.
 */
export function noDrsAgent(ctx: VmContext): RuleResult {
  return methodGate(ctx as MgnVmContext, ReplicationMethod.AGENT) ?? checkFlag(ctx.vm.guest?.drsAgentInstalled, CHECK);
}
