import { describeOs } from '../../plan/model/os';
import { OsFamily } from '../../plan/model/plan';
import { familyGate } from '../../assessment/family-gate';
import { fail, pass, RuleResult, unknown, VmContext } from '../../assessment/rule';

/**
 * A Linux VM runs its distribution's own kernel: a custom kernel may not migrate successfully.
 *
 * A warning. Applies to every Linux VM, supported distribution or not. Unknown when
 * `os.customKernel` is missing; n/a for Windows and family `other`.
 */
export function customKernel({ vm }: VmContext): RuleResult {
  const os = vm.os;
  const gate = familyGate(vm, OsFamily.LINUX, 'Linux should run its distribution\'s kernel');
  if (gate) {
    return gate;
  }
  const custom = os?.customKernel;
  if (custom !== true && custom !== false) {
    return unknown(`whether ${describeOs(os)} runs a custom kernel is not recorded (os.customKernel): the distribution's own kernel passes`);
  }
  if (custom) {
    const kernel = os?.kernel ? ` ${String(os.kernel).trim()}` : '';
    return fail(`${describeOs(os)} runs a custom kernel${kernel} (os.customKernel true): it may not migrate successfully `
      + '(the distribution\'s own kernel passes)');
  }
  return pass();
}
