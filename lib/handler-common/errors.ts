/**
 * The handlers' error type and the inspection of what the SDK throws: by name (never `instanceof`, which
 * breaks across realms and bundles), HTTP status and network error codes. Shared by every custom-resource
 * handler of the library (SMS, MGN); it imports nothing.
 */

/**
 * A failure to report to CloudFormation. Its message is the whole, user-facing story in one sentence; it
 * never wraps the SDK error, so no SDK stack or request detail reaches the stack events.
 */
export class HandlerError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'HandlerError';
  }
}

/** Error names that mean "slow down" (the SDK's own throttling list). */
const THROTTLING_NAMES: ReadonlySet<string> = new Set([
  'Throttling',
  'ThrottlingException',
  'ThrottledException',
  'RequestThrottledException',
  'RequestThrottled',
  'TooManyRequestsException',
  'ProvisionedThroughputExceededException',
  'TransactionInProgressException',
  'RequestLimitExceeded',
  'BandwidthLimitExceeded',
  'LimitExceededException',
  'SlowDown',
  'PriorRequestNotComplete',
  'EC2ThrottledException',
]);

/** Server-side error names worth another try whatever their HTTP status. */
const TRANSIENT_NAMES: ReadonlySet<string> = new Set([
  'TemporarilyUnavailableException',
  'ServiceUnavailableException',
  'ServiceUnavailable',
  'InternalError',
  'InternalFailure',
  'InternalServerError',
  'InternalServerException',
]);

/** Node error codes of a connection that failed or broke before an answer came. */
const NETWORK_CODES: readonly string[] = [
  'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'ECONNREFUSED', 'ECONNABORTED', 'EAI_AGAIN', 'ENOTCONN', 'EHOSTUNREACH', 'ENETUNREACH',
];
const NETWORK_MESSAGE = new RegExp(`socket hang up|${NETWORK_CODES.join('|')}|TimeoutError`);

interface ErrorLike {
  readonly name?: unknown;
  readonly message?: unknown;
  readonly code?: unknown;
  readonly $metadata?: { readonly httpStatusCode?: unknown };
}

function asErrorLike(e: unknown): ErrorLike {
  return typeof e === 'object' && e !== null ? e as ErrorLike : {};
}

/** The error's name (`ThrottlingException`), or `Error` when it has none. */
export function errorName(e: unknown): string {
  const name = asErrorLike(e).name;
  return typeof name === 'string' && name !== '' ? name : 'Error';
}

/** The error's message, or '' when it has none. */
export function errorMessage(e: unknown): string {
  if (typeof e === 'string') {
    return e;
  }
  const message = asErrorLike(e).message;
  return typeof message === 'string' ? message : '';
}

/** The HTTP status the service answered with, when the error came from an answer. */
export function httpStatus(e: unknown): number | undefined {
  const status = asErrorLike(e).$metadata?.httpStatusCode;
  return typeof status === 'number' ? status : undefined;
}

/** True when the error has one of `names`. */
export function hasErrorName(e: unknown, ...names: string[]): boolean {
  return names.includes(errorName(e));
}

/** Why an error is worth retrying. */
export type RetryReason = 'throttling' | 'unavailable' | 'server-error' | 'network';

/**
 * Classifies an error: throttling, the services' unavailable/internal errors, any 5xx, and connections that broke
 * before an answer are retryable; everything else (4xx answers, bad configuration) is not.
 */
export function retryReason(e: unknown): RetryReason | undefined {
  const name = errorName(e);
  if (THROTTLING_NAMES.has(name)) {
    return 'throttling';
  }
  if (TRANSIENT_NAMES.has(name)) {
    return 'unavailable';
  }
  const status = httpStatus(e);
  if (status !== undefined && status >= 500) {
    return 'server-error';
  }
  if (status !== undefined) {
    return undefined;
  }
  const code = asErrorLike(e).code;
  if ((typeof code === 'string' && NETWORK_CODES.includes(code)) || name === 'TimeoutError'
    || NETWORK_MESSAGE.test(errorMessage(e))) {
    return 'network';
  }
  return undefined;
}

/** What the service (or the network) said, for a message: `InvalidParameterException: frequency 0 is out of range`. */
export function describeError(e: unknown): string {
  const name = errorName(e);
  const message = errorMessage(e).trim();
  return message === '' || message === name ? name : `${name}: ${message}`;
}
