import { detectHypervExport, HypervExportKind, importHyperv, parseScvmmOs } from '../../lib/importers/hyperv';
import { parseCsvTable, parseJsonTable } from '../../lib/importers/table';
import { ImportError, ImportResult } from '../../lib/importers/types';
import {
  exportDir, getDrivesCsv, getVhdCsv, getVmCsv, hypervEstate, psCsv, removeExportDirs, writeExport, writeHypervExports,
} from './exports';

afterAll(removeExportDirs);

/** The ImportError an import throws, for its issues. */
function importError(files: string[]): ImportError {
  try {
    importHyperv(files);
  } catch (e) {
    if (e instanceof ImportError) {
      return e;
    }
    throw e;
  }
  throw new Error('expected an ImportError');
}

function vmNamed(result: ImportResult, name: string) {
  const vm = result.vms.find((v) => v.name === name);
  if (!vm) {
    throw new Error(`no VM ${name} in ${result.vms.map((v) => v.name).join(', ')}`);
  }
  return vm;
}

describe('detecting each kind of export by its headers', () => {
  test.each([
    [HypervExportKind.VM, getVmCsv(hypervEstate())],
    [HypervExportKind.HARD_DISK_DRIVE, getDrivesCsv(hypervEstate())],
    [HypervExportKind.VHD, getVhdCsv(hypervEstate())],
    [HypervExportKind.SCVMM_VM, psCsv(['Name', 'ID', 'VMId', 'HostName', 'Generation', 'OperatingSystem', 'VirtualMachineState'], [])],
    [HypervExportKind.SCVMM_VHD, psCsv(['Name', 'Location', 'VHDType', 'VHDFormatType', 'MaximumSize', 'Size'], [])],
  ])('detects %s with its #TYPE line', (kind, text) => {
    expect(detectHypervExport(parseCsvTable('export.csv', text))).toBe(kind);
  });

  test.each([
    [HypervExportKind.VM, getVmCsv(hypervEstate(), { delimiter: ';', bom: true, typeLine: 'Microsoft.HyperV.PowerShell.VirtualMachine' })],
    [HypervExportKind.HARD_DISK_DRIVE, getDrivesCsv(hypervEstate(), { delimiter: ';', bom: true })],
    [HypervExportKind.VHD, getVhdCsv(hypervEstate(), { delimiter: '\t' })],
  ])('detects %s written with another delimiter and a BOM', (kind, text) => {
    expect(detectHypervExport(parseCsvTable('export.csv', text))).toBe(kind);
  });

  test('detects headers whatever their case and spacing', () => {
    const table = parseCsvTable('vm.csv', 'name , GENERATION,vmid\nweb-01,1,abc\n');
    expect(detectHypervExport(table)).toBe(HypervExportKind.VM);
  });

  test('detects nothing in an RVTools vInfo export', () => {
    const table = parseCsvTable('vinfo.csv', psCsv(['VM', 'Powerstate', 'Template', 'OS according to the configuration file'], []));
    expect(detectHypervExport(table)).toBeUndefined();
  });

  test('detects a ConvertTo-Json export', () => {
    const json = JSON.stringify([{ Path: 'D:\\a.vhdx', VhdFormat: 3, VhdType: 3, Size: 1073741824 }], null, 2);
    expect(detectHypervExport(parseJsonTable('vhd.json', json))).toBe(HypervExportKind.VHD);
  });
});

