import { GetReplicationJobsCommand, ReplicationJobNotFoundException } from '@aws-sdk/client-sms';
import { isComplete } from '../../../lib/sms/handler';
import { completionEvent, job, sentence, setUpSmsMock } from './helpers';

const { sms, logs } = setUpSmsMock();

const JOB = 'sms-job-0000000a';

describe('isComplete', () => {
  test.each(['ACTIVE', 'COMPLETED', 'Active'])('is complete when the job is %s, with Data', async (state) => {
    // GIVEN
    sms.on(GetReplicationJobsCommand, { replicationJobId: JOB }).resolves({ replicationJobList: [job(JOB, 's-0000000a', state)] });

    // WHEN
    const result = await isComplete(completionEvent('Create', JOB));

    // THEN
    expect(result).toEqual({ IsComplete: true, Data: { ReplicationJobId: JOB, ServerId: 's-0000000a' } });
  });

  test.each(['PENDING', 'SOMETHING_NEW', undefined])('is not complete, without Data, while the job is %s', async (state) => {
    // GIVEN
    sms.on(GetReplicationJobsCommand).resolves({ replicationJobList: [job(JOB, 's-0000000a', state as string)] });

    // WHEN
    const result = await isComplete(completionEvent('Update', JOB));

    // THEN
    expect(result).toEqual({ IsComplete: false });
    expect(logs().records()).toContainEqual(expect.objectContaining({ handler: 'isComplete', step: 'poll-job', outcome: 'waiting' }));
  });

  test.each(['FAILED', 'PAUSED_ON_FAILURE', 'FAILING'])('fails with SMS\'s status message when the job is %s', async (state) => {
    // GIVEN
    sms.on(GetReplicationJobsCommand).resolves({
      replicationJobList: [job(JOB, 's-0000000a', state, 'x', { statusMessage: 'licenseType AWS is not supported for Linux' })],
    });

    // WHEN / THEN
    await expect(isComplete(completionEvent('Create', JOB))).rejects.toThrow(
      'replication job sms-job-0000000a for VM "web-01" (server s-0000000a) failed: licenseType AWS is not supported for Linux');
  });

  test('fails naming the state when SMS gives no status message', async () => {
    // GIVEN
    sms.on(GetReplicationJobsCommand).resolves({ replicationJobList: [job(JOB, 's-0000000a', 'FAILED')] });

    // WHEN / THEN
    await expect(isComplete(completionEvent('Create', JOB))).rejects.toThrow(
      'replication job sms-job-0000000a for VM "web-01" (server s-0000000a) failed: SMS reports FAILED without a status message');
  });

  test('fails when the job is being deleted', async () => {
    // GIVEN
    sms.on(GetReplicationJobsCommand).resolves({ replicationJobList: [job(JOB, 's-0000000a', 'DELETING')] });

    // WHEN / THEN
    await expect(isComplete(completionEvent('Create', JOB))).rejects.toThrow(
      'replication job sms-job-0000000a for VM "web-01" (server s-0000000a) is DELETING: it was deleted outside this stack; deploy again');
  });

  test.each([
    ['an empty list', () => sms.on(GetReplicationJobsCommand).resolves({ replicationJobList: [] })],
    ['ReplicationJobNotFoundException', () => sms.on(GetReplicationJobsCommand).rejects(
      new ReplicationJobNotFoundException({ message: 'no such job', $metadata: { httpStatusCode: 404 } }))],
  ])('keeps polling a job SMS does not list yet (%s) within the grace period', async (_what, answer) => {
    // GIVEN
    answer();

    // WHEN
    const result = await isComplete(completionEvent('Create', JOB));

    // THEN
    expect(result).toEqual({ IsComplete: false });
  });

  test('fails when SMS still does not list the job after the grace period', async () => {
    // GIVEN
    process.env.CDK_SMS_NOT_FOUND_GRACE_MS = '1000';
    sms.on(GetReplicationJobsCommand).resolves({ replicationJobList: [] });

    // WHEN / THEN
    await expect(isComplete(completionEvent('Create', JOB, { CdkSmsStartedAt: Date.now() - 5000 }))).rejects.toThrow(
      sentence('replication job sms-job-0000000a for VM "web-01" (server s-0000000a) is not in SMS <n> s after this deployment set it '
        + 'up: it was deleted outside this stack; deploy again'));
  });

  test('fails at once for a missing job when onEvent left no start time', async () => {
    // GIVEN
    sms.on(GetReplicationJobsCommand).resolves({ replicationJobList: [] });

    // WHEN / THEN
    await expect(isComplete(completionEvent('Create', JOB, { CdkSmsStartedAt: undefined }))).rejects.toThrow(/is not in SMS: it was deleted/);
  });

  test('is complete at once for Delete, without calling SMS', async () => {
    // WHEN
    const result = await isComplete(completionEvent('Delete', JOB));

    // THEN
    expect(result).toEqual({ IsComplete: true });
    expect(sms.calls()).toHaveLength(0);
  });
});
