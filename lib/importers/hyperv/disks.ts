import { Disk, DiskFormat } from '../../plan/model/plan';
import { cell, Table, TableRow } from '../table';
import { ImportWarning } from '../types';
import { HypervExportKind } from './export-kind';
import { bytesToGiB, fileName, formatFromPath, parseControllerType, parseVhdFormat, parseWholeNumber, pathKey } from './values';

/** What a Get-VHD or Get-SCVirtualHardDisk row says about one disk file. */
export interface VhdFacts {
  readonly path?: string;
  readonly name?: string;
  readonly sizeGiB?: number;
  readonly format?: DiskFormat | 'vhdset';
  readonly file: string;
  readonly row: number;
  /** The VM the row names itself (a `VMName` or `VMId` column added by the export script). */
  readonly vmName?: string;
  readonly vmId?: string;
}

/** One Get-VMHardDiskDrive row. */
export interface DriveFacts {
  readonly vmName?: string;
  readonly vmId?: string;
  readonly host?: string;
  readonly name?: string;
  readonly path?: string;
  readonly controllerType?: string;
  readonly controllerNumber?: number;
  readonly controllerLocation?: number;
  readonly diskNumber?: string;
  readonly file: string;
  readonly row: number;
}

/** The facts of a Get-VHD or Get-SCVirtualHardDisk row (sizes are bytes in both: `Size` and `MaximumSize`). */
export function readVhd(kind: HypervExportKind, table: Table, row: TableRow, warnings: ImportWarning[]): VhdFacts {
  const scvmm = kind === HypervExportKind.SCVMM_VHD;
  const filePath = scvmm ? cell(row, 'Location', 'Path') : cell(row, 'Path');
  const sizeHeader = scvmm ? 'MaximumSize' : 'Size';
  const sizeText = cell(row, sizeHeader);
  const bytes = parseWholeNumber(sizeText);
  if (sizeText !== undefined && bytes === undefined) {
    warnings.push({ file: table.file, row: row.row, message: `${sizeHeader} "${sizeText}" is not a number of bytes: the disk size is left unknown` });
  }
  const formatText = cell(row, scvmm ? 'VHDFormatType' : 'VhdFormat');
  const format = parseVhdFormat(formatText) ?? formatFromPath(filePath);
  return {
    path: filePath,
    name: scvmm ? cell(row, 'Name') : undefined,
    sizeGiB: bytes === undefined ? undefined : bytesToGiB(bytes),
    format,
    file: table.file,
    row: row.row,
    vmName: cell(row, 'VMName', 'VirtualMachine'),
    vmId: cell(row, 'VMId'),
  };
}

/** The facts of a Get-VMHardDiskDrive row. */
export function readDrive(table: Table, row: TableRow): DriveFacts {
  const int = (header: string): number | undefined => {
    const text = cell(row, header);
    return text !== undefined && /^\d+$/.test(text) ? Number(text) : undefined;
  };
  return {
    vmName: cell(row, 'VMName'),
    vmId: cell(row, 'VMId'),
    host: cell(row, 'ComputerName'),
    name: cell(row, 'Name'),
    path: cell(row, 'Path'),
    controllerType: parseControllerType(cell(row, 'ControllerType')),
    controllerNumber: int('ControllerNumber'),
    controllerLocation: int('ControllerLocation'),
    diskNumber: cell(row, 'DiskNumber'),
    file: table.file,
    row: row.row,
  };
}

const CONTROLLER_ORDER: Record<string, number> = { IDE: 0, SCSI: 1 };

/**
 * Drives in the order the VM's firmware meets them: IDE before SCSI, then controller number and
 * location. A generation 1 VM boots from IDE 0:0, which so becomes the first disk (the plan's boot
 * disk when none is marked).
 */
export function byController(a: DriveFacts, b: DriveFacts): number {
  const type = (d: DriveFacts): number => CONTROLLER_ORDER[d.controllerType?.toUpperCase() ?? ''] ?? 2;
  return type(a) - type(b)
    || (a.controllerNumber ?? Infinity) - (b.controllerNumber ?? Infinity)
    || (a.controllerLocation ?? Infinity) - (b.controllerLocation ?? Infinity);
}

/** A plan disk from what is known of one drive's file. */
export function toDisk(name: string, facts: { sizeGiB?: number; format?: DiskFormat | 'vhdset' }): Disk {
  const format = facts.format === 'vhdset' ? undefined : facts.format;
  return {
    name,
    ...(facts.sizeGiB !== undefined ? { sizeGiB: facts.sizeGiB } : {}),
    ...(format !== undefined ? { format } : {}),
  };
}

/**
 * The disks of one VM: its drives (in controller order), each joined by path to the Get-VHD or SCVMM
 * row of its file, then the disk rows that name the VM themselves and are no drive's. A disk is named
 * by its file (`web-01.vhdx`), which both Hyper-V and SCVMM exports give; a pass-through disk, which
 * has no file, by its drive.
 */
export function vmDisks(
  drives: readonly DriveFacts[],
  ownVhds: readonly VhdFacts[],
  vhdByPath: ReadonlyMap<string, VhdFacts>,
  used: Set<VhdFacts>,
  warnings: ImportWarning[],
): Disk[] {
  const disks: Disk[] = [];
  const paths = new Set<string>();
  for (const drive of [...drives].sort(byController)) {
    if (drive.path === undefined) {
      const label = drive.diskNumber !== undefined ? `Pass-through disk ${drive.diskNumber}` : drive.name ?? 'Hard drive';
      warnings.push({
        file: drive.file, row: drive.row,
        message: `${drive.vmName ?? drive.vmId}: ${label} has no file (a pass-through disk): its size and format are not in the exports`,
      });
      disks.push({ name: drive.name ?? label });
      continue;
    }
    const key = pathKey(drive.path);
    paths.add(key);
    const vhd = vhdByPath.get(key);
    if (vhd) {
      used.add(vhd);
    }
    const format = vhd?.format ?? formatFromPath(drive.path);
    if (format === 'vhdset') {
      warnings.push({ file: drive.file, row: drive.row, message: `${fileName(drive.path)} is a VHD Set (shared virtual disk): its format is left unknown` });
    }
    disks.push(toDisk(fileName(drive.path), { sizeGiB: vhd?.sizeGiB, format }));
  }
  for (const vhd of ownVhds) {
    if (vhd.path !== undefined && paths.has(pathKey(vhd.path))) {
      continue;
    }
    used.add(vhd);
    disks.push(toDisk(vhd.path !== undefined ? fileName(vhd.path) : vhd.name ?? `disk ${disks.length + 1}`, vhd));
  }
  return disks;
}
