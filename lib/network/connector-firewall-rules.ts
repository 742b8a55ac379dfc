import { Connector, FirewallEndpoint, FirewallProtocol, Hypervisor } from '../plan/model/plan';
import { csvDocument } from '../private/csv';
import { escapeJsonControls } from '../private/visible-controls';
import {
  describeFirewallRule, FirewallDirection, firewallRuleSatisfies, RequiredFirewallRule, requiredFirewallRules,
} from '../rules/sms/facts/connector-firewall';

/**
 * The firewall rules SMS connectors need, as rows a network team can apply: pure functions, no
 * constructs. The `ConnectorFirewallRules` construct (`connector-firewall-rules-construct.ts`)
 * writes them into the cloud assembly.
 *
 * The rules come from `requiredFirewallRules()`, the list rule SMS-CON6 checks, and each row's status
 * from `firewallRuleSatisfies()`, the test SMS-CON6 applies: the rows never ask for something the check
 * does not, nor the reverse.
 */

/** Whether a connector's declared firewall rules (`egress`, `ingress` in the plan) already allow a required rule. */
export enum FirewallRuleStatus {
  /** A declared rule of the same direction allows it. */
  DECLARED = 'declared',
  /** The connector declares rules of that direction, and none allows it: the network team has work to do. */
  MISSING = 'missing',
  /** The connector declares no rules of that direction (`egress` or `ingress` is absent): nothing to compare with. */
  UNDECLARED = 'undeclared',
}

/**
 * One firewall rule one connector needs, flattened for a spreadsheet or a ticket.
 */
export interface FirewallRuleRow {
  /** The connector's name, as the plan gives it. */
  readonly connector: string;

  /** The hypervisor the connector serves. */
  readonly hypervisor: Hypervisor;

  /** Whether the connector opens the connection (egress) or receives it (ingress). */
  readonly direction: FirewallDirection;

  /** The protocol; DNS takes udp or tcp (see `rule`), and the row names udp. */
  readonly protocol: FirewallProtocol;

  /** The port on the receiving side, as text; empty for ICMP, which has no ports. */
  readonly port: string;

  /** The other end: the destination of an egress rule, the source of an ingress rule. */
  readonly peer: FirewallEndpoint;

  /**
   * Where the traffic goes, with the port where there is one: `vcenter:8443` (the port from
   * `vcenterPort`), `*.amazonaws.com:443`, or the connector itself for an ingress rule
   * (`hv-connector:443`). The plan names no hosts, so `vcenter`, `esxi`, `dns`... stay names the
   * network team maps to its own addresses.
   */
  readonly destination: string;

  /** What the connector uses the rule for. */
  readonly purpose: string;

  /** True for a rule the connector works without (`*.ntp.org`); SMS-CON6 does not require it. */
  readonly optional: boolean;

  /** Whether the connector's declared rules already allow it. */
  readonly status: FirewallRuleStatus;

  /**
   * The rule with every alternative that satisfies it, as SMS-CON6's messages name it:
   * `egress udp or tcp 53 to dns`, `egress tcp 5986 to scvmm or hyperv-host`.
   */
  readonly rule: string;
}

/** The columns of the CSV file and the keys of the JSON file, in their order. */
const COLUMNS: ReadonlyArray<keyof FirewallRuleRow> = [
  'connector', 'hypervisor', 'direction', 'protocol', 'port', 'peer', 'destination', 'purpose', 'optional', 'status', 'rule',
];

/**
 * The firewall rules of every connector: one row per connector per rule of `requiredFirewallRules()`,
 * the optional `*.ntp.org` rule included.
 *
 * Connectors come in name order (by code unit, whatever the locale) and each connector's rules in
 * the order `requiredFirewallRules()` gives them (required first, then optional), so the same
 * connectors give the same rows whatever order they were listed in.
 */
export function firewallRulesFor(connectors: Connector[]): FirewallRuleRow[] {
  const byName = [...connectors].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return byName.flatMap((connector) => requiredFirewallRules(connector).map((rule) => toRow(connector, rule)));
}

/** The rows as a JSON array of objects whose keys follow the column order, with a final newline. */
export function renderFirewallRulesJson(rows: FirewallRuleRow[]): string {
  const records = rows.map((row) => Object.fromEntries(COLUMNS.map((column) => [column, row[column]])));
  // DEL and C1 controls of a connector's name as \u escapes too, as the JSON report writes them.
  return `${escapeJsonControls(JSON.stringify(records, undefined, 2))}\n`;
}

/**
 * The rows as CSV (RFC 4180): a header row naming the columns, then one record per row in the order
 * given, CRLF line ends, and quotes only around fields that hold a comma, a quote or a line break.
 * `optional` is written `yes` or `no`.
 */
export function renderFirewallRulesCsv(rows: FirewallRuleRow[]): string {
  const cell = (row: FirewallRuleRow, column: keyof FirewallRuleRow): string => {
    const value = row[column];
    return typeof value === 'boolean' ? (value ? 'yes' : 'no') : String(value);
  };
  return csvDocument([...COLUMNS], rows.map((row) => COLUMNS.map((column) => cell(row, column))));
}

function toRow(connector: Connector, rule: RequiredFirewallRule): FirewallRuleRow {
  const port = rule.port === undefined ? '' : String(rule.port);
  const target = rule.direction === FirewallDirection.EGRESS ? rule.peer : connector.name;
  return {
    connector: connector.name,
    hypervisor: connector.hypervisor,
    direction: rule.direction,
    protocol: rule.protocol,
    port,
    peer: rule.peer,
    destination: port === '' ? target : `${target}:${port}`,
    purpose: rule.purpose,
    optional: rule.optional,
    status: statusOf(connector, rule),
    rule: describeFirewallRule(rule),
  };
}

/** SMS-CON6's judgement of one rule: the declared rules of its direction, if any, against `firewallRuleSatisfies()`. */
function statusOf(connector: Connector, rule: RequiredFirewallRule): FirewallRuleStatus {
  const declared = rule.direction === FirewallDirection.EGRESS ? connector.egress : connector.ingress;
  if (declared == null) {
    return FirewallRuleStatus.UNDECLARED;
  }
  return declared.some((d) => firewallRuleSatisfies(d, rule)) ? FirewallRuleStatus.DECLARED : FirewallRuleStatus.MISSING;
}
