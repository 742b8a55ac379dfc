import { antivirusDisabled } from '../../../lib/rules/sms/sms-prep1-antivirus-disabled';
import { Outcome } from '../../../lib/assessment/rule';
import { vmContext } from '../../helpers/context';

describe('SMS-PREP1 antivirus disabled', () => {
  test('passes when antivirus is disabled', () => {
    // GIVEN a Linux VM whose antivirus is off
    const ctx = vmContext({ os: { family: 'linux', name: 'rhel', version: '7.3' }, guest: { antivirusEnabled: false } });
    // WHEN / THEN
    expect(antivirusDisabled(ctx).outcome).toBe(Outcome.PASS);
  });

  test('fails when antivirus is enabled, naming the fact and what passes', () => {
    // GIVEN a Windows VM whose antivirus is on
    const ctx = vmContext({ os: { family: 'windows', name: 'windows-server', version: '2012 R2' }, guest: { antivirusEnabled: true } });
    // WHEN
    const result = antivirusDisabled(ctx);
    // THEN
    expect(result.outcome).toBe(Outcome.FAIL);
    expect(result.severity).toBeUndefined();
    expect(result.message).toMatch(/guest\.antivirusEnabled: true/);
    expect(result.message).toMatch(/must be disabled/);
    expect(result.message).not.toMatch(/\.$/);
  });

  test('is unknown when not recorded, naming the field', () => {
    const result = antivirusDisabled(vmContext({ os: { family: 'linux' }, guest: {} }));
    expect(result.outcome).toBe(Outcome.UNKNOWN);
    expect(result.message).toMatch(/\(guest\.antivirusEnabled\)/);
    expect(result.message).toMatch(/must be disabled/);
  });

  test('is unknown when the guest section is missing', () => {
    expect(antivirusDisabled(vmContext({ os: { family: 'linux' } })).outcome).toBe(Outcome.UNKNOWN);
  });

  test('applies to every VM: family other and an unknown family are judged too', () => {
    expect(antivirusDisabled(vmContext({ os: { family: 'other', name: 'freebsd' }, guest: { antivirusEnabled: true } })).outcome)
      .toBe(Outcome.FAIL);
    expect(antivirusDisabled(vmContext({ guest: { antivirusEnabled: false } })).outcome).toBe(Outcome.PASS);
  });
});
