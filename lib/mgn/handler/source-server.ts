import {
  AssociateSourceServersCommand, DescribeSourceServersCommand, DisconnectFromServiceCommand, DisassociateSourceServersCommand,
  GetLaunchConfigurationCommand, GetReplicationConfigurationCommand, LaunchConfiguration, MarkAsArchivedCommand, MgnClient, SourceServer,
  TagResourceCommand, UpdateLaunchConfigurationCommand, UpdateLaunchConfigurationRequest, UpdateReplicationConfigurationCommand,
  UpdateSourceServerReplicationTypeCommand, paginateDescribeSourceServers,
} from '@aws-sdk/client-mgn';
import { HandlerError, describeError, hasErrorName } from '../../handler-common/errors';
import { OnEventResponse, ResourceEvent } from '../../handler-common/event';
import { Data, PENDING_ID_PREFIX, Props, RemovalPolicies, ReplicationMethods, ServerStatuses, VM_TAG } from './api';
import { findListed, listApplications } from './applications';
import { MgnErrors, isNotFound, mgn, mgnPages } from './calls';
import { DesiredPropertyError, DesiredServer, fromProperties } from './desired';
import { MgnInvocation } from './invocation';
import { applyLaunchTemplate } from './launch-template';
import { ServerIndex, VmIdentity } from './match';
import { PropertyReader, ReplicationMethodValue, removalPolicyOf } from './properties';
import { ResourceHandler, completeAtOnce } from './resource';
import { launchDifferences, replicationDifferences } from './settings-diff';

/**
 * `Custom::MgnSourceServer`: one plan VM as an MGN source server. The server is found (match.ts) in one
 * DescribeSourceServers listing, tagged with the VM's name, and its settings applied where they differ
 * (settings-diff.ts): replication type, replication configuration, launch configuration, EC2 launch
 * template, application. The physical id is the server id; a VM with no server yet is `pending:<VmName>`
 * (success, Status `pending`): the next deploy finds it, and the new physical id replaces the pending one
 * (whose Delete does nothing). A server cut over, disconnected or archived is `frozen`: nothing is changed.
 */

/** Life-cycle states after which the server's settings are no longer changed. */
const FROZEN_STATES: readonly string[] = ['CUTOVER', 'DISCONNECTED'];
/** Life-cycle states before replication starts, in which the replication type may still change (mgn-api.md §4). */
const BEFORE_REPLICATION: readonly string[] = ['DISCOVERED', 'PENDING_INSTALLATION'];
/** MGN's replication type of each plan method. */
const REPLICATION_TYPES: Record<ReplicationMethodValue, 'AGENT_BASED' | 'SNAPSHOT_SHIPPING'> = {
  [ReplicationMethods.AGENT]: 'AGENT_BASED',
  [ReplicationMethods.AGENTLESS]: 'SNAPSHOT_SHIPPING',
};

interface ServerProperties {
  readonly vm: VmIdentity;
  readonly method: ReplicationMethodValue;
  readonly applicationName?: string;
  readonly desired: DesiredServer;
}

function readServer(raw: Readonly<Record<string, unknown>> | undefined, target: string): ServerProperties {
  const reader = new PropertyReader(raw ?? {});
  const vmName = reader.required(Props.VM_NAME, 'the plan VM\'s name');
  const method = reader.oneOf<ReplicationMethodValue>(Props.REPLICATION_METHOD, [ReplicationMethods.AGENT, ReplicationMethods.AGENTLESS],
    ReplicationMethods.AGENT);
  const vm: VmIdentity = { vmName, vmUuid: reader.text(Props.VM_UUID), vmPath: reader.text(Props.VM_PATH), hostname: reader.text(Props.HOSTNAME) };
  const applicationName = reader.text(Props.APPLICATION_NAME);
  reader.oneOf(Props.REMOVAL_POLICY, [RemovalPolicies.RETAIN, RemovalPolicies.DESTROY], RemovalPolicies.RETAIN);
  let desired: DesiredServer = { replication: {}, launch: {}, launchTemplate: {} };
  try {
    desired = fromProperties(raw ?? {});
  } catch (e) {
    if (!(e instanceof DesiredPropertyError)) {
      throw e;
    }
    reader.problems.push(e.message);
  }
  reader.check(target);
  return { vm, method, applicationName, desired };
}

