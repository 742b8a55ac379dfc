import { RunbookSteps } from '../../../lib/mgn/runbook/api';
import { runStep } from '../../../lib/mgn/runbook/steps';
import { VM_TAG, failure, makeWave, until, useRunbookEmulator } from './harness';

/**
 * The runbook's steps against the MGN emulator over HTTP, with the real SDK client: the whole runbook, a wave
 * of more than 200 servers, servers not ready, a failed launch, each step run again, and MGN's faults.
 */

const { emu, mgn, context } = useRunbookEmulator();

/** Two agent servers (tagged, user-provided id) and one agentless server (discovered, tagged), READY_FOR_TEST. */
function seedMixedWave(): { web: string; db: string; snap: string } {
  const web = emu().seedServer({ state: 'READY_FOR_TEST', userProvidedID: 'web-01', tags: { [VM_TAG]: 'web-01' } }).sourceServerID as string;
  const db = emu().seedServer({ state: 'READY_FOR_TEST', userProvidedID: 'db-01' }).sourceServerID as string;
  const snap = emu().discoverVm({ vmWareUuid: '4210aaaa-0000-4000-8000-000000000009', vmPath: '/DC1/vm/snap-01', tags: { [VM_TAG]: 'snap-01' } })
    .sourceServerID as string;
  emu().setServerState(snap, 'READY_FOR_TEST', 'CONTINUOUS');
  return { web, db, snap };
}

function states(): Record<string, string> {
  return Object.fromEntries(emu().servers().map((s) => [s.sourceServerID as string, (s.lifeCycle as { state: string }).state]));
}

