import * as path from 'path';
import { importSmsCatalog } from '../../lib/importers/sms-catalog';
import { ImportError } from '../../lib/importers/types';
import { exportDir, getServersResponse, removeExportDirs, writeExport } from './exports';

afterAll(removeExportDirs);

function catalogFile(data: unknown, name = 'servers.json'): string {
  return writeExport(name, `${JSON.stringify(data, null, 2)}\n`);
}

/** The ImportError an import throws, for its issues. */
function importError(file: string): ImportError {
  try {
    importSmsCatalog(file);
  } catch (e) {
    if (e instanceof ImportError) {
      return e;
    }
    throw e;
  }
  throw new Error('expected an ImportError');
}

describe('facts of a GetServers response', () => {
  test('reads each server as a VM with its name, hypervisor and source ids', () => {
    // GIVEN a response with one vSphere VM
    const file = catalogFile(getServersResponse([
      { serverId: 's-12345678', name: 'web-01', vmId: 'vm-1042', vmPath: '/Datacenters/DC1/vm/web/web-01' },
    ]));
    // WHEN
    const result = importSmsCatalog(file);
    // THEN
    expect(result).toEqual({
      vms: [{
        name: 'web-01',
        hypervisor: 'vmware',
        source: { serverId: 's-12345678', vmPath: '/Datacenters/DC1/vm/web/web-01', vmId: 'vm-1042', vmManagerId: '5e0a1c77-1d0e-4bb4-9b8f-000000000001' },
      }],
      connectors: [],
      warnings: [],
    });
  });

  test.each([
    ['VSPHERE', 'vmware'],
    ['vSphere', 'vmware'],
    ['vsphere', 'vmware'],
    ['SCVMM', 'hyperv'],
    ['HYPERV-MANAGER', 'hyperv'],
    ['HyperV-Manager', 'hyperv'],
    ['Hyper-V Manager', 'hyperv'],
  ])('reads vmManagerType %s as hypervisor %s (wire values and the CLI\'s enum names)', (managerType, hypervisor) => {
    const file = catalogFile(getServersResponse([{ serverId: 's-1', name: 'a', vmId: 'x', managerType }]));
    expect(importSmsCatalog(file).vms[0].hypervisor).toBe(hypervisor);
  });

  test('reads several pages given as an array of responses, skipping a server repeated by overlapping pages', () => {
    // GIVEN two pages; the second repeats s-2
    const file = catalogFile([
      getServersResponse([{ serverId: 's-1', name: 'a', vmId: 'vm-1' }, { serverId: 's-2', name: 'b', vmId: 'vm-2' }], { nextToken: 'abc' }),
      getServersResponse([{ serverId: 's-2', name: 'b', vmId: 'vm-2' }, { serverId: 's-3', name: 'c', vmId: 'vm-3' }]),
    ]);
    // WHEN
    const result = importSmsCatalog(file);
    // THEN every server once, in file order; the repeat is a warning naming its line
    expect(result.vms.map((vm) => vm.name)).toEqual(['a', 'b', 'c']);
    expect(result.warnings.map((w) => w.message)).toEqual([
      'the response has a nextToken: more pages exist that this file does not hold',
      'b: server s-2 appears again (overlapping pages?): the repeat is skipped',
    ]);
    expect(result.warnings[1].row).toBeGreaterThan(1);
  });

  test('reads a bare server list (aws sms get-servers --query serverList)', () => {
    const response = getServersResponse([{ serverId: 's-1', name: 'a', vmId: 'vm-1' }]);
    const file = catalogFile(response.serverList);
    expect(importSmsCatalog(file).vms).toEqual([{ name: 'a', hypervisor: 'vmware', source: { serverId: 's-1', vmId: 'vm-1', vmManagerId: '5e0a1c77-1d0e-4bb4-9b8f-000000000001' } }]);
  });

  test('skips a server without a name or with an unknown vmManagerType, with a warning at its line', () => {
    // GIVEN a good server, one without vmName (line 5 of this compact layout), one of an unknown manager
    const text = [
      '{"serverList": [',
      '  {"serverId": "s-1", "vmServer": {"vmName": "ok", "vmManagerType": "VSPHERE"}},',
      '  {"serverId": "s-2", "vmServer": {"vmManagerType": "VSPHERE"}},',
      '  {"serverId": "s-3", "vmServer": {"vmName": "kvm-01", "vmManagerType": "KVM"}}',
      ']}',
    ].join('\n');
    const file = writeExport('servers.json', text);
    // WHEN
    const result = importSmsCatalog(file);
    // THEN
    expect(result.vms.map((vm) => vm.name)).toEqual(['ok']);
    expect(result.warnings).toEqual([
      { file, row: 3, message: 's-2 has no vmServer.vmName: skipped' },
      { file, row: 4, message: 'kvm-01 (s-3) has vmManagerType "KVM", expected VSPHERE, SCVMM or HYPERV-MANAGER: skipped' },
    ]);
  });

  test('warns when the catalog is not AVAILABLE', () => {
    const file = catalogFile(getServersResponse([{ serverId: 's-1', name: 'a', vmId: 'vm-1' }], { serverCatalogStatus: 'IMPORTING' }));
    expect(importSmsCatalog(file).warnings).toEqual([
      { file, row: 1, message: 'serverCatalogStatus is IMPORTING, not AVAILABLE: the server list may be missing or incomplete' },
    ]);
  });

  test('reads a UTF-16 file with a BOM (what `>` writes in Windows PowerShell 5.1)', () => {
    const json = JSON.stringify(getServersResponse([{ serverId: 's-1', name: 'wëb-01', vmId: 'vm-1' }]));
    const file = writeExport('servers.json', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(json, 'utf16le')]));
    expect(importSmsCatalog(file).vms[0].name).toBe('wëb-01');
  });

  test('leaves out the source ids the server does not give', () => {
    const file = catalogFile({ serverList: [{ vmServer: { vmName: 'bare', vmManagerType: 'SCVMM' } }] });
    expect(importSmsCatalog(file).vms).toEqual([{ name: 'bare', hypervisor: 'hyperv' }]);
  });
});

