import { SMSClient, SMSServiceException, ReplicationJob, Server } from '@aws-sdk/client-sms';
import { AwsClientStub, mockClient } from 'aws-sdk-client-mock';
import { Props } from '../../../lib/sms/handler/api';
import { CompletionEvent, LambdaContext, RequestType, ResourceEvent } from '../../../lib/handler-common/event';
import { resetServerCatalogCache, setSmsClient } from '../../../lib/sms/handler';
import { ownershipMarker } from '../../../lib/sms/handler/ownership';

/** Shared fixtures of the handler tests: events, SMS errors, catalog servers, captured logs. */

export const STACK_ID = 'arn:aws:cloudformation:us-west-2:123456789012:stack/Migration/0d8f1a20-5c1e-11ef-9a3c-0a1b2c3d4e5f';
export const LOGICAL_ID = 'Web01Job';
/** A presigned URL with a signature: must never appear in a log. */
export const RESPONSE_URL = 'https://cloudformation-custom-resource-response-uswest2.s3.amazonaws.com/arn%3Aaws?X-Amz-Signature=SECRETSIGNATURE0123';
export const SERVICE_TOKEN = 'arn:aws:lambda:us-west-2:123456789012:function:Provider-framework-onEvent';
/** The marker of the resource the events below describe. */
export const MARKER = ownershipMarker(STACK_ID, LOGICAL_ID);

/** Interval-job properties for VM web-01, looked up by name. */
export function vmProps(overrides: Record<string, string | undefined> = {}): Record<string, string> {
  const props: Record<string, string | undefined> = {
    ServiceToken: SERVICE_TOKEN,
    [Props.VM_NAME]: 'web-01',
    [Props.DISPLAY_NAME]: 'web-01',
    [Props.RUN_ONCE]: 'false',
    [Props.FREQUENCY_HOURS]: '12',
    [Props.DESCRIPTION]: 'web tier',
    [Props.REMOVAL_POLICY]: 'destroy',
    ...overrides,
  };
  return Object.fromEntries(Object.entries(props).filter((e): e is [string, string] => e[1] !== undefined));
}

/** A request as the Provider framework sends it to onEvent. */
export function resourceEvent(type: RequestType, props: Record<string, string>, extra: Partial<ResourceEvent> = {}): ResourceEvent {
  return {
    RequestType: type,
    LogicalResourceId: LOGICAL_ID,
    StackId: STACK_ID,
    RequestId: 'c2f5a6a0-0000-4000-8000-000000000001',
    ResourceType: 'Custom::SmsReplicationJob',
    ResponseURL: RESPONSE_URL,
    ServiceToken: SERVICE_TOKEN,
    ResourceProperties: props,
    ...extra,
  };
}

/** A request as the framework sends it to isComplete: the request merged with onEvent's answer. */
export function completionEvent(type: RequestType, jobId: string, extra: Partial<CompletionEvent> = {}): CompletionEvent {
  return {
    ...resourceEvent(type, vmProps()),
    PhysicalResourceId: jobId,
    Data: { ReplicationJobId: jobId, ServerId: 's-0000000a' },
    CdkSmsStartedAt: Date.now(),
    ...extra,
  };
}

/** A Lambda context with `ms` left. */
export function contextWith(ms: number): LambdaContext {
  const end = Date.now() + ms;
  return { getRemainingTimeInMillis: () => end - Date.now() };
}

/** An error as the SDK throws it for an SMS answer. */
export function smsError(name: string, httpStatusCode: number, message = `${name} from the test`): Error {
  return new SMSServiceException({ name, $fault: httpStatusCode >= 500 ? 'server' : 'client', message, $metadata: { httpStatusCode } });
}

/** An error as Node's HTTP stack throws it when the connection breaks. */
export function networkError(code: string, message = code): Error {
  return Object.assign(new Error(message), { code });
}

/** A catalog server. */
export function server(serverId: string, vmName: string, vmManagerName = 'vc-01.example.com', vmPath = `/dc1/vm/${vmName}`,
  vmId = `vm-${serverId.slice(2)}`): Server {
  return {
    serverId,
    serverType: 'VIRTUAL_MACHINE',
    vmServer: { vmName, vmManagerName, vmPath, vmManagerType: 'VSPHERE', vmServerAddress: { vmManagerId: `mgr-${vmManagerName}`, vmId } },
  };
}

/** A job as GetReplicationJobs returns it. */
export function job(replicationJobId: string, serverId: string, state: string, description = `web tier ${MARKER}`,
  extra: Partial<ReplicationJob> = {}): ReplicationJob {
  return { replicationJobId, serverId, state: state as ReplicationJob['state'], description, ...extra };
}

/** Console output captured during a test. */
export interface CapturedLogs {
  readonly lines: string[];
  /** Every line parsed as JSON. */
  records(): Array<Record<string, unknown>>;
  restore(): void;
}

/** Captures console.log / console.error (the handler's only outputs). */
export function captureLogs(): CapturedLogs {
  const lines: string[] = [];
  const log = jest.spyOn(console, 'log').mockImplementation((...args: unknown[]) => { lines.push(args.map(String).join(' ')); });
  const error = jest.spyOn(console, 'error').mockImplementation((...args: unknown[]) => { lines.push(args.map(String).join(' ')); });
  return {
    lines,
    records: () => lines.map((l) => JSON.parse(l) as Record<string, unknown>),
    restore: () => { log.mockRestore(); error.mockRestore(); },
  };
}

/** The SMS mock with tiny retry delays; call in each test file's top level. */
export function setUpSmsMock(): { sms: AwsClientStub<SMSClient>; logs: () => CapturedLogs } {
  const sms = mockClient(SMSClient);
  let logs: CapturedLogs | undefined;
  beforeEach(() => {
    sms.reset();
    setSmsClient();
    resetServerCatalogCache();
    process.env.CDK_SMS_RETRY_BASE_MS = '1';
    process.env.CDK_SMS_RETRY_MAX_MS = '4';
    process.env.CDK_SMS_RETRY_BUDGET_MS = '2000';
    delete process.env.CDK_SMS_NOT_FOUND_GRACE_MS;
    logs = captureLogs();
  });
  afterEach(() => logs?.restore());
  afterAll(() => {
    sms.restore();
    for (const name of ['CDK_SMS_RETRY_BASE_MS', 'CDK_SMS_RETRY_MAX_MS', 'CDK_SMS_RETRY_BUDGET_MS', 'CDK_SMS_NOT_FOUND_GRACE_MS']) {
      delete process.env[name];
    }
  });
  return { sms, logs: () => logs as CapturedLogs };
}

/** The names of the commands sent, in order. */
export function commandNames(sms: AwsClientStub<SMSClient>): string[] {
  return sms.calls().map((c) => (c.args[0] as object).constructor.name);
}

/** A regex matching `template` exactly, where each `<n>` stands for a number (`12`, `0.4`). */
export function sentence(template: string): RegExp {
  const escaped = template.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/<n>/g, '[\\d.]+');
  return new RegExp(`^${escaped}$`);
}
