import { diskLabel, PlacedVolume } from '../../../plan/model/disks';
import { Disk, OsFamily, Vm, Volume } from '../../../plan/model/plan';
import { RuleResult, unknown } from '../../../assessment/rule';

/**
 * Facts shared by the boot, file-system and free-space rules. Not a rule and not exported from the
 * section's barrel: the rules import it directly.
 */

/** 250 MiB in GiB: the free space a Linux root volume needs (SMS-FREE1). Exact in binary. */
export const LINUX_MIN_FREE_GIB = 250 / 1024;

/** The free space a Windows system volume needs, in GiB (SMS-FREE2). */
export const WINDOWS_MIN_FREE_GIB = 6;

/** The largest boot disk MBR can address, in GiB (2 TiB, SMS-BOOT3). */
export const MAX_BOOT_DISK_GIB = 2048;

/** The Linux file systems SMS can import, lower case, in the order messages list them. */
export const LINUX_FILE_SYSTEMS: readonly string[] = ['ext2', 'ext3', 'ext4', 'btrfs', 'jfs', 'xfs'];

/** The unknown result for a VM whose plan lists no disks, naming `disks`. */
export function disksUnknown(requirement: string): RuleResult {
  return unknown(`no disks are recorded (disks): ${requirement}`);
}

/** An unknown result naming `disks` when the plan lists no disks for the VM; undefined when it lists some. */
export function noDisks(vm: Vm, requirement: string): RuleResult | undefined {
  return (vm.disks ?? []).length === 0 ? disksUnknown(requirement) : undefined;
}

/**
 * How a message names the boot disk: `boot disk "Hard disk 1"`. When several disks are listed and none
 * is marked `boot: true`, says that the first was taken, so a wrong guess is easy to spot and fix.
 */
export function bootDiskLabel(vm: Vm, disk: Disk): string {
  const disks = vm.disks ?? [];
  const index = disks.indexOf(disk);
  const label = `boot disk ${diskLabel(disk, index)}`;
  if (disks.length > 1 && !disks.some((d) => d.boot === true)) {
    return `${label} (the first disk: none is marked boot)`;
  }
  return label;
}

/**
 * The root volume, as `rootVolume()` finds it (on Linux the volume mounted at `/`; on Windows the one
 * marked `system: true`, else the one mounted at `C:`), without listing every volume first: four rules
 * look for it on every VM.
 */
export function rootOf(vm: Vm, family: OsFamily | undefined): PlacedVolume | undefined {
  if (family === OsFamily.LINUX) {
    return firstVolume(vm, isLinuxRoot);
  }
  if (family === OsFamily.WINDOWS) {
    return firstVolume(vm, isMarkedSystem) ?? firstVolume(vm, isWindowsSystem);
  }
  return undefined;
}

/** The first volume, in disk order, that passes `test`, with the disk that holds it. */
export function firstVolume(vm: Vm, test: (volume: Volume) => boolean): PlacedVolume | undefined {
  const disks = vm.disks ?? [];
  for (let diskIndex = 0; diskIndex < disks.length; diskIndex++) {
    // As allVolumes() (forEach) does, a hole in the list is no disk.
    if (!(diskIndex in disks)) {
      continue;
    }
    const disk = disks[diskIndex];
    for (const volume of disk.volumes ?? []) {
      if (test(volume)) {
        return { volume, disk, diskIndex };
      }
    }
  }
  return undefined;
}

function isLinuxRoot(volume: Volume): boolean {
  return String(volume.mount ?? '').trim() === '/';
}

function isMarkedSystem(volume: Volume): boolean {
  return volume.system === true;
}

function isWindowsSystem(volume: Volume): boolean {
  return volume.system === true || /^c:\\?$/i.test(String(volume.mount ?? '').trim());
}

/** A volume's mount point, trimmed; undefined when not recorded. */
export function mountOf(volume: Volume): string | undefined {
  const mount = volume.mount == null ? '' : String(volume.mount).trim();
  return mount === '' ? undefined : mount;
}