describe('the cutover runbook', () => {
  test('runs a wave of agent and agentless servers from READY_FOR_TEST to archived, in one test job and one cutover job', async () => {
    // GIVEN
    const ids = seedMixedWave();
    await makeWave(mgn(), 'Wave 1', Object.values(ids));
    const { ctx, progress } = context();

    // WHEN every step runs in order (the wave named in another case)
    const ready = await until(ctx, RunbookSteps.READY, 'wave 1');
    await runStep(ctx, RunbookSteps.LAUNCH_TEST, 'wave 1');
    const tested = await until(ctx, RunbookSteps.TEST_JOBS, 'wave 1');
    await runStep(ctx, RunbookSteps.READY_FOR_CUTOVER, 'wave 1');
    await runStep(ctx, RunbookSteps.LAUNCH_CUTOVER, 'wave 1');
    await until(ctx, RunbookSteps.CUTOVER_JOBS, 'wave 1');
    await runStep(ctx, RunbookSteps.FINALIZE, 'wave 1');
    const archived = await runStep(ctx, RunbookSteps.ARCHIVE, 'wave 1');

    // THEN
    expect(ready).toHaveLength(1);
    expect(tested[tested.length - 1].summary).toBe('wave "Wave 1": 3 servers: 3 launched');
    expect(emu().jobs().map((j) => [j.initiatedBy, j.participants.length])).toEqual([['START_TEST', 3], ['START_CUTOVER', 3]]);
    expect(emu().servers().map((s) => [(s.lifeCycle as { state: string }).state, s.isArchived])).toEqual([
      ['CUTOVER', true], ['CUTOVER', true], ['CUTOVER', true]]);
    expect(emu().applications().map((a) => a.isArchived)).toEqual([true]);
    expect(emu().waves().map((w) => w.isArchived)).toEqual([true]);
    expect(archived.summary).toBe('wave "Wave 1": 3 servers: 3 archived; 1 application and the wave archived');
    // AND progress names each server by its VM name: the tag, else the user-provided id
    expect([...new Set(progress.map((p) => p.vmName))].sort()).toEqual(['db-01', 'snap-01', 'web-01']);
    expect(progress).toContainEqual({ vmName: 'snap-01', sourceServerId: ids.snap, state: 'CUTOVER', outcome: 'finalized' });
    // AND the MGN calls were the runbook's, one StartTest and one StartCutover
    const calls = emu().stats.calls as Record<string, number>;
    expect([calls.StartTest, calls.StartCutover, calls.FinalizeCutover, calls.MarkAsArchived, calls.ArchiveApplication, calls.ArchiveWave])
      .toEqual([1, 1, 3, 3, 1, 1]);
  });

  test('splits a wave of 250 servers into a job of 200 and, once it completes, a job of 50', async () => {
    // GIVEN
    const ids = Array.from({ length: 250 }, (_, i) => emu().seedServer({ state: 'READY_FOR_TEST', userProvidedID: `vm-${i}` }).sourceServerID as string);
    await makeWave(mgn(), 'big', ids);
    const { ctx } = context();

    // WHEN
    const launch = await runStep(ctx, RunbookSteps.LAUNCH_TEST, 'big');
    const polls = await until(ctx, RunbookSteps.TEST_JOBS, 'big');

    // THEN
    expect(launch.complete).toBe(false);
    expect(launch.summary).toMatch(/200 launching, 50 waiting for room in MGN's jobs$/);
    expect(emu().jobs().map((j) => j.participants.length)).toEqual([200, 50]);
    expect(polls[polls.length - 1].summary).toBe('wave "big": 250 servers: 250 launched');
    expect(Object.values(states()).every((s) => s === 'TESTING')).toBe(true);
  });

  test('reports the servers that are not ready for test, with their state, until they are', async () => {
    // GIVEN
    const ids = seedMixedWave();
    const late = emu().seedServer({ state: 'NOT_READY', userProvidedID: 'app-01' }).sourceServerID as string;
    await makeWave(mgn(), 'Wave 1', [...Object.values(ids), late]);
    const { ctx, progress } = context();

    // WHEN
    const first = await runStep(ctx, RunbookSteps.READY, 'Wave 1');
    emu().setServerState(late, 'READY_FOR_TEST', 'CONTINUOUS');
    const second = await runStep(ctx, RunbookSteps.READY, 'Wave 1');

    // THEN
    expect(first.complete).toBe(false);
    expect(first.summary).toBe('wave "Wave 1": 4 servers: 1 not ready (replication INITIAL_SYNC), 3 ready; not ready: app-01 (NOT_READY)');
    expect(progress).toContainEqual({ vmName: 'app-01', sourceServerId: late, state: 'NOT_READY', outcome: 'not ready (replication INITIAL_SYNC)' });
    expect(second.complete).toBe(true);
  });

  test('a failed launch names the server and MGN\'s reason once no job runs; the launch step launches it again, alone', async () => {
    // GIVEN
    const ids = seedMixedWave();
    await makeWave(mgn(), 'Wave 1', Object.values(ids));
    emu().failLaunch(ids.db, 'InsufficientInstanceCapacity: no capacity for m6i.large in eu-west-1a');
    const { ctx } = context();

    // WHEN
    await runStep(ctx, RunbookSteps.LAUNCH_TEST, 'Wave 1');
    const error = await failure(until(ctx, RunbookSteps.TEST_JOBS, 'Wave 1'));

    // THEN
    expect(error.name).toBe('LaunchFailed');
    expect(error.message).toBe(`the test launch of wave "Wave 1" failed: VM "db-01" (source server ${ids.db}): `
      + 'LAUNCH_FAILED: InsufficientInstanceCapacity: no capacity for m6i.large in eu-west-1a');
    // AND accepting the test is refused while it failed
    const refused = await failure(runStep(ctx, RunbookSteps.READY_FOR_CUTOVER, 'Wave 1'));
    expect(refused.message)
      .toMatch(/^wave "Wave 1" cannot be marked ready for cutover: VM "db-01" .* test launch failed \(LAUNCH_FAILED: Insufficient/);

    // WHEN the launch step runs again
    await runStep(ctx, RunbookSteps.LAUNCH_TEST, 'Wave 1');
    const polls = await until(ctx, RunbookSteps.TEST_JOBS, 'Wave 1');

    // THEN only the failed server was launched again
    expect(emu().jobs().map((j) => j.participants.map((p) => p.sourceServerID).sort()))
      .toEqual([[ids.web, ids.db, ids.snap].sort(), [ids.db]]);
    expect(polls[polls.length - 1].complete).toBe(true);
  });

  test('each step run again once it completed starts no second job and fails on nothing', async () => {
    // GIVEN
    const ids = seedMixedWave();
    await makeWave(mgn(), 'Wave 1', Object.values(ids));
    const { ctx } = context();
    const twice = async (step: string, poll = false) => {
      const first = poll ? (await until(ctx, step, 'Wave 1')).pop()! : await runStep(ctx, step, 'Wave 1');
      const again = await runStep(ctx, step, 'Wave 1');
      return [first, again];
    };

    // WHEN
    await twice(RunbookSteps.READY, true);
    await twice(RunbookSteps.LAUNCH_TEST);
    const [, testJobs] = await twice(RunbookSteps.TEST_JOBS, true);
    const [, marked] = await twice(RunbookSteps.READY_FOR_CUTOVER);
    await twice(RunbookSteps.LAUNCH_CUTOVER);
    await twice(RunbookSteps.CUTOVER_JOBS, true);
    const [, finalized] = await twice(RunbookSteps.FINALIZE);
    const [, archived] = await twice(RunbookSteps.ARCHIVE);
    const finalizedAfterArchive = await runStep(ctx, RunbookSteps.FINALIZE, 'Wave 1');

    // THEN
    expect(emu().jobs().map((j) => j.initiatedBy)).toEqual(['START_TEST', 'START_CUTOVER']);
    expect(testJobs.complete).toBe(true);
    expect(marked.servers.map((s) => s.outcome)).toEqual(['done', 'done', 'done']);
    expect(finalized.servers.map((s) => s.outcome)).toEqual(['done', 'done', 'done']);
    expect(archived.servers.map((s) => s.outcome)).toEqual(['archived', 'archived', 'archived']);
    expect(finalizedAfterArchive.complete).toBe(true);
    const calls = emu().stats.calls as Record<string, number>;
    expect([calls.ChangeServerLifeCycleState, calls.FinalizeCutover, calls.MarkAsArchived, calls.ArchiveWave]).toEqual([3, 3, 3, 1]);
  });

  test('goes through seeded throttling, 5xx answers and lost answers, starting each job once', async () => {
    // GIVEN
    const ids = seedMixedWave();
    await makeWave(mgn(), 'Wave 1', Object.values(ids));
    emu().setFaults([
      { kind: 'throttle', rate: 0.15 }, { kind: 'internal', rate: 0.1 }, { kind: 'unavailable', rate: 0.05 }, { kind: 'lost-response', rate: 0.1 },
    ]);
    const { ctx } = context();

    // WHEN the whole runbook runs
    await until(ctx, RunbookSteps.READY, 'Wave 1');
    await runStep(ctx, RunbookSteps.LAUNCH_TEST, 'Wave 1');
    await until(ctx, RunbookSteps.TEST_JOBS, 'Wave 1', 30);
    await runStep(ctx, RunbookSteps.READY_FOR_CUTOVER, 'Wave 1');
    await runStep(ctx, RunbookSteps.LAUNCH_CUTOVER, 'Wave 1');
    await until(ctx, RunbookSteps.CUTOVER_JOBS, 'Wave 1', 30);
    await runStep(ctx, RunbookSteps.FINALIZE, 'Wave 1');
    await runStep(ctx, RunbookSteps.ARCHIVE, 'Wave 1');

    // THEN each server was in one test job and one cutover job, and ends archived
    expect(emu().jobs().flatMap((j) => j.participants.map((p) => `${j.initiatedBy} ${p.sourceServerID}`)).sort())
      .toEqual(Object.values(ids).flatMap((id) => [`START_CUTOVER ${id}`, `START_TEST ${id}`]).sort());
    expect(emu().servers().every((s) => s.isArchived === true)).toBe(true);
    expect(emu().waves()[0].isArchived).toBe(true);
    // AND faults did happen, and were retried
    const faults = emu().stats.faults as Record<string, number>;
    expect(Object.values(faults).reduce((a, b) => a + b, 0)).toBeGreaterThan(5);
    expect(ctx.retries).toBeGreaterThan(0);
  });

  test('gives up with one sentence when MGN throttles a call for the whole retry budget', async () => {
    // GIVEN
    process.env.CDK_SMS_RETRY_BUDGET_MS = '30';
    emu().setFaults([{ kind: 'throttle', operations: ['ListWaves'] }]);
    const { ctx } = context();
    // WHEN
    const error = await failure(runStep(ctx, RunbookSteps.READY, 'Wave 1'));
    // THEN
    expect(error.name).toBe('MgnUnavailable');
    expect(error.message)
      .toMatch(/^MGN is unavailable: ListWaves for wave "Wave 1" was throttled or failed \d+ times? over [\d.]+ s; run the step again later$/);
  });

  test('fails on a wave MGN does not have, naming the waves it has, and on a step out of order', async () => {
    // GIVEN
    const ids = seedMixedWave();
    await makeWave(mgn(), 'Wave 1', Object.values(ids));
    await makeWave(mgn(), 'Empty', []);
    const { ctx } = context();
    // WHEN / THEN
    const missing = await failure(runStep(ctx, RunbookSteps.READY, 'Wave 9'));
    expect([missing.name, missing.message]).toEqual(['RunbookInputError', 'no wave "Wave 9" in MGN (in this account and Region); its waves are "Empty", "Wave 1"']);
    const empty = await failure(runStep(ctx, RunbookSteps.READY, 'empty'));
    expect(empty.message).toBe('wave "Empty" has no source server that is not archived');
    const early = await failure(runStep(ctx, RunbookSteps.LAUNCH_CUTOVER, 'Wave 1'));
    expect(early.name).toBe('RunbookStateError');
    expect(early.message).toMatch(/^StartCutover for wave "Wave 1" cannot go on: VM "db-01" \(source server s-\w+\) is not marked ready for cutover/);
    const notCut = await failure(runStep(ctx, RunbookSteps.FINALIZE, 'Wave 1'));
    expect(notCut.message).toMatch(/^the cutover of wave "Wave 1" cannot be finalized: VM "db-01" .* was not cut over \(READY_FOR_TEST\)/);
    const unknownStep = await failure(runStep(ctx, 'launch', 'Wave 1'));
    expect(unknownStep.message).toMatch(/^step "launch" is not a runbook step, use one of ready, launch-test/);
    expect(emu().jobs()).toEqual([]);
  });

  test('a server elsewhere in its lifecycle stops the launch step, naming it and its state', async () => {
    // GIVEN
    const ids = seedMixedWave();
    await makeWave(mgn(), 'Wave 1', Object.values(ids));
    emu().setServerState(ids.web, 'STOPPED');
    const { ctx } = context();
    // WHEN
    const error = await failure(runStep(ctx, RunbookSteps.LAUNCH_TEST, 'Wave 1'));
    // THEN
    expect(error.message)
      .toMatch(/^StartTest for wave "Wave 1" cannot go on: VM "web-01" \(source server s-\w+\) is not ready for test \(STOPPED\)$/);
    expect(emu().jobs()).toEqual([]);
  });

  test('an MGN refusal fails at once, naming the call and what MGN said', async () => {
    // GIVEN an account where MGN is not initialized
    emu().setInitialized(false);
    const { ctx } = context();
    // WHEN
    const error = await failure(runStep(ctx, RunbookSteps.READY, 'Wave 1'));
    // THEN
    expect([error.name, error.message]).toEqual(['MgnCallFailed',
      'ListWaves for wave "Wave 1" failed: MGN is not initialized in this account and Region']);
    expect(emu().stats.totalCalls).toBe(1);
  });
});
