import { tick } from './lifecycle';
import { ConnectorRecord, JobRecord, RunRecord, ServerRecord } from './records';
import { EmulatorStore } from './state';
import { ConnectorSnapshot, JobSnapshot, RunSnapshot, ServerCatalogStatus, ServerSnapshot } from './types';

/**
 * `emu.state`: read-only snapshots for assertions. Reading applies time-based changes first (like a
 * request would) but never counts as a poll.
 */
export class EmulatorStateView {
  constructor(private readonly store: EmulatorStore) {}

  /** Every VM the VM managers know, in catalog order; `inCatalog` says whether GetServers lists it. */
  public get servers(): ServerSnapshot[] {
    this.settle();
    return [...this.store.universe.values()].sort((a, b) => a.seq - b.seq).map((s) => this.server_(s));
  }

  /** The catalog as GetServers would list it. */
  public get catalogServers(): ServerSnapshot[] {
    return this.servers.filter((s) => s.inCatalog);
  }

  /** One VM by id. */
  public server(serverId: string): ServerSnapshot | undefined {
    this.settle();
    const s = this.store.universe.get(serverId);
    return s ? this.server_(s) : undefined;
  }

  /** VMs with this name, optionally on one VM manager. */
  public findServers(vmName: string, vmManagerName?: string): ServerSnapshot[] {
    return this.servers.filter((s) => s.vmServer.vmName === vmName
      && (vmManagerName === undefined || s.vmServer.vmManagerName === vmManagerName));
  }

  /** `serverCatalogStatus` as GetServers reports it. */
  public get catalogStatus(): ServerCatalogStatus {
    this.settle();
    return this.store.catalogStatus;
  }

  /** Every job (deleted jobs are gone). */
  public get jobs(): JobSnapshot[] {
    this.settle();
    return [...this.store.jobs.values()].sort((a, b) => a.seq - b.seq).map(jobSnapshot);
  }

  /** One job by id. */
  public job(replicationJobId: string): JobSnapshot | undefined {
    this.settle();
    const j = this.store.jobs.get(replicationJobId);
    return j ? jobSnapshot(j) : undefined;
  }

  /** The live job of a server. */
  public jobOfServer(serverId: string): JobSnapshot | undefined {
    this.settle();
    const j = this.store.jobOfServer(serverId);
    return j ? jobSnapshot(j) : undefined;
  }

  /** Associated connectors. */
  public get connectors(): ConnectorSnapshot[] {
    return [...this.store.connectors.values()].sort((a, b) => a.seq - b.seq).map(connectorSnapshot);
  }

  /** Emulator bugs seen (output not matching the model, handler crashes); tests expect none. */
  public get diagnostics(): readonly string[] {
    return [...this.store.diagnostics];
  }

  private settle(): void {
    tick(this.store, this.store.clock.now());
  }

  private server_(s: ServerRecord): ServerSnapshot {
    const link = this.store.links.get(s.serverId);
    return {
      serverId: s.serverId,
      serverType: 'VIRTUAL_MACHINE',
      vmServer: { ...s.vmServer, vmServerAddress: { ...s.vmServer.vmServerAddress } },
      replicationJobId: link?.jobId,
      replicationJobTerminated: link?.terminated,
      osFamily: s.osFamily,
      volumeCount: s.volumeCount,
      inCatalog: this.store.catalog.has(s.serverId),
    };
  }
}

function date(ms: number | undefined): Date | undefined {
  return ms === undefined ? undefined : new Date(ms);
}

function runSnapshot(r: RunRecord): RunSnapshot {
  return {
    replicationRunId: r.replicationRunId,
    state: r.state,
    type: r.type,
    scheduledStartTime: new Date(r.scheduledStartTime),
    completedTime: date(r.completedTime),
    amiId: r.amiId,
    description: r.description,
    statusMessage: r.statusMessage,
  };
}

function jobSnapshot(j: JobRecord): JobSnapshot {
  return {
    replicationJobId: j.replicationJobId,
    serverId: j.serverId,
    state: j.state,
    statusMessage: j.statusMessage,
    seedReplicationTime: new Date(j.seedReplicationTime),
    frequency: j.frequency,
    runOnce: j.runOnce,
    nextReplicationRunStartTime: date(j.nextReplicationRunStartTime),
    licenseType: j.licenseType,
    roleName: j.roleName,
    latestAmiId: j.latestAmiId,
    description: j.description,
    numberOfRecentAmisToKeep: j.numberOfRecentAmisToKeep,
    encrypted: j.encrypted,
    kmsKeyId: j.kmsKeyId,
    runs: j.runs.map(runSnapshot),
    pollsInState: j.pollsInState,
  };
}

function connectorSnapshot(c: ConnectorRecord): ConnectorSnapshot {
  return {
    connectorId: c.connectorId,
    status: c.status,
    vmManagerName: c.vmManagerName,
    vmManagerType: c.vmManagerType,
    vmManagerId: c.vmManagerId,
  };
}
