import { hasHeader, Table } from '../table';
import { ImportIssue } from '../types';

/** The PowerShell exports the Hyper-V importer reads, named by the cmdlet that produced each. */
export enum HypervExportKind {
  /** `Get-VM`: one row per VM (name, generation, VM id). */
  VM = 'Get-VM',
  /** `Get-VMHardDiskDrive`: one row per drive (VM name, controller, file path). */
  HARD_DISK_DRIVE = 'Get-VMHardDiskDrive',
  /** `Get-VHD`: one row per virtual disk file (path, format, size). */
  VHD = 'Get-VHD',
  /** `Get-SCVirtualMachine`: one row per VM, with the OS SCVMM knows. */
  SCVMM_VM = 'Get-SCVirtualMachine',
  /** `Get-SCVirtualHardDisk`: one row per virtual disk file (location, format, size). */
  SCVMM_VHD = 'Get-SCVirtualHardDisk',
}

/**
 * The kind of a Hyper-V or SCVMM export, from its headers (inventory-formats.md §2), or undefined when
 * it is none of them. SCVMM exports are tested first: their VM export shares Get-VM's name and id
 * columns, and `VHDType` is `VhdType` once case is folded.
 */
export function detectHypervExport(table: Table): HypervExportKind | undefined {
  const has = (...names: string[]): boolean => hasHeader(table, ...names);
  if (has('VHDFormatType') && has('VHDType')) {
    return HypervExportKind.SCVMM_VHD;
  }
  if (has('VhdFormat') && has('VhdType')) {
    return HypervExportKind.VHD;
  }
  if (has('ControllerType') && has('ControllerLocation') && has('Path')) {
    return HypervExportKind.HARD_DISK_DRIVE;
  }
  if (has('Name') && has('VMId', 'ID') && has('OperatingSystem', 'VirtualMachineState', 'BiosGuid', 'CPUCount', 'HostName')) {
    return HypervExportKind.SCVMM_VM;
  }
  if (has('Name', 'VMName') && has('Generation') && has('VMId', 'Id')) {
    return HypervExportKind.VM;
  }
  return undefined;
}

/** The columns a kind cannot do without, beyond those that detected it: each missing one is an issue. */
export function missingColumns(kind: HypervExportKind, table: Table): ImportIssue[] {
  const issues: ImportIssue[] = [];
  const need = (header: string, alternatives: string[], why: string): void => {
    if (!hasHeader(table, header, ...alternatives)) {
      const or = alternatives.length > 0 ? ` (or ${alternatives.join(', ')})` : '';
      issues.push({ file: table.file, row: 1, header, message: `missing column${or}: ${why}` });
    }
  };
  switch (kind) {
    case HypervExportKind.HARD_DISK_DRIVE:
      need('VMName', ['VMId'], `a ${kind} export needs it to tell which VM each drive belongs to`);
      break;
    case HypervExportKind.VHD:
      need('Path', [], `a ${kind} export needs it to join each disk to its drive`);
      break;
    case HypervExportKind.SCVMM_VHD:
      need('Location', ['VMName', 'VMId'], `a ${kind} export needs it to join each disk to its drive`);
      break;
    case HypervExportKind.VM:
    case HypervExportKind.SCVMM_VM:
      break;
  }
  return issues;
}

/** What a file that is no Hyper-V export looks like, when it is another known export. */
function otherExport(table: Table): string | undefined {
  const has = (...names: string[]): boolean => hasHeader(table, ...names);
  if ((has('VM') && has('Powerstate')) || (has('VM') && has('Disk')) || has('VI SDK Server', 'VI SDK UUID') || /rvtools_tab/i.test(table.file)) {
    return 'it looks like an RVTools export: use `cdk-sms import rvtools`';
  }
  if (has('NumCpu') && has('MemoryMB', 'MemoryGB')) {
    return 'it looks like a PowerCLI (VMware) Get-VM export, which this importer does not read';
  }
  if (has('serverList', 'serverId', 'vmServer')) {
    return 'it looks like an SMS server catalog: use `cdk-sms import sms-catalog`';
  }
  return undefined;
}

/** The issue for a file that is none of the Hyper-V exports: the headers found, and what was expected. */
export function unknownExport(table: Table): ImportIssue {
  const shown = table.headers.slice(0, 12).map((h) => `"${h}"`).join(', ');
  const found = table.headers.length === 0 ? 'no headers'
    : `headers ${shown}${table.headers.length > 12 ? ` and ${table.headers.length - 12} more` : ''}`;
  const hint = otherExport(table);
  return {
    file: table.file,
    row: table.json ? undefined : 1,
    message: `not a Hyper-V or SCVMM export (found ${found}): expected Get-VM (Name, Generation, VMId), `
      + 'Get-VMHardDiskDrive (VMName, ControllerType, ControllerLocation, Path), Get-VHD (Path, VhdFormat, VhdType), '
      + `Get-SCVirtualMachine (Name, VMId, OperatingSystem) or Get-SCVirtualHardDisk (Location, VHDType, VHDFormatType)${hint ? `; ${hint}` : ''}`,
  };
}
