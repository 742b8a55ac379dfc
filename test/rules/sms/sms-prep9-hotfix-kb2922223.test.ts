import { hotfixKb2922223 } from '../../../lib/rules/sms/sms-prep9-hotfix-kb2922223';
import { Outcome } from '../../../lib/assessment/rule';
import { vmContext } from '../../helpers/context';

describe('SMS-PREP9 hotfix KB2922223', () => {
  const server = (version: string) => ({ family: 'windows', name: 'windows-server', version });
  const client = (version: string) => ({ family: 'windows', name: 'windows-client', version });
  const check = (os: object, hotfixes?: string[]) => hotfixKb2922223(vmContext({ os, guest: { hotfixes } }));

  test.each([
    ['Windows 7', client('7')],
    ['Windows 8', client('8')],
    ['Windows 8.1', client('8.1')],
    ['Server 2008', server('2008')],
    ['Server 2008 R2', server('2008 R2')],
    ['Server 2012', server('2012')],
    ['Server 2012 R2', server('Windows Server 2012 R2')],
  ])('passes %s with the hotfix applied', (_label, os) => {
    expect(check(os, ['KB2800213', 'KB2922223']).outcome).toBe(Outcome.PASS);
  });

  test('compares hotfix ids case-insensitively, with or without KB', () => {
    expect(check(client('7'), ['kb2922223']).outcome).toBe(Outcome.PASS);
    expect(check(client('7'), ['2922223']).outcome).toBe(Outcome.PASS);
    expect(check(client('7'), [' Kb2922223 ']).outcome).toBe(Outcome.PASS);
    // a different number that merely contains it does not count
    expect(check(client('7'), ['KB29222231']).outcome).toBe(Outcome.FAIL);
  });

  test('fails when the hotfix is missing, naming the release, the hotfixes listed and where it is required', () => {
    // GIVEN Windows Server 2012 R2 with other hotfixes only
    // WHEN
    const result = check(server('2012 R2'), ['KB2800213', 'KB3000850']);
    // THEN
    expect(result.outcome).toBe(Outcome.FAIL);
    expect(result.message).toMatch(/hotfix KB2922223 is not applied on Windows Server 2012 R2 \(guest\.hotfixes: KB2800213, KB3000850\)/);
    expect(result.message).toMatch(/Windows 7, 8, 8\.1, Server 2008, 2008 R2, 2012, 2012 R2/);
  });

  test('fails an empty hotfix list', () => {
    const result = check(client('8.1'), []);
    expect(result.outcome).toBe(Outcome.FAIL);
    expect(result.message).toMatch(/guest\.hotfixes: none/);
  });

  test('reads a service pack written into the version', () => {
    expect(check(server('2008 R2 SP1'), []).outcome).toBe(Outcome.FAIL);
    expect(check(client('7 SP1'), ['KB2922223']).outcome).toBe(Outcome.PASS);
  });

  test.each([
    ['Server 2003', server('2003')],
    ['Server 2003 R2', server('2003 R2')],
    ['Server 2016', server('2016')],
    ['Server 2019', server('2019')],
    ['Windows 10', client('10')],
    ['Windows XP', client('XP')],
  ])('is n/a on %s, which the hotfix does not exist for', (_label, os) => {
    expect(check(os, []).outcome).toBe(Outcome.NOT_APPLICABLE);
  });

  test('is unknown when the hotfixes are not recorded, naming guest.hotfixes', () => {
    const result = check(client('7'));
    expect(result.outcome).toBe(Outcome.UNKNOWN);
    expect(result.message).toMatch(/\(guest\.hotfixes\)/);
    expect(result.message).toMatch(/KB2922223/);
  });

  test('is unknown when the Windows release is missing or not recognised, naming os.version', () => {
    const missing = check({ family: 'windows', name: 'windows-server' }, ['KB2922223']);
    expect(missing.outcome).toBe(Outcome.UNKNOWN);
    expect(missing.message).toMatch(/\(os\.version\)/);
    const odd = check(server('Longhorn'), ['KB2922223']);
    expect(odd.outcome).toBe(Outcome.UNKNOWN);
    expect(odd.message).toMatch(/Windows release Longhorn is not recognised \(os\.version\)/);
  });

  test('is unknown naming os.family when the family cannot be told', () => {
    const result = check({ version: '2012' }, ['KB2922223']);
    expect(result.outcome).toBe(Outcome.UNKNOWN);
    expect(result.message).toMatch(/\(os\.family\)/);
  });

  test('is n/a on Linux and on family other', () => {
    expect(check({ family: 'linux', name: 'ubuntu', version: '14.04' }).outcome).toBe(Outcome.NOT_APPLICABLE);
    expect(check({ family: 'other', name: 'freebsd' }).outcome).toBe(Outcome.NOT_APPLICABLE);
  });
});
