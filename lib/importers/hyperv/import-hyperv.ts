import { Firmware, Hypervisor, OsFacts, Vm } from '../../plan/model/plan';
import { readImportText } from '../import-file';
import { cell, looksLikeJson, parseCsvTable, parseJsonTable, Table, TableRow } from '../table';
import { ImportError, ImportIssue, ImportResult, ImportWarning } from '../types';
import { DriveFacts, readDrive, readVhd, vmDisks, VhdFacts } from './disks';
import { detectHypervExport, HypervExportKind, missingColumns, unknownExport } from './export-kind';
import { parseScvmmOs } from './scvmm-os';
import { pathKey } from './values';
import { appendAll } from '../../private/arrays';

/** One VM as the VM exports (Get-VM, Get-SCVirtualMachine) describe it, before its disks are joined. */
interface VmEntry {
  name: string;
  vmId?: string;
  host?: string;
  generation?: number;
  os?: OsFacts;
  readonly drives: DriveFacts[];
  readonly vhds: VhdFacts[];
}

/** An export read and recognised. */
interface Export {
  readonly kind: HypervExportKind;
  readonly table: Table;
}

/** Reads one file as a table and tells its kind, adding to `issues` when it cannot. */
function readExport(file: string, issues: ImportIssue[], warnings: ImportWarning[]): Export | undefined {
  try {
    const read = readImportText(file);
    appendAll(warnings, read.warnings);
    if (read.text.replace(/^\uFEFF/, '').trim() === '') {
      issues.push({ file, message: 'file is blank: expected a CSV export with a header row' });
      return undefined;
    }
    const table = looksLikeJson(read.text) ? parseJsonTable(file, read.text) : parseCsvTable(file, read.text);
    const kind = detectHypervExport(table);
    if (kind === undefined) {
      issues.push(unknownExport(table));
      return undefined;
    }
    const missing = missingColumns(kind, table);
    appendAll(issues, missing);
    return missing.length > 0 ? undefined : { kind, table };
  } catch (e) {
    if (e instanceof ImportError) {
      appendAll(issues, e.issues);
      return undefined;
    }
    throw e;
  }
}

/** A host name as a join key: its first label, case-folded (SCVMM writes FQDNs, Get-VM the computer name). */
function hostKey(host: string): string {
  return host.trim().split('.')[0].toLowerCase();
}

/** The VMs of the exports, found by id (case-insensitive GUID) or by name and host. */
class VmIndex {
  public readonly entries: VmEntry[] = [];
  private readonly byId = new Map<string, VmEntry>();
  private readonly byName = new Map<string, VmEntry[]>();

  /** The VM a row refers to; `ambiguous` when a name fits several VMs on different (or unknown) hosts. */
  public find(vmId: string | undefined, name: string | undefined, host: string | undefined): VmEntry | 'ambiguous' | undefined {
    if (vmId !== undefined) {
      const found = this.byId.get(vmId.toLowerCase());
      if (found) {
        return found;
      }
    }
    if (name === undefined) {
      return undefined;
    }
    const named = (this.byName.get(name.toLowerCase()) ?? [])
      .filter((e) => vmId === undefined || e.vmId === undefined || e.vmId.toLowerCase() === vmId.toLowerCase());
    const onHost = host === undefined ? named : named.filter((e) => e.host === undefined || hostKey(e.host) === hostKey(host));
    if (onHost.length > 1) {
      return 'ambiguous';
    }
    return onHost[0];
  }

  public add(entry: VmEntry): void {
    this.entries.push(entry);
    if (entry.vmId !== undefined) {
      this.byId.set(entry.vmId.toLowerCase(), entry);
    }
    const key = entry.name.toLowerCase();
    const named = this.byName.get(key);
    if (named) {
      named.push(entry);
    } else {
      this.byName.set(key, [entry]);
    }
  }

  public setId(entry: VmEntry, vmId: string): void {
    entry.vmId = vmId;
    this.byId.set(vmId.toLowerCase(), entry);
  }
}

/** Adds a Get-VM or Get-SCVirtualMachine row, or fills the gaps of the VM it repeats (the same VM in both exports). */
function addVmRow(kind: HypervExportKind, table: Table, row: TableRow, index: VmIndex, warnings: ImportWarning[]): void {
  const scvmm = kind === HypervExportKind.SCVMM_VM;
  const name = scvmm ? cell(row, 'Name') : cell(row, 'Name', 'VMName');
  if (name === undefined) {
    warnings.push({ file: table.file, row: row.row, message: 'the row has no VM name: skipped' });
    return;
  }
  // SCVMM's own `ID` is its object id, not the Hyper-V VM id: only `VMId` is the same VM in both exports.
  const vmId = scvmm ? cell(row, 'VMId') : cell(row, 'VMId', 'Id');
  const host = scvmm ? cell(row, 'HostName', 'VMHost', 'ComputerName') : cell(row, 'ComputerName');
  const generationText = cell(row, 'Generation');
  let generation: number | undefined;
  if (generationText !== undefined) {
    if (/^[12]$/.test(generationText)) {
      generation = Number(generationText);
    } else {
      warnings.push({ file: table.file, row: row.row, message: `${name}: Generation "${generationText}" is not 1 or 2: left unknown` });
    }
  }
  const os = scvmm ? parseScvmmOs(cell(row, 'OperatingSystem')) : undefined;
  const found = index.find(vmId, name, host);
  if (found !== undefined && found !== 'ambiguous') {
    if (found.name !== name) {
      warnings.push({ file: table.file, row: row.row, message: `VM id ${vmId} is named "${found.name}" in another export and "${name}" here: "${found.name}" is kept` });
    }
    if (found.vmId === undefined && vmId !== undefined) {
      index.setId(found, vmId);
    }
    found.host ??= host;
    found.generation ??= generation;
    found.os ??= os;
    return;
  }
  index.add({ name, vmId, host, generation, os, drives: [], vhds: [] });
}

