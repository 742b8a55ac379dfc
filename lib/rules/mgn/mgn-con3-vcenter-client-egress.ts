import { ConnectorContext, RuleResult } from '../../assessment/rule';
import { MgnConnectorContext } from './context';
import { judgeFirewallLists, vcenterClientFirewallRules } from './facts/firewall';
import { vcenterClientGate } from './facts/vcenter-client';

/**
 * [agentless] A vCenter Client's outbound rules (`connectors[].egress`) allow tcp `vcenterPort`
 * (default 443) to `vcenter`, tcp 443 to `mgn` and `s3`, and tcp 1500 to `staging`; without tcp 902
 * to `esxi` (VDDK's transport) it is a warning.
 *
 * Rules match as in SMS-CON6. Unknown when `egress` is not declared. n/a for a connector that serves
 * no agentless VM or is not `vmware`.
 */
export function vcenterClientEgress(ctx: ConnectorContext): RuleResult {
  const gate = vcenterClientGate(ctx as MgnConnectorContext);
  if (gate) {
    return gate;
  }
  const { connector } = ctx;
  return judgeFirewallLists({ egress: { field: 'connectors[].egress', rules: connector.egress } }, vcenterClientFirewallRules(connector));
}
