import {
  ArchiveApplicationCommand, ArchiveWaveCommand, ChangeServerLifeCycleStateCommand, DescribeSourceServersCommand, FinalizeCutoverCommand,
  MarkAsArchivedCommand,
} from '@aws-sdk/client-mgn';
import { RunbookSteps } from './api';
import { RunbookContext, ServerProgress } from './context';
import { RunbookError } from './errors';
import { describeJobs, launchFailureReason, launchOutcome } from './jobs';
import { advanceLaunch } from './launch';
import { StepResult, someNames, summaryOf } from './result';
import { RunbookServer, RunbookWave, readWave, serverLabel, waveLabel } from './wave';

/**
 * The runbook's steps for one MGN wave, each a function over an MGN client (in `ctx`), each idempotent: it
 * judges by each server's lifecycle state what is left to do, so running it again after it completed, or
 * after a partial run, does nothing twice and fails on nothing done.
 *
 * a `ready`               every server READY_FOR_TEST or past it (one poll)
 * b `launch-test`         StartTest, jobs of at most 200
 * c `test-jobs`           one poll of the test jobs; a failed launch names the server and MGN's reason
 * e `ready-for-cutover`   ChangeServerLifeCycleState READY_FOR_CUTOVER
 * f `launch-cutover`, `cutover-jobs`   as b and c with StartCutover
 * h `finalize`            FinalizeCutover per server
 * i `archive`             MarkAsArchived per server, ArchiveApplication, ArchiveWave
 *
 * d and g, the approvals, are a person's (or a pipeline's): the state machine waits for a task token, the
 * CLI for the next command.
 */

/** Lifecycle states from READY_FOR_TEST on. */
const READY_OR_PAST = ['READY_FOR_TEST', 'TESTING', 'READY_FOR_CUTOVER', 'CUTTING_OVER', 'CUTOVER'];

function line(s: RunbookServer, outcome: string, state: string = s.state): ServerProgress {
  return { vmName: s.vmName, sourceServerId: s.id, state, outcome };
}

function finish(ctx: RunbookContext, step: string, wave: RunbookWave, servers: ServerProgress[], complete = true, tail = ''): StepResult {
  servers.forEach((s) => ctx.progress(s));
  return { step, waveName: wave.name, complete, servers, summary: summaryOf(wave.name, servers, tail) };
}

function liveServers(wave: RunbookWave): RunbookServer[] {
  const servers = wave.servers.filter((s) => !s.isArchived);
  if (servers.length === 0) {
    throw new RunbookError('input', `${waveLabel(wave.name)} has no source server that is not archived`);
  }
  return servers;
}

/** a. One poll: complete when every server (not archived) is READY_FOR_TEST or past it. */
export async function checkReady(ctx: RunbookContext, waveName: string): Promise<StepResult> {
  const wave = await readWave(ctx, waveName);
  const servers = liveServers(wave);
  const notReady = servers.filter((s) => !READY_OR_PAST.includes(s.state));
  const lines = servers.map((s) => (READY_OR_PAST.includes(s.state) ? line(s, s.state === 'READY_FOR_TEST' ? 'ready' : 'past test')
    : line(s, `not ready (replication ${s.replicationState ?? 'unknown'})`)));
  const tail = notReady.length === 0 ? '' : `; not ready: ${someNames(notReady.map((s) => `${s.vmName} (${s.state})`))}`;
  return finish(ctx, RunbookSteps.READY, wave, lines, notReady.length === 0, tail);
}

/**
 * e. ChangeServerLifeCycleState READY_FOR_CUTOVER for every server TESTING whose test launch succeeded.
 * Nothing is changed when a server was not tested, or its test launch failed or still runs.
 */
