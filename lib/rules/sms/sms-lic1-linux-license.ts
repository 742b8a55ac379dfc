import { describeOs } from '../../plan/model/os';
import { LicenseChoice, OsFamily } from '../../plan/model/plan';
import { familyGate } from '../../assessment/family-gate';
import { fail, pass, RuleResult, VmContext } from '../../assessment/rule';

/**
 * A Linux VM's job does not ask for an AWS license: Linux migrates with BYOL only.
 *
 * `auto` passes because SMS resolves it to BYOL for Linux. Every Linux VM is judged, whatever its
 * distribution or version (an unsupported OS is still licensed by its family).
 */
export function linuxLicense({ vm, replication }: VmContext): RuleResult {
  const gate = familyGate(vm, OsFamily.LINUX, 'a Linux VM needs replication.licenseType byol or auto');
  if (gate) {
    return gate;
  }
  if (replication.licenseType === LicenseChoice.AWS) {
    return fail(`replication.licenseType aws is not available for ${describeOs(vm.os)}: Linux supports BYOL only (use byol or auto)`);
  }
  return pass();
}
