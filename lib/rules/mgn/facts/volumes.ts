import { PlacedVolume } from '../../../plan/model/disks';
import { Vm } from '../../../plan/model/plan';
import { RuleResult, unknown } from '../../../assessment/rule';
import { firstVolume, forEachVolume, noDisks, volumeLabel } from '../../sms/facts/boot';

/**
 * The volume lookups of the MGN free-space and boot rules (MGN-RULES.md, "How rules relate",
 * "Volumes"): root is `/`; the Windows system volume is the one marked `system: true`, else the one
 * mounted at `C:`; `/tmp` and `/boot` are the volumes mounted there; each space minimum is judged on
 * the volume holding it. Not part of the public API.
 */

/** 1 MiB in GiB, exact in binary: the MiB minimums of MGN-RULES.md are written as multiples of it. */
export const MIB = 1 / 1024;

/** Free space the agent needs on a Linux root volume, in GiB (MGN-FREE1). */
export const ROOT_MIN_FREE_GIB = 2;

/** Free space the agent needs on the volume holding `/tmp`, in GiB (MGN-FREE2). */
export const TMP_MIN_FREE_GIB = 1;

/** Free space the agent needs on a separate `/boot` volume: 50 MiB, in GiB (MGN-FREE3). */
export const BOOT_MIN_FREE_GIB = 50 * MIB;

/** Free space a Windows system volume needs to launch, and the agent on the Program Files (x86) volume, in GiB (MGN-FREE4). */
export const WINDOWS_MIN_FREE_GIB = 2;

/** A Linux mount point as written, trimmed, without trailing slashes (`/tmp/` is `/tmp`; `/` stays); undefined when empty. */
function linuxMount(mount: unknown): string | undefined {
  const text = mount == null ? '' : String(mount).trim();
  if (text === '') {
    return undefined;
  }
  const bare = text.replace(/\/+$/, '');
  return bare === '' ? '/' : bare;
}

/** A Windows mount as compared: trimmed, lower case, without trailing separators (`C:\` is `c:`); undefined when empty. */
function windowsMount(mount: unknown): string | undefined {
  const text = mount == null ? '' : String(mount).trim().toLowerCase().replace(/[\\/]+$/, '');
  return text === '' ? undefined : text;
}

/** The first volume mounted at the Linux path `mount` (`/`, `/tmp`), across all disks; undefined when none is recorded. */
export function linuxVolumeAt(vm: Vm, mount: string): PlacedVolume | undefined {
  const wanted = linuxMount(mount);
  return firstVolume(vm, (volume) => linuxMount(volume.mount) === wanted);
}

/** Every volume mounted at the Linux path `mount`, across all disks, in disk order (MGN-BOOT4 looks for one mount on two disks). */
export function linuxVolumesAt(vm: Vm, mount: string): PlacedVolume[] {
  const wanted = linuxMount(mount);
  const found: PlacedVolume[] = [];
  forEachVolume(vm, (volume, disk, diskIndex) => {
    if (linuxMount(volume.mount) === wanted) {
      found.push({ volume, disk, diskIndex });
    }
  });
  return found;
}

/** The Linux root volume, mounted at `/`. */
export function rootVolume(vm: Vm): PlacedVolume | undefined {
  return linuxVolumeAt(vm, '/');
}

/** The volume mounted at `/tmp`, when `/tmp` has its own; undefined when it is a directory of `/` (or nothing is recorded). */
export function tmpVolume(vm: Vm): PlacedVolume | undefined {
  return linuxVolumeAt(vm, '/tmp');
}

/** The separate `/boot` volume; undefined when `/boot` is a directory of `/` (or nothing is recorded). */
export function bootVolume(vm: Vm): PlacedVolume | undefined {
  return linuxVolumeAt(vm, '/boot');
}

/** The first volume mounted at the Windows mount `mount` (`D:`, `d:\` alike), across all disks. */
export function windowsVolumeAt(vm: Vm, mount: string): PlacedVolume | undefined {
  const wanted = windowsMount(mount);
  return wanted === undefined ? undefined : firstVolume(vm, (volume) => windowsMount(volume.mount) === wanted);
}

/** The Windows system volume: the one marked `system: true`, else the one mounted at `C:` (any case, with or without `\`). */
export function systemVolume(vm: Vm): PlacedVolume | undefined {
  return firstVolume(vm, (volume) => volume.system === true) ?? windowsVolumeAt(vm, 'C:');
}

/** Where Program Files (x86) lives, and how the plan says so. */
export interface ProgramFilesVolume {
  /** The volume, when recorded. */
  readonly placed?: PlacedVolume;
  /** `guest.programFilesVolume` as written (trimmed), or undefined when the system volume is taken by default. */
  readonly named?: string;
}

/**
 * The volume holding Program Files (x86): the one mounted at `guest.programFilesVolume`, else (the
 * field missing or empty) the system volume. A missing field is not unknown: INVENTORY.md defaults it.
 */
export function programFilesVolume(vm: Vm): ProgramFilesVolume {
  const raw = vm.guest?.programFilesVolume;
  const named = raw == null ? '' : String(raw).trim();
  if (named === '') {
    return { placed: systemVolume(vm) };
  }
  return { placed: windowsVolumeAt(vm, named), named };
}

/** True when the plan records at least one disk's volume list, so a mount not among them is known to be absent. */
export function volumesRecorded(vm: Vm): boolean {
  return (vm.disks ?? []).some((disk) => Array.isArray(disk?.volumes));
}

/**
 * The unknown for a volume the plan does not show: names `disks` when no disk is listed,
 * `disks[].volumes` when no disk lists its volumes, else `disks[].volumes[].mount`, with `missing`
 * saying which volume (`no volume mounted at / is recorded`).
 */
export function missingVolume(vm: Vm, missing: string, requirement: string): RuleResult {
  const none = noDisks(vm, requirement);
  if (none) {
    return none;
  }
  if (!volumesRecorded(vm)) {
    return unknown(`no volumes are recorded (disks[].volumes): ${requirement}`);
  }
  return unknown(`${missing} (disks[].volumes[].mount): ${requirement}`);
}

/** A volume's recorded free space in GiB; undefined when missing or not a number. */
export function freeGiBOf(placed: PlacedVolume): number | undefined {
  const free = placed.volume.freeGiB;
  return typeof free === 'number' && Number.isFinite(free) ? free : undefined;
}

/** The unknown for a volume whose free space is not recorded, naming `disks[].volumes[].freeGiB`. */
export function missingFree(role: string, placed: PlacedVolume, requirement: string): RuleResult {
  return unknown(`the free space of ${role} ${volumeLabel(placed)} is not recorded (disks[].volumes[].freeGiB): ${requirement}`);
}

/** True when two lookups found the same volume of the same disk. */
export function sameVolume(a: PlacedVolume, b: PlacedVolume): boolean {
  return a.volume === b.volume && a.disk === b.disk;
}
