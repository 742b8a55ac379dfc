/**
 * `npm run bench`: measures what the project promises about speed and memory, outside the tests.
 *
 * 1. `cdk-sms assess --format json` on a generated 10,000-VM plan, as a whole process, beside the
 *    floor: a node process that only reads and JSON.parses the same file. Target: ratio <= 2,
 *    peak memory <= 400 MB.
 *
 * Each command runs several times; the median wall time is reported.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { generatePlan } from './plan-generator';

const ROOT = path.join(__dirname, '..');
const WORK = path.join(ROOT, '.bench');
const RUNS = Number(process.env.BENCH_RUNS ?? 5);

interface Measure {
  readonly medianMs: number;
  readonly peakBytes: number;
  readonly status: number | null;
}

function measure(args: string[]): Measure {
  const times: number[] = [];
  let peak = 0;
  let status: number | null = null;
  const peakFile = path.join(WORK, 'peak.txt');
  for (let i = 0; i < RUNS; i++) {
    const start = process.hrtime.bigint();
    const child = spawnSync(process.execPath, ['-r', path.join(__dirname, 'peak-rss.js'), ...args], {
      cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, BENCH_PEAK_FILE: peakFile },
    });
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
    status = child.status;
    if (child.status !== 0 && child.status !== 1) {
      throw new Error(`${args.join(' ')} exited ${child.status}: ${child.stderr}`);
    }
    peak = Math.max(peak, Number(fs.readFileSync(peakFile, 'utf8')));
  }
  times.sort((a, b) => a - b);
  return { medianMs: times[Math.floor(times.length / 2)], peakBytes: peak, status };
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

benchAssess();
