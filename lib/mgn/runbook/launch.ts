import { Job, StartCutoverCommand, StartTestCommand } from '@aws-sdk/client-mgn';
import { MGN_SERVERS_PER_LAUNCH_JOB } from '../../private/mgn-limits';
import { ServerProgress, RunbookContext, isRetryable } from './context';
import { RunbookError } from './errors';
import { describeJobs, launchFailureReason, launchOutcome } from './jobs';
import { StepResult, someNames, summaryOf } from './result';
import { RunbookServer, readWave, serverLabel, waveLabel } from './wave';

/**
 * Test and cutover launches (steps b, c and f): StartTest / StartCutover in jobs of at most 200 servers,
 * then polls of those jobs.
 *
 * Idempotent by each server's lifecycle state, never by memory of an earlier run: a server READY_FOR_TEST
 * is launched; one TESTING is in its last test job (`lifeCycle.lastTest.initiated.jobID`): running, launched
 * (done) or failed; one past TESTING is done. So a step run again after a partial run, a lost answer or a
 * retry starts no second job for a server that has one. A launch that failed is launched again only by the
 * launch step (b, f): the polls (c) report it, naming the server and MGN's reason, once no job runs.
 *
 * MGN holds at most 200 servers in all unfinished launch jobs: servers beyond that wait, and each poll starts
 * them as the jobs before them complete.
 */

/** What differs between the test and the cutover launch. */
interface LaunchPhase {
  readonly operation: 'StartTest' | 'StartCutover';
  readonly noun: string;
  /** The state a server is launched from. */
  readonly from: string;
  /** The state a launch puts it in. */
  readonly during: string;
  /** States past this phase. */
  readonly past: readonly string[];
  /** What a server in any other state is told. */
  readonly notThere: string;
  readonly jobOf: (s: RunbookServer) => string | undefined;
  readonly start: (ids: string[]) => StartTestCommand | StartCutoverCommand;
}

const PHASES: Readonly<Record<'test' | 'cutover', LaunchPhase>> = {
  test: {
    operation: 'StartTest', noun: 'test launch', from: 'READY_FOR_TEST', during: 'TESTING',
    past: ['READY_FOR_CUTOVER', 'CUTTING_OVER', 'CUTOVER'], notThere: 'is not ready for test',
    jobOf: (s) => s.lastTestJobId, start: (ids) => new StartTestCommand({ sourceServerIDs: ids }),
  },
  cutover: {
    operation: 'StartCutover', noun: 'cutover launch', from: 'READY_FOR_CUTOVER', during: 'CUTTING_OVER',
    past: ['CUTOVER'], notThere: 'is not marked ready for cutover (accept its test first)',
    jobOf: (s) => s.lastCutoverJobId, start: (ids) => new StartCutoverCommand({ sourceServerIDs: ids }),
  },
};

/** The kind of launch. */
export type LaunchKind = keyof typeof PHASES;

interface Sorted {
  readonly toLaunch: RunbookServer[];
  readonly running: RunbookServer[];
  readonly launched: RunbookServer[];
  readonly failed: RunbookServer[];
  readonly done: RunbookServer[];
  readonly elsewhere: RunbookServer[];
}

async function sortServers(ctx: RunbookContext, phase: LaunchPhase, waveName: string, servers: readonly RunbookServer[]):
Promise<{ sorted: Sorted; jobs: Map<string, Job> }> {
  const inPhase = servers.filter((s) => s.state === phase.during);
  const jobs = await describeJobs(ctx, waveLabel(waveName), inPhase.map(phase.jobOf).filter((id): id is string => id !== undefined));
  const sorted: Sorted = { toLaunch: [], running: [], launched: [], failed: [], done: [], elsewhere: [] };
  for (const s of servers) {
    if (phase.past.includes(s.state)) {
      sorted.done.push(s);
    } else if (s.state === phase.from) {
      sorted.toLaunch.push(s);
    } else if (s.state === phase.during) {
      const jobId = phase.jobOf(s);
      const outcome = launchOutcome(jobId === undefined ? undefined : jobs.get(jobId), s.id);
      (outcome === 'running' ? sorted.running : outcome === 'launched' ? sorted.launched : sorted.failed).push(s);
    } else {
      sorted.elsewhere.push(s);
    }
  }
  return { sorted, jobs };
}

