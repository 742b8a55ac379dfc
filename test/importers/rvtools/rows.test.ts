import * as fs from 'fs';
import * as path from 'path';
import { DiskFormat, DiskMode, Hypervisor } from '../../../lib/plan/model/plan';
import { importRvtools } from '../../../lib/importers/rvtools';
import { ImportResult } from '../../../lib/importers/types';
import { columns3x, VDISK_4X, VHOST_4X, VINFO_4X, VNETWORK_4X, VPARTITION_4X, VSOURCE_4X } from './fixtures/columns';
import { grid, Grid, xlsxFromGrids } from './fixtures/generate';
import { RowRecord } from './fixtures/samples';
import { tempDir, vm } from './helpers';

const { dir, cleanup } = tempDir();
afterAll(cleanup);

const VC = { 'VI SDK Server': 'vc.example.com', 'VI SDK UUID': 'UUID-1' };
const info = (name: string | undefined, vmId: string, extra: RowRecord = {}): RowRecord => ({
  'VM': name, 'VM ID': vmId, 'Powerstate': 'poweredOn', 'CPUs': 1, 'Memory': 1024, 'Template': false, 'SRM Placeholder': false,
  'Firmware': 'bios', 'OS according to the configuration file': 'Red Hat Enterprise Linux 7 (64-bit)', 'Folder': '/DC/vm', ...VC, ...extra,
});
const disk = (name: string, vmId: string, extra: RowRecord = {}): RowRecord => ({
  'VM': name, 'VM ID': vmId, 'Disk': 'Hard disk 1', 'Disk Key': '2000', 'Capacity MiB': 10240, 'Raw': false, 'Disk Mode': 'persistent', ...VC, ...extra,
});

function importGrids(name: string, grids: Grid[]): { file: string; result: ImportResult } {
  const file = path.join(dir, name);
  fs.writeFileSync(file, xlsxFromGrids(grids, 'raw'));
  return { file, result: importRvtools([file]) };
}

