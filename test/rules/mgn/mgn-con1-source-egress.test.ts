import { Outcome, Severity } from '../../../lib/assessment/rule';
import { assessPlan } from '../../../lib/rules';
import { sourceEgress } from '../../../lib/rules/mgn/mgn-con1-source-egress';
import { Plan } from '../../../lib/plan/model/plan';
import { MGN_TEST_NOW, mgnVmContext } from '../../helpers/mgn-context';

const FULL = [
  { protocol: 'tcp', port: 443, destination: 'mgn' },
  { protocol: 'tcp', port: 443, destination: 's3' },
  { protocol: 'tcp', port: 1500, destination: 'staging' },
];

describe('MGN-CON1 source servers reach MGN, S3 and the staging subnet', () => {
  const withPlanEgress = (rules?: object[], vm: object = {}) =>
    sourceEgress(mgnVmContext(vm, { plan: { mgn: { network: rules === undefined ? {} : { sourceEgress: rules } } } }));

  test('passes the three rules from mgn.network.sourceEgress', () => {
    expect(withPlanEgress(FULL).outcome).toBe(Outcome.PASS);
  });

  test('passes any destination on 443 with 1500 to staging, and a rule without a port for every port', () => {
    expect(withPlanEgress([{ protocol: 'tcp', port: 443, destination: 'any' }, { protocol: 'tcp', port: 1500, destination: 'staging' }]).outcome)
      .toBe(Outcome.PASS);
    expect(withPlanEgress([{ protocol: 'tcp', destination: 'any' }]).outcome).toBe(Outcome.PASS);
  });

  test('fails a missing rule, naming the field and the rules', () => {
    // GIVEN udp to s3, and tcp 1500 to any
    const result = withPlanEgress([
      { protocol: 'tcp', port: 443, destination: 'mgn' },
      { protocol: 'udp', port: 443, destination: 's3' },
      { protocol: 'tcp', port: 1500, destination: 'any' },
      { protocol: 'tcp', port: 443, destination: '*.amazonaws.com' },
    ]);
    // THEN
    expect(result.outcome).toBe(Outcome.FAIL);
    expect(result.severity).toBeUndefined();
    expect(result.message).toBe('mgn.network.sourceEgress does not allow egress tcp 443 to s3');
  });

  test('judges the VM\'s own mgn.egress in place of the plan\'s, and names it', () => {
    // GIVEN a VM whose own list lacks 1500 while the plan's is complete
    const result = withPlanEgress(FULL, { mgn: { egress: FULL.slice(0, 2) } });
    // THEN
    expect(result.outcome).toBe(Outcome.FAIL);
    expect(result.message).toBe('mgn.egress does not allow egress tcp 1500 to staging');
  });

  test('is unknown when neither list is declared', () => {
    // GIVEN / WHEN
    const result = withPlanEgress(undefined);
    // THEN
    expect(result.outcome).toBe(Outcome.UNKNOWN);
    expect(result.message).toBe('mgn.network.sourceEgress (or the VM\'s mgn.egress) is not declared, so these cannot be checked: '
      + 'egress tcp 443 to mgn, egress tcp 443 to s3, egress tcp 1500 to staging');
  });

  test('an empty list is declared: everything is missing', () => {
    expect(withPlanEgress([]).message).toBe('mgn.network.sourceEgress does not allow egress tcp 443 to mgn, egress tcp 443 to s3, '
      + 'egress tcp 1500 to staging');
  });

  test('VMs sharing the plan\'s list share one frozen result', () => {
    // GIVEN two VMs of one plan
    const plan = { mgn: { network: { sourceEgress: [] } }, vms: [{ name: 'a', hypervisor: 'vmware' }] };
    // WHEN
    const first = sourceEgress(mgnVmContext({ name: 'a' }, { plan }));
    const second = sourceEgress(mgnVmContext({ name: 'b' }, { plan }));
    // THEN
    expect(second).toBe(first);
    expect(Object.isFrozen(first)).toBe(true);
    expect(first.severity).not.toBe(Severity.WARNING);
  });

  test('is n/a for an agentless VM', () => {
    expect(withPlanEgress([], { mgn: { replication: { method: 'agentless' } } }).outcome).toBe(Outcome.NOT_APPLICABLE);
  });

  test('through the pack: an error on each agent VM', () => {
    // GIVEN
    const plan = {
      version: 1, target: 'mgn', mgn: { network: { sourceEgress: FULL.slice(1) } },
      vms: [{ name: 'vm-1', hypervisor: 'vmware' }, { name: 'vm-2', hypervisor: 'hyperv' }],
    } as unknown as Plan;
    // WHEN
    const findings = assessPlan(plan, { now: MGN_TEST_NOW }).vms.map((v) => v.findings.find((f) => f.rule === 'MGN-CON1'));
    // THEN
    expect(findings.map((f) => [f?.outcome, f?.severity, f?.message])).toEqual([
      ['fail', 'error', 'mgn.network.sourceEgress does not allow egress tcp 443 to mgn'],
      ['fail', 'error', 'mgn.network.sourceEgress does not allow egress tcp 443 to mgn'],
    ]);
  });
});
