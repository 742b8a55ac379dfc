import { staticIpv4 } from '../../../lib/rules/sms/sms-net3-static-ipv4';
import { Outcome } from '../../../lib/assessment/rule';
import { vmContext } from '../../helpers/context';

describe('SMS-NET3 static ipv4', () => {
  test('passes when every NIC uses DHCP', () => {
    expect(staticIpv4(vmContext({ nics: [{ addressing: 'dhcp' }, { addressing: 'dhcp' }] })).outcome).toBe(Outcome.PASS);
  });

  test('passes an explicit empty NIC list', () => {
    expect(staticIpv4(vmContext({ nics: [] })).outcome).toBe(Outcome.PASS);
  });

  test('reports every static NIC as a fail at the rule\'s info severity', () => {
    // GIVEN two static NICs and one on DHCP
    const ctx = vmContext({
      nics: [{ ipv4: ['10.1.2.3'], addressing: 'static' }, { ipv4: ['10.1.9.9'], addressing: 'dhcp' }, { addressing: 'static' }],
    });
    // WHEN
    const result = staticIpv4(ctx);
    // THEN the outcome is fail, at the catalogue's severity (info)
    expect(result.outcome).toBe(Outcome.FAIL);
    expect(result.severity).toBeUndefined();
    expect(result.message).toBe('nic 1 (10.1.2.3), nic 3 use static IPv4 addressing: '
      + 'after migration the instance gets a private address from DHCP; NICs already on DHCP are unchanged');
  });

  test('reports a static NIC rather than unknown when another NIC\'s addressing is missing', () => {
    expect(staticIpv4(vmContext({ nics: [{}, { addressing: 'static' }] })).outcome).toBe(Outcome.FAIL);
  });

  test('is unknown when a NIC\'s addressing is not recorded', () => {
    const result = staticIpv4(vmContext({ nics: [{ addressing: 'dhcp' }, { ipv4: ['10.1.2.3'] }] }));
    expect(result.outcome).toBe(Outcome.UNKNOWN);
    expect(result.message).toMatch(/nic 2 \(10\.1\.2\.3\) is not recorded \(nics\[\]\.addressing\)/);
  });

  test('is unknown when the NICs are not recorded', () => {
    const result = staticIpv4(vmContext({}));
    expect(result.outcome).toBe(Outcome.UNKNOWN);
    expect(result.message).toMatch(/\(nics\)/);
  });
});
