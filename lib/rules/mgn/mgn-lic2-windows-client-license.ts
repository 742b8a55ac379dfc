import { describeOs } from '../../plan/model/os';
import { LicenseChoice, OsFamily } from '../../plan/model/plan';
import { familyGate } from '../../assessment/family-gate';
import { fail, notApplicable, pass, RuleResult, VmContext } from '../../assessment/rule';
import type { MgnVmContext } from './context';
import { LicenseClass } from './facts/licensing';

/**
 * A Windows client OS (`windows-client`) does not ask for a license from AWS: desktop editions are BYOL
 * only, and MGN has no license-included launch for them.
 *
 * Windows not named `windows-client` licenses as a server (MGN-RULES.md), so a Windows VM without
 * `os.name` is n/a rather than unknown. n/a for Linux and family `other`; unknown when the family
 * cannot be told.
 */
export function windowsClientLicense(ctx: VmContext): RuleResult {
  const { mgn, vm, replication } = ctx as MgnVmContext;
  const gate = familyGate(vm, OsFamily.WINDOWS, 'a Windows client VM needs replication.licenseType byol or auto');
  if (gate) {
    return gate;
  }
  if (mgn.licensing?.licenseClass !== LicenseClass.WINDOWS_CLIENT) {
    return notApplicable();
  }
  if (replication.licenseType === LicenseChoice.AWS) {
    return fail(`replication.licenseType aws is not available for ${describeOs(vm.os)}: Windows client editions are BYOL only `
      + '(use byol or auto)');
  }
  return pass();
}
