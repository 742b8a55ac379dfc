import { networkAccess } from '../../../lib/rules/sms/sms-con6-network-access';
import { Outcome } from '../../../lib/assessment/rule';
import { connectorContext } from '../../helpers/context';

/** Egress every connector needs, each with the name CON6 gives it when it is missing. */
const COMMON: Array<[string, object]> = [
  ['egress udp or tcp 53 to dns', { protocol: 'udp', port: 53, destination: 'dns' }],
  ['egress udp 123 to ntp or *.ntp.org', { protocol: 'udp', port: 123, destination: 'ntp' }],
  ['egress icmp to any', { protocol: 'icmp', destination: 'any' }],
  ['egress tcp 443 to *.amazonaws.com', { protocol: 'tcp', port: 443, destination: '*.amazonaws.com' }],
  ['egress tcp 443 to *.aws.amazon.com', { protocol: 'tcp', port: 443, destination: '*.aws.amazon.com' }],
];
const VMWARE: Array<[string, object]> = [
  ...COMMON,
  ['egress tcp 443 to vcenter', { protocol: 'tcp', port: 443, destination: 'vcenter' }],
  ['egress tcp 443 to esxi', { protocol: 'tcp', port: 443, destination: 'esxi' }],
];
const HYPERV_EGRESS: Array<[string, object]> = [
  ...COMMON,
  ['egress tcp 5986 to hyperv-host or scvmm', { protocol: 'tcp', port: 5986, destination: 'hyperv-host' }],
];
const HYPERV_INGRESS = [{ protocol: 'tcp', port: 443, source: 'hyperv-host' }];

const rules = (list: Array<[string, object]>) => list.map(([, rule]) => rule);
const without = (list: Array<[string, object]>, name: string) => rules(list.filter(([n]) => n !== name));

const vmware = (facts: object) => networkAccess(connectorContext({ hypervisor: 'vmware', ...facts }));
const hyperv = (facts: object) => networkAccess(connectorContext({ hypervisor: 'hyperv', ...facts }));

