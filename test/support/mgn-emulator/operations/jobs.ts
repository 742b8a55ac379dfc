import { conflict } from '../errors';
import { paginate } from '../paging';
import { serverView } from '../records';
import { JobParticipantRecord, JobRecord, MgnStore, ServerRecord, Wire } from '../state';
import { OpContext, OperationHandler, compact, requireServer, requireState } from './context';

/**
 * Launch jobs (the cutover runbook's calls): StartTest, StartCutover, TerminateTargetInstances, FinalizeCutover,
 * DescribeJobs, DescribeJobLogItems. No wall clock: each `jobSteps` DescribeJobs calls that name an unfinished
 * job (or every job, without a filter) move it one step, PENDING → STARTED → COMPLETED, as ListImports moves an
 * import.
 *
 * Lifecycle (mgn-api.md §4 and the model's documentation):
 * - StartTest (READY_FOR_TEST, TESTING, READY_FOR_CUTOVER) makes a LAUNCH job initiated by START_TEST and sets
 *   the state TESTING at once, with `lifeCycle.lastTest.initiated`; StartCutover (READY_FOR_CUTOVER,
 *   CUTTING_OVER) the same with START_CUTOVER, CUTTING_OVER and `lastCutover`. TESTING and CUTTING_OVER are
 *   allowed so that a launch that failed can be launched again (design choice: the console offers it).
 * - A server whose launch fails (`failLaunch` of the control API) keeps its state; its participation says FAILED and
 *   the job log holds a LAUNCH_FAILED item with the reason as `rawError`. A launched server gets `launchedInstance`.
 * - A server already in an unfinished job, or more servers in unfinished launch jobs than `serversInActiveJobs`
 *   (200: MGN's quota of servers in all active jobs), is a conflict (409).
 * - FinalizeCutover (CUTTING_OVER, no unfinished job) sets CUTOVER, replication DISCONNECTED, no lag, and
 *   `lastCutover.finalized`.
 */

const DEFAULT_ACTIVE_SERVERS = 200;

function finished(j: JobRecord): boolean {
  return j.status === 'COMPLETED';
}

/** The `Job` shape. */
function jobView(j: JobRecord): Wire {
  return compact({
    jobID: j.id, arn: j.arn, type: j.type, initiatedBy: j.initiatedBy, creationDateTime: j.created, endDateTime: j.ended, status: j.status,
    participatingServers: j.participants.map((p) => ({ sourceServerID: p.sourceServerID, launchStatus: p.launchStatus,
      launchedEc2InstanceID: p.launchedEc2InstanceID })),
    tags: {},
  });
}

/** Unfinished jobs and the servers in them. */
function activeServers(store: MgnStore): Map<string, JobRecord> {
  const active = new Map<string, JobRecord>();
  for (const j of store.jobs.values()) {
    if (!finished(j)) {
      j.participants.forEach((p) => active.set(p.sourceServerID, j));
    }
  }
  return active;
}

function log(store: MgnStore, j: JobRecord, event: string, eventData?: Wire): void {
  j.logs.push(compact({ logDateTime: store.now(), event, eventData }));
}

function startJob(ctx: OpContext, input: Wire, op: string, initiatedBy: JobRecord['initiatedBy'], allowed: readonly string[],
  apply: (s: ServerRecord, job: JobRecord, now: string) => void): Wire {
  const { store } = ctx;
  const ids = [...new Set(input.sourceServerIDs as string[])];
  const servers = ids.map((id) => requireServer(ctx, id));
  servers.forEach((s) => requireState(s, op, allowed));
  const active = activeServers(store);
  const busy = servers.find((s) => active.has(s.id));
  if (busy) {
    throw conflict(`source server ${busy.id} is in job ${active.get(busy.id)!.id}, which has not completed`, 'SOURCE_SERVER', busy.id);
  }
  const limit = store.options.serversInActiveJobs ?? DEFAULT_ACTIVE_SERVERS;
  if (initiatedBy !== 'TERMINATE' && active.size + servers.length > limit) {
    throw conflict(`${active.size} source servers are in unfinished jobs; ${servers.length} more would exceed ${limit}`, 'JOB');
  }
  const id = store.ids.next('mgnjob-');
  const created = store.now();
  const job: JobRecord = {
    id, arn: store.arn('job', id), seq: store.nextSeq(), type: initiatedBy === 'TERMINATE' ? 'TERMINATE' : 'LAUNCH', initiatedBy, created,
    status: 'PENDING', polls: 0, logs: [],
    participants: servers.map((s): JobParticipantRecord => ({
      sourceServerID: s.id, launchStatus: 'PENDING', failure: initiatedBy === 'TERMINATE' ? undefined : store.launchFailures.get(s.id)?.shift(),
    })),
  };
  store.jobs.set(id, job);
  log(store, job, 'JOB_START');
  servers.forEach((s) => apply(s, job, created));
  return { job: jobView(job) };
}

