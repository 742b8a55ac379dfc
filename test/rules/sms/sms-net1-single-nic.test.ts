import { singleNic } from '../../../lib/rules/sms/sms-net1-single-nic';
import { Outcome } from '../../../lib/assessment/rule';
import { vmContext } from '../../helpers/context';

describe('SMS-NET1 single nic', () => {
  test('passes one NIC', () => {
    // GIVEN a VM with a single interface
    const ctx = vmContext({ nics: [{ ipv4: ['10.1.2.3'], ipv6: [], addressing: 'static' }] });
    // WHEN / THEN
    expect(singleNic(ctx).outcome).toBe(Outcome.PASS);
  });

  test('passes an explicit empty NIC list', () => {
    expect(singleNic(vmContext({ nics: [] })).outcome).toBe(Outcome.PASS);
  });

  test('fails two NICs, naming the count and every NIC with its addresses', () => {
    const result = singleNic(vmContext({ nics: [{ ipv4: ['10.1.2.3'] }, { ipv4: ['192.168.5.9'], ipv6: ['fd00::9'] }, {}] }));
    expect(result.outcome).toBe(Outcome.FAIL);
    expect(result.severity).toBeUndefined();
    expect(result.message).toBe('3 network interfaces (nic 1 (10.1.2.3), nic 2 (192.168.5.9, fd00::9), nic 3): '
      + 'after migration the instance has a single network interface, so one NIC passes');
  });

  test('fails on Hyper-V and for every OS family', () => {
    const ctx = vmContext({ hypervisor: 'hyperv', os: { family: 'other' }, nics: [{}, {}] });
    expect(singleNic(ctx).outcome).toBe(Outcome.FAIL);
  });

  test('is unknown when the NICs are not recorded', () => {
    const result = singleNic(vmContext({}));
    expect(result.outcome).toBe(Outcome.UNKNOWN);
    expect(result.message).toMatch(/\(nics\)/);
  });
});
