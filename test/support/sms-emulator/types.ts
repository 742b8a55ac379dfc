/**
 * Public types of the SMS emulator: start options, job scripts, catalog specs and snapshots.
 *
 * Wire values (enum strings) are the model's, e.g. `VSPHERE`, `HYPERV-MANAGER`, `PENDING`.
 */

/** `ReplicationJobState` wire values. */
export type ReplicationJobState = 'PENDING' | 'ACTIVE' | 'FAILED' | 'DELETING' | 'DELETED' | 'COMPLETED' | 'PAUSED_ON_FAILURE' | 'FAILING';

/** `ReplicationRunState` wire values. */
export type ReplicationRunState = 'PENDING' | 'MISSED' | 'ACTIVE' | 'FAILED' | 'COMPLETED' | 'DELETING' | 'DELETED';

/** `VmManagerType` wire values. */
export type VmManagerType = 'VSPHERE' | 'SCVMM' | 'HYPERV-MANAGER';

/** `ServerCatalogStatus` wire values. */
export type ServerCatalogStatus = 'NOT_IMPORTED' | 'IMPORTING' | 'AVAILABLE' | 'DELETED' | 'EXPIRED';

/** `ConnectorStatus` wire values. */
export type ConnectorStatus = 'HEALTHY' | 'UNHEALTHY';

/**
 * Guest OS family of a catalog VM. SMS never returns it; the emulator keeps it to decide license outcomes
 * (Linux supports only BYOL; "auto" picks AWS for Windows Server and BYOL otherwise).
 */
export type OsFamily = 'WINDOWS_SERVER' | 'WINDOWS_CLIENT' | 'LINUX';

/**
 * One step of a job's scripted life. The step fires when `afterPolls` polls (GetReplicationJobs or
 * GetReplicationRuns answers that included the job) have been seen in the current state, or `afterMs`
 * emulator milliseconds have passed since the last transition, whichever comes first. A step with
 * neither fires at the next evaluation.
 */
export interface JobStep {
  readonly state: ReplicationJobState;
  readonly statusMessage?: string;
  readonly afterPolls?: number;
  readonly afterMs?: number;
}

/** One VM manager (vCenter, Hyper-V host or SCVMM) of the seeded catalog, with its connector. */
export interface VmManagerSpec {
  readonly name: string;
  readonly type: VmManagerType;
  readonly vmCount: number;
  /** @default - a UUID drawn from the seed */
  readonly vmManagerId?: string;
  /** Folder or host-group names used in `vmPath`. @default - Production, Staging, Development, Infrastructure */
  readonly folders?: string[];
}

/** A VM a test adds to the catalog by hand. */
export interface ServerSpec {
  readonly vmName: string;
  /** Name of an existing VM manager. @default - the first VM manager */
  readonly vmManagerName?: string;
  /** @default 'LINUX' */
  readonly osFamily?: OsFamily;
  /** @default 1 */
  readonly volumeCount?: number;
  /** @default - a path built from the VM manager and name */
  readonly vmPath?: string;
  /** The VM's id on its manager (a MoRef such as `vm-101` on vSphere; MoRefs repeat across vCenters). @default - drawn from the seed */
  readonly vmId?: string;
}

/** Limits the emulator enforces; defaults come from sms-api.md §3 and §7. */
export interface SmsLimits {
  /** @default 1 */
  readonly minFrequencyHours: number;
  /** @default 24 */
  readonly maxFrequencyHours: number;
  /** @default 30 */
  readonly maxSeedDaysAhead: number;
  /** @default 2 */
  readonly onDemandRunsPer24h: number;
  /** @default 50 */
  readonly maxConcurrentJobs: number;
  /** @default 270 */
  readonly maxAmisToKeep: number;
  /** @default 22 */
  readonly maxVolumes: number;
  /** @default 90 */
  readonly jobLifetimeDays: number;
  /** @default 50 */
  readonly defaultPageSize: number;
  /** Larger `maxResults` values are clamped to this. @default 100 */
  readonly maxPageSize: number;
}

