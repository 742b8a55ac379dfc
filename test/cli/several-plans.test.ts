import * as fs from 'fs';
import * as path from 'path';
import { parse as parseYaml } from 'yaml';
import { FileReport, FIXTURES, jsonOf, planFile, removeTempDirs, run, tempDir } from './helpers';

afterAll(removeTempDirs);

const MIXED_JSON = path.join(FIXTURES, 'mixed.json');
const MIXED_YAML = path.join(FIXTURES, 'mixed.yaml');

/** a.json (the ready plan) and b.yaml (the mixed plan) in one folder. */
function twoPlans(): { a: string; b: string } {
  const dir = tempDir();
  const a = path.join(dir, 'a.json');
  const b = path.join(dir, 'b.yaml');
  fs.copyFileSync(planFile(), a);
  fs.copyFileSync(MIXED_YAML, b);
  return { a, b };
}

describe('several plans', () => {
  test('--format json gives an array of reports, each with its file first', () => {
    // GIVEN a ready plan in JSON and a mixed one in YAML
    const { a, b } = twoPlans();
    // WHEN
    const result = run(['assess', a, b, '--format', 'json']);
    // THEN one report per plan, in the order given; the mixed plan makes the run fail
    expect(result.status).toBe(1);
    expect(result.stderr).toBe('');
    const reports = jsonOf<FileReport[]>(result);
    expect(Array.isArray(reports)).toBe(true);
    expect(reports.map((r) => r.file)).toEqual([a, b]);
    expect(reports.map((r) => Object.keys(r))).toEqual([
      ['file', 'summary', 'vms', 'connectors'],
      ['file', 'summary', 'vms', 'connectors', 'unusedAcknowledgements'],
    ]);
    expect(reports[0].summary).toEqual({ vms: 1, ready: 1, readyWithConditions: 0, notReady: 0, unknown: 0 });
    expect(reports[1].summary).toEqual({ vms: 5, ready: 1, readyWithConditions: 2, notReady: 1, unknown: 1 });
  });

  test('each report is the one its plan gets alone', () => {
    const { a, b } = twoPlans();
    const [ra, rb] = jsonOf<FileReport[]>(run(['assess', a, b, '--format', 'json']));
    const { file: fa, ...restA } = ra;
    const { file: fb, ...restB } = rb;
    expect([fa, fb]).toEqual([a, b]);
    expect(restA).toEqual(jsonOf(run(['assess', a, '--format', 'json'])));
    expect(restB).toEqual(jsonOf(run(['assess', b, '--format', 'json'])));
  });

  test('exit 0 when every plan passes', () => {
    const ready1 = planFile();
    const ready2 = planFile((vm) => {
      vm.name = 'web-09';
    });
    const result = run(['assess', ready1, ready2, '--format', 'json']);
    expect(result.status).toBe(0);
    expect(jsonOf<FileReport[]>(result).map((r) => r.vms[0].name)).toEqual(['web-01', 'web-09']);
  });

  test('the table shows each plan under its file name', () => {
    const { a, b } = twoPlans();
    const result = run(['assess', a, b]);
    expect(result.status).toBe(1);
    const lines = result.stdout.split('\n');
    // each file name is a heading line, followed by that plan's summary
    const atA = lines.indexOf(a);
    const atB = lines.indexOf(b);
    expect(atA).toBe(0);
    expect(atB).toBeGreaterThan(atA);
    expect(lines[atA + 1]).toBe('1 VM: 1 ready, 0 ready with conditions, 0 not ready, 0 unknown');
    expect(lines[atB + 1]).toBe('5 VMs: 1 ready, 2 ready with conditions, 1 not ready, 1 unknown');
    // and each plan's VMs are under its own heading
    const rowsOf = (from: number, to: number): string[] => lines.slice(from, to).filter((l) => /^(web|legacy|vault)-\d+ /.test(l)).map((l) => l.split(' ')[0]);
    expect(rowsOf(atA, atB)).toEqual(['web-01']);
    expect(rowsOf(atB, lines.length)).toEqual(['web-01', 'web-02', 'web-03', 'legacy-01', 'vault-01']);
  });

  test('one plan has no heading and no file in its report', () => {
    const { a } = twoPlans();
    const table = run(['assess', a]).stdout;
    expect(table).not.toContain(a);
    expect(table.split('\n')[0]).toMatch(/^1 VM: /);
    expect(Object.keys(jsonOf(run(['assess', a, '--format', 'json'])))).not.toContain('file');
  });
});

describe('a YAML plan', () => {
  test('holds the same plan as its JSON twin (so the next test compares like with like)', () => {
    const fromYaml = parseYaml(fs.readFileSync(MIXED_YAML, 'utf8'));
    const fromJson = JSON.parse(fs.readFileSync(MIXED_JSON, 'utf8'));
    expect(fromYaml).toEqual(fromJson);
  });

  test('gives the same JSON report as the same plan in JSON', () => {
    const fromYaml = run(['assess', MIXED_YAML, '--format', 'json']);
    const fromJson = run(['assess', MIXED_JSON, '--format', 'json']);
    expect(fromYaml.status).toBe(1);
    expect(fromJson.status).toBe(1);
    expect(fromYaml.stdout).toBe(fromJson.stdout);
    // every verdict is in it, so the comparison covers every kind of finding
    const report = jsonOf(fromYaml);
    expect(report.vms.map((v) => [v.name, v.verdict])).toEqual([
      ['web-01', 'ready'],
      ['web-02', 'ready-with-conditions'],
      ['web-03', 'unknown'],
      ['legacy-01', 'not-ready'],
      ['vault-01', 'ready-with-conditions'],
    ]);
    expect(report.unusedAcknowledgements).toEqual([
      { rule: 'SMS-JOB4', reason: 'quota raised to 200 concurrent migrations by AWS Support', scope: 'plan', vms: ['web-*'] },
    ]);
  });

  test('gives the same table as the same plan in JSON', () => {
    expect(run(['assess', MIXED_YAML]).stdout).toBe(run(['assess', MIXED_JSON]).stdout);
  });

  test('is read as YAML by its .yml extension too', () => {
    const file = path.join(tempDir(), 'plan.yml');
    fs.copyFileSync(MIXED_YAML, file);
    expect(run(['assess', file, '--format', 'json']).stdout).toBe(run(['assess', MIXED_JSON, '--format', 'json']).stdout);
  });
});
