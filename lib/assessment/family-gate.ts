import { osFamily } from '../plan/model/os';
import { OsFacts, OsFamily, Vm } from '../plan/model/plan';
import { notApplicable, RuleResult, unknown } from './rule';

/**
 * The families a rule that applies to every supported OS gates on.
 *
 * For rules that judge Linux and Windows VMs (each in its own way) but have nothing to say about
 * family `other` (SMS-BOOT4, SMS-OS3, SMS-HV6, SMS-PREP13): pass it to {@link familiesGate}.
 */
export const LINUX_AND_WINDOWS: readonly OsFamily[] = Object.freeze([OsFamily.LINUX, OsFamily.WINDOWS]);

/**
 * The opening check of every rule that applies to one OS family.
 *
 * Returns undefined when the VM is of `family` (the rule goes on), n/a when it is of another family
 * (`other` included), and unknown when neither `os.family` nor a recognised `os.name` tells the family:
 * the message names `os.family`, says what `os.name` holds (or that it is missing too), and ends with
 * `requirement`, so a user fixing the plan sees both facts and what would pass.
 *
 * @param vm the VM judged
 * @param family the family the rule applies to
 * @param requirement what would pass, for the unknown message
 * @example
 * const gate = familyGate(vm, OsFamily.LINUX, 'the Linux bootloader must be GRUB legacy or GRUB 2');
 * if (gate) {
 *   return gate;
 * }
 */
export function familyGate(vm: Vm, family: OsFamily, requirement: string): RuleResult | undefined {
  const actual = osFamily(vm.os);
  if (actual === undefined) {
    return unknownFamily(vm.os, requirement);
  }
  return actual === family ? undefined : notApplicable();
}

/**
 * The opening check of a rule that applies to several OS families, judging each in its own way.
 *
 * Returns undefined when the VM is of one of `families` (the rule goes on, and may read the family with
 * `osFamily()`, which is then defined), n/a when it is of any other family, and the same unknown as
 * {@link familyGate} when the family cannot be told.
 *
 * @param vm the VM judged
 * @param families the families the rule applies to, such as {@link LINUX_AND_WINDOWS}
 * @param requirement what would pass, for the unknown message
 */
export function familiesGate(vm: Vm, families: readonly OsFamily[], requirement: string): RuleResult | undefined {
  const actual = osFamily(vm.os);
  if (actual === undefined) {
    return unknownFamily(vm.os, requirement);
  }
  return families.includes(actual) ? undefined : notApplicable();
}

/**
 * The unknown for a VM whose family cannot be told: `os.family` is absent and `os.name` is missing or not
 * a name that implies a family (`windows`, `linux`, `freebsd`).
 */
function unknownFamily(os: OsFacts | undefined, requirement: string): RuleResult {
  const name = os?.name == null || String(os.name).trim() === '' ? 'is not recorded either' : `${String(os.name).trim()} does not say`;
  return unknown(`the OS family is not recorded (os.family) and os.name ${name}: ${requirement}`);
}
