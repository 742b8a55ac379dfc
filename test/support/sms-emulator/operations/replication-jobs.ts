import { SmsApiError, invalidParameter, jobNotFound, notPermitted } from '../errors';
import { TERMINAL_STATES, pollJob, scheduleAutomaticRun, transition } from '../lifecycle';
import { paginate } from '../paging';
import { JobRecord, ServerRecord } from '../records';
import { JobStep } from '../types';
import { Wire, compact, jobView } from '../views';
import {
  OperationContext, checkAmisToKeep, checkFrequency, checkKms, checkWithinWindow, jobForRead, ms,
} from './context';

/**
 * Replication job operations: CreateReplicationJob, GetReplicationJobs, UpdateReplicationJob,
 * DeleteReplicationJob.
 */

interface JobSettings {
  readonly frequency?: number;
  readonly licenseType?: 'AWS' | 'BYOL';
  readonly roleName?: string;
  readonly description?: string;
  readonly numberOfRecentAmisToKeep?: number;
  readonly encrypted?: boolean;
  readonly kmsKeyId?: string;
}

interface CreateInput extends JobSettings {
  readonly serverId: string;
  readonly seedReplicationTime: number;
  readonly runOnce?: boolean;
}

interface UpdateInput extends JobSettings {
  readonly replicationJobId: string;
  readonly nextReplicationRunStartTime?: number;
}

/** Why a job on `server` with `licenseType` will fail, if it will. */
function failureReason(ctx: OperationContext, server: ServerRecord, licenseType: string): string | undefined {
  if (licenseType === 'AWS' && server.osFamily !== 'WINDOWS_SERVER') {
    return `licenseType AWS is not supported for the guest OS of ${server.serverId} (${server.osFamily}), use BYOL`;
  }
  if (server.volumeCount > ctx.store.limits.maxVolumes) {
    return `${server.serverId} has ${server.volumeCount} volumes, SMS replicates VMs with at most ${ctx.store.limits.maxVolumes}`;
  }
  return undefined;
}

/** Creates a PENDING job; one live job per server. */
export function createReplicationJob(ctx: OperationContext, raw: Wire): Wire {
  const input = raw as unknown as CreateInput;
  const store = ctx.store;
  const server = store.catalog.has(input.serverId) ? store.universe.get(input.serverId) : undefined;
  if (!server) {
    throw invalidParameter(`serverId ${input.serverId} is not in the server catalog (serverCatalogStatus ${store.catalogStatus})`);
  }
  if (server.unreplicableReason) {
    throw new SmsApiError('ServerCannotBeReplicatedException', server.unreplicableReason);
  }
  if (input.runOnce === true && input.frequency !== undefined) {
    throw invalidParameter(`frequency ${input.frequency} cannot be combined with runOnce true`);
  }
  if (input.runOnce !== true && input.frequency === undefined) {
    throw invalidParameter('frequency is required unless runOnce is true');
  }
  checkFrequency(ctx, input.frequency);
  checkAmisToKeep(ctx, input.numberOfRecentAmisToKeep);
  checkKms(input.encrypted, input.kmsKeyId);
  const seed = ms(input.seedReplicationTime);
  checkWithinWindow(ctx, 'seedReplicationTime', seed);
  const existing = store.jobOfServer(server.serverId);
  if (existing) {
    throw new SmsApiError('ReplicationJobAlreadyExistsException',
      `server ${server.serverId} already has replication job ${existing.replicationJobId}`);
  }
  if (!store.healthyConnectorFor(server.vmServer.vmServerAddress.vmManagerId)) {
    throw new SmsApiError('NoConnectorsAvailableException', `no healthy connector serves ${server.vmServer.vmManagerName}`);
  }
  const live = [...store.jobs.values()].filter((j) => !TERMINAL_STATES.includes(j.state)).length;
  if (live >= store.limits.maxConcurrentJobs) {
    throw notPermitted(`the account already has ${live} replication jobs, the limit is ${store.limits.maxConcurrentJobs}`);
  }
  // No licenseType means "auto": AWS for Windows Server, BYOL for Linux and Windows client (sms-api.md §3.1).
  const licenseType = input.licenseType ?? (server.osFamily === 'WINDOWS_SERVER' ? 'AWS' : 'BYOL');
  const job: JobRecord = {
    seq: store.nextSeq(),
    replicationJobId: store.ids.jobId(),
    serverId: server.serverId,
    vmServer: server.vmServer,
    seedReplicationTime: seed,
    runOnce: input.runOnce,
    frequency: input.frequency,
    nextReplicationRunStartTime: Math.max(seed, ctx.now),
    licenseType,
    roleName: input.roleName,
    state: 'PENDING',
    description: input.description,
    numberOfRecentAmisToKeep: input.numberOfRecentAmisToKeep,
    encrypted: input.encrypted,
    kmsKeyId: input.kmsKeyId,
    runs: [],
    script: scriptFor(ctx, server, licenseType),
    pollsInState: 0,
    lastTransitionAt: ctx.now,
  };
  store.jobs.set(job.replicationJobId, job);
  store.links.set(server.serverId, { jobId: job.replicationJobId, terminated: false });
  return { replicationJobId: job.replicationJobId };
}