/**
 * One run of a launch step: reads the wave, starts what is to be launched (with `relaunchFailed`, the
 * servers whose last launch failed too) as far as MGN's room in jobs allows, and reports every server.
 * Complete when every server is launched (or past the phase).
 *
 * @throws RunbookError `state` when a server is elsewhere in its lifecycle; `launch` when, no job running
 *   any more, launches failed (one line naming each server and MGN's reason)
 */
export async function advanceLaunch(ctx: RunbookContext, step: string, waveName: string, kind: LaunchKind,
  relaunchFailed: boolean): Promise<StepResult> {
  const phase = PHASES[kind];
  const since = Date.now();
  for (let attempt = 1; ; attempt++) {
    const wave = await readWave(ctx, waveName);
    const what = waveLabel(wave.name);
    const servers = wave.servers.filter((s) => !s.isArchived);
    if (servers.length === 0) {
      throw new RunbookError('input', `${what} has no source server that is not archived`);
    }
    const { sorted } = await sortServers(ctx, phase, wave.name, servers);
    if (sorted.elsewhere.length > 0) {
      throw new RunbookError('state', `${phase.operation} for ${what} cannot go on: `
        + someNames(sorted.elsewhere.map((s) => `${serverLabel(s)} ${phase.notThere} (${s.state})`)));
    }
    const toLaunch = relaunchFailed ? [...sorted.toLaunch, ...sorted.failed] : sorted.toLaunch;
    const failed = relaunchFailed ? [] : sorted.failed;
    const room = Math.max(0, MGN_SERVERS_PER_LAUNCH_JOB - sorted.running.length);
    const now = toLaunch.slice(0, room);
    const started = new Map<string, string>();
    try {
      for (let i = 0; i < now.length; i += MGN_SERVERS_PER_LAUNCH_JOB) {
        const chunk = now.slice(i, i + MGN_SERVERS_PER_LAUNCH_JOB);
        const answer = await ctx.call(phase.operation, what, (c) => c.send(phase.start(chunk.map((s) => s.id))), { once: true });
        chunk.forEach((s) => started.set(s.id, answer.job?.jobID ?? 'a job'));
      }
    } catch (e) {
      if (!isRetryable(e)) {
        throw e;
      }
      // The answer may be lost while the job started: read the states again before starting anything.
      if (!await ctx.pause(attempt, since)) {
        throw ctx.unavailable(phase.operation, what, attempt, since);
      }
      continue;
    }
    return report(ctx, step, wave.name, phase, sorted, failed, started);
  }
}

async function report(ctx: RunbookContext, step: string, waveName: string, phase: LaunchPhase, sorted: Sorted,
  failed: readonly RunbookServer[], started: ReadonlyMap<string, string>): Promise<StepResult> {
  const line = (s: RunbookServer, state: string, outcome: string): ServerProgress => ({ vmName: s.vmName, sourceServerId: s.id, state, outcome });
  const waiting = [...sorted.toLaunch, ...sorted.failed].filter((s) => !started.has(s.id) && !failed.includes(s));
  const servers: ServerProgress[] = [
    ...sorted.done.map((s) => line(s, s.state, 'done')),
    ...sorted.launched.map((s) => line(s, s.state, 'launched')),
    ...sorted.running.map((s) => line(s, s.state, `launching in ${phase.jobOf(s) ?? 'a job'}`)),
    ...[...started].map(([id, job]) => {
      const s = [...sorted.toLaunch, ...sorted.failed].find((x) => x.id === id)!;
      return line(s, phase.during, `launching in ${job}`);
    }),
    ...waiting.map((s) => line(s, s.state, 'waiting for room in MGN\'s jobs')),
    ...failed.map((s) => line(s, s.state, 'launch failed')),
  ].sort((a, b) => a.vmName.localeCompare(b.vmName) || a.sourceServerId.localeCompare(b.sourceServerId));
  servers.forEach((s) => ctx.progress(s));
  const busy = sorted.running.length + started.size + waiting.length;
  if (busy === 0 && failed.length > 0) {
    const reasons: string[] = [];
    for (const s of failed) {
      reasons.push(`${serverLabel(s)}: ${await launchFailureReason(ctx, phase.jobOf(s), s)}`);
    }
    throw new RunbookError('launch', `the ${phase.noun} of ${failed.length === 1 ? '' : `${failed.length} servers of `}wave "${waveName}" `
      + `failed: ${reasons.join('; ')}`);
  }
  return { step, waveName, complete: busy === 0, servers, summary: summaryOf(waveName, servers) };
}
