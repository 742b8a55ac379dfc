export * from './landing-zone';
export * from './connector-firewall-rules';
export { ConnectorFirewallRules } from './connector-firewall-rules-construct';
export type { ConnectorFirewallRulesProps } from './connector-firewall-rules-construct';
export * from './mgn-firewall-rules-construct';
export * from './mgn-firewall-rules';
export { FirewallDirection } from '../rules/sms/facts/connector-firewall';
export { MgnFirewallRole } from '../rules/mgn/facts/firewall';
