import { Props, RemovalPolicies } from './api';
import { OnEventResponse, ResourceEvent } from '../../handler-common/event';
import { Invocation } from './invocation';
import { looksLikeJobId } from './ownership';
import { removalPolicyOf } from './properties';
import { deleteJob } from './replication-jobs';

/**
 * Delete. Nothing to do for a physical id that was never a job (the framework's CREATE_FAILED marker after
 * a failed Create, or anything else not shaped like `sms-job-...`), nor when the removal policy is retain.
 * Otherwise DeleteReplicationJob; a job SMS no longer knows (deleted by a same-server replacement, or
 * outside CloudFormation) is success. The physical id is returned unchanged, as the framework requires.
 */
export async function onDelete(inv: Invocation, event: ResourceEvent): Promise<OnEventResponse> {
  const jobId = event.PhysicalResourceId ?? '';
  const serverId = event.ResourceProperties?.[Props.SERVER_ID];
  inv.serverId = typeof serverId === 'string' && serverId !== '' ? serverId : undefined;
  if (!looksLikeJobId(jobId)) {
    inv.log('delete-job', { outcome: 'skipped', reason: 'not a replication job id' });
    return { PhysicalResourceId: jobId };
  }
  const policy = removalPolicyOf(event.ResourceProperties);
  if (policy !== RemovalPolicies.DESTROY) {
    // An unreadable policy keeps the job: a Delete must neither fail nor destroy what it is unsure of.
    inv.log('delete-job', { outcome: 'retained', reason: policy === 'unreadable' ? 'unreadable RemovalPolicy' : 'RemovalPolicy retain' },
      policy === 'unreadable' ? 'warn' : 'info');
    return { PhysicalResourceId: jobId };
  }
  const outcome = await deleteJob(inv, jobId);
  inv.log('delete-job', { operation: 'DeleteReplicationJob', outcome });
  return { PhysicalResourceId: jobId };
}
