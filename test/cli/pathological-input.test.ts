import * as fs from 'fs';
import * as path from 'path';
import * as summaryModule from '../../lib/cli/import-summary';
import * as readPlanFileModule from '../../lib/plan/load/read-plan-file';
import { exportDir, getVmCsv, hypervEstate, psCsv, removeExportDirs, writeExport, writeHypervExports } from '../importers/exports';
import { expectInputError, filesIn, importedPlan, readPlan, readyPlan, removeTempDirs, run, STACK_FRAME, tempDir, writeTemp } from './helpers';

// Input found by fuzzing: small files that made the command crash, run for minutes or print megabytes.
// Each must end in an ordinary exit status with a short message, and never leave a file half-written.

afterAll(() => {
  removeTempDirs();
  removeExportDirs();
});

const TOO_DEEP = /objects and arrays nest more than 32 levels deep: a plan may nest at most 32 \(the plan format itself needs 7\)/;

describe('plans nested thousands of levels deep', () => {
  test('fails on a JSON plan nested 6,000 levels deep with exit 2, not a stack overflow', () => {
    // GIVEN
    const file = writeTemp('deep.json', `{"version": 1, "vms": [], "x": ${'['.repeat(6000)}${']'.repeat(6000)}}`);
    // WHEN
    const result = run(['assess', file]);
    // THEN
    expectInputError(result);
    expect(result.stderr).toMatch(new RegExp(`^${file}:1:\\d+: ${TOO_DEEP.source}\n$`));
  });

  test('fails on a YAML plan nested 2,000 levels deep (block style) with exit 2, not a stack overflow', () => {
    // GIVEN
    const lines = ['version: 1', 'vms: []', 'x:'];
    for (let i = 1; i <= 2000; i++) {
      lines.push(`${' '.repeat(i)}a:`);
    }
    const file = writeTemp('deep.yaml', `${lines.join('\n')}\n`);
    // WHEN
    const result = run(['assess', file]);
    // THEN
    expectInputError(result);
    expect(result.stderr).toMatch(new RegExp(`^${file}:35:33: ${TOO_DEEP.source}\n$`));
  });

  test('fails on an --into plan nested too deep, writing nothing', () => {
    // GIVEN
    const into = writeTemp('plan.yaml', `version: 1\nvms: []\nx: ${'['.repeat(3000)}${']'.repeat(3000)}\n`);
    const before = fs.readFileSync(into);
    // WHEN
    const result = run(['import', 'hyperv', ...writeHypervExports(hypervEstate()), '--into', into]);
    // THEN
    expectInputError(result);
    expect(result.stderr).toMatch(TOO_DEEP);
    expect(fs.readFileSync(into)).toEqual(before);
    expect(filesIn(path.dirname(into))).toEqual(['plan.yaml']);
  });
});

