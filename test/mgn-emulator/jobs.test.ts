import {
  ChangeServerLifeCycleStateCommand, DescribeJobLogItemsCommand, DescribeJobsCommand, DescribeSourceServersCommand, FinalizeCutoverCommand,
  MgnClient, StartCutoverCommand, StartTestCommand, TerminateTargetInstancesCommand,
} from '@aws-sdk/client-mgn';
import { MgnEmulator } from '../support/mgn-emulator';
import { caught, mgnClient, start, statusOf } from './helpers';

/** Launch jobs through the real SDK: StartTest, StartCutover, FinalizeCutover, DescribeJobs, DescribeJobLogItems. */

let emu: MgnEmulator;
let mgn: MgnClient;
beforeEach(async () => {
  emu = await start({ seed: 5, initialized: true });
  mgn = mgnClient();
});
afterEach(async () => {
  expect(emu.diagnostics).toEqual([]);
  await emu.close();
});

function ready(n: number): string[] {
  return Array.from({ length: n }, (_, i) => emu.seedServer({ state: 'READY_FOR_TEST', hostname: `vm-${i}` }).sourceServerID as string);
}

async function state(id: string): Promise<Record<string, unknown>> {
  const out = await mgn.send(new DescribeSourceServersCommand({ filters: { sourceServerIDs: [id] } }));
  return out.items![0].lifeCycle as Record<string, unknown>;
}

async function poll(jobID: string): Promise<string | undefined> {
  return (await mgn.send(new DescribeJobsCommand({ filters: { jobIDs: [jobID] } }))).items![0].status;
}

