import * as fs from 'fs';
import * as path from 'path';
import { ANSI, FIXTURES, removeTempDirs, run, tempDir } from './helpers';

afterAll(removeTempDirs);

// A plan with every verdict, so that every colour is used when colour is on.
const MIXED = path.join(FIXTURES, 'mixed.json');

/** The table of the mixed plan in a given terminal. */
function table(isTTY: boolean, env: NodeJS.ProcessEnv, ...options: string[]): string {
  const result = run(['assess', MIXED, ...options], { isTTY, env });
  expect(result.status).toBe(1);
  expect(result.stderr).toBe('');
  return result.stdout;
}

/** Text with the ANSI escapes taken out. */
function strip(text: string): string {
  return text.replace(/\u001b\[\d+m/g, '');
}

describe('colour in the table', () => {
  test('is on with FORCE_COLOR=1, even when stdout is not a terminal', () => {
    const coloured = table(false, { FORCE_COLOR: '1' });
    expect(coloured).toMatch(ANSI);
    // red for not-ready, green for ready, and nothing but the colour differs from the plain table
    expect(coloured).toContain('\u001b[31mnot-ready');
    expect(coloured).toContain('\u001b[32mready');
    expect(strip(coloured)).toBe(table(false, {}));
  });

  test('is on on a terminal', () => {
    expect(table(true, {})).toMatch(ANSI);
  });

  test('is off with NO_COLOR=1, even on a terminal', () => {
    const plain = table(true, { NO_COLOR: '1' });
    expect(plain).not.toMatch(ANSI);
    expect(plain).toMatch(/^legacy-01 +wave-1 +not-ready /m);
  });

  test('is off when stdout is not a terminal', () => {
    expect(table(false, {})).not.toMatch(ANSI);
  });

  test('is off with FORCE_COLOR=0 or FORCE_COLOR=false, even on a terminal', () => {
    expect(table(false, { FORCE_COLOR: '0' })).not.toMatch(ANSI);
    expect(table(true, { FORCE_COLOR: '0' })).not.toMatch(ANSI);
    expect(table(true, { FORCE_COLOR: 'false' })).not.toMatch(ANSI);
  });

  test('is on with FORCE_COLOR set empty, as Node reads it', () => {
    expect(table(false, { FORCE_COLOR: '' })).toMatch(ANSI);
  });

  test('is on with NO_COLOR set empty (https://no-color.org: only a non-empty value counts)', () => {
    expect(table(true, { NO_COLOR: '' })).toMatch(ANSI);
  });

  test('is off when NO_COLOR is set along with FORCE_COLOR', () => {
    expect(table(true, { NO_COLOR: '1', FORCE_COLOR: '1' })).not.toMatch(ANSI);
  });
});

describe('colour elsewhere', () => {
  test('JSON never has colour', () => {
    const json = table(true, { FORCE_COLOR: '1' }, '--format', 'json');
    expect(json).not.toMatch(ANSI);
    expect(JSON.parse(json).summary.vms).toBe(5);
  });

  test('--output never has colour, not even the table on a terminal with FORCE_COLOR', () => {
    // GIVEN a terminal that asks for colour
    const dir = tempDir();
    const out = path.join(dir, 'report.txt');
    // WHEN the table goes to a file
    const result = run(['assess', MIXED, '--output', out], { isTTY: true, env: { FORCE_COLOR: '1' } });
    // THEN the file is the plain table
    expect(result).toEqual({ status: 1, stdout: '', stderr: '' });
    const written = fs.readFileSync(out, 'utf8');
    expect(written).not.toMatch(ANSI);
    expect(written).toBe(table(false, {}));
  });

  test('rules, explain and schema never have colour', () => {
    for (const args of [['rules'], ['explain', 'SMS-OS2'], ['schema']]) {
      const result = run(args, { isTTY: true, env: { FORCE_COLOR: '1' } });
      expect(result.status).toBe(0);
      expect(result.stdout).not.toMatch(ANSI);
    }
  });
});
