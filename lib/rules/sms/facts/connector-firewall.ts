import { Connector, EgressRule, FirewallEndpoint, FirewallProtocol, Hypervisor, IngressRule } from '../../../plan/model/plan';

/**
 * The network access an SMS connector needs, as one list: SMS-CON6 checks a connector's declared
 * rules against it, and the same list is what a network team is given to apply. Keeping both on one
 * list means the check can never ask for something the emitted rules leave out, or the reverse.
 */

/** Which way a firewall rule lets traffic through, seen from the connector. */
export enum FirewallDirection {
  /** Connections the connector opens. */
  EGRESS = 'egress',
  /** Connections the connector receives. */
  INGRESS = 'ingress',
}

/** One firewall rule the connector needs. */
export interface RequiredFirewallRule {
  readonly direction: FirewallDirection;
  readonly protocol: FirewallProtocol;
  /**
   * The port on the receiving side.
   *
   * @default - none: ICMP has no ports
   */
  readonly port?: number;
  /** The other end: the destination of an egress rule, the source of an ingress rule. */
  readonly peer: FirewallEndpoint;
  /** What the connector uses it for, in a few words a network team can act on. */
  readonly purpose: string;
  /** True for a rule the connector can work without (`*.ntp.org`); SMS-CON6 does not require it. */
  readonly optional: boolean;
}

/** The vCenter port when the connector does not say (`vcenterPort`). */
export const DEFAULT_VCENTER_PORT = 443;

const DNS_PORT = 53;
const NTP_PORT = 123;
const HTTPS_PORT = 443;
const WINRM_HTTPS_PORT = 5986;

/**
 * The firewall rules a connector needs, required ones first, then the optional `*.ntp.org`.
 *
 * Every connector: DNS, NTP, ICMP, and HTTPS to `*.amazonaws.com` and `*.aws.amazon.com`. VMware
 * adds tcp to vCenter on `vcenterPort` (443 by default) and tcp 443 to the ESXi hosts. Hyper-V adds
 * WinRM over HTTPS (tcp 5986) to SCVMM when `scvmmVersion` says SCVMM is used, else to the Hyper-V
 * host (either satisfies the check), and inbound tcp 443 from the Hyper-V hosts.
 */
export function requiredFirewallRules(connector: Connector): RequiredFirewallRule[] {
  const egress = (protocol: FirewallProtocol, port: number | undefined, peer: FirewallEndpoint, purpose: string, optional = false) =>
    ({ direction: FirewallDirection.EGRESS, protocol, port, peer, purpose, optional });

  const rules: RequiredFirewallRule[] = [
    egress(FirewallProtocol.UDP, DNS_PORT, FirewallEndpoint.DNS, 'name resolution (udp or tcp)'),
    egress(FirewallProtocol.UDP, NTP_PORT, FirewallEndpoint.NTP, 'keeping the connector clock in sync with a time server'),
    egress(FirewallProtocol.ICMP, undefined, FirewallEndpoint.ANY, 'reachability checks (ping)'),
    egress(FirewallProtocol.TCP, HTTPS_PORT, FirewallEndpoint.AMAZONAWS_COM, 'HTTPS to the AWS service endpoints SMS uses'),
    egress(FirewallProtocol.TCP, HTTPS_PORT, FirewallEndpoint.AWS_AMAZON_COM, 'HTTPS to AWS endpoints under aws.amazon.com'),
  ];
  if (connector.hypervisor === Hypervisor.VMWARE) {
    const port = connector.vcenterPort ?? DEFAULT_VCENTER_PORT;
    rules.push(
      egress(FirewallProtocol.TCP, port, FirewallEndpoint.VCENTER,
        port === DEFAULT_VCENTER_PORT ? 'HTTPS to vCenter' : `HTTPS to vCenter on its non-default port ${port} (vcenterPort)`),
      egress(FirewallProtocol.TCP, HTTPS_PORT, FirewallEndpoint.ESXI, 'HTTPS to the ESXi hosts that run the VMs to migrate'),
    );
  } else if (connector.hypervisor === Hypervisor.HYPERV) {
    const scvmm = connector.scvmmVersion != null && String(connector.scvmmVersion).trim() !== '';
    rules.push(
      egress(FirewallProtocol.TCP, WINRM_HTTPS_PORT, scvmm ? FirewallEndpoint.SCVMM : FirewallEndpoint.HYPERV_HOST,
        scvmm ? 'WinRM over HTTPS to SCVMM' : 'WinRM over HTTPS to the standalone Hyper-V host'),
      {
        direction: FirewallDirection.INGRESS,
        protocol: FirewallProtocol.TCP,
        port: HTTPS_PORT,
        peer: FirewallEndpoint.HYPERV_HOST,
        purpose: 'HTTPS from the Hyper-V hosts that run the VMs to migrate, into the connector',
        optional: false,
      },
    );
  }
  rules.push(egress(FirewallProtocol.UDP, NTP_PORT, FirewallEndpoint.NTP_ORG,
    'optional: only checks the connector clock against public NTP servers', true));
  return rules;
}

