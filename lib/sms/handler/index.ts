import { HandlerError, describeError } from '../../handler-common/errors';
import { CompletionEvent, IsCompleteResponse, LambdaContext, OnEventResponse, ResourceEvent } from '../../handler-common/event';
import { Invocation } from './invocation';
import { checkComplete } from './is-complete';
import { onCreate } from './on-create';
import { onDelete } from './on-delete';
import { onUpdate } from './on-update';
import { displayNameOf } from './properties';

/**
 * The handler of `Custom::SmsReplicationJob`, run by the aws-cdk-lib `custom-resources` Provider framework:
 * `onEvent` starts Create / Update / Delete, `isComplete` polls until the job is ACTIVE. The replication
 * job id is the physical resource id; Data keys come from api.ts.
 *
 * Failures are thrown as one user-facing sentence (it becomes the CloudFormation stack event); details
 * are in the function's log, one JSON line per step, without the ResponseURL or the event itself.
 */

export { setSmsClient } from './client';
export { resetServerCatalogCache } from './server-catalog';

/** Starts a lifecycle request. */
export async function onEvent(event: ResourceEvent, context?: LambdaContext): Promise<OnEventResponse> {
  const inv = new Invocation(event, context, displayNameOf(event.ResourceProperties), 'onEvent');
  return reportingFailure(inv, () => dispatch(inv, event));
}

/** Polls a Create or Update until the job is set up. */
export async function isComplete(event: CompletionEvent, context?: LambdaContext): Promise<IsCompleteResponse> {
  const inv = new Invocation(event, context, displayNameOf(event.ResourceProperties), 'isComplete');
  return reportingFailure(inv, () => checkComplete(inv, event));
}

function dispatch(inv: Invocation, event: ResourceEvent): Promise<OnEventResponse> {
  switch (event.RequestType) {
    case 'Create':
      return onCreate(inv, event);
    case 'Update':
      return onUpdate(inv, event);
    case 'Delete':
      return onDelete(inv, event);
    default:
      throw new HandlerError(`RequestType "${String((event as { RequestType?: unknown }).RequestType)}" is not allowed, `
        + 'use Create, Update or Delete');
  }
}

/** Logs a failure as one line and rethrows it as a {@link HandlerError} (an unexpected error gets a sentence too). */
async function reportingFailure<T>(inv: Invocation, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (e) {
    const error = e instanceof HandlerError ? e
      : new HandlerError(`${inv.requestType} of the replication job for ${inv.target} failed unexpectedly: ${describeError(e)}`);
    inv.log('failed', { error: error.message }, 'error');
    throw error;
  }
}
