import {
  CreateReplicationJobCommand, GetConnectorsCommand, GetReplicationJobsCommand, GetServersCommand, ReplicationJobAlreadyExistsException,
  SMSClient, StartOnDemandReplicationRunCommand,
} from '@aws-sdk/client-sms';
import { SmsEmulator } from '../support/sms-emulator';
import { byolServers, caught, isNetworkError, smsClient, statusOf } from './helpers';

let emu: SmsEmulator;
let once: SMSClient;
let retrying: SMSClient;

beforeAll(async () => {
  emu = await SmsEmulator.start({ seed: 5 });
  once = smsClient(emu);
  retrying = smsClient(emu, { maxAttempts: 3 });
});
beforeEach(() => emu.reset());
afterEach(() => expect(emu.state.diagnostics).toEqual([]));
afterAll(async () => {
  once.destroy();
  retrying.destroy();
  await emu.stop();
});

function attempts(x: { $metadata?: { attempts?: number } } | Record<string, unknown>): number | undefined {
  return (x.$metadata as { attempts?: number } | undefined)?.attempts;
}

function newJob(serverId: string): CreateReplicationJobCommand {
  return new CreateReplicationJobCommand({ serverId, seedReplicationTime: new Date(), frequency: 12 });
}

describe('throttling', () => {
  test('is retried by the SDK standard retry: 100% then 0% succeeds on the second attempt', async () => {
    // GIVEN
    emu.faults.add({ kind: 'throttle', operations: ['GetServers'], count: 1 });
    // WHEN
    const out = await retrying.send(new GetServersCommand({}));
    // THEN
    expect(attempts(out)).toBe(2);
    expect(emu.stats.snapshot()).toMatchObject({
      calls: { GetServers: 2 }, faults: { throttle: 1 }, faultsByOperation: { GetServers: { throttle: 1 } },
    });
  });

  test('surfaces ThrottlingException after maxAttempts when it never stops', async () => {
    // GIVEN
    emu.faults.add({ kind: 'throttle' });
    // WHEN
    const err = await caught(() => retrying.send(new GetServersCommand({})));
    // THEN
    expect(err.name).toBe('ThrottlingException');
    expect(attempts(err)).toBe(3);
    expect(emu.stats.callsOf('GetServers')).toBe(3);
  });

  test('surfaces raw with maxAttempts 1', async () => {
    // GIVEN
    emu.faults.add({ kind: 'throttle', count: 1 });
    // WHEN
    const err = await caught(() => once.send(new GetServersCommand({})));
    // THEN
    expect([err.name, statusOf(err), attempts(err)]).toEqual(['ThrottlingException', 400, 1]);
  });

  test('ReplicationRunLimitExceededException (HTTP 429) is retried by the SDK as throttling', async () => {
    // GIVEN a job that has used its two on-demand runs
    const { replicationJobId } = await once.send(newJob(byolServers(emu)[0]));
    await once.send(new GetReplicationJobsCommand({ replicationJobId }));
    await once.send(new GetReplicationJobsCommand({ replicationJobId }));
    for (let i = 0; i < 2; i++) {
      emu.clock.advance(2 * 3_600_000);
      await once.send(new StartOnDemandReplicationRunCommand({ replicationJobId }));
    }
    emu.clock.advance(2 * 3_600_000);
    // WHEN
    const err = await caught(() => retrying.send(new StartOnDemandReplicationRunCommand({ replicationJobId })));
    // THEN the limit is answered three times: the SDK treats any 429 as throttling
    expect(err.name).toBe('ReplicationRunLimitExceededException');
    expect(attempts(err)).toBe(3);
    expect(emu.stats.snapshot().errors.ReplicationRunLimitExceededException).toBe(3);
  });
});

describe('server errors', () => {
  test('InternalError (500) is retried and then succeeds', async () => {
    // GIVEN
    emu.faults.add({ kind: 'internal', operations: ['GetConnectors'], count: 2 });
    // WHEN
    const out = await retrying.send(new GetConnectorsCommand({}));
    // THEN
    expect(attempts(out)).toBe(3);
    expect(emu.stats.snapshot().faults.internal).toBe(2);
  });

  test('the unavailable kind answers 503 and is retried', async () => {
    // GIVEN
    emu.faults.add({ kind: 'unavailable', count: 1 });
    // WHEN
    const out = await retrying.send(new GetConnectorsCommand({}));
    // THEN
    expect(attempts(out)).toBe(2);
  });
});

describe('dropped connections', () => {
  test('surface as a network error without an HTTP status, and change nothing', async () => {
    // GIVEN
    emu.faults.add({ kind: 'drop', operations: ['CreateReplicationJob'] });
    // WHEN
    const err = await caught(() => once.send(newJob(byolServers(emu)[0])));
    // THEN node's "socket hang up" (ECONNRESET, which the SDK renames TimeoutError), no HTTP status
    expect(isNetworkError(err)).toBe(true);
    expect(err.message).toMatch(/socket hang up/);
    expect(emu.state.jobs).toEqual([]);
    expect(emu.requests.at(-1)).toMatchObject({ operation: 'CreateReplicationJob', status: 'dropped', fault: 'drop' });
  });

  test('are retried by the SDK', async () => {
    // GIVEN
    emu.faults.add({ kind: 'drop', count: 1 });
    // WHEN
    const out = await retrying.send(new GetServersCommand({}));
    // THEN
    expect(attempts(out)).toBe(2);
    expect(emu.stats.snapshot().faults.drop).toBe(1);
  });
});

