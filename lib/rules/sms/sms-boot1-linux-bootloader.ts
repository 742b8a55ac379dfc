import { Bootloader, OsFamily } from '../../plan/model/plan';
import { fail, pass, RuleResult, unknown, VmContext } from '../../assessment/rule';
import { familyGate } from '../../assessment/family-gate';

const REQUIREMENT = 'a Linux VM must boot with GRUB (legacy) or GRUB 2';

/**
 * A Linux VM boots with GRUB legacy (`grub`) or GRUB 2 (`grub2`).
 *
 * SMS rewrites the GRUB configuration (default entry, timeout) during import, so any other boot loader
 * (LILO, syslinux, systemd-boot) leaves it unable to make the instance bootable. n/a for Windows and
 * `other`.
 */
export function linuxBootloader({ vm }: VmContext): RuleResult {
  const gate = familyGate(vm, OsFamily.LINUX, REQUIREMENT);
  if (gate) {
    return gate;
  }
  const raw = vm.os?.bootloader == null ? '' : String(vm.os.bootloader).trim();
  if (raw === '') {
    return unknown(`the boot loader is not recorded (os.bootloader): ${REQUIREMENT}`);
  }
  const bootloader = raw.toLowerCase();
  if (bootloader === Bootloader.GRUB || bootloader === Bootloader.GRUB2) {
    return pass();
  }
  return fail(`boot loader ${raw} is not supported (supported: grub, grub2)`);
}
