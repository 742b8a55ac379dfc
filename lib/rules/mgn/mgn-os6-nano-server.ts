import { describeOs, osName, OsName, windowsRelease } from '../../plan/model/os';
import { Installation, OsFamily } from '../../plan/model/plan';
import { familyGate } from '../../assessment/family-gate';
import { fail, notApplicable, pass, RuleResult, unknown, VmContext } from '../../assessment/rule';
import { isVagueName } from '../sms/facts/os';

/** Windows Server releases before Nano Server (introduced with 2016): their installations are never Nano. */
const BEFORE_NANO: ReadonlySet<string> = new Set(['2003', '2003r2', '2008', '2008r2', '2012', '2012r2']);

const NEEDED = 'Nano Server is not supported, full and core installations are';

/**
 * Windows Server is not a Nano Server installation (MGN-OS6): the agent needs the .NET Framework, which
 * Nano Server lacks, and MGN documents no conversion of it (decided).
 *
 * A missing `os.installation` passes a release before 2016, where Nano Server does not exist, and is
 * unknown from 2016 on or when the release is not recorded. n/a for Windows client releases.
 */
export function nanoServer({ vm }: VmContext): RuleResult {
  const gate = familyGate(vm, OsFamily.WINDOWS, `Windows Server must be a full or core installation: ${NEEDED}`);
  if (gate) {
    return gate;
  }
  const os = vm.os;
  const name = osName(os);
  if (name !== undefined && name !== OsName.WINDOWS_SERVER && !isVagueName(name)) {
    return notApplicable();
  }
  const raw = os?.installation == null ? '' : String(os.installation).trim().toLowerCase();
  if (raw === Installation.NANO) {
    return fail(`${describeOs(os)} is a Nano Server installation (os.installation nano): ${NEEDED}`);
  }
  if (raw !== '') {
    return pass();
  }
  const release = windowsRelease(os);
  if (release !== undefined && BEFORE_NANO.has(release)) {
    return pass();
  }
  return unknown(`the installation option of ${describeOs(os)} is not recorded (os.installation): ${NEEDED}`);
}
