import { ConnectorStatus, JobStep, OsFamily, ReplicationJobState, ReplicationRunState, VmManagerType } from './types';

/**
 * Internal records the emulator keeps. Timestamps are epoch milliseconds; `seq` orders records for paging.
 */

/** The `VmServer` structure. */
export interface VmServerRecord {
  readonly vmServerAddress: { readonly vmManagerId: string; readonly vmId: string };
  readonly vmName: string;
  readonly vmManagerName: string;
  readonly vmManagerType: VmManagerType;
  readonly vmPath: string;
}

/** A VM known to a VM manager (in the catalog once imported). */
export interface ServerRecord {
  readonly seq: number;
  readonly serverId: string;
  readonly vmServer: VmServerRecord;
  readonly osFamily: OsFamily;
  readonly volumeCount: number;
  /** Set by a test: CreateReplicationJob answers ServerCannotBeReplicatedException with this text. */
  unreplicableReason?: string;
}

/** A VM manager and the facts needed to build its VMs. */
export interface ManagerRecord {
  readonly name: string;
  readonly type: VmManagerType;
  readonly vmManagerId: string;
  readonly folders: readonly string[];
  readonly site: string;
}

/** A connector appliance registered for one VM manager. */
export interface ConnectorRecord {
  readonly seq: number;
  readonly connectorId: string;
  readonly version: string;
  status: ConnectorStatus;
  readonly capabilityList: string[];
  readonly vmManagerName: string;
  readonly vmManagerType: VmManagerType;
  readonly vmManagerId: string;
  readonly ipAddress: string;
  readonly macAddress: string;
  readonly associatedOn: number;
}

/** One replication run. */
export interface RunRecord {
  readonly seq: number;
  readonly replicationRunId: string;
  readonly type: 'ON_DEMAND' | 'AUTOMATIC';
  state: ReplicationRunState;
  readonly scheduledStartTime: number;
  completedTime?: number;
  amiId?: string;
  statusMessage?: string;
  stageDetails?: { stage: string; stageProgress: string };
  readonly description?: string;
  readonly encrypted?: boolean;
  readonly kmsKeyId?: string;
}

/** One replication job with its runs and scripted future. */
export interface JobRecord {
  readonly seq: number;
  readonly replicationJobId: string;
  readonly serverId: string;
  readonly vmServer: VmServerRecord;
  readonly seedReplicationTime: number;
  readonly runOnce?: boolean;
  frequency?: number;
  nextReplicationRunStartTime: number;
  licenseType: 'AWS' | 'BYOL';
  roleName?: string;
  latestAmiId?: string;
  state: ReplicationJobState;
  statusMessage?: string;
  description?: string;
  numberOfRecentAmisToKeep?: number;
  encrypted?: boolean;
  kmsKeyId?: string;
  readonly runs: RunRecord[];
  /** Steps still to come. */
  script: JobStep[];
  pollsInState: number;
  lastTransitionAt: number;
}
