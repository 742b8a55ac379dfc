import { JobRecord, RunRecord } from './records';
import { EmulatorStore } from './state';
import { ReplicationJobState } from './types';

/**
 * How jobs, runs and imports move over time. Time-based changes happen in `tick` (called before every
 * request and every state read); poll-based script steps happen when a read returns the job (`pollJob`).
 *
 * Runs: activating a job schedules an AUTOMATIC run at `nextReplicationRunStartTime`. A run is PENDING until
 * its scheduled start, ACTIVE for `runDurationMs`, then COMPLETED with an AMI. A recurring job then
 * schedules its next run `frequency` hours after the previous start; a one-time job becomes COMPLETED. A
 * scheduled run that falls due while an on-demand run is active is MISSED and moved one interval on.
 */

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** States after which a job no longer replicates. */
export const TERMINAL_STATES: readonly ReplicationJobState[] = ['FAILED', 'DELETING', 'DELETED', 'COMPLETED'];

/** Applies every time-based change up to `now`. */
export function tick(store: EmulatorStore, now: number): void {
  const pending = store.pendingImport;
  if (pending && pending.afterMs !== undefined && now - pending.startedAt >= pending.afterMs) {
    store.completeImport(now);
  }
  for (const job of store.jobs.values()) {
    advanceJob(store, job, now);
  }
}

/** Records that a read returned `job`, firing any step that was waiting for this poll. */
export function pollJob(store: EmulatorStore, job: JobRecord, now: number): void {
  advanceJob(store, job, now);
  job.pollsInState += 1;
}

/** Records a GetServers poll during an import. */
export function pollImport(store: EmulatorStore, now: number): void {
  const pending = store.pendingImport;
  if (!pending) {
    return;
  }
  if ((pending.afterPolls !== undefined && pending.polls >= pending.afterPolls)
    || (pending.afterPolls === undefined && pending.afterMs === undefined)) {
    store.completeImport(now);
    return;
  }
  pending.polls += 1;
}

/** Moves a job to `state` now, with the side effects on runs and on the server link. */
export function transition(store: EmulatorStore, job: JobRecord, state: ReplicationJobState, statusMessage: string | undefined,
  now: number): void {
  job.state = state;
  job.statusMessage = statusMessage;
  job.pollsInState = 0;
  job.lastTransitionAt = now;
  if (state === 'ACTIVE' && !job.runs.some((r) => r.type === 'AUTOMATIC' && (r.state === 'PENDING' || r.state === 'ACTIVE'))
    && !(job.runOnce && job.runs.some((r) => r.type === 'AUTOMATIC' && r.state === 'COMPLETED'))) {
    scheduleAutomaticRun(store, job, job.nextReplicationRunStartTime);
  }
  if (state === 'FAILED' || state === 'FAILING') {
    for (const run of job.runs.filter((r) => r.state === 'PENDING' || r.state === 'ACTIVE')) {
      run.state = 'FAILED';
      run.statusMessage = statusMessage ?? 'Replication job failed';
      run.completedTime = now;
    }
  }
  const link = store.links.get(job.serverId);
  if (link && link.jobId === job.replicationJobId) {
    link.terminated = state === 'FAILED' || state === 'DELETED';
  }
}

/** Adds a PENDING AUTOMATIC run at `at` and makes it the job's next run. */
export function scheduleAutomaticRun(store: EmulatorStore, job: JobRecord, at: number): RunRecord {
  job.nextReplicationRunStartTime = at;
  const run: RunRecord = {
    seq: store.nextSeq(),
    replicationRunId: store.ids.runId(),
    type: 'AUTOMATIC',
    state: 'PENDING',
    scheduledStartTime: at,
    encrypted: job.encrypted,
    kmsKeyId: job.kmsKeyId,
  };
  job.runs.push(run);
  return run;
}

function advanceJob(store: EmulatorStore, job: JobRecord, now: number): void {
  for (let guard = 0; guard < 100_000; guard++) {
    applyDueSteps(store, job, now);
    if (!progressRuns(store, job, now)) {
      return;
    }
  }
  throw new Error(`SMS emulator: job ${job.replicationJobId} did not settle`);
}

function applyDueSteps(store: EmulatorStore, job: JobRecord, now: number): void {
  while (job.script.length > 0) {
    const step = job.script[0];
    const byPolls = step.afterPolls !== undefined && job.pollsInState >= step.afterPolls;
    const byTime = step.afterMs !== undefined && now - job.lastTransitionAt >= step.afterMs;
    const immediate = step.afterPolls === undefined && step.afterMs === undefined;
    if (!byPolls && !byTime && !immediate) {
      return;
    }
    job.script.shift();
    transition(store, job, step.state, step.statusMessage, now);
  }
}

/** One step of run progress; true when something changed. */
function progressRuns(store: EmulatorStore, job: JobRecord, now: number): boolean {
  if (job.state !== 'ACTIVE') {
    return false;
  }
  const lifetimeEnd = job.runs.length > 0 ? job.runs[0].scheduledStartTime + store.limits.jobLifetimeDays * DAY : Infinity;
  if (now >= lifetimeEnd) {
    transition(store, job, 'COMPLETED', `replication job reached the ${store.limits.jobLifetimeDays}-day replication limit`, now);
    return true;
  }
  const onDemandActive = job.runs.some((r) => r.type === 'ON_DEMAND' && r.state === 'ACTIVE');
  for (const run of job.runs) {
    if (run.state === 'PENDING' && now >= run.scheduledStartTime) {
      if (run.type === 'AUTOMATIC' && onDemandActive) {
        if (job.frequency === undefined) {
          continue;
        }
        run.state = 'MISSED';
        run.statusMessage = 'Skipped because an on-demand run was in progress';
        scheduleAutomaticRun(store, job, run.scheduledStartTime + job.frequency * HOUR);
        return true;
      }
      run.state = 'ACTIVE';
      run.statusMessage = 'Uploading';
      run.stageDetails = { stage: 'Uploading', stageProgress: '0%' };
      return true;
    }
    if (run.state === 'ACTIVE') {
      const end = run.scheduledStartTime + store.runDurationMs;
      if (now < end) {
        const pct = Math.floor(((now - run.scheduledStartTime) / Math.max(1, store.runDurationMs)) * 100);
        run.stageDetails = pct < 50 ? { stage: 'Uploading', stageProgress: `${pct * 2}%` } : { stage: 'Converting', stageProgress: `${(pct - 50) * 2}%` };
        run.statusMessage = run.stageDetails.stage;
        continue;
      }
      completeRun(store, job, run, end, now);
      return true;
    }
  }
  return false;
}

function completeRun(store: EmulatorStore, job: JobRecord, run: RunRecord, end: number, now: number): void {
  run.state = 'COMPLETED';
  run.completedTime = end;
  run.amiId = store.ids.amiId();
  run.statusMessage = 'Completed';
  run.stageDetails = undefined;
  job.latestAmiId = run.amiId;
  if (run.type !== 'AUTOMATIC') {
    return;
  }
  if (job.runOnce) {
    transition(store, job, 'COMPLETED', undefined, now);
    return;
  }
  const every = (job.frequency ?? 24) * HOUR;
  let next = run.scheduledStartTime + every;
  while (next < end) {
    next += every;
  }
  scheduleAutomaticRun(store, job, next);
}
