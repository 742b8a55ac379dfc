import { Architecture, DiskFormat, DiskMode, Firmware, Hypervisor, OsFamily } from '../../../lib/plan/model/plan';
import { importRvtools } from '../../../lib/importers/rvtools';
import { ImportResult } from '../../../lib/importers/types';
import { Era, WorkbookStyle, writeWorkbook } from './fixtures/generate';
import { SAMPLE_VMS, sampleUuid, VCENTERS } from './fixtures/samples';
import { tempDir, vm } from './helpers';

const { dir, cleanup } = tempDir();
afterAll(cleanup);

const cases: [WorkbookStyle, Era][] = [['raw', '4x'], ['resaved', '4x'], ['raw', '3x'], ['resaved', '3x']];
const results = new Map<string, ImportResult>();
function result(style: WorkbookStyle, era: Era): ImportResult {
  const key = `${style}-${era}`;
  if (!results.has(key)) {
    results.set(key, importRvtools([writeWorkbook(dir, `${key}.xlsx`, { style, era })]));
  }
  return results.get(key)!;
}

describe.each(cases)('an RVTools workbook, %s style, %s columns', (style, era) => {
  test('reads every VM but the template, in vInfo order, as VMware VMs', () => {
    // WHEN
    const r = result(style, era);
    // THEN
    expect(r.vms.map((v) => v.name)).toEqual([
      'web-01', 'app-2008r2', 'app-2012r2', 'app-2016', 'desk-10', 'db-rhel6', 'db-rhel7', 'web-centos7', 'web-ubuntu',
      'erp-sles12', 'mail-debian8', 'db-ol7', 'fw-freebsd', 'misc-linux', 'web-01',
    ]);
    expect(r.vms.every((v) => v.hypervisor === Hypervisor.VMWARE)).toBe(true);
    expect(r.warnings).toContainEqual(expect.objectContaining({ sheet: 'vInfo', row: 16, message: 'tmpl-rhel7 is a template: skipped' }));
  });

  test('reads the inventory path, the MoRef, the BIOS UUID and the connector of the vCenter', () => {
    // GIVEN the BIOS UUID: SMBIOS UUID in 4.x, VM UUID before 4.3.1 (when it held the BIOS UUID)
    const prefix = era === '4x' ? '4213' : '4211';
    // WHEN
    const web = vm(result(style, era), 'web-01', 'vcenter01.example.com');
    // THEN
    expect(web.source).toEqual({
      vmPath: '/Datacenters/DC1/vm/web/web-01', vmId: 'vm-101', vmManagerId: '5E1F8C2A-0001-4B6E-9C11-000000000001',
      vmUuid: sampleUuid(prefix, { vmId: 'vm-101', vcenter: 'vc1' }),
    });
    expect(vm(result(style, era), 'web-01', 'vcenter02.example.com').source).toEqual({
      vmPath: '/Datacenters/DC2/vm/web-01', vmId: 'vm-101', vmManagerId: '5E1F8C2A-0002-4B6E-9C11-000000000002',
      vmUuid: sampleUuid(prefix, { vmId: 'vm-101', vcenter: 'vc2' }),
    });
  });

  test('leaves the BIOS UUID out when its cell is empty', () => {
    // GIVEN the input above; WHEN it is read; THEN:
    expect(vm(result(style, era), 'misc-linux').source).not.toHaveProperty('vmUuid');
  });

  test('reads Secure Boot from EFI Secure boot (RVTools 4.4.1+), and nothing from an empty cell or an older export', () => {
    // GIVEN the input above; WHEN it is read; THEN:
    const r = result(style, era);
    if (era === '4x') {
      expect(vm(r, 'web-01', 'vcenter01.example.com').guest).toEqual({ secureBoot: true });
      expect(vm(r, 'app-2008r2').guest).toEqual({ secureBoot: false });
      expect(vm(r, 'misc-linux').guest).toBeUndefined();
    } else {
      expect(r.vms.filter((v) => v.guest !== undefined)).toEqual([]);
    }
  });

  test('reads every NIC of a VM, one per vNetwork row', () => {
    // GIVEN the input above; WHEN it is read; THEN:
    const r = result(style, era);
    expect(vm(r, 'db-rhel7').nics).toHaveLength(2);
    expect(r.vms.map((v) => v.nics?.length ?? 0)).toEqual(r.vms.map((v) => SAMPLE_VMS.find((s) => s.name === v.name
      && VCENTERS[s.vcenter].server === v.connector)?.nics?.length ?? 0));
  });

  test('reads the firmware: efi as uefi, bios as bios', () => {
    // GIVEN the input above; WHEN it is read; THEN:
    const r = result(style, era);
    expect(vm(r, 'web-01', 'vcenter01.example.com').firmware).toBe(Firmware.UEFI);
    expect(vm(r, 'app-2008r2').firmware).toBe(Firmware.BIOS);
  });

  test('reads disks: size from MiB, format, mode, and no boot flag or datastore (RVTools has neither)', () => {
    // WHEN
    const disks = vm(result(style, era), 'db-rhel7').disks!;
    // THEN
    expect(disks).toEqual([
      expect.objectContaining({ name: 'Hard disk 1', sizeGiB: 20, format: DiskFormat.VMDK, mode: DiskMode.PERSISTENT }),
      expect.objectContaining({ name: 'Hard disk 2', sizeGiB: 1024, format: DiskFormat.RDM, mode: DiskMode.PERSISTENT }),
      expect.objectContaining({ name: 'Hard disk 3', sizeGiB: 10, format: DiskFormat.VMDK, mode: DiskMode.INDEPENDENT_PERSISTENT }),
      expect.objectContaining({ name: 'Hard disk 4', sizeGiB: 5, format: DiskFormat.VMDK, mode: DiskMode.INDEPENDENT_NONPERSISTENT }),
    ]);
    for (const disk of disks) {
      expect(disk.boot).toBeUndefined();
      expect(disk.datastore).toBeUndefined();
    }
  });

  test('keeps the disks of same-named VMs in different vCenters apart', () => {
    // GIVEN the input above; WHEN it is read; THEN:
    const r = result(style, era);
    expect(vm(r, 'web-01', 'vcenter01.example.com').disks!.map((d) => d.sizeGiB)).toEqual([60, 16]);
    expect(vm(r, 'web-01', 'vcenter02.example.com').disks!.map((d) => d.sizeGiB)).toEqual([12]);
  });

  test('reads NIC addresses, split into IPv4 and IPv6 by their form', () => {
    // GIVEN the input above; WHEN it is read; THEN:
    const r = result(style, era);
    expect(vm(r, 'web-01', 'vcenter01.example.com').nics).toEqual([
      { ipv4: ['192.0.2.11'], ipv6: ['fe80::250:56ff:fe01:101', '2001:db8::11'] },
    ]);
    expect(vm(r, 'web-ubuntu').nics).toEqual([{ ipv4: [], ipv6: ['2001:db8::19'] }]);
    expect(vm(r, 'erp-sles12').nics).toEqual([{ ipv4: ['192.0.2.20', '198.51.100.20'], ipv6: [] }]);
  });

  test('gives a NIC whose address cells are empty no address lists (unknown, not none)', () => {
    // GIVEN the input above; WHEN it is read; THEN:
    const r = result(style, era);
    expect(vm(r, 'db-rhel7').nics).toEqual([{ ipv4: ['192.0.2.17'], ipv6: [] }, {}]);
    expect(vm(r, 'fw-freebsd').nics).toBeUndefined();
  });

  test('reads the OS from the labels, keeping only what they say for certain', () => {
    // GIVEN the input above; WHEN it is read; THEN:
    const r = result(style, era);
    const os = (name: string) => vm(r, name, name === 'web-01' ? 'vcenter01.example.com' : undefined).os;
    expect(os('web-01')).toEqual({ family: OsFamily.WINDOWS, name: 'windows-server', version: '2019', architecture: Architecture.X86_64 });
    expect(os('app-2008r2')).toEqual({ family: OsFamily.WINDOWS, name: 'windows-server', version: '2008 R2', architecture: Architecture.X86_64 });
    expect(os('app-2016')).toEqual({ family: OsFamily.WINDOWS, name: 'windows-server', architecture: Architecture.X86_64 });
    expect(os('desk-10')).toEqual({ family: OsFamily.WINDOWS, name: 'windows-client', version: '10', architecture: Architecture.X86_64 });
    expect(os('db-rhel6')).toEqual({ family: OsFamily.LINUX, name: 'rhel', version: '6', architecture: Architecture.X86_64 });
    expect(os('db-rhel7')).toEqual({ family: OsFamily.LINUX, name: 'rhel', version: '7', architecture: Architecture.X86_64 });
    expect(os('web-centos7')).toEqual({ family: OsFamily.LINUX, name: 'centos', version: '7', architecture: Architecture.X86_64 });
    expect(os('erp-sles12')).toEqual({ family: OsFamily.LINUX, name: 'sles', architecture: Architecture.X86_64 });
    expect(os('mail-debian8')).toEqual({ family: OsFamily.LINUX, name: 'debian', version: '8', architecture: Architecture.X86_64 });
    expect(os('db-ol7')).toEqual({ family: OsFamily.LINUX, name: 'oracle-linux', version: '7', architecture: Architecture.X86_64 });
    expect(os('fw-freebsd')).toEqual({ family: OsFamily.OTHER, name: 'freebsd', architecture: Architecture.X86_64 });
    expect(os('misc-linux')).toEqual({ family: OsFamily.LINUX, architecture: Architecture.X86_64 });
  });

  test('builds one connector per vCenter, with its version and the ESXi versions of its hosts', () => {
    // WHEN
    const connectors = result(style, era).connectors;
    // THEN
    const vcenter = era === '4x' ? ['6.7.0', '6.5.0'] : ['6.7', '6.5'];
    expect(connectors).toEqual([
      { name: 'vcenter01.example.com', hypervisor: Hypervisor.VMWARE, vcenterVersion: vcenter[0], esxiVersions: ['6.5.0', '6.7.0'] },
      { name: 'vcenter02.example.com', hypervisor: Hypervisor.VMWARE, vcenterVersion: vcenter[1], esxiVersions: ['6.0.0'] },
    ]);
    expect(result(style, era).vms.filter((v) => v.connector === 'vcenter02.example.com').map((v) => v.name)).toEqual(['web-01']);
  });

  test('leaves out every fact RVTools does not carry', () => {
    // GIVEN the input above; WHEN it is read; THEN:
    for (const v of result(style, era).vms) {
      expect(Object.keys(v).sort()).toEqual(expect.arrayContaining(['hypervisor', 'name']));
      for (const key of ['wave', 'replication', 'acknowledge', 'generation', 'createdByP2V', 'application', 'mgn']) {
        expect(v).not.toHaveProperty(key);
      }
      // Of the guest facts, RVTools knows only Secure Boot.
      expect(Object.keys(v.guest ?? {}).filter((key) => key !== 'secureBoot')).toEqual([]);
      for (const nic of v.nics ?? []) {
        expect(nic).not.toHaveProperty('addressing');
      }
    }
  });
});

