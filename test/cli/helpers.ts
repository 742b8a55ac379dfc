import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { stringify as toYaml } from 'yaml';
import { CliIo } from '../../lib/cli/io';
import { runCli } from '../../lib/cli/program';
import { parsePlan } from '../../lib/plan';
import { Plan, Vm } from '../../lib/plan/model/plan';
import { Report } from '../../lib/report/report';
import { RULE_IDS } from '../../lib/rules/sms';
import { hypervEstate, HvVm, writeHypervExports } from '../importers/exports';

/** The repository root: the CLI's relative paths (examples/plan.json) are resolved from here. */
export const ROOT = path.resolve(__dirname, '..', '..');

/** The committed fixtures of the CLI tests. */
export const FIXTURES = path.join(__dirname, 'fixtures');

/** The realistic 25-VM plan the README shows. */
export const EXAMPLE = path.join(ROOT, 'examples', 'plan.json');

/** The compiled command, as `npx cdk-sms` runs it. */
export const MAIN = path.join(ROOT, 'lib', 'cli', 'main.js');

/** What one run of the command did. */
export interface CliRun {
  readonly status: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** How a test's terminal looks to the CLI. */
export interface RunOptions {
  /** @default false (a pipe, as in CI) */
  readonly isTTY?: boolean;
  /** @default {} (no NO_COLOR, no FORCE_COLOR) */
  readonly env?: NodeJS.ProcessEnv;
}

/** Runs the CLI in this process, capturing what it writes. */
export function run(args: readonly string[], options: RunOptions = {}): CliRun {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
    isTTY: options.isTTY ?? false,
    env: options.env ?? {},
  };
  const status = runCli(args, io);
  return { status, stdout, stderr };
}

/**
 * The process environment without the variables that decide colour, so that a test's result does not
 * depend on the terminal (or CI) that runs jest.
 */
export function plainEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env = { ...process.env };
  delete env.NO_COLOR;
  delete env.FORCE_COLOR;
  delete env.CDK_SMS_DEBUG;
  return { ...env, ...extra };
}

/**
 * The timeout of a test that starts the command in child processes. A start takes a fraction of a second
 * on an idle machine, and many times that on a busy one (2 cores shared by several jest workers): jest's
 * default of 5 s is not enough, so files that spawn set this with `jest.setTimeout`.
 */
export const PROCESS_TEST_TIMEOUT_MS = 120_000;