/**
 * True for the DNS requirement (udp 53), which udp or tcp satisfies. A requirement of tcp 53 alone
 * (MGN's staging subnet with custom DNS, MGN-CON2) takes tcp only.
 */
function isDns(rule: RequiredFirewallRule): boolean {
  return rule.direction === FirewallDirection.EGRESS && rule.peer === FirewallEndpoint.DNS && rule.port === DNS_PORT
    && rule.protocol === FirewallProtocol.UDP;
}

/** True for the NTP requirement, which a time server named `ntp` or `*.ntp.org` satisfies. */
function isNtp(rule: RequiredFirewallRule): boolean {
  return rule.direction === FirewallDirection.EGRESS && rule.peer === FirewallEndpoint.NTP && rule.port === NTP_PORT;
}

/** True for the WinRM requirement, which SCVMM or the Hyper-V host satisfies. */
function isWinRm(rule: RequiredFirewallRule): boolean {
  return rule.direction === FirewallDirection.EGRESS && rule.port === WINRM_HTTPS_PORT
    && (rule.peer === FirewallEndpoint.SCVMM || rule.peer === FirewallEndpoint.HYPERV_HOST);
}

/** The protocols a declared rule may use to satisfy a required one. */
function acceptedProtocols(rule: RequiredFirewallRule): FirewallProtocol[] {
  return isDns(rule) ? [FirewallProtocol.UDP, FirewallProtocol.TCP] : [rule.protocol];
}

/** The named peers (besides `any`) a declared rule may name to satisfy a required one, the required peer first. */
function acceptedPeers(rule: RequiredFirewallRule): FirewallEndpoint[] {
  if (isNtp(rule)) {
    return [FirewallEndpoint.NTP, FirewallEndpoint.NTP_ORG];
  }
  if (isWinRm(rule)) {
    return rule.peer === FirewallEndpoint.SCVMM
      ? [FirewallEndpoint.SCVMM, FirewallEndpoint.HYPERV_HOST]
      : [FirewallEndpoint.HYPERV_HOST, FirewallEndpoint.SCVMM];
  }
  return [rule.peer];
}

/**
 * Whether a declared egress or ingress rule lets through what a required rule needs.
 *
 * The directions must match (an egress rule names a `destination`, an ingress rule a `source`). The
 * protocol must match, except that DNS takes udp or tcp. The peer must be the required one or `any`;
 * NTP also takes `*.ntp.org`, and WinRM takes `scvmm` and `hyperv-host` alike. A declared rule
 * without a port allows every port of its protocol; ICMP has no ports, so they are not compared.
 */
export function firewallRuleSatisfies(declared: EgressRule | IngressRule, required: RequiredFirewallRule): boolean {
  const isEgress = 'destination' in declared;
  const direction = isEgress ? FirewallDirection.EGRESS : FirewallDirection.INGRESS;
  const peer = isEgress ? (declared as EgressRule).destination : (declared as IngressRule).source;
  if (direction !== required.direction) {
    return false;
  }
  if (!acceptedProtocols(required).includes(declared.protocol)) {
    return false;
  }
  if (peer !== FirewallEndpoint.ANY && !acceptedPeers(required).includes(peer)) {
    return false;
  }
  if (required.protocol === FirewallProtocol.ICMP || declared.port == null) {
    return true;
  }
  return required.port !== undefined && Number(declared.port) === required.port;
}

/**
 * How a message names a required rule, with the alternatives that satisfy it:
 * `egress udp or tcp 53 to dns`, `egress tcp 5986 to scvmm or hyperv-host`, `ingress tcp 443 from hyperv-host`.
 */
export function describeFirewallRule(rule: RequiredFirewallRule): string {
  const protocols = acceptedProtocols(rule).join(' or ');
  const port = rule.port === undefined ? '' : ` ${rule.port}`;
  const peers = acceptedPeers(rule).join(' or ');
  const preposition = rule.direction === FirewallDirection.EGRESS ? 'to' : 'from';
  return `${rule.direction} ${protocols}${port} ${preposition} ${peers}`;
}
