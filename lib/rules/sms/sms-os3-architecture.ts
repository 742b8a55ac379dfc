import { describeOs, displayWindowsRelease, osFamily, OsName } from '../../plan/model/os';
import { Architecture, OsFamily } from '../../plan/model/plan';
import { familiesGate, LINUX_AND_WINDOWS } from '../../assessment/family-gate';
import { fail, pass, RuleResult, unknown, VmContext } from '../../assessment/rule';
import { isResult, windowsTarget } from './facts/os';

/** Windows releases that SMS also supports as 32-bit (x86); every other supported release is 64-bit only. */
const WINDOWS_32_BIT: Readonly<Record<string, readonly string[]>> = {
  [OsName.WINDOWS_SERVER]: ['2003', '2003r2', '2008'],
  [OsName.WINDOWS_CLIENT]: ['7', '8'],
};

const WINDOWS_32_BIT_TEXT = `Windows Server ${WINDOWS_32_BIT[OsName.WINDOWS_SERVER].map(displayWindowsRelease).join(', ')} `
  + `and Windows ${WINDOWS_32_BIT[OsName.WINDOWS_CLIENT].join(', ')}`;

/**
 * The architecture is one SMS supports for the OS: Linux must be 64-bit (x86_64); Windows may be
 * x86_64, or x86 on the releases that SMS supports as 32-bit.
 *
 * Unknown when `os.architecture` is missing, or for 32-bit Windows whose release is not recorded.
 * n/a for family `other`, and for 32-bit Windows on a release SMS-OS1 fails.
 */
export function architecture({ vm }: VmContext): RuleResult {
  const os = vm.os;
  const gate = familiesGate(vm, LINUX_AND_WINDOWS, 'Linux must be x86_64; Windows x86_64, or x86 on some releases');
  if (gate) {
    return gate;
  }
  const raw = os?.architecture;
  const arch = raw == null ? '' : String(raw).trim().toLowerCase();
  if (osFamily(os) === OsFamily.LINUX) {
    if (arch === '') {
      return unknown(`the architecture of ${describeOs(os)} is not recorded (os.architecture): Linux must be x86_64 (64-bit)`);
    }
    if (arch !== Architecture.X86_64) {
      return fail(`${describeOs(os)} is ${raw}: only 64-bit Linux (x86_64) is supported`);
    }
    return pass();
  }
  if (arch === '') {
    return unknown(`the architecture of ${describeOs(os)} is not recorded (os.architecture): `
      + `Windows must be x86_64, or x86 on ${WINDOWS_32_BIT_TEXT}`);
  }
  if (arch === Architecture.X86_64) {
    return pass();
  }
  if (arch !== Architecture.X86) {
    return fail(`${describeOs(os)} is ${raw}: Windows must be x86_64, or x86 on ${WINDOWS_32_BIT_TEXT}`);
  }
  const target = windowsTarget(os, `x86 is supported only on ${WINDOWS_32_BIT_TEXT}`);
  if (isResult(target)) {
    return target;
  }
  if (WINDOWS_32_BIT[target.name].includes(target.release)) {
    return pass();
  }
  return fail(`${describeOs(os)} is x86 (32-bit): it is supported only as x86_64 (x86 only on ${WINDOWS_32_BIT_TEXT})`);
}
