import { LogLines, collectingLogs, jsonRecords } from './logs';

/**
 * The aws-cdk-lib `custom-resources` Provider framework, and Lambda under it, for one request, as
 * sms-api.md §10.1 describes them (the stack around it is the CloudFormationDriver's):
 *
 * - a request goes to `onEvent`; its answer is merged into the request (`{ ...request, ...answer }`) and
 *   `isComplete` is called with that until it answers `IsComplete: true`: first at once, then every
 *   `queryIntervalMs` (the emulator's clock is advanced instead of waiting) for at most `totalTimeoutMs`,
 *   after which the request fails with the framework's "Operation timed out";
 * - Data is `onEvent`'s Data merged with `isComplete`'s; `Data` with `IsComplete: false` is an error;
 * - the physical id defaults to the RequestId on Create and to the current id on Update and Delete; a
 *   Delete that answers another id fails;
 * - a Create that fails in `onEvent` is answered with the framework's CREATE_FAILED marker as its physical
 *   id, and a Delete of that marker is answered by the framework itself, without calling the handler;
 * - every payload crosses a Lambda boundary as JSON, and each call gets a Lambda context whose remaining
 *   time is the function's timeout; an invocation that outlives it fails as Lambda would fail it.
 */

/** The handler module: the bundle's exports, or the source module's. */
export interface CustomResourceHandler {
  onEvent(event: never, context?: LambdaContextLike): Promise<unknown>;
  isComplete(event: never, context?: LambdaContextLike): Promise<unknown>;
}

/** The part of a Lambda context handlers read. */
export interface LambdaContextLike {
  getRemainingTimeInMillis(): number;
}

/** A lifecycle request. */
export type RequestType = 'Create' | 'Update' | 'Delete';

/** The framework's physical id for a resource whose Create failed in onEvent. */
export const CREATE_FAILED_MARKER = 'AWSCDK::CustomResourceProviderFramework::CREATE_FAILED';

/** One call of a handler function. */
export interface InvocationRecord {
  readonly fn: 'onEvent' | 'isComplete';
  readonly requestType: RequestType;
  readonly logicalResourceId: string;
  readonly physicalResourceId?: string;
  readonly durationMs: number;
  /** What the function wrote (when invocation logs are captured). */
  readonly lines: readonly string[];
  /** The error message, when the function failed. */
  readonly error?: string;
  /** The largest `retries` of its structured log lines. */
  readonly retries: number;
  /** The largest `waits` of its structured log lines. */
  readonly waits: number;
}

/** What CloudFormation records for one request. */
export interface RequestOutcome {
  readonly requestType: RequestType;
  /** SKIPPED: nothing reached the handler (a Retain policy, the CREATE_FAILED marker, unchanged properties). */
  readonly status: 'SUCCESS' | 'FAILED' | 'SKIPPED';
  readonly physicalResourceId: string;
  readonly data: Readonly<Record<string, unknown>>;
  /** The failure message (the handler's error message, or the framework's). */
  readonly reason?: string;
  readonly invocations: readonly InvocationRecord[];
}

/** A request as CloudFormation sends it to the Provider framework's onEvent function. */
export interface CustomResourceRequest {
  readonly RequestType: RequestType;
  readonly ServiceToken: string;
  readonly ResponseURL: string;
  readonly StackId: string;
  readonly RequestId: string;
  readonly LogicalResourceId: string;
  readonly ResourceType: string;
  readonly PhysicalResourceId?: string;
  readonly ResourceProperties: Record<string, unknown>;
  readonly OldResourceProperties?: Record<string, unknown>;
}

/** Options of the framework. */
export interface ProviderFrameworkOptions {
  readonly handler: CustomResourceHandler;
  /** Moves the emulated world forward between isComplete calls (the emulator's clock). @default - nothing moves */
  readonly advanceClock?: (ms: number) => void;
  /** The Provider's queryInterval. */
  readonly queryIntervalMs: number;
  /** The Provider's totalTimeout; a multiple of `queryIntervalMs`, as the Provider requires. */
  readonly totalTimeoutMs: number;
  /** Timeout of the onEvent function. */
  readonly onEventTimeoutMs: number;
  /** Timeout of the isComplete function. */
  readonly isCompleteTimeoutMs: number;
  /** Told of every handler call as it ends. @default - nobody is told */
  readonly onInvocation?: (record: InvocationRecord) => void;
}

/** The Provider framework: one request through onEvent and isComplete. */
export class ProviderFramework {
  private readonly maxIsCompleteCalls: number;

