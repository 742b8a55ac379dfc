import { callService } from '../../handler-common/retry';
import { Invocation } from './invocation';

/**
 * Runs one SMS call with the handlers' retries (see lib/handler-common/retry.ts). Errors named in
 * `expected` are rethrown untouched for the caller to handle.
 */
export function callSms<T>(inv: Invocation, operation: string, call: () => Promise<T>, expected: readonly string[] = []): Promise<T> {
  return callService(inv, 'SMS', operation, call, { expected });
}