describe('SMS-CON6 connector network access', () => {
  describe('VMware', () => {
    test('passes every required rule declared, with no ingress and no *.ntp.org', () => {
      // GIVEN the required egress and nothing else
      // WHEN / THEN
      expect(vmware({ egress: rules(VMWARE) })).toEqual({ outcome: Outcome.PASS });
    });

    test.each(VMWARE.map(([name]) => name))('fails when "%s" is missing, naming it', (name) => {
      // GIVEN every required rule but one
      const result = vmware({ egress: without(VMWARE, name) });
      // THEN the message names exactly the missing one
      expect(result.outcome).toBe(Outcome.FAIL);
      expect(result.message).toBe(`the connector's firewall rules do not allow ${name}`);
    });

    test('names every missing rule in one message', () => {
      const result = vmware({ egress: [{ protocol: 'udp', port: 53, destination: 'dns' }] });
      expect(result.outcome).toBe(Outcome.FAIL);
      expect(result.message).toBe("the connector's firewall rules do not allow egress udp 123 to ntp or *.ntp.org, egress icmp to any, "
        + 'egress tcp 443 to *.amazonaws.com, egress tcp 443 to *.aws.amazon.com, egress tcp 443 to vcenter, egress tcp 443 to esxi');
    });

    test('an empty egress list is declared: every rule is missing', () => {
      const result = vmware({ egress: [] });
      expect(result.outcome).toBe(Outcome.FAIL);
      expect(result.message).toMatch(/egress udp or tcp 53 to dns, .*egress tcp 443 to esxi$/);
    });

    test('checks vCenter on vcenterPort', () => {
      // GIVEN vCenter on 8443 but only 443 allowed to it
      const result = vmware({ vcenterPort: 8443, egress: rules(VMWARE) });
      expect(result.outcome).toBe(Outcome.FAIL);
      expect(result.message).toBe("the connector's firewall rules do not allow egress tcp 8443 to vcenter");
      // and 8443 to vcenter satisfies it
      expect(vmware({ vcenterPort: 8443, egress: [...rules(VMWARE), { protocol: 'tcp', port: 8443, destination: 'vcenter' }] }).outcome)
        .toBe(Outcome.PASS);
    });

    test('ignores declared ingress: VMware needs none', () => {
      expect(vmware({ egress: rules(VMWARE), ingress: [] }).outcome).toBe(Outcome.PASS);
    });

    test('is unknown when egress is not declared, naming egress and what is needed', () => {
      const result = vmware({});
      expect(result.outcome).toBe(Outcome.UNKNOWN);
      expect(result.message).toMatch(/^the connector's egress firewall rules are not declared \(egress\), so these cannot be checked: /);
      expect(result.message).toMatch(/egress tcp 443 to vcenter, egress tcp 443 to esxi$/);
    });
  });

  describe('`any` wildcards', () => {
    test('tcp, udp and icmp to any with no port satisfy everything', () => {
      const open = [
        { protocol: 'tcp', destination: 'any' },
        { protocol: 'udp', destination: 'any' },
        { protocol: 'icmp', destination: 'any' },
      ];
      expect(vmware({ vcenterPort: 9443, egress: open }).outcome).toBe(Outcome.PASS);
      expect(hyperv({ egress: open, ingress: [{ protocol: 'tcp', source: 'any' }] }).outcome).toBe(Outcome.PASS);
    });

    test('tcp 443 to any covers every HTTPS destination', () => {
      const egress = [
        { protocol: 'udp', port: 53, destination: 'any' },
        { protocol: 'udp', port: 123, destination: 'any' },
        { protocol: 'icmp', destination: 'any' },
        { protocol: 'tcp', port: 443, destination: 'any' },
      ];
      expect(vmware({ egress }).outcome).toBe(Outcome.PASS);
    });

    test('a port on `any` allows only that port', () => {
      const egress = [
        { protocol: 'tcp', port: 443, destination: 'any' },
        { protocol: 'udp', port: 123, destination: 'any' },
        { protocol: 'icmp', destination: 'any' },
      ];
      const result = vmware({ egress });
      expect(result.outcome).toBe(Outcome.FAIL);
      expect(result.message).toBe("the connector's firewall rules do not allow egress udp or tcp 53 to dns");
      expect(hyperv({ egress, ingress: HYPERV_INGRESS }).message).toMatch(/egress tcp 5986 to hyperv-host or scvmm$/);
    });
  });

  describe('alternatives', () => {
    test('DNS over tcp 53 satisfies DNS', () => {
      const egress = [...without(VMWARE, 'egress udp or tcp 53 to dns'), { protocol: 'tcp', port: 53, destination: 'dns' }];
      expect(vmware({ egress }).outcome).toBe(Outcome.PASS);
    });

    test.each(['*.ntp.org', 'any'])('NTP to %s satisfies NTP', (destination) => {
      const egress = [...without(VMWARE, 'egress udp 123 to ntp or *.ntp.org'), { protocol: 'udp', port: 123, destination }];
      expect(vmware({ egress }).outcome).toBe(Outcome.PASS);
    });

    test('ICMP narrowed to one destination does not satisfy ICMP', () => {
      const egress = [...without(VMWARE, 'egress icmp to any'), { protocol: 'icmp', destination: 'vcenter' }];
      expect(vmware({ egress }).message).toBe("the connector's firewall rules do not allow egress icmp to any");
    });
  });

  describe('Hyper-V', () => {
    test('passes every required rule declared, egress and ingress', () => {
      expect(hyperv({ egress: rules(HYPERV_EGRESS), ingress: HYPERV_INGRESS })).toEqual({ outcome: Outcome.PASS });
    });

    test.each(HYPERV_EGRESS.map(([name]) => name))('fails when "%s" is missing, naming it', (name) => {
      const result = hyperv({ egress: without(HYPERV_EGRESS, name), ingress: HYPERV_INGRESS });
      expect(result.outcome).toBe(Outcome.FAIL);
      expect(result.message).toBe(`the connector's firewall rules do not allow ${name}`);
    });

    test('fails when the inbound HTTPS from the Hyper-V hosts is missing, naming it', () => {
      const result = hyperv({ egress: rules(HYPERV_EGRESS), ingress: [{ protocol: 'tcp', port: 443, source: 'scvmm' }] });
      expect(result.outcome).toBe(Outcome.FAIL);
      expect(result.message).toBe("the connector's firewall rules do not allow ingress tcp 443 from hyperv-host");
      expect(hyperv({ egress: rules(HYPERV_EGRESS), ingress: [] }).message).toMatch(/ingress tcp 443 from hyperv-host$/);
    });

    describe('WinRM to scvmm or hyperv-host', () => {
      const base = without(HYPERV_EGRESS, 'egress tcp 5986 to hyperv-host or scvmm');
      const winrm = (destination: string) => ({ protocol: 'tcp', port: 5986, destination });

      test.each([
        ['no SCVMM', {}, 'hyperv-host'],
        ['no SCVMM', {}, 'scvmm'],
        ['SCVMM', { scvmmVersion: '2016' }, 'scvmm'],
        ['SCVMM', { scvmmVersion: '2016' }, 'hyperv-host'],
      ])('with %s, tcp 5986 to %s satisfies it', (_label, facts, destination) => {
        expect(hyperv({ ...facts, egress: [...base, winrm(destination as string)], ingress: HYPERV_INGRESS }).outcome).toBe(Outcome.PASS);
      });

      test('with SCVMM, the missing rule names scvmm first', () => {
        const result = hyperv({ scvmmVersion: '2012 R2', egress: base, ingress: HYPERV_INGRESS });
        expect(result.outcome).toBe(Outcome.FAIL);
        expect(result.message).toBe("the connector's firewall rules do not allow egress tcp 5986 to scvmm or hyperv-host");
      });

      test('another port or destination does not satisfy it', () => {
        expect(hyperv({ egress: [...base, { protocol: 'tcp', port: 5985, destination: 'hyperv-host' }], ingress: HYPERV_INGRESS }).outcome)
          .toBe(Outcome.FAIL);
        expect(hyperv({ egress: [...base, winrm('vcenter')], ingress: HYPERV_INGRESS }).outcome).toBe(Outcome.FAIL);
      });
    });

    test('with egress but no ingress, the inbound rule is unknown, naming ingress', () => {
      const result = hyperv({ egress: rules(HYPERV_EGRESS) });
      expect(result.outcome).toBe(Outcome.UNKNOWN);
      expect(result.message).toBe("the connector's ingress firewall rules are not declared (ingress), "
        + 'so these cannot be checked: ingress tcp 443 from hyperv-host');
    });

    test('with no ingress, a missing egress rule still fails, and the message says ingress was not checked', () => {
      const result = hyperv({ egress: without(HYPERV_EGRESS, 'egress icmp to any') });
      expect(result.outcome).toBe(Outcome.FAIL);
      expect(result.message).toBe("the connector's firewall rules do not allow egress icmp to any; "
        + "the connector's ingress firewall rules are not declared (ingress), so these cannot be checked: ingress tcp 443 from hyperv-host");
    });

    test('with nothing declared, it is unknown naming egress and ingress', () => {
      const result = hyperv({});
      expect(result.outcome).toBe(Outcome.UNKNOWN);
      expect(result.message).toMatch(/^the connector's egress and ingress firewall rules are not declared \(egress, ingress\)/);
    });

    test('with ingress but no egress, it is unknown when the ingress is right', () => {
      const result = hyperv({ ingress: HYPERV_INGRESS });
      expect(result.outcome).toBe(Outcome.UNKNOWN);
      expect(result.message).toMatch(/\(egress\)/);
    });

    test('with ingress but no egress, a missing ingress rule fails', () => {
      const result = hyperv({ ingress: [] });
      expect(result.outcome).toBe(Outcome.FAIL);
      expect(result.message).toMatch(/^the connector's firewall rules do not allow ingress tcp 443 from hyperv-host; .*\(egress\)/);
    });
  });
});