/** Every source server, archived ones included, in one listing (one per invocation). */
async function listServers(inv: MgnInvocation): Promise<SourceServer[]> {
  const pages = await mgnPages(inv, 'DescribeSourceServers', paginateDescribeSourceServers, { filters: {}, maxResults: 1000 });
  return pages.flatMap((p) => p.items ?? []);
}

function response(physicalId: string, serverId: string, status: string, templateVersion: string): OnEventResponse {
  return {
    PhysicalResourceId: physicalId,
    Data: { [Data.SOURCE_SERVER_ID]: serverId, [Data.STATUS]: status, [Data.LAUNCH_TEMPLATE_VERSION]: templateVersion },
  };
}

async function onEvent(inv: MgnInvocation, event: ResourceEvent): Promise<OnEventResponse> {
  if (event.RequestType === 'Delete') {
    return onDelete(inv, event);
  }
  const props = readServer(event.ResourceProperties, inv.target);
  const index = new ServerIndex(await listServers(inv));
  const server = findServer(inv, index, props, event.PhysicalResourceId);
  if (!server) {
    inv.log('match', { operation: 'DescribeSourceServers', outcome: 'pending' });
    return response(`${PENDING_ID_PREFIX}${props.vm.vmName}`, '', ServerStatuses.PENDING, '');
  }
  const serverId = server.sourceServerID as string;
  inv.sourceServerId = serverId;
  inv.physicalResourceId = serverId;
  if (server.isArchived === true || FROZEN_STATES.includes(server.lifeCycle?.state ?? '')) {
    inv.log('configure', { outcome: 'frozen', state: server.lifeCycle?.state, archived: server.isArchived === true });
    return response(serverId, serverId, ServerStatuses.FROZEN, '');
  }
  await tag(inv, server, props.vm.vmName);
  await settleReplicationType(inv, server, props.method);
  await settleReplication(inv, serverId, props.desired);
  const templateId = await settleLaunch(inv, serverId, props.desired);
  let version = '';
  if (templateId) {
    version = (await applyLaunchTemplate(inv, templateId, props.desired.launchTemplate)).defaultVersion;
  } else if (Object.keys(props.desired.launchTemplate).length > 0) {
    throw new HandlerError(`${inv.target} has no EC2 launch template yet (GetLaunchConfiguration names none); deploy again once MGN made it`);
  }
  await settleApplication(inv, server, props.applicationName);
  inv.log('configure', { outcome: 'configured' });
  return response(serverId, serverId, ServerStatuses.CONFIGURED, version);
}

/**
 * The server: the one the physical id names (found before, so still the VM's even if renamed since);
 * else the match. A server archived since is kept (frozen) unless the match finds another, live one (the
 * VM was imported or registered again): that one replaces it.
 */
function findServer(inv: MgnInvocation, index: ServerIndex, props: ServerProperties, physicalId: string | undefined): SourceServer | undefined {
  const known = physicalId && !physicalId.startsWith(PENDING_ID_PREFIX) ? index.byServerId(physicalId) : undefined;
  if (known && known.isArchived !== true) {
    return known;
  }
  const found = index.match(props.vm);
  inv.log('match', { outcome: found.outcome, matchedBy: found.by, candidates: found.candidates });
  if (found.outcome === 'ambiguous') {
    throw new HandlerError(`${inv.target} matches ${found.candidates.length} MGN source servers by ${found.by}: ${found.candidates.join(', ')}; `
      + `tag the right one with ${VM_TAG}=${props.vm.vmName} (and archive the others if they are duplicates), then deploy again`);
  }
  return found.server ?? known;
}

async function tag(inv: MgnInvocation, server: SourceServer, vmName: string): Promise<void> {
  if (server.tags?.[VM_TAG] === vmName) {
    return;
  }
  await mgn(inv, 'TagResource', (c) => c.send(new TagResourceCommand({ resourceArn: server.arn, tags: { [VM_TAG]: vmName } })));
  inv.log('tag', { operation: 'TagResource', outcome: 'tagged' });
}

