import { Disk, OsFamily, Vm, Volume } from './plan';

/**
 * The boot disk: the one marked `boot: true`, else the first disk. Undefined when the plan lists no disks.
 */
export function bootDisk(vm: Vm): Disk | undefined {
  const disks = vm.disks ?? [];
  return disks.find((d) => d.boot === true) ?? disks[0];
}

/** A volume together with the disk that holds it. */
export interface PlacedVolume {
  readonly volume: Volume;
  readonly disk: Disk;
  /** 0-based index of the disk in `disks`. */
  readonly diskIndex: number;
}

/** Every volume of every disk, with the disk it sits on. */
export function allVolumes(vm: Vm): PlacedVolume[] {
  const placed: PlacedVolume[] = [];
  (vm.disks ?? []).forEach((disk, diskIndex) => {
    for (const volume of disk.volumes ?? []) {
      placed.push({ volume, disk, diskIndex });
    }
  });
  return placed;
}

/** True when a volume is the Windows system volume: marked `system: true`, or mounted at `C:`. */
function isWindowsSystem(volume: Volume): boolean {
  return volume.system === true || /^c:\\?$/i.test(String(volume.mount ?? '').trim());
}

/**
 * The root volume: on Linux the volume mounted at `/`; on Windows the one marked `system: true`,
 * else the one mounted at `C:`. Undefined when no volume qualifies or the family is not Linux or
 * Windows.
 */
export function rootVolume(vm: Vm, family: OsFamily | undefined): PlacedVolume | undefined {
  const volumes = allVolumes(vm);
  if (family === OsFamily.LINUX) {
    return volumes.find((p) => String(p.volume.mount ?? '').trim() === '/');
  }
  if (family === OsFamily.WINDOWS) {
    return volumes.find((p) => p.volume.system === true) ?? volumes.find((p) => isWindowsSystem(p.volume));
  }
  return undefined;
}

/** How a message names a disk: its name, else `disk N` (1-based). */
export function diskLabel(disk: Disk, index: number): string {
  return disk.name ? `"${disk.name}"` : `disk ${index + 1}`;
}

/** Formats GiB for a message: whole numbers as is, fractions to at most 3 decimals. */
export function formatGiB(value: number): string {
  return `${Number.isInteger(value) ? value : Number(value.toFixed(3))} GiB`;
}
