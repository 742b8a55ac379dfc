import { DiskFormat } from '../../plan/model/plan';

const BYTES_PER_MIB = 1024 * 1024;

/**
 * A whole number written by an export: plain digits, possibly with group separators (`136,365,211,648`,
 * `136.365.211.648`, spaces) when it went through a spreadsheet. Undefined when it is not one.
 */
export function parseWholeNumber(value: string | undefined): number | undefined {
  if (value === undefined || !/^\d{1,3}([,.\s\u00a0']?\d{3})*$|^\d+$/.test(value.trim())) {
    return undefined;
  }
  const n = Number(value.replace(/\D/g, ''));
  return Number.isSafeInteger(n) ? n : undefined;
}

/**
 * A size in bytes as GiB, rounded up to whole MiB: exact for the usual sizes (60 GiB is 60), and never
 * smaller than the disk, so that a size limit is not passed by rounding.
 */
export function bytesToGiB(bytes: number): number {
  return Math.ceil(bytes / BYTES_PER_MIB) / 1024;
}

/**
 * A disk format from `VhdFormat` / `VHDFormatType`: the names `VHD` and `VHDX`, or the numbers
 * `ConvertTo-Json` writes (2 VHD, 3 VHDX). `VHDSet` (4) has no plan format: undefined.
 */
export function parseVhdFormat(value: string | undefined): DiskFormat | 'vhdset' | undefined {
  switch (value?.trim().toLowerCase()) {
    case 'vhd':
    case '2':
      return DiskFormat.VHD;
    case 'vhdx':
    case '3':
      return DiskFormat.VHDX;
    case 'vhdset':
    case '4':
      return 'vhdset';
    default:
      return undefined;
  }
}

/** The disk format a file's extension says: `.vhd` and checkpoint `.avhd` are VHD, `.vhdx` and `.avhdx` VHDX. */
export function formatFromPath(filePath: string | undefined): DiskFormat | 'vhdset' | undefined {
  const extension = /\.([a-z]+)$/i.exec(filePath?.trim() ?? '')?.[1]?.toLowerCase();
  switch (extension) {
    case 'vhd':
    case 'avhd':
      return DiskFormat.VHD;
    case 'vhdx':
    case 'avhdx':
      return DiskFormat.VHDX;
    case 'vhds':
      return 'vhdset';
    default:
      return undefined;
  }
}

/** A Windows path as a join key: trimmed, `/` as `\`, case-folded (NTFS paths ignore case). */
export function pathKey(filePath: string): string {
  return filePath.trim().replace(/\//g, '\\').toLowerCase();
}

/** The file name of a Windows (or POSIX) path. */
export function fileName(filePath: string): string {
  const parts = filePath.trim().split(/[\\/]/);
  return parts[parts.length - 1] || filePath.trim();
}

/** The controller type of a drive: `IDE` or `SCSI`, or the numbers `ConvertTo-Json` writes (0 IDE, 1 SCSI). */
export function parseControllerType(value: string | undefined): string | undefined {
  switch (value?.trim().toLowerCase()) {
    case 'ide':
    case '0':
      return 'IDE';
    case 'scsi':
    case '1':
      return 'SCSI';
    case 'pmem':
    case '2':
      return 'PMEM';
    default:
      return value?.trim();
  }
}