/** A test's script for the server, else the default; an incompatible job fails when it would activate. */
function scriptFor(ctx: OperationContext, server: ServerRecord, licenseType: string): JobStep[] {
  const script = ctx.store.scriptFor(server.serverId);
  const reason = failureReason(ctx, server, licenseType);
  if (!reason || ctx.store.serverScripts.has(server.serverId)) {
    return script;
  }
  const first = script[0] ?? {};
  return [{ state: 'FAILED', statusMessage: reason, afterPolls: first.afterPolls, afterMs: first.afterMs }];
}

/** One job by id, or every job, with paging; each returned job counts as polled. */
export function getReplicationJobs(ctx: OperationContext, raw: Wire): Wire {
  const input = raw as { replicationJobId?: string; nextToken?: string; maxResults?: number };
  let jobs: JobRecord[];
  if (input.replicationJobId !== undefined) {
    const job = jobForRead(ctx, input.replicationJobId);
    jobs = job ? [job] : [];
  } else {
    jobs = [...ctx.store.jobs.values()];
  }
  const page = paginate(jobs, (j) => j.seq, input, `GetReplicationJobs:${input.replicationJobId ?? ''}`, ctx.store.limits);
  for (const job of page.items) {
    pollJob(ctx.store, job, ctx.now);
  }
  return compact({ replicationJobList: page.items.map(jobView), nextToken: page.nextToken });
}

/** Changes the settings §3.2 allows; absent members stay as they are. */
export function updateReplicationJob(ctx: OperationContext, raw: Wire): Wire {
  const input = raw as unknown as UpdateInput;
  const job = ctx.store.jobs.get(input.replicationJobId);
  if (!job || job.state === 'DELETING' || job.state === 'DELETED') {
    throw jobNotFound(input.replicationJobId);
  }
  if (job.state === 'COMPLETED') {
    throw notPermitted(`replication job ${job.replicationJobId} is COMPLETED and can no longer be updated`);
  }
  if (job.runOnce && input.frequency !== undefined) {
    throw invalidParameter(`frequency ${input.frequency} cannot be set on one-time job ${job.replicationJobId}`);
  }
  checkFrequency(ctx, input.frequency);
  checkAmisToKeep(ctx, input.numberOfRecentAmisToKeep);
  const encrypted = input.encrypted ?? job.encrypted;
  // Turning encryption off drops the key unless the request names one (which is then refused).
  const kmsKeyId = input.kmsKeyId ?? (input.encrypted === false ? undefined : job.kmsKeyId);
  checkKms(encrypted, kmsKeyId);
  let next: number | undefined;
  if (input.nextReplicationRunStartTime !== undefined) {
    next = ms(input.nextReplicationRunStartTime);
    if (next < ctx.now) {
      throw invalidParameter(`nextReplicationRunStartTime ${new Date(next).toISOString()} is in the past`);
    }
    checkWithinWindow(ctx, 'nextReplicationRunStartTime', next);
  }
  job.frequency = input.frequency ?? job.frequency;
  job.licenseType = input.licenseType ?? job.licenseType;
  job.roleName = input.roleName ?? job.roleName;
  job.description = input.description ?? job.description;
  job.numberOfRecentAmisToKeep = input.numberOfRecentAmisToKeep ?? job.numberOfRecentAmisToKeep;
  job.encrypted = encrypted;
  job.kmsKeyId = kmsKeyId;
  if (next !== undefined) {
    reschedule(ctx, job, next);
  }
  const server = ctx.store.universe.get(job.serverId);
  const reason = server && input.licenseType ? failureReason(ctx, server, job.licenseType) : undefined;
  if (reason && !TERMINAL_STATES.includes(job.state)) {
    transition(ctx.store, job, 'FAILED', reason, ctx.now);
  }
  return {};
}

function reschedule(ctx: OperationContext, job: JobRecord, at: number): void {
  const pendingIndex = job.runs.findIndex((r) => r.type === 'AUTOMATIC' && r.state === 'PENDING');
  if (pendingIndex >= 0) {
    job.runs.splice(pendingIndex, 1);
    scheduleAutomaticRun(ctx.store, job, at);
  } else {
    job.nextReplicationRunStartTime = at;
  }
}

/** Deletes a job; the server keeps the id with `replicationJobTerminated: true`. AMIs are kept. */
export function deleteReplicationJob(ctx: OperationContext, raw: Wire): Wire {
  const { replicationJobId } = raw as { replicationJobId: string };
  const job = ctx.store.jobs.get(replicationJobId);
  if (!job) {
    throw jobNotFound(replicationJobId);
  }
  ctx.store.jobs.delete(replicationJobId);
  const link = ctx.store.links.get(job.serverId);
  if (link?.jobId === replicationJobId) {
    link.terminated = true;
  }
  return {};
}
