import { hotfixKb2800213 } from '../../../lib/rules/sms/sms-prep10-hotfix-kb2800213';
import { Outcome } from '../../../lib/assessment/rule';
import { vmContext } from '../../helpers/context';

describe('SMS-PREP10 hotfix KB2800213', () => {
  const server = (version: string) => ({ family: 'windows', name: 'windows-server', version });
  const client = (version: string) => ({ family: 'windows', name: 'windows-client', version });
  const check = (os: object, hotfixes?: string[]) => hotfixKb2800213(vmContext({ os, guest: { hotfixes } }));

  test.each([
    ['Server 2008', server('2008')],
    ['Windows 7', client('7')],
    ['Server 2008 R2', server('2008 R2')],
  ])('passes %s with the hotfix applied', (_label, os) => {
    expect(check(os, ['KB2922223', 'KB2800213']).outcome).toBe(Outcome.PASS);
  });

  test('compares hotfix ids case-insensitively, with or without KB', () => {
    expect(check(server('2008'), ['kb2800213']).outcome).toBe(Outcome.PASS);
    expect(check(server('2008'), ['2800213']).outcome).toBe(Outcome.PASS);
  });

  test('fails when the hotfix is missing, naming the release, the hotfixes listed and where it is required', () => {
    // GIVEN Windows 7 with only the other hotfix
    // WHEN
    const result = check(client('7'), ['KB2922223']);
    // THEN
    expect(result.outcome).toBe(Outcome.FAIL);
    expect(result.message).toMatch(/hotfix KB2800213 is not applied on Windows 7 \(guest\.hotfixes: KB2922223\)/);
    expect(result.message).toMatch(/Windows 7, Server 2008, 2008 R2$/);
  });

  test.each([
    ['Windows 8', client('8')],
    ['Windows 8.1', client('8.1')],
    ['Windows 10', client('10')],
    ['Server 2003', server('2003')],
    ['Server 2012', server('2012')],
    ['Server 2012 R2', server('2012 R2')],
    ['Server 2016', server('2016')],
  ])('is n/a on %s, which the hotfix does not exist for', (_label, os) => {
    expect(check(os, []).outcome).toBe(Outcome.NOT_APPLICABLE);
  });

  test('is unknown when the hotfixes are not recorded, naming guest.hotfixes', () => {
    const result = check(server('2008 R2'));
    expect(result.outcome).toBe(Outcome.UNKNOWN);
    expect(result.message).toMatch(/\(guest\.hotfixes\)/);
  });

  test('is unknown when the Windows release is missing, naming os.version', () => {
    const result = check({ family: 'windows' }, ['KB2800213']);
    expect(result.outcome).toBe(Outcome.UNKNOWN);
    expect(result.message).toMatch(/\(os\.version\)/);
  });

  test('is unknown naming os.family when the family cannot be told', () => {
    expect(check({ name: 'something' }, []).message).toMatch(/\(os\.family\)/);
  });

  test('is n/a on Linux and on family other', () => {
    expect(check({ family: 'linux' }, []).outcome).toBe(Outcome.NOT_APPLICABLE);
    expect(check({ family: 'other' }, []).outcome).toBe(Outcome.NOT_APPLICABLE);
  });
});
