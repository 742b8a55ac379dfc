import { Ec2RequestLogEntry, Ec2StubServer, EC2_ACTIONS } from '../ec2-stub/server';
import { FaultInjector, FaultRule } from '../sms-emulator/faults';
import { EmulatorStats, StatsSnapshot } from '../sms-emulator/stats';
import { AgentRegistration, DiscoveredVm, LaunchTemplateSnapshot, Memberships, MgnControl, SeededStates } from './control';
import { MgnModel, defaultMgnModelPath } from './model';
import { ServerSpec } from './records';
import { MgnHttpServer, MgnRequestLogEntry } from './server';
import { ImportRecord, JobRecord, MgnEmulatorOptions, MgnStore, Wire } from './state';

/** Static credentials the emulator accepts (any SigV4 signature scoped to `mgn`/`ec2` is accepted). */
export const EMULATOR_CREDENTIALS = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY' };

/**
 * A local AWS Application Migration Service API, plus the EC2 launch-template calls, for tests: the real
 * `MgnClient` and `EC2Client` reach it through `AWS_ENDPOINT_URL_MGN` / `AWS_ENDPOINT_URL_EC2` (see `env()`).
 *
 * @example
 * const emu = await startMgnEmulator({ seed: 7, initialized: true });
 * Object.assign(process.env, emu.env());
 * emu.faults.add({ kind: 'throttle', operations: ['CreateWave'], count: 1 });
 * ...
 * await emu.close();
 */
export class MgnEmulator {
  /** `http://127.0.0.1:<port>` of the MGN API. */
  public mgnEndpoint = '';
  /** `http://127.0.0.1:<port>` of the EC2 stub. */
  public ec2Endpoint = '';
  /** MGN fault rules (the SMS emulator's FaultInjector: throttle, internal, unavailable, drop, lost-response, latency). */
  public readonly faults: FaultInjector;
  /** EC2 fault rules, by EC2 action name. */
  public readonly ec2Faults: FaultInjector;
  private readonly store: MgnStore;
  private readonly control: MgnControl;
  private readonly mgnStats = new EmulatorStats();
  private readonly ec2Counters = new EmulatorStats();
  private readonly log: MgnRequestLogEntry[] = [];
  private readonly ec2Log: Ec2RequestLogEntry[] = [];
  private readonly mgnServer: MgnHttpServer;
  private readonly ec2Server: Ec2StubServer;

  /** @internal use startMgnEmulator */
  constructor(public readonly model: MgnModel, private readonly options: MgnEmulatorOptions) {
    this.store = new MgnStore(options);
    this.control = new MgnControl(this.store);
    this.faults = new FaultInjector(options.seed ?? 1, (name) => model.operation(name) !== undefined);
    this.ec2Faults = new FaultInjector(`${options.seed ?? 1}:ec2`, (name) => EC2_ACTIONS.includes(name));
    this.mgnServer = new MgnHttpServer({
      model, store: this.store, faults: this.faults, stats: this.mgnStats, log: this.log, requireSigV4: true,
      checkResponses: options.checkResponses ?? true, requestLogLimit: options.requestLogLimit,
    });
    this.ec2Server = new Ec2StubServer(this.store, this.ec2Faults, this.ec2Counters, this.ec2Log);
  }

  /** @internal */
  public async listen(): Promise<void> {
    this.mgnEndpoint = `http://127.0.0.1:${await this.mgnServer.http.listen(0)}`;
    this.ec2Endpoint = `http://127.0.0.1:${await this.ec2Server.http.listen(0)}`;
  }

  /** The environment the handler reads: endpoints, Region and static credentials. */
  public env(): Record<string, string> {
    return {
      AWS_ENDPOINT_URL_MGN: this.mgnEndpoint,
      AWS_ENDPOINT_URL_EC2: this.ec2Endpoint,
      AWS_REGION: this.store.region,
      AWS_ACCESS_KEY_ID: EMULATOR_CREDENTIALS.accessKeyId,
      AWS_SECRET_ACCESS_KEY: EMULATOR_CREDENTIALS.secretAccessKey,
    };
  }

  /** Adds a source server (see ServerSpec); answers its SourceServer shape. */
  public seedServer(spec: ServerSpec = {}): Wire {
    return this.control.seedServer(spec);
  }