export async function markReadyForCutover(ctx: RunbookContext, waveName: string): Promise<StepResult> {
  const wave = await readWave(ctx, waveName);
  const servers = liveServers(wave);
  const testing = servers.filter((s) => s.state === 'TESTING');
  const jobs = await describeJobs(ctx, waveLabel(waveName), testing.map((s) => s.lastTestJobId).filter((id): id is string => id !== undefined));
  const problems: string[] = [];
  for (const s of servers) {
    if (s.state === 'TESTING') {
      const outcome = launchOutcome(s.lastTestJobId === undefined ? undefined : jobs.get(s.lastTestJobId), s.id);
      if (outcome === 'running') {
        problems.push(`${serverLabel(s)} is still in its test launch (${s.lastTestJobId})`);
      } else if (outcome === 'failed') {
        problems.push(`${serverLabel(s)}'s test launch failed (${await launchFailureReason(ctx, s.lastTestJobId, s)})`);
      }
    } else if (!['READY_FOR_CUTOVER', 'CUTTING_OVER', 'CUTOVER'].includes(s.state)) {
      problems.push(`${serverLabel(s)} was not tested (${s.state})`);
    }
  }
  if (problems.length > 0) {
    throw new RunbookError('state', `${waveLabel(waveName)} cannot be marked ready for cutover: ${someNames(problems)}`);
  }
  const lines: ServerProgress[] = [];
  for (const s of servers) {
    if (s.state !== 'TESTING') {
      lines.push(line(s, 'done'));
      continue;
    }
    await ctx.call('ChangeServerLifeCycleState', serverLabel(s),
      (c) => c.send(new ChangeServerLifeCycleStateCommand({ sourceServerID: s.id, lifeCycle: { state: 'READY_FOR_CUTOVER' } })));
    lines.push(line(s, 'marked ready for cutover', 'READY_FOR_CUTOVER'));
  }
  return finish(ctx, RunbookSteps.READY_FOR_CUTOVER, wave, lines);
}

/** A server's lifecycle state as MGN has it now. */
async function stateNow(ctx: RunbookContext, s: RunbookServer): Promise<{ state?: string; isArchived: boolean }> {
  const out = await ctx.call('DescribeSourceServers', serverLabel(s),
    (c) => c.send(new DescribeSourceServersCommand({ filters: { sourceServerIDs: [s.id] } })));
  const found = out.items?.[0];
  return { state: found?.lifeCycle?.state, isArchived: found?.isArchived === true };
}

/**
 * Runs a call that changes one server, once it is known to be needed; a ConflictException (the call's
 * answer was lost and its retry met the change made) is success when the server now is as `done` says.
 */
async function changeServer(ctx: RunbookContext, operation: string, s: RunbookServer, send: () => Promise<unknown>,
  done: (now: { state?: string; isArchived: boolean }) => boolean): Promise<void> {
  try {
    await ctx.call(operation, serverLabel(s), send, { expected: ['ConflictException'] });
  } catch (e) {
    const now = await stateNow(ctx, s);
    if (!done(now)) {
      throw new RunbookError('mgn', `${operation} for ${serverLabel(s)} failed: ${(e as Error).name}: ${(e as Error).message}`);
    }
  }
}

/** h. FinalizeCutover for every server CUTTING_OVER whose cutover launch succeeded; servers CUTOVER are done. */
export async function finalizeCutover(ctx: RunbookContext, waveName: string): Promise<StepResult> {
  const wave = await readWave(ctx, waveName, { archivedOk: true });
  const servers = wave.servers;
  const cutting = servers.filter((s) => !s.isArchived && s.state === 'CUTTING_OVER');
  const jobs = await describeJobs(ctx, waveLabel(waveName),
    cutting.map((s) => s.lastCutoverJobId).filter((id): id is string => id !== undefined));
  const problems: string[] = [];
  for (const s of servers.filter((x) => !x.isArchived)) {
    if (s.state === 'CUTTING_OVER') {
      const outcome = launchOutcome(s.lastCutoverJobId === undefined ? undefined : jobs.get(s.lastCutoverJobId), s.id);
      if (outcome === 'running') {
        problems.push(`${serverLabel(s)} is still in its cutover launch (${s.lastCutoverJobId})`);
      } else if (outcome === 'failed') {
        problems.push(`${serverLabel(s)}'s cutover launch failed (${await launchFailureReason(ctx, s.lastCutoverJobId, s)})`);
      }
    } else if (s.state !== 'CUTOVER') {
      problems.push(`${serverLabel(s)} was not cut over (${s.state})`);
    }
  }
  if (problems.length > 0) {
    throw new RunbookError('state', `the cutover of ${waveLabel(waveName)} cannot be finalized: ${someNames(problems)}`);
  }
  const lines: ServerProgress[] = [];
  for (const s of servers) {
    if (s.isArchived || s.state !== 'CUTTING_OVER') {
      lines.push(line(s, s.isArchived ? 'archived' : 'done'));
      continue;
    }
    await changeServer(ctx, 'FinalizeCutover', s, () => ctx.client.send(new FinalizeCutoverCommand({ sourceServerID: s.id })),
      (now) => now.state === 'CUTOVER');
    lines.push(line(s, 'finalized', 'CUTOVER'));
  }
  return finish(ctx, RunbookSteps.FINALIZE, wave, lines);
}

