/**
 * The import benchmark: `cdk-sms import rvtools` on a generated 10,000-VM RVTools workbook, as a whole
 * process (node start, module loading, reading, writing the plan). Target: <= 3 s, peak memory <= 500 MB.
 *
 * When the CLI has no `import rvtools` command, importRvtools() is timed in a child process instead,
 * and the printed lines say so.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { writeLargeWorkbook } from '../test/importers/rvtools/fixtures/generate';

const ROOT = path.join(__dirname, '..');
const WORK = path.join(ROOT, '.bench');
const VMS = 10_000;
const TARGET_MS = 3000;
const TARGET_BYTES = 500e6;

interface Measure {
  readonly medianMs: number;
  readonly peakBytes: number;
  readonly status: number | null;
}

/** Runs `node -r peak-rss.js ARGS` `runs` times: the median wall time and the highest peak RSS. */
function measure(args: readonly string[], runs: number): Measure {
  const peakFile = path.join(WORK, 'import-peak.txt');
  const times: number[] = [];
  let peak = 0;
  let status: number | null = null;
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    const child = spawnSync(process.execPath, ['-r', path.join(__dirname, 'peak-rss.js'), ...args], {
      cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, BENCH_PEAK_FILE: peakFile },
    });
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
    status = child.status;
    if (child.status !== 0) {
      throw new Error(`${args.join(' ')} exited ${child.status}: ${child.stderr}`);
    }
    peak = Math.max(peak, Number(fs.readFileSync(peakFile, 'utf8')));
  }
  times.sort((a, b) => a - b);
  return { medianMs: times[Math.floor(times.length / 2)], peakBytes: peak, status };
}

/** True when the built CLI has an `import rvtools` command. */
function cliImports(cli: string): boolean {
  if (!fs.existsSync(cli)) {
    return false;
  }
  return spawnSync(process.execPath, [cli, 'import', 'rvtools', '--help'], { cwd: ROOT, stdio: 'ignore' }).status === 0;
}

const mb = (bytes: number): string => `${(bytes / 1e6).toFixed(0)} MB`;

/**
 * Generates the 10,000-VM workbook in `.bench/`, times its import as a whole process, and returns the
 * lines to print. Needs the build (`npm run build`): it runs the compiled CLI.
 */
export function benchImport(): string {
  fs.mkdirSync(WORK, { recursive: true });
  const runs = Number(process.env.BENCH_RUNS ?? 5);
  const workbook = writeLargeWorkbook(path.join(WORK, `rvtools-${VMS}.xlsx`), VMS);
  const output = path.join(WORK, `plan-rvtools-${VMS}.json`);
  fs.rmSync(output, { force: true });
  const cli = path.join(ROOT, 'lib', 'cli', 'cdk-sms.js');
  const viaCli = cliImports(cli);
  const args = viaCli
    ? [cli, 'import', 'rvtools', workbook, '--output', output]
    : ['-e', `require(${JSON.stringify(path.join(ROOT, 'lib', 'importers', 'rvtools'))}).importRvtools([${JSON.stringify(workbook)}])`];
  const result = measure(args, runs);
  const met = result.medianMs <= TARGET_MS && result.peakBytes <= TARGET_BYTES;
  const label = viaCli ? 'cdk-sms import rvtools --output:' : 'importRvtools() in a child process (no `import rvtools` command in the CLI):';
  return [
    `import: ${VMS.toLocaleString('en-US')} VMs, RVTools workbook ${mb(fs.statSync(workbook).size)}, median of ${runs} runs`,
    `  ${label} ${result.medianMs.toFixed(0)} ms   peak ${mb(result.peakBytes)}   exit ${result.status}`,
    `  target <= ${TARGET_MS} ms and <= ${mb(TARGET_BYTES)}: ${met ? 'met' : 'NOT MET'}`,
    '',
  ].join('\n');
}
