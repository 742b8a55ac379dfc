import { Outcome, Severity } from '../../../lib/assessment/rule';
import { assessPlan } from '../../../lib/rules';
import { vcenterClientEgress } from '../../../lib/rules/mgn/mgn-con3-vcenter-client-egress';
import { Plan } from '../../../lib/plan/model/plan';
import { MGN_TEST_NOW, mgnConnectorContext } from '../../helpers/mgn-context';

/** A plan in which one agentless VM names connector c-1. */
const SERVED = { vms: [{ name: 'vm-1', hypervisor: 'vmware', connector: 'c-1', mgn: { replication: { method: 'agentless' } } }] };

const EGRESS = [
  { protocol: 'tcp', port: 443, destination: 'vcenter' },
  { protocol: 'tcp', port: 443, destination: 'mgn' },
  { protocol: 'tcp', port: 443, destination: 's3' },
  { protocol: 'tcp', port: 1500, destination: 'staging' },
  { protocol: 'tcp', port: 902, destination: 'esxi' },
];

describe('MGN-CON3 the vCenter Client\'s outbound rules', () => {
  const judge = (connector: object) => vcenterClientEgress(mgnConnectorContext(connector, { plan: SERVED }));

  test('passes vCenter, mgn, s3, staging and ESXi', () => {
    expect(judge({ egress: EGRESS }).outcome).toBe(Outcome.PASS);
  });

  test('passes tcp to any without a port', () => {
    expect(judge({ egress: [{ protocol: 'tcp', destination: 'any' }] }).outcome).toBe(Outcome.PASS);
  });

  test('needs vCenter on vcenterPort', () => {
    // GIVEN vCenter on 8443, with 443 declared to it
    const result = judge({ vcenterPort: 8443, egress: EGRESS });
    // THEN
    expect(result.outcome).toBe(Outcome.FAIL);
    expect(result.message).toBe('connectors[].egress does not allow egress tcp 8443 to vcenter');
    expect(judge({ vcenterPort: 8443, egress: [...EGRESS, { protocol: 'tcp', port: 8443, destination: 'vcenter' }] }).outcome).toBe(Outcome.PASS);
  });

  test('fails the missing error rules at error, naming the warning one too', () => {
    // GIVEN only vCenter and ESXi
    const result = judge({ egress: [EGRESS[0]] });
    // THEN
    expect(result.outcome).toBe(Outcome.FAIL);
    expect(result.severity).toBeUndefined();
    expect(result.message).toBe('connectors[].egress does not allow egress tcp 443 to mgn, egress tcp 443 to s3, egress tcp 1500 to staging; '
      + 'connectors[].egress does not allow egress tcp 902 to esxi (warning)');
  });

  test('warns without tcp 902 to esxi', () => {
    // GIVEN / WHEN
    const result = judge({ egress: EGRESS.slice(0, 4) });
    // THEN
    expect(result.outcome).toBe(Outcome.FAIL);
    expect(result.severity).toBe(Severity.WARNING);
    expect(result.message).toBe('connectors[].egress does not allow egress tcp 902 to esxi (warning)');
  });

  test('is unknown when egress is not declared', () => {
    // GIVEN / WHEN
    const result = judge({});
    // THEN
    expect(result.outcome).toBe(Outcome.UNKNOWN);
    expect(result.message).toBe('connectors[].egress is not declared, so these cannot be checked: egress tcp 443 to vcenter, egress tcp 443 to mgn, '
      + 'egress tcp 443 to s3, egress tcp 1500 to staging, egress tcp 902 to esxi');
  });

  test('is n/a for a connector serving no agentless VM, or one that is not vmware', () => {
    expect(vcenterClientEgress(mgnConnectorContext({})).outcome).toBe(Outcome.NOT_APPLICABLE);
    expect(judge({ hypervisor: 'hyperv' }).outcome).toBe(Outcome.NOT_APPLICABLE);
  });

  test('through the pack: the ESXi warning under the connector', () => {
    // GIVEN
    const plan = { version: 1, target: 'mgn', connectors: [{ name: 'c-1', hypervisor: 'vmware', egress: EGRESS.slice(0, 4) }], vms: SERVED.vms };
    // WHEN
    const assessment = assessPlan(plan as unknown as Plan, { now: MGN_TEST_NOW });
    // THEN
    const finding = assessment.connectors[0].findings.find((f) => f.rule === 'MGN-CON3');
    expect(finding).toMatchObject({ outcome: 'fail', severity: 'warning' });
  });
});
