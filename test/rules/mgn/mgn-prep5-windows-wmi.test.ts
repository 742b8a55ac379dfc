import { Outcome } from '../../../lib/assessment/rule';
import { Plan } from '../../../lib/plan/model/plan';
import { assessPlan } from '../../../lib/rules';
import { windowsWmi } from '../../../lib/rules/mgn/mgn-prep5-windows-wmi';
import { MGN_TEST_NOW, mgnVmContext } from '../../helpers/mgn-context';

const WINDOWS = { family: 'windows', name: 'windows-server', version: '2019' };

describe('MGN-PREP5 Windows WMI', () => {
  const judge = (wmiRunning?: boolean, extra: object = {}) => windowsWmi(mgnVmContext({ os: WINDOWS, guest: { wmiRunning }, ...extra }));

  test('passes when WMI runs', () => {
    expect(judge(true).outcome).toBe(Outcome.PASS);
  });

  test('fails when WMI is stopped', () => {
    const result = judge(false);
    expect(result.outcome).toBe(Outcome.FAIL);
    expect(result.message).toBe('the WMI service is not running (guest.wmiRunning: false): the MGN agent installer on Windows needs '
      + 'Windows Management Instrumentation running');
  });

  test('is unknown when not recorded', () => {
    const result = judge(undefined);
    expect(result.outcome).toBe(Outcome.UNKNOWN);
    expect(result.message).toBe('whether the WMI service runs is not recorded (guest.wmiRunning): the MGN agent installer on Windows needs '
      + 'Windows Management Instrumentation running');
  });

  test('is n/a for agentless replication and off Windows', () => {
    expect(judge(false, { mgn: { replication: { method: 'agentless' } } }).outcome).toBe(Outcome.NOT_APPLICABLE);
    expect(windowsWmi(mgnVmContext({ os: { family: 'linux' }, guest: { wmiRunning: false } })).outcome).toBe(Outcome.NOT_APPLICABLE);
  });

  test('runs through the whole pack', () => {
    const plan = { version: 1, target: 'mgn', vms: [{ name: 'win-01', hypervisor: 'vmware', os: WINDOWS, guest: { wmiRunning: false } }] };
    const finding = assessPlan(plan as unknown as Plan, { now: MGN_TEST_NOW }).vms[0].findings.find((f) => f.rule === 'MGN-PREP5');
    expect(finding).toMatchObject({ outcome: 'fail', severity: 'error' });
  });
});
