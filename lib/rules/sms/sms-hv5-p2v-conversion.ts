import { fail, pass, RuleResult, unknown, VmContext } from '../../assessment/rule';

/**
 * The VM was not created by a P2V conversion (an installation made on a physical machine and copied
 * into a VM). Applies on both hypervisors and to every OS family.
 */
export function p2vConversion({ vm }: VmContext): RuleResult {
  if (vm.createdByP2V == null) {
    return unknown('whether the VM was created by a P2V conversion is not recorded (createdByP2V): '
      + 'only VMs that were not converted from a physical machine are supported');
  }
  if (vm.createdByP2V === true) {
    return fail('the VM was created by a P2V conversion (createdByP2V: true): '
      + 'only VMs that were not converted from a physical machine are supported');
  }
  return pass();
}
