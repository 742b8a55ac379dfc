import { AssociateSourceServersCommand } from '@aws-sdk/client-mgn';
import { MgnCommandOptions, MgnExit, mgnCommand } from '../../lib/cli/commands/mgn';
import { CliIo } from '../../lib/cli/io';
import { runCliAsync } from '../../lib/cli/program';
import { mgnClient } from '../mgn-emulator/helpers';
import { RETRY_ENV, VM_TAG, makeWave, useRunbookEmulator } from '../mgn/runbook/harness';
import { expectCommandBundledApart, STACK_FRAME, removeTempDirs, writeTemp } from './helpers';

/**
 * `cdk-sms mgn test|cutover|finalize` against the MGN emulator, through the real @aws-sdk/client-mgn and the
 * standard environment. The waits between polls are skipped (no wall clock): each poll moves MGN's jobs one step.
 */

const { emu, mgn } = useRunbookEmulator();
afterAll(removeTempDirs);

function capture(env: NodeJS.ProcessEnv = { ...emu().env(), ...RETRY_ENV }): { io: CliIo; out: () => string; err: () => string } {
  let stdout = '';
  let stderr = '';
  return {
    io: { stdout: (t) => { stdout += t; }, stderr: (t) => { stderr += t; }, isTTY: false, env },
    out: () => stdout,
    err: () => stderr,
  };
}

const OPTIONS: MgnCommandOptions = { wave: 'wave-1', wait: true, timeout: '2h', interval: '30s' };

/** Runs a verb in-process with the emulator's client and no waiting between polls. */
async function verb(name: string, options: Partial<MgnCommandOptions> = {}, plan?: string) {
  const run = capture();
  const status = await mgnCommand(name, plan, { ...OPTIONS, ...options }, run.io, { client: () => mgnClient(), sleep: async () => undefined });
  return { status, out: run.out(), err: run.err() };
}

async function seedWave(): Promise<{ web: string; snap: string }> {
  const web = emu().seedServer({ state: 'READY_FOR_TEST', userProvidedID: 'web-01', tags: { [VM_TAG]: 'web-01' } }).sourceServerID as string;
  const snap = emu().discoverVm({ vmWareUuid: '4210aaaa-0000-4000-8000-000000000007', vmPath: '/DC1/vm/snap-01', tags: { [VM_TAG]: 'snap-01' } })
    .sourceServerID as string;
  emu().setServerState(snap, 'READY_FOR_TEST', 'CONTINUOUS');
  await makeWave(mgn(), 'wave-1', [web, snap]);
  return { web, snap };
}

function lastLine(text: string): string {
  return text.trimEnd().split('\n').pop() ?? '';
}

