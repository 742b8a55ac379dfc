import { Outcome } from '../../../lib/assessment/rule';
import { Plan } from '../../../lib/plan/model/plan';
import { assessPlan } from '../../../lib/rules';
import { noDrsAgent } from '../../../lib/rules/mgn/mgn-prep13-no-drs-agent';
import { MGN_TEST_NOW, mgnVmContext } from '../../helpers/mgn-context';

describe('MGN-PREP13 no Elastic Disaster Recovery agent', () => {
  const judge = (value?: boolean, extra: object = {}) =>
    noDrsAgent(mgnVmContext({ os: { family: 'windows' }, guest: { drsAgentInstalled: value }, ...extra }));

  test('passes without the agent', () => {
    expect(judge(false).outcome).toBe(Outcome.PASS);
  });

  test('fails with the agent installed', () => {
    const result = judge(true);
    expect(result.outcome).toBe(Outcome.FAIL);
    expect(result.message).toBe('an Elastic Disaster Recovery agent is installed (guest.drsAgentInstalled: true): the MGN agent cannot be '
      + 'installed beside it: uninstall the Elastic Disaster Recovery agent first');
  });

  test('is unknown when not recorded', () => {
    const result = judge(undefined);
    expect(result.outcome).toBe(Outcome.UNKNOWN);
    expect(result.message).toMatch(/^whether an Elastic Disaster Recovery agent is installed is not recorded \(guest\.drsAgentInstalled\): /);
  });

  test('is n/a for agentless replication', () => {
    expect(judge(true, { mgn: { replication: { method: 'agentless' } } }).outcome).toBe(Outcome.NOT_APPLICABLE);
  });

  test('runs through the whole pack', () => {
    const plan = { version: 1, target: 'mgn', vms: [{ name: 'vm-1', hypervisor: 'vmware', guest: { drsAgentInstalled: true } }] };
    const finding = assessPlan(plan as unknown as Plan, { now: MGN_TEST_NOW }).vms[0].findings.find((f) => f.rule === 'MGN-PREP13');
    expect(finding).toMatchObject({ outcome: 'fail', severity: 'error' });
  });
});
