/**
 * `npm run bench`: measures what the project promises about speed and memory, outside the tests.
 *
 * 1. `cdk-sms assess --format json` on a generated 10,000-VM plan, as a whole process, beside the
 *    floor: a node process that only reads and JSON.parses the same file. Target: ratio <= 2,
 *    peak memory <= 400 MB.
 * 2. Synthesis of a `Migration` over a generated 1,000-VM plan in one wave (bench/synth-migration-app.ts),
 *    beside the floor: the same number of bare custom resources of the same type, with a literal
 *    service token, no provider and no assessment, in as many stacks as the wave needs
 *    (bench/synth-baseline-app.ts). The Migration's provider stack is not matched by a stack of the
 *    floor: it is the Migration's own cost. Both get CDK's template validation as the environment sets
 *    it (`CDK_VALIDATION=false` turns it off in both). Each is a fresh node process, timed from its
 *    start to the end of `app.synth()` into an empty folder. Target: ratio <= 1.15 with validation,
 *    <= 1.5 without.
 * 3. `cdk-sms import rvtools` of a generated 10,000-VM RVTools workbook, as a whole process
 *    (bench/import-bench.ts). Target: <= 3 s and <= 500 MB.
 * 4. Every report format of the same 10,000-VM assessment: size and render time, in process
 *    (bench/report-bench.ts).
 *
 * Each command runs several times (the two synth apps in turn); the median wall time is reported.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { shardCount } from '../lib/migration/shards';
import { benchImport } from './import-bench';
import { benchReports } from './report-bench';
import { generatePlan } from './plan-generator';

const ROOT = path.join(__dirname, '..');
const WORK = path.join(ROOT, '.bench');
const RUNS = Number(process.env.BENCH_RUNS ?? 5);

interface Measure {
  readonly medianMs: number;
  readonly peakBytes: number;
  readonly status: number | null;
}

interface Run {
  readonly ms: number;
  readonly peakBytes: number;
  readonly status: number | null;
}

/** Runs `node -r peak-rss.js ...args` once: its wall time from spawn to exit, and its peak memory. */
function runOnce(args: string[], okStatuses: number[]): Run {
  const peakFile = path.join(WORK, 'peak.txt');
  fs.rmSync(peakFile, { force: true });
  const start = process.hrtime.bigint();
  const child = spawnSync(process.execPath, ['-r', path.join(__dirname, 'peak-rss.js'), ...args], {
    cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, BENCH_PEAK_FILE: peakFile },
  });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (child.status === null || !okStatuses.includes(child.status)) {
    throw new Error(`${args.join(' ')} exited ${child.status ?? child.signal}: ${child.stderr}`);
  }
  return { ms, peakBytes: Number(fs.readFileSync(peakFile, 'utf8')), status: child.status };
}

function summarize(runs: Run[]): Measure {
  const times = runs.map((r) => r.ms).sort((a, b) => a - b);
  return {
    medianMs: times[Math.floor(times.length / 2)],
    peakBytes: Math.max(...runs.map((r) => r.peakBytes)),
    status: runs[runs.length - 1].status,
  };
}

function measure(args: string[]): Measure {
  return summarize(Array.from({ length: RUNS }, () => runOnce(args, [0, 1])));
}

const mb = (bytes: number): string => `${(bytes / 1e6).toFixed(0)} MB`;
const ms = (value: number): string => `${value.toFixed(0)} ms`;

