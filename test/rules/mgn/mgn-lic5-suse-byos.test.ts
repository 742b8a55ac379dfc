import { Outcome, Severity } from '../../../lib/assessment/rule';
import { Plan } from '../../../lib/plan/model/plan';
import { assessPlan } from '../../../lib/rules';
import { suseByos } from '../../../lib/rules/mgn/mgn-lic5-suse-byos';
import { MGN_TEST_NOW, mgnVmContext } from '../../helpers/mgn-context';

const SLES = { family: 'linux', name: 'sles', version: '15.4' };
const judge = (os: object, attestations?: string[]) => suseByos(mgnVmContext({ os, ...(attestations ? { replication: { attestations } } : {}) }));

describe('MGN-LIC5 SLES attests suse-byos', () => {
  test('passes with suse-byos', () => {
    expect(judge(SLES, ['suse-byos']).outcome).toBe(Outcome.PASS);
  });

  test('fails without it', () => {
    const result = judge(SLES);
    expect(result.outcome).toBe(Outcome.FAIL);
    expect(result.message).toBe('SLES 15.4 must use SUSE Public Cloud Program (BYOS) licenses: replication.attestations lacks '
      + 'suse-byos (attested: none)');
  });

  test('is n/a for other distributions and family other', () => {
    expect(judge({ family: 'linux', name: 'rhel', version: '8.6' }).outcome).toBe(Outcome.NOT_APPLICABLE);
    expect(judge({ family: 'other' }).outcome).toBe(Outcome.NOT_APPLICABLE);
  });

  test('is unknown when the family cannot be told', () => {
    const result = judge({});
    expect(result.outcome).toBe(Outcome.UNKNOWN);
    expect(result.message).toBe('the OS family is not recorded (os.family) and os.name is not recorded either: '
      + 'SLES VMs need attestation suse-byos in replication.attestations');
  });

  test('reports a warning through the whole pack', () => {
    const plan = { version: 1, target: 'mgn', vms: [{ name: 'sap-01', hypervisor: 'vmware', os: SLES }] } as unknown as Plan;
    const finding = assessPlan(plan, { now: MGN_TEST_NOW }).vms[0].findings.find((f) => f.rule === 'MGN-LIC5');
    expect(finding?.severity).toBe(Severity.WARNING);
    expect(finding?.message).toMatch(/lacks suse-byos/);
  });
});
