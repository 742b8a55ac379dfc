import {
  Connector, EgressRule, FirewallEndpoint, FirewallProtocol, IngressRule, MgnNetwork, Vm,
} from '../../../plan/model/plan';
import { fail, pass, RuleResult, Severity, unknown } from '../../../assessment/rule';
import {
  DEFAULT_VCENTER_PORT, describeFirewallRule, FirewallDirection, firewallRuleSatisfies, RequiredFirewallRule,
} from '../../sms/facts/connector-firewall';
import { VmSettings } from './vm-settings';

/**
 * The network access MGN needs (MGN-RULES.md, "Connectivity"), as lists: MGN-CON1 to MGN-CON3 judge
 * the plan's declared rules against them, and the firewall-rule emitter (`lib/network/mgn-firewall-rules.ts`)
 * hands the same lists to a network team, so the check never asks for a rule the emitted list leaves
 * out, nor the reverse. Declared rules match as in SMS-CON6 (`firewallRuleSatisfies()`): the protocol,
 * the peer or `any`, and the port, a declared rule without a port allowing every port of its protocol.
 */

/** Who needs a rule. */
export enum MgnFirewallRole {
  /** The source servers, whose agent replicates (MGN-CON1). */
  SOURCES = 'sources',
  /** The staging subnet, where the replication servers run (MGN-CON2). */
  STAGING = 'staging',
  /** A vCenter Client (a connector of the plan) replicating agentless VMs (MGN-CON3). */
  VCENTER_CLIENT = 'vcenter-client',
}

/** One firewall rule MGN needs. */
export interface MgnFirewallRule extends RequiredFirewallRule {
  /** Who needs it. */
  readonly role: MgnFirewallRole;
  /** What its absence costs: an error, or a warning (tcp 902 to the ESXi hosts). */
  readonly severity: Severity;
  /**
   * Set when the plan does not say whether the rule is needed: the fact that would, as a condition
   * (`mgn.network.customDns is true`).
   *
   * @default - needed
   */
  readonly neededIf?: string;
}

/** HTTPS: MGN's endpoints, S3, EC2 and the default vCenter port. */
export const HTTPS_PORT = 443;
/** Replication data from the agent to the replication servers. */
export const REPLICATION_PORT = 1500;
/** DNS, to the staging subnet's custom DNS servers. */
export const DNS_PORT = 53;
/** VMware's NFC port on the ESXi hosts, which VDDK reads snapshot disks through. */
export const ESXI_NFC_PORT = 902;

/** The condition of the staging subnet's DNS rule while `customDns` is not recorded. */
export const CUSTOM_DNS_CONDITION = 'mgn.network.customDns is true';

function rule(
  role: MgnFirewallRole, direction: FirewallDirection, port: number, peer: FirewallEndpoint, purpose: string,
  severity: Severity = Severity.ERROR, neededIf?: string,
): MgnFirewallRule {
  return Object.freeze({
    role, direction, protocol: FirewallProtocol.TCP, port, peer, purpose, optional: false, severity,
    ...(neededIf !== undefined ? { neededIf } : {}),
  });
}

const S3_PURPOSE = 'over the S3 dual-stack endpoint; an S3 gateway endpoint policy must allow s3:GetObject on them';

const SOURCE_RULES: readonly MgnFirewallRule[] = Object.freeze([
  rule(MgnFirewallRole.SOURCES, FirewallDirection.EGRESS, HTTPS_PORT, FirewallEndpoint.MGN,
    'HTTPS to the Regional MGN endpoint (IPv4 or dual-stack): the agent registers and takes its orders'),
  rule(MgnFirewallRole.SOURCES, FirewallDirection.EGRESS, HTTPS_PORT, FirewallEndpoint.S3,
    `HTTPS to MGN's S3 buckets for the agent's software, ${S3_PURPOSE}`),
  rule(MgnFirewallRole.SOURCES, FirewallDirection.EGRESS, REPLICATION_PORT, FirewallEndpoint.STAGING,
    'replication data from the agent to the replication servers in the staging subnet'),
]);

