import { MgnModel } from './model';

/**
 * Errors the emulator answers with: header `x-amzn-ErrorType: <ShapeName>` and a body of `message` plus the
 * shape's members. Modelled errors take their status from the model; the few front-end errors the model does
 * not define use the table below.
 */

const FRONT_END_ERRORS: Record<string, number> = {
  // Design choice of the emulator (mgn-api.md §12.1): the SDK surfaces it as a generic MgnServiceException.
  UnknownOperationException: 404,
  // A modelled operation the emulator does not implement; 501 is not retried by the SDK.
  NotImplementedException: 501,
  ServiceUnavailableException: 503,
};

/** An error answer. `members` are the shape's other members (resourceId, reason, fieldList, ...). */
export class MgnApiError extends Error {
  constructor(public readonly code: string, message: string, public readonly members: Record<string, unknown> = {},
    public readonly headers: Record<string, string> = {}) {
    super(message);
    this.name = code;
  }
}

/** HTTP status for an error code: the model's, else the front-end table, else 400. */
export function errorStatus(model: MgnModel, code: string): number {
  return model.errorStatus(code) ?? FRONT_END_ERRORS[code] ?? 400;
}

/** `ResourceNotFoundException` naming the resource. */
export function notFound(resourceType: string, resourceId: string): MgnApiError {
  return new MgnApiError('ResourceNotFoundException', `${resourceType} ${resourceId} does not exist`,
    { resourceId, resourceType });
}

/** `ConflictException` naming the resource. */
export function conflict(message: string, resourceType?: string, resourceId?: string): MgnApiError {
  return new MgnApiError('ConflictException', message, { resourceId, resourceType });
}

/** `ValidationException` with `reason` and, for field problems, `fieldList`. */
export function validationError(message: string, reason = 'other', fieldList?: Array<{ name: string; message: string }>): MgnApiError {
  return new MgnApiError('ValidationException', message, { reason, fieldList });
}

/** `UninitializedAccountException`. */
export function uninitialized(): MgnApiError {
  return new MgnApiError('UninitializedAccountException', 'Account is not initialized, call InitializeService first');
}
