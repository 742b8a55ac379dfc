import { Outcome } from '../../../lib/assessment/rule';
import { Plan } from '../../../lib/plan/model/plan';
import { assessPlan } from '../../../lib/rules';
import { windowsUpdates } from '../../../lib/rules/mgn/mgn-prep7-windows-updates';
import { MGN_TEST_NOW, mgnVmContext } from '../../helpers/mgn-context';

const WINDOWS = { family: 'windows', name: 'windows-server', version: '2022' };

describe('MGN-PREP7 Windows updates', () => {
  const judge = (updatesCurrent?: boolean, extra: object = {}) =>
    windowsUpdates(mgnVmContext({ os: WINDOWS, guest: { updatesCurrent }, ...extra }));

  test('passes when every update is installed', () => {
    expect(judge(true).outcome).toBe(Outcome.PASS);
  });

  test('fails when updates are pending', () => {
    const result = judge(false);
    expect(result.outcome).toBe(Outcome.FAIL);
    expect(result.message).toBe('Windows updates are pending (guest.updatesCurrent: false): install all available updates before the '
      + 'MGN agent, so a pending reboot or old component does not stop it');
  });

  test('is unknown when not recorded', () => {
    const result = judge(undefined);
    expect(result.outcome).toBe(Outcome.UNKNOWN);
    expect(result.message).toMatch(/^whether every available Windows update is installed is not recorded \(guest\.updatesCurrent\): /);
  });

  test('is n/a for agentless replication and off Windows', () => {
    expect(judge(false, { mgn: { replication: { method: 'agentless' } } }).outcome).toBe(Outcome.NOT_APPLICABLE);
    expect(windowsUpdates(mgnVmContext({ os: { family: 'linux' }, guest: {} })).outcome).toBe(Outcome.NOT_APPLICABLE);
  });

  test('runs through the whole pack as a warning', () => {
    const plan = { version: 1, target: 'mgn', vms: [{ name: 'win-01', hypervisor: 'vmware', os: WINDOWS, guest: { updatesCurrent: false } }] };
    const finding = assessPlan(plan as unknown as Plan, { now: MGN_TEST_NOW }).vms[0].findings.find((f) => f.rule === 'MGN-PREP7');
    expect(finding).toMatchObject({ outcome: 'fail', severity: 'warning' });
  });
});
