import { ReplicationJob } from '@aws-sdk/client-sms';
import { OnEventResponse, ResourceEvent } from '../../handler-common/event';
import { Invocation } from './invocation';
import { createRequest, jobResponse, updatePlan } from './job-requests';
import { looksLikeJobId, ownershipMarker } from './ownership';
import { JobProperties, parseJobProperties, runOnceOf, tryParseJobProperties } from './properties';
import { createJob, deleteJob, getJob, isGoing, jobState, updateJob } from './replication-jobs';
import { resolveServerId } from './server-catalog';

/**
 * Update. SMS cannot change a job's server or turn a one-time job into an interval one (or back), so those
 * changes replace the job: a new job, a new physical id, and CloudFormation deletes the old id once the
 * whole stack update has succeeded. Everything else is changed in place with UpdateReplicationJob.
 *
 * The old server is the one the job actually replicates (read from SMS), not the old properties resolved
 * again: the catalog may have changed since.
 */
export async function onUpdate(inv: Invocation, event: ResourceEvent): Promise<OnEventResponse> {
  const props = parseJobProperties(event.ResourceProperties);
  const serverId = await resolveServerId(inv, props.selector);
  inv.serverId = serverId;
  const marker = ownershipMarker(event.StackId, event.LogicalResourceId);
  const oldJobId = event.PhysicalResourceId;
  const current = looksLikeJobId(oldJobId) ? await getJob(inv, oldJobId) : undefined;
  if (!looksLikeJobId(oldJobId) || current === undefined || isGoing(current)) {
    return recreateMissingJob(inv, props, serverId, marker);
  }
  if ((current.serverId ?? serverId) !== serverId) {
    return replaceOnOtherServer(inv, props, serverId, marker, current);
  }
  if (runOnceOf(event.OldResourceProperties) !== props.runOnce) {
    return replaceOnSameServer(inv, props, serverId, marker, oldJobId);
  }
  if (jobState(current) === 'COMPLETED') {
    return keepCompletedJob(inv, serverId, oldJobId);
  }
  return updateInPlace(inv, props, tryParseJobProperties(event.OldResourceProperties), serverId, marker, oldJobId);
}

/**
 * A COMPLETED job (a one-time migration that ran, or a job past SMS's replication limit) no longer replicates:
 * new settings could never apply, and SMS refuses to update it (OperationNotPermittedException in the
 * emulator; unverified on the real service). Sending the update would fail the deployment, and then its
 * rollback, which sends the old settings, the same way (UPDATE_ROLLBACK_FAILED). The job is kept as it is,
 * with a warning.
 */
function keepCompletedJob(inv: Invocation, serverId: string, jobId: string): OnEventResponse {
  inv.log('update-job', { outcome: 'unchanged', reason: 'job COMPLETED: SMS no longer updates it' }, 'warn');
  return jobResponse(jobId, serverId);
}

/**
 * The job is gone or going (deleted outside CloudFormation): a new one is created (waiting, if need be,
 * until SMS lets go of the server), and the Delete CloudFormation later sends for the old id finds nothing
 * to do.
 */
async function recreateMissingJob(inv: Invocation, props: JobProperties, serverId: string, marker: string): Promise<OnEventResponse> {
  const created = await createJob(inv, createRequest(props, serverId, marker, Date.now()), marker);
  inv.physicalResourceId = created.jobId;
  inv.log('create-job', { operation: 'CreateReplicationJob', outcome: created.adopted ? 'adopted' : 'created', reason: 'job missing' },
    'warn');
  return jobResponse(created.jobId, serverId);
}

/** Another server: the new job first; the old one keeps replicating until CloudFormation deletes it. */
async function replaceOnOtherServer(inv: Invocation, props: JobProperties, serverId: string, marker: string,
  current: ReplicationJob): Promise<OnEventResponse> {
  const created = await createJob(inv, createRequest(props, serverId, marker, Date.now()), marker);
  inv.physicalResourceId = created.jobId;
  inv.log('create-job', {
    operation: 'CreateReplicationJob', outcome: created.adopted ? 'adopted' : 'created', reason: 'server changed',
    replacedJobId: current.replicationJobId, replacedServerId: current.serverId,
  });
  return jobResponse(created.jobId, serverId);
}

/**
 * Same server, RunOnce changed: SMS allows one job per server, so the old job is deleted first (whatever
 * the removal policy: the update asks for a new job on this server, and SMS keeps the AMIs the old job
 * made), then the new one is created, waiting while SMS still holds the server for the old job.
 */
async function replaceOnSameServer(inv: Invocation, props: JobProperties, serverId: string, marker: string,
  oldJobId: string): Promise<OnEventResponse> {
  const deleted = await deleteJob(inv, oldJobId);
  inv.log('delete-replaced-job', { operation: 'DeleteReplicationJob', outcome: deleted, replacedJobId: oldJobId });
  const created = await createJob(inv, createRequest(props, serverId, marker, Date.now()), marker, oldJobId);
  inv.physicalResourceId = created.jobId;
  inv.log('create-job', {
    operation: 'CreateReplicationJob', outcome: created.adopted ? 'adopted' : 'created', reason: 'RunOnce changed', replacedJobId: oldJobId,
  });
  return jobResponse(created.jobId, serverId);
}

/** In place: every setting SMS can change; the call is skipped when none changed. */
async function updateInPlace(inv: Invocation, props: JobProperties, previous: JobProperties | undefined, serverId: string,
  marker: string, jobId: string): Promise<OnEventResponse> {
  const plan = updatePlan(jobId, props, previous, marker, Date.now());
  if (plan.changed) {
    await updateJob(inv, plan.request);
  }
  inv.log('update-job', {
    operation: plan.changed ? 'UpdateReplicationJob' : undefined,
    outcome: plan.changed ? 'updated' : 'unchanged',
    seedTime: plan.seedTime,
    kept: plan.kept.length > 0 ? plan.kept : undefined,
  }, plan.kept.length > 0 || plan.seedTime === 'ignored-not-in-future' ? 'warn' : 'info');
  return jobResponse(jobId, serverId);
}
