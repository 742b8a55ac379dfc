import { SMSClient } from '@aws-sdk/client-sms';
import { Defaults, Env, envMs } from '../../handler-common/settings';

/**
 * The SMS client, created once per container. Nothing about where or as whom it calls is written here:
 * the SDK's standard environment decides — `AWS_REGION` (always set in Lambda), the default credential
 * chain (the function's role), and `AWS_ENDPOINT_URL_SMS` / `AWS_ENDPOINT_URL` for an emulator (honoured
 * by the endpoint middleware of @aws-sdk/client-sms 3.523, whose service id is `SMS`).
 *
 * `maxAttempts: 1` because the handler retries itself (see retry.ts). The socket timeouts keep one hung
 * call from outliving the Lambda: without them Node waits indefinitely.
 */
function createDefaultClient(): SMSClient {
  return new SMSClient({
    maxAttempts: 1,
    requestHandler: {
      connectionTimeout: envMs(Env.CONNECTION_TIMEOUT_MS, Defaults.CONNECTION_TIMEOUT_MS),
      requestTimeout: envMs(Env.REQUEST_TIMEOUT_MS, Defaults.REQUEST_TIMEOUT_MS),
    },
  });
}

const defaultClient = createDefaultClient();
let current: SMSClient = defaultClient;

/** The client every SMS call goes through. */
export function smsClient(): SMSClient {
  return current;
}

/**
 * Replaces the client, for tests (for example one pointed at an emulator); without an argument, restores
 * the module's own client. Production code never calls it.
 */
export function setSmsClient(client?: SMSClient): void {
  current = client ?? defaultClient;
}
