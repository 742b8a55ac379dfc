import { setTimeout as sleep } from 'timers/promises';
import { MgnClient } from '@aws-sdk/client-mgn';
import { describeError, hasErrorName, retryReason } from '../../handler-common/errors';
import { backoffMs } from '../../handler-common/retry';
import { Defaults, Env, RetryPolicy, envMs, retryPolicy } from '../../handler-common/settings';
import { RunbookError } from './errors';

/**
 * What every runbook step works with: the MGN client, the retries, and where progress goes.
 *
 * Calls are retried as the custom-resource handlers retry theirs (lib/handler-common: the same error
 * classification, the same full-jitter backoff and tunables), but not through `callService`, which belongs
 * to a CloudFormation invocation: its deadline is the Lambda's, its messages say "deploy again". Here a
 * call retries for a budget of its own (`CDK_SMS_RETRY_BUDGET_MS`, 60 s by default), never past a hard
 * deadline (the Lambda's remaining time, when there is one).
 */

/** How one server stands after a step. */
export interface ServerProgress {
  /** The VM's name: the server's `cdk-sms-migration:vm` tag, else its user-provided id, else its host name, else its id. */
  readonly vmName: string;
  readonly sourceServerId: string;
  /** Its lifecycle state as the step last read it. */
  readonly state: string;
  /** What the step did or found, in a few words (`ready`, `not ready`, `launching in mgnjob-...`, `launched`, ...). */
  readonly outcome: string;
}

/** Options of {@link RunbookContext}. */
export interface RunbookContextOptions {
  /** The MGN client, configured from the standard environment (Region, credentials, `AWS_ENDPOINT_URL_MGN`). */
  readonly client: MgnClient;
  /** After this (epoch ms) no retry starts. @default - none */
  readonly deadline?: number;
  /** Where each server's progress goes. @default - nowhere */
  readonly progress?: (server: ServerProgress) => void;
  /** The environment the retry tunables are read from. @default process.env */
  readonly env?: NodeJS.ProcessEnv;
}

/** A call's options. */
export interface CallOptions {
  /** Error names rethrown untouched for the caller to handle. @default none */
  readonly expected?: readonly string[];
  /**
   * Make one attempt: a retryable error is rethrown untouched for the caller, who reads the servers' states
   * before trying again (a call that starts a job may have started it although its answer was lost).
   * @default false
   */
  readonly once?: boolean;
}

/** One run of one step. */
export class RunbookContext {
  /** Calls retried after a throttle, an outage or a broken connection. */
  public retries = 0;
  public readonly client: MgnClient;
  private readonly policy: RetryPolicy;
  private readonly budgetMs: number;
  private readonly deadline: number;
  private readonly progressSink?: (server: ServerProgress) => void;

  constructor(options: RunbookContextOptions) {
    const env = options.env ?? process.env;
    this.client = options.client;
    this.policy = retryPolicy(env);
    this.budgetMs = envMs(Env.RETRY_BUDGET_MS, Defaults.RETRY_BUDGET_MS, env);
    this.deadline = options.deadline ?? Number.POSITIVE_INFINITY;
    this.progressSink = options.progress;
  }

  /** Reports one server's progress. */
  public progress(server: ServerProgress): void {
    this.progressSink?.(server);
  }

  /**
   * Sends one MGN call, retrying throttling, outages, 5xx answers and broken connections with backoff for the
   * retry budget. `what` names what the call is for in messages (`wave "wave-1"`, `VM "web-01" (source server s-1)`).
   */
  public async call<T>(operation: string, what: string, send: (client: MgnClient) => Promise<T>, options: CallOptions = {}): Promise<T> {
    const firstAttemptAt = Date.now();
    for (let attempt = 1; ; attempt++) {
      try {
        return await send(this.client);
      } catch (e) {
        if (hasErrorName(e, ...options.expected ?? [])) {
          throw e;
        }
        if (retryReason(e) === undefined) {
          throw callFailed(operation, what, e);
        }
        if (options.once === true) {
          throw e;
        }
        if (!await this.pause(attempt, firstAttemptAt)) {
          throw this.unavailable(operation, what, attempt, firstAttemptAt);
        }
      }
    }
  }

  /**
   * Sleeps before attempt `attempt + 1` of something begun at `since`, or returns false when that would end
   * after the retry budget or the deadline.
   */
  public async pause(attempt: number, since: number): Promise<boolean> {
    const delay = backoffMs(this.policy, attempt);
    if (Date.now() + delay >= Math.min(since + this.budgetMs, this.deadline)) {
      return false;
    }
    await sleep(delay);
    this.retries += 1;
    return true;
  }

  /** The error of a call that was throttled or failed until the budget ran out. */
  public unavailable(operation: string, what: string, attempts: number, since: number): RunbookError {
    return new RunbookError('unavailable', `MGN is unavailable: ${operation} for ${what} was throttled or failed ${attempts} `
      + `time${attempts === 1 ? '' : 's'} over ${((Date.now() - since) / 1000).toFixed(1)} s; run the step again later`);
  }
}

/** The error of a call MGN refused: `StartTest for wave "wave-1" failed: ConflictException: ...`. */
export function callFailed(operation: string, what: string, e: unknown): RunbookError {
  if (hasErrorName(e, 'UninitializedAccountException')) {
    return new RunbookError('mgn', `${operation} for ${what} failed: MGN is not initialized in this account and Region`);
  }
  return new RunbookError('mgn', `${operation} for ${what} failed: ${describeError(e)}`);
}

/** True when `e` is worth another attempt (throttling, an outage, a 5xx answer, a broken connection). */
export function isRetryable(e: unknown): boolean {
  return retryReason(e) !== undefined;
}
