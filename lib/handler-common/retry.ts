import { setTimeout as sleep } from 'timers/promises';
import { HandlerError, describeError, hasErrorName, retryReason } from './errors';
import { Invocation } from './invocation';
import { RetryPolicy } from './settings';

/**
 * Retries of service calls. The SDK clients run with `maxAttempts: 1`: their standard retry strategy
 * shares a retry-token bucket that a sustained throttle rate empties, after which the SDK stops retrying at
 * all. The handlers retry instead, with full-jitter exponential backoff, for as long as the Lambda's
 * remaining time allows.
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

/** The message of a call that failed for good: `CreateReplicationJob for VM "web-01" (server s-1) failed: ...`. */
export function operationFailed(inv: Invocation, operation: string, e: unknown): HandlerError {
  return new HandlerError(`${operation} for ${inv.target} failed: ${describeError(e)}`);
}

/** What a call may meet besides the retryable errors every call retries. */
export interface CallOptions {
  /** Error names rethrown untouched for the caller to handle. @default none */
  readonly expected?: readonly string[];
  /**
   * Errors retried besides throttling, outages, 5xx answers and broken connections (a service's "busy"
   * answer to this one call, say). @default none
   */
  readonly retryAlso?: (e: unknown) => boolean;
}

/**
 * Runs one call of `service` (`SMS`, `MGN`, `EC2`: for messages), retrying throttling, outages, 5xx
 * answers and broken connections until the invocation's deadline. Errors named in `expected` are rethrown
 * untouched for the caller to handle; any other error becomes a {@link HandlerError} naming the target,
 * the operation and what the service said.
 */
export async function callService<T>(inv: Invocation, service: string, operation: string, call: () => Promise<T>,
  options: CallOptions = {}): Promise<T> {
  const firstAttemptAt = Date.now();
  for (let attempt = 1; ; attempt++) {
    try {
      return await call();
    } catch (e) {
      if (hasErrorName(e, ...options.expected ?? [])) {
        throw e;
      }
      if (retryReason(e) === undefined && !(options.retryAlso?.(e) ?? false)) {
        throw operationFailed(inv, operation, e);
      }
      if (!await pauseBeforeRetry(inv, attempt)) {
        throw new HandlerError(`${service} is unavailable: ${operation} for ${inv.target} was throttled or failed ${attempt} `
          + `time${attempt === 1 ? '' : 's'} over ${inv.elapsedSeconds(firstAttemptAt)} s; deploy again later`);
      }
      inv.retries += 1;
    }
  }
}
