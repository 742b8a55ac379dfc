/**
 * `npm run bench`: what the project promises about speed and memory, measured outside the tests, each
 * figure beside the floor it is judged against, in one run on the same machine.
 *
 * Every comparison is paired: the subject and its floor run in turn, each as a fresh node process
 * timed from spawn to exit, so that a slower moment of the machine weighs on both alike; medians are
 * compared. Rows (the goals of the project's performance issue):
 *
 * 1. `cdk-sms assess --format json` on generated plans of 1,000, 10,000 and 50,000 VMs, against a node
 *    process that only reads and JSON.parses the same file. Goal: at most 2x at every size; at 50,000
 *    VMs peak memory at most 3x the floor's. Then the 10,000-VM plan with `--compact`, the same goal.
 * 2. `cdk-sms --version` against `node -e 0`. Goal: at most 1.3x.
 * 3. Synthesis of a `Migration` over 1,000 VMs in one wave (bench/synth-migration-app.ts) against the
 *    same number of bare custom resources in as many stacks as the wave needs, with a literal service
 *    token, no provider and no assessment (bench/synth-baseline-app.ts); the Migration's provider stack
 *    is its own cost. CDK's built-in template validation on for both (the default; goal at most 1.15x)
 *    and off for both (`CDK_VALIDATION=false`; goal at most 1.5x).
 * 4. `cdk-sms import rvtools` of a 10,000-VM inventory, as a workbook and as tab CSVs
 *    (bench/import-bench.ts). Goal: at most 3 s and 300 MB each.
 * 5. Every report format of a 10,000-VM assessment: size and render time, in process (bench/report-bench.ts).
 *
 * 6. `cdk-sms assess` of a 10,000-VM MGN plan (bench/mgn-plan-generator.ts): the MGN pack, against its floor, goal 2x.
 *
 * Bounds, in a table of their own: programs that do only a part of a row's work, the part no
 * implementation can skip, against the same floor. Their ratio is the least the row can reach on this
 * machine, and what is left of the goal above it is what the rest of the work may cost:
 * - beside the assessments: reading the plan and writing its VMs back as indented JSON in pieces, as
 *   the report is written (bench/bound-echo.ts), at 10,000 and 50,000 VMs;
 * - beside each synthesis row, with the same validation setting: the floor's stacks plus the Migration's
 *   shared replication job provider alone (bench/synth-baseline-app.ts with `provider`), the one provider
 *   CDK's custom-resource framework builds for the Migration's jobs.
 *
 * BENCH_RUNS sets the runs per side (default 5); BENCH_ONLY=assess,mgn,version,synth,import,reports runs a part.
 */
import * as fs from 'fs';
import * as path from 'path';
import { benchImport } from './import-bench';
import { Measure, measurePaired, mb, Side, WORK } from './measure';
import { benchReports } from './report-bench';
import { generatePlan } from './plan-generator';
import { generateMgnPlan } from './mgn-plan-generator';
import { shardCount } from '../lib/migration/shards';

const ROOT = path.join(__dirname, '..');
const CLI = path.join(ROOT, 'lib', 'cli', 'cdk-sms.js');
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const ONLY = process.env.BENCH_ONLY?.split(',');

/** One line of the summary table. */
interface Row {
  readonly work: string;
  readonly floor: Measure;
  readonly subject: Measure;
  /** The largest ratio of medians allowed. */
  readonly goal: number;
  /** The largest ratio of peak memory allowed, when there is one. */
  readonly memoryGoal?: number;
}

const rows: Row[] = [];

/** One line of the bounds table: the least part of a row's work, against the row's floor. */
interface Bound {
  readonly work: string;
  readonly floor: Measure;
  readonly bound: Measure;
  /** The goal of the row it bounds. */
  readonly goal: number;
}

const bounds: Bound[] = [];

/** The goal of every assessment row: at most twice its floor. */
const ASSESS_GOAL = 2;
const ms = (value: number): string => `${value.toFixed(0)} ms`;

function planFile(vms: number): string {
  const file = path.join(WORK, `plan-${vms}.json`);
  if (!fs.existsSync(file)) {
    fs.writeFileSync(file, JSON.stringify(generatePlan(vms), null, 2));
  }
  return file;
}

