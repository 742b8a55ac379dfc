import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

/**
 * Export files made up for the importer tests, in the shapes PowerShell and the AWS CLI write
 * (inventory-formats.md §8.1, §9). No real export is committed: every name, id and path is invented.
 */

const tempDirs: string[] = [];

/** A fresh temporary folder; `removeExportDirs` (in `afterAll`) removes it. */
export function exportDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cdk-sms-import-test-'));
  tempDirs.push(dir);
  return dir;
}

/** Removes every folder `exportDir` made. */
export function removeExportDirs(): void {
  for (const dir of tempDirs.splice(0)) {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Writes a file into a folder (a fresh one by default) and returns its path. */
export function writeExport(name: string, content: string | Buffer, dir = exportDir()): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, content);
  return file;
}

/** How an `Export-Csv` file is written. */
export interface CsvStyle {
  /** The `#TYPE` line of Windows PowerShell 5.1 (`-NoTypeInformation` leaves it out). @default - none */
  readonly typeLine?: string;
  /** `-Delimiter ';'` or `-UseCulture` in a European locale. @default ',' */
  readonly delimiter?: string;
  /** `-Encoding UTF8` in Windows PowerShell 5.1 writes a BOM. @default false */
  readonly bom?: boolean;
}

/** CSV as `Export-Csv` writes it: every field quoted, CRLF line ends. */
export function psCsv(header: readonly string[], rows: readonly (readonly string[])[], style: CsvStyle = {}): string {
  const d = style.delimiter ?? ',';
  const line = (cells: readonly string[]): string => cells.map((c) => `"${c.replace(/"/g, '""')}"`).join(d);
  const typeLine = style.typeLine !== undefined ? `#TYPE ${style.typeLine}\r\n` : '';
  return `${style.bom ? '\uFEFF' : ''}${typeLine}${[header, ...rows].map(line).join('\r\n')}\r\n`;
}

const GIB = 1024 * 1024 * 1024;

/** One disk of a made-up Hyper-V VM. */
export interface HvDisk {
  readonly file: string;
  readonly sizeGiB: number;
  readonly controller: 'IDE' | 'SCSI';
  readonly location: number;
}

/** One made-up Hyper-V VM. */
export interface HvVm {
  readonly name: string;
  readonly vmId: string;
  readonly generation: number;
  readonly disks: readonly HvDisk[];
}

/** A small Hyper-V estate: three generation 1 VMs on host HV01. */
export function hypervEstate(): HvVm[] {
  return [
    {
      name: 'web-01', vmId: '0a1b2c3d-0000-4000-8000-000000000001', generation: 1,
      disks: [
        { file: 'D:\\Hyper-V\\web-01\\web-01-data.vhdx', sizeGiB: 100, controller: 'SCSI', location: 0 },
        { file: 'D:\\Hyper-V\\web-01\\web-01.vhdx', sizeGiB: 60, controller: 'IDE', location: 0 },
      ],
    },
    {
      name: 'db-01', vmId: '0a1b2c3d-0000-4000-8000-000000000002', generation: 1,
      disks: [{ file: 'D:\\Hyper-V\\db-01\\db-01.vhd', sizeGiB: 200, controller: 'IDE', location: 0 }],
    },
    {
      name: 'old-01', vmId: '0a1b2c3d-0000-4000-8000-000000000003', generation: 1,
      disks: [{ file: 'D:\\Hyper-V\\old-01\\old-01.vhdx', sizeGiB: 40, controller: 'IDE', location: 0 }],
    },
  ];
}

/** `Get-VM | Export-Csv` of the estate (a subset of the real columns, in the real order). */
export function getVmCsv(vms: readonly HvVm[], style: CsvStyle = { typeLine: 'Microsoft.HyperV.PowerShell.VirtualMachine' }): string {
  const header = ['Name', 'VMName', 'Id', 'VMId', 'State', 'Generation', 'Version', 'ProcessorCount', 'MemoryStartup', 'ComputerName',
    'HardDrives', 'Path'];
  return psCsv(header, vms.map((vm) => [vm.name, vm.name, vm.vmId, vm.vmId, 'Running', String(vm.generation), '9.0', '2',
    String(4 * GIB), 'HV01', 'System.Collections.Generic.List`1[Microsoft.HyperV.PowerShell.HardDiskDrive]',
    `D:\\Hyper-V\\${vm.name}`]), style);
}

/** `Get-VM | Get-VMHardDiskDrive | Export-Csv` of the estate. */
export function getDrivesCsv(vms: readonly HvVm[], style: CsvStyle = { typeLine: 'Microsoft.HyperV.PowerShell.HardDiskDrive' }): string {
  const header = ['Path', 'DiskNumber', 'MaximumIOPS', 'ControllerType', 'ControllerNumber', 'ControllerLocation', 'Name', 'Id', 'VMName',
    'VMId', 'ComputerName'];
  return psCsv(header, vms.flatMap((vm) => vm.disks.map((d) => [d.file, '', '0', d.controller, '0', String(d.location),
    `Hard Drive on ${d.controller} controller number 0 at location ${d.location}`, `Microsoft:${vm.vmId}\\drive`, vm.name, vm.vmId, 'HV01'])),
  style);
}

/** `Get-VM | Get-VMHardDiskDrive | Get-VHD | Export-Csv` of the estate: paths as the host writes them. */
export function getVhdCsv(vms: readonly HvVm[], style: CsvStyle = { typeLine: 'Microsoft.Vhd.PowerShell.VirtualHardDisk' }): string {
  const header = ['ComputerName', 'Path', 'VhdFormat', 'VhdType', 'FileSize', 'Size', 'MinimumSize', 'LogicalSectorSize', 'ParentPath',
    'Attached'];
  return psCsv(header, vms.flatMap((vm) => vm.disks.map((d) => ['HV01', d.file,
    d.file.toLowerCase().endsWith('.vhdx') ? 'VHDX' : 'VHD', 'Dynamic', String(4 * GIB), String(d.sizeGiB * GIB), '', '512', '', 'True'])), style);
}

/** The three exports of an estate, written into one folder: [Get-VM, Get-VMHardDiskDrive, Get-VHD]. */
export function writeHypervExports(vms: readonly HvVm[], dir = exportDir()): string[] {
  return [
    writeExport('vms.csv', getVmCsv(vms), dir),
    writeExport('drives.csv', getDrivesCsv(vms), dir),
    writeExport('vhds.csv', getVhdCsv(vms), dir),
  ];
}

/** One server of a made-up SMS catalog. */
export interface CatalogServer {
  readonly serverId: string;
  readonly name: string;
  readonly vmId: string;
  readonly vmPath?: string;
  /** @default 'VSPHERE' */
  readonly managerType?: string;
}

/** One `GetServers` response as `aws sms get-servers` prints it. */
export function getServersResponse(servers: readonly CatalogServer[], extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    lastModifiedOn: 1519920000.0,
    serverCatalogStatus: 'AVAILABLE',
    serverList: servers.map((s) => ({
      serverId: s.serverId,
      serverType: 'VIRTUAL_MACHINE',
      vmServer: {
        vmServerAddress: { vmManagerId: '5e0a1c77-1d0e-4bb4-9b8f-000000000001', vmId: s.vmId },
        vmName: s.name,
        vmManagerName: 'vcenter01.example.internal',
        vmManagerType: s.managerType ?? 'VSPHERE',
        ...(s.vmPath !== undefined ? { vmPath: s.vmPath } : {}),
      },
    })),
    ...extra,
  };
}
