import { familyGate } from '../../assessment/family-gate';
import { checkFlag } from './facts/guest';
import { OsFamily } from '../../plan/model/plan';
import { RuleResult, VmContext } from '../../assessment/rule';

const REQUIREMENT = 'the Windows host firewall must allow RDP, or the instance is unreachable after migration';

/**
 * A Windows VM's host firewall (Windows Firewall or another) allows RDP, read from
 * `guest.firewallAllowsRemoteAccess`.
 *
 * n/a on Linux and on family `other`; unknown when the family cannot be told.
 */
export function windowsFirewallAllowsRdp({ vm }: VmContext): RuleResult {
  return familyGate(vm, OsFamily.WINDOWS, REQUIREMENT) ?? checkFlag({
    value: vm.guest?.firewallAllowsRemoteAccess,
    wanted: true,
    field: 'guest.firewallAllowsRemoteAccess',
    failing: 'the host firewall blocks RDP',
    question: 'whether the host firewall allows RDP',
    requirement: REQUIREMENT,
  });
}
