import { Outcome, Severity } from '../../../lib/assessment/rule';
import { Plan } from '../../../lib/plan/model/plan';
import { assessPlan } from '../../../lib/rules';
import { windowsDotNet } from '../../../lib/rules/mgn/mgn-prep6-windows-dotnet';
import { MGN_TEST_NOW, mgnVmContext } from '../../helpers/mgn-context';

describe('MGN-PREP6 Windows .NET Framework', () => {
  const judge = (name: string | undefined, version: string | undefined, dotNetVersion?: string, extra: object = {}) =>
    windowsDotNet(mgnVmContext({ os: { family: 'windows', name, version }, guest: { dotNetVersion }, ...extra }));

  test.each(['4.5', '4.6.2', '4.8', '4.10'])('passes .NET %s, compared numerically', (dotNet) => {
    expect(judge('windows-server', '2016', dotNet).outcome).toBe(Outcome.PASS);
  });

  test.each(['2012', '2012 R2', '2016', '2019', '2022', '2025'])('fails Windows Server %s below 4.5 as an error', (version) => {
    const result = judge('windows-server', version, '4.0');
    expect(result.outcome).toBe(Outcome.FAIL);
    expect(result.severity).toBeUndefined();
    expect(result.message).toBe(`.NET Framework 4.0 on Windows Server ${version} is older than 4.5 (guest.dotNetVersion): `
      + 'install .NET Framework 4.5 or later before the MGN agent');
  });

  test.each([['windows-server', '2008 R2'], ['windows-server', '2003'], ['windows-client', '10'], ['windows-client', '7']])(
    'warns on %s %s below 4.5', (name, version) => {
      const result = judge(name, version, '3.5');
      expect(result.outcome).toBe(Outcome.FAIL);
      expect(result.severity).toBe(Severity.WARNING);
    });

  test('fails as an error when the release cannot be told (the stricter reading)', () => {
    expect(judge(undefined, undefined, '4.0').severity).toBeUndefined();
    expect(judge('windows-server', undefined, '4.0').severity).toBeUndefined();
  });

  test('is unknown when the version is missing or holds no number', () => {
    const missing = judge('windows-server', '2019');
    expect(missing.outcome).toBe(Outcome.UNKNOWN);
    expect(missing.message).toBe('the .NET Framework version of Windows Server 2019 is not recorded (guest.dotNetVersion): '
      + 'the MGN agent on Windows needs .NET Framework 4.5 or later (guest.dotNetVersion)');
    expect(judge('windows-server', '2019', 'latest').message).toBe('.NET Framework version latest is not a version number '
      + '(guest.dotNetVersion): the MGN agent on Windows needs .NET Framework 4.5 or later (guest.dotNetVersion)');
  });

  test('is n/a for agentless replication and off Windows', () => {
    expect(judge('windows-server', '2019', '4.0', { mgn: { replication: { method: 'agentless' } } }).outcome).toBe(Outcome.NOT_APPLICABLE);
    expect(windowsDotNet(mgnVmContext({ os: { family: 'linux' }, guest: { dotNetVersion: '4.0' } })).outcome).toBe(Outcome.NOT_APPLICABLE);
  });

  test('runs through the whole pack at the warning band on a client', () => {
    const vm = { name: 'pc-01', hypervisor: 'vmware', os: { family: 'windows', name: 'windows-client', version: '10' }, guest: { dotNetVersion: '4.0' } };
    const plan = { version: 1, target: 'mgn', vms: [vm] };
    const finding = assessPlan(plan as unknown as Plan, { now: MGN_TEST_NOW }).vms[0].findings.find((f) => f.rule === 'MGN-PREP6');
    expect(finding).toMatchObject({ outcome: 'fail', severity: 'warning' });
  });
});
