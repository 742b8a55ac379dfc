import { EC2Client } from '@aws-sdk/client-ec2';
import { MgnClient } from '@aws-sdk/client-mgn';
import { Defaults, Env, envMs } from '../../handler-common/settings';

/**
 * The MGN and EC2 clients, created once per container. Nothing about where or as whom they call is
 * written here: the SDK's standard environment decides — `AWS_REGION` (always set in Lambda), the default
 * credential chain (the function's role), and `AWS_ENDPOINT_URL_MGN` / `AWS_ENDPOINT_URL_EC2` (or
 * `AWS_ENDPOINT_URL`) for an emulator, honoured by the endpoint middleware of the 3.523 clients.
 *
 * `maxAttempts: 1` because the handler retries itself (lib/handler-common/retry.ts). The socket timeouts
 * keep one hung call from outliving the Lambda: without them Node waits indefinitely.
 */
function requestHandler(): { connectionTimeout: number; requestTimeout: number } {
  return {
    connectionTimeout: envMs(Env.CONNECTION_TIMEOUT_MS, Defaults.CONNECTION_TIMEOUT_MS),
    requestTimeout: envMs(Env.REQUEST_TIMEOUT_MS, Defaults.REQUEST_TIMEOUT_MS),
  };
}

let defaultMgn: MgnClient | undefined;
let defaultEc2: EC2Client | undefined;
let currentMgn: MgnClient | undefined;
let currentEc2: EC2Client | undefined;

/** The client every MGN call goes through (created at its first use, from the environment of that moment). */
export function mgnClient(): MgnClient {
  if (currentMgn === undefined) {
    defaultMgn ??= new MgnClient({ maxAttempts: 1, requestHandler: requestHandler() });
    currentMgn = defaultMgn;
  }
  return currentMgn;
}

/** The client every EC2 call goes through (the server's launch template). */
export function ec2Client(): EC2Client {
  if (currentEc2 === undefined) {
    defaultEc2 ??= new EC2Client({ maxAttempts: 1, requestHandler: requestHandler() });
    currentEc2 = defaultEc2;
  }
  return currentEc2;
}

/**
 * Replaces the MGN client, for tests (one pointed at an emulator, a mock); without an argument, restores
 * the module's own client. Production code never calls it.
 */
export function setMgnClient(client?: MgnClient): void {
  currentMgn = client;
}

/** Replaces the EC2 client, for tests; without an argument, restores the module's own client. */
export function setEc2Client(client?: EC2Client): void {
  currentEc2 = client;
}
