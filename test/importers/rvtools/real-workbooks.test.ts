import * as fs from 'fs';
import * as path from 'path';
import { importRvtools } from '../../../lib/importers/rvtools';
import { ImportSource } from '../../../lib/importers/import-source';
import { mergeIntoPlan } from '../../../lib/importers/merge';
import { ImportResult } from '../../../lib/importers/types';
import { Architecture, OsFamily } from '../../../lib/plan/model/plan';
import { assessPlan } from '../../../lib/rules/packs';
import { VDISK_4X, VHOST_4X, VINFO_4X, VNETWORK_4X, VPARTITION_4X, VSOURCE_4X } from './fixtures/columns';
import { grid, Grid, xlsxFromGrids } from './fixtures/generate';
import { RowRecord } from './fixtures/samples';
import { tempDir, vm } from './helpers';

/**
 * Cases seen in real RVTools 4.7 workbooks, each rebuilt in a made-up raw-style workbook (empty cells
 * written as `t="s"` cells without a value, as RVTools writes them; shared string 0 is the header `VM`).
 */

const { dir, cleanup } = tempDir();
afterAll(cleanup);

const VC1 = { 'VI SDK Server': 'vc1.example.com', 'VI SDK UUID': '5E1F8C2A-0001-4B6E-9C11-00000000000A' };
const VC2 = { 'VI SDK Server': 'vc2.example.com', 'VI SDK UUID': '5E1F8C2A-0002-4B6E-9C11-00000000000B' };
type Vc = typeof VC1;

/** The columns every VM tab repeats, every text cell filled in or written empty (never left out). */
function vmCells(name: string, vmId: string, vc: Vc, extra: RowRecord = {}): RowRecord {
  return {
    'VM': name, 'VM ID': vmId, 'Powerstate': 'poweredOn', 'Template': 'False', 'SRM Placeholder': 'False', 'Datacenter': 'DC1',
    'Cluster': 'CL1', 'Host': 'esx01.example.com', 'Folder': '', 'Annotation': '', 'OS according to the configuration file': '',
    'OS according to the VMware Tools': '', ...vc, ...extra,
  };
}
const info = (name: string, vmId: string, vc: Vc, extra: RowRecord = {}): RowRecord => ({
  ...vmCells(name, vmId, vc), 'CPUs': 2, 'Memory': 4096, 'Firmware': 'bios', 'Guest Detailed Data': '', 'DNS Name': '', 'Primary IP Address': '',
  'VI SDK Server type': 'VirtualCenter', 'VI SDK API Version': '7.0.3', ...extra,
});
const disk = (name: string, vmId: string, vc: Vc, key: string, extra: RowRecord = {}): RowRecord => ({
  ...vmCells(name, vmId, vc), 'Disk': `Hard disk ${key === '' ? 1 : Number(key) - 1999}`, 'Disk Key': key, 'Capacity MiB': 20480,
  'Raw': 'False', 'Disk Mode': 'persistent', 'Raw LUN ID': '', 'Path': `[ds1] ${name}/${name}.vmdk`, ...extra,
});
const partition = (name: string, vmId: string, vc: Vc, mount: string, key: string, freeMiB: number): RowRecord => ({
  ...vmCells(name, vmId, vc), 'Disk': mount, 'Disk Key': key, 'Capacity MiB': 10240, 'Consumed MiB': 10240 - freeMiB, 'Free MiB': freeMiB,
});
const nic = (name: string, vmId: string, vc: Vc, ipv4: string): RowRecord => ({
  ...vmCells(name, vmId, vc), 'Adapter': 'Vmxnet3', 'Mac Address': '00:50:56:00:00:01', 'Network': 'VM Network', 'IPv4 Address': ipv4, 'IPv6 Address': '',
});
const host = (name: string, vc: Vc, esx: string): RowRecord => ({ 'Host': name, 'Datacenter': 'DC1', '# CPU': 2, 'ESX Version': esx, ...vc });
const vsource = (vc: Vc, version: string): RowRecord => ({
  // Real exports hold the product name in Name, the same for every vCenter.
  'Name': 'VMware vCenter Server', 'API type': 'VirtualCenter', 'API version': '7.0.3.0', 'Version': version, 'Build': '21477706',
  'Fullname': `VMware vCenter Server ${version} build-21477706`, 'Patch level': '', ...vc,
});

