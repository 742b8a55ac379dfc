import { familyGate } from '../../assessment/family-gate';
import { describeOs } from '../../plan/model/os';
import { OsFamily, Pagefile } from '../../plan/model/plan';
import { fail, pass, RuleResult, unknown, VmContext } from '../../assessment/rule';

const REQUIREMENT = 'Windows VMs need a fixed-size page file for SMS to install its drivers';

const MUST = 'it must be fixed (a custom initial and maximum size) for SMS to install its drivers';

/**
 * A Windows VM's page file has a fixed size (`guest.pagefile: fixed`).
 *
 * Any other value (`system-managed`) fails; a missing one is unknown. n/a on Linux and on family `other`.
 */
export function windowsPagefileFixed({ vm }: VmContext): RuleResult {
  const gate = familyGate(vm, OsFamily.WINDOWS, REQUIREMENT);
  if (gate) {
    return gate;
  }
  const pagefile = vm.guest?.pagefile;
  if (pagefile == null) {
    return unknown(`the page file sizing of ${describeOs(vm.os)} is not recorded (guest.pagefile): ${MUST}`);
  }
  if (pagefile === Pagefile.FIXED) {
    return pass();
  }
  return fail(`the page file of ${describeOs(vm.os)} is ${pagefile} (guest.pagefile): ${MUST}`);
}
