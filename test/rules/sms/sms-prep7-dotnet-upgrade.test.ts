import { dotNetUpgrade } from '../../../lib/rules/sms/sms-prep7-dotnet-upgrade';
import { Outcome } from '../../../lib/assessment/rule';
import { vmContext } from '../../helpers/context';

describe('SMS-PREP7 dotnet upgrade', () => {
  const os = { family: 'windows', name: 'windows-server', version: '2008 R2' };
  const withDotNet = (dotNetVersion: string) => dotNetUpgrade(vmContext({ os, guest: { dotNetVersion } }));

  test('passes at exactly 4.5 (nothing to upgrade)', () => {
    expect(withDotNet('4.5').outcome).toBe(Outcome.PASS);
    expect(withDotNet('4.5.0').outcome).toBe(Outcome.PASS);
  });

  test('passes newer versions, compared numerically', () => {
    expect(withDotNet('4.6.2').outcome).toBe(Outcome.PASS);
    expect(withDotNet('4.8').outcome).toBe(Outcome.PASS);
    // 4.10 is newer than 4.5, though it sorts before it as text
    expect(withDotNet('4.10').outcome).toBe(Outcome.PASS);
  });

  test('reports the upgrade (fail at info severity) just below 4.5', () => {
    // GIVEN .NET Framework 4.0
    // WHEN
    const result = withDotNet('4.0');
    // THEN the notice names the version and the target
    expect(result.outcome).toBe(Outcome.FAIL);
    expect(result.severity).toBeUndefined();
    expect(result.message).toMatch(/\.NET Framework 4\.0 on Windows Server 2008 R2 is older than 4\.5/);
    expect(result.message).toMatch(/upgrade it to 4\.5 or later/);
    expect(withDotNet('4.4.9').outcome).toBe(Outcome.FAIL);
    expect(withDotNet('3.5 SP1').outcome).toBe(Outcome.FAIL);
    expect(withDotNet('2').outcome).toBe(Outcome.FAIL);
  });

  test('is unknown when the version is not recorded or holds no number', () => {
    const missing = dotNetUpgrade(vmContext({ os, guest: {} }));
    expect(missing.outcome).toBe(Outcome.UNKNOWN);
    expect(missing.message).toMatch(/\(guest\.dotNetVersion\)/);
    expect(missing.message).toMatch(/older than 4\.5/);
    const garbage = withDotNet('latest');
    expect(garbage.outcome).toBe(Outcome.UNKNOWN);
    expect(garbage.message).toMatch(/latest/);
  });

  test('is unknown naming os.family when the family cannot be told', () => {
    const result = dotNetUpgrade(vmContext({ os: { version: '2008' }, guest: { dotNetVersion: '3.5' } }));
    expect(result.outcome).toBe(Outcome.UNKNOWN);
    expect(result.message).toMatch(/\(os\.family\)/);
  });

  test('is n/a on Linux and on family other', () => {
    expect(dotNetUpgrade(vmContext({ os: { family: 'linux', name: 'rhel' }, guest: { dotNetVersion: '3.5' } })).outcome)
      .toBe(Outcome.NOT_APPLICABLE);
    expect(dotNetUpgrade(vmContext({ os: { family: 'other' } })).outcome).toBe(Outcome.NOT_APPLICABLE);
  });
});
