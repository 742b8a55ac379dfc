import { CompletionEvent, IsCompleteResponse, OnEventResponse, ResourceEvent } from '../../handler-common/event';
import { MgnInvocation, Noun } from './invocation';

/** What the handler does for one resource type; `index.ts` dispatches on `ResourceType` to one of these. */
export interface ResourceHandler {
  /** How messages name what the resource stands for. */
  readonly noun: Noun;
  /** Create, Update or Delete. */
  onEvent(inv: MgnInvocation, event: ResourceEvent): Promise<OnEventResponse>;
  /** Polls what `onEvent` started; a type that finishes in `onEvent` answers complete at once. */
  isComplete(inv: MgnInvocation, event: CompletionEvent): Promise<IsCompleteResponse>;
}

/** `isComplete` of a type that finishes in `onEvent`. */
export async function completeAtOnce(inv: MgnInvocation): Promise<IsCompleteResponse> {
  inv.log('complete', { outcome: 'complete', reason: 'finished in onEvent' });
  return { IsComplete: true };
}
