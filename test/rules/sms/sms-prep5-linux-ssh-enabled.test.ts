import { linuxSshEnabled } from '../../../lib/rules/sms/sms-prep5-linux-ssh-enabled';
import { Outcome } from '../../../lib/assessment/rule';
import { vmContext } from '../../helpers/context';

describe('SMS-PREP5 linux ssh enabled', () => {
  const os = { family: 'linux', name: 'rhel', version: '7.3' };

  test('passes when remoteAccessEnabled is true', () => {
    // GIVEN a Linux VM that has it
    const ctx = vmContext({ os, guest: { remoteAccessEnabled: true } });
    // WHEN / THEN
    expect(linuxSshEnabled(ctx).outcome).toBe(Outcome.PASS);
  });

  test('passes a Linux VM whose family is inferred from its name', () => {
    expect(linuxSshEnabled(vmContext({ os: { name: 'rhel', version: '7.3' }, guest: { remoteAccessEnabled: true } })).outcome).toBe(Outcome.PASS);
  });

  test('fails when remoteAccessEnabled is false, naming the fact and what passes', () => {
    // GIVEN a Linux VM without it
    const ctx = vmContext({ os, guest: { remoteAccessEnabled: false } });
    // WHEN
    const result = linuxSshEnabled(ctx);
    // THEN
    expect(result.outcome).toBe(Outcome.FAIL);
    expect(result.message).toMatch(/SSH is disabled/);
    expect(result.message).toMatch(/guest\.remoteAccessEnabled: false/);
    expect(result.message).toMatch(/need SSH enabled/);
  });

  test('is unknown when the fact is not recorded, naming guest.remoteAccessEnabled', () => {
    const result = linuxSshEnabled(vmContext({ os, guest: {} }));
    expect(result.outcome).toBe(Outcome.UNKNOWN);
    expect(result.message).toMatch(/\(guest\.remoteAccessEnabled\)/);
    expect(linuxSshEnabled(vmContext({ os })).outcome).toBe(Outcome.UNKNOWN);
  });

  test('is unknown naming os.family when the family cannot be told', () => {
    // GIVEN no family and a name the rules do not recognise
    const result = linuxSshEnabled(vmContext({ os: { name: 'mystery-os' }, guest: { remoteAccessEnabled: true } }));
    // THEN
    expect(result.outcome).toBe(Outcome.UNKNOWN);
    expect(result.message).toMatch(/\(os\.family\)/);
    expect(result.message).toMatch(/Linux VMs need SSH/);
  });

  test('is n/a on Windows and on family other', () => {
    expect(linuxSshEnabled(vmContext({ os: { family: 'windows', name: 'windows-server', version: '2012' }, guest: { remoteAccessEnabled: false } })).outcome).toBe(Outcome.NOT_APPLICABLE);
    expect(linuxSshEnabled(vmContext({ os: { family: 'other', name: 'freebsd' }, guest: { remoteAccessEnabled: false } })).outcome)
      .toBe(Outcome.NOT_APPLICABLE);
  });
});
