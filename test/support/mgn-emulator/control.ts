import { clone } from './operations/context';
import { LAGGED, ServerSpec, applicationView, createServer, launchView, replicationView, serverView, waveView } from './records';
import { ImportRecord, JobRecord, MgnStore, ServerRecord, Wire } from './state';

/**
 * Test levers and read-only views, in process (never over HTTP). Views are deep copies in the API's shapes.
 */

/** What an installed agent reports. */
export interface AgentRegistration {
  /** The agent's `--user-provided-id`. */
  readonly userProvidedID?: string;
  readonly hostname: string;
  readonly fqdn?: string;
  readonly platform?: string;
  readonly tags?: Record<string, string>;
}

/** What the vCenter Client discovers. */
export interface DiscoveredVm {
  readonly vmWareUuid: string;
  readonly vmPath: string;
  readonly hostname?: string;
  readonly tags?: Record<string, string>;
}

/** A launch template with its versions (data in the SDK's `ResponseLaunchTemplateData` shape). */
export interface LaunchTemplateSnapshot {
  readonly launchTemplateId: string;
  readonly launchTemplateName: string;
  readonly defaultVersion: number;
  readonly latestVersion: number;
  readonly versions: ReadonlyArray<{ readonly versionNumber: number; readonly description?: string; readonly data: Wire }>;
}

/** Server id → application id, application id → wave id. */
export interface Memberships {
  readonly serverToApplication: Readonly<Record<string, string>>;
  readonly applicationToWave: Readonly<Record<string, string>>;
}

/** One server per lifecycle state (mgn-api.md §12.6), and the extras. */
export interface SeededStates {
  /** Lifecycle state → the server in it (non-archived). */
  readonly byState: Readonly<Record<string, string>>;
  /** An archived CUTOVER copy. */
  readonly archivedCutover: string;
  /** NOT_READY servers whose replication is STALLED, PAUSED, BACKLOG (with `AGENT_NOT_SEEN`). */
  readonly stalled: string;
  readonly paused: string;
  readonly backlog: string;
  /** Two servers sharing the hostname `shared-host.corp.example.com`. */
  readonly sameHostname: readonly [string, string];
}

/** The control API's view of the store. */
export class MgnControl {
  constructor(private readonly store: MgnStore) {}

  /** Adds a source server; answers its SourceServer shape. */
  public seedServer(spec: ServerSpec = {}): Wire {
    return serverView(this.store, createServer(this.store, spec));
  }

  /** One server per lifecycle state, an archived CUTOVER copy, STALLED/PAUSED/BACKLOG extras, two servers with one hostname. */
  public seedEveryState(): SeededStates {
    const byState: Record<string, string> = {};
    const vcc = this.vcenterClient();
    for (const state of ['DISCOVERED', 'PENDING_INSTALLATION', 'NOT_READY', 'READY_FOR_TEST', 'TESTING', 'READY_FOR_CUTOVER',
      'CUTTING_OVER', 'CUTOVER', 'DISCONNECTED', 'STOPPED']) {
      const name = `seed-${state.toLowerCase().replace(/_/g, '-')}`;
      const spec: ServerSpec = state === 'DISCOVERED'
        ? { state, vcenterClientID: vcc, vmWareUuid: '4210aaaa-0000-4000-8000-000000000001', vmPath: `/dc1/vm/${name}`, hostname: name }
        : state === 'PENDING_INSTALLATION'
          ? { state, userProvidedID: name, fqdnForActionFramework: `${name}.corp.example.com` }
          : { state, hostname: name, fqdn: `${name}.corp.example.com` };
      byState[state] = createServer(this.store, spec).id;
    }
    const extra = (dataReplicationState: string, name: string) => createServer(this.store, {
      state: 'NOT_READY', dataReplicationState, hostname: name, dataReplicationError: { error: 'AGENT_NOT_SEEN' },
    }).id;
    return {
      byState,
      archivedCutover: createServer(this.store, { state: 'CUTOVER', isArchived: true, hostname: 'seed-cutover' }).id,
      stalled: extra('STALLED', 'seed-stalled'),
      paused: extra('PAUSED', 'seed-paused'),
      backlog: extra('BACKLOG', 'seed-backlog'),
      sameHostname: [
        createServer(this.store, { state: 'NOT_READY', hostname: 'shared-host', fqdn: 'shared-host.corp.example.com' }).id,
        createServer(this.store, { state: 'READY_FOR_TEST', hostname: 'shared-host', fqdn: 'shared-host.corp.example.com' }).id,
      ],
    };
  }