describe('rows that cannot be used', () => {
  // GIVEN one workbook with a problem on many rows
  const { file, result } = importGrids('rows.xlsx', [
    grid('vInfo', VINFO_4X, [
      info('good', 'vm-1'),
      info(undefined, 'vm-2'),
      info('tmpl', 'vm-3', { Template: true }),
      info('placeholder', 'vm-4', { 'SRM Placeholder': 'True' }),
      info('good', 'vm-1'),
      info('odd-fw', 'vm-5', { Firmware: 'coreboot' }),
      info('appliance', 'vm-6', { 'OS according to the configuration file': '', 'OS according to the VMware Tools': 'PanOS 10.1.9' }),
    ]),
    grid('vDisk', VDISK_4X, [
      disk('good', 'vm-1'),
      disk('ghost', 'vm-99'),
      disk('tmpl', 'vm-3'),
      disk('good', 'vm-1', { 'Disk': 'Hard disk 2', 'Disk Key': '2001', 'Capacity MiB': 'lots', 'Disk Mode': 'undoable' }),
      disk('good', 'vm-1', { 'Disk': 'Hard disk 3', 'Disk Key': '2002', 'Raw': undefined }),
      disk('good', 'vm-1', { 'Disk': 'Hard disk 4', 'Disk Key': '2003', 'Raw': undefined, 'Raw LUN ID': '0200000000600601' }),
      disk('good', 'vm-1', { 'Disk': 'Hard disk 5', 'Disk Key': '2004', 'Raw': 'Raw LUN' }),
      disk('good', 'vm-1', { 'Disk': 'Hard disk 6', 'Disk Key': '2005', 'Path': '[ds1] good/good-000001-sesparse.vmdk' }),
      disk('good', 'vm-1', { 'Disk': 'Hard disk 7', 'Disk Key': '2006', 'Disk Mode': 'Independent_NonPersistent' }),
    ]),
    grid('vPartition', VPARTITION_4X, [
      { 'VM': 'good', 'VM ID': 'vm-1', ...VC, 'Disk': '/', 'Disk Key': '2000', 'Capacity MiB': 10000, 'Consumed MiB': 2500 },
      { 'VM': 'good', 'VM ID': 'vm-1', ...VC, 'Disk': '/data', 'Disk Key': '3000', 'Capacity MiB': 10000, 'Free MiB': 1 },
      { 'VM': 'good', 'VM ID': 'vm-1', ...VC, 'Disk': '/var', 'Capacity MiB': 10000, 'Free MiB': 1 },
    ]),
    grid('vNetwork', VNETWORK_4X, [
      { 'VM': 'good', 'VM ID': 'vm-1', ...VC, 'Adapter': 'Vmxnet3', 'Mac Address': '00:50:56:00:00:01', 'IPv4 Address': '192.0.2.1, unknown', 'IPv6 Address': '' },
    ]),
    grid('vHost', VHOST_4X, [
      { 'Host': 'esx1', '# CPU': 2, 'ESX Version': 'VMware ESXi 6.5.0 build-1', ...VC },
      { 'Host': 'esx2', '# CPU': 2, 'ESX Version': 'n/a', ...VC },
      { 'Host': 'esx3', '# CPU': 2, 'ESX Version': 'VMware ESXi 7.0.3 build-2', 'VI SDK Server': 'other.example.com', 'VI SDK UUID': 'UUID-2' },
    ]),
    grid('vSource', VSOURCE_4X, [
      { 'Name': 'vc.example.com', 'API type': 'VirtualCenter', 'Version': '6.5.0', 'Fullname': 'VMware vCenter Server 6.5.0 build-1', ...VC },
    ]),
  ]);
  const warnings = (sheet: string) => result.warnings.filter((w) => w.sheet === sheet).map((w) => [w.row, w.message]);

  test('warn with the file, sheet and row of each', () => {
    // GIVEN the input above; WHEN it is read; THEN:
    expect(result.warnings.every((w) => w.file === file)).toBe(true);
    expect(warnings('vInfo')).toEqual([
      [3, 'the "VM" cell is empty: row skipped'],
      [4, 'tmpl is a template: skipped'],
      [5, 'placeholder is a Site Recovery Manager placeholder: skipped'],
      [6, 'good is listed twice: this row is skipped'],
      [7, 'odd-fw: firmware "coreboot" is neither bios nor efi: left out'],
      [8, 'appliance: OS "PanOS 10.1.9" is not a label this importer knows: the OS is left out'],
    ]);
    expect(warnings('vDisk')).toEqual([
      [3, 'ghost is not in vInfo: row skipped'],
      [5, 'good Hard disk 2: capacity "lots" is not a number of MiB: size left out'],
      [5, 'good Hard disk 2: disk mode "undoable" is none of persistent, independent_persistent, independent_nonpersistent: mode left out'],
    ]);
    expect(warnings('vPartition')).toEqual([
      [3, 'good: 2 volumes (/data, /var) left out: no disk of the VM has Disk Key 3000; no Disk Key says which of its 7 disks holds the other 1'],
    ]);
    expect(warnings('vNetwork')).toEqual([[2, 'good: "unknown" is not an IP address: left out']]);
    expect(warnings('vHost')).toEqual([
      [undefined, 'host esx2 has no version number in "ESX Version": its ESXi version is left out'],
      [undefined, 'host esx3 has no vCenter of the export matching its "VI SDK UUID" or "VI SDK Server": its ESXi version is left out'],
    ]);
  });

  test('keep what the rest of each row says', () => {
    // WHEN
    const good = vm(result, 'good');
    // THEN
    expect(good.disks).toEqual([
      { name: 'Hard disk 1', sizeGiB: 10, format: DiskFormat.VMDK, mode: DiskMode.PERSISTENT, volumes: [{ mount: '/', sizeGiB: 10000 / 1024, freeGiB: 7500 / 1024 }] },
      { name: 'Hard disk 2', format: DiskFormat.VMDK },
      { name: 'Hard disk 3', sizeGiB: 10, mode: DiskMode.PERSISTENT },
      { name: 'Hard disk 4', sizeGiB: 10, format: DiskFormat.RDM, mode: DiskMode.PERSISTENT },
      { name: 'Hard disk 5', sizeGiB: 10, format: DiskFormat.RDM, mode: DiskMode.PERSISTENT },
      { name: 'Hard disk 6', sizeGiB: 10, format: DiskFormat.SESPARSE, mode: DiskMode.PERSISTENT },
      { name: 'Hard disk 7', sizeGiB: 10, format: DiskFormat.VMDK, mode: DiskMode.INDEPENDENT_NONPERSISTENT },
    ]);
    expect(good.nics).toEqual([{ ipv4: ['192.0.2.1'], ipv6: [] }]);
    expect(vm(result, 'odd-fw').firmware).toBeUndefined();
    expect(vm(result, 'appliance').os).toBeUndefined();
    expect(result.vms.map((v) => v.name)).toEqual(['good', 'odd-fw', 'appliance']);
    expect(result.connectors).toEqual([{ name: 'vc.example.com', hypervisor: Hypervisor.VMWARE, vcenterVersion: '6.5.0', esxiVersions: ['6.5.0'] }]);
  });
});

