import * as fs from 'fs';
import * as path from 'path';
import { EXAMPLE, filesIn, PROCESS_TEST_TIMEOUT_MS, removeTempDirs, run, runProcess, STACK_FRAME, tempDir } from './helpers';

// Some tests start the command in a child process.
jest.setTimeout(PROCESS_TEST_TIMEOUT_MS);

afterAll(removeTempDirs);

/** The example's not-ready VMs, as the rules judge them. */
const NOT_READY = ['legacy-01', 'legacy-02', 'hv-web-02', 'desk-02', 'ftp-01'];

describe('assess --format', () => {
  test('html: writes one page to --output, with the exit status of the assessment', () => {
    // GIVEN
    const out = path.join(tempDir(), 'report.html');
    // WHEN
    const result = run(['assess', EXAMPLE, '--format', 'html', '--output', out]);
    // THEN the example has not-ready VMs: exit 1, nothing on stdout, the page in the file
    expect(result).toMatchObject({ status: 1, stdout: '', stderr: '' });
    const html = fs.readFileSync(out, 'utf8');
    expect(html).toMatch(/^<!DOCTYPE html>/i);
    for (const vm of NOT_READY) {
      expect(html).toContain(vm);
    }
  });

  test('markdown: fits a comment and names the not-ready VMs', () => {
    const result = run(['assess', EXAMPLE, '--format', 'markdown']);
    expect(result.status).toBe(1);
    expect(result.stdout.length).toBeLessThanOrEqual(65_536);
    for (const vm of NOT_READY) {
      expect(result.stdout).toContain(vm);
    }
  });

  test('junit: a test case per VM and connector, a failure per not-ready VM', () => {
    const result = run(['assess', EXAMPLE, '--format', 'junit']);
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(/^<\?xml version="1\.0" encoding="UTF-8"\?>/);
    expect(result.stdout.match(/<testcase /g)).toHaveLength(25 + 2);
    const failed = [...result.stdout.matchAll(/<testcase [^>]*name="([^"]+)"[^>]*>\s*<failure/g)].map((m) => m[1]);
    expect(failed.sort()).toEqual([...NOT_READY].sort());
  });

  test('sarif: located results that point into the plan file as given', () => {
    const result = run(['assess', EXAMPLE, '--format', 'sarif']);
    expect(result.status).toBe(1);
    const log = JSON.parse(result.stdout);
    expect(log.version).toBe('2.1.0');
    const lines = fs.readFileSync(EXAMPLE, 'utf8').split('\n');
    const located = log.runs[0].results.filter((r: { locations?: unknown[] }) => r.locations?.length);
    expect(located.length).toBe(log.runs[0].results.length);
    // The first not-ready VM's results start at its entry in the file.
    const legacy = located.find((r: { message: { text: string } }) => r.message.text.startsWith('legacy-01: '));
    const line = legacy.locations[0].physicalLocation.region.startLine;
    expect(lines.slice(line - 1, line + 2).join('\n')).toMatch(/"name": "legacy-01"/);
  });

  test('json --compact: the same report as JSON.stringify writes it without spacing, one line and a newline', () => {
    // GIVEN / WHEN
    const indented = run(['assess', EXAMPLE, '--format', 'json', '--as-of', '2026-12-04']);
    const compact = run(['assess', EXAMPLE, '--format', 'json', '--compact', '--as-of', '2026-12-04']);
    // THEN the same report and exit status, laid out without spacing
    expect(compact.status).toBe(indented.status);
    expect(compact.stdout).toBe(`${JSON.stringify(JSON.parse(indented.stdout))}\n`);
    expect(compact.stdout.split('\n')).toHaveLength(2);
    expect(compact.stdout.length).toBeLessThan(indented.stdout.length);
  });

  test('--compact over several plans and with --compare sms,mgn lays out those JSON documents the same way', () => {
    for (const args of [[EXAMPLE, EXAMPLE], [EXAMPLE, '--compare', 'sms,mgn']]) {
      const indented = run(['assess', ...args, '--format', 'json', '--as-of', '2026-12-04']);
      const compact = run(['assess', ...args, '--format', 'json', '--compact', '--as-of', '2026-12-04']);
      expect(compact.status).toBe(indented.status);
      expect(compact.stdout).toBe(`${JSON.stringify(JSON.parse(indented.stdout))}\n`);
    }
  });

  test.each(['table', 'markdown', 'html', 'junit', 'sarif'])('--compact with --format %s is a usage error, and nothing is written', (format) => {
    // GIVEN
    const out = path.join(tempDir(), 'report');
    // WHEN
    const result = run(['assess', EXAMPLE, '--format', format, '--compact', '--output', out]);
    // THEN
    expect(result).toMatchObject({ status: 2, stdout: '' });
    expect(result.stderr).toBe(`cdk-sms: --compact lays out JSON: it goes with --format json, not --format ${format}\n`);
    expect(fs.existsSync(out)).toBe(false);
  });

  test('json over several plans keeps the contract: an array of reports, each with its file', () => {
    const result = run(['assess', EXAMPLE, EXAMPLE, '--format', 'json']);
    const reports = JSON.parse(result.stdout);
    expect(reports.map((r: { file: string }) => r.file)).toEqual([EXAMPLE, EXAMPLE]);
  });

  test('refuses a format it does not write, naming those it does, and writes nothing', () => {
    // GIVEN
    const dir = tempDir();
    // WHEN
    const result = run(['assess', EXAMPLE, '--format', 'pdf', '--output', path.join(dir, 'r.pdf')]);
    // THEN
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/pdf/);
    expect(result.stderr).toMatch(/table, json, markdown, html, junit, sarif/);
    expect(result.stderr).not.toMatch(STACK_FRAME);
    expect(filesIn(dir)).toEqual([]);
  });

  test('the command writes every format as a whole process', () => {
    // GIVEN the built command in its own process
    const dir = tempDir();
    for (const format of ['markdown', 'html', 'junit', 'sarif']) {
      // WHEN
      const out = path.join(dir, `report.${format}`);
      const result = runProcess(['assess', EXAMPLE, '--format', format, '--output', out]);
      // THEN
      expect({ format, status: result.status, stderr: result.stderr }).toEqual({ format, status: 1, stderr: '' });
      expect(fs.statSync(out).size).toBeGreaterThan(1000);
    }
  });
});
