/**
 * The import benchmark: `cdk-sms import rvtools` of a generated 10,000-VM inventory, as a whole process
 * (node start, module loading, reading, writing the plan), from the two forms RVTools exports: the xlsx
 * workbook, and the tab CSVs of "Export all" (`RVTools_tabvInfo.csv`, ..., given as their folder).
 * Target for each: <= 3 s wall and <= 300 MB peak memory.
 *
 * When the CLI has no `import rvtools` command, importRvtools() is timed in a child process instead,
 * and the printed lines say so.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { largeInventory, sampleGrids, writeCsvSet, xlsxFromGrids } from '../test/importers/rvtools/fixtures/generate';

const ROOT = path.join(__dirname, '..');
const WORK = path.join(ROOT, '.bench');
const VMS = 10_000;

/** The most a 10,000-VM import may take, wall time from spawn to exit, for either input. */
export const IMPORT_TARGET_MS = 3000;
/** The most memory (peak resident set) a 10,000-VM import may take, for either input. */
export const IMPORT_TARGET_BYTES = 300e6;

/** What the runs of one import measured. */
export interface ImportMeasure {
  /** The median wall time, in milliseconds. */
  readonly medianMs: number;
  /** The highest peak resident set size of the runs, in bytes. */
  readonly peakBytes: number;
  /** The exit status of the last run. */
  readonly status: number | null;
}

/** The measures of the 10,000-VM import from each input, and what was run. */
export interface ImportBenchResult {
  readonly xlsx: ImportMeasure;
  readonly csv: ImportMeasure;
  readonly runs: number;
  /** True when the CLI's `import rvtools` was timed, false for importRvtools() in a child process. */
  readonly viaCli: boolean;
  /** The workbook's size in bytes, and the CSV files' together. */
  readonly xlsxBytes: number;
  readonly csvBytes: number;
  /** True when both imports wrote the same plan, byte for byte (they read the same inventory). */
  readonly samePlan: boolean;
}

interface Run {
  readonly ms: number;
  readonly peakBytes: number;
  readonly status: number | null;
}

/** Runs `node -r peak-rss.js ARGS` once: its wall time and peak RSS. */
function runOnce(args: readonly string[]): Run {
  const peakFile = path.join(WORK, 'import-peak.txt');
  fs.rmSync(peakFile, { force: true });
  const start = process.hrtime.bigint();
  const child = spawnSync(process.execPath, ['-r', path.join(__dirname, 'peak-rss.js'), ...args], {
    cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, BENCH_PEAK_FILE: peakFile },
  });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (child.status !== 0) {
    throw new Error(`${args.join(' ')} exited ${child.status ?? child.signal}: ${child.stderr}`);
  }
  return { ms, peakBytes: Number(fs.readFileSync(peakFile, 'utf8')), status: child.status };
}

function summarize(runs: readonly Run[]): ImportMeasure {
  const times = runs.map((r) => r.ms).sort((a, b) => a - b);
  return {
    medianMs: times[Math.floor(times.length / 2)],
    peakBytes: Math.max(...runs.map((r) => r.peakBytes)),
    status: runs[runs.length - 1].status,
  };
}

/** True when the built CLI has an `import rvtools` command. */
function cliImports(cli: string): boolean {
  if (!fs.existsSync(cli)) {
    return false;
  }
  return spawnSync(process.execPath, [cli, 'import', 'rvtools', '--help'], { cwd: ROOT, stdio: 'ignore' }).status === 0;
}

/**
 * Writes the 10,000-VM inventory into `.bench/` as a raw-style RVTools 4.x workbook and as the CSV
 * exports of the same tabs (comma-separated, as RVTools writes them in an English locale).
 */
