import { buildServer } from './catalog';
import { transition } from './lifecycle';
import { EmulatorStateView } from './snapshots';
import { EmulatorStore } from './state';
import { ConnectorStatus, JobStep, ReplicationJobState, ServerSnapshot, ServerSpec } from './types';

/**
 * `emu.control`: typed levers for tests (never reachable over HTTP). Changes last until `emu.reset()`.
 */
export class EmulatorControl {
  constructor(private readonly store: EmulatorStore, private readonly view: EmulatorStateView) {}

  /**
   * Scripts every job created from now on for `serverId`, e.g.
   * `[{ state: 'FAILED', statusMessage: 'disk read error', afterPolls: 2 }]`.
   * A scripted server skips the emulator's own failure rules (license, volume count).
   */
  public scriptJob(serverId: string, steps: JobStep[]): void {
    this.requireServer(serverId);
    this.store.serverScripts.set(serverId, [...steps]);
  }

  /** Moves an existing job to `state` now (runs and server links follow). */
  public setJobState(replicationJobId: string, state: ReplicationJobState, statusMessage?: string): void {
    const job = this.store.jobs.get(replicationJobId);
    if (!job) {
      throw new Error(`no replication job ${replicationJobId}`);
    }
    job.script = [];
    transition(this.store, job, state, statusMessage, this.store.clock.now());
  }

  /** Makes CreateReplicationJob for this server answer ServerCannotBeReplicatedException. */
  public markServerUnreplicable(serverId: string, reason: string): void {
    this.requireServer(serverId).unreplicableReason = reason;
  }

  /** Sets a connector HEALTHY or UNHEALTHY (an unhealthy one serves no new job or import). */
  public setConnectorStatus(connectorId: string, status: ConnectorStatus): void {
    const c = this.store.connectors.get(connectorId);
    if (!c) {
      throw new Error(`no connector ${connectorId}`);
    }
    c.status = status;
  }

  /** Adds a VM to a VM manager, and to the catalog if it is AVAILABLE. */
  public addServer(spec: ServerSpec): ServerSnapshot {
    const manager = spec.vmManagerName === undefined
      ? this.store.managers[0]
      : this.store.managers.find((m) => m.name === spec.vmManagerName);
    if (!manager) {
      throw new Error(`no VM manager ${spec.vmManagerName}`);
    }
    const server = buildServer(this.store.rng, this.store.ids, this.store.nextSeq(), manager, spec);
    this.store.universe.set(server.serverId, server);
    if (this.store.catalogStatus === 'AVAILABLE') {
      this.store.catalog.add(server.serverId);
    }
    return this.view.server(server.serverId)!;
  }

  private requireServer(serverId: string) {
    const s = this.store.universe.get(serverId);
    if (!s) {
      throw new Error(`no server ${serverId}`);
    }
    return s;
  }
}
