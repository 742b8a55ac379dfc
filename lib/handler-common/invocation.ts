import { LambdaContext, ResourceEvent } from './event';
import { LogLevel, LogValue, logLine } from './log';
import { Defaults, Env, RetryPolicy, envMs, retryPolicy } from './settings';

/**
 * One handler invocation: its deadline, its retry count, what it is working on (for messages and logs),
 * and its log lines. Created at the start of `onEvent` / `isComplete`, passed to every step. Each handler
 * extends it with what it learns on the way (the SMS server, the MGN source server, ...): a subclass
 * names its target in {@link target} and adds its own fields to every log line with {@link logContext}.
 */
export class Invocation {
  /** When the invocation started (epoch ms). */
  public readonly startedAt: number;
  /** After this (epoch ms) no retry or wait starts: the last call must still fit the Lambda's time. */
  public readonly deadline: number;
  /** Backoff settings for this invocation. */
  public readonly policy: RetryPolicy;
  /** Calls retried after a throttle, an outage or a network failure. */
  public retries = 0;
  /** The resource's id in the service, once known. */
  public physicalResourceId: string | undefined;

  constructor(
    private readonly event: ResourceEvent,
    context: LambdaContext | undefined,
    /** How messages name what the resource stands for (a VM, a wave). */
    public readonly displayName: string,
    private readonly handlerName: 'onEvent' | 'isComplete' = 'onEvent',
  ) {
    this.startedAt = Date.now();
    this.policy = retryPolicy();
    const budget = context
      ? context.getRemainingTimeInMillis() - envMs(Env.RETRY_SAFETY_MS, Defaults.RETRY_SAFETY_MS)
      : envMs(Env.RETRY_BUDGET_MS, Defaults.RETRY_BUDGET_MS);
    this.deadline = this.startedAt + Math.max(0, budget);
    this.physicalResourceId = event.PhysicalResourceId;
  }

  /** The request type, for branching and logs. */
  public get requestType(): string {
    return this.event.RequestType;
  }

  /** How messages name what the invocation works on; subclasses say more (`VM "web-01" (server s-1234)`). */
  public get target(): string {
    return `"${this.displayName}"`;
  }

  /** Milliseconds left before the deadline. */
  public remainingMs(): number {
    return this.deadline - Date.now();
  }

  /** Seconds since the invocation started, one decimal. */
  public elapsedSeconds(since: number = this.startedAt): string {
    return ((Date.now() - since) / 1000).toFixed(1);
  }

  /** Writes the structured line of one step: who, what, and how many retries so far. */
  public log(step: string, fields: Readonly<Record<string, LogValue>> = {}, level: LogLevel = 'info'): void {
    logLine(level, {
      handler: this.handlerName,
      step,
      requestType: this.event.RequestType,
      logicalResourceId: this.event.LogicalResourceId,
      physicalResourceId: this.physicalResourceId,
      ...this.logContext(),
      retries: this.retries,
      ...fields,
    });
  }

  /** Fields a subclass adds to every line, after the resource ids (the server id, ...). */
  protected logContext(): Readonly<Record<string, LogValue>> {
    return {};
  }
}
