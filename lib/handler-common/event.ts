/**
 * The shapes the Provider framework hands a handler and expects back (sms-api.md §10.1). Written out
 * here rather than imported from `aws-lambda` types, so a handler depends on nothing but its SDK clients.
 */

/** A CloudFormation lifecycle request. */
export type RequestType = 'Create' | 'Update' | 'Delete';

/**
 * The request `onEvent` receives. `ResponseURL` is a presigned URL that lets anyone answer for the
 * resource: it is declared so that nobody has to guess it is there, and it is never logged.
 */
export interface ResourceEvent {
  readonly RequestType: RequestType;
  readonly LogicalResourceId: string;
  /** The resource's id in the service; absent on Create. */
  readonly PhysicalResourceId?: string;
  readonly StackId: string;
  readonly RequestId?: string;
  readonly ResourceType?: string;
  /** Property values as CloudFormation sends them: scalars are strings. */
  readonly ResourceProperties?: Record<string, unknown>;
  /** The previous properties, on Update only. */
  readonly OldResourceProperties?: Record<string, unknown>;
  readonly ResponseURL?: string;
  readonly ServiceToken?: string;
}

/**
 * The key under which `onEvent` tells `isComplete` when it created or updated the resource (epoch ms). The
 * framework merges every key of the `onEvent` result into the `isComplete` request, so this travels
 * without any state in the service; it lets `isComplete` give a just-created resource a grace period when
 * the service does not list it yet. Handler-internal: the construct never reads it.
 */
export const STARTED_AT_KEY = 'CdkSmsStartedAt';

/** The request `isComplete` receives: the original request merged with what `onEvent` returned. */
export interface CompletionEvent extends ResourceEvent {
  readonly Data?: Record<string, string>;
  readonly [STARTED_AT_KEY]?: number;
}

/** What `onEvent` returns. */
export interface OnEventResponse {
  readonly PhysicalResourceId: string;
  readonly Data?: Record<string, string>;
  readonly [STARTED_AT_KEY]?: number;
}

/** What `isComplete` returns. `Data` only when complete: the framework rejects it otherwise. */
export interface IsCompleteResponse {
  readonly IsComplete: boolean;
  /**
   * The physical id, when it is known only once the resource is complete (the framework takes it from the
   * final answer only). @default - the one `onEvent` returned
   */
  readonly PhysicalResourceId?: string;
  readonly Data?: Record<string, string>;
}

/** The part of the Lambda context the handler uses. */
export interface LambdaContext {
  getRemainingTimeInMillis(): number;
}