  /** One server per lifecycle state and the extras of mgn-api.md §12.6. */
  public seedEveryState(): SeededStates {
    return this.control.seedEveryState();
  }

  /** An agent registers (PENDING_INSTALLATION with the same user id → NOT_READY, else a new NOT_READY server). */
  public registerAgent(agent: AgentRegistration): Wire {
    return this.control.registerAgent(agent);
  }

  /** The vCenter Client discovers a VM (DISCOVERED, SNAPSHOT_SHIPPING). */
  public discoverVm(vm: DiscoveredVm): Wire {
    return this.control.discoverVm(vm);
  }

  /** Sets a server's lifecycle (and optionally replication) state. */
  public setServerState(sourceServerID: string, state: string, dataReplicationState?: string): void {
    this.control.setServerState(sourceServerID, state, dataReplicationState);
  }

  /** Marks MGN initialized (or not) without an API call. */
  public setInitialized(initialized: boolean): void {
    this.store.initialized = initialized;
  }

  /** Replaces every MGN fault rule with `mgn` and every EC2 rule with `ec2`. */
  public setFaults(mgn: readonly FaultRule[], ec2: readonly FaultRule[] = []): void {
    this.faults.clear();
    this.ec2Faults.clear();
    mgn.forEach((r) => this.faults.add(r));
    ec2.forEach((r) => this.ec2Faults.add(r));
  }

  /** MGN calls per operation, faults per kind, errors per code. */
  public get stats(): StatsSnapshot {
    return this.mgnStats.snapshot();
  }

  /** EC2 calls per action, faults per kind, errors per code. */
  public get ec2Stats(): StatsSnapshot {
    return this.ec2Counters.snapshot();
  }

  /** MGN requests seen (the last 10,000, or `requestLogLimit`). */
  public get requests(): readonly MgnRequestLogEntry[] {
    return [...this.log];
  }

  /** EC2 requests seen. */
  public get ec2Requests(): readonly Ec2RequestLogEntry[] {
    return [...this.ec2Log];
  }

  /** Emulator bugs seen (invalid responses, crashes). Tests should expect it empty. */
  public get diagnostics(): readonly string[] {
    return [...this.store.diagnostics];
  }

  public servers(): Wire[] {
    return this.control.servers();
  }

  public replicationConfiguration(sourceServerID: string): Wire | undefined {
    return this.control.replicationConfiguration(sourceServerID);
  }

  public launchConfiguration(sourceServerID: string): Wire | undefined {
    return this.control.launchConfiguration(sourceServerID);
  }

  public applications(): Wire[] {
    return this.control.applications();
  }

  public waves(): Wire[] {
    return this.control.waves();
  }

  public get memberships(): Memberships {
    return this.control.memberships();
  }

  public tagsOf(arn: string): Record<string, string> {
    return this.control.tagsOf(arn);
  }

  public launchTemplates(): LaunchTemplateSnapshot[] {
    return this.control.launchTemplates();
  }

  public imports(): ImportRecord[] {
    return this.control.imports();
  }

  /** The next `times` launches (test or cutover) of a server fail, with `reason` as MGN's `rawError` in the job log. */
  public failLaunch(sourceServerID: string, reason: string, times = 1): void {
    this.control.failLaunch(sourceServerID, reason, times);
  }

  /** Every job (StartTest, StartCutover, TerminateTargetInstances), in creation order. */
  public jobs(): JobRecord[] {
    return this.control.jobs();
  }

  /** Whether MGN is initialized. */
  public get initialized(): boolean {
    return this.store.initialized;
  }

  /** The options the emulator started with. */
  public get startOptions(): MgnEmulatorOptions {
    return this.options;
  }

  /** Stops both servers and closes every connection. */
  public async close(): Promise<void> {
    await Promise.all([this.mgnServer.http.close(), this.ec2Server.http.close()]);
  }
}

/** Loads the model, builds the state and listens on 127.0.0.1 (two ports: MGN and EC2). */
export async function startMgnEmulator(options: MgnEmulatorOptions = {}): Promise<MgnEmulator> {
  const emu = new MgnEmulator(MgnModel.load(options.modelPath ?? defaultMgnModelPath()), options);
  await emu.listen();
  return emu;
}