async function settleReplicationType(inv: MgnInvocation, server: SourceServer, method: ReplicationMethodValue): Promise<void> {
  const wanted = REPLICATION_TYPES[method];
  if (server.replicationType === undefined || server.replicationType === wanted) {
    return;
  }
  const state = server.lifeCycle?.state ?? '';
  if (!BEFORE_REPLICATION.includes(state)) {
    inv.log('replication-type', { outcome: 'left', state, current: server.replicationType, desired: wanted, reason: 'replication has started' },
      'warn');
    return;
  }
  try {
    await mgn(inv, 'UpdateSourceServerReplicationType',
      (c) => c.send(new UpdateSourceServerReplicationTypeCommand({ sourceServerID: server.sourceServerID, replicationType: wanted })),
      { expected: [MgnErrors.CONFLICT] });
    inv.log('replication-type', { operation: 'UpdateSourceServerReplicationType', outcome: 'changed', desired: wanted });
  } catch (e) {
    if (!hasErrorName(e, MgnErrors.CONFLICT)) {
      throw e;
    }
    inv.log('replication-type', { outcome: 'left', state, reason: describeError(e) }, 'warn');
  }
}

async function settleReplication(inv: MgnInvocation, sourceServerID: string, desired: DesiredServer): Promise<void> {
  if (Object.keys(desired.replication).length === 0) {
    return;
  }
  const current = await mgn(inv, 'GetReplicationConfiguration', (c) => c.send(new GetReplicationConfigurationCommand({ sourceServerID })));
  const differences = replicationDifferences(current, desired.replication);
  if (differences.length === 0) {
    return;
  }
  const r = desired.replication;
  await mgn(inv, 'UpdateReplicationConfiguration', (c) => c.send(new UpdateReplicationConfigurationCommand({
    sourceServerID,
    ...r,
    dataPlaneRouting: r.dataPlaneRouting as 'PRIVATE_IP' | undefined,
    defaultLargeStagingDiskType: r.defaultLargeStagingDiskType as 'GP3' | undefined,
    ebsEncryption: r.ebsEncryption as 'DEFAULT' | undefined,
    replicationServersSecurityGroupsIDs: r.replicationServersSecurityGroupsIDs ? [...r.replicationServersSecurityGroupsIDs] : undefined,
  })));
  inv.log('replication', { operation: 'UpdateReplicationConfiguration', outcome: 'changed', members: differences.map((d) => d.member) });
}

/** Applies the launch configuration where it differs; returns the server's EC2 launch template id. */
async function settleLaunch(inv: MgnInvocation, sourceServerID: string, desired: DesiredServer): Promise<string | undefined> {
  const current: LaunchConfiguration = await mgn(inv, 'GetLaunchConfiguration',
    (c) => c.send(new GetLaunchConfigurationCommand({ sourceServerID })));
  const differences = launchDifferences(current, desired.launch);
  if (differences.length > 0) {
    const { licensingOsByol, bootMode, ...rest } = desired.launch;
    const request: UpdateLaunchConfigurationRequest = {
      sourceServerID,
      ...rest as Omit<UpdateLaunchConfigurationRequest, 'sourceServerID'>,
      ...licensingOsByol !== undefined ? { licensing: { osByol: licensingOsByol } } : {},
      // 3.523.0's BootMode lacks USE_SOURCE, which MGN accepts: the string is sent as it is.
      ...bootMode !== undefined ? { bootMode: bootMode as UpdateLaunchConfigurationRequest['bootMode'] } : {},
    };
    const updated = await mgn(inv, 'UpdateLaunchConfiguration', (c) => c.send(new UpdateLaunchConfigurationCommand(request)));
    inv.log('launch', { operation: 'UpdateLaunchConfiguration', outcome: 'changed', members: differences.map((d) => d.member) });
    return updated.ec2LaunchTemplateID ?? current.ec2LaunchTemplateID;
  }
  return current.ec2LaunchTemplateID;
}

/** Puts the server in its application, taking it out of another first. */
async function settleApplication(inv: MgnInvocation, server: SourceServer, name: string | undefined): Promise<void> {
  if (name === undefined) {
    return;
  }
  // The wave resource may have made it a moment ago: a listing that lacks it is read again a few times.
  const application = await findListed(inv, () => listApplications(inv), name);
  if (!application?.applicationID) {
    throw new HandlerError(`${inv.target} cannot join application "${name}": MGN lists no application of that name that is not archived; `
      + 'it is made by the wave resource of the plan, deploy that first');
  }
  const sourceServerIDs = [server.sourceServerID as string];
  if (server.applicationID === application.applicationID) {
    return;
  }
  if (server.applicationID) {
    await disassociate(inv, server.applicationID, sourceServerIDs);
  }
  await mgn(inv, 'AssociateSourceServers',
    (c) => c.send(new AssociateSourceServersCommand({ applicationID: application.applicationID, sourceServerIDs })));
  inv.log('application', { operation: 'AssociateSourceServers', outcome: server.applicationID ? 'moved' : 'associated', application: name });
}

