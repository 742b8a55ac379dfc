/**
 * Paired measurement of whole processes for `npm run bench`: each side runs as `node -r peak-rss.js
 * ARGS`, the sides in turn, run after run; wall time from spawn to exit, CPU time and peak memory.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

/** Where benchmarks keep their generated inputs and outputs (git-ignored). */
export const WORK = path.join(__dirname, '..', '.bench');

/** One side of a comparison: a node process. */
export interface Side {
  /** The arguments after `node`. */
  readonly args: readonly string[];
  /** Added to the environment. */
  readonly env?: Record<string, string>;
  /** The exit statuses that count as a run (default 0). */
  readonly ok?: readonly number[];
  /** Called before each run (outside the time), e.g. to empty an output folder. */
  readonly before?: () => void;
}

/** What several runs of one side measured. */
export interface Measure {
  readonly medianMs: number;
  /** Median CPU time (user + system) of the process itself. */
  readonly cpuMs: number;
  /** The highest peak resident set size of any run, in bytes. */
  readonly peakBytes: number;
}

interface Run {
  readonly ms: number;
  readonly cpuMs: number;
  readonly peakBytes: number;
}

function runOnce(side: Side): Run {
  const peakFile = path.join(WORK, 'peak.txt');
  const cpuFile = path.join(WORK, 'cpu.txt');
  fs.rmSync(peakFile, { force: true });
  fs.rmSync(cpuFile, { force: true });
  side.before?.();
  const start = process.hrtime.bigint();
  const child = spawnSync(process.execPath, ['-r', path.join(__dirname, 'peak-rss.js'), ...side.args], {
    cwd: path.join(__dirname, '..'),
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, ...side.env, BENCH_PEAK_FILE: peakFile, BENCH_CPU_FILE: cpuFile },
    maxBuffer: 64 * 1024 * 1024,
  });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (child.status === null || !(side.ok ?? [0]).includes(child.status)) {
    throw new Error(`node ${side.args.join(' ')} exited ${child.status ?? child.signal}: ${child.stderr}`);
  }
  return { ms, peakBytes: Number(fs.readFileSync(peakFile, 'utf8')), cpuMs: Number(fs.readFileSync(cpuFile, 'utf8')) };
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
};

/** Runs each side `runs` times, in turn; one Measure per side, in the order given. */
export function measurePaired(sides: readonly Side[], runs: number): Measure[] {
  const all: Run[][] = sides.map(() => []);
  for (let i = 0; i < runs; i++) {
    sides.forEach((side, s) => all[s].push(runOnce(side)));
  }
  return all.map((r) => ({
    medianMs: median(r.map((x) => x.ms)),
    cpuMs: median(r.map((x) => x.cpuMs)),
    peakBytes: Math.max(...r.map((x) => x.peakBytes)),
  }));
}

/** Bytes as whole megabytes. */
export const mb = (bytes: number): string => `${(bytes / 1e6).toFixed(0)} MB`;
