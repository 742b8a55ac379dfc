import { MgnApiError, conflict } from '../errors';
import { paginate } from '../paging';
import { launchView, replicationView, serverView } from '../records';
import { ServerRecord, Wire } from '../state';
import { OpContext, OperationHandler, clone, inList, requireServer, requireState, visible } from './context';

/**
 * Source servers: describe, configuration, replication control and lifecycle, with the legality table of
 * mgn-api.md §4 (409 `ConflictException` otherwise).
 */

const ALL_STATES = ['DISCOVERED', 'PENDING_INSTALLATION', 'NOT_READY', 'READY_FOR_TEST', 'TESTING', 'READY_FOR_CUTOVER', 'CUTTING_OVER',
  'CUTOVER', 'DISCONNECTED', 'STOPPED'];
/** States with a replicating agent or snapshot shipping, i.e. "connected". */
const CONNECTED = ['NOT_READY', 'READY_FOR_TEST', 'TESTING', 'READY_FOR_CUTOVER', 'CUTTING_OVER', 'STOPPED'];
/** Replication states that count against the active-replication quota. */
const ACTIVE_REPLICATION = new Set(['INITIATING', 'INITIAL_SYNC', 'BACKLOG', 'CREATING_SNAPSHOT', 'CONTINUOUS', 'RESCAN', 'STALLED',
  'PENDING_SNAPSHOT_SHIPPING', 'SHIPPING_SNAPSHOT']);

function describe(ctx: OpContext, input: Wire): Wire {
  const f = (input.filters ?? {}) as Wire;
  const matching = [...ctx.store.servers.values()].filter((s) => inList(f.sourceServerIDs, s.id)
    && (f.isArchived === undefined || s.isArchived === f.isArchived)
    && inList(f.replicationTypes, s.replicationType) && inList(f.lifeCycleStates, s.state)
    && inList(f.applicationIDs, s.applicationID));
  const page = paginate(matching.filter(visible), input, `DescribeSourceServers:${JSON.stringify(f)}`);
  return { items: page.items.map((s) => serverView(ctx.store, s)), nextToken: page.nextToken };
}

function activeReplications(ctx: OpContext): number {
  return [...ctx.store.servers.values()].filter((s) => !s.isArchived && ACTIVE_REPLICATION.has(s.dataReplicationState)).length;
}

function startReplication(ctx: OpContext, input: Wire): Wire {
  const s = requireServer(ctx, input.sourceServerID);
  requireState(s, 'StartReplication', ['DISCOVERED', 'STOPPED']);
  const quota = ctx.store.options.replicationQuota ?? 150;
  if (activeReplications(ctx) >= quota) {
    throw new MgnApiError('ServiceQuotaExceededException', `at most ${quota} source servers may replicate at once`, {
      resourceId: s.id, resourceType: 'SOURCE_SERVER', serviceCode: 'mgn', quotaCode: 'L-ACTIVE-REPLICATING-SERVERS', quotaValue: quota,
    });
  }
  s.state = 'NOT_READY';
  s.dataReplicationState = s.replicationType === 'SNAPSHOT_SHIPPING' ? 'PENDING_SNAPSHOT_SHIPPING' : 'INITIATING';
  return serverView(ctx.store, s);
}

function setReplication(ctx: OpContext, input: Wire, op: string, from: (s: ServerRecord) => boolean, apply: (s: ServerRecord) => void): Wire {
  const s = requireServer(ctx, input.sourceServerID);
  requireState(s, op, ALL_STATES);
  if (!from(s)) {
    throw conflict(`${op} is not allowed for source server ${s.id} with replication state ${s.dataReplicationState}`, 'SOURCE_SERVER', s.id);
  }
  apply(s);
  return serverView(ctx.store, s);
}

