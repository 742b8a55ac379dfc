import { describeOs } from '../../plan/model/os';
import { Firmware, OsFamily } from '../../plan/model/plan';
import { familyGate } from '../../assessment/family-gate';
import { fail, pass, RuleResult, unknown, VmContext } from '../../assessment/rule';

const REQUIREMENT = 'Linux must boot with Secure Boot off (guest.secureBoot false)';

/**
 * MGN-BOOT2: Secure Boot is off on a Linux VM, whatever its replication method.
 *
 * `guest.secureBoot: true` fails. Secure Boot exists only under UEFI, so BIOS firmware (`firmware:
 * bios`) passes when `guest.secureBoot` is not recorded; otherwise a missing fact is unknown. n/a for
 * Windows and `other`.
 */
export function secureBootOff({ vm }: VmContext): RuleResult {
  const gate = familyGate(vm, OsFamily.LINUX, REQUIREMENT);
  if (gate) {
    return gate;
  }
  const secureBoot = vm.guest?.secureBoot;
  if (secureBoot === true) {
    return fail(`${describeOs(vm.os)} has Secure Boot on (guest.secureBoot true): ${REQUIREMENT}`);
  }
  if (secureBoot === false) {
    return pass();
  }
  const firmware = vm.firmware == null ? '' : String(vm.firmware).trim().toLowerCase();
  if (firmware === Firmware.BIOS) {
    return pass();
  }
  return unknown(`whether ${describeOs(vm.os)} has Secure Boot on is not recorded (guest.secureBoot`
    + `${firmware === '' ? '' : `; firmware ${firmware}`}): ${REQUIREMENT}`);
}
