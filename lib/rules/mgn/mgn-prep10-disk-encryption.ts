import { fail, pass, RuleResult, unknown, VmContext } from '../../assessment/rule';
import { describeOs } from '../../plan/model/os';
import { DiskEncryption } from '../../plan/model/plan';

const REQUIREMENT = 'the OS disk must not be encrypted in the guest (guest.diskEncryption: none): MGN copies blocks, '
  + 'and the copy cannot be unlocked on EC2';

const NAMES: Readonly<Record<string, string>> = {
  [DiskEncryption.BITLOCKER]: 'BitLocker',
  [DiskEncryption.LUKS]: 'LUKS',
  [DiskEncryption.OTHER]: 'guest',
};

/**
 * The OS disk is not encrypted in the guest (an error rule, any family, any method; decided: block copies
 * of BitLocker or LUKS volumes cannot be unlocked on EC2).
 *
 * Passes on `guest.diskEncryption: none`; fails on `bitlocker`, `luks` and `other`; unknown when the
 * fact is missing or another value.
 */
export function diskEncryption({ vm }: VmContext): RuleResult {
  const raw = vm.guest?.diskEncryption;
  const value = raw == null ? '' : String(raw).trim().toLowerCase();
  if (value === DiskEncryption.NONE) {
    return pass();
  }
  if (value === '') {
    return unknown(`the OS disk encryption of ${describeOs(vm.os)} is not recorded (guest.diskEncryption): ${REQUIREMENT}`);
  }
  const name = NAMES[value];
  if (name === undefined) {
    return unknown(`guest.diskEncryption is ${String(raw)}, not none, bitlocker, luks or other: ${REQUIREMENT}`);
  }
  return fail(`the OS disk of ${describeOs(vm.os)} is ${name}-encrypted (guest.diskEncryption: ${value}): `
    + 'decrypt it before replication (guest.diskEncryption: none); the block copy cannot be unlocked on EC2');
}
