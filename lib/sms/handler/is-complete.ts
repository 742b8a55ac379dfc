import { ReplicationJob } from '@aws-sdk/client-sms';
import { Data } from './api';
import { HandlerError } from '../../handler-common/errors';
import { CompletionEvent, IsCompleteResponse, STARTED_AT_KEY } from '../../handler-common/event';
import { Invocation } from './invocation';
import { looksLikeJobId } from './ownership';
import { getJob, isGoing, jobState } from './replication-jobs';
import { Defaults, Env, envMs } from '../../handler-common/settings';

/** States in which the job is set up: ACTIVE (replicating on schedule) or COMPLETED (a one-time job that already ran). */
const DONE_STATES: readonly string[] = ['ACTIVE', 'COMPLETED'];
/** States in which the job has failed or is failing; SMS's statusMessage says why. */
const FAILED_STATES: readonly string[] = ['FAILED', 'FAILING', 'PAUSED_ON_FAILURE'];

/**
 * isComplete after Create and Update: done when the job is ACTIVE or COMPLETED, failed when SMS reports it
 * failed (with SMS's statusMessage) or it is being deleted, not yet for anything else (PENDING, or a
 * state this handler does not know). Replication itself, which takes hours, is never awaited.
 *
 * A job SMS does not list is polled again for a grace period after `onEvent` returned
 * (CDK_SMS_NOT_FOUND_GRACE_MS, default 60 s), in case SMS lists new jobs late; after that it was deleted
 * outside the stack, and the request fails. Delete needs no waiting: SMS accepted the delete, and the
 * server is freed for a new job when SMS is ready (a Create waits for that itself).
 */
export async function checkComplete(inv: Invocation, event: CompletionEvent): Promise<IsCompleteResponse> {
  if (event.RequestType === 'Delete') {
    inv.log('poll-job', { outcome: 'complete', reason: 'Delete does not wait' });
    return { IsComplete: true };
  }
  const jobId = event.PhysicalResourceId;
  inv.serverId = event.Data?.[Data.SERVER_ID];
  if (!looksLikeJobId(jobId)) {
    throw new HandlerError(`the physical id "${jobId ?? ''}" of ${inv.target} is not a replication job id; deploy again`);
  }
  const job = await getJob(inv, jobId);
  if (job === undefined) {
    return notListed(inv, event, jobId);
  }
  inv.serverId = job.serverId ?? inv.serverId;
  return judge(inv, job, jobId);
}

function judge(inv: Invocation, job: ReplicationJob, jobId: string): IsCompleteResponse {
  const state = jobState(job);
  if (DONE_STATES.includes(state)) {
    inv.log('poll-job', { operation: 'GetReplicationJobs', state, outcome: 'complete' });
    return { IsComplete: true, Data: { [Data.REPLICATION_JOB_ID]: jobId, [Data.SERVER_ID]: inv.serverId ?? '' } };
  }
  if (FAILED_STATES.includes(state)) {
    const why = job.statusMessage?.trim() || `SMS reports ${state} without a status message`;
    throw new HandlerError(`replication job ${jobId} for ${inv.target} failed: ${why}`);
  }
  if (isGoing(job)) {
    throw new HandlerError(`replication job ${jobId} for ${inv.target} is ${state}: it was deleted outside this stack; deploy again`);
  }
  inv.log('poll-job', { operation: 'GetReplicationJobs', state: state || undefined, outcome: 'waiting' });
  return { IsComplete: false };
}

function notListed(inv: Invocation, event: CompletionEvent, jobId: string): IsCompleteResponse {
  const startedAt = event[STARTED_AT_KEY];
  const grace = envMs(Env.NOT_FOUND_GRACE_MS, Defaults.NOT_FOUND_GRACE_MS);
  if (typeof startedAt === 'number' && Date.now() - startedAt < grace) {
    inv.log('poll-job', { operation: 'GetReplicationJobs', outcome: 'waiting', reason: 'job not listed yet' });
    return { IsComplete: false };
  }
  const since = typeof startedAt === 'number' ? ` ${inv.elapsedSeconds(startedAt)} s after this deployment set it up` : '';
  throw new HandlerError(`replication job ${jobId} for ${inv.target} is not in SMS${since}: it was deleted outside this stack; `
    + 'deploy again');
}
