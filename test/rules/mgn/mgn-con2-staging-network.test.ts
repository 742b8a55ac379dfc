import { Outcome } from '../../../lib/assessment/rule';
import { assessPlan } from '../../../lib/rules';
import { stagingNetwork } from '../../../lib/rules/mgn/mgn-con2-staging-network';
import { Plan } from '../../../lib/plan/model/plan';
import { MGN_TEST_NOW, mgnNetworkContext } from '../../helpers/mgn-context';

const EGRESS = [
  { protocol: 'tcp', port: 443, destination: 'mgn' },
  { protocol: 'tcp', port: 443, destination: 'ec2' },
  { protocol: 'tcp', port: 443, destination: 's3' },
];
const VM = { name: 'vm-1', hypervisor: 'vmware' };
const OWN_GROUPS = { replication: { securityGroups: ['sg-0123'] } };

describe('MGN-CON2 the staging subnet\'s rules', () => {
  const judge = (network: object, vms: object[] = [VM], rest: object = {}) =>
    stagingNetwork(mgnNetworkContext({ mgn: { network }, vms, ...rest }));

  test('passes tcp 443 to mgn, ec2 and s3 without custom DNS and with the library-owned group', () => {
    expect(judge({ customDns: false, stagingEgress: EGRESS }).outcome).toBe(Outcome.PASS);
  });

  test('passes any destination on tcp 443', () => {
    expect(judge({ customDns: false, stagingEgress: [{ protocol: 'tcp', port: 443, destination: 'any' }] }).outcome).toBe(Outcome.PASS);
  });

  test('fails a missing endpoint, naming the field', () => {
    // GIVEN / WHEN
    const result = judge({ customDns: false, stagingEgress: EGRESS.slice(0, 2) });
    // THEN
    expect(result.outcome).toBe(Outcome.FAIL);
    expect(result.message).toBe('mgn.network.stagingEgress does not allow egress tcp 443 to s3');
  });

  describe('custom DNS', () => {
    test('with customDns true, needs tcp 53 to dns: udp does not do', () => {
      // GIVEN / WHEN
      const result = judge({ customDns: true, stagingEgress: [...EGRESS, { protocol: 'udp', port: 53, destination: 'dns' }] });
      // THEN
      expect(result.outcome).toBe(Outcome.FAIL);
      expect(result.message).toBe('mgn.network.stagingEgress does not allow egress tcp 53 to dns');
    });

    test('with customDns true, passes tcp 53 to dns or to any', () => {
      expect(judge({ customDns: true, stagingEgress: [...EGRESS, { protocol: 'tcp', port: 53, destination: 'dns' }] }).outcome).toBe(Outcome.PASS);
      expect(judge({ customDns: true, stagingEgress: [{ protocol: 'tcp', destination: 'any' }] }).outcome).toBe(Outcome.PASS);
    });

    test('is unknown when customDns is not recorded and tcp 53 to dns is not allowed', () => {
      // GIVEN / WHEN
      const result = judge({ stagingEgress: EGRESS });
      // THEN
      expect(result.outcome).toBe(Outcome.UNKNOWN);
      expect(result.message).toBe('mgn.network.stagingEgress does not allow egress tcp 53 to dns, needed if mgn.network.customDns is true (not recorded)');
    });

    test('passes without customDns when tcp 53 to dns is allowed anyway', () => {
      expect(judge({ stagingEgress: [...EGRESS, { protocol: 'tcp', port: 53, destination: 'dns' }] }).outcome).toBe(Outcome.PASS);
    });

    test('a missing endpoint fails even while customDns is not recorded, naming both', () => {
      expect(judge({ stagingEgress: EGRESS.slice(1) }).message).toBe('mgn.network.stagingEgress does not allow egress tcp 443 to mgn; '
        + 'mgn.network.stagingEgress does not allow egress tcp 53 to dns, needed if mgn.network.customDns is true (not recorded)');
    });
  });

  describe('user-owned replication security groups', () => {
    test('need stagingIngress to allow tcp 1500 from sources', () => {
      // GIVEN a VM whose replication servers use its own group, and an ingress list from the wrong peer
      const result = judge({ customDns: false, stagingEgress: EGRESS, stagingIngress: [{ protocol: 'tcp', port: 1500, source: 'vcenter' }] },
        [{ ...VM, mgn: OWN_GROUPS }]);
      // THEN
      expect(result.outcome).toBe(Outcome.FAIL);
      expect(result.message).toBe('mgn.network.stagingIngress does not allow ingress tcp 1500 from sources');
    });

    test('pass with tcp 1500 from sources or any, and read defaults.mgn', () => {
      expect(judge({ customDns: false, stagingEgress: EGRESS, stagingIngress: [{ protocol: 'tcp', port: 1500, source: 'sources' }] },
        [{ ...VM, mgn: OWN_GROUPS }]).outcome).toBe(Outcome.PASS);
      expect(judge({ customDns: false, stagingEgress: EGRESS, stagingIngress: [{ protocol: 'tcp', source: 'any' }] },
        [VM], { defaults: { mgn: OWN_GROUPS } }).outcome).toBe(Outcome.PASS);
    });

    test('make an undeclared stagingIngress unknown', () => {
      // GIVEN / WHEN
      const result = judge({ customDns: false, stagingEgress: EGRESS }, [VM], { defaults: { mgn: OWN_GROUPS } });
      // THEN
      expect(result.outcome).toBe(Outcome.UNKNOWN);
      expect(result.message).toBe('mgn.network.stagingIngress is not declared, so these cannot be checked: ingress tcp 1500 from sources');
    });

    test('an empty securityGroups list is the library-owned group: stagingIngress is not looked at', () => {
      expect(judge({ customDns: false, stagingEgress: EGRESS }, [{ ...VM, mgn: { replication: { securityGroups: [] } } }]).outcome)
        .toBe(Outcome.PASS);
    });
  });

  test('is unknown when stagingEgress is not declared', () => {
    // GIVEN / WHEN
    const result = judge({ customDns: false });
    // THEN
    expect(result.outcome).toBe(Outcome.UNKNOWN);
    expect(result.message).toBe('mgn.network.stagingEgress is not declared, so these cannot be checked: '
      + 'egress tcp 443 to mgn, egress tcp 443 to ec2, egress tcp 443 to s3');
  });

  test('through the pack: judged once, under network', () => {
    // GIVEN a plan without a network block
    const plan = { version: 1, target: 'mgn', vms: [VM, { ...VM, name: 'vm-2' }] } as unknown as Plan;
    // WHEN
    const network = assessPlan(plan, { now: MGN_TEST_NOW }).network;
    // THEN
    const findings = network!.findings.filter((f) => f.rule === 'MGN-CON2');
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ outcome: 'unknown', message: expect.stringMatching(/^mgn\.network\.stagingEgress is not declared/) });
  });
});
