import {
  CreateReplicationJobCommand, CreateReplicationJobRequest, DeleteReplicationJobCommand, GetReplicationJobsCommand, ReplicationJob,
  UpdateReplicationJobCommand, UpdateReplicationJobRequest, paginateGetReplicationJobs,
} from '@aws-sdk/client-sms';
import { smsClient } from './client';
import { HandlerError, hasErrorName } from '../../handler-common/errors';
import { SmsErrors } from './errors';
import { Invocation } from './invocation';
import { readAllPages } from './listing';
import { isOwnedBy } from './ownership';
import { operationFailed, pauseBeforeRetry } from '../../handler-common/retry';
import { callSms } from './retry';

/**
 * The SMS replication-job calls the lifecycle steps make, each with its retries and its expected errors
 * (a job already gone on Delete, a server already holding a job on Create).
 */

/** A job state in the model's spelling (`ACTIVE`); the user guide's `Active` is accepted too (sms-api.md §4). */
export function jobState(job: ReplicationJob): string {
  return (job.state ?? '').trim().toUpperCase().replace(/\s+/g, '_');
}

/** True for a job on its way out, which no longer counts as the server's job. */
export function isGoing(job: ReplicationJob): boolean {
  return ['DELETING', 'DELETED'].includes(jobState(job));
}

/**
 * One job by id, or undefined when SMS does not know it. The model lists no not-found error for
 * GetReplicationJobs: an unknown id may come back as an empty list or as ReplicationJobNotFoundException,
 * and both mean "not there".
 */
export async function getJob(inv: Invocation, jobId: string): Promise<ReplicationJob | undefined> {
  try {
    const out = await callSms(inv, 'GetReplicationJobs', () => smsClient().send(new GetReplicationJobsCommand({ replicationJobId: jobId })),
      [SmsErrors.JOB_NOT_FOUND]);
    return (out.replicationJobList ?? []).find((j) => j.replicationJobId === jobId);
  } catch (e) {
    if (hasErrorName(e, SmsErrors.JOB_NOT_FOUND)) {
      return undefined;
    }
    throw e;
  }
}

/** Every job of one server, reading all pages of GetReplicationJobs (SMS has no filter by server). */
export async function jobsOfServer(inv: Invocation, serverId: string): Promise<ReplicationJob[]> {
  const pages = await readAllPages(inv, 'GetReplicationJobs', paginateGetReplicationJobs, {});
  return pages.flatMap((page) => page.replicationJobList ?? []).filter((j) => j.serverId === serverId);
}

/** What CreateReplicationJob led to. */
export interface CreatedJob {
  readonly jobId: string;
  /** True when the server already held a job of this resource, which was taken instead of a new one. */
  readonly adopted: boolean;
}

/**
 * Creates the job, idempotently. SMS allows one job per server: when the server already has one,
 * CreateReplicationJob fails with ReplicationJobAlreadyExistsException, and the job holding the server
 * decides what happens:
 * - a live job carrying this resource's `marker` (an earlier attempt whose answer was lost, or the job a
 *   rollback returns to) is adopted;
 * - a live job of anyone else fails the request: the handler never takes over a job it did not make;
 * - the job being replaced (`replacing`, deleted just before), a job being deleted, or no job listed at all
 *   (SMS still winding the old one down) means waiting and trying again, until the deadline.
 */
export async function createJob(inv: Invocation, request: CreateReplicationJobRequest, marker: string,
  replacing?: string): Promise<CreatedJob> {
  const serverId = request.serverId as string;
  const waitStartedAt = Date.now();
  for (let wait = 1; ; wait++) {
    const jobId = await tryCreate(inv, request);
    if (jobId !== undefined) {
      return { jobId, adopted: false };
    }
    const holders = await jobsOfServer(inv, serverId);
    const live = holders.filter((j) => !isGoing(j));
    const ours = live.find((j) => j.replicationJobId !== replacing && isOwnedBy(j.description, marker));
    if (ours?.replicationJobId) {
      return { jobId: ours.replicationJobId, adopted: true };
    }
    const foreign = live.find((j) => !isOwnedBy(j.description, marker));
    if (foreign) {
      throw new HandlerError(`server ${serverId} (VM "${inv.displayName}") already has replication job ${foreign.replicationJobId} `
        + 'that this stack does not own: delete it or import it');
    }
    if (!await pauseBeforeRetry(inv, wait)) {
      throw stillHeld(inv, serverId, holders, inv.elapsedSeconds(waitStartedAt));
    }
    inv.waits += 1;
  }
}

/** The new job's id, or undefined when the server already holds a job. */
async function tryCreate(inv: Invocation, request: CreateReplicationJobRequest): Promise<string | undefined> {
  try {
    const out = await callSms(inv, 'CreateReplicationJob', () => smsClient().send(new CreateReplicationJobCommand(request)),
      [SmsErrors.ALREADY_EXISTS]);
    if (!out.replicationJobId) {
      throw new HandlerError(`CreateReplicationJob for ${inv.target} failed: SMS answered without a replicationJobId`);
    }
    return out.replicationJobId;
  } catch (e) {
    if (hasErrorName(e, SmsErrors.ALREADY_EXISTS)) {
      return undefined;
    }
    throw e;
  }
}

function stillHeld(inv: Invocation, serverId: string, holders: readonly ReplicationJob[], seconds: string): HandlerError {
  const holder = holders[0];
  if (holder === undefined) {
    return new HandlerError(`server ${serverId} (VM "${inv.displayName}") still had a replication job according to SMS after `
      + `${seconds} s of waiting, but none is listed for it; deploy again later`);
  }
  return new HandlerError(`server ${serverId} (VM "${inv.displayName}") still has replication job ${holder.replicationJobId} `
    + `(${jobState(holder) || 'state unknown'}) after ${seconds} s of waiting for it to be deleted; deploy again later`);
}

/** Updates a job in place. */
export async function updateJob(inv: Invocation, request: UpdateReplicationJobRequest): Promise<void> {
  await callSms(inv, 'UpdateReplicationJob', () => smsClient().send(new UpdateReplicationJobCommand(request)));
}

/** How a delete ended. */
export type DeleteOutcome = 'deleted' | 'already-gone' | 'being-deleted';

/**
 * Deletes a job; a job SMS no longer knows counts as deleted. OperationNotPermittedException on a job that
 * SMS is already deleting (possible while SMS winds a job down; unverified on the real service) counts as
 * deleted too; on any other job it is a failure.
 */
export async function deleteJob(inv: Invocation, jobId: string): Promise<DeleteOutcome> {
  try {
    await callSms(inv, 'DeleteReplicationJob', () => smsClient().send(new DeleteReplicationJobCommand({ replicationJobId: jobId })),
      [SmsErrors.JOB_NOT_FOUND, SmsErrors.NOT_PERMITTED]);
    return 'deleted';
  } catch (e) {
    if (hasErrorName(e, SmsErrors.JOB_NOT_FOUND)) {
      return 'already-gone';
    }
    if (hasErrorName(e, SmsErrors.NOT_PERMITTED)) {
      const job = await getJob(inv, jobId);
      if (job === undefined) {
        return 'already-gone';
      }
      if (isGoing(job)) {
        return 'being-deleted';
      }
      throw operationFailed(inv, 'DeleteReplicationJob', e);
    }
    throw e;
  }
}
