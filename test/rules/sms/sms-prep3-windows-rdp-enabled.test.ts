import { windowsRdpEnabled } from '../../../lib/rules/sms/sms-prep3-windows-rdp-enabled';
import { Outcome } from '../../../lib/assessment/rule';
import { vmContext } from '../../helpers/context';

describe('SMS-PREP3 windows rdp enabled', () => {
  const os = { family: 'windows', name: 'windows-server', version: '2016' };

  test('passes when remoteAccessEnabled is true', () => {
    // GIVEN a Windows VM that has it
    const ctx = vmContext({ os, guest: { remoteAccessEnabled: true } });
    // WHEN / THEN
    expect(windowsRdpEnabled(ctx).outcome).toBe(Outcome.PASS);
  });

  test('passes a Windows VM whose family is inferred from its name', () => {
    expect(windowsRdpEnabled(vmContext({ os: { name: 'windows-server', version: '2016' }, guest: { remoteAccessEnabled: true } })).outcome).toBe(Outcome.PASS);
  });

  test('fails when remoteAccessEnabled is false, naming the fact and what passes', () => {
    // GIVEN a Windows VM without it
    const ctx = vmContext({ os, guest: { remoteAccessEnabled: false } });
    // WHEN
    const result = windowsRdpEnabled(ctx);
    // THEN
    expect(result.outcome).toBe(Outcome.FAIL);
    expect(result.message).toMatch(/Remote Desktop \(RDP\) is disabled/);
    expect(result.message).toMatch(/guest\.remoteAccessEnabled: false/);
    expect(result.message).toMatch(/need Remote Desktop \(RDP\) enabled/);
  });

  test('is unknown when the fact is not recorded, naming guest.remoteAccessEnabled', () => {
    const result = windowsRdpEnabled(vmContext({ os, guest: {} }));
    expect(result.outcome).toBe(Outcome.UNKNOWN);
    expect(result.message).toMatch(/\(guest\.remoteAccessEnabled\)/);
    expect(windowsRdpEnabled(vmContext({ os })).outcome).toBe(Outcome.UNKNOWN);
  });

  test('is unknown naming os.family when the family cannot be told', () => {
    // GIVEN no family and a name the rules do not recognise
    const result = windowsRdpEnabled(vmContext({ os: { name: 'mystery-os' }, guest: { remoteAccessEnabled: true } }));
    // THEN
    expect(result.outcome).toBe(Outcome.UNKNOWN);
    expect(result.message).toMatch(/\(os\.family\)/);
    expect(result.message).toMatch(/Windows VMs need Remote Desktop/);
  });

  test('is n/a on Linux and on family other', () => {
    expect(windowsRdpEnabled(vmContext({ os: { family: 'linux', name: 'ubuntu', version: '16.04' }, guest: { remoteAccessEnabled: false } })).outcome).toBe(Outcome.NOT_APPLICABLE);
    expect(windowsRdpEnabled(vmContext({ os: { family: 'other', name: 'freebsd' }, guest: { remoteAccessEnabled: false } })).outcome)
      .toBe(Outcome.NOT_APPLICABLE);
  });
});
