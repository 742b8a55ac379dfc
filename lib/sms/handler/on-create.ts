import { OnEventResponse, ResourceEvent } from '../../handler-common/event';
import { Invocation } from './invocation';
import { createRequest, jobResponse } from './job-requests';
import { ownershipMarker } from './ownership';
import { parseJobProperties } from './properties';
import { createJob } from './replication-jobs';
import { resolveServerId } from './server-catalog';

/**
 * Create: resolve the server, then create its job (or adopt the job an earlier attempt of this very
 * resource created). The job id becomes the physical id; `isComplete` then waits for the job to be ACTIVE.
 */
export async function onCreate(inv: Invocation, event: ResourceEvent): Promise<OnEventResponse> {
  const props = parseJobProperties(event.ResourceProperties);
  const serverId = await resolveServerId(inv, props.selector);
  inv.serverId = serverId;
  const marker = ownershipMarker(event.StackId, event.LogicalResourceId);
  const created = await createJob(inv, createRequest(props, serverId, marker, Date.now()), marker);
  inv.physicalResourceId = created.jobId;
  inv.log('create-job', { operation: 'CreateReplicationJob', outcome: created.adopted ? 'adopted' : 'created' });
  return jobResponse(created.jobId, serverId);
}