/** Options of `SmsEmulator.start`. */
export interface SmsEmulatorOptions {
  /** Seed of every PRNG stream. @default 1 */
  readonly seed?: number | string;
  /** TCP port on 127.0.0.1; 0 picks a free one. @default 0 */
  readonly port?: number;
  /** @default - <repo>/../shared/reference/sms-model.json */
  readonly modelPath?: string;
  /** @default - three vCenters, one Hyper-V host and one SCVMM, 112 VMs */
  readonly vmManagers?: VmManagerSpec[];
  /** Whether the catalog starts imported (`AVAILABLE`) or `NOT_IMPORTED`. @default true */
  readonly catalogImported?: boolean;
  /** How long ImportServerCatalog stays `IMPORTING`. @default - 1 GetServers poll */
  readonly catalogImport?: { readonly afterPolls?: number; readonly afterMs?: number };
  /** The life of every new job unless a server has its own script. @default - ACTIVE after 1 poll */
  readonly jobScript?: JobStep[];
  /** Emulator time a replication run takes from its scheduled start to COMPLETED. @default 3_600_000 */
  readonly runDurationMs?: number;
  /** @default - see `SmsLimits` */
  readonly limits?: Partial<SmsLimits>;
  /**
   * Answer to GetReplicationJobs / GetReplicationRuns for an unknown job id. The model lists no
   * not-found error for them, so the real behaviour is unknown.
   * @default 'not-found'
   */
  readonly unknownJobOnRead?: 'not-found' | 'empty';
  /** Refuse requests without a SigV4 `Authorization` header for the `sms` service. @default true */
  readonly requireSigV4?: boolean;
}

/** A catalog server as tests see it: the API's `Server` plus the facts only the emulator knows. */
export interface ServerSnapshot {
  readonly serverId: string;
  readonly serverType: 'VIRTUAL_MACHINE';
  readonly vmServer: {
    readonly vmServerAddress: { readonly vmManagerId: string; readonly vmId: string };
    readonly vmName: string;
    readonly vmManagerName: string;
    readonly vmManagerType: VmManagerType;
    readonly vmPath: string;
  };
  readonly replicationJobId?: string;
  readonly replicationJobTerminated?: boolean;
  readonly osFamily: OsFamily;
  readonly volumeCount: number;
  readonly inCatalog: boolean;
}

/** A replication run as tests see it (timestamps as `Date`, like the SDK). */
export interface RunSnapshot {
  readonly replicationRunId: string;
  readonly state: ReplicationRunState;
  readonly type: 'ON_DEMAND' | 'AUTOMATIC';
  readonly scheduledStartTime: Date;
  readonly completedTime?: Date;
  readonly amiId?: string;
  readonly description?: string;
  readonly statusMessage?: string;
}

/** A replication job as tests see it (timestamps as `Date`, like the SDK), plus poll bookkeeping. */
export interface JobSnapshot {
  readonly replicationJobId: string;
  readonly serverId: string;
  readonly state: ReplicationJobState;
  readonly statusMessage?: string;
  readonly seedReplicationTime: Date;
  readonly frequency?: number;
  readonly runOnce?: boolean;
  readonly nextReplicationRunStartTime?: Date;
  readonly licenseType: string;
  readonly roleName?: string;
  readonly latestAmiId?: string;
  readonly description?: string;
  readonly numberOfRecentAmisToKeep?: number;
  readonly encrypted?: boolean;
  readonly kmsKeyId?: string;
  readonly runs: RunSnapshot[];
  /** Polls seen since the last state change. */
  readonly pollsInState: number;
}

/** A connector as tests see it. */
export interface ConnectorSnapshot {
  readonly connectorId: string;
  readonly status: ConnectorStatus;
  readonly vmManagerName: string;
  readonly vmManagerType: VmManagerType;
  readonly vmManagerId: string;
}
