import { SmsApiError, invalidParameter, notPermitted } from '../errors';
import { pollJob } from '../lifecycle';
import { paginate } from '../paging';
import { RunRecord } from '../records';
import { Wire, compact, jobView, runView } from '../views';
import { OperationContext, jobForRead } from './context';

/**
 * Replication run operations: GetReplicationRuns, StartOnDemandReplicationRun.
 */

const DAY = 24 * 3_600_000;

/** The job and a page of its runs; counts as one poll of the job. */
export function getReplicationRuns(ctx: OperationContext, raw: Wire): Wire {
  const input = raw as { replicationJobId: string; nextToken?: string; maxResults?: number };
  const job = jobForRead(ctx, input.replicationJobId);
  if (!job) {
    return { replicationRunList: [] };
  }
  pollJob(ctx.store, job, ctx.now);
  const page = paginate(job.runs, (r) => r.seq, input, `GetReplicationRuns:${job.replicationJobId}`, ctx.store.limits);
  return compact({
    replicationJob: jobView(job),
    replicationRunList: page.items.map(runView),
    nextToken: page.nextToken,
  });
}

/**
 * Starts an on-demand run now. Only an ACTIVE job can run; at most 2 on-demand runs per job in any 24 h
 * (ReplicationRunLimitExceededException, HTTP 429); not while another run is ACTIVE.
 */
export function startOnDemandReplicationRun(ctx: OperationContext, raw: Wire): Wire {
  const input = raw as { replicationJobId: string; description?: string };
  const store = ctx.store;
  const job = store.jobs.get(input.replicationJobId);
  if (!job) {
    // The model lists no not-found error for this operation.
    throw invalidParameter(`replicationJobId ${input.replicationJobId} does not exist`);
  }
  if (job.state !== 'ACTIVE') {
    throw notPermitted(`replication job ${job.replicationJobId} is ${job.state}, on-demand runs need an ACTIVE job`);
  }
  const limit = store.limits.onDemandRunsPer24h;
  const recent = job.runs.filter((r) => r.type === 'ON_DEMAND' && r.scheduledStartTime > ctx.now - DAY).length;
  if (recent >= limit) {
    throw new SmsApiError('ReplicationRunLimitExceededException',
      `replication job ${job.replicationJobId} already had ${recent} on-demand runs in the last 24 hours, the limit is ${limit}`);
  }
  const active = job.runs.find((r) => r.state === 'ACTIVE');
  if (active) {
    throw notPermitted(`replication run ${active.replicationRunId} of ${job.replicationJobId} is still active`);
  }
  const run: RunRecord = {
    seq: store.nextSeq(),
    replicationRunId: store.ids.runId(),
    type: 'ON_DEMAND',
    state: 'ACTIVE',
    scheduledStartTime: ctx.now,
    statusMessage: 'Uploading',
    stageDetails: { stage: 'Uploading', stageProgress: '0%' },
    description: input.description,
    encrypted: job.encrypted,
    kmsKeyId: job.kmsKeyId,
  };
  job.runs.push(run);
  return { replicationRunId: run.replicationRunId };
}
