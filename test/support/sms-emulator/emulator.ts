import { EmulatorClock } from './clock';
import { EmulatorControl } from './control';
import { FaultInjector } from './faults';
import { SmsModel, defaultModelPath } from './model';
import { RequestLogEntry, SmsHttpServer } from './server';
import { EmulatorStateView } from './snapshots';
import { EmulatorStore } from './state';
import { EmulatorStats } from './stats';
import { SmsEmulatorOptions } from './types';

/**
 * A local AWS Server Migration Service API for tests: the real `SMSClient` pointed at `emu.endpoint`
 * talks to it as it would to AWS.
 *
 * @example
 * const emu = await SmsEmulator.start({ seed: 42 });
 * const sms = new SMSClient({ endpoint: emu.endpoint, region: 'us-east-1', credentials: { accessKeyId: 'x', secretAccessKey: 'y' } });
 * emu.faults.add({ kind: 'throttle', operations: ['CreateReplicationJob'], count: 1 });
 * ...
 * await emu.stop();
 */
export class SmsEmulator {
  /** Loads the model, seeds the state and listens on 127.0.0.1. */
  public static async start(options: SmsEmulatorOptions = {}): Promise<SmsEmulator> {
    const model = SmsModel.load(options.modelPath ?? defaultModelPath());
    const emu = new SmsEmulator(model, options);
    const port = await emu.server.listen(options.port ?? 0);
    emu.port = port;
    emu.endpoint = `http://127.0.0.1:${port}`;
    return emu;
  }

  /** `http://127.0.0.1:<port>`, for the client's `endpoint`. */
  public endpoint = '';
  /** The TCP port. */
  public port = 0;
  /** Snapshots of servers, jobs, runs and connectors. */
  public readonly state: EmulatorStateView;
  /** Levers: job scripts, job states, connector health, extra servers. */
  public readonly control: EmulatorControl;
  /** Fault rules (throttling, 5xx, latency, dropped connections, lost responses). */
  public readonly faults: FaultInjector;
  /** Calls per operation, faults per kind, errors per code. */
  public readonly stats = new EmulatorStats();
  /** The emulator's clock; `advance()` instead of waiting. */
  public readonly clock = new EmulatorClock();
  private readonly store: EmulatorStore;
  private readonly log: RequestLogEntry[] = [];
  private readonly server: SmsHttpServer;

  private constructor(public readonly model: SmsModel, options: SmsEmulatorOptions) {
    this.store = new EmulatorStore(options, this.clock);
    this.state = new EmulatorStateView(this.store);
    this.control = new EmulatorControl(this.store, this.state);
    this.faults = new FaultInjector(options.seed ?? 1, (name) => model.operation(name) !== undefined);
    this.server = new SmsHttpServer({
      model, store: this.store, faults: this.faults, stats: this.stats, clock: this.clock, log: this.log,
      requireSigV4: options.requireSigV4 ?? true,
    });
  }

  /** Requests seen so far (the last 10,000), oldest first. */
  public get requests(): readonly RequestLogEntry[] {
    return [...this.log];
  }

  /** Back to the seeded state: same catalog and ids, no jobs, no faults, zero counters, clock offset dropped. */
  public reset(): void {
    this.clock.reset();
    this.store.reset();
    this.faults.reset();
    this.stats.reset();
    this.log.length = 0;
  }

  /** Stops listening and closes every connection. */
  public async stop(): Promise<void> {
    await this.server.close();
  }
}
