import * as fs from 'fs';
import * as path from 'path';
import { ANSI, CliRun, EXAMPLE, filesIn, jsonOf, removeTempDirs, run, STACK_FRAME, tempDir } from './helpers';

afterAll(removeTempDirs);

/** The example's VMs, in file order. */
const EXAMPLE_VMS = (JSON.parse(fs.readFileSync(EXAMPLE, 'utf8')) as { vms: { name: string }[] }).vms.map((v) => v.name);

/** The example's not-ready VMs, as the rules judge them. */
const NOT_READY = ['legacy-01', 'legacy-02', 'hv-web-02', 'desk-02', 'ftp-01'];

const SUMMARY_KEYS = ['vms', 'ready', 'readyWithConditions', 'notReady', 'unknown'];
const VM_KEYS = ['name', 'verdict', 'license', 'findings'];
const CONNECTOR_KEYS = ['name', 'verdict', 'findings'];
const FINDING_KEYS = ['rule', 'severity', 'outcome', 'message', 'acknowledged'];

/** A finding's keys: the contract's five in order, then reason and note (when present) in that order. */
function expectFindingKeys(finding: object): void {
  const keys = Object.keys(finding);
  expect(keys.slice(0, FINDING_KEYS.length)).toEqual(FINDING_KEYS);
  const extra = keys.slice(FINDING_KEYS.length);
  expect(extra).toEqual(['reason', 'note'].filter((k) => extra.includes(k)));
}

describe('assess examples/plan.json as a table', () => {
  const result = run(['assess', EXAMPLE]);

  test('exits 1 because the example has not-ready VMs', () => {
    expect(result.status).toBe(1);
    expect(result.stderr).toBe('');
  });

  test('starts with the summary line', () => {
    expect(result.stdout.split('\n')[0]).toBe('25 VMs: 14 ready, 5 ready with conditions, 5 not ready, 1 unknown');
  });

  test('has one row per VM, in plan order, with its verdict', () => {
    // GIVEN the rows: the lines after the header, up to the first blank line
    const lines = result.stdout.split('\n');
    const header = lines.findIndex((l) => l.startsWith('VM '));
    expect(header).toBeGreaterThan(0);
    const rows = lines.slice(header + 1, lines.indexOf('', header));
    // THEN every VM has its row, and no other row is there
    expect(rows.map((r) => r.split(/\s+/)[0])).toEqual(EXAMPLE_VMS);
    for (const name of NOT_READY) {
      expect(rows.find((r) => r.startsWith(`${name} `))).toMatch(/\snot-ready\s/);
    }
    expect(rows.find((r) => r.startsWith('batch-01 '))).toMatch(/\sunknown\s/);
  });

  test('lists the failing findings under their VM', () => {
    expect(result.stdout).toMatch(/^VM legacy-01: not-ready\n {2}SMS-OS2 +error {2}RHEL 7\.4 is not supported/m);
    expect(result.stdout).toContain('Connectors with no findings: dc1-connector, hv-connector');
  });

  test('is not coloured when the output is not a terminal', () => {
    expect(result.stdout).not.toMatch(ANSI);
  });
});

describe('assess examples/plan.json --format json', () => {
  const result = run(['assess', EXAMPLE, '--format', 'json']);
  const report = jsonOf(result);

  test('exits 1 and prints only the report', () => {
    expect(result.status).toBe(1);
    expect(result.stderr).toBe('');
    expect(result.stdout.endsWith('}\n')).toBe(true);
  });

  test('has exactly the contract keys, in order, at the top', () => {
    // the example uses its one acknowledgement, so there is no unusedAcknowledgements
    expect(Object.keys(report)).toEqual(['summary', 'vms', 'connectors']);
    expect(Object.keys(report.summary)).toEqual(SUMMARY_KEYS);
  });

  test('has exactly the contract keys, in order, for every VM, connector and finding', () => {
    let findings = 0;
    for (const vm of report.vms) {
      // an unscheduled VM (no wave in a plan that uses waves) says so, after the contract's keys
      expect(Object.keys(vm)).toEqual(vm.unscheduled === true ? [...VM_KEYS, 'unscheduled'] : VM_KEYS);
      vm.findings.forEach(expectFindingKeys);
      findings += vm.findings.length;
    }
    for (const connector of report.connectors) {
      expect(Object.keys(connector)).toEqual(CONNECTOR_KEYS);
      connector.findings.forEach(expectFindingKeys);
    }
    // the check above means something only if there were findings to check
    expect(findings).toBeGreaterThan(100);
  });

  test('marks the VMs without a wave as unscheduled, and only them', () => {
    const unscheduled = (JSON.parse(fs.readFileSync(EXAMPLE, 'utf8')) as { vms: { name: string; wave?: string }[] }).vms
      .filter((v) => v.wave === undefined).map((v) => v.name);
    expect(unscheduled).toHaveLength(5);
    expect(report.vms.filter((v) => v.unscheduled === true).map((v) => v.name)).toEqual(unscheduled);
  });

  test('carries the reason of an acknowledged finding after acknowledged', () => {
    const db01 = report.vms.find((v) => v.name === 'db-01');
    const net1 = db01?.findings.find((f) => f.rule === 'SMS-NET1');
    expect(net1).toMatchObject({ severity: 'warning', outcome: 'fail', acknowledged: true });
    expect(Object.keys(net1 ?? {})).toEqual([...FINDING_KEYS, 'reason']);
    expect(net1?.reason).toMatch(/^second NIC is the backup network/);
  });

  test('names every VM in plan order, with the verdicts the table shows', () => {
    expect(report.vms.map((v) => v.name)).toEqual(EXAMPLE_VMS);
    expect(report.vms.filter((v) => v.verdict === 'not-ready').map((v) => v.name)).toEqual(NOT_READY);
    expect(report.connectors.map((c) => [c.name, c.verdict])).toEqual([['dc1-connector', 'ready'], ['hv-connector', 'ready']]);
  });

  test('counts in the summary match the vms array', () => {
    const count = (verdict: string): number => report.vms.filter((v) => v.verdict === verdict).length;
    expect(report.summary).toEqual({
      vms: report.vms.length,
      ready: count('ready'),
      readyWithConditions: count('ready-with-conditions'),
      notReady: count('not-ready'),
      unknown: count('unknown'),
    });
    expect(report.summary).toEqual({ vms: 25, ready: 14, readyWithConditions: 5, notReady: 5, unknown: 1 });
  });

  test('resolves every license of the example', () => {
    expect(report.vms.find((v) => v.name === 'web-01')?.license).toBe('byol');
    expect(report.vms.find((v) => v.name === 'app-01')?.license).toBe('aws');
  });
});