function importGrids(name: string, grids: Grid[]): { file: string; result: ImportResult } {
  const file = path.join(dir, name);
  fs.writeFileSync(file, xlsxFromGrids(grids, 'raw'));
  return { file, result: importRvtools([file]) };
}

/** Every string value anywhere in a value. */
function strings(value: unknown): string[] {
  if (typeof value === 'string') {
    return [value];
  }
  if (Array.isArray(value)) {
    return value.flatMap(strings);
  }
  return value !== null && typeof value === 'object' ? Object.values(value).flatMap(strings) : [];
}

describe('a raw RVTools 4.7 workbook with empty text cells', () => {
  // GIVEN a VM whose Folder, Tools OS, Guest Detailed Data, Disk Key and address cells are all empty
  const { result } = importGrids('empty-cells.xlsx', [
    grid('vInfo', VINFO_4X, [info('app-01', 'vm-1', VC1, { 'OS according to the configuration file': 'Red Hat Enterprise Linux 8 (64-bit)' })]),
    grid('vDisk', VDISK_4X, [disk('app-01', 'vm-1', VC1, '')]),
    grid('vPartition', VPARTITION_4X, [partition('app-01', 'vm-1', VC1, '/', '', 5120)]),
    grid('vNetwork', VNETWORK_4X, [nic('app-01', 'vm-1', VC1, '')]),
    grid('vHost', VHOST_4X, [host('esx01.example.com', VC1, 'VMware ESXi 7.0.3 build-21930508')]),
    grid('vSource', VSOURCE_4X, [vsource(VC1, '7.0.3')]),
  ]);

  test('invents no value: nothing reads as the first shared string', () => {
    // THEN
    expect(strings(result.vms)).not.toContain('VM');
    expect(strings(result.connectors)).not.toContain('VM');
    expect(result.warnings).toEqual([]);
  });

  test('reads each empty cell as unknown: no path, the configuration label, the volume on the only disk, no addresses', () => {
    // WHEN
    const app = vm(result, 'app-01');
    // THEN
    expect(app.source).toEqual({ vmId: 'vm-1', vmManagerId: VC1['VI SDK UUID'] });
    expect(app.os).toEqual({ family: OsFamily.LINUX, name: 'rhel', version: '8', architecture: Architecture.X86_64 });
    expect(app.disks).toEqual([{ name: 'Hard disk 1', sizeGiB: 20, format: 'vmdk', mode: 'persistent', volumes: [{ mount: '/', sizeGiB: 10, freeGiB: 5 }] }]);
    expect(app.nics).toEqual([{}]);
  });

  test('lets the free-space rule judge the root volume RVTools knows', () => {
    // WHEN
    const plan = mergeIntoPlan(undefined, result, { source: ImportSource.RVTOOLS }).plan;
    const findings = assessPlan(plan).vms[0].findings;
    // THEN SMS-FREE1 passes: it is neither unknown nor failed
    expect(findings.map((f) => f.rule)).not.toContain('SMS-FREE1');
  });
});