describe('connectors', () => {
  test('give an ESXi host RVTools connected to directly no vCenter version, with a warning', () => {
    // GIVEN
    const { result } = importGrids('hostagent.xlsx', [
      grid('vInfo', VINFO_4X, [info('a', 'vm-1', { 'VI SDK Server': 'esx9.example.com', 'VI SDK UUID': 'H-9' })]),
      grid('vHost', VHOST_4X, [{ 'Host': 'esx9.example.com', '# CPU': 2, 'ESX Version': 'VMware ESXi 6.0.0 build-1', 'VI SDK Server': 'esx9.example.com', 'VI SDK UUID': 'H-9' }]),
      grid('vSource', VSOURCE_4X, [{ 'Name': 'esx9.example.com', 'API type': 'HostAgent', 'Version': '6.0.0', 'Fullname': 'VMware ESXi 6.0.0', 'VI SDK Server': 'esx9.example.com', 'VI SDK UUID': 'H-9' }]),
    ]);
    // THEN
    expect(result.connectors).toEqual([{ name: 'esx9.example.com', hypervisor: Hypervisor.VMWARE, esxiVersions: ['6.0.0'] }]);
    expect(vm(result, 'a').connector).toBe('esx9.example.com');
    expect(result.warnings).toContainEqual(expect.objectContaining({ sheet: 'vSource', row: 2, message: expect.stringMatching(/is an ESXi host RVTools connected to directly \(API type HostAgent\)/) }));
  });

  test('are not made up when nothing names the vCenter', () => {
    // GIVEN a vInfo without VI SDK columns and no vSource
    const columns = VINFO_4X.filter((c) => !c.startsWith('VI SDK'));
    const { file, result } = importGrids('no-vcenter.xlsx', [grid('vInfo', columns, [info('a', 'vm-1')])]);
    // THEN
    expect(result.connectors).toEqual([]);
    expect(vm(result, 'a').connector).toBeUndefined();
    expect(result.warnings).toContainEqual({ file, message: 'neither a vSource tab nor a "VI SDK Server" column names the vCenter: no connector is imported' });
  });
});

describe('missing columns', () => {
  test('warn once per sheet, naming every missing column and the facts it takes away', () => {
    // GIVEN
    const { result } = importGrids('bare.xlsx', [
      grid('vInfo', ['VM', 'Powerstate'], [{ VM: 'a', Powerstate: 'poweredOn' }]),
      grid('vDisk', ['VM', 'Disk'], [{ VM: 'a', Disk: 'Hard disk 1' }]),
      grid('vNetwork', ['VM', 'Adapter'], [{ VM: 'a', Adapter: 'E1000' }]),
    ]);
    // THEN
    expect(result.vms).toEqual([{ name: 'a', hypervisor: Hypervisor.VMWARE, disks: [{ name: 'Hard disk 1' }], nics: [{}] }]);
    const bySheet = (sheet: string) => result.warnings.filter((w) => w.sheet === sheet).map((w) => w.message);
    expect(bySheet('vInfo')).toEqual([expect.stringMatching(/^columns "Template" \(template rows skipped\), .*"Firmware" \(firmware\), "EFI Secure boot" \(guest.secureBoot\), "OS according to the configuration file" .*"SMBIOS UUID" \(source.vmUuid\), .*are missing from vInfo: these facts are left unknown$/)]);
    expect(bySheet('vDisk')).toEqual([expect.stringMatching(/^columns .*"Capacity MiB" \(disk size\), "Raw" \(disk format: rdm or vmdk\), .*"Disk Mode" \(disk mode\).* are missing from vDisk/)]);
    expect(bySheet('vNetwork')).toEqual([expect.stringMatching(/"IPv4 Address" \(NIC addresses\), "IPv6 Address" \(NIC addresses\) are missing from vNetwork/)]);
    expect(result.warnings).toContainEqual(expect.objectContaining({ message: 'no vPartition sheet: volumes are not imported' }));
  });

  test('warn when vInfo lists only templates', () => {
    // GIVEN the input above; WHEN it is read; THEN:
    const { result } = importGrids('templates.xlsx', [grid('vInfo', VINFO_4X, [info('t', 'vm-1', { Template: true })])]);
    expect(result.vms).toEqual([]);
    expect(result.warnings).toContainEqual(expect.objectContaining({ sheet: 'vInfo', message: 'no VM to import: vInfo lists none, or only templates' }));
  });
});

