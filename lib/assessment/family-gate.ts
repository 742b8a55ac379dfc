import { osFamily } from '../plan/model/os';
import { OsFamily, Vm } from '../plan/model/plan';
import { notApplicable, RuleResult, unknown } from './rule';

/**
 * The opening check of every family-specific rule: undefined when the VM is of `family` (the rule
 * goes on), n/a when it is of another family (`other` included), and unknown naming `os.family` when
 * neither the family nor a recognised OS name tells it.
 */
export function familyGate(vm: Vm, family: OsFamily, requirement: string): RuleResult | undefined {
  const actual = osFamily(vm.os);
  if (actual === undefined) {
    return unknown(`the OS family is not recorded (os.family): ${requirement}`);
  }
  return actual === family ? undefined : notApplicable();
}