describe('a missing optional column', () => {
  test('leaves its facts unknown with one warning per tab, and never aborts the import', () => {
    // GIVEN vInfo without Firmware and Guest Detailed Data, vHost without ESX Version (a trimmed export)
    const without = (columns: readonly string[], ...drop: string[]) => columns.filter((c) => !drop.includes(c));
    const { file, result } = importGrids('trimmed.xlsx', [
      grid('vInfo', without(VINFO_4X, 'Firmware', 'Guest Detailed Data'), [info('app-01', 'vm-1', VC1)]),
      grid('vHost', without(VHOST_4X, 'ESX Version'), [host('esx01.example.com', VC1, '')]),
      grid('vSource', VSOURCE_4X, [vsource(VC1, '7.0.3')]),
    ]);
    // THEN
    expect(result.vms.map((v) => [v.name, v.firmware])).toEqual([['app-01', undefined]]);
    expect(result.connectors).toEqual([{ name: 'vc1.example.com', hypervisor: 'vmware', vcenterVersion: '7.0.3' }]);
    expect(result.warnings.filter((w) => w.sheet !== undefined)).toEqual([
      { file, sheet: 'vInfo', message: 'columns "Firmware" (firmware), "Guest Detailed Data" (exact OS release and kernel) are missing from vInfo: '
        + 'these facts are left unknown' },
      { file, sheet: 'vHost', message: 'column "ESX Version" (ESXi versions of the connector) is missing from vHost: these facts are left unknown' },
    ]);
  });
});

test('a vHost CSV export without ESX Version is still told from its headers, and imported', () => {
  // GIVEN CSV exports under names of their own
  const csvDir = path.join(dir, 'csv-trimmed');
  fs.mkdirSync(csvDir);
  const csv = (columns: readonly string[], row: RowRecord) => `${columns.join(',')}\r\n${columns.map((c) => String(row[c] ?? '')).join(',')}\r\n`;
  const hostColumns = VHOST_4X.filter((c) => c !== 'ESX Version');
  fs.writeFileSync(path.join(csvDir, 'vms.csv'), csv(VINFO_4X, info('app-01', 'vm-1', VC1)));
  fs.writeFileSync(path.join(csvDir, 'hosts.csv'), csv(hostColumns, host('esx01.example.com', VC1, '')));
  // WHEN
  const result = importRvtools([csvDir]);
  // THEN
  expect(result.vms.map((v) => v.name)).toEqual(['app-01']);
  expect(result.warnings).toContainEqual(expect.objectContaining({ sheet: 'vHost', message: expect.stringMatching(/^column "ESX Version" .* is missing from vHost/) }));
});

describe('two vCenters', () => {
  // GIVEN one export per vCenter, both with "VMware vCenter Server" as vSource's Name, and the same MoRef in each
  const export1 = importGrids('vc1.xlsx', [
    grid('vInfo', VINFO_4X, [info('web-01', 'vm-101', VC1)]),
    grid('vHost', VHOST_4X, [host('esx01.example.com', VC1, 'VMware ESXi 7.0.3 build-21930508')]),
    grid('vSource', VSOURCE_4X, [vsource(VC1, '7.0.3')]),
  ]).result;
  const export2 = importGrids('vc2.xlsx', [
    grid('vInfo', VINFO_4X, [info('web-02', 'vm-101', VC2)]),
    grid('vHost', VHOST_4X, [host('esx11.example.com', VC2, 'VMware ESXi 6.7.0 build-16316930')]),
    grid('vSource', VSOURCE_4X, [vsource(VC2, '6.7.0')]),
  ]).result;

  test('imported into one plan stay two connectors, each VM with its own vCenter and hosts', () => {
    // WHEN the second export is merged into the plan of the first (--into)
    const first = mergeIntoPlan(undefined, export1, { source: ImportSource.RVTOOLS }).plan;
    const { plan, summary } = mergeIntoPlan(first, export2, { source: ImportSource.RVTOOLS });
    // THEN
    expect(plan.connectors).toEqual([
      { name: 'vc1.example.com', hypervisor: 'vmware', vcenterVersion: '7.0.3', esxiVersions: ['7.0.3'] },
      { name: 'vc2.example.com', hypervisor: 'vmware', vcenterVersion: '6.7.0', esxiVersions: ['6.7.0'] },
    ]);
    expect(plan.vms.map((v) => [v.name, v.connector, v.source?.vmManagerId])).toEqual([
      ['web-01', 'vc1.example.com', VC1['VI SDK UUID']],
      ['web-02', 'vc2.example.com', VC2['VI SDK UUID']],
    ]);
    expect(summary.added).toEqual(['web-02']);
  });

  test('in one workbook stay two connectors', () => {
    // GIVEN
    const { result } = importGrids('both.xlsx', [
      grid('vInfo', VINFO_4X, [info('web-01', 'vm-101', VC1), info('web-02', 'vm-101', VC2)]),
      grid('vHost', VHOST_4X, [host('esx01.example.com', VC1, 'VMware ESXi 7.0.3 build-1'), host('esx11.example.com', VC2, 'VMware ESXi 6.7.0 build-2')]),
      grid('vSource', VSOURCE_4X, [vsource(VC1, '7.0.3'), vsource(VC2, '6.7.0')]),
    ]);
    // THEN
    expect(result.connectors.map((c) => [c.name, c.vcenterVersion, c.esxiVersions])).toEqual([
      ['vc1.example.com', '7.0.3', ['7.0.3']], ['vc2.example.com', '6.7.0', ['6.7.0']],
    ]);
    expect(result.vms.map((v) => v.connector)).toEqual(['vc1.example.com', 'vc2.example.com']);
  });
});

