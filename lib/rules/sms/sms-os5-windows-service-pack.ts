import { osName, OsName, windowsRelease } from '../../plan/model/os';
import { OsFamily } from '../../plan/model/plan';
import { familyGate } from '../../assessment/family-gate';
import { fail, notApplicable, pass, RuleResult, unknown, VmContext } from '../../assessment/rule';
import { isVagueName, unknownWindowsName } from './facts/os';

/** The service pack Windows Server 2003 needs at least. */
const MIN_SERVICE_PACK = 1;

/**
 * Windows Server 2003 (not 2003 R2) has Service Pack 1 or later.
 *
 * n/a for every other OS. Unknown when `os.servicePack` of a 2003 server is missing, and when a
 * Windows VM might be 2003 but does not say (no or a vague `os.name`, or a Windows Server without
 * `os.version`).
 */
export function windowsServicePack({ vm }: VmContext): RuleResult {
  const os = vm.os;
  const gate = familyGate(vm, OsFamily.WINDOWS, 'Windows Server 2003 needs Service Pack 1 or later');
  if (gate) {
    return gate;
  }
  const name = osName(os);
  if (name === undefined || isVagueName(name)) {
    return unknownWindowsName(os, 'Windows Server 2003 needs Service Pack 1 or later');
  }
  if (name !== OsName.WINDOWS_SERVER) {
    return notApplicable();
  }
  const release = windowsRelease(os);
  if (release === undefined) {
    return unknown('the Windows Server release is not recorded (os.version): Windows Server 2003 needs Service Pack 1 or later');
  }
  if (release !== '2003') {
    return notApplicable();
  }
  const raw = os?.servicePack;
  if (raw == null || String(raw).trim() === '') {
    return unknown(`the service pack of Windows Server 2003 is not recorded (os.servicePack): Service Pack ${MIN_SERVICE_PACK} or later passes`);
  }
  const servicePack = Number(raw);
  if (!Number.isFinite(servicePack)) {
    return unknown(`os.servicePack ${raw} of Windows Server 2003 is not a number: Service Pack ${MIN_SERVICE_PACK} or later passes`);
  }
  if (servicePack < MIN_SERVICE_PACK) {
    return fail(`Windows Server 2003 service pack ${servicePack} is not supported (supported: Service Pack ${MIN_SERVICE_PACK} or later)`);
  }
  return pass();
}
