import { familyGate } from '../../assessment/family-gate';
import { RuleResult, VmContext } from '../../assessment/rule';
import { OsFamily, ReplicationMethod } from '../../plan/model/plan';
import { checkFlag, FlagCheck } from '../sms/facts/guest';
import type { MgnVmContext } from './context';
import { methodGate } from './facts/method-gate';

const CHECK: FlagCheck = {
  wanted: true,
  field: 'guest.updatesCurrent',
  failing: 'Windows updates are pending',
  question: 'whether every available Windows update is installed',
  requirement: 'install all available updates before the MGN agent, so a pending reboot or old component does not stop it',
};

/**
 * Every available Windows update is installed (a warning rule, agent-based replication only).
 *
 * Passes on `guest.updatesCurrent: true`, fails on false, unknown when missing; n/a for agentless VMs
 * and off Windows.
 */
export function windowsUpdates(ctx: VmContext): RuleResult {
  const gate = methodGate(ctx as MgnVmContext, ReplicationMethod.AGENT) ?? familyGate(ctx.vm, OsFamily.WINDOWS, CHECK.requirement);
  return gate ?? checkFlag(ctx.vm.guest?.updatesCurrent, CHECK);
}