describe('facts of Hyper-V exports', () => {
  test('reads each VM with its generation, firmware, VM id and disks joined by path', () => {
    // GIVEN Get-VM, Get-VMHardDiskDrive and Get-VHD exports with #TYPE lines
    const result = importHyperv(writeHypervExports(hypervEstate()));
    // THEN disks in controller order (IDE 0:0 first), each named by its file, sized and formatted by Get-VHD
    expect(result.warnings).toEqual([]);
    expect(result.connectors).toEqual([]);
    expect(result.vms).toEqual([
      {
        name: 'web-01',
        hypervisor: 'hyperv',
        source: { vmId: '0a1b2c3d-0000-4000-8000-000000000001' },
        firmware: 'bios',
        generation: 1,
        disks: [
          { name: 'web-01.vhdx', sizeGiB: 60, format: 'vhdx' },
          { name: 'web-01-data.vhdx', sizeGiB: 100, format: 'vhdx' },
        ],
      },
      {
        name: 'db-01', hypervisor: 'hyperv', source: { vmId: '0a1b2c3d-0000-4000-8000-000000000002' }, firmware: 'bios', generation: 1,
        disks: [{ name: 'db-01.vhd', sizeGiB: 200, format: 'vhd' }],
      },
      {
        name: 'old-01', hypervisor: 'hyperv', source: { vmId: '0a1b2c3d-0000-4000-8000-000000000003' }, firmware: 'bios', generation: 1,
        disks: [{ name: 'old-01.vhdx', sizeGiB: 40, format: 'vhdx' }],
      },
    ]);
  });

  test('reads semicolon-separated exports with a UTF-8 BOM', () => {
    // GIVEN exports written with -Delimiter ';' -Encoding UTF8 (a BOM) by Windows PowerShell 5.1
    const estate = hypervEstate();
    const style = { delimiter: ';', bom: true, typeLine: 'Deserialized.Microsoft.HyperV.PowerShell.VirtualMachine' };
    const dir = exportDir();
    // WHEN
    const result = importHyperv([
      writeExport('vms.csv', getVmCsv(estate, style), dir),
      writeExport('drives.csv', getDrivesCsv(estate, style), dir),
      writeExport('vhds.csv', getVhdCsv(estate, style), dir),
    ]);
    // THEN
    expect(result.vms.map((vm) => [vm.name, vm.disks?.map((d) => d.sizeGiB)])).toEqual([
      ['web-01', [60, 100]],
      ['db-01', [200]],
      ['old-01', [40]],
    ]);
  });

  test('takes the format from the file extension when there is no Get-VHD export, and leaves the size unknown', () => {
    const estate = hypervEstate();
    const dir = exportDir();
    const result = importHyperv([writeExport('vms.csv', getVmCsv(estate), dir), writeExport('drives.csv', getDrivesCsv(estate), dir)]);
    expect(vmNamed(result, 'db-01').disks).toEqual([{ name: 'db-01.vhd', format: 'vhd' }]);
  });

  test('joins disks to drives by path whatever the case and slashes', () => {
    // GIVEN a Get-VHD export that writes the path in lower case with forward slashes
    const estate = hypervEstate().slice(1, 2);
    const dir = exportDir();
    const vhd = psCsv(['Path', 'VhdFormat', 'VhdType', 'Size'], [['d:/hyper-v/db-01/DB-01.VHD', 'VHD', 'Fixed', String(300 * 2 ** 30)]]);
    const result = importHyperv([writeExport('vms.csv', getVmCsv(estate), dir), writeExport('drives.csv', getDrivesCsv(estate), dir),
      writeExport('vhd.csv', vhd, dir)]);
    expect(result.vms[0].disks).toEqual([{ name: 'db-01.vhd', sizeGiB: 300, format: 'vhd' }]);
  });

  test('rounds a size in bytes up to whole MiB', () => {
    const estate = hypervEstate().slice(1, 2);
    const dir = exportDir();
    const vhd = psCsv(['Path', 'VhdFormat', 'VhdType', 'Size'], [[estate[0].disks[0].file, 'VHD', 'Fixed', String(2 * 2 ** 40 + 1)]]);
    const result = importHyperv([writeExport('vms.csv', getVmCsv(estate), dir), writeExport('drives.csv', getDrivesCsv(estate), dir),
      writeExport('vhd.csv', vhd, dir)]);
    expect(result.vms[0].disks?.[0].sizeGiB).toBe(2048 + 1 / 1024);
  });

  test('reads a generation 2 VM as UEFI', () => {
    const estate = [{ ...hypervEstate()[1], generation: 2 }];
    const result = importHyperv([writeExport('vms.csv', getVmCsv(estate))]);
    expect(result.vms[0]).toMatchObject({ generation: 2, firmware: 'uefi' });
    expect(result.vms[0].disks).toBeUndefined();
  });

  test('reads ConvertTo-Json exports, whose enums are numbers', () => {
    // GIVEN JSON exports: VhdFormat 3 is VHDX, ControllerType 0 is IDE
    const dir = exportDir();
    const vmId = '9b7f0000-0000-4000-8000-00000000000a';
    const vms = writeExport('vms.json', JSON.stringify([{ Name: 'json-01', VMId: vmId, Id: vmId, Generation: 1, State: 2, HardDrives: [] }]), dir);
    const drives = writeExport('drives.json', JSON.stringify({
      VMName: 'json-01', VMId: vmId, ControllerType: 0, ControllerNumber: 0, ControllerLocation: 0, Path: 'C:\\VMs\\json-01.data',
    }), dir);
    const vhds = writeExport('vhds.json', JSON.stringify([{ Path: 'C:\\VMs\\json-01.data', VhdFormat: 3, VhdType: 3, Size: 32 * 2 ** 30 }]), dir);
    // WHEN
    const result = importHyperv([vms, drives, vhds]);
    // THEN
    expect(result.vms).toEqual([{
      name: 'json-01', hypervisor: 'hyperv', source: { vmId }, firmware: 'bios', generation: 1,
      disks: [{ name: 'json-01.data', sizeGiB: 32, format: 'vhdx' }],
    }]);
  });

  test('warns about drives of unknown VMs, disks of no drive, and a generation that is not 1 or 2', () => {
    // GIVEN a drive export holding a VM the Get-VM export lacks, and a Get-VHD row of no drive
    const estate = hypervEstate();
    const dir = exportDir();
    const vmCsv = psCsv(['Name', 'VMId', 'Generation'], [['web-01', estate[0].vmId, '1'], ['db-01', estate[1].vmId, 'three']]);
    const vmFile = writeExport('vms.csv', vmCsv, dir);
    const drives = writeExport('drives.csv', getDrivesCsv(estate.slice(1, 3)), dir);
    const vhds = writeExport('vhds.csv', getVhdCsv(estate.slice(0, 1)), dir);
    // WHEN
    const result = importHyperv([vmFile, drives, vhds]);
    // THEN
    expect(result.vms.map((vm) => vm.name)).toEqual(['web-01', 'db-01']);
    expect(result.vms[1].generation).toBeUndefined();
    expect(result.warnings).toEqual([
      { file: vmFile, row: 3, message: 'db-01: Generation "three" is not 1 or 2: left unknown' },
      { file: drives, row: 3, message: 'old-01 is in no Get-VM or Get-SCVirtualMachine export: skipped' },
      { file: vhds, row: 2, message: 'D:\\Hyper-V\\web-01\\web-01-data.vhdx is the file of no drive in the exports: skipped' },
      { file: vhds, row: 3, message: 'D:\\Hyper-V\\web-01\\web-01.vhdx is the file of no drive in the exports: skipped' },
    ]);
  });

  test('names a pass-through disk by its drive and warns that its size and format are unknown', () => {
    // GIVEN a drive with no file but a physical disk number
    const estate = hypervEstate().slice(1, 2);
    const dir = exportDir();
    const drives = psCsv(['VMName', 'ControllerType', 'ControllerNumber', 'ControllerLocation', 'Path', 'DiskNumber', 'Name'],
      [['db-01', 'SCSI', '0', '1', '', '3', 'Hard Drive on SCSI controller number 0 at location 1']]);
    const drivesFile = writeExport('drives.csv', drives, dir);
    // WHEN
    const result = importHyperv([writeExport('vms.csv', getVmCsv(estate), dir), drivesFile]);
    // THEN
    expect(result.vms[0].disks).toEqual([{ name: 'Hard Drive on SCSI controller number 0 at location 1' }]);
    expect(result.warnings).toEqual([{
      file: drivesFile, row: 2,
      message: 'db-01: Pass-through disk 3 has no file (a pass-through disk): its size and format are not in the exports',
    }]);
  });
});

