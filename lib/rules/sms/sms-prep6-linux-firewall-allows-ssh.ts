import { familyGate } from '../../assessment/family-gate';
import { checkFlag, FlagCheck } from './facts/guest';
import { OsFamily } from '../../plan/model/plan';
import { RuleResult, VmContext } from '../../assessment/rule';

const REQUIREMENT = 'the Linux host firewall (iptables or similar) must allow SSH, or the instance is unreachable after migration';

const CHECK: FlagCheck = {
  wanted: true,
  field: 'guest.firewallAllowsRemoteAccess',
  failing: 'the host firewall blocks SSH',
  question: 'whether the host firewall allows SSH',
  requirement: REQUIREMENT,
};

/**
 * A Linux VM's host firewall (iptables, firewalld, ufw...) allows SSH, read from
 * `guest.firewallAllowsRemoteAccess`.
 *
 * n/a on Windows and on family `other`; unknown when the family cannot be told.
 */
export function linuxFirewallAllowsSsh({ vm }: VmContext): RuleResult {
  return familyGate(vm, OsFamily.LINUX, REQUIREMENT) ?? checkFlag(vm.guest?.firewallAllowsRemoteAccess, CHECK);
}
