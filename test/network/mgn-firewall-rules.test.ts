import {
  MgnFirewallRuleRow, mgnFirewallRulesFor, renderMgnFirewallRulesCsv, renderMgnFirewallRulesJson,
} from '../../lib/network/mgn-firewall-rules';
import { Plan } from '../../lib/plan/model/plan';
import { sourceFirewallRules, stagingFirewallRules, vcenterClientFirewallRules } from '../../lib/rules/mgn/facts/firewall';

const AGENTLESS = { replication: { method: 'agentless' } };

/** An agent VM, two agentless VMs under two vCenter Clients (listed out of name order), a Hyper-V connector and custom DNS unrecorded. */
const PLAN = {
  version: 1,
  target: 'mgn',
  mgn: {
    network: {
      stagingSubnet: 'subnet-0a1b2c3d',
      sourceEgress: [{ protocol: 'tcp', port: 443, destination: 'any' }],
      stagingEgress: [{ protocol: 'tcp', port: 443, destination: 'mgn' }],
    },
  },
  defaults: { mgn: { replication: { securityGroups: ['sg-0123'] } } },
  connectors: [
    { name: 'dc2-vcc', hypervisor: 'vmware', vcenterPort: 8443 },
    { name: 'dc1-vcc', hypervisor: 'vmware', egress: [{ protocol: 'tcp', destination: 'any' }] },
    { name: 'hv-1', hypervisor: 'hyperv' },
    { name: 'idle-vcc', hypervisor: 'vmware' },
  ],
  vms: [
    { name: 'agent-1', hypervisor: 'vmware', connector: 'idle-vcc' },
    { name: 'vm-2', hypervisor: 'vmware', connector: 'dc2-vcc', mgn: AGENTLESS },
    { name: 'vm-1', hypervisor: 'vmware', connector: 'dc1-vcc', mgn: AGENTLESS },
    { name: 'hv-vm', hypervisor: 'hyperv', connector: 'hv-1', mgn: AGENTLESS },
  ],
} as unknown as Plan;

/** Every field of a row but its purpose, which the firewall rule list words. */
const withoutPurpose = ({ purpose: _purpose, ...rest }: MgnFirewallRuleRow) => rest;

