import { clone, compact } from './operations/context';
import { GroupRecord, MgnStore, ServerRecord, TemplateRecord, Wire } from './state';

/**
 * Building records (source servers with their configurations and launch template) and turning records
 * into the API's shapes. Shared by the operations, imports and the test control API.
 */

/** What a test (or an import, an agent, a discovery) says about a new source server. */
export interface ServerSpec {
  /** `lifeCycle.state`. @default 'NOT_READY' */
  readonly state?: string;
  /** @default 'AGENT_BASED' ('SNAPSHOT_SHIPPING' for DISCOVERED) */
  readonly replicationType?: string;
  /** @default - per state, as mgn-api.md §12.6 */
  readonly dataReplicationState?: string;
  /** @default - 'PT0S' from READY_FOR_TEST to CUTTING_OVER, absent otherwise */
  readonly lagDuration?: string;
  readonly userProvidedID?: string;
  readonly fqdnForActionFramework?: string;
  readonly hostname?: string;
  readonly fqdn?: string;
  readonly vmWareUuid?: string;
  readonly vmPath?: string;
  readonly vcenterClientID?: string;
  readonly platform?: string;
  /** @default false */
  readonly isArchived?: boolean;
  readonly tags?: Record<string, string>;
  readonly applicationID?: string;
  /** e.g. `{ error: 'AGENT_NOT_SEEN' }` */
  readonly dataReplicationError?: Wire;
  readonly launchedInstance?: Wire;
}

const REPLICATION_BY_STATE: Record<string, string> = {
  DISCOVERED: 'STOPPED', PENDING_INSTALLATION: 'STOPPED', NOT_READY: 'INITIAL_SYNC', READY_FOR_TEST: 'CONTINUOUS',
  TESTING: 'CONTINUOUS', READY_FOR_CUTOVER: 'CONTINUOUS', CUTTING_OVER: 'CONTINUOUS', CUTOVER: 'DISCONNECTED',
  DISCONNECTED: 'DISCONNECTED', STOPPED: 'STOPPED',
};

/** States in which a server has a lag (it can be launched). */
export const LAGGED = new Set(['READY_FOR_TEST', 'TESTING', 'READY_FOR_CUTOVER', 'CUTTING_OVER']);
const LAUNCHED = new Set(['TESTING', 'READY_FOR_CUTOVER', 'CUTTING_OVER', 'CUTOVER']);

/** Replication configuration members a template passes to new servers. */
export const REPLICATION_KEYS = [
  'stagingAreaSubnetId', 'associateDefaultSecurityGroup', 'replicationServersSecurityGroupsIDs', 'replicationServerInstanceType',
  'useDedicatedReplicationServer', 'defaultLargeStagingDiskType', 'ebsEncryption', 'ebsEncryptionKeyArn', 'bandwidthThrottling',
  'dataPlaneRouting', 'createPublicIP', 'stagingAreaTags', 'useFipsEndpoint',
];

/** Launch configuration members a template passes to new servers. */
export const LAUNCH_KEYS = [
  'launchDisposition', 'targetInstanceTypeRightSizingMethod', 'copyPrivateIp', 'copyTags', 'licensing', 'bootMode',
  'postLaunchActions', 'enableMapAutoTagging', 'mapAutoTaggingMpeID',
];

const DEFAULT_LAUNCH: Wire = {
  launchDisposition: 'STOPPED', targetInstanceTypeRightSizingMethod: 'BASIC', copyPrivateIp: false, copyTags: false,
  licensing: { osByol: false }, bootMode: 'LEGACY_BIOS', enableMapAutoTagging: false,
};

function firstTemplate(map: Map<string, TemplateRecord>): TemplateRecord | undefined {
  return [...map.values()].sort((a, b) => a.seq - b.seq)[0];
}

