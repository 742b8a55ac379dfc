import * as fs from 'fs';
import * as path from 'path';
import {
  exportDir, getServersResponse, getVmCsv, hypervEstate, psCsv, removeExportDirs, writeExport, writeHypervExports,
} from '../importers/exports';
import { changedEstate, expectInputError, filesIn, handEdits, importedPlan, removeTempDirs, run, tempDir } from './helpers';

// Input that `import` refuses: exit 2, a message, and no plan file written or changed.

afterAll(() => {
  removeTempDirs();
  removeExportDirs();
});

describe('input that cannot be imported', () => {
  /**
   * Runs an import into a plan file that must not change, and checks what every such run must do:
   * exit 2, a message without a stack trace, the --into file byte-identical, no file added beside it.
   * Returns stderr.
   */
  function rejected(args: readonly string[]): string {
    const into = importedPlan('plan.json', handEdits);
    const dir = path.dirname(into);
    const before = fs.readFileSync(into);
    const result = run([...args, '--into', into]);
    expectInputError(result);
    expect(fs.readFileSync(into)).toEqual(before);
    expect(filesIn(dir)).toEqual(['plan.json']);
    return result.stderr;
  }

  test('fails on an empty (0-byte) export', () => {
    const [vms, drives] = writeHypervExports(hypervEstate());
    const empty = writeExport('vhds.csv', '');
    expect(rejected(['import', 'hyperv', vms, drives, empty])).toBe(`${empty}: file is empty (0 bytes)\n`);
  });

  test('fails on an empty (0-byte) catalog', () => {
    const empty = writeExport('servers.json', '');
    expect(rejected(['import', 'sms-catalog', empty])).toBe(`${empty}: file is empty (0 bytes)\n`);
  });

  test('fails on an export that does not exist', () => {
    const missing = path.join(exportDir(), 'vms.csv');
    expect(rejected(['import', 'hyperv', missing])).toBe(`${missing}: file not found\n`);
  });

  test('fails on a CSV of the wrong kind, naming the file, the header row and the headers found', () => {
    const vinfo = writeExport('vInfo.csv', psCsv(['VM', 'Powerstate', 'Template'], [['web-01', 'poweredOn', 'False']]));
    expect(rejected(['import', 'hyperv', vinfo])).toMatch(
      new RegExp(`^${escape(vinfo)}:1: not a Hyper-V or SCVMM export \\(found headers "VM", "Powerstate", "Template"\\): expected .*import rvtools\`\n$`));
  });

  test('fails on an invalid JSON catalog, naming the line', () => {
    const catalog = writeExport('servers.json', '{\n  "serverList": [\n    {"serverId": "s-1"\n  ]\n}\n');
    expect(rejected(['import', 'sms-catalog', catalog])).toMatch(new RegExp(`^${escape(catalog)}:4: invalid JSON: .*\\(line 4, column 3\\)\n$`));
  });

  test('fails on a missing column, naming it', () => {
    const vms = writeExport('vms.csv', getVmCsv(hypervEstate()));
    const vhds = writeExport('vhds.csv', psCsv(['VhdFormat', 'VhdType', 'Size'], [['VHDX', 'Dynamic', '1']]));
    expect(rejected(['import', 'hyperv', vms, vhds]))
      .toBe(`${vhds}:1: column "Path": missing column: a Get-VHD export needs it to join each disk to its drive\n`);
  });

  test('fails on several bad files at once, each reported', () => {
    const dir = exportDir();
    const empty = writeExport('empty.csv', '', dir);
    const missing = path.join(dir, 'missing.csv');
    expect(rejected(['import', 'hyperv', empty, missing])).toBe(`${empty}: file is empty (0 bytes)\n${missing}: file not found\n`);
  });

  test('fails on a catalog with no VMs', () => {
    const catalog = writeExport('servers.json', JSON.stringify(getServersResponse([])));
    expect(rejected(['import', 'sms-catalog', catalog])).toBe(`${catalog}: no VMs found: nothing to import\n`);
  });

  test('fails on an import that would give two VMs one name', () => {
    // GIVEN a Hyper-V export with a VM named like a plan VM but with another VM id, and the plan VM already matched
    const estate = hypervEstate();
    const twin = { ...estate[1], vmId: '0a1b2c3d-0000-4000-8000-0000000000ff' };
    const stderr = rejected(['import', 'hyperv', writeExport('vms.csv', getVmCsv([...estate, twin]))]);
    expect(stderr).toMatch(/^\S*plan\.json: VM "db-01" /);
    expect(stderr).toContain(`VM "db-01" (vmId ${twin.vmId}) matches no VM of the plan, but the plan already has a VM of that name, "db-01"`);
  });

  test('fails on an --into plan that is not valid, naming the field', () => {
    // GIVEN a plan with a typo
    const dir = tempDir();
    const into = path.join(dir, 'plan.json');
    fs.writeFileSync(into, '{\n  "version": 1,\n  "vms": [{ "name": "a", "hypervisor": "hyper-v" }]\n}\n');
    const before = fs.readFileSync(into);
    // WHEN
    const result = run(['import', 'hyperv', writeExport('vms.csv', getVmCsv(hypervEstate())), '--into', into]);
    // THEN
    expectInputError(result);
    expect(result.stderr).toMatch(new RegExp(`^${escape(into)}:3:\\d+: vms\\[0\\]\\.hypervisor: `));
    expect(fs.readFileSync(into)).toEqual(before);
    expect(filesIn(dir)).toEqual(['plan.json']);
  });

  test('fails on an --into plan that does not exist, saying how to write a new one', () => {
    const dir = tempDir();
    const into = path.join(dir, 'plan.json');
    const result = run(['import', 'hyperv', ...writeHypervExports(hypervEstate()), '--into', into]);
    expectInputError(result);
    expect(result.stderr).toBe(`${into}: file not found: --into merges into an existing plan (use --output to write a new one)\n`);
    expect(filesIn(dir)).toEqual([]);
  });

  test('fails on an --output in a folder that does not exist', () => {
    const out = path.join(tempDir(), 'missing', 'plan.json');
    const result = run(['import', 'hyperv', ...writeHypervExports(hypervEstate()), '--output', out]);
    expectInputError(result);
    expect(result.stderr).toBe(`cdk-sms: ${out}: cannot write the plan: the folder ${path.dirname(out)} does not exist\n`);
  });

  test('fails on a --format the file\'s extension contradicts', () => {
    const file = importedPlan('plan.json');
    const before = fs.readFileSync(file);
    const result = run(['import', 'hyperv', ...writeHypervExports(changedEstate()), '--into', file, '--format', 'yaml']);
    expectInputError(result);
    expect(result.stderr).toBe(`cdk-sms: --format yaml would write YAML into ${file}, which is read as JSON: use --output with a .yaml file\n`);
    expect(fs.readFileSync(file)).toEqual(before);
  });

  test('fails on an unknown --format', () => {
    const result = run(['import', 'hyperv', writeExport('vms.csv', getVmCsv(hypervEstate())), '--format', 'xml']);
    expectInputError(result);
    expect(result.stderr).toMatch(/argument 'xml' is invalid. Allowed choices are json, yaml/);
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
