import { DEFAULT_VM_MANAGERS, seedCatalog } from './catalog';
import { EmulatorClock } from './clock';
import { IdFactory } from './ids';
import { Rng, createRng } from './prng';
import { ConnectorRecord, JobRecord, ManagerRecord, ServerRecord } from './records';
import { JobStep, ServerCatalogStatus, SmsEmulatorOptions, SmsLimits } from './types';

/**
 * The emulator's in-memory state: VM managers and their VMs, the imported catalog, connectors, jobs and
 * runs. `reset()` rebuilds it from the seed, so a reset emulator hands out the same ids again.
 */

/** Limits from sms-api.md §3 and §7. */
export const DEFAULT_LIMITS: SmsLimits = {
  minFrequencyHours: 1,
  maxFrequencyHours: 24,
  maxSeedDaysAhead: 30,
  onDemandRunsPer24h: 2,
  maxConcurrentJobs: 50,
  maxAmisToKeep: 270,
  maxVolumes: 22,
  jobLifetimeDays: 90,
  defaultPageSize: 50,
  maxPageSize: 100,
};

/** Default life of a job: PENDING on the first poll, ACTIVE from the second. */
export const DEFAULT_JOB_SCRIPT: JobStep[] = [{ state: 'ACTIVE', afterPolls: 1 }];

/** An ImportServerCatalog in progress. */
export interface PendingImport {
  readonly startedAt: number;
  polls: number;
  readonly afterPolls?: number;
  readonly afterMs?: number;
}

/** Link from a catalog server to its (latest) job, as `Server.replicationJobId` shows it. */
export interface ServerJobLink {
  readonly jobId: string;
  terminated: boolean;
}

/** Everything the emulator knows. */
export class EmulatorStore {
  public readonly limits: SmsLimits;
  public ids!: IdFactory;
  public rng!: Rng;
  public managers: ManagerRecord[] = [];
  /** Every VM the managers know, by server id. */
  public universe = new Map<string, ServerRecord>();
  /** Ids of the VMs in the imported catalog. */
  public catalog = new Set<string>();
  public catalogStatus: ServerCatalogStatus = 'NOT_IMPORTED';
  public catalogLastModified?: number;
  public pendingImport?: PendingImport;
  public connectors = new Map<string, ConnectorRecord>();
  public jobs = new Map<string, JobRecord>();
  public links = new Map<string, ServerJobLink>();
  /** Scripts set by tests, by server id; they win over the default script. */
  public serverScripts = new Map<string, JobStep[]>();
  /** Output that failed model validation, or handler crashes: emulator bugs. */
  public diagnostics: string[] = [];
  private seqCounter = 0;

  constructor(public readonly options: SmsEmulatorOptions, public readonly clock: EmulatorClock) {
    this.limits = { ...DEFAULT_LIMITS, ...options.limits };
    this.reset();
  }

  /** Seed used by every PRNG stream. */
  public get seed(): number | string {
    return this.options.seed ?? 1;
  }

  /** Emulator time run durations are measured in. */
  public get runDurationMs(): number {
    return this.options.runDurationMs ?? 3_600_000;
  }

  /** Script for a new job on `serverId`. */
  public scriptFor(serverId: string): JobStep[] {
    return [...(this.serverScripts.get(serverId) ?? this.options.jobScript ?? DEFAULT_JOB_SCRIPT)];
  }

  /** Rebuilds the seeded state. */
  public reset(): void {
    this.seqCounter = 0;
    this.ids = new IdFactory(createRng(this.seed, 'ids'));
    this.rng = createRng(this.seed, 'catalog');
    const seeded = seedCatalog(this.rng, this.ids, () => this.nextSeq(), this.options.vmManagers ?? DEFAULT_VM_MANAGERS,
      this.clock.now());
    this.managers = seeded.managers;
    this.universe = new Map(seeded.servers.map((s) => [s.serverId, s]));
    this.connectors = new Map(seeded.connectors.map((c) => [c.connectorId, c]));
    this.jobs = new Map();
    this.links = new Map();
    this.serverScripts = new Map();
    this.diagnostics = [];
    this.pendingImport = undefined;
    if (this.options.catalogImported ?? true) {
      this.catalog = new Set(this.universe.keys());
      this.catalogStatus = 'AVAILABLE';
      this.catalogLastModified = this.clock.now();
    } else {
      this.catalog = new Set();
      this.catalogStatus = 'NOT_IMPORTED';
      this.catalogLastModified = undefined;
    }
  }

  /** Next paging sequence number. */
  public nextSeq(): number {
    this.seqCounter += 1;
    return this.seqCounter;
  }

  /** Servers in the imported catalog, in paging order. */
  public catalogServers(): ServerRecord[] {
    return [...this.catalog].map((id) => this.universe.get(id)!).sort((a, b) => a.seq - b.seq);
  }

  /** The live (not deleted) job of a server, if any. */
  public jobOfServer(serverId: string): JobRecord | undefined {
    const link = this.links.get(serverId);
    return link ? this.jobs.get(link.jobId) : undefined;
  }

  /** Connectors that can serve a VM manager. */
  public healthyConnectorFor(vmManagerId: string): ConnectorRecord | undefined {
    return [...this.connectors.values()].find((c) => c.vmManagerId === vmManagerId && c.status === 'HEALTHY');
  }

  /** Finishes an import: the catalog becomes the VMs of managers with a healthy connector. */
  public completeImport(now: number): void {
    const served = new Set([...this.connectors.values()].filter((c) => c.status === 'HEALTHY').map((c) => c.vmManagerId));
    this.catalog = new Set([...this.universe.values()]
      .filter((s) => served.has(s.vmServer.vmServerAddress.vmManagerId)).map((s) => s.serverId));
    this.catalogStatus = 'AVAILABLE';
    this.catalogLastModified = now;
    this.pendingImport = undefined;
  }
}
