import { Rng, createRng } from './prng';

/**
 * Fault injection, driven from tests through `emu.faults` (never over HTTP).
 *
 * Rules are matched per call by operation. All matching `latency` rules add their delay. Of the other rules,
 * at most one fires per call: one seeded draw `u` is compared with the running sum of the rules' rates in
 * the order they were added, so `chaos({ throttle: 0.1, internal: 0.05 })` yields exactly those shares.
 * `count` retires a rule after it fired that often (`{ kind: 'throttle', count: 1 }` = 100% then 0%);
 * `skip` lets the first matching calls through.
 */

/** What a fault does to a call. */
export type FaultKind =
  /** 400 `ThrottlingException`, which the SDK retries as throttling. */
  | 'throttle'
  /** 500 `InternalError`. */
  | 'internal'
  /** 503 `TemporarilyUnavailableException` where the model lists it, else `ServiceUnavailableException`. */
  | 'unavailable'
  /** The socket is destroyed before the call is processed: no state change, no response. */
  | 'drop'
  /** The call is processed (state changes), then the socket is destroyed instead of answering. */
  | 'lost-response'
  /** The answer is delayed by `latencyMs`. */
  | 'latency';

/** A fault kind that decides the outcome of a call. */
export type OutcomeKind = Exclude<FaultKind, 'latency'>;

/** One fault rule. */
export interface FaultRule {
  readonly kind: FaultKind;
  /** Operation names the rule applies to. @default - every operation */
  readonly operations?: readonly string[];
  /** Share of matching calls hit, 0..1. @default 1 */
  readonly rate?: number;
  /** Retire the rule after it fired this many times. @default - never */
  readonly count?: number;
  /** Let this many matching calls pass before the rule applies. @default 0 */
  readonly skip?: number;
  /** Delay for `latency`: fixed ms, or [min, max] drawn per call. */
  readonly latencyMs?: number | readonly [number, number];
}

/** A rule once added: how often it fired, and a way to remove it. */
export interface FaultHandle {
  readonly rule: FaultRule;
  /** Calls the rule hit. */
  readonly fired: number;
  remove(): void;
}

/** Shares for `chaos()`: one rule per non-zero share. */
export interface ChaosShares {
  readonly throttle?: number;
  readonly internal?: number;
  readonly unavailable?: number;
  readonly drop?: number;
  readonly lostResponse?: number;
  readonly latencyMs?: number | readonly [number, number];
  readonly operations?: readonly string[];
}

/** The injector's verdict for one call. */
export interface FaultDecision {
  readonly latencyMs: number;
  readonly outcome?: OutcomeKind;
}

interface ActiveRule {
  readonly rule: FaultRule;
  seen: number;
  fired: number;
}

/** The fault rules of one emulator. */
export class FaultInjector {
  private rules: ActiveRule[] = [];
  private rng: Rng;

  constructor(private readonly seed: number | string, private readonly isOperation: (name: string) => boolean) {
    this.rng = createRng(seed, 'faults');
  }

  /** Adds a rule. Throws on an unknown operation name or a rate outside 0..1. */
  public add(rule: FaultRule): FaultHandle {
    const rate = rule.rate ?? 1;
    if (!(rate >= 0 && rate <= 1)) {
      throw new Error(`fault rate ${rate} is out of range, use 0..1`);
    }
    for (const op of rule.operations ?? []) {
      if (!this.isOperation(op)) {
        throw new Error(`fault rule names unknown operation ${op}`);
      }
    }
    if (rule.kind === 'latency' && rule.latencyMs === undefined) {
      throw new Error('a latency rule needs latencyMs');
    }
    const active: ActiveRule = { rule, seen: 0, fired: 0 };
    this.rules.push(active);
    return {
      rule,
      get fired() {
        return active.fired;
      },
      remove: () => {
        this.rules = this.rules.filter((r) => r !== active);
      },
    };
  }

  /** Adds one rule per share given. */
  public chaos(shares: ChaosShares): FaultHandle[] {
    const handles: FaultHandle[] = [];
    const kinds: Array<[OutcomeKind, number | undefined]> = [
      ['throttle', shares.throttle], ['internal', shares.internal], ['unavailable', shares.unavailable],
      ['drop', shares.drop], ['lost-response', shares.lostResponse],
    ];
    for (const [kind, rate] of kinds) {
      if (rate) {
        handles.push(this.add({ kind, rate, operations: shares.operations }));
      }
    }
    if (shares.latencyMs !== undefined) {
      handles.push(this.add({ kind: 'latency', latencyMs: shares.latencyMs, operations: shares.operations }));
    }
    return handles;
  }

  /** Removes every rule. */
  public clear(): void {
    this.rules = [];
  }

  /** Removes every rule and restarts the seeded stream. */
  public reset(): void {
    this.clear();
    this.rng = createRng(this.seed, 'faults');
  }

  /** Decides what happens to one call of `operation`. */
  public decide(operation: string): FaultDecision {
    const matching = this.rules.filter((r) => (r.rule.operations === undefined || r.rule.operations.includes(operation))
      && (r.rule.count === undefined || r.fired < r.rule.count));
    let latencyMs = 0;
    for (const r of matching.filter((m) => m.rule.kind === 'latency')) {
      if (this.applies(r) && this.rng() < (r.rule.rate ?? 1)) {
        r.fired += 1;
        latencyMs += this.sampleLatency(r.rule.latencyMs!);
      }
    }
    const u = this.rng();
    let sum = 0;
    let outcome: OutcomeKind | undefined;
    for (const r of matching.filter((m) => m.rule.kind !== 'latency')) {
      if (!this.applies(r)) {
        continue;
      }
      sum += r.rule.rate ?? 1;
      if (outcome === undefined && u < sum) {
        r.fired += 1;
        outcome = r.rule.kind as OutcomeKind;
      }
    }
    return { latencyMs, outcome };
  }

  private applies(r: ActiveRule): boolean {
    r.seen += 1;
    return r.seen > (r.rule.skip ?? 0);
  }

  private sampleLatency(latency: number | readonly [number, number]): number {
    if (typeof latency === 'number') {
      return latency;
    }
    const [min, max] = latency;
    return min + Math.floor(this.rng() * (max - min + 1));
  }
}