export const SERVER_OPERATIONS: Record<string, OperationHandler> = {
  DescribeSourceServers: describe,
  UpdateSourceServer: (ctx, input) => {
    const s = requireServer(ctx, input.sourceServerID);
    // connectorAction is accepted and not modelled further.
    return serverView(ctx.store, s);
  },
  GetReplicationConfiguration: (ctx, input) => replicationView(requireServer(ctx, input.sourceServerID)),
  UpdateReplicationConfiguration: (ctx, input) => {
    const s = requireServer(ctx, input.sourceServerID);
    requireState(s, 'UpdateReplicationConfiguration', ALL_STATES.filter((st) => st !== 'CUTOVER' && st !== 'DISCONNECTED'));
    const changes = clone(input);
    delete changes.sourceServerID;
    delete changes.accountID;
    Object.assign(s.replication, changes);
    return replicationView(s);
  },
  GetLaunchConfiguration: (ctx, input) => launchView(requireServer(ctx, input.sourceServerID)),
  UpdateLaunchConfiguration: (ctx, input) => {
    const s = requireServer(ctx, input.sourceServerID);
    requireState(s, 'UpdateLaunchConfiguration', ALL_STATES);
    const changes = clone(input);
    delete changes.sourceServerID;
    delete changes.accountID;
    Object.assign(s.launch, changes);
    return launchView(s);
  },
  UpdateSourceServerReplicationType: (ctx, input) => {
    const s = requireServer(ctx, input.sourceServerID);
    requireState(s, 'UpdateSourceServerReplicationType', ['DISCOVERED', 'PENDING_INSTALLATION', 'STOPPED']);
    s.replicationType = String(input.replicationType);
    return serverView(ctx.store, s);
  },
  StartReplication: startReplication,
  StopReplication: (ctx, input) => setReplication(ctx, input, 'StopReplication', (s) => ACTIVE_REPLICATION.has(s.dataReplicationState)
    || s.dataReplicationState === 'PAUSED', (s) => {
    s.dataReplicationState = 'STOPPED';
    s.state = 'STOPPED';
    s.lagDuration = undefined;
  }),
  PauseReplication: (ctx, input) => setReplication(ctx, input, 'PauseReplication', (s) => ACTIVE_REPLICATION.has(s.dataReplicationState), (s) => {
    s.pausedFrom = s.dataReplicationState;
    s.dataReplicationState = 'PAUSED';
  }),
  ResumeReplication: (ctx, input) => setReplication(ctx, input, 'ResumeReplication', (s) => s.dataReplicationState === 'PAUSED', (s) => {
    s.dataReplicationState = s.pausedFrom ?? 'CONTINUOUS';
    s.pausedFrom = undefined;
  }),
  RetryDataReplication: (ctx, input) => setReplication(ctx, input, 'RetryDataReplication', (s) => s.dataReplicationState === 'STALLED', (s) => {
    s.dataReplicationState = 'INITIATING';
    s.dataReplicationError = undefined;
  }),
  MarkAsArchived: (ctx, input) => {
    const s = requireServer(ctx, input.sourceServerID);
    requireState(s, 'MarkAsArchived', ['CUTOVER', 'DISCONNECTED']);
    s.isArchived = true;
    return serverView(ctx.store, s);
  },
  DisconnectFromService: (ctx, input) => {
    const s = requireServer(ctx, input.sourceServerID);
    requireState(s, 'DisconnectFromService', [...CONNECTED, 'DISCOVERED', 'PENDING_INSTALLATION']);
    s.state = 'DISCONNECTED';
    s.dataReplicationState = 'DISCONNECTED';
    s.lagDuration = undefined;
    return serverView(ctx.store, s);
  },
  DeleteSourceServer: (ctx, input) => {
    const s = requireServer(ctx, input.sourceServerID);
    if (!s.isArchived && s.state !== 'DISCONNECTED') {
      throw conflict(`source server ${s.id} must be disconnected or archived before it is deleted`, 'SOURCE_SERVER', s.id);
    }
    ctx.store.servers.delete(s.id);
    return undefined;
  },
  ChangeServerLifeCycleState: (ctx, input) => {
    const s = requireServer(ctx, input.sourceServerID);
    requireState(s, 'ChangeServerLifeCycleState', ['TESTING', 'READY_FOR_TEST', 'READY_FOR_CUTOVER']);
    if (s.lagDuration === undefined) {
      throw conflict(`source server ${s.id} has no lag duration yet`, 'SOURCE_SERVER', s.id);
    }
    const to = String((input.lifeCycle as Wire).state);
    if (s.state === 'TESTING' && to === 'READY_FOR_CUTOVER') {
      s.lastTest = { ...s.lastTest, finalized: { apiCallDateTime: ctx.store.now() } };
    } else if (s.state === 'TESTING' && to === 'READY_FOR_TEST') {
      s.lastTest = { ...s.lastTest, reverted: { apiCallDateTime: ctx.store.now() } };
    }
    s.state = to;
    return serverView(ctx.store, s);
  },
};