describe('MGN firewall rules', () => {
  describe('mgnFirewallRulesFor', () => {
    test('sources, the staging subnet, then each vCenter Client by name, with conditions and statuses', () => {
      // GIVEN / WHEN
      const rows = mgnFirewallRulesFor(PLAN);

      // THEN
      const src = { role: 'sources', name: 'sources', direction: 'egress', protocol: 'tcp', severity: 'error', condition: '' };
      const stg = { role: 'staging', name: 'subnet-0a1b2c3d', protocol: 'tcp', severity: 'error', condition: '' };
      const dc1 = { role: 'vcenter-client', name: 'dc1-vcc', direction: 'egress', protocol: 'tcp', condition: '', status: 'declared' };
      const dc2 = { role: 'vcenter-client', name: 'dc2-vcc', direction: 'egress', protocol: 'tcp', condition: '', status: 'undeclared' };
      expect(rows.map(withoutPurpose)).toEqual([
        { ...src, port: '443', peer: 'mgn', destination: 'mgn:443', status: 'declared', rule: 'egress tcp 443 to mgn' },
        { ...src, port: '443', peer: 's3', destination: 's3:443', status: 'declared', rule: 'egress tcp 443 to s3' },
        { ...src, port: '1500', peer: 'staging', destination: 'staging:1500', status: 'missing', rule: 'egress tcp 1500 to staging' },
        { ...stg, direction: 'egress', port: '443', peer: 'mgn', destination: 'mgn:443', status: 'declared', rule: 'egress tcp 443 to mgn' },
        { ...stg, direction: 'egress', port: '443', peer: 'ec2', destination: 'ec2:443', status: 'missing', rule: 'egress tcp 443 to ec2' },
        { ...stg, direction: 'egress', port: '443', peer: 's3', destination: 's3:443', status: 'missing', rule: 'egress tcp 443 to s3' },
        { ...stg, direction: 'egress', port: '53', peer: 'dns', destination: 'dns:53', status: 'missing', rule: 'egress tcp 53 to dns',
          condition: 'mgn.network.customDns is true' },
        { ...stg, direction: 'ingress', port: '1500', peer: 'sources', destination: 'subnet-0a1b2c3d:1500', status: 'undeclared',
          rule: 'ingress tcp 1500 from sources' },
        { ...dc1, port: '443', peer: 'vcenter', destination: 'vcenter:443', severity: 'error', rule: 'egress tcp 443 to vcenter' },
        { ...dc1, port: '443', peer: 'mgn', destination: 'mgn:443', severity: 'error', rule: 'egress tcp 443 to mgn' },
        { ...dc1, port: '443', peer: 's3', destination: 's3:443', severity: 'error', rule: 'egress tcp 443 to s3' },
        { ...dc1, port: '1500', peer: 'staging', destination: 'staging:1500', severity: 'error', rule: 'egress tcp 1500 to staging' },
        { ...dc1, port: '902', peer: 'esxi', destination: 'esxi:902', severity: 'warning', rule: 'egress tcp 902 to esxi' },
        { ...dc2, port: '8443', peer: 'vcenter', destination: 'vcenter:8443', severity: 'error', rule: 'egress tcp 8443 to vcenter' },
        { ...dc2, port: '443', peer: 'mgn', destination: 'mgn:443', severity: 'error', rule: 'egress tcp 443 to mgn' },
        { ...dc2, port: '443', peer: 's3', destination: 's3:443', severity: 'error', rule: 'egress tcp 443 to s3' },
        { ...dc2, port: '1500', peer: 'staging', destination: 'staging:1500', severity: 'error', rule: 'egress tcp 1500 to staging' },
        { ...dc2, port: '902', peer: 'esxi', destination: 'esxi:902', severity: 'warning', rule: 'egress tcp 902 to esxi' },
      ]);
      // and each purpose is the one the MGN firewall lists give
      const connectors = PLAN.connectors!;
      const purposes = [
        ...sourceFirewallRules(), ...stagingFirewallRules(PLAN.mgn!.network, true),
        ...vcenterClientFirewallRules(connectors[1]), ...vcenterClientFirewallRules(connectors[0]),
      ].map((r) => r.purpose);
      expect(rows.map((r) => r.purpose)).toEqual(purposes);
    });

    test('an agentless-only plan without custom DNS or user-owned groups: no source rows, no DNS, no ingress', () => {
      // GIVEN
      const plan = {
        version: 1, target: 'mgn', mgn: { network: { customDns: false } },
        connectors: [{ name: 'vcc', hypervisor: 'vmware' }],
        vms: [{ name: 'vm-1', hypervisor: 'vmware', connector: 'vcc', mgn: AGENTLESS }],
      } as unknown as Plan;

      // WHEN
      const rows = mgnFirewallRulesFor(plan);

      // THEN
      expect(rows.map((r) => `${r.role} ${r.name} ${r.rule} ${r.status}`)).toEqual([
        'staging staging egress tcp 443 to mgn undeclared',
        'staging staging egress tcp 443 to ec2 undeclared',
        'staging staging egress tcp 443 to s3 undeclared',
        'vcenter-client vcc egress tcp 443 to vcenter undeclared',
        'vcenter-client vcc egress tcp 443 to mgn undeclared',
        'vcenter-client vcc egress tcp 443 to s3 undeclared',
        'vcenter-client vcc egress tcp 1500 to staging undeclared',
        'vcenter-client vcc egress tcp 902 to esxi undeclared',
      ]);
    });

    test('with customDns true the DNS rule has no condition', () => {
      // GIVEN
      const plan = {
        version: 1, target: 'mgn', mgn: { network: { customDns: true } }, vms: [{ name: 'vm-1', hypervisor: 'vmware' }],
      } as unknown as Plan;
      // WHEN
      const dns = mgnFirewallRulesFor(plan).find((r) => r.peer === 'dns');
      // THEN
      expect(dns).toMatchObject({ role: 'staging', condition: '', status: 'undeclared', rule: 'egress tcp 53 to dns' });
    });
  });

  describe('renderMgnFirewallRulesCsv', () => {
    test('writes a header row, then every row in order, with CRLF line ends', () => {
      // GIVEN
      const rows = mgnFirewallRulesFor(PLAN);

      // WHEN
      const lines = renderMgnFirewallRulesCsv(rows).split('\r\n');

      // THEN
      expect(lines[0]).toBe('role,name,direction,protocol,port,peer,destination,purpose,severity,condition,status,rule');
      expect(lines[3]).toBe('sources,sources,egress,tcp,1500,staging,staging:1500,'
        + 'replication data from the agent to the replication servers in the staging subnet,error,,missing,egress tcp 1500 to staging');
      expect(lines[7]).toMatch(
        /^staging,subnet-0a1b2c3d,egress,tcp,53,dns,dns:53,.*,error,mgn\.network\.customDns is true,missing,egress tcp 53 to dns$/);
      expect(lines).toHaveLength(rows.length + 2);
      expect(lines[lines.length - 1]).toBe('');
    });

    test('makes a connector name that starts a formula, or holds controls and commas, safe to open in a spreadsheet', () => {
      // GIVEN a vCenter Client named like a formula, with a bell, a comma and a line break in it
      const name = '=cmd|\'/c calc\'!A1\u0007,\nx';
      const plan = {
        version: 1, target: 'mgn', mgn: { network: { customDns: false } },
        connectors: [{ name, hypervisor: 'vmware' }],
        vms: [{ name: 'vm-1', hypervisor: 'vmware', connector: name, mgn: AGENTLESS }],
      } as unknown as Plan;

      // WHEN
      const csv = renderMgnFirewallRulesCsv(mgnFirewallRulesFor(plan));

      // THEN the cell is text (a leading quote, quoted for its comma) and the controls are visible escapes, one record per line
      const records = csv.split('\r\n');
      expect(records[4].startsWith('vcenter-client,"\'=cmd|\'/c calc\'!A1\\u0007,\\u000ax",egress,')).toBe(true);
      expect(records).toHaveLength(3 + 5 + 2);
      expect(csv).not.toMatch(/[\u0000-\u0009\u000b\u000c\u000e-\u001f\u007f-\u009f]/);
    });

    test('writes only the header when there are no rows', () => {
      expect(renderMgnFirewallRulesCsv([])).toBe('role,name,direction,protocol,port,peer,destination,purpose,severity,condition,status,rule\r\n');
    });
  });

  describe('renderMgnFirewallRulesJson', () => {
    test('writes the rows as an array of objects in column order, with a final newline', () => {
      // GIVEN
      const rows = mgnFirewallRulesFor(PLAN);
      // WHEN
      const json = renderMgnFirewallRulesJson(rows);
      // THEN
      expect(JSON.parse(json)).toEqual(rows);
      expect(Object.keys(JSON.parse(json)[0])).toEqual(
        ['role', 'name', 'direction', 'protocol', 'port', 'peer', 'destination', 'purpose', 'severity', 'condition', 'status', 'rule']);
      expect(json.endsWith(']\n')).toBe(true);
    });

    test('writes DEL and C1 controls of a name as \\u escapes', () => {
      // GIVEN a staging subnet id with controls in it
      const plan = { ...PLAN, mgn: { network: { stagingSubnet: 'subnet-1\u007f\u009b' } } } as Plan;
      // WHEN
      const json = renderMgnFirewallRulesJson(mgnFirewallRulesFor(plan));
      // THEN the same value, escaped
      expect(json).not.toMatch(/[\u007f-\u009f]/);
      expect(JSON.parse(json).find((r: MgnFirewallRuleRow) => r.role === 'staging').name).toBe('subnet-1\u007f\u009b');
    });

    test('gives the same text for the same connectors listed in another order', () => {
      const reversed = { ...PLAN, connectors: [...PLAN.connectors!].reverse() } as Plan;
      expect(renderMgnFirewallRulesJson(mgnFirewallRulesFor(reversed))).toBe(renderMgnFirewallRulesJson(mgnFirewallRulesFor(PLAN)));
    });

    test('writes an empty array when there are no rows', () => {
      expect(renderMgnFirewallRulesJson([])).toBe('[]\n');
    });
  });
});
