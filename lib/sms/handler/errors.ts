/** SMS error names the handler reacts to (the generic error inspection is lib/handler-common/errors.ts). */
export const SmsErrors = {
  ALREADY_EXISTS: 'ReplicationJobAlreadyExistsException',
  JOB_NOT_FOUND: 'ReplicationJobNotFoundException',
  NOT_PERMITTED: 'OperationNotPermittedException',
} as const;
