import { SmsModel } from './model';

/**
 * Errors the emulator answers with. Modelled errors take their HTTP status from the model's
 * `smithy.api#httpError`; the few AWS front-end errors the model does not define use the statuses below.
 */

/** Statuses of errors that AWS front ends return but the SMS model does not define. */
const FRONT_END_ERRORS: Record<string, number> = {
  // The SDK retries these names as throttling (@smithy/service-error-classification THROTTLING_ERROR_CODES).
  ThrottlingException: 400,
  // 503 is retried as transient by status, whatever the name.
  ServiceUnavailableException: 503,
  UnknownOperationException: 400,
  SerializationException: 400,
  MissingAuthenticationTokenException: 403,
  IncompleteSignatureException: 403,
  // Modelled operation the emulator does not implement; 501 is not retried by the SDK.
  NotImplementedException: 501,
};

/** An error answer: `{ "__type": code, "message": message }` with the code's HTTP status. */
export class SmsApiError extends Error {
  constructor(public readonly code: string, message: string) {
    super(message);
    this.name = code;
  }
}

/** HTTP status for an error code: the model's, else the front-end table, else 400/500 by fault. */
export function errorStatus(model: SmsModel, code: string): number {
  return model.errorStatus(code) ?? FRONT_END_ERRORS[code] ?? 400;
}

/** `InvalidParameterException` with a message naming the member. */
export function invalidParameter(message: string): SmsApiError {
  return new SmsApiError('InvalidParameterException', message);
}

/** `ReplicationJobNotFoundException` for `id`. */
export function jobNotFound(id: string): SmsApiError {
  return new SmsApiError('ReplicationJobNotFoundException', `replicationJobId ${id} does not exist`);
}

/** `OperationNotPermittedException`. */
export function notPermitted(message: string): SmsApiError {
  return new SmsApiError('OperationNotPermittedException', message);
}
