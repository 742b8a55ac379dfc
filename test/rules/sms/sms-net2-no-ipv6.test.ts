import { noIpv6 } from '../../../lib/rules/sms/sms-net2-no-ipv6';
import { Outcome } from '../../../lib/assessment/rule';
import { vmContext } from '../../helpers/context';

describe('SMS-NET2 no ipv6', () => {
  test('passes NICs that record no IPv6 address', () => {
    const ctx = vmContext({ nics: [{ ipv4: ['10.1.2.3'], ipv6: [] }, { ipv6: [] }] });
    expect(noIpv6(ctx).outcome).toBe(Outcome.PASS);
  });

  test('passes an explicit empty NIC list', () => {
    expect(noIpv6(vmContext({ nics: [] })).outcome).toBe(Outcome.PASS);
  });

  test('fails IPv6 addresses on any NIC, listing every one', () => {
    // GIVEN IPv6 on the second and third NIC, one of them link-local
    const ctx = vmContext({
      nics: [{ ipv4: ['10.1.2.3'], ipv6: [] }, { ipv6: ['2001:db8::5', 'fe80::1'] }, { ipv6: ['fd00::7'] }],
    });
    // WHEN
    const result = noIpv6(ctx);
    // THEN
    expect(result.outcome).toBe(Outcome.FAIL);
    expect(result.message).toBe('nic 2 has 2001:db8::5, fe80::1; nic 3 has fd00::7: IPv6 is not supported, a VM without IPv6 addresses passes');
  });

  test('counts an IPv6 address written in the ipv4 list', () => {
    const result = noIpv6(vmContext({ nics: [{ ipv4: ['10.1.2.3', '2001:db8::1'] }] }));
    expect(result.outcome).toBe(Outcome.FAIL);
    expect(result.message).toMatch(/^nic 1 has 2001:db8::1:/);
  });

  test('fails rather than unknown when another NIC has IPv6', () => {
    expect(noIpv6(vmContext({ nics: [{ ipv4: ['10.1.2.3'] }, { ipv6: ['fd00::1'] }] })).outcome).toBe(Outcome.FAIL);
  });

  test('is unknown when a NIC records no ipv6 list', () => {
    const result = noIpv6(vmContext({ nics: [{ ipv4: ['10.1.2.3'], ipv6: [] }, { ipv4: ['10.9.9.9'] }] }));
    expect(result.outcome).toBe(Outcome.UNKNOWN);
    expect(result.message).toMatch(/the IPv6 addresses of nic 2 \(10\.9\.9\.9\) are not recorded \(nics\[\]\.ipv6\)/);
  });

  test('is unknown when the NICs are not recorded', () => {
    const result = noIpv6(vmContext({}));
    expect(result.outcome).toBe(Outcome.UNKNOWN);
    expect(result.message).toMatch(/\(nics\)/);
  });
});
