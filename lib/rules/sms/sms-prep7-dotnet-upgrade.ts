import { familyGate } from '../../assessment/family-gate';
import { describeOs } from '../../plan/model/os';
import { OsFamily } from '../../plan/model/plan';
import { compareVersions, parseVersion } from '../../private/version';
import { fail, pass, RuleResult, unknown, VmContext } from '../../assessment/rule';

/** The oldest .NET Framework SMS leaves alone; anything older is upgraded during import. */
const MINIMUM = parseVersion('4.5')!;

const NOTE = 'SMS upgrades .NET Framework older than 4.5 to 4.5 or later during import';

/**
 * Tells when SMS will upgrade a Windows VM's .NET Framework (an info rule: its `fail` is the notice).
 *
 * Fails (at info severity) when `guest.dotNetVersion` is older than 4.5, compared numerically (4.10 is
 * newer than 4.5); passes at 4.5 or later; unknown when the version is missing or holds no number.
 * n/a on Linux and on family `other`.
 */
export function dotNetUpgrade({ vm }: VmContext): RuleResult {
  const gate = familyGate(vm, OsFamily.WINDOWS, `on Windows VMs ${NOTE}`);
  if (gate) {
    return gate;
  }
  const text = vm.guest?.dotNetVersion;
  if (text == null || String(text).trim() === '') {
    return unknown(`the .NET Framework version of ${describeOs(vm.os)} is not recorded (guest.dotNetVersion): ${NOTE}`);
  }
  const version = parseVersion(String(text));
  if (version === undefined) {
    return unknown(`.NET Framework version ${text} is not a version number (guest.dotNetVersion): ${NOTE}`);
  }
  if (compareVersions(version, MINIMUM) < 0) {
    return fail(`.NET Framework ${String(text).trim()} on ${describeOs(vm.os)} is older than 4.5 `
      + '(guest.dotNetVersion): SMS will upgrade it to 4.5 or later during import; test applications that depend on the older version');
  }
  return pass();
}