/** One step of a job: PENDING → STARTED (servers IN_PROGRESS) → COMPLETED (each LAUNCHED or FAILED, or TERMINATED). */
function advance(store: MgnStore, j: JobRecord): void {
  if (finished(j)) {
    return;
  }
  j.polls += 1;
  if (j.polls < (store.options.jobSteps ?? 1)) {
    return;
  }
  j.polls = 0;
  if (j.status === 'PENDING') {
    j.status = 'STARTED';
    j.participants.forEach((p) => { p.launchStatus = 'IN_PROGRESS'; });
    return;
  }
  for (const p of j.participants) {
    const s = store.servers.get(p.sourceServerID);
    if (j.type === 'TERMINATE') {
      p.launchStatus = 'TERMINATED';
      if (s) {
        s.launchedInstance = undefined;
      }
      continue;
    }
    log(store, j, 'SNAPSHOT_START', { sourceServerID: p.sourceServerID });
    log(store, j, 'SNAPSHOT_END', { sourceServerID: p.sourceServerID });
    log(store, j, 'CONVERSION_START', { sourceServerID: p.sourceServerID });
    log(store, j, 'CONVERSION_END', { sourceServerID: p.sourceServerID });
    log(store, j, 'LAUNCH_START', { sourceServerID: p.sourceServerID });
    if (p.failure !== undefined) {
      p.launchStatus = 'FAILED';
      log(store, j, 'LAUNCH_FAILED', { sourceServerID: p.sourceServerID, rawError: p.failure });
      continue;
    }
    p.launchStatus = 'LAUNCHED';
    p.launchedEc2InstanceID = store.ids.hex('i-');
    if (s) {
      s.launchedInstance = { ec2InstanceID: p.launchedEc2InstanceID, jobID: j.id, firstBoot: 'SUCCEEDED' };
    }
  }
  j.status = 'COMPLETED';
  j.ended = store.now();
  log(store, j, 'JOB_END');
}

function describeJobs(ctx: OpContext, input: Wire): Wire {
  const f = (input.filters ?? {}) as { jobIDs?: string[]; fromDate?: string; toDate?: string };
  const matching = [...ctx.store.jobs.values()].filter((j) => (!f.jobIDs?.length || f.jobIDs.includes(j.id))
    && (f.fromDate === undefined || j.created >= f.fromDate) && (f.toDate === undefined || j.created <= f.toDate));
  matching.forEach((j) => advance(ctx.store, j));
  // Latest first, as the service answers: paged on the reversed creation order.
  const page = paginate(matching.map((j) => ({ seq: 1e9 - j.seq, j })), input, `DescribeJobs:${JSON.stringify(f)}`);
  return compact({ items: page.items.map((x) => jobView(x.j)), nextToken: page.nextToken });
}

function describeJobLogItems(ctx: OpContext, input: Wire): Wire {
  const job = ctx.store.jobs.get(String(input.jobID));
  const items = (job?.logs ?? []).map((e, i) => ({ seq: i + 1, e }));
  const page = paginate(items, input, `DescribeJobLogItems:${String(input.jobID)}`);
  return compact({ items: page.items.map((x) => x.e), nextToken: page.nextToken });
}

export const JOB_OPERATIONS: Record<string, OperationHandler> = {
  StartTest: (ctx, input) => startJob(ctx, input, 'StartTest', 'START_TEST', ['READY_FOR_TEST', 'TESTING', 'READY_FOR_CUTOVER'], (s, job, now) => {
    s.state = 'TESTING';
    s.lastTest = { initiated: { apiCallDateTime: now, jobID: job.id } };
  }),
  StartCutover: (ctx, input) => startJob(ctx, input, 'StartCutover', 'START_CUTOVER', ['READY_FOR_CUTOVER', 'CUTTING_OVER'], (s, job, now) => {
    s.state = 'CUTTING_OVER';
    s.lastCutover = { initiated: { apiCallDateTime: now, jobID: job.id } };
  }),
  TerminateTargetInstances: (ctx, input) => startJob(ctx, input, 'TerminateTargetInstances', 'TERMINATE',
    ['NOT_READY', 'READY_FOR_TEST', 'READY_FOR_CUTOVER', 'DISCONNECTED', 'STOPPED'], () => undefined),
  FinalizeCutover: (ctx, input) => {
    const s = requireServer(ctx, input.sourceServerID);
    requireState(s, 'FinalizeCutover', ['CUTTING_OVER']);
    const job = activeServers(ctx.store).get(s.id);
    if (job) {
      throw conflict(`source server ${s.id} is in job ${job.id}, which has not completed`, 'SOURCE_SERVER', s.id);
    }
    s.state = 'CUTOVER';
    s.dataReplicationState = 'DISCONNECTED';
    s.lagDuration = undefined;
    s.lastCutover = { ...s.lastCutover, finalized: { apiCallDateTime: ctx.store.now() } };
    return serverView(ctx.store, s);
  },
  DescribeJobs: describeJobs,
  DescribeJobLogItems: describeJobLogItems,
};
