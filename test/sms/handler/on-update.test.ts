import {
  CreateReplicationJobCommand, DeleteReplicationJobCommand, GetReplicationJobsCommand, GetServersCommand,
  ReplicationJobAlreadyExistsException, ReplicationJobNotFoundException, UpdateReplicationJobCommand,
} from '@aws-sdk/client-sms';
import { Props } from '../../../lib/sms/handler/api';
import { onEvent } from '../../../lib/sms/handler';
import { MARKER, commandNames, job, resourceEvent, sentence, server, setUpSmsMock, vmProps } from './helpers';

const { sms, logs } = setUpSmsMock();

const OLD_JOB = 'sms-job-0000000a';

function update(props: Record<string, string>, oldProps: Record<string, string> = vmProps()) {
  return resourceEvent('Update', props, { PhysicalResourceId: OLD_JOB, OldResourceProperties: oldProps });
}

function alreadyExists(): Error {
  return new ReplicationJobAlreadyExistsException({ message: 'server s-0000000a already has a replication job', $metadata: {} });
}

beforeEach(() => {
  sms.on(GetServersCommand).resolves({ serverList: [server('s-0000000a', 'web-01'), server('s-0000000b', 'web-02')] });
  sms.on(GetReplicationJobsCommand, { replicationJobId: OLD_JOB }).resolves({ replicationJobList: [job(OLD_JOB, 's-0000000a', 'ACTIVE')] });
});

describe('Update in place', () => {
  test('sends every setting SMS can change and keeps the physical id', async () => {
    // GIVEN
    const props = vmProps({
      [Props.FREQUENCY_HOURS]: '6', [Props.LICENSE_TYPE]: 'AWS', [Props.ROLE_NAME]: 'sms-role', [Props.DESCRIPTION]: 'web tier, 6 h',
      [Props.NUMBER_OF_RECENT_AMIS_TO_KEEP]: '5', [Props.ENCRYPTED]: 'true', [Props.KMS_KEY_ID]: 'alias/sms',
    });

    // WHEN
    const result = await onEvent(update(props));

    // THEN
    expect(result.PhysicalResourceId).toBe(OLD_JOB);
    expect(result.Data).toEqual({ ReplicationJobId: OLD_JOB, ServerId: 's-0000000a' });
    expect(sms.commandCalls(UpdateReplicationJobCommand)[0].args[0].input).toEqual({
      replicationJobId: OLD_JOB, frequency: 6, licenseType: 'AWS', roleName: 'sms-role', description: `web tier, 6 h ${MARKER}`,
      numberOfRecentAmisToKeep: 5, encrypted: true, kmsKeyId: 'alias/sms',
    });
    expect(sms.commandCalls(CreateReplicationJobCommand)).toHaveLength(0);
    expect(sms.commandCalls(DeleteReplicationJobCommand)).toHaveLength(0);
  });

  test('skips the SMS call when only properties SMS does not hold changed', async () => {
    // WHEN
    await onEvent(update(vmProps({ [Props.REMOVAL_POLICY]: 'retain', [Props.DISPLAY_NAME]: 'web-01 (frontend)' })));

    // THEN
    expect(sms.commandCalls(UpdateReplicationJobCommand)).toHaveLength(0);
    expect(logs().records()).toContainEqual(expect.objectContaining({ step: 'update-job', outcome: 'unchanged' }));
  });

  test('moves the schedule when the SeedTime moves into the future', async () => {
    // GIVEN
    const future = new Date(Date.now() + 3 * 86_400_000);
    future.setUTCMilliseconds(0);

    // WHEN
    await onEvent(update(vmProps({ [Props.SEED_TIME]: future.toISOString() })));

    // THEN
    expect(sms.commandCalls(UpdateReplicationJobCommand)[0].args[0].input.nextReplicationRunStartTime).toEqual(future);
  });

  test('ignores a SeedTime moved into the past, with a warning', async () => {
    // WHEN
    await onEvent(update(vmProps({ [Props.SEED_TIME]: '2020-01-01T00:00:00Z' })));

    // THEN
    expect(sms.commandCalls(UpdateReplicationJobCommand)).toHaveLength(0);
    expect(logs().records()).toContainEqual(expect.objectContaining({ level: 'warn', step: 'update-job', seedTime: 'ignored-not-in-future' }));
  });

  test('resets what it can when properties are removed and keeps the license type it cannot unset', async () => {
    // GIVEN
    const old = vmProps({ [Props.LICENSE_TYPE]: 'BYOL', [Props.NUMBER_OF_RECENT_AMIS_TO_KEEP]: '3', [Props.ENCRYPTED]: 'true' });

    // WHEN
    await onEvent(update(vmProps(), old));

    // THEN
    const input = sms.commandCalls(UpdateReplicationJobCommand)[0].args[0].input;
    expect(input).toEqual({
      replicationJobId: OLD_JOB, frequency: 12, description: `web tier ${MARKER}`, numberOfRecentAmisToKeep: 0, encrypted: false,
    });
    expect(logs().records()).toContainEqual(expect.objectContaining({ level: 'warn', kept: ['LicenseType'] }));
  });

  test('sends no frequency for a one-time job', async () => {
    // GIVEN
    const once = vmProps({ [Props.RUN_ONCE]: 'true', [Props.FREQUENCY_HOURS]: undefined });

    // WHEN
    await onEvent(update({ ...once, [Props.DESCRIPTION]: 'cut-over' }, once));

    // THEN
    expect(sms.commandCalls(UpdateReplicationJobCommand)[0].args[0].input).not.toHaveProperty('frequency');
  });

  test('fails with SMS\'s reason when the update is refused', async () => {
    // GIVEN
    sms.on(UpdateReplicationJobCommand).rejects(
      new ReplicationJobNotFoundException({ message: 'sms-job-0000000a is being deleted', $metadata: { httpStatusCode: 404 } }));

    // WHEN / THEN
    await expect(onEvent(update(vmProps({ [Props.FREQUENCY_HOURS]: '6' })))).rejects.toThrow(
      'UpdateReplicationJob for VM "web-01" (server s-0000000a) failed: ReplicationJobNotFoundException: sms-job-0000000a is being deleted');
  });

  test('keeps a COMPLETED job as it is: SMS no longer updates it, and the rollback would fail the same way', async () => {
    // GIVEN a one-time job whose migration ran
    const once = vmProps({ [Props.RUN_ONCE]: 'true', [Props.FREQUENCY_HOURS]: undefined });
    sms.on(GetReplicationJobsCommand, { replicationJobId: OLD_JOB }).resolves({ replicationJobList: [job(OLD_JOB, 's-0000000a', 'COMPLETED')] });

    // WHEN
    const result = await onEvent(update({ ...once, [Props.DESCRIPTION]: 'cut-over done' }, once));

    // THEN
    expect(result.PhysicalResourceId).toBe(OLD_JOB);
    expect(sms.commandCalls(UpdateReplicationJobCommand)).toHaveLength(0);
    expect(sms.commandCalls(CreateReplicationJobCommand)).toHaveLength(0);
    expect(logs().records()).toContainEqual(expect.objectContaining({
      level: 'warn', step: 'update-job', outcome: 'unchanged', reason: 'job COMPLETED: SMS no longer updates it',
    }));
  });
});