describe('test and cutover jobs', () => {
  test('StartTest makes a job, sets TESTING at once, and the job ends after DescribeJobs polls with the servers launched', async () => {
    // GIVEN
    const [a, b] = ready(2);
    // WHEN
    const { job } = await mgn.send(new StartTestCommand({ sourceServerIDs: [a, b] }));
    // THEN
    expect(job).toMatchObject({ type: 'LAUNCH', initiatedBy: 'START_TEST', status: 'PENDING' });
    expect(emu.requests[0].status).toBe(202);
    expect(await state(a)).toMatchObject({ state: 'TESTING', lastTest: { initiated: { jobID: job!.jobID! } } });
    expect(await poll(job!.jobID!)).toBe('STARTED');
    expect(await poll(job!.jobID!)).toBe('COMPLETED');
    const done = (await mgn.send(new DescribeJobsCommand({ filters: { jobIDs: [job!.jobID!] } }))).items![0];
    expect(done.participatingServers!.map((p) => p.launchStatus)).toEqual(['LAUNCHED', 'LAUNCHED']);
    expect(done.participatingServers![0].launchedEc2InstanceID).toMatch(/^i-[0-9a-f]{17}$/);
    expect(done.endDateTime).toBeDefined();
  });

  test('a launch made to fail says FAILED and its reason is in the job log; the server keeps its state', async () => {
    // GIVEN
    const [a, b] = ready(2);
    emu.failLaunch(b, 'InsufficientInstanceCapacity: no m6i.large in eu-west-1a');
    // WHEN
    const { job } = await mgn.send(new StartTestCommand({ sourceServerIDs: [a, b] }));
    await poll(job!.jobID!);
    await poll(job!.jobID!);
    // THEN
    const done = (await mgn.send(new DescribeJobsCommand({ filters: { jobIDs: [job!.jobID!] } }))).items![0];
    expect(done.participatingServers!.map((p) => [p.sourceServerID, p.launchStatus])).toEqual([[a, 'LAUNCHED'], [b, 'FAILED']]);
    const logs = (await mgn.send(new DescribeJobLogItemsCommand({ jobID: job!.jobID! }))).items!;
    expect(logs.find((l) => l.event === 'LAUNCH_FAILED')?.eventData).toEqual({ sourceServerID: b,
      rawError: 'InsufficientInstanceCapacity: no m6i.large in eu-west-1a' });
    expect(logs[0].event).toBe('JOB_START');
    expect(logs[logs.length - 1].event).toBe('JOB_END');
    expect((await state(b)).state).toBe('TESTING');
    // AND the next launch of that server succeeds
    const again = await mgn.send(new StartTestCommand({ sourceServerIDs: [b] }));
    await poll(again.job!.jobID!);
    expect(await poll(again.job!.jobID!)).toBe('COMPLETED');
  });

  test('a server already in an unfinished job, or more than 200 servers in unfinished jobs, is a conflict', async () => {
    // GIVEN
    const ids = ready(201);
    await mgn.send(new StartTestCommand({ sourceServerIDs: ids.slice(0, 200) }));
    // WHEN / THEN
    const busy = await caught(() => mgn.send(new StartTestCommand({ sourceServerIDs: [ids[0]] })));
    expect([busy.name, statusOf(busy)]).toEqual(['ConflictException', 409]);
    const full = await caught(() => mgn.send(new StartTestCommand({ sourceServerIDs: [ids[200]] })));
    expect(full.message).toMatch(/200 source servers are in unfinished jobs/);
    // AND more than 200 in one call is refused by the model
    const tooMany = await caught(() => mgn.send(new StartTestCommand({ sourceServerIDs: ids })));
    expect(tooMany.name).toBe('ValidationException');
  });

  test('the cutover: ready for cutover, StartCutover, FinalizeCutover, with the lifecycle recorded', async () => {
    // GIVEN a tested server
    const [a] = ready(1);
    const test = await mgn.send(new StartTestCommand({ sourceServerIDs: [a] }));
    await poll(test.job!.jobID!);
    await poll(test.job!.jobID!);
    // WHEN
    await mgn.send(new ChangeServerLifeCycleStateCommand({ sourceServerID: a, lifeCycle: { state: 'READY_FOR_CUTOVER' } }));
    const cut = await mgn.send(new StartCutoverCommand({ sourceServerIDs: [a] }));
    // THEN finalizing while the job runs is a conflict
    expect((await caught(() => mgn.send(new FinalizeCutoverCommand({ sourceServerID: a })))).name).toBe('ConflictException');
    await poll(cut.job!.jobID!);
    await poll(cut.job!.jobID!);
    const server = await mgn.send(new FinalizeCutoverCommand({ sourceServerID: a }));
    expect(server.lifeCycle).toMatchObject({ state: 'CUTOVER', lastTest: { finalized: {} }, lastCutover: { initiated: { jobID: cut.job!.jobID! },
      finalized: {} } });
    expect(server.dataReplicationInfo?.dataReplicationState).toBe('DISCONNECTED');
    // AND a second FinalizeCutover is a conflict
    expect((await caught(() => mgn.send(new FinalizeCutoverCommand({ sourceServerID: a })))).name).toBe('ConflictException');
  });

  test('StartCutover and StartTest refuse servers in the wrong state', async () => {
    const [a] = ready(1);
    const notReady = emu.seedServer({ state: 'NOT_READY' }).sourceServerID as string;
    expect((await caught(() => mgn.send(new StartCutoverCommand({ sourceServerIDs: [a] })))).message).toMatch(/StartCutover is not allowed/);
    expect((await caught(() => mgn.send(new StartTestCommand({ sourceServerIDs: [notReady] })))).name).toBe('ConflictException');
    expect(emu.jobs()).toEqual([]);
  });

  test('DescribeJobs lists the latest job first, pages, and TerminateTargetInstances ends the launched instance', async () => {
    // GIVEN three launched servers, each in a job of its own
    const ids = ready(3);
    const jobIds: string[] = [];
    for (const id of ids) {
      jobIds.push((await mgn.send(new StartTestCommand({ sourceServerIDs: [id] }))).job!.jobID!);
    }
    // WHEN
    const first = await mgn.send(new DescribeJobsCommand({ maxResults: 2 }));
    const second = await mgn.send(new DescribeJobsCommand({ maxResults: 2, nextToken: first.nextToken }));
    // THEN
    expect([...first.items!, ...second.items!].map((j) => j.jobID)).toEqual([...jobIds].reverse());
    await mgn.send(new DescribeJobsCommand({}));
    await mgn.send(new ChangeServerLifeCycleStateCommand({ sourceServerID: ids[0], lifeCycle: { state: 'READY_FOR_CUTOVER' } }));
    const end = await mgn.send(new TerminateTargetInstancesCommand({ sourceServerIDs: [ids[0]] }));
    expect(end.job).toMatchObject({ type: 'TERMINATE', initiatedBy: 'TERMINATE' });
    await poll(end.job!.jobID!);
    await poll(end.job!.jobID!);
    expect(emu.servers()[0].launchedInstance).toBeUndefined();
  });
});
