import { spawn, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { DEFAULT_MAX_BYTES } from '../../lib/plan';
import { hypervEstate, writeHypervExports } from '../importers/exports';
import {
  ANSI, EXAMPLE, filesIn, MAIN, plainEnv, planFile, PROCESS_TEST_TIMEOUT_MS, removeTempDirs, ROOT, runProcess, STACK_FRAME, tempDir, writeTemp,
} from './helpers';

// Every test here starts the command in a child process, some twice.
jest.setTimeout(PROCESS_TEST_TIMEOUT_MS);

// The real command, as `npx cdk-sms` runs it: these prove the exit status the shell sees, that the
// report and the messages go to different streams, and that no stack trace reaches the user. They run
// the compiled lib/cli/main.js, so `npx tsc -p .` (or `npm test`) must have built it.

afterAll(removeTempDirs);

// eslint-disable-next-line @typescript-eslint/no-require-imports
const VERSION: string = require('../../package.json').version;

beforeAll(() => {
  // a stale build would test old code: the compiled entry must be at least as new as its source
  expect(fs.statSync(MAIN).mtimeMs).toBeGreaterThanOrEqual(fs.statSync(path.join(ROOT, 'lib', 'cli', 'main.ts')).mtimeMs);
});

describe('exit statuses of the process', () => {
  test('1 for the example, the table on stdout and nothing on stderr', () => {
    const result = runProcess(['assess', 'examples/plan.json']);
    expect(result.status).toBe(1);
    expect(result.stderr).toBe('');
    expect(result.stdout.split('\n')[0]).toBe('25 VMs: 14 ready, 5 ready with conditions, 5 not ready, 1 unknown');
  });

  test('0 for a ready plan', () => {
    const result = runProcess(['assess', planFile(), '--format', 'json']);
    expect(result.status).toBe(0);
    expect(result.stderr).toBe('');
    expect(JSON.parse(result.stdout).summary).toEqual({ vms: 1, ready: 1, readyWithConditions: 0, notReady: 0, unknown: 0 });
  });

  test('0 for a warning, 1 with --strict', () => {
    const file = planFile((vm) => {
      vm.nics![0].ipv6 = ['2001:db8::12'];
    });
    expect(runProcess(['assess', file]).status).toBe(0);
    expect(runProcess(['assess', file, '--strict']).status).toBe(1);
  });

  test('0 for --version, printing the package version', () => {
    expect(runProcess(['--version'])).toEqual({ status: 0, stdout: `${VERSION}\n`, stderr: '' });
  });

  test('0 for --help, on stdout', () => {
    const result = runProcess(['--help']);
    expect(result.status).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(/^Usage: cdk-sms /);
  });
});

describe('unreadable input in the process: exit 2, a message on stderr, no stack trace', () => {
  function expectInputError(args: string[], stderr: string | RegExp): void {
    const result = runProcess(args);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).not.toMatch(STACK_FRAME);
    if (typeof stderr === 'string') {
      expect(result.stderr).toBe(stderr);
    } else {
      expect(result.stderr).toMatch(stderr);
    }
  }

  test('a missing file', () => {
    const file = path.join(tempDir(), 'plan.json');
    expectInputError(['assess', file], `${file}: file not found\n`);
  });

  test('invalid JSON, with line and column', () => {
    const file = writeTemp('plan.json', '{\n  "version": 1,\n  "vms": [\n}\n');
    expectInputError(['assess', file], new RegExp(`^${file.replace(/[.]/g, '\\.')}:4:1: invalid JSON: `));
  });

  test('a file above the size limit', () => {
    const file = path.join(tempDir(), 'huge.yaml');
    fs.writeFileSync(file, '');
    fs.truncateSync(file, DEFAULT_MAX_BYTES + 1);
    expectInputError(['assess', file], `${file}: file is 256.0 MiB (268435457 bytes), above the 256 MiB (268435456 bytes) a plan file may hold: split the plan into several files\n`);
  });

  test('one bad plan among good ones: no report at all, not even to --output', () => {
    const dir = tempDir();
    const bad = path.join(dir, 'bad.yaml');
    fs.writeFileSync(bad, 'version: 1\nvms:\n  - name: "web-01\n');
    const out = path.join(dir, 'report.json');
    expectInputError(['assess', EXAMPLE, bad, '--output', out], `${bad}:4:1: invalid YAML: missing closing "quote\n`);
    expect(filesIn(dir)).toEqual(['bad.yaml']);
  });

  test('an --output folder that does not exist', () => {
    const out = path.join(tempDir(), 'missing', 'report.json');
    expectInputError(['assess', EXAMPLE, '--output', out], new RegExp('^cdk-sms: .*report\\.json: cannot write the report: the folder .* does not exist\\n$'));
  });

  test('an unknown option', () => {
    expectInputError(['assess', EXAMPLE, '--formt', 'json'], 'error: unknown option \'--formt\'\n(Did you mean --format?)\n');
  });

  test('no arguments: the help, on stderr', () => {
    expectInputError([], /^Usage: cdk-sms \[options\] \[command\]\n[\s\S]*\bassess\b/);
  });

  test('explain of an unknown rule', () => {
    expectInputError(['explain', 'SMS-XX99'], /^cdk-sms: SMS-XX99 is not a rule id: ids are SMS-OS1\.\.10, /);
  });
});

