/**
 * Tunables read from the Lambda's environment at each invocation, so tests can shrink the delays. A
 * missing or unreadable value falls back to the production default (never an error: a typo in an
 * environment variable must not break a deployment).
 */

/** Environment variable names. */
export const Env = {
  /** First backoff ceiling, ms (full jitter: the delay is drawn from 0..ceiling). */
  RETRY_BASE_MS: 'CDK_SMS_RETRY_BASE_MS',
  /** Largest backoff ceiling, ms. */
  RETRY_MAX_MS: 'CDK_SMS_RETRY_MAX_MS',
  /** Time kept back from the Lambda's remaining time for the last call and the answer, ms. */
  RETRY_SAFETY_MS: 'CDK_SMS_RETRY_SAFETY_MS',
  /** Retry budget when the handler is called without a Lambda context, ms. */
  RETRY_BUDGET_MS: 'CDK_SMS_RETRY_BUDGET_MS',
  /** How long `isComplete` keeps polling a job SMS does not list yet, after `onEvent` returned, ms. */
  NOT_FOUND_GRACE_MS: 'CDK_SMS_NOT_FOUND_GRACE_MS',
  /** Socket inactivity limit of one SMS call, ms (read once, when the client is created). */
  REQUEST_TIMEOUT_MS: 'CDK_SMS_REQUEST_TIMEOUT_MS',
  /** Connection set-up limit of one SMS call, ms (read once, when the client is created). */
  CONNECTION_TIMEOUT_MS: 'CDK_SMS_CONNECTION_TIMEOUT_MS',
} as const;

/** Production defaults. */
export const Defaults = {
  RETRY_BASE_MS: 200,
  RETRY_MAX_MS: 10_000,
  RETRY_SAFETY_MS: 20_000,
  RETRY_BUDGET_MS: 60_000,
  NOT_FOUND_GRACE_MS: 60_000,
  REQUEST_TIMEOUT_MS: 15_000,
  CONNECTION_TIMEOUT_MS: 5_000,
} as const;

/** A non-negative whole number of milliseconds from the environment, or `fallback`. */
export function envMs(name: string, fallback: number, env: NodeJS.ProcessEnv = process.env): number {
  const raw = env[name];
  if (raw === undefined || !/^\s*\d+\s*$/.test(raw)) {
    return fallback;
  }
  return Number(raw);
}

/** Backoff settings. */
export interface RetryPolicy {
  readonly baseMs: number;
  readonly maxMs: number;
}

/** The backoff settings of this invocation. */
export function retryPolicy(env: NodeJS.ProcessEnv = process.env): RetryPolicy {
  const baseMs = envMs(Env.RETRY_BASE_MS, Defaults.RETRY_BASE_MS, env);
  const maxMs = envMs(Env.RETRY_MAX_MS, Defaults.RETRY_MAX_MS, env);
  return { baseMs, maxMs: Math.max(baseMs, maxMs) };
}
