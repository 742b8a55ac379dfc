import {
  CreateReplicationJobCommand, DeleteReplicationJobCommand, GetReplicationJobsCommand, GetReplicationRunsCommand, ReplicationJob,
  ReplicationJobAlreadyExistsException, SMSClient, StartOnDemandReplicationRunCommand, UpdateReplicationJobCommand,
} from '@aws-sdk/client-sms';
import { SmsEmulator, SmsEmulatorOptions } from '../support/sms-emulator';
import { byolServers, caught, smsClient } from './helpers';

const HOUR = 3_600_000;
let emu: SmsEmulator;
let sms: SMSClient;

beforeAll(async () => {
  emu = await SmsEmulator.start({ seed: 21 });
  sms = smsClient(emu);
});
beforeEach(() => emu.reset());
afterEach(() => expect(emu.state.diagnostics).toEqual([]));
afterAll(async () => {
  sms.destroy();
  await emu.stop();
});

type CreateInput = ConstructorParameters<typeof CreateReplicationJobCommand>[0];

async function create(serverId: string, extra: Partial<CreateInput> = {}, client = sms): Promise<string> {
  const out = await client.send(new CreateReplicationJobCommand({ serverId, seedReplicationTime: new Date(), frequency: 12, ...extra }));
  return out.replicationJobId!;
}

async function poll(replicationJobId: string, client = sms): Promise<ReplicationJob> {
  return (await client.send(new GetReplicationJobsCommand({ replicationJobId }))).replicationJobList![0];
}

async function withEmulator(options: SmsEmulatorOptions, fn: (e: SmsEmulator, c: SMSClient) => Promise<void>): Promise<void> {
  const e = await SmsEmulator.start(options);
  const c = smsClient(e);
  try {
    await fn(e, c);
  } finally {
    c.destroy();
    await e.stop();
  }
}

describe('job state transitions', () => {
  test('a new job is PENDING on the first poll and ACTIVE from the second (default script)', async () => {
    // GIVEN
    const id = await create(byolServers(emu)[0]);
    // WHEN / THEN
    expect((await poll(id)).state).toBe('PENDING');
    expect((await poll(id)).state).toBe('ACTIVE');
    expect(emu.state.job(id)?.pollsInState).toBe(1);
  });

  test('the jobScript option sets the number of PENDING polls', async () => {
    await withEmulator({ jobScript: [{ state: 'ACTIVE', afterPolls: 3 }] }, async (e, c) => {
      // GIVEN
      const id = await create(byolServers(e)[0], {}, c);
      // WHEN
      const states = [];
      for (let i = 0; i < 5; i++) {
        states.push((await poll(id, c)).state);
      }
      // THEN
      expect(states).toEqual(['PENDING', 'PENDING', 'PENDING', 'ACTIVE', 'ACTIVE']);
    });
  });

  test('afterMs transitions follow the emulator clock, without polls', async () => {
    await withEmulator({ jobScript: [{ state: 'ACTIVE', afterMs: 90_000 }] }, async (e, c) => {
      // GIVEN
      const id = await create(byolServers(e)[0], {}, c);
      // WHEN / THEN
      e.clock.advance(60_000);
      expect(e.state.job(id)?.state).toBe('PENDING');
      e.clock.advance(30_000);
      expect(e.state.job(id)?.state).toBe('ACTIVE');
    });
  });

  test('a test can script a server\'s job to FAILED with a statusMessage', async () => {
    // GIVEN
    const serverId = byolServers(emu)[0];
    emu.control.scriptJob(serverId, [{ state: 'FAILED', statusMessage: 'disk read error on scsi0:1', afterPolls: 2 }]);
    const id = await create(serverId);
    // WHEN
    const states = [await poll(id), await poll(id), await poll(id)].map((j) => [j.state, j.statusMessage]);
    // THEN
    expect(states).toEqual([['PENDING', undefined], ['PENDING', undefined], ['FAILED', 'disk read error on scsi0:1']]);
    expect(emu.state.server(serverId)).toMatchObject({ replicationJobId: id, replicationJobTerminated: true });
  });

  test('a FAILED job still blocks a new job for its server until it is deleted', async () => {
    // GIVEN
    const serverId = byolServers(emu)[0];
    emu.control.scriptJob(serverId, [{ state: 'FAILED', statusMessage: 'boom' }]);
    const id = await create(serverId);
    // WHEN / THEN
    expect(await caught(() => create(serverId))).toBeInstanceOf(ReplicationJobAlreadyExistsException);
    await sms.send(new DeleteReplicationJobCommand({ replicationJobId: id }));
    await expect(create(serverId)).resolves.toMatch(/^sms-job-/);
  });

  test('multi-step scripts: ACTIVE, then PAUSED_ON_FAILURE', async () => {
    // GIVEN
    const serverId = byolServers(emu)[0];
    emu.control.scriptJob(serverId, [
      { state: 'ACTIVE', afterPolls: 0 },
      { state: 'PAUSED_ON_FAILURE', statusMessage: 'three consecutive run failures', afterPolls: 2 },
    ]);
    // WHEN
    const id = await create(serverId);
    // THEN
    expect([await poll(id), await poll(id), await poll(id)].map((j) => j.state)).toEqual(['ACTIVE', 'ACTIVE', 'PAUSED_ON_FAILURE']);
  });

  test('setJobState moves a job at once', async () => {
    // GIVEN
    const id = await create(byolServers(emu)[0]);
    // WHEN
    emu.control.setJobState(id, 'FAILING', 'connector lost');
    // THEN
    expect(await poll(id)).toMatchObject({ state: 'FAILING', statusMessage: 'connector lost' });
  });
});