describe('cdk-sms mgn', () => {
  test('test, cutover and finalize take a wave from READY_FOR_TEST to archived, printing each server and a summary', async () => {
    // GIVEN
    const ids = await seedWave();

    // WHEN
    const test = await verb('test');
    const cutover = await verb('cutover');
    const finalize = await verb('finalize');

    // THEN
    expect([test.status, cutover.status, finalize.status]).toEqual([0, 0, 0]);
    expect(test.err + cutover.err + finalize.err).toBe('');
    expect(test.out).toContain(`web-01  ${ids.web}  READY_FOR_TEST  ready\n`);
    expect(test.out).toMatch(new RegExp(`snap-01  ${ids.snap}  TESTING  launching in mgnjob-\\w+\n`));
    expect(test.out).toContain(`snap-01  ${ids.snap}  TESTING  launched\n`);
    expect(lastLine(test.out)).toBe('cdk-sms mgn test: done: wave "wave-1": 2 servers: 2 launched');
    expect(lastLine(cutover.out)).toBe('cdk-sms mgn cutover: done: wave "wave-1": 2 servers: 2 launched');
    expect(lastLine(finalize.out)).toBe('cdk-sms mgn finalize: done: wave "wave-1": 2 servers: 2 archived; 1 application and the wave archived');
    expect(emu().jobs().map((j) => j.initiatedBy)).toEqual(['START_TEST', 'START_CUTOVER']);
    expect(emu().waves()[0].isArchived).toBe(true);
  });

  test('run again once done, each verb exits 0 and starts nothing', async () => {
    // GIVEN
    await seedWave();
    await verb('test');
    // WHEN
    const again = await verb('test');
    // THEN
    expect(again.status).toBe(MgnExit.DONE);
    expect(lastLine(again.out)).toBe('cdk-sms mgn test: done: wave "wave-1": 2 servers: 2 launched');
    expect(emu().jobs()).toHaveLength(1);
  });

  test('a failed launch exits 4 with one line naming the server and MGN\'s reason', async () => {
    // GIVEN
    const ids = await seedWave();
    emu().failLaunch(ids.web, 'InvalidSubnetID.NotFound: subnet-0a1b2c3d does not exist');
    // WHEN
    const run = await verb('test');
    // THEN
    expect(run.status).toBe(MgnExit.FAILED);
    expect(run.err).toBe(`cdk-sms mgn test: the test launch of wave "wave-1" failed: VM "web-01" (source server ${ids.web}): `
      + 'LAUNCH_FAILED: InvalidSubnetID.NotFound: subnet-0a1b2c3d does not exist\n');
    expect(run.err).not.toMatch(STACK_FRAME);
  });

  test('waits for servers not ready until --timeout, then exits 5 naming them', async () => {
    // GIVEN
    await seedWave();
    const late = emu().seedServer({ state: 'NOT_READY', userProvidedID: 'app-01' }).sourceServerID as string;
    const app = emu().applications()[0].applicationID as string;
    await mgn().send(new AssociateSourceServersCommand({ applicationID: app, sourceServerIDs: [late] }));
    // WHEN: a timeout of two polls
    const run = await verb('test', { timeout: '1m', interval: '30s' });
    // THEN
    expect(run.status).toBe(MgnExit.NOT_DONE);
    expect(lastLine(run.out)).toBe('cdk-sms mgn test: not done after 1m: wave "wave-1": 3 servers: 1 not ready (replication INITIAL_SYNC), '
      + '2 ready; not ready: app-01 (NOT_READY); run it again to go on');
    expect((emu().stats.calls as Record<string, number>).ListWaves).toBe(3);
    expect(emu().jobs()).toEqual([]);
  });

  test('--no-wait launches and returns at once', async () => {
    // GIVEN
    await seedWave();
    const run = capture();
    // WHEN
    const status = await runCliAsync(['mgn', 'test', '--wave', 'wave-1', '--no-wait'], run.io);
    // THEN
    expect(status).toBe(MgnExit.DONE);
    expect(lastLine(run.out())).toBe('cdk-sms mgn test: started, not waited for (--no-wait): wave "wave-1": 2 servers: 2 launching; '
      + 'run it again to wait');
    expect(emu().jobs().map((j) => j.status)).toEqual(['PENDING']);
  });

  test('cutover before the test was accepted exits 2, naming the servers', async () => {
    await seedWave();
    const run = await verb('cutover');
    expect(run.status).toBe(MgnExit.INPUT);
    expect(run.err).toMatch(
      /^cdk-sms mgn cutover: wave "wave-1" cannot be marked ready for cutover: VM "snap-01" .* was not tested \(READY_FOR_TEST\)/);
  });

  test('exits 2 for a wave MGN does not have, a wave the plan does not have, no Region, and a bad duration', async () => {
    // GIVEN
    await seedWave();
    const plan = writeTemp('plan.json', JSON.stringify({ version: 1, target: 'mgn', mgn: { region: 'eu-west-1' },
      vms: [{ name: 'web-01', hypervisor: 'vmware', wave: 'wave-1' }] }));
    const runs = {
      missing: capture(), notInPlan: capture(), noRegion: capture({ ...RETRY_ENV }), planRegion: capture({ ...RETRY_ENV }), duration: capture(),
      noWave: capture(),
    };
    // WHEN
    const statuses = [
      await runCliAsync(['mgn', 'test', '--wave', 'wave-9'], runs.missing.io),
      await runCliAsync(['mgn', 'test', '--wave', 'wave-2', plan], runs.notInPlan.io),
      await runCliAsync(['mgn', 'finalize', '--wave', 'wave-1'], runs.noRegion.io),
      await runCliAsync(['mgn', 'cutover', '--wave', 'wave-1', '--timeout', 'soon'], runs.duration.io),
      await runCliAsync(['mgn', 'test'], runs.noWave.io),
    ];
    // THEN
    expect(statuses).toEqual([2, 2, 2, 2, 2]);
    expect(runs.missing.err()).toBe('cdk-sms mgn test: no wave "wave-9" in MGN (in this account and Region); its waves are "wave-1"\n');
    expect(runs.notInPlan.err()).toBe(`cdk-sms: --wave wave-2 is not a wave of ${plan}: its waves are wave-1\n`);
    expect(runs.noRegion.err()).toBe('cdk-sms: no Region: give --region, set AWS_REGION, or give a plan whose mgn.region says it\n');
    expect(runs.duration.err()).toMatch(/^cdk-sms: --timeout soon is not a duration/);
    expect(runs.noWave.err()).toMatch(/required option '--wave <name>' not specified/);
    expect(emu().jobs()).toEqual([]);
  });

  test('takes the Region from the plan when the environment has none', async () => {
    // GIVEN
    await seedWave();
    const plan = writeTemp('plan.json', JSON.stringify({ version: 1, target: 'mgn', mgn: { region: 'eu-west-1' },
      vms: [{ name: 'web-01', hypervisor: 'vmware', wave: 'wave-1' }] }));
    const run = capture({ ...RETRY_ENV });
    // WHEN
    const status = await mgnCommand('test', plan, { ...OPTIONS, wait: false }, run.io, { client: (region) => {
      expect(region).toBe('eu-west-1');
      return mgnClient();
    } });
    // THEN
    expect(status).toBe(MgnExit.DONE);
  });

  test('takes the wave\'s own Region in the plan over the environment\'s, and --region over both', async () => {
    // GIVEN wave-1 in us-east-1 by the plan, and AWS_REGION eu-west-1
    await seedWave();
    const plan = writeTemp('plan.json', JSON.stringify({ version: 1, target: 'mgn', mgn: { region: 'eu-west-1' },
      waves: [{ name: 'wave-1', region: 'us-east-1' }], vms: [{ name: 'web-01', hypervisor: 'vmware', wave: 'wave-1' }] }));
    const regions: string[] = [];
    const client = (region: string) => {
      regions.push(region);
      return mgnClient();
    };
    // WHEN
    await mgnCommand('test', plan, { ...OPTIONS, wait: false }, capture({ ...RETRY_ENV, AWS_REGION: 'eu-west-1' }).io, { client });
    await mgnCommand('test', plan, { ...OPTIONS, wait: false, region: 'eu-central-1' }, capture({ ...RETRY_ENV }).io, { client });
    // THEN
    expect(regions).toEqual(['us-east-1', 'eu-central-1']);
  });

  test('a call MGN refuses exits 4 with one line naming the call', async () => {
    emu().setInitialized(false);
    const run = await verb('finalize');
    expect(run.status).toBe(MgnExit.FAILED);
    expect(run.err).toBe('cdk-sms mgn finalize: ListWaves for wave "wave-1" failed: MGN is not initialized in this account and Region\n');
  });

  test('the verbs are in the CLI bundle apart, with the MGN client and the runbook inside', () => {
    expectCommandBundledApart('cdk-sms-mgn.js', 'StartCutoverCommand');
  });
});