describe('lost responses', () => {
  test('apply the change, then drop the connection', async () => {
    // GIVEN
    const serverId = byolServers(emu)[0];
    emu.faults.add({ kind: 'lost-response', operations: ['CreateReplicationJob'], count: 1 });
    // WHEN
    const err = await caught(() => once.send(newJob(serverId)));
    // THEN the caller saw a network error, but the job exists
    expect(isNetworkError(err)).toBe(true);
    expect(emu.state.jobs).toEqual([expect.objectContaining({ serverId, state: 'PENDING' })]);
    expect(emu.state.server(serverId)?.replicationJobId).toBe(emu.state.jobs[0].replicationJobId);
  });

  test('make the SDK\'s own retry of CreateReplicationJob fail with ReplicationJobAlreadyExistsException', async () => {
    // GIVEN
    const serverId = byolServers(emu)[0];
    emu.faults.add({ kind: 'lost-response', operations: ['CreateReplicationJob'], count: 1 });
    // WHEN
    const err = await caught(() => retrying.send(newJob(serverId)));
    // THEN
    expect(err).toBeInstanceOf(ReplicationJobAlreadyExistsException);
    expect(attempts(err)).toBe(2);
    expect(emu.state.jobs).toHaveLength(1);
  });
});

describe('latency', () => {
  test('delays answers', async () => {
    // GIVEN
    emu.faults.add({ kind: 'latency', latencyMs: 150, operations: ['GetConnectors'] });
    // WHEN
    const started = Date.now();
    await once.send(new GetConnectorsCommand({}));
    // THEN
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
    expect(emu.stats.snapshot().faults.latency).toBe(1);
  });

  test('beyond the client\'s requestTimeout gives a TimeoutError', async () => {
    // GIVEN
    emu.faults.add({ kind: 'latency', latencyMs: 1_000, count: 1 });
    const impatient = smsClient(emu, { requestHandler: { requestTimeout: 100 } });
    // WHEN
    const err = await caught(() => impatient.send(new GetConnectorsCommand({})));
    impatient.destroy();
    // THEN
    expect(err.name).toBe('TimeoutError');
    expect(err.message).toBe('Connection timed out after 100 ms');
  });
});

describe('rules', () => {
  test('target operations: other operations are untouched', async () => {
    // GIVEN
    emu.faults.add({ kind: 'internal', operations: ['CreateReplicationJob'] });
    // WHEN / THEN
    await expect(once.send(new GetServersCommand({}))).resolves.toBeDefined();
    await expect(once.send(newJob(byolServers(emu)[0]))).rejects.toThrow(/InternalError|internal error/);
  });

  test('skip lets the first calls through', async () => {
    // GIVEN
    emu.faults.add({ kind: 'throttle', skip: 2, count: 1 });
    // WHEN / THEN
    await once.send(new GetConnectorsCommand({}));
    await once.send(new GetConnectorsCommand({}));
    await expect(once.send(new GetConnectorsCommand({}))).rejects.toThrow();
    await expect(once.send(new GetConnectorsCommand({}))).resolves.toBeDefined();
  });

  test('handles can be removed, and report how often they fired', async () => {
    // GIVEN
    const handle = emu.faults.add({ kind: 'throttle' });
    await caught(() => once.send(new GetConnectorsCommand({})));
    // WHEN
    handle.remove();
    await once.send(new GetConnectorsCommand({}));
    // THEN
    expect(handle.fired).toBe(1);
  });

  test('refuse unknown operation names and rates outside 0..1', () => {
    // WHEN / THEN
    expect(() => emu.faults.add({ kind: 'throttle', operations: ['CreateJob'] })).toThrow(/unknown operation CreateJob/);
    expect(() => emu.faults.add({ kind: 'throttle', rate: 1.5 })).toThrow(/out of range/);
  });

  test('shares come from a seeded PRNG: same seed, same faults; shares are close to the ones asked for', async () => {
    // GIVEN two emulators with the same seed and one with another
    const run = async (seed: number) => {
      const e = await SmsEmulator.start({ seed });
      const c = smsClient(e);
      e.faults.chaos({ throttle: 0.3, internal: 0.1, unavailable: 0.1 });
      for (let i = 0; i < 300; i++) {
        await c.send(new GetConnectorsCommand({ maxResults: 1 })).catch(() => undefined);
      }
      c.destroy();
      await e.stop();
      return { pattern: e.requests.map((r) => r.errorType ?? '-').join(','), stats: e.stats.snapshot() };
    };
    // WHEN
    const [a, b, other] = [await run(99), await run(99), await run(100)];
    // THEN
    expect(a.pattern).toBe(b.pattern);
    expect(other.pattern).not.toBe(a.pattern);
    expect(a.stats.totalCalls).toBe(300);
    expect(a.stats.faults.throttle / 300).toBeCloseTo(0.3, 1);
    expect(a.stats.faults.internal / 300).toBeGreaterThan(0.04);
    expect(a.stats.faults.unavailable / 300).toBeGreaterThan(0.04);
    expect(a.stats.errors.ThrottlingException).toBe(a.stats.faults.throttle);
  });
});