describe('license and volume rules', () => {
  test('no licenseType picks AWS for Windows Server and BYOL for Linux', async () => {
    // GIVEN
    const windows = emu.state.catalogServers.find((s) => s.osFamily === 'WINDOWS_SERVER' && s.volumeCount <= 22)!;
    const linux = emu.state.catalogServers.find((s) => s.osFamily === 'LINUX' && s.volumeCount <= 22)!;
    // WHEN / THEN
    expect((await poll(await create(windows.serverId))).licenseType).toBe('AWS');
    expect((await poll(await create(linux.serverId))).licenseType).toBe('BYOL');
  });

  test('licenseType AWS on Linux makes the job FAILED when it would activate', async () => {
    // GIVEN
    const linux = emu.state.catalogServers.find((s) => s.osFamily === 'LINUX' && s.volumeCount <= 22)!;
    // WHEN
    const id = await create(linux.serverId, { licenseType: 'AWS' });
    // THEN
    expect((await poll(id)).state).toBe('PENDING');
    expect(await poll(id)).toMatchObject({ state: 'FAILED', statusMessage: expect.stringMatching(/licenseType AWS is not supported/) });
  });

  test('UpdateReplicationJob to licenseType AWS on Linux fails the job', async () => {
    // GIVEN
    const linux = emu.state.catalogServers.find((s) => s.osFamily === 'LINUX' && s.volumeCount <= 22)!;
    const id = await create(linux.serverId);
    // WHEN
    await sms.send(new UpdateReplicationJobCommand({ replicationJobId: id, licenseType: 'AWS' }));
    // THEN
    expect((await poll(id)).state).toBe('FAILED');
  });

  test('a VM with more than 22 volumes gets a FAILED job', async () => {
    // GIVEN
    const big = emu.control.addServer({ vmName: 'fileserver-big', osFamily: 'LINUX', volumeCount: 24 });
    // WHEN
    const id = await create(big.serverId);
    await poll(id);
    // THEN
    expect(await poll(id)).toMatchObject({ state: 'FAILED', statusMessage: expect.stringMatching(/24 volumes/) });
  });
});