/** Creates a source server: replication and launch configuration from the first RCT/LCT, its own EC2 launch template. */
export function createServer(store: MgnStore, spec: ServerSpec): ServerRecord {
  const id = store.ids.next('s-');
  const state = spec.state ?? 'NOT_READY';
  const rct = firstTemplate(store.rcts);
  const lct = firstTemplate(store.lcts);
  const replication: Wire = { name: id, replicatedDisks: [{ deviceName: '/dev/sda', isBootDisk: true, stagingDiskType: 'AUTO' }] };
  for (const k of REPLICATION_KEYS) {
    if (rct?.body[k] !== undefined) {
      replication[k] = clone(rct.body[k]);
    }
  }
  const launch: Wire = { name: id, ...clone(DEFAULT_LAUNCH) };
  for (const k of LAUNCH_KEYS) {
    if (lct?.body[k] !== undefined) {
      launch[k] = clone(lct.body[k]);
    }
  }
  const lt = store.createLaunchTemplate(id, {
    InstanceType: 't3.medium',
    NetworkInterfaces: [{ DeviceIndex: 0, DeleteOnTermination: true, AssociatePublicIpAddress: lct?.body.associatePublicIpAddress === true }],
    Placement: { Tenancy: 'default' },
  });
  const s: ServerRecord = {
    id, arn: store.arn('source-server', id), seq: store.nextSeq(), isArchived: spec.isArchived ?? false, state,
    replicationType: spec.replicationType ?? (state === 'DISCOVERED' ? 'SNAPSHOT_SHIPPING' : 'AGENT_BASED'),
    dataReplicationState: spec.dataReplicationState ?? REPLICATION_BY_STATE[state] ?? 'STOPPED',
    lagDuration: spec.lagDuration ?? (LAGGED.has(state) ? 'PT0S' : undefined),
    userProvidedID: spec.userProvidedID, fqdnForActionFramework: spec.fqdnForActionFramework, platform: spec.platform,
    hints: { fqdn: spec.fqdn, hostname: spec.hostname, vmWareUuid: spec.vmWareUuid, vmPath: spec.vmPath },
    vcenterClientID: spec.vcenterClientID, applicationID: spec.applicationID,
    launchedInstance: spec.launchedInstance ?? (LAUNCHED.has(state)
      ? { ec2InstanceID: store.ids.hex('i-'), jobID: store.ids.next('mgnjob-'), firstBoot: 'SUCCEEDED' } : undefined),
    dataReplicationError: spec.dataReplicationError,
    addedAt: store.now(), replication, launch, launchTemplateId: lt.id,
    hiddenReads: store.options.invisibleReads ?? 0,
  };
  store.servers.set(id, s);
  if (spec.tags) {
    Object.assign(store.tagsOf(s.arn), spec.tags);
  }
  return s;
}

/** The `SourceServer` shape. */
export function serverView(store: MgnStore, s: ServerRecord): Wire {
  const tags = store.tags.get(s.arn) ?? {};
  const hints = compact(s.hints);
  return compact({
    sourceServerID: s.id, arn: s.arn, isArchived: s.isArchived, tags: { ...tags },
    launchedInstance: s.launchedInstance && clone(s.launchedInstance),
    dataReplicationInfo: {
      lagDuration: s.lagDuration,
      dataReplicationState: s.dataReplicationState,
      dataReplicationError: s.dataReplicationError && clone(s.dataReplicationError),
      replicatedDisks: s.state === 'DISCOVERED' || s.state === 'PENDING_INSTALLATION' ? [] : [{
        deviceName: '/dev/sda', totalStorageBytes: 10737418240,
        replicatedStorageBytes: s.dataReplicationState === 'INITIAL_SYNC' ? 5368709120 : 10737418240,
        rescannedStorageBytes: 0, backloggedStorageBytes: s.dataReplicationState === 'BACKLOG' ? 1048576 : 0,
      }],
    },
    lifeCycle: { addedToServiceDateTime: s.addedAt, state: s.state, lastTest: s.lastTest && clone(s.lastTest),
      lastCutover: s.lastCutover && clone(s.lastCutover) },
    sourceProperties: {
      lastUpdatedDateTime: s.addedAt,
      identificationHints: Object.keys(hints).length > 0 ? hints : undefined,
      os: s.platform ? { fullString: s.platform } : undefined,
    },
    replicationType: s.replicationType,
    vcenterClientID: s.vcenterClientID,
    applicationID: s.applicationID,
    userProvidedID: s.userProvidedID,
    fqdnForActionFramework: s.fqdnForActionFramework,
  });
}

/** The `ReplicationConfiguration` shape. */
export function replicationView(s: ServerRecord): Wire {
  return compact({ sourceServerID: s.id, ...clone(s.replication) });
}

/** The `LaunchConfiguration` shape. */
export function launchView(s: ServerRecord): Wire {
  return compact({ sourceServerID: s.id, ec2LaunchTemplateID: s.launchTemplateId, ...clone(s.launch) });
}

/** The `Application` shape. */
export function applicationView(store: MgnStore, a: GroupRecord): Wire {
  const servers = store.serversOfApp(a.id).length;
  return compact({
    applicationID: a.id, arn: a.arn, name: a.name, description: a.description, isArchived: a.isArchived,
    applicationAggregatedStatus: {
      lastUpdateDateTime: a.modified, healthStatus: 'HEALTHY', progressStatus: 'NOT_STARTED', totalSourceServers: servers,
    },
    creationDateTime: a.created, lastModifiedDateTime: a.modified, tags: { ...(store.tags.get(a.arn) ?? {}) }, waveID: a.waveID,
  });
}

/** The `Wave` shape. */
export function waveView(store: MgnStore, w: GroupRecord): Wire {
  return compact({
    waveID: w.id, arn: w.arn, name: w.name, description: w.description, isArchived: w.isArchived,
    waveAggregatedStatus: {
      lastUpdateDateTime: w.modified, healthStatus: 'HEALTHY', progressStatus: 'NOT_STARTED', totalApplications: store.appsOfWave(w.id).length,
    },
    creationDateTime: w.created, lastModifiedDateTime: w.modified, tags: { ...(store.tags.get(w.arn) ?? {}) },
  });
}

/** A template's shape: its body plus its tags. */
export function templateView(store: MgnStore, t: TemplateRecord): Wire {
  return compact({ ...clone(t.body), tags: { ...(store.tags.get(t.arn) ?? {}) } });
}