/** The floor of an assessment: a node process that only reads and JSON.parses the plan file. */
function parseFloor(file: string): Side {
  return { args: ['-e', `JSON.parse(require('fs').readFileSync(${JSON.stringify(file)}, 'utf8'))`] };
}

function benchAssess(): void {
  for (const vms of [1_000, 10_000, 50_000]) {
    const file = planFile(vms);
    const floor = parseFloor(file);
    const subject: Side = { args: [CLI, 'assess', file, '--format', 'json', '--output', path.join(WORK, `report-${vms}.json`)], ok: [0, 1] };
    const [f, s] = measurePaired([floor, subject], RUNS);
    rows.push({
      work: `assess --format json, ${vms.toLocaleString('en-US')} VMs (${mb(fs.statSync(file).size)})`,
      floor: f, subject: s, goal: ASSESS_GOAL, memoryGoal: vms === 50_000 ? 3 : undefined,
    });
  }
  for (const vms of [10_000, 50_000]) {
    const file = planFile(vms);
    const echo = path.join(WORK, `echo-${vms}.json`);
    const [f, b] = measurePaired([parseFloor(file), { args: [path.join(__dirname, 'bound-echo.js'), file, echo] }], RUNS);
    bounds.push({
      work: `read the plan, write its VMs back as indented JSON (${mb(fs.statSync(echo).size)}), ${vms.toLocaleString('en-US')} VMs`,
      floor: f, bound: b, goal: ASSESS_GOAL,
    });
  }
  // The same assessment written with --compact (JSON without spacing): what the option buys, against the same floor.
  const file = planFile(10_000);
  const floor = parseFloor(file);
  const subject: Side = { args: [CLI, 'assess', file, '--format', 'json', '--compact', '--output', path.join(WORK, 'report-compact-10000.json')], ok: [0, 1] };
  const [f, s] = measurePaired([floor, subject], RUNS);
  rows.push({ work: `assess --format json --compact, 10,000 VMs (${mb(fs.statSync(file).size)})`, floor: f, subject: s, goal: ASSESS_GOAL });
}

/**
 * A 10,000-VM MGN plan (bench/mgn-plan-generator.ts: the same VMs with MGN's facts, dated waves), judged
 * on a fixed as-of day so that the OS matrix's dates judge alike on every run, against its own floor:
 * the MGN pack's cost beside the SMS pack's.
 */
function benchAssessMgn(): void {
  const vms = 10_000;
  const file = path.join(WORK, `plan-mgn-${vms}.json`);
  if (!fs.existsSync(file)) {
    fs.writeFileSync(file, JSON.stringify(generateMgnPlan(vms), null, 2));
  }
  const floor = parseFloor(file);
  const subject: Side = {
    args: [CLI, 'assess', file, '--as-of', '2026-12-04', '--format', 'json', '--output', path.join(WORK, `report-mgn-${vms}.json`)],
    ok: [0, 1],
  };
  const [f, s] = measurePaired([floor, subject], RUNS);
  rows.push({ work: `assess (MGN plan) --format json, ${vms.toLocaleString('en-US')} VMs (${mb(fs.statSync(file).size)})`, floor: f, subject: s, goal: ASSESS_GOAL });
}

function benchVersion(): void {
  const [f, s] = measurePaired([{ args: ['-e', '0'] }, { args: [CLI, '--version'] }], Math.max(RUNS, 11));
  rows.push({ work: 'cdk-sms --version (floor: node -e 0)', floor: f, subject: s, goal: 1.3 });
}

const SYNTH_VMS = 1_000;