/** Runs the real command (`node lib/cli/main.js`) in a child process, stdout and stderr piped apart. */
export function runProcess(args: readonly string[], env: NodeJS.ProcessEnv = plainEnv()): CliRun {
  const result = spawnSync(process.execPath, [MAIN, ...args], { cwd: ROOT, env, encoding: 'utf8', timeout: 60_000 });
  if (result.error) {
    throw result.error;
  }
  return { status: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

/** The JSON report of several plans: one report per plan, each naming its file first. */
export type FileReport = { readonly file: string } & Report;

/** The JSON that a run printed (by default one plan's report); fails the test with the run's stderr when it is not JSON. */
export function jsonOf<T = Report>(result: CliRun): T {
  try {
    return JSON.parse(result.stdout);
  } catch {
    throw new Error(`stdout is not JSON (status ${result.status}); stderr: ${result.stderr}\nstdout: ${result.stdout.slice(0, 500)}`);
  }
}

/** A line of a Node stack trace. */
export const STACK_FRAME = /^\s+at\s/m;

/** Any ANSI escape sequence. */
export const ANSI = /\u001b\[/;

const tempDirs: string[] = [];

/** A fresh temporary folder; `removeTempDirs` (in `afterAll`) removes it. */
export function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cdk-sms-cli-test-'));
  tempDirs.push(dir);
  return dir;
}

/** Removes every folder `tempDir` made. */
export function removeTempDirs(): void {
  for (const dir of tempDirs.splice(0)) {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Writes a file into a fresh temporary folder and returns its path. */
export function writeTemp(name: string, content: string | Buffer): string {
  const file = path.join(tempDir(), name);
  fs.writeFileSync(file, content);
  return file;
}

/** A plan type whose every field a test may change. */
export type Editable<T> = T extends ReadonlyArray<infer U> ? Editable<U>[]
  : T extends object ? { -readonly [K in keyof T]: Editable<T[K]> } : T;

/**
 * A fresh copy of the ready plan: web-01 and dc1-connector of examples/plan.json with the example's
 * defaults, every fact given, so that it is `ready` and each test can change one fact.
 */
export function readyPlan(): Editable<Plan> {
  return JSON.parse(fs.readFileSync(path.join(FIXTURES, 'ready.json'), 'utf8'));
}

/** The ready plan with one change (made by `change` on the plan and its only VM), written as JSON. */
export function planFile(change: (vm: Editable<Vm>, plan: Editable<Plan>) => void = () => undefined, name = 'plan.json'): string {
  const plan = readyPlan();
  change(plan.vms[0], plan);
  return writeTemp(name, `${JSON.stringify(plan, null, 2)}\n`);
}

/** The files in a folder, hidden ones (a leftover `.report.json.123.tmp`) included. */
export function filesIn(dir: string): string[] {
  return fs.readdirSync(dir).sort();
}

/** The plan in a file, checked as `assess` reads it. */
export function readPlan(file: string): Plan {
  return parsePlan(fs.readFileSync(file, 'utf8'), file, { ruleIds: new Set(RULE_IDS) }).plan;
}

/** Exit 2, nothing on stdout, a message without a stack trace on stderr. */
export function expectInputError(result: CliRun): void {
  expect(result.status).toBe(2);
  expect(result.stdout).toBe('');
  expect(result.stderr).not.toBe('');
  expect(result.stderr).not.toMatch(STACK_FRAME);
  expect(result.stderr.endsWith('\n')).toBe(true);
}

/** The estate after a change: web-01's data disk grew to 150 GiB, old-01 is gone, new-01 is new. */
export function changedEstate(): HvVm[] {
  const estate = hypervEstate();
  estate[0] = { ...estate[0], disks: [{ ...estate[0].disks[0], sizeGiB: 150 }, estate[0].disks[1]] };
  estate.splice(2, 1, { name: 'new-01', vmId: '0a1b2c3d-0000-4000-8000-000000000004', generation: 1,
    disks: [{ file: 'E:\\VMs\\new-01.vhdx', sizeGiB: 80, controller: 'IDE', location: 0 }] });
  return estate;
}

/** A plan written by `import hyperv`, in a folder of its own, then edited by `edit`. */
export function importedPlan(name: string, edit: (plan: Plan) => Plan = (p) => p): string {
  const dir = tempDir();
  const file = path.join(dir, name);
  const result = run(['import', 'hyperv', ...writeHypervExports(hypervEstate()), '--output', file]);
  expect(result.status).toBe(0);
  const plan = edit(readPlan(file));
  fs.writeFileSync(file, name.endsWith('.json') ? `${JSON.stringify(plan, null, 2)}\n` : toYaml(plan));
  return file;
}

/** A person's edits: waves, replication, acknowledgements, guest and OS facts, a connector. */
export function handEdits(plan: Plan): Plan {
  const [web, db, old] = plan.vms;
  return {
    ...plan,
    defaults: { replication: { type: 'interval' as never, frequencyHours: 12 } },
    acknowledge: [{ rule: 'SMS-JOB4', reason: 'quota raised by AWS Support' }],
    connectors: [{ name: 'hv-connector', hypervisor: 'hyperv' as never, memoryGiB: 16 }],
    vms: [
      { ...web, wave: 'wave-1', connector: 'hv-connector', os: { family: 'windows' as never, name: 'windows-server', version: '2012 R2', edition: 'standard' },
        guest: { antivirusEnabled: false, remoteAccessEnabled: true }, replication: { frequencyHours: 6 },
        acknowledge: [{ rule: 'SMS-NET1', reason: 'backup NIC' }] },
      { ...db, wave: 'wave-2' },
      { ...old, wave: 'wave-2' },
    ],
  };
}

/**
 * A command whose code carries an SDK client is a bundle part of its own (`lib/cli/<part>`): the part holds
 * `command` (the client bundled in, not required), and the program (`cdk-sms-run.js`) loads the part
 * without holding the command itself. Asserts nothing where the bundle is not built (jest alone runs on
 * the sources; `npm test` builds first).
 */
export function expectCommandBundledApart(part: string, command: string): void {
  const bundle = path.join(ROOT, 'lib', 'cli', part);
  if (!fs.existsSync(bundle)) {
    return;
  }
  const text = fs.readFileSync(bundle, 'utf8');
  expect(text).toContain(command);
  expect(text).not.toMatch(/require\("@aws-sdk\/client-mgn"\)/);
  const run = fs.readFileSync(path.join(ROOT, 'lib', 'cli', 'cdk-sms-run.js'), 'utf8');
  expect(run).toContain(`require("./${part}")`);
  expect(run).not.toContain(command);
}
