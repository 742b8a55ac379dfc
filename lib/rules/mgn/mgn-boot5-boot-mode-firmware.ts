import { BootMode, Firmware } from '../../plan/model/plan';
import { fail, pass, RuleResult, unknown, VmContext } from '../../assessment/rule';
import type { MgnVmContext } from './context';

/** The firmware each explicit launch boot mode boots. */
const FIRMWARE_OF: Readonly<Record<string, Firmware>> = {
  [BootMode.LEGACY_BIOS]: Firmware.BIOS,
  [BootMode.UEFI]: Firmware.UEFI,
};

/** The boot mode that matches each firmware, for messages. */
const MODE_OF: Readonly<Record<string, BootMode>> = {
  [Firmware.BIOS]: BootMode.LEGACY_BIOS,
  [Firmware.UEFI]: BootMode.UEFI,
};

/**
 * MGN-BOOT5: a launch boot mode of `legacy-bios` or `uefi` matches the VM's firmware (`bios`, `uefi`);
 * `use-source` (the default) always passes, as MGN then boots the copy the way the source boots.
 *
 * Unknown when an explicit mode meets an unrecorded firmware. Applies to every family and method.
 */
export function bootModeFirmware(ctx: VmContext): RuleResult {
  const { mgn, vm } = ctx as MgnVmContext;
  const mode = String(mgn.launch.bootMode).trim().toLowerCase();
  if (mode === BootMode.USE_SOURCE) {
    return pass();
  }
  const field = vm.mgn?.launch?.bootMode !== undefined ? 'mgn.launch.bootMode' : 'defaults.mgn.launch.bootMode';
  const expected = FIRMWARE_OF[mode];
  if (expected === undefined) {
    return unknown(`launch boot mode ${mode} (${field}) is not one of legacy-bios, uefi, use-source: it must match firmware`);
  }
  const firmware = vm.firmware == null ? '' : String(vm.firmware).trim().toLowerCase();
  if (firmware === '') {
    return unknown(`the firmware is not recorded (firmware): launch boot mode ${mode} (${field}) needs firmware ${expected}, `
      + 'or use-source to follow the source');
  }
  if (firmware === expected) {
    return pass();
  }
  const match = MODE_OF[firmware];
  const fix = match !== undefined ? `${match} or use-source` : 'use-source';
  return fail(`launch boot mode ${mode} (${field}) does not match firmware ${firmware} (firmware): set ${field} to ${fix}`);
}
