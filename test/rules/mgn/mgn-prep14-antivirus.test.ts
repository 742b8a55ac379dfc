import { Outcome } from '../../../lib/assessment/rule';
import { Plan } from '../../../lib/plan/model/plan';
import { assessPlan } from '../../../lib/rules';
import { antivirus } from '../../../lib/rules/mgn/mgn-prep14-antivirus';
import { MGN_TEST_NOW, mgnVmContext } from '../../helpers/mgn-context';

describe('MGN-PREP14 antivirus and EDR', () => {
  const judge = (value?: boolean, extra: object = {}) =>
    antivirus(mgnVmContext({ os: { family: 'linux' }, guest: { antivirusEnabled: value }, ...extra }));

  test('passes without enabled antivirus', () => {
    expect(judge(false).outcome).toBe(Outcome.PASS);
  });

  test('fails (a warning) with antivirus enabled', () => {
    const result = judge(true);
    expect(result.outcome).toBe(Outcome.FAIL);
    expect(result.message).toBe('antivirus or EDR software is enabled (guest.antivirusEnabled: true): it may block the MGN agent installer '
      + 'or its driver: allow-list the agent or pause protection while installing');
  });

  test('is unknown when not recorded', () => {
    const result = judge(undefined);
    expect(result.outcome).toBe(Outcome.UNKNOWN);
    expect(result.message).toMatch(/^whether antivirus or EDR software is enabled is not recorded \(guest\.antivirusEnabled\): /);
  });

  test('is n/a for agentless replication', () => {
    expect(judge(true, { mgn: { replication: { method: 'agentless' } } }).outcome).toBe(Outcome.NOT_APPLICABLE);
  });

  test('runs through the whole pack as a warning', () => {
    const plan = { version: 1, target: 'mgn', vms: [{ name: 'vm-1', hypervisor: 'vmware', guest: { antivirusEnabled: true } }] };
    const finding = assessPlan(plan as unknown as Plan, { now: MGN_TEST_NOW }).vms[0].findings.find((f) => f.rule === 'MGN-PREP14');
    expect(finding).toMatchObject({ outcome: 'fail', severity: 'warning' });
  });
});
