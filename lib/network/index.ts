export * from './landing-zone';
export * from './connector-firewall-rules';
export * from './connector-firewall-rules-construct';
export { FirewallDirection } from '../rules/sms/facts/connector-firewall';