function benchSynth(): void {
  const plan = generatePlan(SYNTH_VMS) as { vms: Array<{ wave?: string }> };
  // One wave; the generator's plan already acknowledges SMS-JOB4 plan-wide (far more than 50 jobs).
  for (const vm of plan.vms) {
    vm.wave = 'wave-1';
  }
  const file = path.join(WORK, `plan-synth-${SYNTH_VMS}.json`);
  fs.writeFileSync(file, JSON.stringify(plan, null, 2));
  // As many stacks as the Migration makes of the wave (its default jobsPerStack, 400).
  const stacks = shardCount(SYNTH_VMS, 400);
  // Each run synthesizes into an empty folder, as a first `cdk synth` does (assets are copied in).
  const emptied = (name: string) => (): void => fs.rmSync(path.join(WORK, `synth-${name}.out`), { recursive: true, force: true });
  for (const validation of [true, false]) {
    // aws-cdk-lib turns its validation off for the value "false" only.
    const env = { CDK_VALIDATION: validation ? 'true' : 'false' };
    const goal = validation ? 1.15 : 1.5;
    const floor: Side = {
      args: [path.join(__dirname, 'synth-baseline-app.js'), file, path.join(WORK, 'synth-floor.out'), String(stacks)],
      env, before: emptied('floor'),
    };
    const subject: Side = {
      args: [path.join(__dirname, 'synth-migration-app.js'), file, path.join(WORK, 'synth-migration.out')],
      env, before: emptied('migration'),
    };
    const [f, s] = measurePaired([floor, subject], RUNS);
    // The wave's stacks, and the provider stack they share (the Migration's own cost: the floor has none).
    const templates = fs.readdirSync(path.join(WORK, 'synth-migration.out')).filter((n) => n.endsWith('.template.json')).length;
    if (templates !== stacks + 1) {
      throw new Error(`the Migration synthesized ${templates} stacks, the floor ${stacks} (and one provider stack): the comparison is off`);
    }
    const bound: Side = { ...floor, args: [...floor.args, 'provider'] };
    const [bf, b] = measurePaired([floor, bound], RUNS);
    bounds.push({
      work: `the floor's ${stacks} stacks and the shared provider stack alone, CDK validation ${validation ? 'on' : 'off'}`,
      floor: bf, bound: b, goal,
    });
    emptied('floor')();
    emptied('migration')();
    rows.push({
      work: `synth, ${SYNTH_VMS.toLocaleString('en-US')} VMs in ${stacks} stacks, CDK validation ${validation ? 'on' : 'off'}`,
      floor: f, subject: s, goal,
    });
  }
}

function summary(): string {
  const lines = ['', `Paired runs, medians of ${RUNS} (wall time from spawn to exit; CPU time of the process; peak resident memory):`, ''];
  lines.push('| work | floor | cdk-sms-migration | ratio | goal | CPU ratio | memory (x floor) | met |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |');
  for (const row of rows) {
    const ratio = row.subject.medianMs / row.floor.medianMs;
    const memory = row.subject.peakBytes / row.floor.peakBytes;
    const met = ratio <= row.goal && (row.memoryGoal === undefined || memory <= row.memoryGoal);
    const cpu = row.subject.cpuMs / row.floor.cpuMs;
    lines.push(`| ${row.work} | ${ms(row.floor.medianMs)} | ${ms(row.subject.medianMs)} | ${ratio.toFixed(2)} | <= ${row.goal} `
      + `| ${cpu.toFixed(2)} | ${memory.toFixed(2)}${row.memoryGoal !== undefined ? ` (<= ${row.memoryGoal})` : ''} | ${met ? 'yes' : 'NO'} |`);
  }
  if (bounds.length > 0) {
    lines.push('', 'Bounds: the part of a row\'s work that no implementation skips, alone, against the same floor:', '');
    lines.push('| work | floor | bound | ratio | goal of its row | left for the rest of the work |', '| --- | ---: | ---: | ---: | ---: | ---: |');
    for (const row of bounds) {
      const ratio = row.bound.medianMs / row.floor.medianMs;
      lines.push(`| ${row.work} | ${ms(row.floor.medianMs)} | ${ms(row.bound.medianMs)} | ${ratio.toFixed(2)} | <= ${row.goal} `
        + `| ${ms(Math.max(0, row.goal * row.floor.medianMs - row.bound.medianMs))} |`);
    }
  }
  return `${lines.join('\n')}\n\n`;
}

const wanted = (part: string): boolean => ONLY === undefined || ONLY.includes(part);
fs.mkdirSync(WORK, { recursive: true });
if (!fs.existsSync(CLI)) {
  throw new Error(`${CLI} is missing: run npm run build first`);
}
if (wanted('assess')) {
  benchAssess();
}
if (wanted('mgn')) {
  benchAssessMgn();
}
if (wanted('version')) {
  benchVersion();
}
if (wanted('synth')) {
  benchSynth();
}
process.stdout.write(summary());
if (wanted('import')) {
  process.stdout.write(benchImport());
}
if (wanted('reports')) {
  process.stdout.write(benchReports(RUNS));
}