describe('Update with replacement', () => {
  test('creates a job on the new server and leaves the old one for CloudFormation to delete', async () => {
    // GIVEN
    sms.on(CreateReplicationJobCommand).resolves({ replicationJobId: 'sms-job-0000000b' });

    // WHEN
    const result = await onEvent(update(vmProps({ [Props.VM_NAME]: 'web-02', [Props.DISPLAY_NAME]: 'web-02' })));

    // THEN
    expect(result.PhysicalResourceId).toBe('sms-job-0000000b');
    expect(result.Data).toEqual({ ReplicationJobId: 'sms-job-0000000b', ServerId: 's-0000000b' });
    expect(sms.commandCalls(CreateReplicationJobCommand)[0].args[0].input.serverId).toBe('s-0000000b');
    expect(sms.commandCalls(DeleteReplicationJobCommand)).toHaveLength(0);
    expect(sms.commandCalls(UpdateReplicationJobCommand)).toHaveLength(0);
  });

  test('on the same server (RunOnce changed), deletes the old job first and creates once SMS lets go of the server', async () => {
    // GIVEN: SMS holds the server for the old job for two more attempts
    sms.on(DeleteReplicationJobCommand).resolves({});
    sms.on(CreateReplicationJobCommand)
      .rejectsOnce(alreadyExists())
      .rejectsOnce(alreadyExists())
      .resolves({ replicationJobId: 'sms-job-0000000c' });
    const listings = [[job(OLD_JOB, 's-0000000a', 'ACTIVE')], [job(OLD_JOB, 's-0000000a', 'DELETING')]];
    sms.on(GetReplicationJobsCommand).callsFake((input: { replicationJobId?: string }) => input.replicationJobId === OLD_JOB
      ? { replicationJobList: [job(OLD_JOB, 's-0000000a', 'ACTIVE')] }
      : { replicationJobList: listings.shift() });
    const once = vmProps({ [Props.RUN_ONCE]: 'true', [Props.FREQUENCY_HOURS]: undefined });

    // WHEN
    const result = await onEvent(update(once));

    // THEN
    expect(result.PhysicalResourceId).toBe('sms-job-0000000c');
    expect(commandNames(sms)).toEqual([
      'GetServersCommand',
      'GetReplicationJobsCommand',
      'DeleteReplicationJobCommand',
      'CreateReplicationJobCommand',
      'GetReplicationJobsCommand',
      'CreateReplicationJobCommand',
      'GetReplicationJobsCommand',
      'CreateReplicationJobCommand',
    ]);
    expect(sms.commandCalls(DeleteReplicationJobCommand)[0].args[0].input).toEqual({ replicationJobId: OLD_JOB });
    expect(sms.commandCalls(CreateReplicationJobCommand)[2].args[0].input).toMatchObject({ serverId: 's-0000000a', runOnce: true });
    expect(sms.commandCalls(CreateReplicationJobCommand)[2].args[0].input).not.toHaveProperty('frequency');
  });

  test('on the same server, fails at the deadline when the old job never lets go of the server', async () => {
    // GIVEN
    process.env.CDK_SMS_RETRY_BUDGET_MS = '40';
    sms.on(DeleteReplicationJobCommand).resolves({});
    sms.on(CreateReplicationJobCommand).rejects(alreadyExists());
    sms.on(GetReplicationJobsCommand, { nextToken: undefined }).resolves({ replicationJobList: [job(OLD_JOB, 's-0000000a', 'DELETING')] });

    // WHEN / THEN
    await expect(onEvent(update(vmProps({ [Props.RUN_ONCE]: 'true', [Props.FREQUENCY_HOURS]: undefined })))).rejects.toThrow(
      sentence('server s-0000000a (VM "web-01") still has replication job sms-job-0000000a (DELETING) after <n> s of waiting for it '
        + 'to be deleted; deploy again later'));
  });

  test('adopts this resource\'s own job on the new server (a rollback returning to the previous job)', async () => {
    // GIVEN: the resource moves back to s-0000000b, whose job of this resource CloudFormation has not deleted
    sms.on(CreateReplicationJobCommand).rejects(alreadyExists());
    sms.on(GetReplicationJobsCommand, { nextToken: undefined }).resolves({
      replicationJobList: [job(OLD_JOB, 's-0000000a', 'ACTIVE'), job('sms-job-0000000b', 's-0000000b', 'ACTIVE')],
    });

    // WHEN
    const result = await onEvent(update(vmProps({ [Props.VM_NAME]: 'web-02', [Props.DISPLAY_NAME]: 'web-02' })));

    // THEN
    expect(result.PhysicalResourceId).toBe('sms-job-0000000b');
  });

  test('creates a new job when the old one was deleted outside CloudFormation', async () => {
    // GIVEN
    sms.on(GetReplicationJobsCommand, { replicationJobId: OLD_JOB })
      .rejects(new ReplicationJobNotFoundException({ message: 'no such job', $metadata: { httpStatusCode: 404 } }));
    sms.on(CreateReplicationJobCommand).resolves({ replicationJobId: 'sms-job-0000000d' });

    // WHEN
    const result = await onEvent(update(vmProps({ [Props.FREQUENCY_HOURS]: '6' })));

    // THEN
    expect(result.PhysicalResourceId).toBe('sms-job-0000000d');
    expect(sms.commandCalls(UpdateReplicationJobCommand)).toHaveLength(0);
    expect(logs().records()).toContainEqual(expect.objectContaining({ level: 'warn', step: 'create-job', reason: 'job missing' }));
  });

  test('creates a new job, once SMS lets go of the server, when the old one is being deleted outside CloudFormation', async () => {
    // GIVEN
    sms.on(GetReplicationJobsCommand).callsFake((input: { replicationJobId?: string }) => ({
      replicationJobList: input.replicationJobId === OLD_JOB || input.replicationJobId === undefined
        ? [job(OLD_JOB, 's-0000000a', 'DELETING')] : [],
    }));
    sms.on(CreateReplicationJobCommand).rejectsOnce(alreadyExists()).resolves({ replicationJobId: 'sms-job-0000000e' });

    // WHEN
    const result = await onEvent(update(vmProps({ [Props.FREQUENCY_HOURS]: '6' })));

    // THEN
    expect(result.PhysicalResourceId).toBe('sms-job-0000000e');
    expect(commandNames(sms)).toEqual([
      'GetServersCommand', 'GetReplicationJobsCommand', 'CreateReplicationJobCommand', 'GetReplicationJobsCommand', 'CreateReplicationJobCommand',
    ]);
  });

  test('the Delete CloudFormation then sends for the replaced id succeeds, the job being gone', async () => {
    // GIVEN
    sms.on(DeleteReplicationJobCommand).rejects(
      new ReplicationJobNotFoundException({ message: 'no such job', $metadata: { httpStatusCode: 404 } }));

    // WHEN
    const result = await onEvent(resourceEvent('Delete', vmProps(), { PhysicalResourceId: OLD_JOB }));

    // THEN
    expect(result).toEqual({ PhysicalResourceId: OLD_JOB });
  });
});