describe('files that are not a GetServers output', () => {
  test('fails when the file is empty (0 bytes)', () => {
    const file = writeExport('servers.json', '');
    expect(importError(file).issues).toEqual([{ file, message: 'file is empty (0 bytes)' }]);
  });

  test('fails when the file does not exist', () => {
    const file = path.join(exportDir(), 'missing.json');
    expect(importError(file).message).toBe(`${file}: file not found`);
  });

  test('fails on invalid JSON, naming the line and column', () => {
    const file = writeExport('servers.json', '{\n  "serverList": [\n    {"serverId": "s-1",}\n  ]\n}\n');
    const error = importError(file);
    expect(error.issues).toHaveLength(1);
    expect(error.issues[0].row).toBe(3);
    expect(error.message).toMatch(new RegExp(`^${escape(file)}:3: invalid JSON: .*\\(line 3, column \\d+\\)$`));
  });

  test('fails on several responses written one after another, saying to put them in an array', () => {
    const page = JSON.stringify(getServersResponse([{ serverId: 's-1', name: 'a', vmId: 'vm-1' }]));
    const file = writeExport('servers.json', `${page}\n${page}\n`);
    expect(importError(file).message).toMatch(/several JSON documents one after another; put them in one JSON array$/);
  });

  test('fails on JSON that is not a GetServers response', () => {
    const file = catalogFile({ vms: [] });
    expect(importError(file).message).toBe(`${file}: not an SMS GetServers output (aws sms get-servers): `
      + 'expected an object with "serverList", or an array of them, got an object');
  });

  test('fails when serverList is not an array', () => {
    const file = writeExport('servers.json', '{\n  "serverList": {"serverId": "s-1"}\n}\n');
    expect(importError(file).message).toBe(`${file}:2: serverList is an object, expected an array of servers`);
  });

  test('fails on a server that is not an object', () => {
    const file = writeExport('servers.json', '{"serverList": [\n  "s-1"\n]}\n');
    expect(importError(file).message).toBe(`${file}:2: a server is string "s-1", expected an object with serverId and vmServer`);
  });

  test('fails on an Excel workbook', () => {
    const file = writeExport('servers.json', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0]));
    expect(importError(file).message).toBe(`${file}: file is a zip archive or an Excel workbook, not a CSV or JSON export`);
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