async function disassociate(inv: MgnInvocation, applicationID: string, sourceServerIDs: string[]): Promise<void> {
  try {
    await mgn(inv, 'DisassociateSourceServers', (c) => c.send(new DisassociateSourceServersCommand({ applicationID, sourceServerIDs })),
      { expected: [MgnErrors.NOT_FOUND] });
  } catch (e) {
    if (!isNotFound(e)) {
      throw e;
    }
  }
}

/**
 * Delete: a pending resource and a retained server (the default) need nothing. A destroyed server leaves
 * its application, is disconnected unless it is already disconnected or cut over, and is archived; a
 * server MGN no longer knows is gone already.
 */
async function onDelete(inv: MgnInvocation, event: ResourceEvent): Promise<OnEventResponse> {
  const physicalId = event.PhysicalResourceId ?? '';
  if (physicalId === '' || physicalId.startsWith(PENDING_ID_PREFIX)) {
    inv.log('delete', { outcome: 'nothing to do', reason: 'no server was found for the VM' });
    return { PhysicalResourceId: physicalId };
  }
  inv.sourceServerId = physicalId;
  if (removalPolicyOf(event.ResourceProperties) !== RemovalPolicies.DESTROY) {
    inv.log('delete', { outcome: 'retained' });
    return { PhysicalResourceId: physicalId };
  }
  const out = await mgn(inv, 'DescribeSourceServers',
    (c) => c.send(new DescribeSourceServersCommand({ filters: { sourceServerIDs: [physicalId] } })));
  const server = (out.items ?? []).find((s) => s.sourceServerID === physicalId);
  if (!server) {
    inv.log('delete', { outcome: 'gone' });
    return { PhysicalResourceId: physicalId };
  }
  if (server.applicationID) {
    await disassociate(inv, server.applicationID, [physicalId]);
  }
  if (server.isArchived !== true) {
    if (!FROZEN_STATES.includes(server.lifeCycle?.state ?? '')) {
      await tolerant(inv, 'DisconnectFromService', (c, id) => c.send(new DisconnectFromServiceCommand({ sourceServerID: id })));
    }
    await tolerant(inv, 'MarkAsArchived', (c, id) => c.send(new MarkAsArchivedCommand({ sourceServerID: id })));
  }
  inv.log('delete', { outcome: 'archived' });
  return { PhysicalResourceId: physicalId };
}

/**
 * A destroying call whose "not found" is success. A conflict is success too when the server is already
 * where the call would put it (an earlier attempt whose answer was lost): it is read again to tell.
 */
async function tolerant(inv: MgnInvocation, operation: 'DisconnectFromService' | 'MarkAsArchived',
  send: (client: MgnClient, id: string) => Promise<unknown>): Promise<void> {
  const id = inv.sourceServerId as string;
  try {
    await mgn(inv, operation, (c) => send(c, id), { expected: [MgnErrors.NOT_FOUND, MgnErrors.CONFLICT] });
  } catch (e) {
    if (isNotFound(e)) {
      return;
    }
    if (!hasErrorName(e, MgnErrors.CONFLICT)) {
      throw e;
    }
    const again = await mgn(inv, 'DescribeSourceServers', (c) => c.send(new DescribeSourceServersCommand({ filters: { sourceServerIDs: [id] } })));
    const server = again.items?.find((s) => s.sourceServerID === id);
    const done = !server || server.isArchived === true
      || (operation === 'DisconnectFromService' && FROZEN_STATES.includes(server.lifeCycle?.state ?? ''));
    if (!done) {
      throw new HandlerError(`${operation} for ${inv.target} failed: ${describeError(e)}; finish or stop the server's migration in MGN, `
        + 'or keep it with the retain removal policy');
    }
  }
}

/** The handler of `Custom::MgnSourceServer`. */
export const sourceServer: ResourceHandler = { noun: 'VM', onEvent, isComplete: completeAtOnce };
