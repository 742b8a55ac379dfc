import { windowsPagefileFixed } from '../../../lib/rules/sms/sms-prep8-windows-pagefile-fixed';
import { Outcome } from '../../../lib/assessment/rule';
import { vmContext } from '../../helpers/context';

describe('SMS-PREP8 windows pagefile fixed', () => {
  const os = { family: 'windows', name: 'windows-server', version: '2012 R2' };

  test('passes a fixed page file', () => {
    expect(windowsPagefileFixed(vmContext({ os, guest: { pagefile: 'fixed' } })).outcome).toBe(Outcome.PASS);
  });

  test('fails a system-managed page file, naming the value and what passes', () => {
    // GIVEN a Windows VM whose page file is system-managed
    const ctx = vmContext({ os, guest: { pagefile: 'system-managed' } });
    // WHEN
    const result = windowsPagefileFixed(ctx);
    // THEN
    expect(result.outcome).toBe(Outcome.FAIL);
    expect(result.message).toMatch(/page file of Windows Server 2012 R2 is system-managed \(guest\.pagefile\)/);
    expect(result.message).toMatch(/it must be fixed/);
  });

  test('is unknown when not recorded, naming guest.pagefile', () => {
    const result = windowsPagefileFixed(vmContext({ os, guest: {} }));
    expect(result.outcome).toBe(Outcome.UNKNOWN);
    expect(result.message).toMatch(/\(guest\.pagefile\)/);
  });

  test('is unknown naming os.family when the family cannot be told', () => {
    const result = windowsPagefileFixed(vmContext({ guest: { pagefile: 'fixed' } }));
    expect(result.outcome).toBe(Outcome.UNKNOWN);
    expect(result.message).toMatch(/\(os\.family\)/);
  });

  test('is n/a on Linux and on family other', () => {
    expect(windowsPagefileFixed(vmContext({ os: { family: 'linux' }, guest: {} })).outcome).toBe(Outcome.NOT_APPLICABLE);
    expect(windowsPagefileFixed(vmContext({ os: { family: 'other' }, guest: {} })).outcome).toBe(Outcome.NOT_APPLICABLE);
  });
});
