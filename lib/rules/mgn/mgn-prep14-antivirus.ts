import { RuleResult, VmContext } from '../../assessment/rule';
import { ReplicationMethod } from '../../plan/model/plan';
import { checkFlag, FlagCheck } from '../sms/facts/guest';
import type { MgnVmContext } from './context';
import { methodGate } from './facts/method-gate';

const CHECK: FlagCheck = {
  wanted: false,
  field: 'guest.antivirusEnabled',
  failing: 'antivirus or EDR software is enabled',
  question: 'whether antivirus or EDR software is enabled',
  requirement: 'it may block the MGN agent installer or its driver: allow-list the agent or pause protection while installing',
};

/**
 * No enabled antivirus or EDR software stands in the installer's way (a warning rule, any family,
 * agent-based replication only; decided).
 *
 * Passes on `guest.antivirusEnabled: false`, fails on true, unknown when missing; n/a for agentless VMs.
 */
export function antivirus(ctx: VmContext): RuleResult {
  return methodGate(ctx as MgnVmContext, ReplicationMethod.AGENT) ?? checkFlag(ctx.vm.guest?.antivirusEnabled, CHECK);
}
