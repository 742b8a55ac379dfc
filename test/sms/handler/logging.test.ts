import {
  CreateReplicationJobCommand, DeleteReplicationJobCommand, GetReplicationJobsCommand, GetServersCommand, UpdateReplicationJobCommand,
} from '@aws-sdk/client-sms';
import { Props } from '../../../lib/sms/handler/api';
import { isComplete, onEvent } from '../../../lib/sms/handler';
import {
  LOGICAL_ID, RESPONSE_URL, SERVICE_TOKEN, completionEvent, job, resourceEvent, server, setUpSmsMock, smsError, vmProps,
} from './helpers';

const { sms, logs } = setUpSmsMock();

const SECRET_KEY = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYSECRETKEY';
const SESSION_TOKEN = 'IQoJb3JpZ2luX2VjEXAMPLESESSIONTOKEN';

beforeEach(() => {
  process.env.AWS_SECRET_ACCESS_KEY = SECRET_KEY;
  process.env.AWS_SESSION_TOKEN = SESSION_TOKEN;
  sms.on(GetServersCommand).resolves({ serverList: [server('s-0000000a', 'web-01')] });
  sms.on(CreateReplicationJobCommand).rejectsOnce(smsError('ThrottlingException', 400)).resolves({ replicationJobId: 'sms-job-0000000a' });
  sms.on(UpdateReplicationJobCommand).resolves({});
  sms.on(DeleteReplicationJobCommand).resolves({});
  sms.on(GetReplicationJobsCommand).resolves({ replicationJobList: [job('sms-job-0000000a', 's-0000000a', 'ACTIVE')] });
});

afterEach(() => {
  delete process.env.AWS_SECRET_ACCESS_KEY;
  delete process.env.AWS_SESSION_TOKEN;
});

describe('logging', () => {
  test('writes one JSON line per step, without the ResponseURL, credentials or the event', async () => {
    // WHEN: every request type, and a failure
    await onEvent(resourceEvent('Create', vmProps()));
    await isComplete(completionEvent('Create', 'sms-job-0000000a'));
    await onEvent(resourceEvent('Update', vmProps({ [Props.FREQUENCY_HOURS]: '6' }),
      { PhysicalResourceId: 'sms-job-0000000a', OldResourceProperties: vmProps() }));
    await onEvent(resourceEvent('Delete', vmProps(), { PhysicalResourceId: 'sms-job-0000000a' }));
    sms.on(DeleteReplicationJobCommand).rejects(smsError('UnauthorizedOperationException', 403, 'denied'));
    const failure = await onEvent(resourceEvent('Delete', vmProps(), { PhysicalResourceId: 'sms-job-0000000a' })).catch((e: Error) => e);

    // THEN
    const output = logs().lines.join('\n');
    for (const secret of [RESPONSE_URL, 'SECRETSIGNATURE', SECRET_KEY, SESSION_TOKEN, SERVICE_TOKEN, 'ResponseURL', 'ResourceProperties',
      'OldResourceProperties', 'X-Amz-Signature']) {
      expect(output).not.toContain(secret);
    }
    expect((failure as Error).message).not.toContain(RESPONSE_URL);
    const records = logs().records();
    expect(records.map((r) => `${String(r.requestType)}:${String(r.step)}`)).toEqual([
      'Create:resolve-server', 'Create:create-job', 'Create:poll-job', 'Update:resolve-server', 'Update:update-job', 'Delete:delete-job',
      'Delete:failed',
    ]);
    for (const record of records) {
      expect(record).toEqual(expect.objectContaining({ logicalResourceId: LOGICAL_ID, retries: expect.any(Number), step: expect.any(String) }));
    }
    expect(records[1]).toEqual(expect.objectContaining({
      level: 'info', handler: 'onEvent', physicalResourceId: 'sms-job-0000000a', serverId: 's-0000000a', operation: 'CreateReplicationJob',
      retries: 1,
    }));
    expect(records[6]).toEqual(expect.objectContaining({
      level: 'error', error: 'DeleteReplicationJob for VM "web-01" failed: UnauthorizedOperationException: denied',
    }));
  });

  test('logs a property failure without the properties themselves', async () => {
    // WHEN
    await onEvent(resourceEvent('Create', vmProps({ [Props.RUN_ONCE]: 'maybe' }))).catch(() => undefined);

    // THEN
    expect(logs().records()).toEqual([expect.objectContaining({ level: 'error', step: 'failed', requestType: 'Create' })]);
    expect(logs().lines.join('\n')).not.toContain(RESPONSE_URL);
  });
});
