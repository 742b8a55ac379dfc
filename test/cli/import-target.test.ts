import * as fs from 'fs';
import * as path from 'path';
import { hypervEstate, removeExportDirs, writeHypervExports } from '../importers/exports';
import { writeWorkbook } from '../importers/rvtools/fixtures/generate';
import { SAMPLE_VMS, sampleUuid } from '../importers/rvtools/fixtures/samples';
import { changedEstate, expectInputError, filesIn, importedPlan, readPlan, removeTempDirs, run, tempDir } from './helpers';

// `import --target`: the plan's migration target, written into a new plan and set on an existing one.

afterAll(() => {
  removeTempDirs();
  removeExportDirs();
});

/** A plan written by `import hyperv` (JSON or YAML by its name), with the given target added after `version`. */
function withTarget(name: string, target: string): string {
  const file = importedPlan(name);
  const text = fs.readFileSync(file, 'utf8');
  fs.writeFileSync(file, name.endsWith('.json') ? text.replace(/"version": 1,\n/, `"version": 1,\n  "target": "${target}",\n`)
    : text.replace(/^version: 1\n/, `version: 1\ntarget: ${target}\n`));
  return file;
}

describe('import --target into a new plan', () => {
  test('writes "target" right after "version", in JSON and in YAML', () => {
    // GIVEN
    const files = writeHypervExports(hypervEstate());
    // WHEN
    const json = run(['import', 'hyperv', ...files, '--target', 'mgn']);
    const yaml = run(['import', 'hyperv', ...files, '--target', 'mgn', '--format', 'yaml']);
    // THEN
    expect(json.status).toBe(0);
    expect(json.stdout).toMatch(/^\{\n {2}"version": 1,\n {2}"target": "mgn",\n {2}"vms": \[\n/);
    expect(yaml.status).toBe(0);
    expect(yaml.stdout).toMatch(/^version: 1\ntarget: mgn\nvms:\n/);
  });

  test('writes a plan assess reads as an MGN plan', () => {
    // GIVEN
    const file = path.join(tempDir(), 'plan.json');
    // WHEN
    const result = run(['import', 'hyperv', ...writeHypervExports(hypervEstate()), '--target', 'mgn', '--output', file]);
    // THEN
    expect(result.status).toBe(0);
    expect(readPlan(file).target).toBe('mgn');
    const assessed = run(['assess', file, '--format', 'json']);
    expect(assessed.stderr).toBe('');
    expect([0, 1]).toContain(assessed.status);
  });

  test('writes "target": "sms" when asked, and no target without --target (sms is the default)', () => {
    // GIVEN
    const files = writeHypervExports(hypervEstate());
    // WHEN / THEN
    expect(run(['import', 'hyperv', ...files, '--target', 'sms']).stdout).toMatch(/^\{\n {2}"version": 1,\n {2}"target": "sms",\n/);
    expect(run(['import', 'hyperv', ...files]).stdout).not.toContain('"target"');
  });

  test('carries the MGN facts RVTools gives (BIOS UUID, Secure Boot) into a valid plan', () => {
    // GIVEN an RVTools 4.x workbook (without the sample's second web-01: a plan's names are unique)
    const dir = tempDir();
    const vms = SAMPLE_VMS.filter((vm) => !(vm.name === 'web-01' && vm.vcenter === 'vc2'));
    const workbook = writeWorkbook(dir, 'rvtools.xlsx', { style: 'raw', era: '4x', vms });
    const file = path.join(dir, 'plan.json');
    // WHEN
    const result = run(['import', 'rvtools', workbook, '--target', 'mgn', '--output', file]);
    // THEN
    expect(result.status).toBe(0);
    const plan = readPlan(file);
    expect(plan.target).toBe('mgn');
    const web = plan.vms.find((vm) => vm.name === 'web-01');
    expect(web?.source?.vmUuid).toBe(sampleUuid('4213', { vmId: 'vm-101', vcenter: 'vc1' }));
    expect(web?.guest).toEqual({ secureBoot: true });
  });
});

describe('import --into a plan with a target', () => {
  test('keeps the plan\'s target without --target', () => {
    // GIVEN an MGN plan
    const file = withTarget('plan.json', 'mgn');
    // WHEN
    const result = run(['import', 'hyperv', ...writeHypervExports(changedEstate()), '--into', file]);
    // THEN
    expect(result.status).toBe(0);
    expect(readPlan(file).target).toBe('mgn');
    expect(readPlan(file).vms.map((vm) => vm.name)).toEqual(['web-01', 'db-01', 'old-01', 'new-01']);
  });

  test('sets the target --target names, in place', () => {
    // GIVEN an MGN plan
    const file = withTarget('plan.json', 'mgn');
    // WHEN
    const result = run(['import', 'hyperv', ...writeHypervExports(hypervEstate()), '--into', file, '--target', 'sms']);
    // THEN
    expect(result.status).toBe(0);
    expect(fs.readFileSync(file, 'utf8')).toMatch(/^\{\n {2}"version": 1,\n {2}"target": "sms",\n/);
  });

  test('adds the target --target names right after "version" of a plan without one, keeping a YAML plan\'s comments', () => {
    // GIVEN a commented YAML plan and a JSON plan, neither with a target
    const yaml = importedPlan('plan.yaml');
    fs.writeFileSync(yaml, fs.readFileSync(yaml, 'utf8').replace(/^version: 1$/m, '# Migration plan\nversion: 1 # format'));
    const json = importedPlan('plan.json');
    // WHEN
    const results = [yaml, json].map((file) => run(['import', 'hyperv', ...writeHypervExports(hypervEstate()), '--into', file, '--target', 'mgn']));
    // THEN
    expect(results.map((r) => r.status)).toEqual([0, 0]);
    expect(fs.readFileSync(yaml, 'utf8')).toMatch(/^# Migration plan\nversion: 1 # format\ntarget: mgn\nvms:\n/);
    expect(fs.readFileSync(json, 'utf8')).toMatch(/^\{\n {2}"version": 1,\n {2}"target": "mgn",\n {2}"vms": \[\n/);
  });

  test('leaves the file untouched when --target names the target it has and nothing else changed', () => {
    // GIVEN
    const file = withTarget('plan.json', 'mgn');
    const before = fs.readFileSync(file);
    // WHEN
    const result = run(['import', 'hyperv', ...writeHypervExports(hypervEstate()), '--into', file, '--target', 'mgn']);
    // THEN
    expect(result.status).toBe(0);
    expect(result.stderr).toMatch(/nothing changed: .* left as it was\n$/);
    expect(fs.readFileSync(file)).toEqual(before);
  });
});

describe('import --target usage', () => {
  test('refuses a target that is neither sms nor mgn, writing nothing', () => {
    // GIVEN
    const dir = tempDir();
    const listing = filesIn(dir);
    // WHEN
    const result = run(['import', 'hyperv', ...writeHypervExports(hypervEstate()), '--target', 'MGN2', '--output', path.join(dir, 'plan.json')]);
    // THEN
    expectInputError(result);
    expect(result.stderr).toBe('cdk-sms: --target MGN2 is not a migration target: use sms or mgn\n');
    expect(filesIn(dir)).toEqual(listing);
  });

  test('is in the help of every import command', () => {
    for (const kind of ['rvtools', 'sms-catalog', 'hyperv']) {
      const result = run(['import', kind, '--help']);
      expect(result.status).toBe(0);
      expect(result.stdout).toMatch(/--target <target> +the service the plan migrates through, sms or mgn/);
    }
  });
});
