import { Outcome } from '../../../lib/assessment/rule';
import { Plan } from '../../../lib/plan/model/plan';
import { assessPlan } from '../../../lib/rules';
import { stableMac } from '../../../lib/rules/mgn/mgn-prep12-stable-mac';
import { MGN_TEST_NOW, mgnVmContext } from '../../helpers/mgn-context';

describe('MGN-PREP12 stable MAC addresses', () => {
  const judge = (value?: boolean, extra: object = {}) => stableMac(mgnVmContext({ os: { family: 'linux' }, guest: { stableMac: value }, ...extra }));

  test('passes stable MAC addresses', () => {
    expect(judge(true).outcome).toBe(Outcome.PASS);
  });

  test('fails changing MAC addresses, on any family', () => {
    const result = judge(false);
    expect(result.outcome).toBe(Outcome.FAIL);
    expect(result.message).toBe('MAC addresses change across reboots (guest.stableMac: false): the MGN agent identifies the server by them, '
      + 'and a change stops replication: fix the MAC addresses');
    expect(stableMac(mgnVmContext({ os: { family: 'other' }, guest: { stableMac: false } })).outcome).toBe(Outcome.FAIL);
  });

  test('is unknown when not recorded', () => {
    const result = judge(undefined);
    expect(result.outcome).toBe(Outcome.UNKNOWN);
    expect(result.message).toMatch(/^whether MAC addresses stay the same across reboots is not recorded \(guest\.stableMac\): /);
  });

  test('is n/a for agentless replication', () => {
    expect(judge(false, { mgn: { replication: { method: 'agentless' } } }).outcome).toBe(Outcome.NOT_APPLICABLE);
  });

  test('runs through the whole pack as a warning', () => {
    const plan = { version: 1, target: 'mgn', vms: [{ name: 'vm-1', hypervisor: 'vmware', guest: { stableMac: false } }] };
    const finding = assessPlan(plan as unknown as Plan, { now: MGN_TEST_NOW }).vms[0].findings.find((f) => f.rule === 'MGN-PREP12');
    expect(finding).toMatchObject({ outcome: 'fail', severity: 'warning' });
  });
});