describe('facts of SCVMM exports', () => {
  const scvmmVms = (): string => psCsv(
    ['Name', 'ID', 'VMId', 'HostName', 'Generation', 'OperatingSystem', 'VirtualMachineState'],
    [
      ['sql-01', 'f0000000-0000-4000-8000-000000000001', '5c000000-0000-4000-8000-000000000001', 'hv02.example.internal', '1',
        '64-bit edition of Windows Server 2012 R2 Datacenter', 'Running'],
      ['app-01', 'f0000000-0000-4000-8000-000000000002', '5c000000-0000-4000-8000-000000000002', 'hv02.example.internal', '1',
        'Red Hat Enterprise Linux 7 (64 bit)', 'PowerOff'],
    ],
    { typeLine: 'Microsoft.SystemCenter.VirtualMachineManager.VM' },
  );

  test('reads the OS SCVMM names, and VMId (not SCVMM\'s own ID) as the VM id', () => {
    // GIVEN / WHEN a Get-SCVirtualMachine export
    const result = importHyperv([writeExport('scvmm-vms.csv', scvmmVms())]);
    // THEN
    expect(result.vms).toEqual([
      {
        name: 'sql-01', hypervisor: 'hyperv', source: { vmId: '5c000000-0000-4000-8000-000000000001' },
        os: { family: 'windows', name: 'windows-server', version: '2012 R2', edition: 'datacenter', architecture: 'x86_64' },
        firmware: 'bios', generation: 1,
      },
      {
        name: 'app-01', hypervisor: 'hyperv', source: { vmId: '5c000000-0000-4000-8000-000000000002' },
        os: { family: 'linux', name: 'rhel', version: '7', architecture: 'x86_64' },
        firmware: 'bios', generation: 1,
      },
    ]);
  });

  test('joins Get-SCVirtualHardDisk rows by the VMName column an export script adds', () => {
    // GIVEN SCVMM disks with a VMName column, and no drive export
    const disks = psCsv(['VMName', 'Name', 'Location', 'VHDType', 'VHDFormatType', 'MaximumSize', 'Size'], [
      ['sql-01', 'sql-01_disk_1', 'C:\\ClusterStorage\\Volume1\\sql-01\\sql-01_disk_1.vhdx', 'DynamicallyExpanding', 'VHDX',
        String(127 * 2 ** 30), String(9 * 2 ** 30)],
    ]);
    const dir = exportDir();
    // WHEN
    const result = importHyperv([writeExport('scvmm-vms.csv', scvmmVms(), dir), writeExport('scvmm-disks.csv', disks, dir)]);
    // THEN
    expect(vmNamed(result, 'sql-01').disks).toEqual([{ name: 'sql-01_disk_1.vhdx', sizeGiB: 127, format: 'vhdx' }]);
    expect(vmNamed(result, 'app-01').disks).toBeUndefined();
  });

  test('joins Get-SCVirtualHardDisk rows to drives by Location, sized by MaximumSize', () => {
    // GIVEN Get-VM and drive exports, and SCVMM's disks (Size is the used size, MaximumSize the virtual one)
    const estate = hypervEstate().slice(1, 2);
    const disks = psCsv(['Name', 'Location', 'VHDType', 'VHDFormatType', 'MaximumSize', 'Size', 'HostVolumeId'], [
      ['db-01', estate[0].disks[0].file, 'FixedSize', 'VHD', String(250 * 2 ** 30), String(250 * 2 ** 30), 'a1'],
    ]);
    const dir = exportDir();
    const result = importHyperv([writeExport('vms.csv', getVmCsv(estate), dir), writeExport('drives.csv', getDrivesCsv(estate), dir),
      writeExport('scvmm-disks.csv', disks, dir)]);
    expect(result.vms[0].disks).toEqual([{ name: 'db-01.vhd', sizeGiB: 250, format: 'vhd' }]);
    expect(result.warnings).toEqual([]);
  });

  test('makes one VM of the same VM in Get-VM and Get-SCVirtualMachine exports, by VM id', () => {
    // GIVEN web-01 in both exports: Get-VM gives the disks' VM, SCVMM the OS
    const estate = hypervEstate().slice(0, 1);
    const scvmm = psCsv(['Name', 'ID', 'VMId', 'HostName', 'OperatingSystem'],
      [['web-01', 'f0000000-0000-4000-8000-00000000000f', estate[0].vmId.toUpperCase(), 'HV01.example.internal', 'Windows Server 2016 Standard']]);
    const dir = exportDir();
    const [vms, drives, vhds] = writeHypervExports(estate, dir);
    // WHEN
    const result = importHyperv([vms, drives, vhds, writeExport('scvmm.csv', scvmm, dir)]);
    // THEN
    expect(result.vms).toHaveLength(1);
    expect(result.vms[0]).toMatchObject({
      name: 'web-01', generation: 1,
      os: { family: 'windows', name: 'windows-server', version: '2016', edition: 'standard', architecture: 'x86_64' },
    });
    expect(result.vms[0].disks).toHaveLength(2);
  });

  test.each([
    ['Windows Server 2016 Datacenter', { family: 'windows', name: 'windows-server', version: '2016', edition: 'datacenter', architecture: 'x86_64' }],
    ['Windows Server 2003 Standard x64 Edition', { family: 'windows', name: 'windows-server', version: '2003', edition: 'standard', architecture: 'x86_64' }],
    ['Windows Server 2008 Enterprise', { family: 'windows', name: 'windows-server', version: '2008', edition: 'enterprise' }],
    ['64-bit edition of Windows 10 Enterprise', { family: 'windows', name: 'windows-client', version: '10', edition: 'enterprise', architecture: 'x86_64' }],
    ['CentOS Linux 7 (64 bit)', { family: 'linux', name: 'centos', version: '7', architecture: 'x86_64' }],
    ['Ubuntu Linux 20.04 (64 bit)', { family: 'linux', name: 'ubuntu', version: '20.04', architecture: 'x86_64' }],
    ['Suse Linux Enterprise Server 12 (64 bit)', { family: 'linux', name: 'sles', architecture: 'x86_64' }],
    ['Other Linux (32 bit)', { family: 'linux', architecture: 'x86' }],
    ['None', undefined],
    ['', undefined],
    ['FreeBSD 12', undefined],
  ])('reads SCVMM OS name "%s"', (name, facts) => {
    expect(parseScvmmOs(name)).toEqual(facts);
  });
});