describe('writing the plan', () => {
  /** A Get-VHD export of `count` disk files that belong to no drive of the exports (one warning each). */
  function orphanVhds(count: number): string {
    const rows: string[][] = [];
    for (let i = 0; i < count; i++) {
      rows.push(['HV01', `E:\\orphans\\disk-${i}.vhdx`, 'VHDX', 'Dynamic', '4294967296', '42949672960', '', '512', '', 'False']);
    }
    return writeExport('vhds.csv', psCsv(['ComputerName', 'Path', 'VhdFormat', 'VhdType', 'FileSize', 'Size', 'MinimumSize',
      'LogicalSectorSize', 'ParentPath', 'Attached'], rows, { typeLine: 'Microsoft.Vhd.PowerShell.VirtualHardDisk' }));
  }

  /** An imported plan of web-01 only (so that importing the whole estate changes it), as `real.json` behind the symlink `plan.json`. */
  function linkedPlan(mode: number): { link: string; real: string } {
    const real = importedPlan('real.json', (plan) => ({ ...plan, vms: plan.vms.slice(0, 1) }));
    fs.chmodSync(real, mode);
    const link = path.join(path.dirname(real), 'plan.json');
    fs.symlinkSync('real.json', link);
    return { link, real };
  }

  test('imports an export of 200,000 disks of no VM, listing the first warnings and counting the rest', () => {
    // GIVEN the estate's VMs, and 200,000 Get-VHD rows that match no drive
    const vms = writeExport('vms.csv', getVmCsv(hypervEstate()));
    const vhds = orphanVhds(200_000);
    const { link, real } = linkedPlan(0o640);
    // WHEN
    const result = run(['import', 'hyperv', vms, vhds, '--into', link]);
    // THEN the summary ends, and the plan is written through the link
    expect(result.status).toBe(0);
    expect(result.stderr).not.toMatch(STACK_FRAME);
    expect(result.stderr).toContain('  warnings (200000):\n');
    expect(result.stderr).toContain('    ... and 199950 more not shown\n');
    expect(result.stderr.split('\n').length).toBeLessThan(100);
    expect(fs.lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readPlan(real).vms.map((vm) => vm.name)).toEqual(['web-01', 'db-01', 'old-01']);
  });

  test('writes --into through a symbolic link: the link stays, its target is replaced, the mode is kept', () => {
    // GIVEN a plan behind a link, readable by its owner and group only
    const { link, real } = linkedPlan(0o640);
    // WHEN
    const result = run(['import', 'hyperv', ...writeHypervExports(hypervEstate()), '--into', link]);
    // THEN
    expect(result.status).toBe(0);
    expect(fs.lstatSync(link).isSymbolicLink()).toBe(true);
    expect(fs.readlinkSync(link)).toBe('real.json');
    expect(fs.statSync(real).mode & 0o777).toBe(0o640);
    expect(readPlan(real).vms).toHaveLength(3);
    expect(filesIn(path.dirname(real))).toEqual(['plan.json', 'real.json']);
  });

  test('writes --output through a symbolic link to a file that does not exist yet', () => {
    // GIVEN a dangling link
    const dir = tempDir();
    const link = path.join(dir, 'plan.json');
    fs.symlinkSync('new-plan.json', link);
    // WHEN
    const result = run(['import', 'hyperv', ...writeHypervExports(hypervEstate()), '--output', link]);
    // THEN
    expect(result.status).toBe(0);
    expect(fs.lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readPlan(path.join(dir, 'new-plan.json')).vms).toHaveLength(3);
  });

  test('leaves --into untouched when something fails after the merge (the file is written last)', () => {
    // GIVEN a summary that fails, as the spread of 200,000 warnings once did
    const { link, real } = linkedPlan(0o644);
    const before = fs.readFileSync(real);
    const spy = jest.spyOn(summaryModule, 'renderImportSummary').mockImplementation(() => {
      throw new RangeError('Maximum call stack size exceeded');
    });
    try {
      // WHEN
      expect(() => run(['import', 'hyperv', ...writeHypervExports(hypervEstate()), '--into', link])).toThrow(RangeError);
    } finally {
      spy.mockRestore();
    }
    // THEN
    expect(fs.readFileSync(real)).toEqual(before);
    expect(filesIn(path.dirname(real))).toEqual(['plan.json', 'real.json']);
  });

  test('leaves no temporary file when the write fails', () => {
    // GIVEN an --output that is a directory
    const dir = tempDir();
    fs.mkdirSync(path.join(dir, 'plan.json'));
    // WHEN
    const result = run(['import', 'hyperv', ...writeHypervExports(hypervEstate()), '--output', path.join(dir, 'plan.json')]);
    // THEN
    expectInputError(result);
    expect(result.stderr).toContain('cannot write the plan: it is a directory');
    expect(filesIn(dir)).toEqual(['plan.json']);
  });

  test('writes an assess --output report through a symbolic link, keeping its mode', () => {
    // GIVEN
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'report.json'), '{}\n', { mode: 0o600 });
    fs.chmodSync(path.join(dir, 'report.json'), 0o600);
    fs.symlinkSync('report.json', path.join(dir, 'latest.json'));
    const plan = writeTemp('plan.json', `${JSON.stringify(readyPlan())}\n`);
    // WHEN
    const result = run(['assess', plan, '--format', 'json', '--output', path.join(dir, 'latest.json')]);
    // THEN
    expect(result.status).toBe(0);
    expect(fs.lstatSync(path.join(dir, 'latest.json')).isSymbolicLink()).toBe(true);
    expect(fs.statSync(path.join(dir, 'report.json')).mode & 0o777).toBe(0o600);
    expect(JSON.parse(fs.readFileSync(path.join(dir, 'report.json'), 'utf8')).summary.vms).toBe(1);
  });
});