describe('the facts MGN needs', () => {
  const nic = (name: string, vmId: string, ipv4: string | undefined): RowRecord => ({
    'VM': name, 'VM ID': vmId, 'Adapter': 'Vmxnet3', 'Mac Address': '00:50:56:00:00:01', 'IPv4 Address': ipv4, ...VC,
  });
  const source = { 'Name': 'VMware vCenter Server', 'API type': 'VirtualCenter', 'Version': '8.0.2', 'Fullname': 'VMware vCenter Server 8.0.2', ...VC };

  test('take the BIOS UUID from SMBIOS UUID (lower case), never from VM UUID, and leave it out when the cell is empty', () => {
    // GIVEN a 4.4.1+ vInfo: VM UUID is the vCenter instance UUID there
    const { result } = importGrids('smbios.xlsx', [grid('vInfo', VINFO_4X, [
      info('a', 'vm-1', { 'SMBIOS UUID': '4213A0C2-9D1E-4F00-8A00-000000000001', 'VM UUID': '5013a0c2-9d1e-4f00-8a00-000000000001' }),
      info('b', 'vm-2', { 'SMBIOS UUID': '', 'VM UUID': '5013a0c2-9d1e-4f00-8a00-000000000002' }),
    ])]);
    // THEN
    expect(vm(result, 'a').source?.vmUuid).toBe('4213a0c2-9d1e-4f00-8a00-000000000001');
    expect(vm(result, 'b').source).not.toHaveProperty('vmUuid');
    expect(result.warnings.filter((w) => w.sheet === 'vInfo')).toEqual([]);
  });

  test('take the BIOS UUID from VM UUID in an export from before RVTools 4.3.1 (no SMBIOS UUID, no vSource)', () => {
    // GIVEN a 3.x vInfo
    const { result } = importGrids('old-uuid.xlsx', [grid('vInfo', columns3x(VINFO_4X), [
      info('a', 'vm-1', { 'VM UUID': '4213a0c2-9d1e-4f00-8a00-000000000001' }),
      info('b', 'vm-2', { 'VM UUID': '' }),
    ])]);
    // THEN
    expect(vm(result, 'a').source?.vmUuid).toBe('4213a0c2-9d1e-4f00-8a00-000000000001');
    expect(vm(result, 'b').source).not.toHaveProperty('vmUuid');
  });

  test.each([
    ['a 4.4.1 column', VINFO_4X.filter((c) => c !== 'SMBIOS UUID'), false],
    ['a vSource tab', columns3x(VINFO_4X), true],
  ])('leave the UUID unknown when SMBIOS UUID was trimmed from a 4.3.1+ export (told by %s), with a warning', (_why, columns, withSource) => {
    // GIVEN
    const grids = [grid('vInfo', columns, [info('a', 'vm-1', { 'VM UUID': '5013a0c2-9d1e-4f00-8a00-000000000001' })])];
    if (withSource) {
      grids.push(grid('vSource', VSOURCE_4X, [source]));
    }
    // WHEN
    const { result } = importGrids(`trimmed-${String(withSource)}.xlsx`, grids);
    // THEN
    expect(vm(result, 'a').source).not.toHaveProperty('vmUuid');
    expect(result.warnings).toContainEqual(expect.objectContaining({
      sheet: 'vInfo',
      message: '"SMBIOS UUID" is missing and "VM UUID" holds the vCenter instance UUID in RVTools 4.3.1 and later, not the BIOS UUID MGN '
        + 'matches VMs on: source.vmUuid is left unknown',
    }));
  });

  test('read EFI Secure boot as RVTools and re-saved files write it, warning about other text', () => {
    // GIVEN
    const { result } = importGrids('secure-boot.xlsx', [grid('vInfo', VINFO_4X, [
      info('on', 'vm-1', { 'EFI Secure boot': 'True', 'Firmware': 'efi' }),
      info('off', 'vm-2', { 'EFI Secure boot': 'False' }),
      info('resaved', 'vm-3', { 'EFI Secure boot': true }),
      info('empty', 'vm-4', { 'EFI Secure boot': '' }),
      info('odd', 'vm-5', { 'EFI Secure boot': 'maybe' }),
    ])]);
    // THEN
    expect(result.vms.map((v) => [v.name, v.guest?.secureBoot])).toEqual([
      ['on', true], ['off', false], ['resaved', true], ['empty', undefined], ['odd', undefined],
    ]);
    expect(vm(result, 'empty')).not.toHaveProperty('guest');
    expect(result.warnings.filter((w) => w.sheet === 'vInfo')).toEqual([expect.objectContaining({ row: 6, message: 'odd: EFI Secure boot "maybe" is neither True nor False: left out' })]);
  });

  test('import every NIC of a VM, also more than two and ones without addresses (MGN-NET1 counts them)', () => {
    // GIVEN
    const { result } = importGrids('nics.xlsx', [
      grid('vInfo', VINFO_4X, [info('multi', 'vm-1')]),
      grid('vNetwork', VNETWORK_4X, [nic('multi', 'vm-1', '192.0.2.1'), nic('multi', 'vm-1', undefined), nic('multi', 'vm-1', '192.0.2.1'),
        nic('multi', 'vm-1', '198.51.100.4')]),
    ]);
    // THEN
    expect(vm(result, 'multi').nics).toEqual([
      { ipv4: ['192.0.2.1'], ipv6: [] }, {}, { ipv4: ['192.0.2.1'], ipv6: [] }, { ipv4: ['198.51.100.4'], ipv6: [] },
    ]);
  });
});
