import { describeOs, osName, OsName } from '../../plan/model/os';
import { OsFamily } from '../../plan/model/plan';
import { familyGate } from '../../assessment/family-gate';
import { fail, pass, RuleResult, unknown, VmContext } from '../../assessment/rule';
import { compareKeys, KernelVersion, readKernel } from './facts/os-matrix';

/** The oldest kernel MGN supports: 2.6.18-164. */
const MINIMUM: KernelVersion = [2, 6, 18, 164];
/** The kernel the agent fails to install on, with any release suffix. */
const BROKEN: readonly number[] = [4, 9, 256];
/** Debian's oldest kernel major. */
const DEBIAN_MINIMUM_MAJOR = 3;

const NEEDED = 'MGN needs kernel 2.6.18-164 or later, not 4.9.256, and major 3 or later on Debian';

/**
 * The Linux kernel is one MGN supports (MGN-OS5): at least 2.6.18-164, not 4.9.256 (any suffix: the
 * agent's installer fails on it), and on Debian major 3 or later. Judges every Linux VM, whatever
 * MGN-OS1 says of its distribution.
 *
 * Unknown when `os.kernel` is missing or does not start with a release `A.B`.
 */
export function linuxKernel({ vm }: VmContext): RuleResult {
  const gate = familyGate(vm, OsFamily.LINUX, NEEDED);
  if (gate) {
    return gate;
  }
  const os = vm.os;
  const raw = os?.kernel == null ? '' : String(os.kernel).trim();
  if (raw === '') {
    return unknown(`the kernel of ${describeOs(os)} is not recorded (os.kernel): ${NEEDED}`);
  }
  const kernel = readKernel(raw);
  if (kernel === undefined) {
    return unknown(`os.kernel ${raw} of ${describeOs(os)} does not start with a release A.B (such as 3.10.0-1160): ${NEEDED}`);
  }
  if (compareKeys(kernel, MINIMUM) < 0) {
    return fail(`${describeOs(os)} runs kernel ${raw} (os.kernel): MGN needs 2.6.18-164 or later`);
  }
  if (BROKEN.every((part, i) => kernel[i] === part)) {
    return fail(`${describeOs(os)} runs kernel ${raw} (os.kernel): the MGN agent fails to install on 4.9.256; boot another kernel`);
  }
  if (osName(os) === OsName.DEBIAN && kernel[0] < DEBIAN_MINIMUM_MAJOR) {
    return fail(`${describeOs(os)} runs kernel ${raw} (os.kernel): MGN needs kernel major 3 or later on Debian`);
  }
  return pass();
}