describe('runs over time', () => {
  test('a recurring job runs every frequency hours', async () => {
    // GIVEN an ACTIVE job replicating every 6 hours
    const id = await create(byolServers(emu)[0], { frequency: 6 });
    await poll(id);
    await poll(id);
    // WHEN a day passes
    emu.clock.advance(24 * HOUR + 1000);
    const runs = (await sms.send(new GetReplicationRunsCommand({ replicationJobId: id }))).replicationRunList!;
    // THEN four runs completed, the fifth is running
    expect(runs.map((r) => r.state)).toEqual(['COMPLETED', 'COMPLETED', 'COMPLETED', 'COMPLETED', 'ACTIVE']);
    const starts = runs.map((r) => r.scheduledStartTime!.getTime());
    expect(starts.slice(1).map((t, i) => t - starts[i])).toEqual([6 * HOUR, 6 * HOUR, 6 * HOUR, 6 * HOUR]);
  });

  test('2 on-demand runs per 24 h; the limit lifts after 24 h', async () => {
    // GIVEN
    const id = await create(byolServers(emu)[0], { seedReplicationTime: new Date(Date.now() + 10 * 24 * HOUR) });
    await poll(id);
    await poll(id);
    // WHEN
    await sms.send(new StartOnDemandReplicationRunCommand({ replicationJobId: id }));
    emu.clock.advance(2 * HOUR);
    await sms.send(new StartOnDemandReplicationRunCommand({ replicationJobId: id }));
    emu.clock.advance(2 * HOUR);
    const third = await caught(() => sms.send(new StartOnDemandReplicationRunCommand({ replicationJobId: id })));
    emu.clock.advance(21 * HOUR);
    // THEN
    expect(third.name).toBe('ReplicationRunLimitExceededException');
    await expect(sms.send(new StartOnDemandReplicationRunCommand({ replicationJobId: id }))).resolves.toHaveProperty('replicationRunId');
  });

  test('an on-demand run is refused while another run is active', async () => {
    // GIVEN an ACTIVE job with an on-demand run going
    const id = await create(byolServers(emu)[0], { seedReplicationTime: new Date(Date.now() + 10 * 24 * HOUR) });
    await poll(id);
    await poll(id);
    await sms.send(new StartOnDemandReplicationRunCommand({ replicationJobId: id }));
    // WHEN
    const err = await caught(() => sms.send(new StartOnDemandReplicationRunCommand({ replicationJobId: id })));
    // THEN
    expect(err.name).toBe('OperationNotPermittedException');
    expect(err.message).toMatch(/still active/);
  });

  test('a scheduled run due during an on-demand run is MISSED and moved one interval', async () => {
    // GIVEN an active job whose first run is due in 30 minutes, and an on-demand run going now
    const id = await create(byolServers(emu)[0], { frequency: 4, seedReplicationTime: new Date(Date.now() + HOUR / 2) });
    await poll(id);
    await poll(id);
    await sms.send(new StartOnDemandReplicationRunCommand({ replicationJobId: id }));
    // WHEN the scheduled time passes
    emu.clock.advance(HOUR / 2 + 1000);
    const job = await poll(id);
    // THEN
    expect(job.replicationRunList?.map((r) => [r.type, r.state])).toEqual([
      ['AUTOMATIC', 'MISSED'], ['ON_DEMAND', 'ACTIVE'], ['AUTOMATIC', 'PENDING'],
    ]);
    expect(job.nextReplicationRunStartTime!.getTime() - job.replicationRunList![0].scheduledStartTime!.getTime()).toBe(4 * HOUR);
  });

  test('a job is COMPLETED 90 days after its first run', async () => {
    // GIVEN
    const id = await create(byolServers(emu)[0], { frequency: 24 });
    await poll(id);
    await poll(id);
    // WHEN
    emu.clock.advance(91 * 24 * HOUR);
    // THEN
    expect(emu.state.job(id)).toMatchObject({ state: 'COMPLETED', statusMessage: expect.stringMatching(/90-day/) });
  });
});

describe('quotas and state', () => {
  test('the concurrent job limit answers OperationNotPermittedException', async () => {
    await withEmulator({ limits: { maxConcurrentJobs: 2 } }, async (e, c) => {
      // GIVEN
      const [a, b, d] = byolServers(e);
      await create(a, {}, c);
      await create(b, {}, c);
      // WHEN
      const err = await caught(() => create(d, {}, c));
      // THEN
      expect(err.name).toBe('OperationNotPermittedException');
    });
  });

  test('reset gives back the seeded state with the same ids', async () => {
    // GIVEN
    const serverId = byolServers(emu)[0];
    const first = await create(serverId);
    // WHEN
    emu.reset();
    // THEN
    expect(emu.state.jobs).toEqual([]);
    expect(emu.stats.snapshot().totalCalls).toBe(0);
    expect(await create(serverId)).toBe(first);
  });

  test('the same seed gives the same catalog; another seed a different one', async () => {
    const ids = async (seed: number) => {
      const e = await SmsEmulator.start({ seed });
      const list = e.state.servers.map((s) => `${s.serverId}:${s.vmServer.vmName}:${s.vmServer.vmServerAddress.vmId}`);
      await e.stop();
      return list;
    };
    // WHEN / THEN
    expect(await ids(21)).toEqual(emu.state.servers.map((s) => `${s.serverId}:${s.vmServer.vmName}:${s.vmServer.vmServerAddress.vmId}`));
    expect(await ids(22)).not.toEqual(await ids(21));
  });
});
