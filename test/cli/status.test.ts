import { spawn } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { MgnClient } from '@aws-sdk/client-mgn';
import { mgnReader, statusCommand, StatusDependencies, STATUS_AWS_ERROR } from '../../lib/cli/commands/status';
import { CliIo } from '../../lib/cli/io';
import { runCliAsync } from '../../lib/cli/program';
import { StatusReport } from '../../lib/cli/status-report';
import { DesiredServer } from '../../lib/mgn/handler/desired';
import { MgnEmulator, startMgnEmulator } from '../support/mgn-emulator';
import { expectCommandBundledApart, removeTempDirs, STACK_FRAME, writeTemp } from './helpers';

/**
 * `cdk-sms status` against the MGN emulator, through the real @aws-sdk/client-mgn and the standard
 * environment (AWS_ENDPOINT_URL_MGN, AWS_REGION, static credentials).
 */

const ENV_KEYS = ['AWS_ENDPOINT_URL_MGN', 'AWS_ENDPOINT_URL_EC2', 'AWS_REGION', 'AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY'];
let emu: MgnEmulator;
let saved: Record<string, string | undefined>;

beforeEach(async () => {
  emu = await startMgnEmulator({ region: 'eu-west-1', initialized: true });
  saved = Object.fromEntries(ENV_KEYS.map((k) => [k, process.env[k]]));
  Object.assign(process.env, emu.env());
});

afterEach(async () => {
  for (const [k, v] of Object.entries(saved)) {
    if (v === undefined) {
      delete process.env[k];
    } else {
      process.env[k] = v;
    }
  }
  await emu.close();
});

afterAll(removeTempDirs);

const PLAN = {
  version: 1,
  target: 'mgn',
  connectors: [{ name: 'dc1-vcc', hypervisor: 'vmware' }],
  vms: [
    { name: 'web-01', hypervisor: 'vmware', os: { family: 'linux' } },
    { name: 'app-01', hypervisor: 'vmware', os: { family: 'windows' } },
    { name: 'snap-01', hypervisor: 'vmware', connector: 'dc1-vcc', source: { vmUuid: '4210AAAA-0000-4000-8000-000000000001' },
      mgn: { replication: { method: 'agentless' } } },
    { name: 'old-01', hypervisor: 'vmware' },
    { name: 'dup-01', hypervisor: 'vmware' },
    { name: 'new-01', hypervisor: 'vmware' },
  ],
};

function capture(env: NodeJS.ProcessEnv = emu.env()): { io: CliIo; out: () => string; err: () => string } {
  let stdout = '';
  let stderr = '';
  return {
    io: { stdout: (t) => { stdout += t; }, stderr: (t) => { stderr += t; }, isTTY: false, env },
    out: () => stdout,
    err: () => stderr,
  };
}

/** A reader that makes one attempt per call and lets Jest exit after a failed request (see test/mgn-emulator/helpers.ts). */
const oneAttempt: StatusDependencies['reader'] = (region) =>
  mgnReader(new MgnClient({ region, maxAttempts: 1, requestHandler: { socketAcquisitionWarningTimeout: 1 } }));

function seed(): Record<string, string> {
  const web = emu.registerAgent({ userProvidedID: 'web-01', hostname: 'web-01' });
  const app = emu.seedServer({ state: 'READY_FOR_TEST', tags: { 'cdk-sms-migration:vm': 'app-01' } });
  const snap = emu.discoverVm({ vmWareUuid: '4210aaaa-0000-4000-8000-000000000001', vmPath: '/DC1/vm/snap-01' });
  const old = emu.seedServer({ state: 'CUTOVER', userProvidedID: 'old-01', isArchived: true });
  const dup1 = emu.seedServer({ tags: { 'cdk-sms-migration:vm': 'dup-01' } });
  const dup2 = emu.seedServer({ tags: { 'cdk-sms-migration:vm': 'dup-01' } });
  return {
    web: web.sourceServerID as string, app: app.sourceServerID as string, snap: snap.sourceServerID as string,
    old: old.sourceServerID as string, dup1: dup1.sourceServerID as string, dup2: dup2.sourceServerID as string,
  };
}