function benchAssess(): void {
  fs.mkdirSync(WORK, { recursive: true });
  const planFile = path.join(WORK, 'plan-10000.json');
  fs.writeFileSync(planFile, JSON.stringify(generatePlan(10_000), null, 2));
  const size = fs.statSync(planFile).size;

  const floor = measure(['-e', `JSON.parse(require('fs').readFileSync(${JSON.stringify(planFile)}, 'utf8'))`]);
  const assess = measure([path.join(ROOT, 'lib', 'cli', 'cdk-sms.js'), 'assess', planFile, '--format', 'json',
    '--output', path.join(WORK, 'report-10000.json')]);
  const ratio = assess.medianMs / floor.medianMs;

  process.stdout.write([
    `assess: 10,000 VMs, plan ${mb(size)}, median of ${RUNS} runs`,
    `  floor (node + JSON.parse):      ${ms(floor.medianMs).padStart(8)}   peak ${mb(floor.peakBytes)}`,
    `  cdk-sms assess --format json:   ${ms(assess.medianMs).padStart(8)}   peak ${mb(assess.peakBytes)}   exit ${assess.status}`,
    `  ratio ${ratio.toFixed(2)} (target <= 2), peak ${mb(assess.peakBytes)} (target <= 400 MB)`,
    '',
  ].join('\n'));
}

const SYNTH_VMS = 1_000;

function benchSynth(): void {
  fs.mkdirSync(WORK, { recursive: true });
  const plan = generatePlan(SYNTH_VMS) as { vms: Array<{ wave?: string }> };
  // One wave; the generator's plan already acknowledges SMS-JOB4 plan-wide (far more than 50 jobs).
  for (const vm of plan.vms) {
    vm.wave = 'wave-1';
  }
  const planFile = path.join(WORK, `plan-synth-${SYNTH_VMS}.json`);
  fs.writeFileSync(planFile, JSON.stringify(plan, null, 2));
  // As many stacks as the Migration makes of the wave (its default jobsPerStack, 400).
  const stacks = shardCount(SYNTH_VMS, 400);

  // Each run synthesizes into an empty folder, as a first `cdk synth` does (assets are copied in).
  const emptied = (name: string): string => {
    const dir = path.join(WORK, `synth-${name}.out`);
    fs.rmSync(dir, { recursive: true, force: true });
    return dir;
  };
  const floorRuns: Run[] = [];
  const migrationRuns: Run[] = [];
  for (let i = 0; i < RUNS; i++) {
    // In turn, so that a slower moment of the machine weighs on both alike.
    floorRuns.push(runOnce([path.join(__dirname, 'synth-baseline-app.js'), planFile, emptied('floor'), String(stacks)], [0]));
    const migrationOut = emptied('migration');
    migrationRuns.push(runOnce([path.join(__dirname, 'synth-migration-app.js'), planFile, migrationOut], [0]));
    // The wave's stacks, and the provider stack that they share.
    const templates = fs.readdirSync(migrationOut).filter((f) => f.endsWith('.template.json')).length;
    if (templates !== stacks + 1) {
      throw new Error(`the Migration synthesized ${templates} stacks, the floor ${stacks} (and one provider stack): the comparison is off`);
    }
  }
  emptied('floor');
  emptied('migration');
  const floor = summarize(floorRuns);
  const migration = summarize(migrationRuns);
  const ratio = migration.medianMs / floor.medianMs;

  process.stdout.write([
    `synth: ${SYNTH_VMS.toLocaleString('en-US')} VMs in one wave, ${stacks} stacks (and the Migration's provider stack), `
      + `CDK validation ${process.env.CDK_VALIDATION === 'false' ? 'off' : 'on'}, median of ${RUNS} runs (process start to app.synth() done)`,
    `  floor (bare CustomResources):   ${ms(floor.medianMs).padStart(8)}   peak ${mb(floor.peakBytes)}`,
    `  Migration:                      ${ms(migration.medianMs).padStart(8)}   peak ${mb(migration.peakBytes)}`,
    `  ratio ${ratio.toFixed(2)} (target <= ${process.env.CDK_VALIDATION === 'false' ? '1.5' : '1.15'}), peak ${mb(migration.peakBytes)}`,
    '',
  ].join('\n'));
}

benchAssess();
benchSynth();
process.stdout.write(benchImport());
process.stdout.write(benchReports(RUNS));
