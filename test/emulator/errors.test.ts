import * as sdk from '@aws-sdk/client-sms';
import {
  CreateReplicationJobCommand, GetReplicationJobsCommand, GetReplicationRunsCommand, GetServersCommand, SMSClient,
  StartOnDemandReplicationRunCommand,
} from '@aws-sdk/client-sms';
import { SmsEmulator } from '../support/sms-emulator';
import { byolServers, caught, hoursFromNow, rawCall, smsClient, statusOf, target } from './helpers';

let emu: SmsEmulator;
let sms: SMSClient;

beforeAll(async () => {
  emu = await SmsEmulator.start({ seed: 11 });
  sms = smsClient(emu);
});
beforeEach(() => emu.reset());
afterAll(async () => {
  sms.destroy();
  await emu.stop();
});

async function createJob(serverId = byolServers(emu)[0]): Promise<string> {
  const out = await sms.send(new CreateReplicationJobCommand({ serverId, seedReplicationTime: hoursFromNow(48), frequency: 12 }));
  return out.replicationJobId!;
}

async function activeJob(): Promise<string> {
  const id = await createJob();
  await sms.send(new GetReplicationJobsCommand({ replicationJobId: id }));
  await sms.send(new GetReplicationJobsCommand({ replicationJobId: id }));
  return id;
}

/** Each case provokes one error through the real client (maxAttempts 1). */
const CASES: Array<[string, number, 'client' | 'server', () => Promise<unknown>]> = [
  ['ReplicationJobAlreadyExistsException', 400, 'client', async () => {
    const serverId = byolServers(emu)[0];
    await createJob(serverId);
    return createJob(serverId);
  }],
  ['ReplicationJobNotFoundException', 404, 'client', () => sms.send(new GetReplicationJobsCommand({ replicationJobId: 'sms-job-deadbeef' }))],
  ['ReplicationRunLimitExceededException', 429, 'client', async () => {
    const id = await activeJob();
    for (let i = 0; i < 2; i++) {
      await sms.send(new StartOnDemandReplicationRunCommand({ replicationJobId: id }));
      emu.clock.advance(2 * 3_600_000);
    }
    return sms.send(new StartOnDemandReplicationRunCommand({ replicationJobId: id }));
  }],
  ['NoConnectorsAvailableException', 430, 'client', () => {
    for (const c of emu.state.connectors) {
      emu.control.setConnectorStatus(c.connectorId, 'UNHEALTHY');
    }
    return createJob();
  }],
  ['ServerCannotBeReplicatedException', 400, 'client', () => {
    const serverId = byolServers(emu)[0];
    emu.control.markServerUnreplicable(serverId, 'VM has an independent disk');
    return createJob(serverId);
  }],
  ['OperationNotPermittedException', 403, 'client', async () => {
    const id = await createJob();
    return sms.send(new StartOnDemandReplicationRunCommand({ replicationJobId: id }));
  }],
  ['InvalidParameterException', 400, 'client', () => sms.send(new GetServersCommand({ nextToken: 'not-a-token' }))],
  ['MissingRequiredParameterException', 400, 'client', () => sms.send(new GetReplicationRunsCommand({ replicationJobId: undefined }))],
  ['InternalError', 500, 'server', () => {
    emu.faults.add({ kind: 'internal', operations: ['GetServers'] });
    return sms.send(new GetServersCommand({}));
  }],
  ['TemporarilyUnavailableException', 503, 'server', () => {
    emu.faults.add({ kind: 'unavailable', operations: ['CreateReplicationJob'] });
    return createJob();
  }],
];

describe('error deserialization by the real SDK', () => {
  test.each(CASES)('%s arrives as its SDK class with HTTP %i', async (name, status, fault, provoke) => {
    // WHEN
    const err = await caught(provoke);
    // THEN
    const cls = (sdk as unknown as Record<string, new (...args: never[]) => Error>)[name];
    expect(err).toBeInstanceOf(cls);
    expect(err.name).toBe(name);
    expect(err.$fault).toBe(fault);
    expect(statusOf(err)).toBe(status);
    expect(typeof err.message).toBe('string');
    expect((err.$metadata as { requestId?: string }).requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(emu.stats.snapshot().errors[name]).toBe(1);
  });

  test('errors the model does not define arrive as SMSServiceException with the code as name', async () => {
    // GIVEN
    emu.faults.add({ kind: 'throttle', operations: ['GetServers'], count: 1 });
    emu.faults.add({ kind: 'unavailable', operations: ['GetServers'], count: 1 });
    // WHEN
    const throttled = await caught(() => sms.send(new GetServersCommand({})));
    const unavailable = await caught(() => sms.send(new GetServersCommand({})));
    // THEN
    expect(throttled).toBeInstanceOf(sdk.SMSServiceException);
    expect([throttled.name, statusOf(throttled), throttled.$fault]).toEqual(['ThrottlingException', 400, 'client']);
    // The SDK's default error path marks every unmodelled error $fault 'client', even a 503.
    expect([unavailable.name, statusOf(unavailable), unavailable.$fault]).toEqual(['ServiceUnavailableException', 503, 'client']);
  });

  test('an error answer carries __type, message and x-amzn-ErrorType', async () => {
    // WHEN
    const reply = await rawCall(emu, target('DeleteReplicationJob'), JSON.stringify({ replicationJobId: 'sms-job-deadbeef' }));
    // THEN
    expect(reply.status).toBe(404);
    expect(reply.headers.get('x-amzn-errortype')).toBe('ReplicationJobNotFoundException');
    expect(reply.body).toEqual({ __type: 'ReplicationJobNotFoundException', message: 'replicationJobId sms-job-deadbeef does not exist' });
  });
});

describe('unknown job ids on reads', () => {
  test('GetReplicationJobs and GetReplicationRuns answer empty with unknownJobOnRead "empty"', async () => {
    // GIVEN
    const lenient = await SmsEmulator.start({ unknownJobOnRead: 'empty' });
    const client = smsClient(lenient);
    try {
      // WHEN
      const jobs = await client.send(new GetReplicationJobsCommand({ replicationJobId: 'sms-job-deadbeef' }));
      const runs = await client.send(new GetReplicationRunsCommand({ replicationJobId: 'sms-job-deadbeef' }));
      // THEN
      expect(jobs.replicationJobList).toEqual([]);
      expect(runs.replicationJob).toBeUndefined();
      expect(runs.replicationRunList).toEqual([]);
    } finally {
      client.destroy();
      await lenient.stop();
    }
  });

  test('StartOnDemandReplicationRun answers InvalidParameterException for an unknown job (the model has no not-found error for it)', async () => {
    // WHEN
    const err = await caught(() => sms.send(new StartOnDemandReplicationRunCommand({ replicationJobId: 'sms-job-deadbeef' })));
    // THEN
    expect(err.name).toBe('InvalidParameterException');
  });
});