  /**
   * An agent registers: a non-archived PENDING_INSTALLATION server with the same user-provided id becomes
   * NOT_READY (same record); otherwise a new NOT_READY server appears. Answers its SourceServer shape.
   */
  public registerAgent(agent: AgentRegistration): Wire {
    const pending = agent.userProvidedID === undefined ? undefined : [...this.store.servers.values()]
      .find((s) => !s.isArchived && s.state === 'PENDING_INSTALLATION' && s.userProvidedID === agent.userProvidedID);
    let s: ServerRecord;
    if (pending) {
      s = pending;
      s.state = 'NOT_READY';
      s.dataReplicationState = 'INITIAL_SYNC';
      s.hints.hostname = agent.hostname;
      s.hints.fqdn = agent.fqdn ?? s.hints.fqdn;
      s.platform = agent.platform ?? s.platform;
      Object.assign(this.store.tagsOf(s.arn), agent.tags ?? {});
    } else {
      s = createServer(this.store, {
        state: 'NOT_READY', userProvidedID: agent.userProvidedID, hostname: agent.hostname, fqdn: agent.fqdn, platform: agent.platform,
        tags: agent.tags,
      });
    }
    return serverView(this.store, s);
  }

  /** The vCenter Client discovers a VM: a DISCOVERED SNAPSHOT_SHIPPING server. */
  public discoverVm(vm: DiscoveredVm): Wire {
    return serverView(this.store, createServer(this.store, {
      state: 'DISCOVERED', replicationType: 'SNAPSHOT_SHIPPING', vcenterClientID: this.vcenterClient(), vmWareUuid: vm.vmWareUuid,
      vmPath: vm.vmPath, hostname: vm.hostname, tags: vm.tags,
    }));
  }

  /** Sets a server's lifecycle (and optionally replication) state directly; a launchable state gets a lag of PT0S if it had none. */
  public setServerState(sourceServerID: string, state: string, dataReplicationState?: string): void {
    const s = this.store.servers.get(sourceServerID);
    if (!s) {
      throw new Error(`no source server ${sourceServerID}`);
    }
    s.state = state;
    // A server that reaches a launchable state has a lag, as it would after its initial sync.
    if (LAGGED.has(state) && s.lagDuration === undefined) {
      s.lagDuration = 'PT0S';
    }
    if (dataReplicationState) {
      s.dataReplicationState = dataReplicationState;
    }
  }

  /** The next `times` launches of a server (test or cutover) fail, with `reason` as MGN's `rawError`. */
  public failLaunch(sourceServerID: string, reason: string, times = 1): void {
    if (!this.store.servers.has(sourceServerID)) {
      throw new Error(`no source server ${sourceServerID}`);
    }
    const reasons = this.store.launchFailures.get(sourceServerID) ?? [];
    reasons.push(...Array.from({ length: times }, () => reason));
    this.store.launchFailures.set(sourceServerID, reasons);
  }

  /** Every job, in creation order. */
  public jobs(): JobRecord[] {
    return this.sorted(this.store.jobs).map((j) => clone(j));
  }

  /** Every source server (archived too), in creation order. */
  public servers(): Wire[] {
    return this.sorted(this.store.servers).map((s) => serverView(this.store, s));
  }

  /** A server's replication configuration. */
  public replicationConfiguration(sourceServerID: string): Wire | undefined {
    const s = this.store.servers.get(sourceServerID);
    return s && replicationView(s);
  }

  /** A server's launch configuration. */
  public launchConfiguration(sourceServerID: string): Wire | undefined {
    const s = this.store.servers.get(sourceServerID);
    return s && launchView(s);
  }

  public applications(): Wire[] {
    return this.sorted(this.store.applications).map((a) => applicationView(this.store, a));
  }

  public waves(): Wire[] {
    return this.sorted(this.store.waves).map((w) => waveView(this.store, w));
  }

  public memberships(): Memberships {
    const serverToApplication: Record<string, string> = {};
    const applicationToWave: Record<string, string> = {};
    for (const s of this.store.servers.values()) {
      if (s.applicationID) {
        serverToApplication[s.id] = s.applicationID;
      }
    }
    for (const a of this.store.applications.values()) {
      if (a.waveID) {
        applicationToWave[a.id] = a.waveID;
      }
    }
    return { serverToApplication, applicationToWave };
  }

  public tagsOf(arn: string): Record<string, string> {
    return { ...(this.store.tags.get(arn) ?? {}) };
  }

  public launchTemplates(): LaunchTemplateSnapshot[] {
    return [...this.store.launchTemplates.values()].map((lt) => ({
      launchTemplateId: lt.id, launchTemplateName: lt.name, defaultVersion: lt.defaultVersion, latestVersion: lt.latestVersion,
      versions: [...lt.versions.values()].map((v) => ({ versionNumber: v.number, description: v.description, data: clone(v.data) })),
    }));
  }

  public imports(): ImportRecord[] {
    return this.sorted(this.store.imports).map((i) => clone(i));
  }

  private sorted<T extends { seq: number }>(map: Map<string, T>): T[] {
    return [...map.values()].sort((a, b) => a.seq - b.seq);
  }

  private vcenterClient(): string {
    const existing = [...this.store.vcenterClients.values()][0];
    if (existing) {
      return existing.id;
    }
    const id = this.store.ids.next('vcc-');
    this.store.vcenterClients.set(id, { id, arn: this.store.arn('vcenter-client', id), hostname: 'vcenter.corp.example.com', seq: this.store.nextSeq() });
    return id;
  }
}
