import { SMSClient, SMSClientConfig } from '@aws-sdk/client-sms';
import { SmsEmulator } from '../support/sms-emulator';

/**
 * The real SDK client pointed at an emulator: region us-east-1, static fake credentials and, unless a test
 * says otherwise, `maxAttempts: 1` so faults surface raw.
 */
export function smsClient(emu: SmsEmulator, config: Partial<SMSClientConfig> = {}): SMSClient {
  return new SMSClient({
    region: 'us-east-1',
    endpoint: emu.endpoint,
    credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY' },
    maxAttempts: 1,
    ...config,
    // @smithy/node-http-handler 2.5 leaves its socket-usage warning timer (3 s by default) running when a
    // request fails at the network level, which keeps Jest alive; a 1 ms timer only runs that check early.
    requestHandler: { socketAcquisitionWarningTimeout: 1, ...(config.requestHandler as object | undefined) },
  });
}

/**
 * True for a failure below HTTP (connection reset, socket hang up). Outside Jest the SDK throws node's error
 * renamed `TimeoutError` with `code: 'ECONNRESET'`; inside Jest the error comes from another realm, fails the
 * SDK's `instanceof Error`, and is wrapped as `AWS SDK error wrapper for TimeoutError: socket hang up`.
 */
export function isNetworkError(e: Record<string, unknown> & Error): boolean {
  return statusOf(e) === undefined && /TimeoutError|ECONNRESET|socket hang up/.test(`${e.name} ${String(e.code)} ${e.message}`);
}

/** Runs `fn` and returns what it threw, failing when it did not throw. */
export async function caught(fn: () => Promise<unknown>): Promise<Error & Record<string, unknown>> {
  try {
    await fn();
  } catch (e) {
    return e as Error & Record<string, unknown>;
  }
  throw new Error('expected the call to fail, it succeeded');
}

/** HTTP status of an SDK error. */
export function statusOf(e: Record<string, unknown>): number | undefined {
  return (e.$metadata as { httpStatusCode?: number } | undefined)?.httpStatusCode;
}

/** A date `hours` after now. */
export function hoursFromNow(hours: number): Date {
  return new Date(Date.now() + hours * 3_600_000);
}

/** Catalog servers a default job succeeds on: Linux or Windows client (BYOL) with at most 22 volumes. */
export function byolServers(emu: SmsEmulator): string[] {
  return emu.state.catalogServers
    .filter((s) => s.osFamily !== 'WINDOWS_SERVER' && s.volumeCount <= 22)
    .map((s) => s.serverId);
}

/** What a raw HTTP call got back. */
export interface RawReply {
  readonly status: number;
  readonly headers: Headers;
  readonly body: Record<string, unknown>;
}

/** A hand-made request, for what the SDK cannot send (unknown members, bad headers, bad JSON). */
export async function rawCall(emu: SmsEmulator, target: string | undefined, body: string, headers: Record<string, string> = {}): Promise<RawReply> {
  const res = await fetch(emu.endpoint, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/x-amz-json-1.1',
      'Authorization': 'AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20240101/us-east-1/sms/aws4_request, SignedHeaders=host, Signature=0',
      ...(target === undefined ? {} : { 'X-Amz-Target': target }),
      ...headers,
    },
    body,
  });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) as Record<string, unknown> : {} };
}

/** `AWSServerMigrationService_V2016_10_24.<operation>` */
export function target(operation: string): string {
  return `AWSServerMigrationService_V2016_10_24.${operation}`;
}