describe('the OS when the Tools label says nothing usable', () => {
  test.each([
    ['empty', '', 'Microsoft Windows Server 2019 (64-bit)', { family: OsFamily.WINDOWS, name: 'windows-server', version: '2019', architecture: Architecture.X86_64 }],
    ['junk: false', 'false', 'Red Hat Enterprise Linux 7 (64-bit)', { family: OsFamily.LINUX, name: 'rhel', version: '7', architecture: Architecture.X86_64 }],
    ['junk: an adapter name', 'Network adapter 1', 'CentOS 7 (64-bit)', { family: OsFamily.LINUX, name: 'centos', version: '7', architecture: Architecture.X86_64 }],
    ['unknown to the importer', 'Acme OS 3', 'Debian GNU/Linux 11 (64-bit)', { family: OsFamily.LINUX, name: 'debian', version: '11', architecture: Architecture.X86_64 }],
    ['free text that agrees', 'CentOS Linux release 7.9', 'CentOS 7 (64-bit)', { family: OsFamily.LINUX, name: 'centos', version: '7', architecture: Architecture.X86_64 }],
  ])('%s: takes what the configuration label states for certain', (_case, tools, config, expected) => {
    // GIVEN
    const { result } = importGrids(`os-${_case.replace(/\W+/g, '-')}.xlsx`, [grid('vInfo', VINFO_4X, [info('a', 'vm-1', VC1, {
      'OS according to the VMware Tools': tools, 'OS according to the configuration file': config,
    })])]);
    // THEN
    expect(vm(result, 'a').os).toEqual(expected);
  });

  test('keeps only the Tools text\'s own facts when it contradicts the configuration label', () => {
    // GIVEN the guest reports Windows, the configuration still says Linux
    const { result } = importGrids('os-conflict.xlsx', [grid('vInfo', VINFO_4X, [info('a', 'vm-1', VC1, {
      'OS according to the VMware Tools': 'Windows Storage Server', 'OS according to the configuration file': 'Red Hat Enterprise Linux 7 (64-bit)',
    })])]);
    // THEN
    expect(vm(result, 'a').os).toEqual({ family: OsFamily.WINDOWS });
  });
});

