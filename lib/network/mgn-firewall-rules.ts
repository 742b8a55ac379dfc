import { Connector, FirewallEndpoint, FirewallProtocol, Hypervisor, Plan, ReplicationMethod } from '../plan/model/plan';
import { Severity } from '../assessment/rule';
import { csvDocument } from '../private/csv';
import { escapeJsonControls } from '../private/visible-controls';
import { mgnPlanFacts } from '../rules/mgn/plan-facts';
import {
  DeclaredFirewallLists, firewallListAllows, MgnFirewallRole, MgnFirewallRule, ownsReplicationGroups, sourceFirewallRules,
  stagingFirewallRules, vcenterClientFirewallRules,
} from '../rules/mgn/facts/firewall';
import { describeFirewallRule, FirewallDirection } from '../rules/sms/facts/connector-firewall';
import { FirewallRuleStatus } from './connector-firewall-rules';

/**
 * The firewall rules an MGN plan needs, as rows a network team can apply: pure functions, no
 * constructs.
 *
 * The rules come from the lists MGN-CON1 to MGN-CON3 judge (`lib/rules/mgn/facts/firewall.ts`), and
 * each row's status from the same matching: the rows never ask for something the checks do not, nor
 * the reverse.
 */

/** One firewall rule MGN needs, flattened for a spreadsheet or a ticket. */
export interface MgnFirewallRuleRow {
  /** Who needs it: the source servers, the staging subnet or a vCenter Client. */
  readonly role: MgnFirewallRole;

  /**
   * Which one: `sources` for the source servers, the staging subnet's id (`mgn.network.stagingSubnet`,
   * else `staging`), or the vCenter Client's connector name.
   */
  readonly name: string;

  /** Whether the role opens the connection (egress) or receives it (ingress). */
  readonly direction: FirewallDirection;

  /** The protocol. */
  readonly protocol: FirewallProtocol;

  /** The port on the receiving side, as text. */
  readonly port: string;

  /** The other end: the destination of an egress rule, the source of an ingress rule. */
  readonly peer: FirewallEndpoint;

  /**
   * Where the traffic goes, with its port: `mgn:443`, `vcenter:8443`, or the role itself for an
   * ingress rule (`subnet-0a1b2c3d:1500`). `mgn`, `s3`, `ec2`, `staging`, `vcenter`, `esxi`, `dns`
   * stay names the network team maps to its own addresses.
   */
  readonly destination: string;

  /** What the role uses the rule for. */
  readonly purpose: string;

  /** What its absence costs: `error`, or `warning` (tcp 902 to the ESXi hosts). */
  readonly severity: Severity;

  /** When the plan does not say whether the rule is needed, the condition that makes it so; else empty. */
  readonly condition: string;

  /** Whether the role's declared rules already allow it. */
  readonly status: FirewallRuleStatus;

  /** The rule as the MGN-CON messages name it: `egress tcp 443 to mgn`, `ingress tcp 1500 from sources`. */
  readonly rule: string;
}

/** The columns of the CSV file and the keys of the JSON file, in their order. */
const COLUMNS: ReadonlyArray<keyof MgnFirewallRuleRow> = [
  'role', 'name', 'direction', 'protocol', 'port', 'peer', 'destination', 'purpose', 'severity', 'condition', 'status', 'rule',
];

/** A role's rules with the lists its status is judged against. */
interface RoleRules {
  readonly name: string;
  readonly rules: readonly MgnFirewallRule[];
  readonly lists: DeclaredFirewallLists;
}

/**
 * The firewall rules a plan's MGN migration needs.
 *
 * In order: the source servers' rules (MGN-CON1), when some VM replicates with the agent, judged
 * against `mgn.network.sourceEgress` (a VM's own `mgn.egress` is MGN-CON1's business: the rules are the
 * same); the staging subnet's (MGN-CON2), against `stagingEgress` and `stagingIngress`; then each
 * vCenter Client's (MGN-CON3), for the `vmware` connectors serving agentless VMs, in name order (by
 * code unit), against its `egress`. The staging subnet's DNS rule is listed with a condition while
 * `mgn.network.customDns` is not recorded, and left out when it is false.
 */
export function mgnFirewallRulesFor(plan: Plan): MgnFirewallRuleRow[] {
  const facts = mgnPlanFacts(plan.vms, { plan });
  const settings = facts.scope.settings;
  const network = plan.mgn?.network;
  const roles: RoleRules[] = [];
  if (plan.vms.some((vm) => settings(vm).replication.method === ReplicationMethod.AGENT)) {
    roles.push({ name: 'sources', rules: sourceFirewallRules(), lists: { egress: { field: 'sourceEgress', rules: network?.sourceEgress } } });
  }
  roles.push({
    name: network?.stagingSubnet ?? 'staging',
    rules: stagingFirewallRules(network, ownsReplicationGroups(plan.vms, settings)),
    lists: {
      egress: { field: 'stagingEgress', rules: network?.stagingEgress },
      ingress: { field: 'stagingIngress', rules: network?.stagingIngress },
    },
  });
  const clients: Connector[] = (plan.connectors ?? [])
    .filter((c) => c.hypervisor === Hypervisor.VMWARE && facts.agentlessConnectors.has(c.name))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const connector of clients) {
    roles.push({ name: connector.name, rules: vcenterClientFirewallRules(connector), lists: { egress: { field: 'egress', rules: connector.egress } } });
  }
  return roles.flatMap((role) => role.rules.map((rule) => toRow(role, rule)));
}

/** The rows as a JSON array of objects whose keys follow the column order, with a final newline. */
export function renderMgnFirewallRulesJson(rows: MgnFirewallRuleRow[]): string {
  const records = rows.map((row) => Object.fromEntries(COLUMNS.map((column) => [column, row[column]])));
  // DEL and C1 controls of a connector's name as \u escapes too, as the JSON report writes them.
  return `${escapeJsonControls(JSON.stringify(records, undefined, 2))}\n`;
}

/**
 * The rows as CSV (RFC 4180): a header row naming the columns, then one record per row in the order
 * given, CRLF line ends, quotes only around fields that need them, and names that would start a
 * formula made text.
 */
export function renderMgnFirewallRulesCsv(rows: MgnFirewallRuleRow[]): string {
  return csvDocument([...COLUMNS], rows.map((row) => COLUMNS.map((column) => String(row[column]))));
}

function toRow(role: RoleRules, rule: MgnFirewallRule): MgnFirewallRuleRow {
  const port = rule.port === undefined ? '' : String(rule.port);
  const target = rule.direction === FirewallDirection.EGRESS ? rule.peer : role.name;
  return {
    role: rule.role,
    name: role.name,
    direction: rule.direction,
    protocol: rule.protocol,
    port,
    peer: rule.peer,
    destination: port === '' ? target : `${target}:${port}`,
    purpose: rule.purpose,
    severity: rule.severity,
    condition: rule.neededIf ?? '',
    status: statusOf(role.lists, rule),
    rule: describeFirewallRule(rule),
  };
}

function statusOf(lists: DeclaredFirewallLists, rule: MgnFirewallRule): FirewallRuleStatus {
  const allowed = firewallListAllows(lists, rule);
  return allowed === undefined ? FirewallRuleStatus.UNDECLARED : allowed ? FirewallRuleStatus.DECLARED : FirewallRuleStatus.MISSING;
}
