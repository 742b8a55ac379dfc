import { Vm } from '../../plan/model/plan';
import { NetworkContext, RuleResult } from '../../assessment/rule';
import { MgnPlanFacts } from './context';
import { judgeFirewallLists, ownsReplicationGroups, stagingFirewallRules } from './facts/firewall';
import { settingsOf } from './facts/vm-settings';

/**
 * The staging subnet's rules: `mgn.network.stagingEgress` allows tcp 443 to `mgn`, `ec2` and `s3`,
 * and, with `customDns: true`, tcp 53 to `dns`; when some VM's replication servers use user-owned
 * security groups (`mgn.replication.securityGroups` after defaults), `mgn.network.stagingIngress`
 * allows tcp 1500 from `sources` (the library-owned group opens it itself).
 *
 * Rules match as in SMS-CON6. Unknown when a list it needs is not declared, or when `customDns` is not
 * recorded and `stagingEgress` does not already allow tcp 53 to `dns`.
 */
export function stagingNetwork({ plan, facts }: NetworkContext): RuleResult {
  // The pack's facts hold each VM's settings after defaults; a context built otherwise reads them afresh.
  const scope = 'scope' in facts ? (facts as MgnPlanFacts).scope : undefined;
  const settings = scope !== undefined && scope.plan === plan ? (vm: Vm) => scope.settings(vm) : (vm: Vm) => settingsOf(vm, plan.defaults);
  const network = plan.mgn?.network;
  const required = stagingFirewallRules(network, ownsReplicationGroups(plan.vms, settings));
  return judgeFirewallLists({
    egress: { field: 'mgn.network.stagingEgress', rules: network?.stagingEgress },
    ingress: { field: 'mgn.network.stagingIngress', rules: network?.stagingIngress },
  }, required);
}
