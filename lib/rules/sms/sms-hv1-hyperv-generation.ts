import { fail, notApplicable, pass, RuleResult, unknown, VmContext } from '../../assessment/rule';
import { isHyperV } from './facts/hypervisor';

/**
 * A Hyper-V (or SCVMM) VM is Generation 1: SMS cannot migrate Generation 2 VMs. n/a on VMware.
 *
 * An unrecorded generation is unknown, even when the firmware hints at it: the generation is the fact
 * SMS checks, and a UEFI firmware already fails SMS-BOOT2 on its own.
 */
export function hypervGeneration({ vm }: VmContext): RuleResult {
  if (!isHyperV(vm)) {
    return notApplicable();
  }
  if (vm.generation == null) {
    return unknown('the Hyper-V generation is not recorded (generation): only Generation 1 VMs are supported');
  }
  if (Number(vm.generation) === 1) {
    return pass();
  }
  return fail(`Hyper-V generation ${vm.generation} is not supported (supported: generation 1)`);
}