describe('pathological but small input', () => {
  test('assesses 2,000 VMs naming one server with each SMS-JOB3 message naming 5 others and counting the rest', () => {
    // GIVEN
    const plan = readyPlan();
    const vm = plan.vms[0];
    plan.vms = Array.from({ length: 2000 }, (_, i) => ({ ...vm, name: `vm-${i}`, source: { serverId: 's-12345678' } }));
    const file = writeTemp('plan.json', JSON.stringify(plan));
    // WHEN
    const result = run(['assess', file, '--format', 'json']);
    // THEN
    expect(result.status).toBe(1);
    const report = JSON.parse(result.stdout);
    const job3 = report.vms[1].findings.find((f: { rule: string }) => f.rule === 'SMS-JOB3');
    expect(job3.message).toBe('the same server (source.serverId s-12345678) is also named by vm-0, vm-2, vm-3, vm-4, vm-5 and 1994 other VMs: '
      + 'SMS allows one replication job per server');
  });

  test('stops after the first 50 problems of a plan of 20,000 invalid VMs', () => {
    // GIVEN every VM with the same three mistakes
    const vms = Array.from({ length: 20_000 }, (_, i) => ({ name: `vm-${i}`, hypervisor: 'vmwar', os: { family: 'linx' }, disks: [{ sizeGiB: 'x' }] }));
    const file = writeTemp('plan.json', JSON.stringify({ version: 1, vms }, null, 1));
    // WHEN
    const result = run(['assess', file]);
    // THEN
    expectInputError(result);
    const lines = result.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(51);
    expect(lines[0]).toMatch(/vms\[0\]\.hypervisor: must be one of vmware, hyperv \(got "vmwar"\)$/);
    expect(lines[50]).toBe(`${file}: more problems not shown (the first 50 are above): fix these and check the file again`);
  });

  test('counts the problems not shown when all were found', () => {
    // GIVEN 60 acknowledgements of rules that do not exist (consistency problems, all counted)
    const plan = readyPlan();
    (plan as { acknowledge?: unknown[] }).acknowledge = Array.from({ length: 60 }, (_, i) => ({ rule: `SMS-NOPE${i}`, reason: 'r' }));
    const file = writeTemp('plan.json', JSON.stringify(plan, null, 2));
    // WHEN
    const result = run(['assess', file]);
    // THEN
    expectInputError(result);
    expect(result.stderr.trimEnd().split('\n').pop()).toBe(`${file}: 10 more problems not shown (the first 50 are above): fix these and check the file again`);
  });

  test('cuts a 1 MiB VM name (and OS name) to 200 characters in messages and the table', () => {
    // GIVEN two VMs with the same 1 MiB name
    const plan = readyPlan();
    plan.vms[0].name = 'N'.repeat(1 << 20);
    plan.vms.push({ ...plan.vms[0] });
    const file = writeTemp('plan.json', JSON.stringify(plan));
    // WHEN
    const failed = run(['assess', file]);
    plan.vms.pop();
    (plan.vms[0].os as { name: string }).name = 'X'.repeat(1 << 20);
    const assessed = run(['assess', writeTemp('one.json', JSON.stringify(plan))]);
    // THEN
    expectInputError(failed);
    expect(failed.stderr).toContain(`duplicate VM name "${'N'.repeat(199)}…"`);
    expect(failed.stderr.length).toBeLessThan(1000);
    expect(assessed.stdout.length).toBeLessThan(5000);
    expect(assessed.stdout).toContain(`VM ${'N'.repeat(199)}…: not-ready`);
    expect(assessed.stdout).toContain(`${'X'.repeat(199)}…`);
  });

  test('names the export, not <standard output>, when a dry run would make a plan above the size limit', () => {
    // GIVEN a plan size limit small enough for the estate (the real one is 256 MiB: a million-row export)
    const files = writeHypervExports(hypervEstate());
    const limits = readPlanFileModule as { DEFAULT_MAX_BYTES: number };
    const real = limits.DEFAULT_MAX_BYTES;
    limits.DEFAULT_MAX_BYTES = 600;
    let result;
    try {
      // WHEN
      result = run(['import', 'hyperv', ...files, '--dry-run']);
    } finally {
      limits.DEFAULT_MAX_BYTES = real;
    }
    // THEN
    expectInputError(result);
    expect(result.stderr).not.toContain('<standard output>');
    expect(result.stderr).toMatch(new RegExp(`^${files.join(', ').replace(/\\/g, '\\\\')}: the plan imported would be .* above the 600 bytes a plan file may hold`));
  });

  test('refuses a CSV export of more rows than an Excel sheet holds, naming the file and the limit', () => {
    // GIVEN a Get-VM export of 1,048,576 data rows (one past the limit), each a bare name
    const lines = ['"Name","VMId","Generation"'];
    for (let i = 0; i < 1_048_576; i++) {
      lines.push(`v${i},,`);
    }
    const file = writeExport('vms.csv', `${lines.join('\n')}\n`);
    // WHEN
    const result = run(['import', 'hyperv', file, '--dry-run']);
    // THEN
    expectInputError(result);
    expect(result.stderr).toBe(`${file}: the file has more than 1048575 rows, the most an export may hold (as many as an Excel sheet): split it\n`);
  });

  test('shows the control characters of a plan file\'s name visibly', () => {
    // GIVEN a file whose name holds an escape sequence
    const dir = exportDir();
    const file = path.join(dir, 'plan\u001b[31m.json');
    fs.writeFileSync(file, '{"version": 1}\n');
    // WHEN
    const result = run(['assess', file]);
    // THEN
    expectInputError(result);
    expect(result.stderr).not.toContain('\u001b');
    expect(result.stderr).toContain('plan\\u001b[31m.json');
  });
});
