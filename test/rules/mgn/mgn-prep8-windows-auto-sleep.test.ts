import { Outcome } from '../../../lib/assessment/rule';
import { Plan } from '../../../lib/plan/model/plan';
import { assessPlan } from '../../../lib/rules';
import { windowsAutoSleep } from '../../../lib/rules/mgn/mgn-prep8-windows-auto-sleep';
import { MGN_TEST_NOW, mgnVmContext } from '../../helpers/mgn-context';

describe('MGN-PREP8 Windows automatic sleep', () => {
  const judge = (name: string | undefined, version: string | undefined, autoSleepEnabled?: boolean, extra: object = {}) =>
    windowsAutoSleep(mgnVmContext({ os: { family: 'windows', name, version }, guest: { autoSleepEnabled }, ...extra }));

  test.each(['10', '11'])('passes Windows %s with automatic sleep off', (version) => {
    expect(judge('windows-client', version, false).outcome).toBe(Outcome.PASS);
  });

  test('fails Windows 11 with automatic sleep on', () => {
    const result = judge('windows-client', '11', true);
    expect(result.outcome).toBe(Outcome.FAIL);
    expect(result.message).toBe('automatic sleep is on (guest.autoSleepEnabled: true): on Windows 10 and 11 turn it off, '
      + 'or replication stops whenever the machine sleeps');
  });

  test('is unknown on Windows 10 when not recorded', () => {
    const result = judge('windows-client', '10');
    expect(result.outcome).toBe(Outcome.UNKNOWN);
    expect(result.message).toBe('whether automatic sleep is on is not recorded (guest.autoSleepEnabled): on Windows 10 and 11 turn it off, '
      + 'or replication stops whenever the machine sleeps');
  });

  test('is unknown when the release cannot be told and sleep is not off', () => {
    const result = judge('windows-client', undefined, true);
    expect(result.outcome).toBe(Outcome.UNKNOWN);
    expect(result.message).toBe('whether Windows is Windows 10 or 11 cannot be told (os.version): on Windows 10 and 11 turn it off, '
      + 'or replication stops whenever the machine sleeps (guest.autoSleepEnabled: false)');
    expect(judge(undefined, undefined, undefined).message).toMatch(/\(os\.name, os\.version\)/);
  });

  test('passes when the release cannot be told but sleep is off', () => {
    expect(judge(undefined, undefined, false).outcome).toBe(Outcome.PASS);
  });

  test('is n/a on servers, older clients, agentless replication and off Windows', () => {
    expect(judge('windows-server', '2022', true).outcome).toBe(Outcome.NOT_APPLICABLE);
    expect(judge('windows-client', '8.1', true).outcome).toBe(Outcome.NOT_APPLICABLE);
    expect(judge('windows-client', '7', true).outcome).toBe(Outcome.NOT_APPLICABLE);
    expect(judge('windows-client', '10', true, { mgn: { replication: { method: 'agentless' } } }).outcome).toBe(Outcome.NOT_APPLICABLE);
    expect(windowsAutoSleep(mgnVmContext({ os: { family: 'linux' }, guest: { autoSleepEnabled: true } })).outcome).toBe(Outcome.NOT_APPLICABLE);
  });

  test('runs through the whole pack as a warning', () => {
    const vm = { name: 'pc-01', hypervisor: 'vmware', os: { family: 'windows', name: 'windows-client', version: '10' }, guest: { autoSleepEnabled: true } };
    const plan = { version: 1, target: 'mgn', vms: [vm] };
    const finding = assessPlan(plan as unknown as Plan, { now: MGN_TEST_NOW }).vms[0].findings.find((f) => f.rule === 'MGN-PREP8');
    expect(finding).toMatchObject({ outcome: 'fail', severity: 'warning' });
  });
});
