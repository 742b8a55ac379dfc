import { FaultKind } from './faults';

/**
 * Counters tests can report: calls per operation, faults injected per kind (and per operation), and
 * error codes answered.
 */

/** A plain copy of the counters. */
export interface StatsSnapshot {
  readonly calls: Readonly<Record<string, number>>;
  readonly faults: Readonly<Record<FaultKind, number>>;
  readonly faultsByOperation: Readonly<Record<string, Partial<Record<FaultKind, number>>>>;
  readonly errors: Readonly<Record<string, number>>;
  readonly totalCalls: number;
}

function zeroFaults(): Record<FaultKind, number> {
  return { 'throttle': 0, 'internal': 0, 'unavailable': 0, 'drop': 0, 'lost-response': 0, 'latency': 0 };
}

/** The live counters of one emulator. */
export class EmulatorStats {
  private calls: Record<string, number> = {};
  private faults = zeroFaults();
  private faultsByOperation: Record<string, Partial<Record<FaultKind, number>>> = {};
  private errors: Record<string, number> = {};

  /** Counts a call; unknown targets count under their raw name. */
  public recordCall(operation: string): void {
    this.calls[operation] = (this.calls[operation] ?? 0) + 1;
  }

  /** Counts an injected fault. */
  public recordFault(operation: string, kind: FaultKind): void {
    this.faults[kind] += 1;
    const perOp = (this.faultsByOperation[operation] ??= {});
    perOp[kind] = (perOp[kind] ?? 0) + 1;
  }

  /** Counts an error answer (injected or not). */
  public recordError(code: string): void {
    this.errors[code] = (this.errors[code] ?? 0) + 1;
  }

  /** Calls seen for one operation. */
  public callsOf(operation: string): number {
    return this.calls[operation] ?? 0;
  }

  /** A deep copy of every counter. */
  public snapshot(): StatsSnapshot {
    return {
      calls: { ...this.calls },
      faults: { ...this.faults },
      faultsByOperation: Object.fromEntries(Object.entries(this.faultsByOperation).map(([k, v]) => [k, { ...v }])),
      errors: { ...this.errors },
      totalCalls: Object.values(this.calls).reduce((a, b) => a + b, 0),
    };
  }

  /** Zeroes every counter. */
  public reset(): void {
    this.calls = {};
    this.faults = zeroFaults();
    this.faultsByOperation = {};
    this.errors = {};
  }
}