describe('colour in the process', () => {
  test('none when stdout is a pipe', () => {
    const result = runProcess(['assess', 'examples/plan.json'], plainEnv());
    expect(result.status).toBe(1);
    expect(result.stdout).not.toMatch(ANSI);
  });

  test('on with FORCE_COLOR=1', () => {
    const result = runProcess(['assess', 'examples/plan.json'], plainEnv({ FORCE_COLOR: '1' }));
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(ANSI);
  });

  test('off with NO_COLOR=1 and FORCE_COLOR unset', () => {
    const result = runProcess(['assess', 'examples/plan.json'], plainEnv({ NO_COLOR: '1' }));
    expect(result.stdout).not.toMatch(ANSI);
    expect(result.stdout).toMatch(/^legacy-01 +\(unscheduled\) +not-ready /m);
  });

  test('never in JSON, even with FORCE_COLOR=1', () => {
    const result = runProcess(['assess', 'examples/plan.json', '--format', 'json'], plainEnv({ FORCE_COLOR: '1' }));
    expect(result.stdout).not.toMatch(ANSI);
    expect(JSON.parse(result.stdout).summary.vms).toBe(25);
  });
});

describe('a reader that goes away', () => {
  test('closing stdout early (`cdk-sms assess plan.json | head`) prints no error and keeps the exit status', async () => {
    // GIVEN a child whose stdout pipe is closed before it writes its report
    const child = spawn(process.execPath, [MAIN, 'assess', 'examples/plan.json', '--format', 'json'], {
      cwd: ROOT, env: plainEnv(), stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout.destroy();
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
    });
    // WHEN it finishes
    const status = await new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
    // THEN it says nothing (no "Unhandled 'error' event", no EPIPE stack) and exits as the assessment says
    expect(stderr).toBe('');
    expect(status).toBe(1);
  });
});

describe('the bundled command (package.json bin)', () => {
  const bin = path.join(__dirname, '..', '..', 'lib', 'cli', 'cdk-sms.js');

  test('is built and runs the same program as main.js', () => {
    // GIVEN the bundle `npm run build` writes
    expect(fs.existsSync(bin)).toBe(true);
    // WHEN it assesses the example plan
    const result = spawnSync(process.execPath, [bin, 'assess', path.join(__dirname, '..', '..', 'examples', 'plan.json'), '--format', 'json'], {
      encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' },
    });
    // THEN it gives the example's verdicts and exit status
    expect(result.status).toBe(1);
    expect(JSON.parse(result.stdout).summary).toEqual({ vms: 25, ready: 14, readyWithConditions: 5, notReady: 5, unknown: 1 });
  });

  test('answers --version and -v alone without the program, as the program would', () => {
    for (const flag of ['--version', '-v']) {
      const result = spawnSync(process.execPath, [bin, flag], { encoding: 'utf8' });
      expect(result).toMatchObject({ status: 0, stdout: `${VERSION}\n`, stderr: '' });
    }
  });

  test('reads the import command from a file of its own, and its usage errors are still usage errors', () => {
    // GIVEN Hyper-V exports, and an output whose extension contradicts --format
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bundle-'));
    try {
      const out = path.join(dir, 'plan.yaml');
      // WHEN the bundled import command refuses it
      const result = spawnSync(process.execPath, [bin, 'import', 'hyperv', ...writeHypervExports(hypervEstate(), dir), '--output', out,
        '--format', 'json'], { encoding: 'utf8' });
      // THEN exit 2 with the message, not an internal error
      expect(result.stderr).toBe(`cdk-sms: --format json would write JSON into ${out}, which is read as YAML: use --output with a .json file\n`);
      expect(result.status).toBe(2);
      expect(fs.existsSync(path.join(path.dirname(bin), 'cdk-sms-import.js'))).toBe(true);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
