import { linuxFirewallAllowsSsh } from '../../../lib/rules/sms/sms-prep6-linux-firewall-allows-ssh';
import { Outcome } from '../../../lib/assessment/rule';
import { vmContext } from '../../helpers/context';

describe('SMS-PREP6 linux firewall allows ssh', () => {
  const os = { family: 'linux', name: 'debian', version: '8.0.0' };

  test('passes when firewallAllowsRemoteAccess is true', () => {
    // GIVEN a Linux VM that has it
    const ctx = vmContext({ os, guest: { firewallAllowsRemoteAccess: true } });
    // WHEN / THEN
    expect(linuxFirewallAllowsSsh(ctx).outcome).toBe(Outcome.PASS);
  });

  test('passes a Linux VM whose family is inferred from its name', () => {
    expect(linuxFirewallAllowsSsh(vmContext({ os: { name: 'rhel', version: '7.3' }, guest: { firewallAllowsRemoteAccess: true } })).outcome).toBe(Outcome.PASS);
  });

  test('fails when firewallAllowsRemoteAccess is false, naming the fact and what passes', () => {
    // GIVEN a Linux VM without it
    const ctx = vmContext({ os, guest: { firewallAllowsRemoteAccess: false } });
    // WHEN
    const result = linuxFirewallAllowsSsh(ctx);
    // THEN
    expect(result.outcome).toBe(Outcome.FAIL);
    expect(result.message).toMatch(/host firewall blocks SSH/);
    expect(result.message).toMatch(/guest\.firewallAllowsRemoteAccess: false/);
    expect(result.message).toMatch(/must allow SSH/);
  });

  test('is unknown when the fact is not recorded, naming guest.firewallAllowsRemoteAccess', () => {
    const result = linuxFirewallAllowsSsh(vmContext({ os, guest: {} }));
    expect(result.outcome).toBe(Outcome.UNKNOWN);
    expect(result.message).toMatch(/\(guest\.firewallAllowsRemoteAccess\)/);
    expect(linuxFirewallAllowsSsh(vmContext({ os })).outcome).toBe(Outcome.UNKNOWN);
  });

  test('is unknown naming os.family when the family cannot be told', () => {
    // GIVEN no family and a name the rules do not recognise
    const result = linuxFirewallAllowsSsh(vmContext({ os: { name: 'mystery-os' }, guest: { firewallAllowsRemoteAccess: true } }));
    // THEN
    expect(result.outcome).toBe(Outcome.UNKNOWN);
    expect(result.message).toMatch(/\(os\.family\)/);
    expect(result.message).toMatch(/Linux host firewall/);
  });

  test('is n/a on Windows and on family other', () => {
    expect(linuxFirewallAllowsSsh(vmContext({ os: { family: 'windows', name: 'windows-client', version: '7' }, guest: { firewallAllowsRemoteAccess: false } })).outcome).toBe(Outcome.NOT_APPLICABLE);
    expect(linuxFirewallAllowsSsh(vmContext({ os: { family: 'other', name: 'freebsd' }, guest: { firewallAllowsRemoteAccess: false } })).outcome)
      .toBe(Outcome.NOT_APPLICABLE);
  });
});
