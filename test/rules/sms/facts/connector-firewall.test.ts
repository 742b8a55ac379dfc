import { EgressRule, FirewallEndpoint, IngressRule } from '../../../../lib/plan/model/plan';
import {
  describeFirewallRule, FirewallDirection, firewallRuleSatisfies, RequiredFirewallRule, requiredFirewallRules,
} from '../../../../lib/rules/sms/facts/connector-firewall';
import { connectorContext } from '../../../helpers/context';

/** The required rules of a connector written as JSON. */
const rulesFor = (connector: object) => requiredFirewallRules(connectorContext(connector).connector);

/** The rule with this peer (and direction) from a list. */
const find = (rules: RequiredFirewallRule[], peer: string, direction = FirewallDirection.EGRESS) =>
  rules.find((r) => r.peer === peer && r.direction === direction)!;

const egress = (protocol: string, destination: string, port?: number) => ({ protocol, destination, port }) as EgressRule;
const ingress = (protocol: string, source: string, port?: number) => ({ protocol, source, port }) as IngressRule;

describe('connector firewall rules', () => {
  describe('requiredFirewallRules', () => {
    test('VMware: DNS, NTP, ICMP, AWS HTTPS, vCenter and ESXi, then optional *.ntp.org; no ingress', () => {
      // GIVEN a VMware connector with the default vCenter port
      const rules = rulesFor({ hypervisor: 'vmware' });
      // THEN the list is exactly this, in this order
      expect(rules.map((r) => [r.direction, r.protocol, r.port, r.peer, r.optional])).toEqual([
        ['egress', 'udp', 53, 'dns', false],
        ['egress', 'udp', 123, 'ntp', false],
        ['egress', 'icmp', undefined, 'any', false],
        ['egress', 'tcp', 443, '*.amazonaws.com', false],
        ['egress', 'tcp', 443, '*.aws.amazon.com', false],
        ['egress', 'tcp', 443, 'vcenter', false],
        ['egress', 'tcp', 443, 'esxi', false],
        ['egress', 'udp', 123, '*.ntp.org', true],
      ]);
      for (const rule of rules) {
        expect(rule.purpose).toMatch(/\S/);
      }
    });

    test('VMware: vCenter on vcenterPort when it is not 443', () => {
      const rule = find(rulesFor({ hypervisor: 'vmware', vcenterPort: 8443 }), 'vcenter');
      expect(rule.port).toBe(8443);
      expect(rule.purpose).toMatch(/8443/);
    });

    test('Hyper-V without SCVMM: WinRM to the Hyper-V host and HTTPS in from the hosts', () => {
      const rules = rulesFor({ hypervisor: 'hyperv' });
      expect(rules.map((r) => [r.direction, r.protocol, r.port, r.peer, r.optional])).toEqual([
        ['egress', 'udp', 53, 'dns', false],
        ['egress', 'udp', 123, 'ntp', false],
        ['egress', 'icmp', undefined, 'any', false],
        ['egress', 'tcp', 443, '*.amazonaws.com', false],
        ['egress', 'tcp', 443, '*.aws.amazon.com', false],
        ['egress', 'tcp', 5986, 'hyperv-host', false],
        ['ingress', 'tcp', 443, 'hyperv-host', false],
        ['egress', 'udp', 123, '*.ntp.org', true],
      ]);
    });

    test('Hyper-V with SCVMM: WinRM to SCVMM', () => {
      const rules = rulesFor({ hypervisor: 'hyperv', scvmmVersion: '2016' });
      expect(rules.filter((r) => r.port === 5986).map((r) => r.peer)).toEqual(['scvmm']);
    });

    test('only *.ntp.org is optional', () => {
      for (const hypervisor of ['vmware', 'hyperv']) {
        expect(rulesFor({ hypervisor }).filter((r) => r.optional).map((r) => r.peer)).toEqual(['*.ntp.org']);
      }
    });
  });

  describe('firewallRuleSatisfies', () => {
    const vmware = rulesFor({ hypervisor: 'vmware' });
    const hyperv = rulesFor({ hypervisor: 'hyperv' });
    const dns = find(vmware, FirewallEndpoint.DNS);
    const ntp = find(vmware, FirewallEndpoint.NTP);
    const icmp = find(vmware, FirewallEndpoint.ANY);
    const amazonaws = find(vmware, FirewallEndpoint.AMAZONAWS_COM);
    const vcenter = find(vmware, FirewallEndpoint.VCENTER);
    const winrm = find(hyperv, FirewallEndpoint.HYPERV_HOST);
    const inbound = find(hyperv, FirewallEndpoint.HYPERV_HOST, FirewallDirection.INGRESS);

    test('an exact rule satisfies', () => {
      expect(firewallRuleSatisfies(egress('tcp', 'vcenter', 443), vcenter)).toBe(true);
      expect(firewallRuleSatisfies(egress('tcp', '*.amazonaws.com', 443), amazonaws)).toBe(true);
    });

    test('`any` with no port allows every port of its protocol to every destination', () => {
      expect(firewallRuleSatisfies(egress('tcp', 'any'), vcenter)).toBe(true);
      expect(firewallRuleSatisfies(egress('tcp', 'any'), amazonaws)).toBe(true);
      expect(firewallRuleSatisfies(egress('udp', 'any'), dns)).toBe(true);
      expect(firewallRuleSatisfies(egress('udp', 'any'), ntp)).toBe(true);
      // but not another protocol
      expect(firewallRuleSatisfies(egress('udp', 'any'), vcenter)).toBe(false);
      expect(firewallRuleSatisfies(egress('tcp', 'any'), ntp)).toBe(false);
    });

    test('`any` with a port allows that port to every destination, and no other port', () => {
      expect(firewallRuleSatisfies(egress('tcp', 'any', 443), vcenter)).toBe(true);
      expect(firewallRuleSatisfies(egress('tcp', 'any', 443), amazonaws)).toBe(true);
      expect(firewallRuleSatisfies(egress('tcp', 'any', 443), dns)).toBe(false);
      expect(firewallRuleSatisfies(egress('tcp', 'any', 8443), vcenter)).toBe(false);
    });

    test('a named destination with no port allows every port to it, and nowhere else', () => {
      expect(firewallRuleSatisfies(egress('tcp', 'vcenter'), vcenter)).toBe(true);
      expect(firewallRuleSatisfies(egress('tcp', 'esxi'), vcenter)).toBe(false);
    });

    test('a wrong port or destination does not satisfy', () => {
      expect(firewallRuleSatisfies(egress('tcp', 'vcenter', 80), vcenter)).toBe(false);
      expect(firewallRuleSatisfies(egress('tcp', '*.aws.amazon.com', 443), amazonaws)).toBe(false);
    });

    test('DNS: udp or tcp 53, to dns or any', () => {
      expect(firewallRuleSatisfies(egress('udp', 'dns', 53), dns)).toBe(true);
      expect(firewallRuleSatisfies(egress('tcp', 'dns', 53), dns)).toBe(true);
      expect(firewallRuleSatisfies(egress('tcp', 'any', 53), dns)).toBe(true);
      expect(firewallRuleSatisfies(egress('udp', 'dns', 54), dns)).toBe(false);
      expect(firewallRuleSatisfies(egress('icmp', 'dns'), dns)).toBe(false);
    });

    test('NTP: udp 123 to ntp, *.ntp.org or any; not tcp', () => {
      expect(firewallRuleSatisfies(egress('udp', 'ntp', 123), ntp)).toBe(true);
      expect(firewallRuleSatisfies(egress('udp', '*.ntp.org', 123), ntp)).toBe(true);
      expect(firewallRuleSatisfies(egress('udp', 'any', 123), ntp)).toBe(true);
      expect(firewallRuleSatisfies(egress('tcp', 'ntp', 123), ntp)).toBe(false);
      expect(firewallRuleSatisfies(egress('udp', 'dns', 123), ntp)).toBe(false);
    });

    test('the optional *.ntp.org rule is not satisfied by an internal ntp server', () => {
      const ntpOrg = find(vmware, FirewallEndpoint.NTP_ORG);
      expect(firewallRuleSatisfies(egress('udp', '*.ntp.org', 123), ntpOrg)).toBe(true);
      expect(firewallRuleSatisfies(egress('udp', 'ntp', 123), ntpOrg)).toBe(false);
    });

    test('ICMP: any ICMP rule to any, whatever port it names; not one narrowed to a destination', () => {
      expect(firewallRuleSatisfies(egress('icmp', 'any'), icmp)).toBe(true);
      expect(firewallRuleSatisfies(egress('icmp', 'any', 8), icmp)).toBe(true);
      expect(firewallRuleSatisfies(egress('icmp', 'vcenter'), icmp)).toBe(false);
      expect(firewallRuleSatisfies(egress('tcp', 'any'), icmp)).toBe(false);
    });

    test('WinRM: tcp 5986 to scvmm or hyperv-host, whichever the list names', () => {
      const winrmScvmm = find(rulesFor({ hypervisor: 'hyperv', scvmmVersion: '2016' }), FirewallEndpoint.SCVMM);
      for (const required of [winrm, winrmScvmm]) {
        expect(firewallRuleSatisfies(egress('tcp', 'scvmm', 5986), required)).toBe(true);
        expect(firewallRuleSatisfies(egress('tcp', 'hyperv-host', 5986), required)).toBe(true);
        expect(firewallRuleSatisfies(egress('tcp', 'any', 5986), required)).toBe(true);
        expect(firewallRuleSatisfies(egress('tcp', 'hyperv-host', 5985), required)).toBe(false);
        expect(firewallRuleSatisfies(egress('tcp', 'vcenter', 5986), required)).toBe(false);
      }
    });

    test('ingress: tcp 443 from hyperv-host or any; directions never stand in for each other', () => {
      expect(firewallRuleSatisfies(ingress('tcp', 'hyperv-host', 443), inbound)).toBe(true);
      expect(firewallRuleSatisfies(ingress('tcp', 'any', 443), inbound)).toBe(true);
      expect(firewallRuleSatisfies(ingress('tcp', 'any'), inbound)).toBe(true);
      expect(firewallRuleSatisfies(ingress('tcp', 'scvmm', 443), inbound)).toBe(false);
      expect(firewallRuleSatisfies(egress('tcp', 'hyperv-host', 443), inbound)).toBe(false);
      expect(firewallRuleSatisfies(ingress('tcp', 'hyperv-host', 5986), winrm)).toBe(false);
    });
  });

  describe('describeFirewallRule', () => {
    test('names the rule with the alternatives that satisfy it', () => {
      const vmware = rulesFor({ hypervisor: 'vmware' });
      const hyperv = rulesFor({ hypervisor: 'hyperv', scvmmVersion: '2012 R2' });
      expect(describeFirewallRule(find(vmware, 'dns'))).toBe('egress udp or tcp 53 to dns');
      expect(describeFirewallRule(find(vmware, 'ntp'))).toBe('egress udp 123 to ntp or *.ntp.org');
      expect(describeFirewallRule(find(vmware, 'any'))).toBe('egress icmp to any');
      expect(describeFirewallRule(find(vmware, 'esxi'))).toBe('egress tcp 443 to esxi');
      expect(describeFirewallRule(find(hyperv, 'scvmm'))).toBe('egress tcp 5986 to scvmm or hyperv-host');
      expect(describeFirewallRule(find(hyperv, 'hyperv-host', FirewallDirection.INGRESS))).toBe('ingress tcp 443 from hyperv-host');
    });
  });
});