describe('assess --output', () => {
  test('writes the JSON report to the file and nothing to stdout', () => {
    // GIVEN an empty folder
    const dir = tempDir();
    const out = path.join(dir, 'report.json');
    // WHEN
    const result = run(['assess', EXAMPLE, '--format', 'json', '--output', out]);
    // THEN the file is the report stdout would have shown, and it is the only file there
    expect(result).toEqual({ status: 1, stdout: '', stderr: '' });
    expect(filesIn(dir)).toEqual(['report.json']);
    expect(JSON.parse(fs.readFileSync(out, 'utf8'))).toEqual(jsonOf(run(['assess', EXAMPLE, '--format', 'json'])));
  });

  test('writes the table to the file with -o', () => {
    const dir = tempDir();
    const out = path.join(dir, 'report.txt');
    const result = run(['assess', EXAMPLE, '-o', out]);
    expect(result).toEqual({ status: 1, stdout: '', stderr: '' });
    expect(fs.readFileSync(out, 'utf8')).toBe(run(['assess', EXAMPLE]).stdout);
  });

  test('replaces an existing report whole', () => {
    const dir = tempDir();
    const out = path.join(dir, 'report.json');
    fs.writeFileSync(out, 'x'.repeat(1_000_000));
    expect(run(['assess', EXAMPLE, '--format', 'json', '-o', out]).status).toBe(1);
    expect(JSON.parse(fs.readFileSync(out, 'utf8')).summary.vms).toBe(25);
    expect(filesIn(dir)).toEqual(['report.json']);
  });

  test('fails with exit 2 when the folder does not exist, and writes nothing', () => {
    // GIVEN a report path in a folder that is not there
    const dir = tempDir();
    const out = path.join(dir, 'missing', 'report.json');
    // WHEN
    const result = run(['assess', EXAMPLE, '--format', 'json', '--output', out]);
    // THEN
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(`cdk-sms: ${out}: cannot write the report: the folder ${path.join(dir, 'missing')} does not exist\n`);
    expect(result.stderr).not.toMatch(STACK_FRAME);
    expect(filesIn(dir)).toEqual([]);
  });

  test('fails with exit 2 when the path is a folder, and leaves no temporary file', () => {
    // GIVEN a report path that is an existing folder
    const dir = tempDir();
    const out = path.join(dir, 'report.json');
    fs.mkdirSync(out);
    // WHEN
    const result = run(['assess', EXAMPLE, '--format', 'json', '--output', out]);
    // THEN the temporary file written beside it is gone
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(`cdk-sms: ${out}: cannot write the report: it is a directory\n`);
    expect(filesIn(dir)).toEqual(['report.json']);
    expect(filesIn(out)).toEqual([]);
  });

  test('fails with exit 2 when the write fails midway, and keeps the old report', () => {
    // GIVEN an existing report, and a disk that fills up when the new one is moved in place
    const dir = tempDir();
    const out = path.join(dir, 'report.json');
    fs.writeFileSync(out, 'the previous report');
    const full = Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
    const spy = jest.spyOn(fs, 'renameSync').mockImplementation(() => {
      throw full;
    });
    let result: CliRun;
    let renames: number;
    try {
      // WHEN
      result = run(['assess', EXAMPLE, '--format', 'json', '--output', out]);
      renames = spy.mock.calls.length;
    } finally {
      spy.mockRestore();
    }
    // THEN the old report is untouched and the temporary file is removed
    expect(renames).toBe(1);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(`cdk-sms: ${out}: cannot write the report: no space left on the device\n`);
    expect(fs.readFileSync(out, 'utf8')).toBe('the previous report');
    expect(filesIn(dir)).toEqual(['report.json']);
  });
});