/** A volume's file system, trimmed and lower case; undefined when not recorded. */
export function fileSystemOf(volume: Volume): string | undefined {
  const fs = volume.fileSystem == null ? '' : String(volume.fileSystem).trim().toLowerCase();
  return fs === '' ? undefined : fs;
}

/** How a message names a volume: `/data on "Hard disk 2"`, or `volume 2 on disk 1` without a mount. */
export function volumeLabel(placed: PlacedVolume): string {
  const disk = diskLabel(placed.disk, placed.diskIndex);
  const mount = mountOf(placed.volume);
  if (mount !== undefined) {
    return `${mount} on ${disk}`;
  }
  const index = (placed.disk.volumes ?? []).indexOf(placed.volume);
  return `volume ${index + 1} on ${disk}`;
}

/** True for a Linux swap area: file system `swap` (or parted's `linux-swap`), or mounted as `swap`. */
export function isSwap(volume: Volume): boolean {
  const fs = fileSystemOf(volume);
  const mount = mountOf(volume)?.toLowerCase();
  return (fs !== undefined && /^(linux-)?swap/.test(fs)) || mount === 'swap' || mount === '[swap]';
}

/**
 * Calls `visit` on every volume of every disk, in order, with the disk that holds it, as allVolumes()
 * lists them but without making the list: the file-system rules walk every volume of every VM.
 */
export function forEachVolume(vm: Vm, visit: (volume: Volume, disk: Disk, diskIndex: number) => void): void {
  const disks = vm.disks ?? [];
  for (let diskIndex = 0; diskIndex < disks.length; diskIndex++) {
    if (diskIndex in disks) {
      for (const volume of disks[diskIndex].volumes ?? []) {
        visit(volume, disks[diskIndex], diskIndex);
      }
    }
  }
}

/**
 * `volumes of <label>` for each disk whose `volumes` list is absent (see disksWithoutVolumes), in a new
 * list; undefined when every disk has one, as most do.
 */
export function unrecordedVolumeLists(vm: Vm): string[] | undefined {
  const disks = vm.disks ?? [];
  let labels: string[] | undefined;
  for (let index = 0; index < disks.length; index++) {
    if (index in disks && disks[index].volumes == null) {
      (labels ??= []).push(`volumes of ${diskLabel(disks[index], index)}`);
    }
  }
  return labels;
}

/** Labels of the disks whose `volumes` list is absent: what is on them is not known. */
export function disksWithoutVolumes(vm: Vm): string[] {
  return (vm.disks ?? []).flatMap((disk, index) => (disk.volumes == null ? [diskLabel(disk, index)] : []));
}

/**
 * The unknown result when no root volume can be found: says whether the disks, their volume lists
 * or the mount points are what is missing.
 */
export function missingRoot(vm: Vm, family: OsFamily, requirement: string): RuleResult {
  const none = noDisks(vm, requirement);
  if (none) {
    return none;
  }
  const withoutVolumes = disksWithoutVolumes(vm);
  if (withoutVolumes.length === (vm.disks ?? []).length) {
    return unknown(`no volumes are recorded (disks[].volumes): ${requirement}`);
  }
  const which = family === OsFamily.LINUX ? 'no volume mounted at / is recorded'
    : 'no system volume (mounted at C: or marked system: true) is recorded';
  return unknown(`${which} (disks[].volumes[].mount): ${requirement}`);
}

/**
 * Writes an amount judged against a limit for a message, to at most 3 decimals, unless rounding would
 * carry it onto the limit or past it (5.9999 GiB is not written `6 GiB` next to "at least 6 GiB",
 * nor 2048.0001 GiB as `2048 GiB` next to "at most 2048 GiB").
 */
export function formatAgainst(value: number, limit: number, unit: string): string {
  const rounded = Number(value.toFixed(3));
  return `${Math.sign(rounded - limit) === Math.sign(value - limit) ? rounded : value} ${unit}`;
}
