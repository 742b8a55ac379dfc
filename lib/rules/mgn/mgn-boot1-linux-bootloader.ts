import { describeOs } from '../../plan/model/os';
import { Bootloader, OsFamily } from '../../plan/model/plan';
import { familyGate } from '../../assessment/family-gate';
import { fail, pass, RuleResult, unknown, VmContext } from '../../assessment/rule';

const REQUIREMENT = 'Linux must boot with GRUB legacy or GRUB 2 (os.bootloader grub or grub2)';

/**
 * MGN-BOOT1: a Linux VM boots with GRUB legacy (`grub`) or GRUB 2 (`grub2`), whatever its replication
 * method: the conversion rewrites the GRUB configuration to boot the copy on EC2. n/a for Windows and
 * `other`; unknown when `os.bootloader` is not recorded.
 */
export function linuxBootloader({ vm }: VmContext): RuleResult {
  const gate = familyGate(vm, OsFamily.LINUX, REQUIREMENT);
  if (gate) {
    return gate;
  }
  const raw = vm.os?.bootloader == null ? '' : String(vm.os.bootloader).trim();
  if (raw === '') {
    return unknown(`the boot loader of ${describeOs(vm.os)} is not recorded (os.bootloader): ${REQUIREMENT}`);
  }
  const bootloader = raw.toLowerCase();
  if (bootloader === Bootloader.GRUB || bootloader === Bootloader.GRUB2) {
    return pass();
  }
  return fail(`${describeOs(vm.os)} boots with ${raw} (os.bootloader): ${REQUIREMENT}`);
}
