import { describeOs, osName, OsName } from '../../plan/model/os';
import { LicenseChoice, OsFamily } from '../../plan/model/plan';
import { familyGate } from '../../assessment/family-gate';
import { fail, notApplicable, pass, RuleResult, unknown, VmContext } from '../../assessment/rule';

/**
 * A Windows client OS's job does not ask for an AWS license: client OSes migrate with BYOL only.
 *
 * Applies to every `windows-client`, supported release or not (Windows XP with `aws` fails here as
 * well as in SMS-OS1). `auto` passes because SMS resolves it to BYOL for a client OS.
 */
export function windowsClientLicense({ vm, replication }: VmContext): RuleResult {
  const gate = familyGate(vm, OsFamily.WINDOWS, 'a Windows client VM needs replication.licenseType byol or auto');
  if (gate) {
    return gate;
  }
  const name = osName(vm.os);
  if (name === undefined) {
    return unknown('the Windows OS name is not recorded (os.name): a windows-client VM needs replication.licenseType byol or auto, '
      + 'a windows-server VM may also use aws');
  }
  if (name !== OsName.WINDOWS_CLIENT) {
    return notApplicable();
  }
  if (replication.licenseType === LicenseChoice.AWS) {
    return fail(`replication.licenseType aws is not available for ${describeOs(vm.os)}: Windows client OSes support BYOL only `
      + '(use byol or auto)');
  }
  return pass();
}
