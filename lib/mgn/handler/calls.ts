import { EC2Client } from '@aws-sdk/client-ec2';
import { MgnClient } from '@aws-sdk/client-mgn';
import { HandlerError, hasErrorName } from '../../handler-common/errors';
import { readAllPages } from '../../handler-common/listing';
import { CallOptions, callService } from '../../handler-common/retry';
import { ec2Client, mgnClient } from './client';
import { MgnInvocation } from './invocation';

/**
 * MGN and EC2 calls with the handlers' retries, and what MGN's errors mean to this handler.
 */

/** MGN error names the handler reacts to (mgn-api.md §6). */
export const MgnErrors = {
  CONFLICT: 'ConflictException',
  NOT_FOUND: 'ResourceNotFoundException',
  VALIDATION: 'ValidationException',
  UNINITIALIZED: 'UninitializedAccountException',
  QUOTA: 'ServiceQuotaExceededException',
} as const;

/** Errors every MGN call turns into a sentence of its own. */
const EXPLAINED: readonly string[] = [MgnErrors.UNINITIALIZED, MgnErrors.QUOTA];

/**
 * Runs `call` with `expected` widened by the errors {@link explained} explains; one of those the caller did
 * not expect itself becomes that sentence.
 */
async function explaining<T>(inv: MgnInvocation, operation: string, options: CallOptions,
  call: (options: CallOptions) => Promise<T>): Promise<T> {
  const expected = options.expected ?? [];
  try {
    return await call({ ...options, expected: [...expected, ...EXPLAINED] });
  } catch (e) {
    if (hasErrorName(e, ...EXPLAINED) && !hasErrorName(e, ...expected)) {
      throw explained(inv, operation, e);
    }
    throw e;
  }
}

/** An account where MGN is not initialized, or a quota reached, told as what to do. */
function explained(inv: MgnInvocation, operation: string, e: unknown): HandlerError {
  if (hasErrorName(e, MgnErrors.UNINITIALIZED)) {
    return new HandlerError(`${operation} for ${inv.target} failed: MGN is not initialized in this account and Region; `
      + 'deploy the MGN initialization resource first (it is part of every MGN migration stack)');
  }
  const quota = e as { quotaCode?: unknown; quotaValue?: unknown };
  return new HandlerError(`${operation} for ${inv.target} failed: an MGN quota is reached (${String(quota.quotaCode ?? 'unknown quota')}`
    + `${quota.quotaValue !== undefined ? `, limit ${String(quota.quotaValue)}` : ''}); ask for a higher quota or migrate in smaller waves`);
}

/**
 * Sends one MGN command with retries (`send` sends it with the client it is given). An account where MGN
 * is not initialized gets a sentence that says so; a quota error names the quota.
 */
export function mgn<T>(inv: MgnInvocation, operation: string, send: (client: MgnClient) => Promise<T>, options: CallOptions = {}): Promise<T> {
  return explaining(inv, operation, options, (o) => callService(inv, 'MGN', operation, () => send(mgnClient()), o));
}

/** Sends one EC2 command with retries. */
export function ec2<T>(inv: MgnInvocation, operation: string, send: (client: EC2Client) => Promise<T>, options: CallOptions = {}): Promise<T> {
  return callService(inv, 'EC2', operation, () => send(ec2Client()), options);
}

/** Every page of one MGN listing, read with the SDK's paginator through the handler's retries. */
export function mgnPages<I extends object, P extends { readonly nextToken?: string }>(inv: MgnInvocation, operation: string,
  paginate: (config: { client: MgnClient }, input: I) => AsyncIterable<P>, input: I): Promise<P[]> {
  return explaining(inv, operation, {}, (o) => readAllPages(inv, 'MGN', mgnClient(), operation, paginate, input, o));
}

/** True when the error is MGN saying the resource is gone (a Delete's success). */
export function isNotFound(e: unknown): boolean {
  return hasErrorName(e, MgnErrors.NOT_FOUND);
}
