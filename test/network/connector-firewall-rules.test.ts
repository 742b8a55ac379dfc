import {
  firewallRulesFor, FirewallRuleRow, FirewallRuleStatus, renderFirewallRulesCsv, renderFirewallRulesJson,
} from '../../lib/network/connector-firewall-rules';
import { Connector, FirewallEndpoint, FirewallProtocol, Hypervisor } from '../../lib/plan/model/plan';
import { requiredFirewallRules } from '../../lib/rules/sms/facts/connector-firewall';

/** A VMware connector on a non-default vCenter port, whose declared egress misses two rules. */
const VMWARE: Connector = {
  name: 'dc1-connector',
  hypervisor: Hypervisor.VMWARE,
  vcenterPort: 8443,
  egress: [
    { protocol: FirewallProtocol.UDP, port: 53, destination: FirewallEndpoint.DNS },
    { protocol: FirewallProtocol.UDP, port: 123, destination: FirewallEndpoint.NTP_ORG },
    { protocol: FirewallProtocol.ICMP, destination: FirewallEndpoint.ANY },
    { protocol: FirewallProtocol.TCP, port: 443, destination: FirewallEndpoint.AMAZONAWS_COM },
    { protocol: FirewallProtocol.TCP, port: 8443, destination: FirewallEndpoint.VCENTER },
  ],
};

/** A Hyper-V connector without SCVMM that declares its ingress but not its egress. */
const HYPERV: Connector = {
  name: 'hv-connector',
  hypervisor: Hypervisor.HYPERV,
  ingress: [{ protocol: FirewallProtocol.TCP, port: 443, source: FirewallEndpoint.HYPERV_HOST }],
};

/** Every field of a row but its purpose, which the firewall rule list words. */
const withoutPurpose = ({ purpose: _purpose, ...rest }: FirewallRuleRow) => rest;

