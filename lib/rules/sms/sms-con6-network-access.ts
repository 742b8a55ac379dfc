import { ConnectorContext, fail, pass, RuleResult, unknown } from '../../assessment/rule';
import { describeFirewallRule, FirewallDirection, firewallRuleSatisfies, RequiredFirewallRule, requiredFirewallRules } from './facts/connector-firewall';

/**
 * The connector's declared firewall rules (`egress`, `ingress`) allow every required rule of
 * requiredFirewallRules(); the optional `*.ntp.org` rule is not required.
 *
 * Each required rule is judged against the declared rules of its direction. A direction that is not
 * declared leaves its rules undecided: no `egress` makes the egress rules unknown, and a Hyper-V
 * connector without `ingress` has its inbound rule unknown (a VMware connector needs no ingress, so
 * its `ingress` is never looked at). A declared rule that is missing fails, whatever else is
 * undecided, and the message names every missing rule and every undeclared direction.
 */
export function networkAccess({ connector }: ConnectorContext): RuleResult {
  const required = requiredFirewallRules(connector).filter((r) => !r.optional);
  const missing: RequiredFirewallRule[] = [];
  const undecided: RequiredFirewallRule[] = [];
  for (const rule of required) {
    const declared = rule.direction === FirewallDirection.EGRESS ? connector.egress : connector.ingress;
    if (declared == null) {
      undecided.push(rule);
    } else if (!declared.some((d) => firewallRuleSatisfies(d, rule))) {
      missing.push(rule);
    }
  }

  const undeclaredNote = (): string => {
    const fields = [...new Set(undecided.map((r) => r.direction))];
    return `the connector's ${fields.join(' and ')} firewall rules are not declared (${fields.join(', ')}), `
      + `so these cannot be checked: ${undecided.map(describeFirewallRule).join(', ')}`;
  };

  if (missing.length > 0) {
    const message = `the connector's firewall rules do not allow ${missing.map(describeFirewallRule).join(', ')}`;
    return fail(undecided.length > 0 ? `${message}; ${undeclaredNote()}` : message);
  }
  if (undecided.length > 0) {
    return unknown(undeclaredNote());
  }
  return pass();
}
