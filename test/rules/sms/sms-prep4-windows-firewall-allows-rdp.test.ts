import { windowsFirewallAllowsRdp } from '../../../lib/rules/sms/sms-prep4-windows-firewall-allows-rdp';
import { Outcome } from '../../../lib/assessment/rule';
import { vmContext } from '../../helpers/context';

describe('SMS-PREP4 windows firewall allows rdp', () => {
  const os = { family: 'windows', name: 'windows-client', version: '10' };

  test('passes when firewallAllowsRemoteAccess is true', () => {
    // GIVEN a Windows VM that has it
    const ctx = vmContext({ os, guest: { firewallAllowsRemoteAccess: true } });
    // WHEN / THEN
    expect(windowsFirewallAllowsRdp(ctx).outcome).toBe(Outcome.PASS);
  });

  test('passes a Windows VM whose family is inferred from its name', () => {
    expect(windowsFirewallAllowsRdp(vmContext({ os: { name: 'windows-server', version: '2016' }, guest: { firewallAllowsRemoteAccess: true } })).outcome).toBe(Outcome.PASS);
  });

  test('fails when firewallAllowsRemoteAccess is false, naming the fact and what passes', () => {
    // GIVEN a Windows VM without it
    const ctx = vmContext({ os, guest: { firewallAllowsRemoteAccess: false } });
    // WHEN
    const result = windowsFirewallAllowsRdp(ctx);
    // THEN
    expect(result.outcome).toBe(Outcome.FAIL);
    expect(result.message).toMatch(/host firewall blocks RDP/);
    expect(result.message).toMatch(/guest\.firewallAllowsRemoteAccess: false/);
    expect(result.message).toMatch(/must allow RDP/);
  });

  test('is unknown when the fact is not recorded, naming guest.firewallAllowsRemoteAccess', () => {
    const result = windowsFirewallAllowsRdp(vmContext({ os, guest: {} }));
    expect(result.outcome).toBe(Outcome.UNKNOWN);
    expect(result.message).toMatch(/\(guest\.firewallAllowsRemoteAccess\)/);
    expect(windowsFirewallAllowsRdp(vmContext({ os })).outcome).toBe(Outcome.UNKNOWN);
  });

  test('is unknown naming os.family when the family cannot be told', () => {
    // GIVEN no family and a name the rules do not recognise
    const result = windowsFirewallAllowsRdp(vmContext({ os: { name: 'mystery-os' }, guest: { firewallAllowsRemoteAccess: true } }));
    // THEN
    expect(result.outcome).toBe(Outcome.UNKNOWN);
    expect(result.message).toMatch(/\(os\.family\)/);
    expect(result.message).toMatch(/Windows host firewall/);
  });

  test('is n/a on Linux and on family other', () => {
    expect(windowsFirewallAllowsRdp(vmContext({ os: { family: 'linux', name: 'centos', version: '7.3' }, guest: { firewallAllowsRemoteAccess: false } })).outcome).toBe(Outcome.NOT_APPLICABLE);
    expect(windowsFirewallAllowsRdp(vmContext({ os: { family: 'other', name: 'freebsd' }, guest: { firewallAllowsRemoteAccess: false } })).outcome)
      .toBe(Outcome.NOT_APPLICABLE);
  });
});