/**
 * i. MarkAsArchived for every server (each must be CUTOVER, or DISCONNECTED), then ArchiveApplication for the
 * wave's applications and ArchiveWave. What is archived already is left alone.
 */
export async function archiveWave(ctx: RunbookContext, waveName: string): Promise<StepResult> {
  const wave = await readWave(ctx, waveName, { archivedOk: true });
  const open = wave.servers.filter((s) => !s.isArchived && !['CUTOVER', 'DISCONNECTED'].includes(s.state));
  if (open.length > 0) {
    throw new RunbookError('state', `${waveLabel(waveName)} cannot be archived: `
      + someNames(open.map((s) => `${serverLabel(s)} is ${s.state}, not CUTOVER`)));
  }
  const what = waveLabel(waveName);
  const lines: ServerProgress[] = [];
  for (const s of wave.servers) {
    if (!s.isArchived) {
      await changeServer(ctx, 'MarkAsArchived', s, () => ctx.client.send(new MarkAsArchivedCommand({ sourceServerID: s.id })),
        (now) => now.isArchived);
    }
    lines.push(line(s, 'archived'));
  }
  for (const app of wave.applications.filter((a) => !a.isArchived)) {
    await ctx.call('ArchiveApplication', `application ${app.id} of ${what}`,
      (c) => c.send(new ArchiveApplicationCommand({ applicationID: app.id })));
  }
  if (!wave.isArchived) {
    await ctx.call('ArchiveWave', what, (c) => c.send(new ArchiveWaveCommand({ waveID: wave.id })));
  }
  const apps = wave.applications.length;
  return finish(ctx, RunbookSteps.ARCHIVE, wave, lines, true, `; ${apps} application${apps === 1 ? '' : 's'} and the wave archived`);
}

/** Runs one step by its name (RunbookSteps, APPROVAL excepted). */
export function runStep(ctx: RunbookContext, step: string, waveName: string): Promise<StepResult> {
  switch (step) {
    case RunbookSteps.READY: return checkReady(ctx, waveName);
    case RunbookSteps.LAUNCH_TEST: return advanceLaunch(ctx, step, waveName, 'test', true);
    case RunbookSteps.TEST_JOBS: return advanceLaunch(ctx, step, waveName, 'test', false);
    case RunbookSteps.READY_FOR_CUTOVER: return markReadyForCutover(ctx, waveName);
    case RunbookSteps.LAUNCH_CUTOVER: return advanceLaunch(ctx, step, waveName, 'cutover', true);
    case RunbookSteps.CUTOVER_JOBS: return advanceLaunch(ctx, step, waveName, 'cutover', false);
    case RunbookSteps.FINALIZE: return finalizeCutover(ctx, waveName);
    case RunbookSteps.ARCHIVE: return archiveWave(ctx, waveName);
    default:
      return Promise.reject(new RunbookError('input', `step "${step}" is not a runbook step, use one of `
        + Object.values(RunbookSteps).filter((s) => s !== RunbookSteps.APPROVAL).join(', ')));
  }
}