describe('exports that cannot be imported', () => {
  test('fails on a CSV of another kind, naming the file and the headers found', () => {
    // GIVEN an RVTools vInfo CSV
    const file = writeExport('vInfo.csv', psCsv(['VM', 'Powerstate', 'Template', 'OS according to the configuration file'], [['a', 'poweredOn', 'False', 'x']]));
    // WHEN
    const error = importError([file]);
    // THEN
    expect(error.issues).toHaveLength(1);
    expect(error.issues[0]).toMatchObject({ file, row: 1 });
    expect(error.message).toBe(`${file}:1: not a Hyper-V or SCVMM export (found headers "VM", "Powerstate", "Template", `
      + '"OS according to the configuration file"): expected Get-VM (Name, Generation, VMId), Get-VMHardDiskDrive (VMName, ControllerType, '
      + 'ControllerLocation, Path), Get-VHD (Path, VhdFormat, VhdType), Get-SCVirtualMachine (Name, VMId, OperatingSystem) or '
      + 'Get-SCVirtualHardDisk (Location, VHDType, VHDFormatType); it looks like an RVTools export: use `cdk-sms import rvtools`');
  });

  test('fails on a Get-VHD export without the Path column, naming the column', () => {
    const file = writeExport('vhds.csv', psCsv(['ComputerName', 'VhdFormat', 'VhdType', 'Size'], [['HV01', 'VHDX', 'Dynamic', '1']]));
    const error = importError([writeExport('vms.csv', getVmCsv(hypervEstate())), file]);
    expect(error.issues).toEqual([{
      file, row: 1, header: 'Path', message: 'missing column: a Get-VHD export needs it to join each disk to its drive',
    }]);
    expect(error.message).toBe(`${file}:1: column "Path": missing column: a Get-VHD export needs it to join each disk to its drive`);
  });

  test('fails on a drive export that names no VM', () => {
    const file = writeExport('drives.csv', psCsv(['ControllerType', 'ControllerLocation', 'Path'], [['IDE', '0', 'D:\\a.vhdx']]));
    const error = importError([writeExport('vms.csv', getVmCsv(hypervEstate())), file]);
    expect(error.issues).toEqual([{
      file, row: 1, header: 'VMName',
      message: 'missing column (or VMId): a Get-VMHardDiskDrive export needs it to tell which VM each drive belongs to',
    }]);
  });

  test('fails when no file is a VM export', () => {
    const estate = hypervEstate();
    const dir = exportDir();
    const drives = writeExport('drives.csv', getDrivesCsv(estate), dir);
    const vhds = writeExport('vhds.csv', getVhdCsv(estate), dir);
    expect(importError([drives, vhds]).message).toBe(`${drives}, ${vhds}: no Get-VM or Get-SCVirtualMachine export among the files `
      + `(${drives} is Get-VMHardDiskDrive, ${vhds} is Get-VHD): the VMs come from one of those`);
  });

  test('fails on an empty (0-byte) file and a file with only the #TYPE line, reporting every file', () => {
    const dir = exportDir();
    const empty = writeExport('empty.csv', '', dir);
    const typeOnly = writeExport('type.csv', '#TYPE Microsoft.HyperV.PowerShell.VirtualMachine\r\n', dir);
    expect(importError([empty, typeOnly]).issues).toEqual([
      { file: empty, message: 'file is empty (0 bytes)' },
      { file: typeOnly, message: 'file has no header row' },
    ]);
  });

  test('fails on a CSV with an unclosed quote, naming the row', () => {
    const file = writeExport('vms.csv', '"Name","Generation","VMId"\r\n"web-01","1","abc"\r\n"db-01,"1","def"\r\n');
    const error = importError([file]);
    expect(error.issues).toHaveLength(1);
    expect(error.issues[0]).toMatchObject({ file, row: 3 });
    expect(error.issues[0].message).toMatch(/^not valid CSV: /);
  });
});