describe('connector firewall rules', () => {
  describe('firewallRulesFor', () => {
    test('one row per connector per rule, connectors by name, with vcenterPort, the optional *.ntp.org rule and each status', () => {
      // GIVEN connectors listed out of name order
      const connectors = [HYPERV, VMWARE];

      // WHEN
      const rows = firewallRulesFor(connectors);

      // THEN
      const vmware = { connector: 'dc1-connector', hypervisor: 'vmware' };
      const hyperv = { connector: 'hv-connector', hypervisor: 'hyperv' };
      expect(rows.map(withoutPurpose)).toEqual([
        { ...vmware, direction: 'egress', protocol: 'udp', port: '53', peer: 'dns', destination: 'dns:53',
          optional: false, status: 'declared', rule: 'egress udp or tcp 53 to dns' },
        { ...vmware, direction: 'egress', protocol: 'udp', port: '123', peer: 'ntp', destination: 'ntp:123',
          optional: false, status: 'declared', rule: 'egress udp 123 to ntp or *.ntp.org' },
        { ...vmware, direction: 'egress', protocol: 'icmp', port: '', peer: 'any', destination: 'any',
          optional: false, status: 'declared', rule: 'egress icmp to any' },
        { ...vmware, direction: 'egress', protocol: 'tcp', port: '443', peer: '*.amazonaws.com', destination: '*.amazonaws.com:443',
          optional: false, status: 'declared', rule: 'egress tcp 443 to *.amazonaws.com' },
        { ...vmware, direction: 'egress', protocol: 'tcp', port: '443', peer: '*.aws.amazon.com', destination: '*.aws.amazon.com:443',
          optional: false, status: 'missing', rule: 'egress tcp 443 to *.aws.amazon.com' },
        { ...vmware, direction: 'egress', protocol: 'tcp', port: '8443', peer: 'vcenter', destination: 'vcenter:8443',
          optional: false, status: 'declared', rule: 'egress tcp 8443 to vcenter' },
        { ...vmware, direction: 'egress', protocol: 'tcp', port: '443', peer: 'esxi', destination: 'esxi:443',
          optional: false, status: 'missing', rule: 'egress tcp 443 to esxi' },
        { ...vmware, direction: 'egress', protocol: 'udp', port: '123', peer: '*.ntp.org', destination: '*.ntp.org:123',
          optional: true, status: 'declared', rule: 'egress udp 123 to *.ntp.org' },
        { ...hyperv, direction: 'egress', protocol: 'udp', port: '53', peer: 'dns', destination: 'dns:53',
          optional: false, status: 'undeclared', rule: 'egress udp or tcp 53 to dns' },
        { ...hyperv, direction: 'egress', protocol: 'udp', port: '123', peer: 'ntp', destination: 'ntp:123',
          optional: false, status: 'undeclared', rule: 'egress udp 123 to ntp or *.ntp.org' },
        { ...hyperv, direction: 'egress', protocol: 'icmp', port: '', peer: 'any', destination: 'any',
          optional: false, status: 'undeclared', rule: 'egress icmp to any' },
        { ...hyperv, direction: 'egress', protocol: 'tcp', port: '443', peer: '*.amazonaws.com', destination: '*.amazonaws.com:443',
          optional: false, status: 'undeclared', rule: 'egress tcp 443 to *.amazonaws.com' },
        { ...hyperv, direction: 'egress', protocol: 'tcp', port: '443', peer: '*.aws.amazon.com', destination: '*.aws.amazon.com:443',
          optional: false, status: 'undeclared', rule: 'egress tcp 443 to *.aws.amazon.com' },
        { ...hyperv, direction: 'egress', protocol: 'tcp', port: '5986', peer: 'hyperv-host', destination: 'hyperv-host:5986',
          optional: false, status: 'undeclared', rule: 'egress tcp 5986 to hyperv-host or scvmm' },
        { ...hyperv, direction: 'ingress', protocol: 'tcp', port: '443', peer: 'hyperv-host', destination: 'hv-connector:443',
          optional: false, status: 'declared', rule: 'ingress tcp 443 from hyperv-host' },
        { ...hyperv, direction: 'egress', protocol: 'udp', port: '123', peer: '*.ntp.org', destination: '*.ntp.org:123',
          optional: true, status: 'undeclared', rule: 'egress udp 123 to *.ntp.org' },
      ]);
      // and each purpose is the one the firewall rule list gives
      const purposes = [...requiredFirewallRules(VMWARE), ...requiredFirewallRules(HYPERV)].map((r) => r.purpose);
      expect(rows.map((r) => r.purpose)).toEqual(purposes);
    });

    test('a missing optional rule is reported missing, still marked optional', () => {
      // GIVEN a VMware connector that declares NTP to its own time server only
      const connector: Connector = {
        name: 'dc2-connector',
        hypervisor: Hypervisor.VMWARE,
        egress: [{ protocol: FirewallProtocol.UDP, port: 123, destination: FirewallEndpoint.NTP }],
      };

      // WHEN
      const rows = firewallRulesFor([connector]);

      // THEN
      const ntpOrg = rows.find((r) => r.peer === FirewallEndpoint.NTP_ORG)!;
      expect([ntpOrg.optional, ntpOrg.status]).toEqual([true, FirewallRuleStatus.MISSING]);
      expect(rows.find((r) => r.peer === FirewallEndpoint.NTP)!.status).toBe(FirewallRuleStatus.DECLARED);
    });

    test('no connectors give no rows', () => {
      // GIVEN / WHEN / THEN
      expect(firewallRulesFor([])).toEqual([]);
    });
  });

  describe('renderFirewallRulesCsv', () => {
    test('writes a header row, then every row in order, with yes/no and CRLF line ends', () => {
      // GIVEN
      const rows = firewallRulesFor([VMWARE]);

      // WHEN
      const lines = renderFirewallRulesCsv(rows).split('\r\n');

      // THEN
      expect(lines[0]).toBe('connector,hypervisor,direction,protocol,port,peer,destination,purpose,optional,status,rule');
      expect(lines[3]).toBe('dc1-connector,vmware,egress,icmp,,any,any,reachability checks (ping),no,declared,egress icmp to any');
      expect(lines[8]).toMatch(/^dc1-connector,vmware,egress,udp,123,\*\.ntp\.org,\*\.ntp\.org:123,.*,yes,declared,egress udp 123 to \*\.ntp\.org$/);
      expect(lines).toHaveLength(rows.length + 2); // the header, the rows and the empty string after the last CRLF
      expect(lines[lines.length - 1]).toBe('');
    });

    test('quotes a connector name that holds a comma and a quote wherever it appears, and a purpose with a comma', () => {
      // GIVEN a Hyper-V connector, whose name is also its ingress rule's destination
      const rows = firewallRulesFor([{ ...HYPERV, name: 'hv, "east"' }]);

      // WHEN
      const lines = renderFirewallRulesCsv(rows).split('\r\n');

      // THEN
      expect(lines[1]).toMatch(/^"hv, ""east""",hyperv,egress,udp,53,dns,dns:53,/);
      expect(lines[7]).toBe('"hv, ""east""",hyperv,ingress,tcp,443,hyperv-host,"hv, ""east"":443",'
        + '"HTTPS from the Hyper-V hosts that run the VMs to migrate, into the connector",no,declared,ingress tcp 443 from hyperv-host');
    });

    test('quotes a purpose that holds a comma', () => {
      // GIVEN a row whose purpose has a comma
      const [row] = firewallRulesFor([VMWARE]);

      // WHEN
      const csv = renderFirewallRulesCsv([{ ...row, purpose: 'resolve names, forward and reverse' }]);

      // THEN
      expect(csv.split('\r\n')[1]).toContain(',"resolve names, forward and reverse",');
    });

    test('makes a connector name that starts a formula, or holds control characters, safe to open in a spreadsheet', () => {
      // GIVEN a connector named like a formula, with a bell and a line break in it
      const [row] = firewallRulesFor([{ ...VMWARE, name: '=cmd|\'/c calc\'!A1\u0007\nx' }]);

      // WHEN
      const csv = renderFirewallRulesCsv([row]);

      // THEN the cell is text (a leading quote) and the controls are visible escapes, on one line
      const record = csv.split('\r\n')[1];
      expect(record.startsWith('\'=cmd|\'/c calc\'!A1\\u0007\\u000ax,vmware,')).toBe(true);
      expect(csv.split('\r\n')).toHaveLength(3);
      expect(csv).not.toMatch(/[\u0000-\u0009\u000b\u000c\u000e-\u001f\u007f-\u009f]/);
    });

    test('writes DEL and C1 controls of a name as \\u escapes in the JSON file too', () => {
      // GIVEN / WHEN
      const json = renderFirewallRulesJson(firewallRulesFor([{ ...VMWARE, name: 'dc1\u007f\u009b' }]));
      // THEN the same value, escaped
      expect(json).not.toMatch(/[\u007f-\u009f]/);
      expect(JSON.parse(json)[0].connector).toBe('dc1\u007f\u009b');
    });

    test('writes only the header when there are no rows', () => {
      // GIVEN / WHEN / THEN
      expect(renderFirewallRulesCsv([])).toBe('connector,hypervisor,direction,protocol,port,peer,destination,purpose,optional,status,rule\r\n');
    });
  });

  describe('renderFirewallRulesJson', () => {
    test('writes the rows as an array of objects in column order, with a final newline', () => {
      // GIVEN
      const rows = firewallRulesFor([VMWARE, HYPERV]);

      // WHEN
      const json = renderFirewallRulesJson(rows);

      // THEN
      expect(JSON.parse(json)).toEqual(rows);
      expect(Object.keys(JSON.parse(json)[0])).toEqual(
        ['connector', 'hypervisor', 'direction', 'protocol', 'port', 'peer', 'destination', 'purpose', 'optional', 'status', 'rule']);
      expect(json.endsWith(']\n')).toBe(true);
    });

    test('gives the same text for the same connectors listed in another order', () => {
      // GIVEN / WHEN / THEN
      expect(renderFirewallRulesJson(firewallRulesFor([HYPERV, VMWARE]))).toBe(renderFirewallRulesJson(firewallRulesFor([VMWARE, HYPERV])));
    });

    test('writes an empty array when there are no rows', () => {
      // GIVEN / WHEN / THEN
      expect(renderFirewallRulesJson([])).toBe('[]\n');
    });
  });
});
