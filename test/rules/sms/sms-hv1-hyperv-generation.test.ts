import { hypervGeneration } from '../../../lib/rules/sms/sms-hv1-hyperv-generation';
import { Outcome } from '../../../lib/assessment/rule';
import { vmContext } from '../../helpers/context';

describe('SMS-HV1 hyperv generation', () => {
  test('passes a Generation 1 Hyper-V VM', () => {
    // GIVEN a Hyper-V generation 1 VM
    const ctx = vmContext({ hypervisor: 'hyperv', generation: 1 });
    // WHEN / THEN
    expect(hypervGeneration(ctx).outcome).toBe(Outcome.PASS);
  });

  test('fails a Generation 2 Hyper-V VM, naming the generation and the supported one', () => {
    const result = hypervGeneration(vmContext({ hypervisor: 'hyperv', generation: 2 }));
    expect(result.outcome).toBe(Outcome.FAIL);
    expect(result.message).toBe('Hyper-V generation 2 is not supported (supported: generation 1)');
  });

  test('is unknown when the generation is not recorded, even with UEFI firmware', () => {
    for (const vm of [{ hypervisor: 'hyperv' }, { hypervisor: 'hyperv', firmware: 'uefi' }]) {
      const result = hypervGeneration(vmContext(vm));
      expect(result.outcome).toBe(Outcome.UNKNOWN);
      expect(result.message).toMatch(/\(generation\)/);
      expect(result.message).toMatch(/Generation 1/);
    }
  });

  test('is n/a on VMware, whatever the generation says', () => {
    expect(hypervGeneration(vmContext({ hypervisor: 'vmware' })).outcome).toBe(Outcome.NOT_APPLICABLE);
    expect(hypervGeneration(vmContext({ hypervisor: 'vmware', generation: 2 })).outcome).toBe(Outcome.NOT_APPLICABLE);
  });
});