describe('cdk-sms status against the MGN emulator', () => {
  test('prints each VM\'s server, states and lag as JSON, archived servers flagged and ambiguous ones listed', async () => {
    // GIVEN
    const ids = seed();
    const file = writeTemp('plan.json', JSON.stringify(PLAN));
    const run = capture();

    // WHEN
    const status = await runCliAsync(['status', file, '--format', 'json'], run.io);

    // THEN
    expect(run.err()).toBe('');
    expect(status).toBe(0);
    const report = JSON.parse(run.out()) as StatusReport;
    expect(report.region).toBe('eu-west-1');
    expect(report.serversListed).toBe(6);
    const byVm = Object.fromEntries(report.vms.map((v) => [v.vm, v]));
    expect(byVm['web-01']).toEqual(expect.objectContaining({
      status: 'found', sourceServerId: ids.web, matchedBy: 'userProvidedID', lifecycleState: 'NOT_READY', settings: 'differ',
    }));
    // The plan's settings (the library's defaults here), compared with a server no template configured.
    expect(byVm['web-01'].differences).toContainEqual({ section: 'replication', member: 'bandwidthThrottling', current: '(none)', desired: '0' });
    expect(byVm['web-01'].differences).toContainEqual({ section: 'replication', member: 'associateDefaultSecurityGroup', current: '(none)', desired: 'false' });
    expect(byVm['old-01'].settings).toBe('not-compared');
    expect(byVm['app-01']).toEqual(expect.objectContaining({
      status: 'found', sourceServerId: ids.app, matchedBy: 'tag', lifecycleState: 'READY_FOR_TEST', replicationState: 'CONTINUOUS', lag: 'PT0S',
    }));
    expect(byVm['snap-01']).toEqual(expect.objectContaining({ status: 'found', sourceServerId: ids.snap, matchedBy: 'vmWareUuid', lifecycleState: 'DISCOVERED' }));
    expect(byVm['old-01']).toEqual(expect.objectContaining({ status: 'archived', sourceServerId: ids.old, lifecycleState: 'CUTOVER' }));
    expect(byVm['dup-01']).toEqual(expect.objectContaining({ status: 'ambiguous', sourceServerId: null, candidates: [ids.dup1, ids.dup2].sort() }));
    expect(byVm['new-01']).toEqual(expect.objectContaining({ status: 'not-found', sourceServerId: null, lifecycleState: null, lag: null }));
  });

  test('prints a table with one line per VM', async () => {
    // GIVEN
    const ids = seed();
    const file = writeTemp('plan.json', JSON.stringify(PLAN));
    const run = capture();

    // WHEN
    const status = await runCliAsync(['status', file], run.io);

    // THEN
    expect(status).toBe(0);
    const lines = run.out().split('\n');
    expect(lines[0]).toMatch(/^VM +SERVER +LIFECYCLE +REPLICATION +LAG +SETTINGS$/);
    expect(lines.find((l) => l.startsWith('app-01'))).toMatch(
      new RegExp(`^app-01 +${ids.app} +READY_FOR_TEST +CONTINUOUS +PT0S +differ: replication\\.bandwidthThrottling, `));
    expect(lines.find((l) => l.startsWith('old-01'))).toContain(`${ids.old} (archived)`);
    expect(lines.find((l) => l.startsWith('new-01'))).toMatch(/^new-01 +not found +- +- +- +-$/);
    expect(run.out()).toContain(`dup-01: 2 servers match by tag: ${[ids.dup1, ids.dup2].sort().join(', ')}`);
    expect(run.out()).toContain('3 of 6 VMs found among 6 source servers in eu-west-1\n');
  });

  test('pages through every server', async () => {
    // GIVEN
    for (let i = 0; i < 1005; i++) {
      emu.seedServer({ userProvidedID: `filler-${i}` });
    }
    emu.seedServer({ userProvidedID: 'new-01' });
    const file = writeTemp('plan.json', JSON.stringify(PLAN));
    const run = capture();

    // WHEN
    const status = await statusCommand(file, { format: 'json' }, run.io, { reader: oneAttempt });

    // THEN
    expect(status).toBe(0);
    const report = JSON.parse(run.out()) as StatusReport;
    expect(report.serversListed).toBe(1006);
    expect(report.vms.find((v) => v.vm === 'new-01')!.status).toBe('found');
    expect(emu.requests.filter((r) => r.operation === 'DescribeSourceServers')).toHaveLength(2);
  });

  test('compares the replication and launch configurations with the plan\'s, naming the members that differ', async () => {
    // GIVEN
    const ids = seed();
    const current = emu.replicationConfiguration(ids.app)!;
    const launch = emu.launchConfiguration(ids.app)!;
    const desired: DesiredServer = {
      replication: { bandwidthThrottling: Number(current.bandwidthThrottling ?? 0) + 100, dataPlaneRouting: current.dataPlaneRouting as string },
      launch: { copyPrivateIp: !(launch.copyPrivateIp as boolean), launchDisposition: launch.launchDisposition as string },
      launchTemplate: { instanceType: 'm5.large' },
    };
    const file = writeTemp('plan.json', JSON.stringify(PLAN));
    const run = capture();

    // WHEN
    const status = await statusCommand(file, { format: 'json' }, run.io, {
      reader: oneAttempt,
      desiredOf: () => (vm) => (vm.name === 'app-01' || vm.name === 'web-01' ? desired : undefined),
    });

    // THEN
    expect(status).toBe(0);
    const report = JSON.parse(run.out()) as StatusReport;
    const app = report.vms.find((v) => v.vm === 'app-01')!;
    expect(app.settings).toBe('differ');
    expect(app.differences).toEqual([
      { section: 'replication', member: 'bandwidthThrottling', current: String(current.bandwidthThrottling ?? '(none)'),
        desired: String(Number(current.bandwidthThrottling ?? 0) + 100) },
      { section: 'launch', member: 'copyPrivateIp', current: String(launch.copyPrivateIp), desired: String(!(launch.copyPrivateIp as boolean)) },
    ]);
    // The archived and ambiguous VMs are never compared: only found servers are read.
    const reads = emu.requests.filter((r) => r.operation === 'GetReplicationConfiguration' || r.operation === 'GetLaunchConfiguration');
    expect(reads).toHaveLength(4);
  });

  test('says the settings match when nothing differs', async () => {
    // GIVEN
    const ids = seed();
    const current = emu.replicationConfiguration(ids.app)!;
    const file = writeTemp('plan.json', JSON.stringify(PLAN));
    const run = capture();

    // WHEN
    await statusCommand(file, { format: 'table' }, run.io, {
      reader: oneAttempt,
      desiredOf: () => (vm) => (vm.name === 'app-01'
        ? { replication: { dataPlaneRouting: current.dataPlaneRouting as string }, launch: {}, launchTemplate: {} } : undefined),
    });

    // THEN
    expect(run.out().split('\n').find((l) => l.startsWith('app-01'))).toMatch(/ match$/);
  });

  test('fails with exit 4 and one line naming the call and MGN\'s error when the account is not initialized', async () => {
    // GIVEN
    emu.setInitialized(false);
    const file = writeTemp('plan.json', JSON.stringify(PLAN));
    const run = capture();

    // WHEN
    const status = await statusCommand(file, { format: 'table' }, run.io, { reader: oneAttempt });

    // THEN
    expect(status).toBe(STATUS_AWS_ERROR);
    expect(run.out()).toBe('');
    expect(run.err()).toMatch(/^cdk-sms: DescribeSourceServers failed: UninitializedAccountException: .+\n$/);
    expect(run.err().split('\n')).toHaveLength(2);
    expect(run.err()).not.toMatch(STACK_FRAME);
  });

  test('fails with exit 4 naming GetReplicationConfiguration when that call fails', async () => {
    // GIVEN
    seed();
    emu.setFaults([{ kind: 'internal', operations: ['GetReplicationConfiguration'] }]);
    const file = writeTemp('plan.json', JSON.stringify(PLAN));
    const run = capture();

    // WHEN
    const status = await statusCommand(file, { format: 'json' }, run.io, {
      reader: oneAttempt, desiredOf: () => () => ({ replication: { bandwidthThrottling: 1 }, launch: {}, launchTemplate: {} }),
    });

    // THEN
    expect(status).toBe(STATUS_AWS_ERROR);
    expect(run.err()).toMatch(/^cdk-sms: GetReplicationConfiguration failed: \S+.*\n$/);
    expect(run.err().split('\n')).toHaveLength(2);
  });

  test('reads the plan\'s Region when neither --region nor AWS_REGION is set', async () => {
    // GIVEN
    seed();
    const file = writeTemp('plan.json', JSON.stringify({ ...PLAN, mgn: { region: 'eu-west-1' } }));
    const env = { ...emu.env() };
    delete (env as Record<string, string>).AWS_REGION;
    const run = capture(env);

    // WHEN
    const status = await statusCommand(file, { format: 'json' }, run.io, { reader: oneAttempt });

    // THEN
    expect(status).toBe(0);
    expect((JSON.parse(run.out()) as StatusReport).region).toBe('eu-west-1');
  });

  test('the bundled command reads MGN through the standard environment', async () => {
    const main = path.join(__dirname, '..', '..', 'lib', 'cli', 'cdk-sms.js');
    if (!fs.existsSync(path.join(__dirname, '..', '..', 'lib', 'cli', 'cdk-sms-status.js'))) {
      return; // Built by `npm run build`; jest alone runs on the sources.
    }
    // GIVEN
    const ids = seed();
    const file = writeTemp('plan.json', JSON.stringify(PLAN));

    // WHEN: a child process, waited for without blocking this one, where the emulator answers.
    const child = spawn(process.execPath, [main, 'status', file, '--format', 'json'], { env: { ...process.env, ...emu.env() } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => { stdout += String(d); });
    child.stderr.on('data', (d) => { stderr += String(d); });
    const status = await new Promise<number | null>((resolve) => child.on('close', resolve));

    // THEN
    expect(stderr).toBe('');
    expect(status).toBe(0);
    expect((JSON.parse(stdout) as StatusReport).vms.find((v) => v.vm === 'web-01')!.sourceServerId).toBe(ids.web);
  }, 60_000);

  test('the command is in the CLI bundle apart, with the MGN client inside it', () => {
    expectCommandBundledApart('cdk-sms-status.js', 'DescribeSourceServersCommand');
  });
});
