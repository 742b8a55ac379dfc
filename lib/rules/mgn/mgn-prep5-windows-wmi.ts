import { familyGate } from '../../assessment/family-gate';
import { RuleResult, VmContext } from '../../assessment/rule';
import { OsFamily, ReplicationMethod } from '../../plan/model/plan';
import { checkFlag, FlagCheck } from '../sms/facts/guest';
import type { MgnVmContext } from './context';
import { methodGate } from './facts/method-gate';

const CHECK: FlagCheck = {
  wanted: true,
  field: 'guest.wmiRunning',
  failing: 'the WMI service is not running',
  question: 'whether the WMI service runs',
  requirement: 'the MGN agent installer on Windows needs Windows Management Instrumentation running',
};

/**
 * The Windows Management Instrumentation service runs (an error rule, agent-based replication only):
 * the installer and the agent read the disks and the system through it.
 *
 * Passes on `guest.wmiRunning: true`, fails on false, unknown when missing; n/a for agentless VMs and
 * off Windows.
 */
export function windowsWmi(ctx: VmContext): RuleResult {
  const gate = methodGate(ctx as MgnVmContext, ReplicationMethod.AGENT) ?? familyGate(ctx.vm, OsFamily.WINDOWS, CHECK.requirement);
  return gate ?? checkFlag(ctx.vm.guest?.wmiRunning, CHECK);
}
