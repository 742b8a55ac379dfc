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

/**
 * Sends one MGN command with retries (`send` sends it with the client it is given). An account where MGN is not initialized gets a sentence that says
 * so; a quota error names the quota.
 */
export async function mgn<T>(inv: MgnInvocation, operation: string, send: (client: MgnClient) => Promise<T>,
  options: CallOptions = {}): Promise<T> {
  try {
    return await callService(inv, 'MGN', operation, () => send(mgnClient()),
      { ...options, expected: [...options.expected ?? [], MgnErrors.UNINITIALIZED, MgnErrors.QUOTA] });
  } catch (e) {
    if (hasErrorName(e, MgnErrors.UNINITIALIZED) && !(options.expected ?? []).includes(MgnErrors.UNINITIALIZED)) {
      throw new HandlerError(`${operation} for ${inv.target} failed: MGN is not initialized in this account and Region; `
        + 'deploy the MGN initialization resource first (it is part of every MGN migration stack)');
    }
    if (hasErrorName(e, MgnErrors.QUOTA) && !(options.expected ?? []).includes(MgnErrors.QUOTA)) {
      const quota = (e as { quotaCode?: unknown; quotaValue?: unknown });
      throw new HandlerError(`${operation} for ${inv.target} failed: an MGN quota is reached (${String(quota.quotaCode ?? 'unknown quota')}`
        + `${quota.quotaValue !== undefined ? `, limit ${String(quota.quotaValue)}` : ''}); ask for a higher quota or migrate in smaller waves`);
    }
    throw e;
  }
}

/** Sends one EC2 command with retries. */
export function ec2<T>(inv: MgnInvocation, operation: string, send: (client: EC2Client) => Promise<T>, options: CallOptions = {}): Promise<T> {
  return callService(inv, 'EC2', operation, () => send(ec2Client()), options);
}

/** Every page of one MGN listing, read with the SDK's paginator through the handler's retries. */
export function mgnPages<I extends object, P extends { readonly nextToken?: string }>(inv: MgnInvocation, operation: string,
  paginate: (config: { client: MgnClient }, input: I) => AsyncIterable<P>, input: I): Promise<P[]> {
  return readAllPages(inv, 'MGN', mgnClient(), operation, paginate, input);
}

/** True when the error is MGN saying the resource is gone (a Delete's success). */
export function isNotFound(e: unknown): boolean {
  return hasErrorName(e, MgnErrors.NOT_FOUND);
}
