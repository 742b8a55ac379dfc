import { DescribeReplicationConfigurationTemplatesCommand, InitializeServiceCommand } from '@aws-sdk/client-mgn';
import { HandlerError, describeError, hasErrorName } from '../../handler-common/errors';
import { OnEventResponse, ResourceEvent } from '../../handler-common/event';
import { MgnErrors, mgn } from './calls';
import { mgnClient } from './client';
import { MgnInvocation } from './invocation';
import { ResourceHandler, completeAtOnce } from './resource';

/**
 * `Custom::MgnInitialization`: MGN initialized in the stack's account and Region (mgn-api.md §3.1).
 * InitializeService has no "already initialized" error; a ValidationException may mean just that, so it
 * is confirmed with DescribeReplicationConfigurationTemplates, which answers only in an initialized
 * account. Delete never undoes initialization (MGN has no call for it, and other stacks may rely on it).
 */

/** The physical id: one per account and Region. */
export async function initializationId(): Promise<string> {
  return `mgn-initialization:${await mgnClient().config.region()}`;
}

async function onEvent(inv: MgnInvocation, event: ResourceEvent): Promise<OnEventResponse> {
  const physicalResourceId = event.RequestType === 'Delete' && event.PhysicalResourceId ? event.PhysicalResourceId : await initializationId();
  inv.physicalResourceId = physicalResourceId;
  if (event.RequestType === 'Delete') {
    inv.log('initialize', { outcome: 'left', reason: 'MGN initialization is never undone' });
    return { PhysicalResourceId: physicalResourceId };
  }
  try {
    await mgn(inv, 'InitializeService', (c) => c.send(new InitializeServiceCommand({})), { expected: [MgnErrors.VALIDATION] });
    inv.log('initialize', { operation: 'InitializeService', outcome: 'initialized' });
  } catch (e) {
    if (!hasErrorName(e, MgnErrors.VALIDATION)) {
      throw e;
    }
    await confirmInitialized(inv, e);
  }
  return { PhysicalResourceId: physicalResourceId };
}

/** After a ValidationException of InitializeService: initialized already, or the call really failed. */
async function confirmInitialized(inv: MgnInvocation, validation: unknown): Promise<void> {
  try {
    await mgn(inv, 'DescribeReplicationConfigurationTemplates', (c) => c.send(new DescribeReplicationConfigurationTemplatesCommand({})),
      { expected: [MgnErrors.UNINITIALIZED] });
  } catch (e) {
    if (hasErrorName(e, MgnErrors.UNINITIALIZED)) {
      throw new HandlerError(`InitializeService for ${inv.target} failed: ${describeError(validation)}; check that the MGN service roles `
        + 'exist and that the handler may create the service-linked role');
    }
    throw e;
  }
  inv.log('initialize', { operation: 'InitializeService', outcome: 'already initialized', reason: describeError(validation) });
}

/** The handler of `Custom::MgnInitialization`. */
export const initialization: ResourceHandler = { noun: 'MGN initialization', onEvent, isComplete: completeAtOnce };