  constructor(private readonly options: ProviderFrameworkOptions) {
    const { totalTimeoutMs, queryIntervalMs } = options;
    if (totalTimeoutMs % queryIntervalMs !== 0) {
      throw new Error(`totalTimeoutMs ${totalTimeoutMs} is not a multiple of queryIntervalMs ${queryIntervalMs}, as the Provider requires`);
    }
    // The waiter calls isComplete once, then retries it totalTimeout / queryInterval times.
    this.maxIsCompleteCalls = 1 + totalTimeoutMs / queryIntervalMs;
  }

  /** One request through the framework: onEvent, then isComplete until done. */
  public async send(request: CustomResourceRequest): Promise<RequestOutcome> {
    const invocations: InvocationRecord[] = [];
    const failed = (physicalResourceId: string, reason: string): RequestOutcome =>
      ({ requestType: request.RequestType, status: 'FAILED', physicalResourceId, data: {}, reason, invocations });
    if (request.RequestType === 'Delete' && request.PhysicalResourceId === CREATE_FAILED_MARKER) {
      return { requestType: 'Delete', status: 'SKIPPED', physicalResourceId: CREATE_FAILED_MARKER, data: {}, invocations };
    }

    const onEvent = await this.invoke('onEvent', request, invocations);
    if (onEvent.error !== undefined) {
      return failed(request.PhysicalResourceId ?? CREATE_FAILED_MARKER, onEvent.error);
    }
    const answer = asObject(onEvent.result);
    const physicalId = typeof answer.PhysicalResourceId === 'string' && answer.PhysicalResourceId !== ''
      ? answer.PhysicalResourceId : request.PhysicalResourceId ?? request.RequestId;
    if (request.RequestType === 'Delete' && physicalId !== request.PhysicalResourceId) {
      return failed(request.PhysicalResourceId ?? '', `DELETE: cannot change the physical resource ID from "${request.PhysicalResourceId}" `
        + `to "${physicalId}" during deletion`);
    }
    const waiting: Record<string, unknown> = { ...request, ...answer, PhysicalResourceId: physicalId };

    for (let call = 1; ; call++) {
      const poll = await this.invoke('isComplete', waiting, invocations);
      if (poll.error !== undefined) {
        return failed(physicalId, poll.error);
      }
      const result = asObject(poll.result);
      const data = asObject(result.Data);
      if (result.IsComplete !== true) {
        if (Object.keys(data).length > 0) {
          return failed(physicalId, '"Data" is not allowed if "IsComplete" is "False"');
        }
        if (call >= this.maxIsCompleteCalls) {
          return failed(physicalId, 'Operation timed out');
        }
        this.options.advanceClock?.(this.options.queryIntervalMs);
        continue;
      }
      const response: Record<string, unknown> = { ...waiting, ...result };
      const merged = { ...asObject(waiting.Data), ...data };
      return {
        requestType: request.RequestType,
        status: 'SUCCESS',
        physicalResourceId: String(response.PhysicalResourceId),
        data: merged,
        invocations,
      };
    }
  }

  /** One Lambda invocation: JSON in and out, a context with the function's timeout, its own log lines. */
  private async invoke(fn: 'onEvent' | 'isComplete', payload: object, into: InvocationRecord[]): Promise<{ result?: unknown; error?: string }> {
    const event = JSON.parse(JSON.stringify(payload)) as Record<string, unknown>;
    const timeoutMs = fn === 'onEvent' ? this.options.onEventTimeoutMs : this.options.isCompleteTimeoutMs;
    const startedAt = Date.now();
    const context: LambdaContextLike = { getRemainingTimeInMillis: () => Math.max(0, startedAt + timeoutMs - Date.now()) };
    const lines: LogLines = [];
    let result: unknown;
    let error: string | undefined;
    try {
      const answer = await collectingLogs(lines, () => this.options.handler[fn](event as never, context));
      result = answer === undefined ? undefined : JSON.parse(JSON.stringify(answer)) as unknown;
    } catch (e) {
      error = e instanceof Error ? e.message : String(e);
    }
    const durationMs = Date.now() - startedAt;
    if (durationMs > timeoutMs) {
      error = `Task timed out after ${(timeoutMs / 1000).toFixed(2)} seconds`;
    }
    const records = jsonRecords(lines);
    const record: InvocationRecord = {
      fn,
      requestType: event.RequestType as RequestType,
      logicalResourceId: String(event.LogicalResourceId),
      physicalResourceId: typeof event.PhysicalResourceId === 'string' ? event.PhysicalResourceId : undefined,
      durationMs,
      lines,
      error,
      retries: Math.max(0, ...records.map((r) => (typeof r.retries === 'number' ? r.retries : 0))),
      waits: Math.max(0, ...records.map((r) => (typeof r.waits === 'number' ? r.waits : 0))),
    };
    into.push(record);
    this.options.onInvocation?.(record);
    return { result, error };
  }
}

function asObject(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? value as Record<string, unknown> : {};
}