/** The plan VM of an entry, with its facts in the plan's field order. */
function toVm(entry: VmEntry, disks: ReturnType<typeof vmDisks> | undefined): Vm {
  const firmware = entry.generation === 1 ? Firmware.BIOS : entry.generation === 2 ? Firmware.UEFI : undefined;
  return {
    name: entry.name,
    hypervisor: Hypervisor.HYPERV,
    ...(entry.vmId !== undefined ? { source: { vmId: entry.vmId } } : {}),
    ...(entry.os !== undefined ? { os: entry.os } : {}),
    ...(firmware !== undefined ? { firmware } : {}),
    ...(entry.generation !== undefined ? { generation: entry.generation } : {}),
    ...(disks !== undefined ? { disks } : {}),
  };
}

/**
 * Reads Hyper-V and SCVMM PowerShell exports (inventory-formats.md §9), each a CSV as `Export-Csv`
 * writes it (a `#TYPE` first line is skipped; any of `,` `;` tab; columns by header name) or a JSON
 * array as `ConvertTo-Json` writes it. The kind of each file comes from its headers: `Get-VM`,
 * `Get-VMHardDiskDrive`, `Get-VHD`, `Get-SCVirtualMachine`, `Get-SCVirtualHardDisk`.
 *
 * The VMs come from the VM exports: name, hypervisor `hyperv`, `source.vmId` (the Hyper-V VM id,
 * which SCVMM's `VMId` repeats), `generation` and the firmware it implies (1 BIOS, 2 UEFI), and from
 * SCVMM the OS it names. Drives join their VM by `VMId`, else by `VMName` (and host); disk files join
 * their drive by path; each disk gets its file's name, its size (`Size` or `MaximumSize`, bytes, as
 * GiB) and format (`VhdFormat`/`VHDFormatType`, else the file's extension).
 *
 * @throws ImportError listing every file that cannot be read or recognised, every required column
 * missing, or that no file is a VM export
 */
export function importHyperv(files: string[]): ImportResult {
  const issues: ImportIssue[] = [];
  const warnings: ImportWarning[] = [];
  const exports = files.map((file) => readExport(file, issues, warnings)).filter((e): e is Export => e !== undefined);
  const vmExports = exports.filter((e) => e.kind === HypervExportKind.VM || e.kind === HypervExportKind.SCVMM_VM);
  if (issues.length === 0 && vmExports.length === 0) {
    const found = exports.map((e) => `${e.table.file} is ${e.kind}`).join(', ');
    issues.push({
      file: files.join(', '),
      message: `no Get-VM or Get-SCVirtualMachine export among the files${found ? ` (${found})` : ''}: the VMs come from one of those`,
    });
  }
  if (issues.length > 0) {
    throw new ImportError(issues);
  }

  const index = new VmIndex();
  for (const { kind, table } of vmExports) {
    table.rows.forEach((row) => addVmRow(kind, table, row, index, warnings));
  }

  const vhdByPath = new Map<string, VhdFacts>();
  const allVhds: VhdFacts[] = [];
  let haveDrives = false;
  for (const { kind, table } of exports) {
    for (const row of table.rows) {
      if (kind === HypervExportKind.VHD || kind === HypervExportKind.SCVMM_VHD) {
        const vhd = readVhd(kind, table, row, warnings);
        allVhds.push(vhd);
        if (vhd.path !== undefined && !vhdByPath.has(pathKey(vhd.path))) {
          vhdByPath.set(pathKey(vhd.path), vhd);
        }
        if (vhd.vmName !== undefined || vhd.vmId !== undefined) {
          attach(index.find(vhd.vmId, vhd.vmName, undefined), vhd, (e) => e.vhds.push(vhd), warnings);
        }
      } else if (kind === HypervExportKind.HARD_DISK_DRIVE) {
        haveDrives = true;
        const drive = readDrive(table, row);
        attach(index.find(drive.vmId, drive.vmName, drive.host), drive, (e) => e.drives.push(drive), warnings);
      }
    }
  }

  const used = new Set<VhdFacts>();
  const vms = index.entries.map((entry) => {
    const covered = entry.drives.length > 0 || entry.vhds.length > 0;
    return toVm(entry, covered ? vmDisks(entry.drives, entry.vhds, vhdByPath, used, warnings) : undefined);
  });
  for (const vhd of allVhds) {
    if (!used.has(vhd) && vhd.vmName === undefined && vhd.vmId === undefined) {
      warnings.push({
        file: vhd.file, row: vhd.row,
        message: `${vhd.path ?? vhd.name ?? 'the disk'} is the file of no drive in the exports${haveDrives ? '' : ' (no Get-VMHardDiskDrive export was given)'}: skipped`,
      });
    }
  }
  return { vms, connectors: [], warnings };
}

/** Gives a drive or disk row to its VM, or warns that it has none. */
function attach(
  found: VmEntry | 'ambiguous' | undefined,
  what: { vmName?: string; vmId?: string; file: string; row: number },
  add: (entry: VmEntry) => void,
  warnings: ImportWarning[],
): void {
  const vm = what.vmName ?? what.vmId ?? '(no VM)';
  if (found === 'ambiguous') {
    warnings.push({ file: what.file, row: what.row, message: `${vm}: several VMs of that name (on different hosts): add the VMId column to tell them apart; skipped` });
  } else if (found === undefined) {
    warnings.push({ file: what.file, row: what.row, message: `${vm} is in no Get-VM or Get-SCVirtualMachine export: skipped` });
  } else {
    add(found);
  }
}