describe('volumes', () => {
  test('reach the plan by Disk Key or the only disk; otherwise one warning per VM, and one line for hosts', () => {
    // GIVEN a one-disk VM without Disk Key column values, a two-disk VM with keys, a two-disk VM without,
    // and three hosts without an ESX version
    const { file, result } = importGrids('volumes.xlsx', [
      grid('vInfo', VINFO_4X, [info('one', 'vm-1', VC1), info('keyed', 'vm-2', VC1), info('unkeyed', 'vm-3', VC1)]),
      grid('vDisk', VDISK_4X, [
        disk('one', 'vm-1', VC1, ''),
        disk('keyed', 'vm-2', VC1, '2000'), disk('keyed', 'vm-2', VC1, '2001'),
        disk('unkeyed', 'vm-3', VC1, '2000'), disk('unkeyed', 'vm-3', VC1, '2001'),
      ]),
      grid('vPartition', VPARTITION_4X, [
        partition('one', 'vm-1', VC1, 'C:\\', '', 8192), partition('one', 'vm-1', VC1, 'E:\\', '', 1024),
        partition('keyed', 'vm-2', VC1, '/', '2000', 2048), partition('keyed', 'vm-2', VC1, '/data', '2001', 4096),
        partition('unkeyed', 'vm-3', VC1, '/', '', 2048), partition('unkeyed', 'vm-3', VC1, '/data', '', 4096), partition('unkeyed', 'vm-3', VC1, '/var', '', 1024),
      ]),
      grid('vHost', VHOST_4X, ['esx01', 'esx02', 'esx03', 'esx04', 'esx05'].map((h, i) => host(`${h}.example.com`, VC1, i === 0 ? 'VMware ESXi 7.0.3 build-1' : ''))),
      grid('vSource', VSOURCE_4X, [vsource(VC1, '7.0.3')]),
    ]);
    // THEN
    expect(vm(result, 'one').disks![0].volumes!.map((v) => [v.mount, v.freeGiB])).toEqual([['C:\\', 8], ['E:\\', 1]]);
    expect(vm(result, 'keyed').disks!.map((d) => d.volumes!.map((v) => v.mount))).toEqual([['/'], ['/data']]);
    expect(vm(result, 'unkeyed').disks!.every((d) => d.volumes === undefined)).toBe(true);
    expect(result.warnings.filter((w) => w.sheet !== undefined)).toEqual([
      { file, sheet: 'vPartition', row: 6, message: 'unkeyed: 3 volumes (/, /data, /var) left out: no Disk Key says which of its 2 disks holds them' },
      { file, sheet: 'vHost', message: '4 hosts have no version number in "ESX Version": their ESXi versions are left out '
        + '(esx02.example.com, esx03.example.com, esx04.example.com and 1 more)' },
    ]);
  });
});

describe('the identity SMS matches', () => {
  test.each([
    ['/DC1/vm/web/prod', '/Datacenters/DC1/vm/web/prod/a'],
    ['DC1/vm/web', '/Datacenters/DC1/vm/web/a'],
    ['/DC1/vm', '/Datacenters/DC1/vm/a'],
    ['/DC1/vm/web/', '/Datacenters/DC1/vm/web/a'],
    ['/Datacenters/DC1/vm/web', '/Datacenters/DC1/vm/web/a'],
  ])('builds source.vmPath as the catalog writes it from Datacenter and a Folder anchored at it (%s)', (folder, expected) => {
    // GIVEN
    const { result } = importGrids('path-ok.xlsx', [grid('vInfo', VINFO_4X, [info('a', 'vm-1', VC1, { Folder: folder })])]);
    // THEN
    expect(vm(result, 'a').source?.vmPath).toBe(expected);
  });

  test.each([
    ['an empty Folder', { Folder: '' }],
    ['a bare folder name', { Folder: 'web' }],
    ['a path not anchored at the datacenter', { Folder: '/web/prod' }],
    ['another datacenter', { Folder: '/DC2/vm/web' }],
    ['no Datacenter', { Folder: '/DC1/vm/web', Datacenter: '' }],
    ['an empty folder in the path', { Folder: '/DC1/vm//web' }],
  ])('leaves source.vmPath out for %s', (_case, extra) => {
    // GIVEN
    const { result } = importGrids('path-none.xlsx', [grid('vInfo', VINFO_4X, [info('a', 'vm-1', VC1, extra)])]);
    // THEN
    expect(vm(result, 'a').source).toEqual({ vmId: 'vm-1', vmManagerId: VC1['VI SDK UUID'] });
  });
});
