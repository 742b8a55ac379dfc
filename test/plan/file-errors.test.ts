import * as fs from 'fs';
import * as path from 'path';
import { loadPlanFile, parsePlan, PlanIssue } from '../../lib/plan';
import { errorOf, issuesOf, planJson, removeTempDirs, tempDir } from './helpers';

afterAll(removeTempDirs);

/** The one issue loading a file gives. */
function onlyIssue(file: string, options?: { maxBytes?: number }): PlanIssue {
  const issues = errorOf(() => loadPlanFile(file, options)).issues;
  expect(issues).toHaveLength(1);
  return issues[0];
}

function write(name: string, content: string | Buffer): string {
  const file = path.join(tempDir(), name);
  fs.writeFileSync(file, content);
  return file;
}

describe('files that cannot be read', () => {
  test('fails when the file does not exist', () => {
    // GIVEN a path to nothing
    const file = path.join(tempDir(), 'missing.json');
    // WHEN
    const issue = onlyIssue(file);
    // THEN
    expect(issue).toEqual({ file, path: '', line: undefined, column: undefined, message: 'file not found' });
    expect(errorOf(() => loadPlanFile(file)).message).toBe(`${file}: file not found`);
  });

  test('fails when a part of the path is a file', () => {
    const file = path.join(write('plan.json', planJson()), 'inner.json');
    expect(onlyIssue(file).message).toBe('file not found (a part of the path is not a directory)');
  });

  test('fails when the path is a directory', () => {
    const dir = tempDir();
    expect(onlyIssue(dir)).toMatchObject({ file: dir, path: '', message: 'is a directory, not a plan file' });
  });

  test('fails when the file cannot be read', () => {
    // GIVEN a file whose read is refused (as root, permissions would not stop the read, so the refusal is simulated)
    const file = write('plan.json', planJson());
    const denied = Object.assign(new Error(`EACCES: permission denied, open '${file}'`), { code: 'EACCES' });
    const spy = jest.spyOn(fs, 'readFileSync').mockImplementation(() => {
      throw denied;
    });
    try {
      // WHEN / THEN
      expect(onlyIssue(file).message).toBe('permission denied: the file cannot be read');
    } finally {
      spy.mockRestore();
    }
  });

  test('fails when the file is empty', () => {
    const file = write('plan.json', '');
    expect(onlyIssue(file).message).toBe('file is empty (0 bytes): a plan needs at least "version" and "vms"');
    expect(issuesOf('', 'plan.yaml')[0].message).toMatch(/^file is empty \(0 bytes\)/);
  });

  test('fails when the file holds only whitespace', () => {
    const file = write('plan.yaml', '  \n\t\n');
    expect(onlyIssue(file).message).toBe('file is blank (only whitespace): a plan needs at least "version" and "vms"');
  });

  test('fails when a YAML file holds only comments', () => {
    expect(issuesOf('# to do\n', 'plan.yaml')[0].message).toMatch(/^file holds no plan \(only comments, or null\)/);
  });

  test('fails when the file is above the size limit, saying both sizes', () => {
    // GIVEN a 3,000-byte file and a 2 KiB limit
    const file = write('plan.json', `${planJson()}${' '.repeat(3000)}`.slice(0, 3000));
    // WHEN
    const issue = onlyIssue(file, { maxBytes: 2048 });
    // THEN
    expect(issue.message).toBe('file is 2.9 KiB (3000 bytes), above the 2 KiB (2048 bytes) a plan file may hold: split the plan into several files');
  });

  test('applies the size limit to text as UTF-8 bytes', () => {
    // GIVEN 1,000 characters that are 3,000 bytes of UTF-8
    const text = `{"version": 1, "vms": [], "x": "${'€'.repeat(1000)}"}`;
    // THEN
    expect(issuesOf(text, 'plan.json', { maxBytes: 2048 })[0].message).toBe('file is 3.0 KiB (3034 bytes), above the 2 KiB (2048 bytes) a plan file may hold: split the plan into several files');
  });

  test('defaults the size limit to 256 MiB', () => {
    // GIVEN a sparse file of 300 MiB (nothing is written, so this is cheap)
    const file = path.join(tempDir(), 'huge.json');
    fs.closeSync(fs.openSync(file, 'w'));
    fs.truncateSync(file, 300 * 1024 * 1024);
    // THEN
    expect(onlyIssue(file).message).toBe('file is 300 MiB (314572800 bytes), above the 256 MiB (268435456 bytes) a plan file may hold: split the plan into several files');
  });
});

describe('files that are not UTF-8 text', () => {
  test('fails on invalid UTF-8, pointing at the first bad byte', () => {
    // GIVEN a Latin-1 "é" on line 3
    const text = Buffer.concat([Buffer.from('version: 1\nvms:\n  - name: caf'), Buffer.from([0xe9]), Buffer.from('\n')]);
    const file = write('plan.yaml', text);
    // WHEN
    const issue = onlyIssue(file);
    // THEN
    expect(issue).toMatchObject({ line: 3, column: 14, path: '' });
    expect(issue.message).toBe('file is not valid UTF-8 (byte 0xE9 at offset 29): save it as UTF-8');
  });

  test('fails on binary content', () => {
    const file = write('plan.json', Buffer.from([0x7b, 0x00, 0x01, 0x02, 0x7d]));
    expect(onlyIssue(file).message).toBe('file is binary (it holds a NUL byte at offset 1), not a JSON or YAML plan');
  });

  test('fails on binary content in text, with its position', () => {
    const issues = issuesOf('version: 1\nvms: \u0000\n', 'plan.yaml');
    expect(issues).toEqual([{ file: 'plan.yaml', path: '', line: 2, column: 6,
      message: 'file is binary (it holds a NUL character), not a JSON or YAML plan' }]);
  });

  test('fails on UTF-16, a gzip archive and a zip archive, saying which', () => {
    expect(onlyIssue(write('a.json', Buffer.from('\uFEFF{}', 'utf16le'))).message).toBe('file is UTF-16 encoded: save it as UTF-8');
    expect(onlyIssue(write('b.json', Buffer.from([0x1f, 0x8b, 0x08, 0x00]))).message).toMatch(/^file is a gzip archive/);
    expect(onlyIssue(write('c.json', Buffer.from('PK\u0003\u0004xxxx'))).message).toMatch(/^file is a zip archive/);
  });

  test('accepts a UTF-8 byte order mark', () => {
    const file = write('plan.json', `\uFEFF${planJson()}`);
    expect(loadPlanFile(file).plan.vms[0].name).toBe('web-01');
  });

  test('reads UTF-8 text beyond ASCII', () => {
    const loaded = parsePlan(planJson([{ name: 'café-01', hypervisor: 'vmware' }]), 'plan.json');
    expect(loaded.plan.vms[0].name).toBe('café-01');
  });
});
