import { describeOs } from '../../plan/model/os';
import { Architecture } from '../../plan/model/plan';
import { fail, pass, RuleResult, unknown, VmContext } from '../../assessment/rule';

const NEEDED = 'MGN replicates only 64-bit x86 (x86_64)';

/**
 * The guest is 64-bit x86 (MGN-OS4): `os.architecture` is `x86_64`, whatever the OS. Unknown when it is
 * not recorded.
 */
export function architecture({ vm }: VmContext): RuleResult {
  const raw = vm.os?.architecture;
  const arch = raw == null ? '' : String(raw).trim().toLowerCase();
  if (arch === '') {
    return unknown(`the architecture of ${describeOs(vm.os)} is not recorded (os.architecture): ${NEEDED}`);
  }
  if (arch !== Architecture.X86_64) {
    return fail(`${describeOs(vm.os)} is ${String(raw).trim()} (os.architecture): ${NEEDED}`);
  }
  return pass();
}
