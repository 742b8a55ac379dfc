/**
 * The emulator's clock: wall time plus an offset that tests can move forward.
 *
 * Everything time-based (scripted transitions with `afterMs`, run progress, the on-demand limit per 24 h,
 * the seed window) reads this clock, so `advance(Duration)` replaces waiting.
 */
export class EmulatorClock {
  private offsetMs = 0;

  /** Current emulator time in epoch milliseconds. */
  public now(): number {
    return Date.now() + this.offsetMs;
  }

  /** Moves the clock forward by `ms` (never backward). */
  public advance(ms: number): void {
    if (!Number.isFinite(ms) || ms < 0) {
      throw new Error(`clock can only move forward, got ${ms} ms`);
    }
    this.offsetMs += ms;
  }

  /** Drops any offset. */
  public reset(): void {
    this.offsetMs = 0;
  }
}
