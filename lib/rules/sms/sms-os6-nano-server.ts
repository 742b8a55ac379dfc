import { describeOs, osName, OsName, windowsRelease } from '../../plan/model/os';
import { Installation, OsFamily } from '../../plan/model/plan';
import { familyGate } from '../../assessment/family-gate';
import { fail, notApplicable, pass, RuleResult, unknown, VmContext } from '../../assessment/rule';

/** Windows Server releases that predate Nano Server: their installations are never Nano. */
const BEFORE_NANO = new Set(['2003', '2003r2', '2008', '2008r2', '2012']);

/**
 * A Windows Server VM must not be a Nano Server installation.
 *
 * Nano Server exists from Windows Server 2012 R2's successor on, but the requirements name it under
 * 2012 R2 too, so every release from 2012 R2 on (and an unknown release) needs `os.installation`.
 * Unknown, naming `os.family`, when neither the family nor a recognised name says the VM runs Windows.
 */
export function nanoServer({ vm }: VmContext): RuleResult {
  const gate = familyGate(vm, OsFamily.WINDOWS, 'Windows Server must be a full or core installation, not Nano Server');
  if (gate) {
    return gate;
  }
  const name = osName(vm.os);
  if (name !== undefined && name !== OsName.WINDOWS_SERVER) {
    return notApplicable();
  }
  const release = windowsRelease(vm.os);
  if (name === OsName.WINDOWS_SERVER && release !== undefined && BEFORE_NANO.has(release)) {
    return pass();
  }
  const installation = vm.os?.installation;
  if (installation === undefined) {
    return unknown(`the installation option of ${describeOs(vm.os)} is not recorded (os.installation): `
      + 'Nano Server is not supported, full and core installations are');
  }
  if (installation === Installation.NANO) {
    return fail(`${describeOs(vm.os)} is a Nano Server installation: only full and core installations are supported`);
  }
  return pass();
}
