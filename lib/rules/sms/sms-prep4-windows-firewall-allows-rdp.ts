import { familyGate } from '../../assessment/family-gate';
import { checkFlag, FlagCheck } from './facts/guest';
import { OsFamily } from '../../plan/model/plan';
import { RuleResult, VmContext } from '../../assessment/rule';

const REQUIREMENT = 'the Windows host firewall must allow RDP, or the instance is unreachable after migration';

const CHECK: FlagCheck = {
  wanted: true,
  field: 'guest.firewallAllowsRemoteAccess',
  failing: 'the host firewall blocks RDP',
  question: 'whether the host firewall allows RDP',
  requirement: REQUIREMENT,
};

/**
 * A Windows VM's host firewall (Windows Firewall or another) allows RDP, read from
 * `guest.firewallAllowsRemoteAccess`.
 *
 * n/a on Linux and on family `other`; unknown when the family cannot be told.
 */
export function windowsFirewallAllowsRdp({ vm }: VmContext): RuleResult {
  return familyGate(vm, OsFamily.WINDOWS, REQUIREMENT) ?? checkFlag(vm.guest?.firewallAllowsRemoteAccess, CHECK);
}