describe('4.x workbooks', () => {
  test.each(['raw', 'resaved'] as const)('%s: place volumes on the disk their Disk Key names, with size and free space in GiB', (style) => {
    // WHEN
    const r = result(style, '4x');
    // THEN
    expect(vm(r, 'web-01', 'vcenter01.example.com').disks!.map((d) => d.volumes)).toEqual([
      [{ mount: 'C:\\', sizeGiB: 61338 / 1024, freeGiB: 20 }],
      [{ mount: 'D:\\', sizeGiB: 16382 / 1024, freeGiB: 8191 / 1024 }],
    ]);
    expect(vm(r, 'db-rhel7').disks![0].volumes).toEqual([{ mount: '/', sizeGiB: 18, freeGiB: 9 }, { mount: '/boot', sizeGiB: 1, freeGiB: 0.5 }]);
  });

  test.each(['raw', 'resaved'] as const)('%s: take the exact release from Guest Detailed Data', (style) => {
    // GIVEN the input above; WHEN it is read; THEN:
    const r = result(style, '4x');
    expect(vm(r, 'web-ubuntu').os).toEqual({
      family: OsFamily.LINUX, name: 'ubuntu', version: '16.04', architecture: Architecture.X86_64, kernel: '4.4.0-210-generic',
    });
    expect(vm(r, 'app-2012r2').os).toEqual({
      family: OsFamily.WINDOWS, name: 'windows-server', version: '2012 R2', edition: 'standard', architecture: Architecture.X86_64,
    });
  });

  test('raw: invent no value from the empty cells RVTools writes as t="s" without a value (shared string 0 is "VM")', () => {
    // GIVEN the input above; WHEN it is read; THEN:
    expect(JSON.stringify(result('raw', '4x'))).not.toMatch(/"VM"|"VM\//);
    expect(vm(result('raw', '4x'), 'db-ol7').os).toEqual({ family: OsFamily.LINUX, name: 'oracle-linux', version: '7', architecture: Architecture.X86_64 });
  });

  test('warn about nothing but the template', () => {
    // GIVEN the input above; WHEN it is read; THEN:
    expect(result('raw', '4x').warnings).toEqual([
      { file: expect.stringMatching(/raw-4x\.xlsx$/), sheet: 'vInfo', row: 16, message: 'tmpl-rhel7 is a template: skipped' },
    ]);
  });
});

describe('3.x workbooks', () => {
  test.each(['raw', 'resaved'] as const)('%s: leave out the volumes of VMs with several disks, one warning per VM (no Disk Key before RVTools 4.1.2)', (style) => {
    // WHEN
    const r = result(style, '3x');
    // THEN
    expect(r.vms.flatMap((v) => v.disks ?? []).some((d) => d.volumes !== undefined)).toBe(false);
    expect(r.warnings.filter((w) => w.sheet === 'vPartition').map((w) => w.message)).toEqual([
      'column "Disk Key" (which disk holds the volume, for VMs with several disks) is missing from vPartition: these facts are left unknown',
      'web-01: 2 volumes (C:\\, D:\\) left out: no Disk Key says which of its 2 disks holds them',
      'db-rhel7: 2 volumes (/, /boot) left out: no Disk Key says which of its 4 disks holds them',
    ]);
  });

  test.each(['raw', 'resaved'] as const)('%s: use the Tools label without Guest Detailed Data (Ubuntu labels carry no release)', (style) => {
    // GIVEN the input above; WHEN it is read; THEN:
    expect(vm(result(style, '3x'), 'web-ubuntu').os).toEqual({ family: OsFamily.LINUX, name: 'ubuntu', architecture: Architecture.X86_64 });
    expect(vm(result(style, '3x'), 'app-2012r2').os).toEqual({ family: OsFamily.WINDOWS, name: 'windows-server', architecture: Architecture.X86_64 });
  });

  test('take the vCenters from VI SDK Server without a vSource sheet, and say so', () => {
    // GIVEN the input above; WHEN it is read; THEN:
    expect(result('raw', '3x').warnings).toContainEqual(expect.objectContaining({ message: expect.stringMatching(/^no vSource sheet: the vCenters are taken from "VI SDK Server"/) }));
  });
});
