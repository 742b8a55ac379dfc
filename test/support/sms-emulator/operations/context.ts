import { JobRecord } from '../records';
import { EmulatorStore } from '../state';
import { Wire } from '../views';
import { invalidParameter, jobNotFound } from '../errors';

/**
 * What an operation handler gets: the store and the emulator time of the request. Input has already
 * passed model validation, so handlers may cast it to the typed request interfaces below.
 */
export interface OperationContext {
  readonly store: EmulatorStore;
  readonly now: number;
}

/** One operation: validated input in, output structure out (or a thrown SmsApiError). */
export type OperationHandler = (ctx: OperationContext, input: Wire) => Wire;

/** Epoch seconds on the wire → epoch milliseconds. */
export function ms(secondsValue: number): number {
  return Math.round(secondsValue * 1000);
}

/** The job a read asks for, honouring `unknownJobOnRead`; undefined means "answer empty". */
export function jobForRead(ctx: OperationContext, id: string): JobRecord | undefined {
  const job = ctx.store.jobs.get(id);
  if (!job && (ctx.store.options.unknownJobOnRead ?? 'not-found') === 'not-found') {
    throw jobNotFound(id);
  }
  return job;
}

/** Rejects `frequency` outside the console's 1–24 h. */
export function checkFrequency(ctx: OperationContext, frequency: number | undefined): void {
  const { minFrequencyHours: min, maxFrequencyHours: max } = ctx.store.limits;
  if (frequency !== undefined && (frequency < min || frequency > max)) {
    throw invalidParameter(`frequency ${frequency} is out of range, use ${min} to ${max} hours`);
  }
}

/** Rejects `numberOfRecentAmisToKeep` outside 0 (keep all) to 270. */
export function checkAmisToKeep(ctx: OperationContext, n: number | undefined): void {
  const max = ctx.store.limits.maxAmisToKeep;
  if (n !== undefined && (n < 0 || n > max)) {
    throw invalidParameter(`numberOfRecentAmisToKeep ${n} is out of range, use 0 (keep all) to ${max}`);
  }
}

/** Rejects a `kmsKeyId` on a job that is not encrypted. */
export function checkKms(encrypted: boolean | undefined, kmsKeyId: string | undefined): void {
  if (kmsKeyId !== undefined && encrypted !== true) {
    throw invalidParameter(`kmsKeyId ${kmsKeyId} needs encrypted true`);
  }
}

/** Rejects a time beyond the seed window (30 days ahead). */
export function checkWithinWindow(ctx: OperationContext, member: string, atMs: number): void {
  const days = ctx.store.limits.maxSeedDaysAhead;
  if (atMs > ctx.now + days * 24 * 3_600_000) {
    throw invalidParameter(`${member} ${new Date(atMs).toISOString()} is more than ${days} days ahead`);
  }
}
