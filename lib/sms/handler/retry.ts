import { setTimeout as sleep } from 'timers/promises';
import { HandlerError, describeError, hasErrorName, retryReason } from './errors';
import { Invocation } from './invocation';
import { RetryPolicy } from './settings';

/**
 * Retries of SMS calls. The SDK client runs with `maxAttempts: 1`: its standard retry strategy shares a
 * retry-token bucket that a sustained throttle rate empties, after which the SDK stops retrying at all.
 * The handler retries instead, with full-jitter exponential backoff, for as long as the Lambda's remaining
 * time allows.
 */

/**
 * The delay before retry number `attempt` (1 for the first retry): full jitter, a uniform draw from
 * 0 to min(max, base * 2^(attempt - 1)).
 *
 * @see https://aws.amazon.com/blogs/architecture/exponential-backoff-and-jitter/
 */
export function backoffMs(policy: RetryPolicy, attempt: number, random: () => number = Math.random): number {
  const ceiling = Math.min(policy.maxMs, policy.baseMs * 2 ** Math.min(attempt - 1, 30));
  return Math.floor(random() * ceiling);
}

/**
 * Sleeps before the next attempt, or returns false when that sleep would end after the invocation's
 * deadline (the caller then gives up).
 */
export async function pauseBeforeRetry(inv: Invocation, attempt: number): Promise<boolean> {
  const delay = backoffMs(inv.policy, attempt);
  if (Date.now() + delay >= inv.deadline) {
    return false;
  }
  await sleep(delay);
  return true;
}

/** The message of an SMS call that failed for good: `CreateReplicationJob for VM "web-01" (server s-1) failed: ...`. */
export function operationFailed(inv: Invocation, operation: string, e: unknown): HandlerError {
  return new HandlerError(`${operation} for ${inv.target} failed: ${describeError(e)}`);
}

/**
 * Runs one SMS call, retrying throttling, outages, 5xx answers and broken connections until the
 * invocation's deadline. Errors named in `expected` are rethrown untouched for the caller to handle; any
 * other error becomes a {@link HandlerError} naming the VM, the server, the operation and what SMS said.
 */
export async function callSms<T>(inv: Invocation, operation: string, call: () => Promise<T>,
  expected: readonly string[] = []): Promise<T> {
  const firstAttemptAt = Date.now();
  for (let attempt = 1; ; attempt++) {
    try {
      return await call();
    } catch (e) {
      if (hasErrorName(e, ...expected)) {
        throw e;
      }
      if (retryReason(e) === undefined) {
        throw operationFailed(inv, operation, e);
      }
      if (!await pauseBeforeRetry(inv, attempt)) {
        throw new HandlerError(`SMS is unavailable: ${operation} for ${inv.target} was throttled or failed ${attempt} `
          + `time${attempt === 1 ? '' : 's'} over ${inv.elapsedSeconds(firstAttemptAt)} s; deploy again later`);
      }
      inv.retries += 1;
    }
  }
}