/** What the source servers' agents need (MGN-CON1): tcp 443 to `mgn` and `s3`, tcp 1500 to `staging`. */
export function sourceFirewallRules(): readonly MgnFirewallRule[] {
  return SOURCE_RULES;
}

/**
 * What the staging subnet needs (MGN-CON2): tcp 443 out to `mgn`, `ec2` and `s3`; with custom DNS,
 * tcp 53 out to `dns` (listed with a condition while `customDns` is not recorded, left out when it
 * is false); with user-owned replication security groups, tcp 1500 in from `sources`.
 *
 * @param ownGroups whether some VM's replication servers use user-owned security groups (`ownsReplicationGroups()`)
 */
export function stagingFirewallRules(network: MgnNetwork | undefined, ownGroups: boolean): readonly MgnFirewallRule[] {
  const staging = (direction: FirewallDirection, port: number, peer: FirewallEndpoint, purpose: string, neededIf?: string) =>
    rule(MgnFirewallRole.STAGING, direction, port, peer, purpose, Severity.ERROR, neededIf);
  const rules = [
    staging(FirewallDirection.EGRESS, HTTPS_PORT, FirewallEndpoint.MGN,
      'HTTPS from the replication servers to the Regional MGN endpoint, which controls them'),
    staging(FirewallDirection.EGRESS, HTTPS_PORT, FirewallEndpoint.EC2,
      'HTTPS from the replication servers to the Regional EC2 endpoint (volumes and snapshots)'),
    staging(FirewallDirection.EGRESS, HTTPS_PORT, FirewallEndpoint.S3,
      `HTTPS from the replication servers to MGN's S3 buckets and al2023-repos-<region>-de612dc2, ${S3_PURPOSE}`),
  ];
  const customDns = network?.customDns;
  if (customDns !== false) {
    rules.push(staging(FirewallDirection.EGRESS, DNS_PORT, FirewallEndpoint.DNS,
      'DNS over tcp from the replication servers to the custom DNS servers of the staging subnet',
      customDns === true ? undefined : CUSTOM_DNS_CONDITION));
  }
  if (ownGroups) {
    rules.push(staging(FirewallDirection.INGRESS, REPLICATION_PORT, FirewallEndpoint.SOURCES,
      'replication data from the source servers (and vCenter Clients) into the replication servers, '
        + 'which user-owned replication security groups must allow'));
  }
  return rules;
}

/**
 * What a vCenter Client needs (MGN-CON3): tcp `vcenterPort` (default 443) to `vcenter`, tcp 443 to
 * `mgn` and `s3`, tcp 1500 to `staging` (its agent ships the snapshots to the replication servers),
 * and, at warning, tcp 902 to `esxi` (VDDK reads the snapshot disks from the hosts).
 */
export function vcenterClientFirewallRules(connector: Connector): readonly MgnFirewallRule[] {
  const port = connector.vcenterPort ?? DEFAULT_VCENTER_PORT;
  const client = (on: number, peer: FirewallEndpoint, purpose: string, severity?: Severity) =>
    rule(MgnFirewallRole.VCENTER_CLIENT, FirewallDirection.EGRESS, on, peer, purpose, severity);
  return [
    client(port, FirewallEndpoint.VCENTER, port === DEFAULT_VCENTER_PORT
      ? 'HTTPS to vCenter: the client discovers VMs and takes their snapshots'
      : `HTTPS to vCenter on its port ${port} (vcenterPort): the client discovers VMs and takes their snapshots`),
    client(HTTPS_PORT, FirewallEndpoint.MGN, 'HTTPS to the Regional MGN endpoint (IPv4 or dual-stack), which controls the client'),
    client(HTTPS_PORT, FirewallEndpoint.S3, `HTTPS to MGN's S3 buckets for the client's software, ${S3_PURPOSE}`),
    client(REPLICATION_PORT, FirewallEndpoint.STAGING, 'replication data from the client to the replication servers in the staging subnet'),
    client(ESXI_NFC_PORT, FirewallEndpoint.ESXI, 'VMware NFC to the ESXi hosts, through which VDDK reads the snapshot disks', Severity.WARNING),
  ];
}

