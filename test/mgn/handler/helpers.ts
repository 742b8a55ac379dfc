import { CompletionEvent, LambdaContext, RequestType, ResourceEvent } from '../../../lib/handler-common/event';

/** Shared fixtures of the MGN handler tests: events, contexts, captured logs. */

export const STACK_ID = 'arn:aws:cloudformation:eu-west-1:111122223333:stack/Migration/0d8f1a20-5c1e-11ef-9a3c-0a1b2c3d4e5f';
/** A presigned URL with a signature: must never appear in a log. */
export const RESPONSE_URL = 'https://cloudformation-custom-resource-response-euwest1.s3.amazonaws.com/arn%3Aaws?X-Amz-Signature=SECRETSIGNATURE0123';
export const SERVICE_TOKEN = 'arn:aws:lambda:eu-west-1:111122223333:function:Provider-framework-onEvent';

/** A request as the Provider framework sends it to onEvent. */
export function resourceEvent(resourceType: string, type: RequestType, props: Record<string, unknown>,
  extra: Partial<ResourceEvent> = {}): ResourceEvent {
  return {
    RequestType: type,
    LogicalResourceId: 'Resource1',
    StackId: STACK_ID,
    RequestId: 'c2f5a6a0-0000-4000-8000-000000000001',
    ResourceType: resourceType,
    ResponseURL: RESPONSE_URL,
    ServiceToken: SERVICE_TOKEN,
    ResourceProperties: { ServiceToken: SERVICE_TOKEN, ...props },
    ...extra,
  };
}

/** A request as the framework sends it to isComplete: the request merged with onEvent's answer. */
export function completionEvent(event: ResourceEvent, answer: { PhysicalResourceId: string; Data?: Record<string, string> }): CompletionEvent {
  return { ...event, ...answer };
}

/** A Lambda context with `ms` left. */
export function contextWith(ms: number): LambdaContext {
  const end = Date.now() + ms;
  return { getRemainingTimeInMillis: () => end - Date.now() };
}

/** Console output captured during a test. */
export interface CapturedLogs {
  readonly lines: string[];
  records(): Array<Record<string, unknown>>;
  restore(): void;
}

/** Captures console.log / console.error (the handler's only outputs). */
export function captureLogs(): CapturedLogs {
  const lines: string[] = [];
  const log = jest.spyOn(console, 'log').mockImplementation((...args: unknown[]) => { lines.push(args.map(String).join(' ')); });
  const error = jest.spyOn(console, 'error').mockImplementation((...args: unknown[]) => { lines.push(args.map(String).join(' ')); });
  return {
    lines,
    records: () => lines.map((l) => JSON.parse(l) as Record<string, unknown>),
    restore: () => { log.mockRestore(); error.mockRestore(); },
  };
}

/** The message of a rejected promise. */
export async function failure(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error('expected a failure');
}
