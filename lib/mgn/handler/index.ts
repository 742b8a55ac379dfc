import { HandlerError, describeError } from '../../handler-common/errors';
import { CompletionEvent, IsCompleteResponse, LambdaContext, OnEventResponse, ResourceEvent } from '../../handler-common/event';
import { logLine } from '../../handler-common/log';
import { ResourceTypes } from './api';
import { mgnImport } from './import';
import { initialization } from './initialization';
import { MgnInvocation } from './invocation';
import { displayNameOf } from './properties';
import { ResourceHandler } from './resource';
import { sourceServer } from './source-server';
import { wave } from './wave';

/**
 * The handler of the four MGN custom-resource types (api.ts `ResourceTypes`), run by one aws-cdk-lib
 * `custom-resources` Provider: `onEvent` dispatches on `ResourceType`; `isComplete` polls what needs
 * polling (an import) and answers complete at once for the others.
 *
 * Failures are thrown as one user-facing sentence (it becomes the CloudFormation stack event); details
 * are in the function's log, one JSON line per step, without the ResponseURL or the event itself.
 */

export { setEc2Client, setMgnClient } from './client';
export { ServerIndex } from './match';
export { settingsDifferences } from './settings-diff';

const HANDLERS: Readonly<Record<string, ResourceHandler>> = {
  [ResourceTypes.INITIALIZATION]: initialization,
  [ResourceTypes.WAVE]: wave,
  [ResourceTypes.IMPORT]: mgnImport,
  [ResourceTypes.SOURCE_SERVER]: sourceServer,
};

function handlerOf(event: ResourceEvent): ResourceHandler {
  const handler = event.ResourceType !== undefined ? HANDLERS[event.ResourceType] : undefined;
  if (!handler) {
    const error = new HandlerError(`ResourceType "${String(event.ResourceType)}" is not handled here, use ${Object.keys(HANDLERS).join(', ')}`);
    logLine('error', { step: 'failed', requestType: event.RequestType, logicalResourceId: event.LogicalResourceId, error: error.message });
    throw error;
  }
  return handler;
}

/** Starts a lifecycle request. */
export async function onEvent(event: ResourceEvent, context?: LambdaContext): Promise<OnEventResponse> {
  const handler = handlerOf(event);
  const inv = new MgnInvocation(event, context, displayNameOf(event.ResourceProperties), 'onEvent', handler.noun);
  return reportingFailure(inv, () => {
    if (!['Create', 'Update', 'Delete'].includes(event.RequestType)) {
      throw new HandlerError(`RequestType "${String(event.RequestType)}" is not allowed, use Create, Update or Delete`);
    }
    return handler.onEvent(inv, event);
  });
}

/** Polls a request `onEvent` started. */
export async function isComplete(event: CompletionEvent, context?: LambdaContext): Promise<IsCompleteResponse> {
  const handler = handlerOf(event);
  const inv = new MgnInvocation(event, context, displayNameOf(event.ResourceProperties), 'isComplete', handler.noun);
  return reportingFailure(inv, () => handler.isComplete(inv, event));
}

/** Logs a failure as one line and rethrows it as a {@link HandlerError} (an unexpected error gets a sentence too). */
async function reportingFailure<T>(inv: MgnInvocation, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (e) {
    const error = e instanceof HandlerError ? e
      : new HandlerError(`${inv.requestType} of ${inv.target} failed unexpectedly: ${describeError(e)}`);
    inv.log('failed', { error: error.message }, 'error');
    throw error;
  }
}