/** Whether some VM's replication servers use user-owned security groups (a non-empty `securityGroups` after defaults). */
export function ownsReplicationGroups(vms: readonly Vm[], settings: (vm: Vm) => VmSettings): boolean {
  return vms.some((vm) => (settings(vm).replication.securityGroups?.length ?? 0) > 0);
}

/** A declared list and the plan field it comes from. */
export interface DeclaredFirewallList<T> {
  /** How messages name the field: `mgn.network.stagingEgress`. */
  readonly field: string;
  /** The rules; undefined when the field is absent. */
  readonly rules?: readonly T[];
}

/** The lists a role declares, per direction. */
export interface DeclaredFirewallLists {
  readonly egress: DeclaredFirewallList<EgressRule>;
  readonly ingress?: DeclaredFirewallList<IngressRule>;
}

/** Whether a declared list allows a rule: undefined when the list is not declared. */
export function firewallListAllows(lists: DeclaredFirewallLists, required: MgnFirewallRule): boolean | undefined {
  const declared: readonly (EgressRule | IngressRule)[] | undefined = required.direction === FirewallDirection.EGRESS
    ? lists.egress.rules : lists.ingress?.rules;
  return declared === undefined ? undefined : declared.some((d) => firewallRuleSatisfies(d, required));
}

function fieldOf(lists: DeclaredFirewallLists, required: MgnFirewallRule): string {
  return required.direction === FirewallDirection.EGRESS ? lists.egress.field : lists.ingress?.field ?? 'ingress';
}

/** `a does not allow x, y; b does not allow z`, one clause per field, in the rules' order. */
function byField(lists: DeclaredFirewallLists, rules: readonly MgnFirewallRule[], clause: (field: string, described: string) => string): string {
  const groups = new Map<string, string[]>();
  for (const r of rules) {
    const field = fieldOf(lists, r);
    groups.set(field, [...(groups.get(field) ?? []), describeFirewallRule(r)]);
  }
  return [...groups].map(([field, described]) => clause(field, described.join(', '))).join('; ');
}

/**
 * Judges the declared lists of one role against what it needs.
 *
 * A missing error rule fails at error; otherwise an undeclared list, or a missing rule whose need is
 * not recorded (`neededIf`), makes the result unknown; otherwise a missing warning rule fails at
 * warning. The message names every shortfall, grouped by plan field.
 */
export function judgeFirewallLists(lists: DeclaredFirewallLists, required: readonly MgnFirewallRule[]): RuleResult {
  const errors: MgnFirewallRule[] = [];
  const warnings: MgnFirewallRule[] = [];
  const undeclared: MgnFirewallRule[] = [];
  const undecided: MgnFirewallRule[] = [];
  for (const r of required) {
    const allowed = firewallListAllows(lists, r);
    if (allowed === undefined) {
      undeclared.push(r);
    } else if (!allowed) {
      (r.neededIf !== undefined ? undecided : r.severity === Severity.ERROR ? errors : warnings).push(r);
    }
  }
  const parts: string[] = [];
  if (errors.length > 0) {
    parts.push(byField(lists, errors, (field, rules) => `${field} does not allow ${rules}`));
  }
  if (undeclared.length > 0) {
    parts.push(byField(lists, undeclared, (field, rules) => `${field} is not declared, so these cannot be checked: ${rules}`));
  }
  for (const r of undecided) {
    parts.push(`${fieldOf(lists, r)} does not allow ${describeFirewallRule(r)}, needed if ${r.neededIf} (not recorded)`);
  }
  if (warnings.length > 0) {
    parts.push(byField(lists, warnings, (field, rules) => `${field} does not allow ${rules} (warning)`));
  }
  const message = parts.join('; ');
  if (errors.length > 0) {
    return fail(message);
  }
  if (undeclared.length > 0 || undecided.length > 0) {
    return unknown(message);
  }
  if (warnings.length > 0) {
    return fail(message, Severity.WARNING);
  }
  return pass();
}