function writeInputs(): { workbook: string; csvDir: string } {
  fs.mkdirSync(WORK, { recursive: true });
  const inventory = largeInventory(VMS);
  const workbook = path.join(WORK, `rvtools-${VMS}.xlsx`);
  fs.writeFileSync(workbook, xlsxFromGrids(sampleGrids({ era: '4x', ...inventory }), 'raw'));
  const csvDir = path.join(WORK, `rvtools-${VMS}-csv`);
  fs.rmSync(csvDir, { recursive: true, force: true });
  writeCsvSet(csvDir, { delimiter: ',' }, { era: '4x', ...inventory });
  return { workbook, csvDir };
}

function folderBytes(dir: string): number {
  return fs.readdirSync(dir).reduce((sum, name) => sum + fs.statSync(path.join(dir, name)).size, 0);
}

/**
 * Generates the inputs and times the import of each as a whole process, `runs` times, in turn (so that
 * a slower moment of the machine weighs on both alike). Needs the build (`npm run build`): it runs the
 * compiled CLI.
 */
export function measureImport(runs: number = Number(process.env.BENCH_RUNS ?? 5)): ImportBenchResult {
  const { workbook, csvDir } = writeInputs();
  const cli = path.join(ROOT, 'lib', 'cli', 'cdk-sms.js');
  const viaCli = cliImports(cli);
  const output = (kind: string): string => path.join(WORK, `plan-rvtools-${VMS}-${kind}.json`);
  const args = (input: string, kind: string): string[] => (viaCli
    ? [cli, 'import', 'rvtools', input, '--output', output(kind)]
    : ['-e', `require(${JSON.stringify(path.join(ROOT, 'lib', 'importers', 'rvtools'))}).importRvtools([${JSON.stringify(input)}])`]);
  fs.rmSync(output('xlsx'), { force: true });
  fs.rmSync(output('csv'), { force: true });
  const xlsxRuns: Run[] = [];
  const csvRuns: Run[] = [];
  for (let i = 0; i < runs; i++) {
    xlsxRuns.push(runOnce(args(workbook, 'xlsx')));
    csvRuns.push(runOnce(args(csvDir, 'csv')));
  }
  const samePlan = viaCli && fs.readFileSync(output('xlsx')).equals(fs.readFileSync(output('csv')));
  return {
    xlsx: summarize(xlsxRuns),
    csv: summarize(csvRuns),
    runs,
    viaCli,
    xlsxBytes: fs.statSync(workbook).size,
    csvBytes: folderBytes(csvDir),
    samePlan,
  };
}

const mb = (bytes: number): string => `${(bytes / 1e6).toFixed(0)} MB`;

/** True when a measure is within both targets. */
export function importTargetMet(measure: ImportMeasure): boolean {
  return measure.medianMs <= IMPORT_TARGET_MS && measure.peakBytes <= IMPORT_TARGET_BYTES;
}

/** Times the 10,000-VM import from the workbook and from the CSVs (see measureImport), and returns the lines to print. */
export function benchImport(): string {
  const result = measureImport();
  const command = result.viaCli ? 'cdk-sms import rvtools' : 'importRvtools() in a child process (no `import rvtools` command in the CLI)';
  const line = (label: string, m: ImportMeasure): string => `  ${label} ${m.medianMs.toFixed(0).padStart(6)} ms   peak ${mb(m.peakBytes)}   `
    + `exit ${m.status}   ${importTargetMet(m) ? 'met' : 'NOT MET'}`;
  return [
    `import: ${VMS.toLocaleString('en-US')} VMs, ${command}, median of ${result.runs} runs each, in turn`,
    line(`xlsx workbook (${mb(result.xlsxBytes)}):`.padEnd(30), result.xlsx),
    line(`tab CSVs (${mb(result.csvBytes)}):`.padEnd(30), result.csv),
    `  target <= ${IMPORT_TARGET_MS} ms and <= ${mb(IMPORT_TARGET_BYTES)} each`
      + (result.viaCli ? `; the two plans are ${result.samePlan ? 'identical' : 'DIFFERENT (they should not be)'}` : ''),
    '',
  ].join('\n');
}
