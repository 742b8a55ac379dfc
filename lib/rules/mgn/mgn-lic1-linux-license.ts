import { describeOs } from '../../plan/model/os';
import { LicenseChoice, OsFamily } from '../../plan/model/plan';
import { familyGate } from '../../assessment/family-gate';
import { fail, pass, RuleResult, VmContext } from '../../assessment/rule';

/**
 * A Linux VM does not ask for a license from AWS (`replication.licenseType aws`): MGN carries Linux
 * licenses as they are (BYOL), so the copy would still be BYOL. An error that can be acknowledged, for a
 * plan that keeps `aws` knowingly.
 *
 * `auto` and `byol` pass. n/a for Windows and family `other`; unknown when the family cannot be told.
 */
export function linuxLicense({ vm, replication }: VmContext): RuleResult {
  const gate = familyGate(vm, OsFamily.LINUX, 'a Linux VM needs replication.licenseType byol or auto');
  if (gate) {
    return gate;
  }
  if (replication.licenseType === LicenseChoice.AWS) {
    return fail(`replication.licenseType aws for ${describeOs(vm.os)}: MGN carries Linux licenses as they are (BYOL), `
      + 'use byol or auto, or acknowledge');
  }
  return pass();
}
