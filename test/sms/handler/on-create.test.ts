import {
  CreateReplicationJobCommand, GetReplicationJobsCommand, GetServersCommand, ReplicationJobAlreadyExistsException,
} from '@aws-sdk/client-sms';
import { Data, Props } from '../../../lib/sms/handler/api';
import { onEvent } from '../../../lib/sms/handler';
import { ownershipMarker } from '../../../lib/sms/handler/ownership';
import { LOGICAL_ID, MARKER, STACK_ID, job, resourceEvent, sentence, server, setUpSmsMock, smsError, vmProps } from './helpers';

const { sms, logs } = setUpSmsMock();

function alreadyExists(): Error {
  return new ReplicationJobAlreadyExistsException({ message: 'server s-0000000a already has replication job', $metadata: {} });
}

describe('Create', () => {
  test('creates an interval job for a VM found by name, with the marker and SMS defaults left out', async () => {
    // GIVEN
    sms.on(GetServersCommand).resolves({ serverList: [server('s-0000000a', 'web-01'), server('s-0000000b', 'web-02')] });
    sms.on(CreateReplicationJobCommand).resolves({ replicationJobId: 'sms-job-0000000a' });
    const before = Date.now();

    // WHEN
    const result = await onEvent(resourceEvent('Create', vmProps()));

    // THEN
    expect(result.PhysicalResourceId).toBe('sms-job-0000000a');
    expect(result.Data).toEqual({ [Data.REPLICATION_JOB_ID]: 'sms-job-0000000a', [Data.SERVER_ID]: 's-0000000a' });
    const input = sms.commandCalls(CreateReplicationJobCommand)[0].args[0].input;
    expect(input).toEqual({
      serverId: 's-0000000a',
      seedReplicationTime: expect.any(Date),
      frequency: 12,
      description: `web tier ${MARKER}`,
    });
    // SeedTime absent means "when created": now.
    expect(input.seedReplicationTime!.getTime()).toBeGreaterThanOrEqual(before);
    expect(input.seedReplicationTime!.getTime()).toBeLessThanOrEqual(Date.now());
    expect(Object.keys(input)).not.toContain('licenseType');
    expect(logs().records()).toContainEqual(expect.objectContaining({ step: 'create-job', outcome: 'created', retries: 0 }));
  });

  test('sends every property, converted from strings, and skips the catalog when the ServerId is given', async () => {
    // GIVEN
    sms.on(CreateReplicationJobCommand).resolves({ replicationJobId: 'sms-job-0000000c' });
    const props = vmProps({
      [Props.SERVER_ID]: 's-0000000c', [Props.VM_NAME]: undefined, [Props.RUN_ONCE]: 'true', [Props.FREQUENCY_HOURS]: undefined,
      [Props.SEED_TIME]: '2030-05-01T08:00:00+02:00', [Props.LICENSE_TYPE]: 'BYOL', [Props.NUMBER_OF_RECENT_AMIS_TO_KEEP]: '3',
      [Props.ENCRYPTED]: 'true', [Props.KMS_KEY_ID]: 'arn:aws:kms:us-west-2:123456789012:key/1234', [Props.ROLE_NAME]: 'sms',
      [Props.DESCRIPTION]: undefined,
    });

    // WHEN
    await onEvent(resourceEvent('Create', props));

    // THEN
    expect(sms.commandCalls(GetServersCommand)).toHaveLength(0);
    expect(sms.commandCalls(CreateReplicationJobCommand)[0].args[0].input).toEqual({
      serverId: 's-0000000c',
      seedReplicationTime: new Date('2030-05-01T06:00:00Z'),
      runOnce: true,
      licenseType: 'BYOL',
      roleName: 'sms',
      description: MARKER,
      numberOfRecentAmisToKeep: 3,
      encrypted: true,
      kmsKeyId: 'arn:aws:kms:us-west-2:123456789012:key/1234',
    });
  });

  test('adopts the job holding the server when it carries this resource\'s marker (an earlier attempt made it)', async () => {
    // GIVEN: the first CreateReplicationJob answer was lost; SMS made the job
    sms.on(GetServersCommand).resolves({ serverList: [server('s-0000000a', 'web-01')] });
    sms.on(CreateReplicationJobCommand).rejects(alreadyExists());
    sms.on(GetReplicationJobsCommand)
      .resolvesOnce({ replicationJobList: [job('sms-job-00000001', 's-00000001', 'ACTIVE', 'other')], nextToken: 'p2' })
      .resolvesOnce({ replicationJobList: [job('sms-job-0000000a', 's-0000000a', 'PENDING')] });

    // WHEN
    const result = await onEvent(resourceEvent('Create', vmProps()));

    // THEN: found on the second page
    expect(result.PhysicalResourceId).toBe('sms-job-0000000a');
    expect(sms.commandCalls(GetReplicationJobsCommand).map((c) => c.args[0].input.nextToken)).toEqual([undefined, 'p2']);
    expect(logs().records()).toContainEqual(expect.objectContaining({ step: 'create-job', outcome: 'adopted' }));
  });

  test('fails when the job holding the server does not carry this resource\'s marker', async () => {
    // GIVEN
    sms.on(GetServersCommand).resolves({ serverList: [server('s-0000000a', 'web-01')] });
    sms.on(CreateReplicationJobCommand).rejects(alreadyExists());
    sms.on(GetReplicationJobsCommand).resolves({
      replicationJobList: [job('sms-job-0000beef', 's-0000000a', 'ACTIVE', `made by hand ${ownershipMarker(STACK_ID, 'OtherJob')}`)],
    });

    // WHEN / THEN
    await expect(onEvent(resourceEvent('Create', vmProps()))).rejects.toThrow(
      'server s-0000000a (VM "web-01") already has replication job sms-job-0000beef that this stack does not own: delete it or import it');
    expect(sms.commandCalls(CreateReplicationJobCommand)).toHaveLength(1);
  });

  test('waits while the server is still held by a job being deleted, then creates', async () => {
    // GIVEN
    sms.on(CreateReplicationJobCommand)
      .rejectsOnce(alreadyExists())
      .rejectsOnce(alreadyExists())
      .resolves({ replicationJobId: 'sms-job-0000000f' });
    sms.on(GetReplicationJobsCommand)
      .resolvesOnce({ replicationJobList: [job('sms-job-00000dead', 's-0000000a', 'DELETING', 'not ours')] })
      .resolvesOnce({ replicationJobList: [] });

    // WHEN
    const result = await onEvent(resourceEvent('Create', vmProps({ [Props.SERVER_ID]: 's-0000000a' })));

    // THEN
    expect(result.PhysicalResourceId).toBe('sms-job-0000000f');
    expect(sms.commandCalls(CreateReplicationJobCommand)).toHaveLength(3);
    expect(logs().records()).toContainEqual(expect.objectContaining({ step: 'create-job', waits: 2 }));
  });

  test('fails when SMS keeps refusing for a server whose job never goes away', async () => {
    // GIVEN
    process.env.CDK_SMS_RETRY_BUDGET_MS = '30';
    sms.on(CreateReplicationJobCommand).rejects(alreadyExists());
    sms.on(GetReplicationJobsCommand).resolves({ replicationJobList: [] });

    // WHEN / THEN
    await expect(onEvent(resourceEvent('Create', vmProps({ [Props.SERVER_ID]: 's-0000000a' })))).rejects.toThrow(
      sentence('server s-0000000a (VM "web-01") still had a replication job according to SMS after <n> s of waiting, but none is '
        + 'listed for it; deploy again later'));
  });

  test('fails with one sentence naming the VM, the server, the operation and what SMS said', async () => {
    // GIVEN
    sms.on(GetServersCommand).resolves({ serverList: [server('s-0000000a', 'web-01')] });
    sms.on(CreateReplicationJobCommand).rejects(smsError('InvalidParameterException', 400, 'frequency 12 is not allowed here'));

    // WHEN
    const error = await onEvent(resourceEvent('Create', vmProps())).catch((e: Error) => e);

    // THEN
    expect((error as Error).message).toBe(
      'CreateReplicationJob for VM "web-01" (server s-0000000a) failed: InvalidParameterException: frequency 12 is not allowed here');
    expect((error as Error).name).toBe('HandlerError');
    expect(sms.commandCalls(CreateReplicationJobCommand)).toHaveLength(1);
  });

  test('fails when SMS answers without a job id', async () => {
    // GIVEN
    sms.on(CreateReplicationJobCommand).resolves({});

    // WHEN / THEN
    await expect(onEvent(resourceEvent('Create', vmProps({ [Props.SERVER_ID]: 's-0000000a' })))).rejects.toThrow(
      'CreateReplicationJob for VM "web-01" (server s-0000000a) failed: SMS answered without a replicationJobId');
  });

  test('fails on invalid properties before calling SMS', async () => {
    // WHEN / THEN
    await expect(onEvent(resourceEvent('Create', vmProps({ [Props.FREQUENCY_HOURS]: '0' })))).rejects.toThrow(
      'invalid properties for VM "web-01": FrequencyHours "0" is not allowed, use a whole number from 1 to 24 (hours between runs)');
    expect(sms.calls()).toHaveLength(0);
  });

  test('fails on an unknown RequestType', async () => {
    // WHEN / THEN
    const event = { ...resourceEvent('Create', vmProps()), RequestType: 'Upsert' } as unknown as Parameters<typeof onEvent>[0];
    await expect(onEvent(event)).rejects.toThrow('RequestType "Upsert" is not allowed, use Create, Update or Delete');
  });
});

describe('ownership marker', () => {
  test('is stable for one resource and differs between resources and stacks', () => {
    expect(ownershipMarker(STACK_ID, LOGICAL_ID)).toBe(MARKER);
    expect(MARKER).toMatch(/^\[cdk-sms:[0-9a-f]{16}\]$/);
    expect(ownershipMarker(STACK_ID, 'Web02Job')).not.toBe(MARKER);
    expect(ownershipMarker(STACK_ID.replace('0d8f1a20', '11111111'), LOGICAL_ID)).not.toBe(MARKER);
  });
});
