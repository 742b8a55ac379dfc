import { p2vConversion } from '../../../lib/rules/sms/sms-hv5-p2v-conversion';
import { Outcome } from '../../../lib/assessment/rule';
import { vmContext } from '../../helpers/context';

describe('SMS-HV5 p2v conversion', () => {
  test.each(['vmware', 'hyperv'])('passes a VM not created by P2V on %s', (hypervisor) => {
    // GIVEN a VM installed as a VM
    const ctx = vmContext({ hypervisor, createdByP2V: false });
    // WHEN / THEN
    expect(p2vConversion(ctx).outcome).toBe(Outcome.PASS);
  });

  test.each(['vmware', 'hyperv'])('fails a VM created by P2V on %s, naming the fact', (hypervisor) => {
    const result = p2vConversion(vmContext({ hypervisor, createdByP2V: true }));
    expect(result.outcome).toBe(Outcome.FAIL);
    expect(result.message).toMatch(/createdByP2V: true/);
    expect(result.message).toMatch(/not converted from a physical machine/);
  });

  test('is unknown when not recorded', () => {
    const result = p2vConversion(vmContext({ os: { family: 'linux', name: 'rhel', version: '7.3' } }));
    expect(result.outcome).toBe(Outcome.UNKNOWN);
    expect(result.message).toMatch(/\(createdByP2V\)/);
  });

  test('applies to every family', () => {
    expect(p2vConversion(vmContext({ os: { family: 'other' }, createdByP2V: true })).outcome).toBe(Outcome.FAIL);
  });
});
