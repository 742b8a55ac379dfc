import {
  DeleteReplicationJobCommand, GetReplicationJobsCommand, OperationNotPermittedException, ReplicationJobNotFoundException,
} from '@aws-sdk/client-sms';
import { Props } from '../../../lib/sms/handler/api';
import { onEvent } from '../../../lib/sms/handler';
import { job, resourceEvent, setUpSmsMock, smsError, vmProps } from './helpers';

const { sms, logs } = setUpSmsMock();

const JOB = 'sms-job-0000000a';

function del(props: Record<string, string> = vmProps(), physicalId = JOB) {
  return resourceEvent('Delete', props, { PhysicalResourceId: physicalId });
}

describe('Delete', () => {
  test('deletes the job and keeps the physical id', async () => {
    // GIVEN
    sms.on(DeleteReplicationJobCommand).resolves({});

    // WHEN
    const result = await onEvent(del());

    // THEN
    expect(result).toEqual({ PhysicalResourceId: JOB });
    expect(sms.commandCalls(DeleteReplicationJobCommand)[0].args[0].input).toEqual({ replicationJobId: JOB });
    expect(logs().records()).toContainEqual(expect.objectContaining({ step: 'delete-job', outcome: 'deleted' }));
  });

  test('succeeds when SMS no longer knows the job', async () => {
    // GIVEN
    sms.on(DeleteReplicationJobCommand).rejects(new ReplicationJobNotFoundException({ message: 'gone', $metadata: { httpStatusCode: 404 } }));

    // WHEN
    const result = await onEvent(del());

    // THEN
    expect(result).toEqual({ PhysicalResourceId: JOB });
    expect(logs().records()).toContainEqual(expect.objectContaining({ step: 'delete-job', outcome: 'already-gone' }));
  });

  test('leaves the job alone when the removal policy is retain', async () => {
    // WHEN
    const result = await onEvent(del(vmProps({ [Props.REMOVAL_POLICY]: 'retain' })));

    // THEN
    expect(result).toEqual({ PhysicalResourceId: JOB });
    expect(sms.calls()).toHaveLength(0);
  });

  test('deletes when the removal policy is absent (the CustomResource default is destroy)', async () => {
    // GIVEN
    sms.on(DeleteReplicationJobCommand).resolves({});

    // WHEN
    await onEvent(del(vmProps({ [Props.REMOVAL_POLICY]: undefined })));

    // THEN
    expect(sms.commandCalls(DeleteReplicationJobCommand)).toHaveLength(1);
  });

  test('keeps the job, with a warning, when the removal policy cannot be read', async () => {
    // WHEN
    await onEvent(del(vmProps({ [Props.REMOVAL_POLICY]: 'Destroy!' })));

    // THEN
    expect(sms.calls()).toHaveLength(0);
    expect(logs().records()).toContainEqual(expect.objectContaining({ level: 'warn', outcome: 'retained' }));
  });

  test.each([
    ['the framework\'s failed-create id', 'AWSCDK::CustomResourceProviderFramework::CREATE_FAILED'],
    ['a request id', 'c2f5a6a0-0000-4000-8000-000000000001'],
    ['an empty id', ''],
  ])('succeeds without calling SMS for %s', async (_what, physicalId) => {
    // WHEN
    const result = await onEvent(del(vmProps(), physicalId));

    // THEN
    expect(result).toEqual({ PhysicalResourceId: physicalId });
    expect(sms.calls()).toHaveLength(0);
  });

  test('succeeds when SMS refuses because the job is already being deleted', async () => {
    // GIVEN
    sms.on(DeleteReplicationJobCommand).rejects(new OperationNotPermittedException({ message: 'deleting', $metadata: {} }));
    sms.on(GetReplicationJobsCommand).resolves({ replicationJobList: [job(JOB, 's-0000000a', 'DELETING')] });

    // WHEN
    const result = await onEvent(del());

    // THEN
    expect(result).toEqual({ PhysicalResourceId: JOB });
    expect(logs().records()).toContainEqual(expect.objectContaining({ step: 'delete-job', outcome: 'being-deleted' }));
  });

  test('fails when SMS refuses to delete a live job', async () => {
    // GIVEN
    sms.on(DeleteReplicationJobCommand).rejects(new OperationNotPermittedException({ message: 'a run is active', $metadata: {} }));
    sms.on(GetReplicationJobsCommand).resolves({ replicationJobList: [job(JOB, 's-0000000a', 'ACTIVE')] });

    // WHEN / THEN
    await expect(onEvent(del(vmProps({ [Props.SERVER_ID]: 's-0000000a' })))).rejects.toThrow(
      'DeleteReplicationJob for VM "web-01" (server s-0000000a) failed: OperationNotPermittedException: a run is active');
  });

  test('fails with SMS\'s reason on any other error', async () => {
    // GIVEN
    sms.on(DeleteReplicationJobCommand).rejects(smsError('UnauthorizedOperationException', 403, 'not allowed to sms:DeleteReplicationJob'));

    // WHEN / THEN
    await expect(onEvent(del())).rejects.toThrow(
      'DeleteReplicationJob for VM "web-01" failed: UnauthorizedOperationException: not allowed to sms:DeleteReplicationJob');
  });
});
