import * as fs from 'fs';
import * as path from 'path';
import type { ResponseLaunchTemplateData } from '@aws-sdk/client-ec2';
import { RemovalPolicy } from 'aws-cdk-lib';
import { PENDING_ID_PREFIX, ResourceTypes, ServerStatuses, VM_TAG } from '../../../lib/mgn/handler/api';
import { fromProperties } from '../../../lib/mgn/handler/desired';
import { launchTemplateDifferences } from '../../../lib/mgn/handler/settings-diff';
import { Plan } from '../../../lib/plan/model/plan';
import { CloudFormationDriver, StepOutcome, captureInvocationLogs } from '../../support/cfn-driver';
import { Wire } from '../../support/mgn-emulator';
import { MgnE2eHarness, startMgnHarness } from './harness';
import { SynthesizedMigration, createAccountTemplates, examplePlan, publishImportCsv, synthesize, tempRoot } from './synth';

/**
 * An MGN migration plan (the example's: agent VMs imported from the wave's CSV, an agentless VM found by
 * the vCenter Client, plus one agentless VM not discovered yet), synthesized by the real `Migration` and
 * deployed by the CloudFormation stand-in with the handler bundle against the MGN emulator: the account
 * stack, then each wave stack, through Create, a redeploy that completes what registered since, updates
 * (a setting, a VM moved to another wave, VMs removed under each removal policy) and the stacks' Delete.
 * Every step is checked on the emulator's state: servers, applications, waves, memberships, configurations
 * and launch-template versions.
 */

jest.setTimeout(60_000);

const SEED = 20_261_205;

/** The agentless VM the vCenter Client finds between the first and the second deploy. */
const LATE_VM = { name: 'app-03', vmUuid: '4213a0c2-9d1e-4b7a-8c3d-2e1f0a9b8c79', vmPath: '/Datacenters/DC1/vm/app/app-03' };

let h: MgnE2eHarness;
let restoreLogs: () => void;
let root: string;
let s3Root: string;
const drivers = new Map<string, CloudFormationDriver>();

beforeAll(async () => {
  root = tempRoot('mgn-e2e-lifecycle');
  s3Root = path.join(root, 's3');
  // Two ListImports polls per import step: the import resource polls in isComplete before it ends.
  h = await startMgnHarness({ seed: SEED, s3Root, importSteps: 2 });
  restoreLogs = captureInvocationLogs();
});

afterEach(() => {
  expect(h.emu.diagnostics).toEqual([]);
  expect(h.emu.requests.filter((r) => r.unknownMembers.length > 0)).toEqual([]);
});

afterAll(async () => {
  restoreLogs?.();
  await h?.stop();
  if (root) {
    fs.rmSync(root, { recursive: true, force: true });
  }
});

// ---- the plans ----------------------------------------------------------------------------------

/** The example plan and one more agentless VM in wave-1 (app-02's twin), which MGN does not know yet. */
function planV1(): Plan {
  const plan = examplePlan() as unknown as { vms: Array<Record<string, unknown>> };
  const twin = JSON.parse(JSON.stringify(plan.vms.find((vm) => vm.name === 'app-02'))) as Record<string, unknown>;
  twin.name = LATE_VM.name;
  twin.source = { vmUuid: LATE_VM.vmUuid, vmPath: LATE_VM.vmPath };
  twin.nics = [{ ipv4: ['10.20.1.23'], ipv6: [], addressing: 'static' }];
  plan.vms.push(twin);
  return plan as unknown as Plan;
}

/** v1, then: app-01 on a larger instance type, web-02 moved to wave-2 (application web-b), web-01 out of the plan. */
function planV2(): Plan {
  const plan = planV1() as unknown as { vms: Array<Record<string, unknown> & { mgn?: { launch?: Record<string, unknown> } }> };
  const vm = (name: string) => plan.vms.find((v) => v.name === name)!;
  vm('app-01').mgn!.launch!.instanceType = 'm6i.2xlarge';
  Object.assign(vm('web-02'), { wave: 'wave-2', application: 'web-b' });
  plan.vms.splice(plan.vms.indexOf(vm('web-01')), 1);
  return plan as unknown as Plan;
}

/** v2 without app-02. */
function planV3(): Plan {
  const plan = planV2() as unknown as { vms: Array<Record<string, unknown>> };
  plan.vms.splice(plan.vms.findIndex((v) => v.name === 'app-02'), 1);
  return plan as unknown as Plan;
}

// ---- deploying ----------------------------------------------------------------------------------

function driverOf(stack: 'mgn' | 'wave-1' | 'wave-2'): CloudFormationDriver {
  let d = drivers.get(stack);
  if (!d) {
    d = h.driver(`Migration-${stack}`);
    drivers.set(stack, d);
  }
  return d;
}

/** Every request of a deployment succeeded (or was not sent, under a Retain policy or unchanged properties). */
function expectSucceeded(outcomes: Record<string, StepOutcome>): void {
  const failed = Object.entries(outcomes).filter(([, o]) => o.status === 'FAILED' || o.cleanup?.status === 'FAILED')
    .map(([id, o]) => ({ id, reason: o.reason ?? o.cleanup?.reason }));
  expect(failed).toEqual([]);
}

/** The account stack: the initialization resource, then the MGN templates that depend on it. */
async function deployAccount(s: SynthesizedMigration): Promise<Record<string, StepOutcome>> {
  const outcomes = await driverOf('mgn').deploy(s.account.resources);
  expectSucceeded(outcomes);
  await createAccountTemplates(s.account);
  return outcomes;
}

/** A wave stack: its import CSV published, then its custom resources deployed. */
async function deployWave(s: SynthesizedMigration, wave: 'wave-1' | 'wave-2'): Promise<Record<string, StepOutcome>> {
  const stack = s.waves.get(wave)!;
  expect(publishImportCsv(s, stack, s3Root)).toBe(1);
  const outcomes = await driverOf(wave).deploy(stack.resources);
  expectSucceeded(outcomes);
  return outcomes;
}

// ---- reading the emulator -----------------------------------------------------------------------

const live = (): Wire[] => h.emu.servers().filter((s) => s.isArchived !== true);
const tagOf = (s: Wire): string | undefined => (s.tags as Record<string, string> | undefined)?.[VM_TAG];
const stateOf = (s: Wire): string => (s.lifeCycle as { state: string }).state;

function serverOf(vmName: string): Wire {
  const found = h.emu.servers().filter((s) => tagOf(s) === vmName);
  expect(found.map((s) => s.sourceServerID)).toHaveLength(1);
  return found[0];
}

/** `<application>@<wave>` of every live server tagged with a plan VM (`-` for none). */
function placement(): Record<string, string> {
  const apps = new Map(h.emu.applications().map((a) => [a.applicationID as string, a]));
  const waves = new Map(h.emu.waves().map((w) => [w.waveID as string, w.name as string]));
  const out: Record<string, string> = {};
  for (const s of live().filter((x) => tagOf(x) !== undefined)) {
    const app = s.applicationID === undefined ? undefined : apps.get(s.applicationID as string);
    const wave = app?.waveID === undefined ? undefined : waves.get(app.waveID as string);
    out[tagOf(s)!] = `${(app?.name as string | undefined) ?? '-'}@${wave ?? '-'}`;
  }
  return out;
}

/** Application name → its wave's name (`-` for none), for every application MGN holds. */
function applicationWaves(): Record<string, string> {
  const waves = new Map(h.emu.waves().map((w) => [w.waveID as string, w.name as string]));
  return Object.fromEntries(h.emu.applications().map((a) => [a.name as string, a.waveID ? waves.get(a.waveID as string) ?? '?' : '-']));
}

/** The default version of a server's EC2 launch template. */
function defaultTemplateVersion(serverId: string): { id: string; version: number; latest: number; data: ResponseLaunchTemplateData } {
  const templateId = h.emu.launchConfiguration(serverId)!.ec2LaunchTemplateID as string;
  const lt = h.emu.launchTemplates().find((t) => t.launchTemplateId === templateId)!;
  const version = lt.versions.find((v) => v.versionNumber === lt.defaultVersion)!;
  return { id: templateId, version: lt.defaultVersion, latest: lt.latestVersion, data: version.data as ResponseLaunchTemplateData };
}

/**
 * The server of a `Custom::MgnSourceServer` holds what its properties ask: replication configuration,
 * launch configuration and the default launch-template version, which the resource's Data names.
 */
function expectConfiguredAsPlanned(driver: CloudFormationDriver, logicalId: string): void {
  const resource = driver.resource(logicalId)!;
  const id = resource.physicalResourceId;
  const desired = fromProperties(resource.definition.properties);
  const replication = h.emu.replicationConfiguration(id)!;
  const launch = h.emu.launchConfiguration(id)!;
  const actual = {
    replication: Object.fromEntries(Object.keys(desired.replication).map((k) => [k, replication[k]])),
    launch: Object.fromEntries(Object.keys(desired.launch).map((k) => [k,
      k === 'licensingOsByol' ? (launch.licensing as { osByol?: boolean } | undefined)?.osByol : launch[k]])),
  };
  expect({ vm: resource.definition.properties.VmName, ...actual })
    .toEqual({ vm: resource.definition.properties.VmName, replication: desired.replication, launch: desired.launch });
  const template = defaultTemplateVersion(id);
  expect(launchTemplateDifferences(template.data, desired.launchTemplate)).toEqual([]);
  expect(resource.data).toEqual({ SourceServerId: id, Status: ServerStatuses.CONFIGURED, LaunchTemplateVersion: String(template.version) });
  expect(tagOf(h.emu.servers().find((s) => s.sourceServerID === id)!)).toBe(resource.definition.properties.VmName);
}

// The steps build on each other: one deployment per test, in order.
describe('an MGN migration deployed through Create, redeploy, updates and Delete', () => {
  let v1: SynthesizedMigration;
  let discoveredApp02: string;
  let created: Record<string, string>;
  let app01Version: number;

  test('Create: MGN initialized, waves and applications made, the import ran, servers matched and configured, a missing VM pending', async () => {
    // GIVEN MGN not initialized, and the synthesized migration
    expect(h.emu.initialized).toBe(false);
    v1 = synthesize(planV1(), root);
    expect([...v1.waves.keys()]).toEqual(['wave-1', 'wave-2']);

    // WHEN the account stack is deployed, then the vCenter Client discovers app-02, then the wave stacks are deployed
    const account = await deployAccount(v1);
    expect(h.emu.initialized).toBe(true);
    expect(Object.values(account).map((o) => o.physicalResourceId)).toEqual(['mgn-initialization:us-east-1']);
    discoveredApp02 = h.emu.discoverVm({ vmWareUuid: '4213a0c2-9d1e-4b7a-8c3d-2e1f0a9b8c74', vmPath: '/Datacenters/DC1/vm/app/app-02',
      hostname: 'app-02' }).sourceServerID as string;
    const wave1 = await deployWave(v1, 'wave-1');
    const wave2 = await deployWave(v1, 'wave-2');

    // THEN the waves and their applications exist, each server in its application
    expect(h.emu.waves().map((w) => [w.name, w.description])).toEqual([['wave-1', 'web and application tiers'],
      ['wave-2', 'databases and file servers']]);
    expect(applicationWaves()).toEqual({ web: 'wave-1', app: 'wave-1', db: 'wave-2' });
    expect(placement()).toEqual({ 'web-01': 'web@wave-1', 'web-02': 'web@wave-1', 'app-01': 'app@wave-1', 'app-02': 'app@wave-1',
      'db-02': 'db@wave-2' });
    // the imports ran, one per wave stack, and made the agent VMs' servers (waiting for their agent)
    expect(h.emu.imports().map((i) => [i.status, (i.summary as { servers: { createdCount: number } }).servers.createdCount]))
      .toEqual([['SUCCEEDED', 3], ['SUCCEEDED', 1]]);
    for (const vm of ['web-01', 'web-02', 'app-01', 'db-02']) {
      expect(serverOf(vm)).toMatchObject({ userProvidedID: vm, replicationType: 'AGENT_BASED', lifeCycle: { state: 'PENDING_INSTALLATION' } });
    }
    // the agentless VM discovered beforehand is matched, not duplicated
    expect(driverOf('wave-1').resource(v1.serverIds.get('app-02')!)!.physicalResourceId).toBe(discoveredApp02);
    expect(serverOf('app-02')).toMatchObject({ sourceServerID: discoveredApp02, replicationType: 'SNAPSHOT_SHIPPING' });
    expect(h.emu.servers()).toHaveLength(5);
    // every found server holds the plan's settings
    for (const vm of ['web-01', 'web-02', 'app-01', 'app-02']) {
      expectConfiguredAsPlanned(driverOf('wave-1'), v1.serverIds.get(vm)!);
    }
    expectConfiguredAsPlanned(driverOf('wave-2'), v1.serverIds.get('db-02')!);
    const app01 = defaultTemplateVersion(serverOf('app-01').sourceServerID as string);
    expect(app01.data).toMatchObject({ InstanceType: 'm6i.xlarge', Placement: { Tenancy: 'host',
      HostResourceGroupArn: 'arn:aws:resource-groups:eu-west-1:123456789012:group/windows-byol-hosts' },
    NetworkInterfaces: [expect.objectContaining({ DeviceIndex: 0, SubnetId: 'subnet-0e5f6a7b8c9d0e1f2', Groups: ['sg-0123456789abcdef0'] })] });
    app01Version = app01.version;
    // the VM MGN does not know yet is pending, not failed
    const late = wave1[v1.serverIds.get(LATE_VM.name)!];
    expect(late).toMatchObject({ status: 'SUCCESS', physicalResourceId: `${PENDING_ID_PREFIX}${LATE_VM.name}`,
      data: { SourceServerId: '', Status: ServerStatuses.PENDING, LaunchTemplateVersion: '' } });
    expect(Object.values(wave2).map((o) => o.status)).toEqual(['SUCCESS', 'SUCCESS', 'SUCCESS']);
    created = Object.fromEntries([...v1.serverIds.keys()].filter((vm) => vm !== LATE_VM.name)
      .map((vm) => [vm, serverOf(vm).sourceServerID as string]));
  });

  test('Redeploy with a new Refresh: a VM discovered since is found and configured, an agent registered since keeps its server', async () => {
    // GIVEN web-01's agent registers (its imported server goes NOT_READY) and the vCenter Client discovers app-03
    h.emu.registerAgent({ userProvidedID: 'web-01', hostname: 'web-01', fqdn: 'web-01.corp.example.com', platform: 'Linux' });
    const discovered = h.emu.discoverVm({ vmWareUuid: LATE_VM.vmUuid.toUpperCase(), vmPath: LATE_VM.vmPath }).sourceServerID as string;
    const imports = h.emu.imports().length;

    // WHEN the same plan is synthesized again (a new Refresh value) and deployed
    const again = synthesize(planV1(), root, { refresh: 'second-synthesis' });
    const wave1 = await deployWave(again, 'wave-1');
    await deployWave(again, 'wave-2');

    // THEN app-03's resource takes the discovered server: a new physical id, whose old pending id CloudFormation
    // does not delete (UpdateReplacePolicy Retain of a retained server; its Delete would do nothing anyway)
    const lateId = again.serverIds.get(LATE_VM.name)!;
    expect(wave1[lateId]).toMatchObject({ status: 'SUCCESS', physicalResourceId: discovered,
      replacedPhysicalResourceId: `${PENDING_ID_PREFIX}${LATE_VM.name}`, cleanup: { status: 'SKIPPED' } });
    expectConfiguredAsPlanned(driverOf('wave-1'), lateId);
    expect(placement()[LATE_VM.name]).toBe('app@wave-1');
    // web-01 is the same server, now replicating, and still configured; no server was made or lost
    expect(serverOf('web-01')).toMatchObject({ sourceServerID: created['web-01'], lifeCycle: { state: 'NOT_READY' } });
    for (const [vm, id] of Object.entries(created)) {
      expect({ vm, id: serverOf(vm).sourceServerID }).toEqual({ vm, id });
    }
    expectConfiguredAsPlanned(driverOf('wave-1'), again.serverIds.get('web-01')!);
    expect(h.emu.servers()).toHaveLength(6);
    // the waves and imports were unchanged: not sent again
    expect(wave1[[...Object.keys(wave1)].find((id) => again.waves.get('wave-1')!.resources[id].type === ResourceTypes.WAVE)!].status)
      .toBe('SKIPPED');
    expect(h.emu.imports()).toHaveLength(imports);
  });

  test('Update: a setting changed, a VM moved to another wave, a VM removed from the plan is retained in MGN', async () => {
    // GIVEN
    const waveIds = Object.fromEntries(h.emu.waves().map((w) => [w.name as string, w.waveID as string]));
    const app01 = serverOf('app-01').sourceServerID as string;

    // WHEN plan v2 is deployed: wave-1, then wave-2
    const v2 = synthesize(planV2(), root, { refresh: 'third-synthesis' });
    const wave1 = await deployWave(v2, 'wave-1');
    const wave2 = await deployWave(v2, 'wave-2');

    // THEN app-01 has a new launch-template version, the default, with the new instance type
    const template = defaultTemplateVersion(app01);
    expect(template).toMatchObject({ version: app01Version + 1, latest: app01Version + 1, data: { InstanceType: 'm6i.2xlarge' } });
    expectConfiguredAsPlanned(driverOf('wave-1'), v2.serverIds.get('app-01')!);
    // web-02 left the wave-1 stack (retained: no Delete sent) and its server joined application web-b of wave-2
    expect(wave1[v1.serverIds.get('web-02')!]).toMatchObject({ requestType: 'Delete', status: 'SKIPPED' });
    expect(wave2[v2.serverIds.get('web-02')!]).toMatchObject({ requestType: 'Create', status: 'SUCCESS', physicalResourceId: created['web-02'] });
    expectConfiguredAsPlanned(driverOf('wave-2'), v2.serverIds.get('web-02')!);
    // web-01 left the plan: retained, untouched in MGN, in its application, which left wave-1 (no VM of wave-1 is in it)
    expect(wave1[v1.serverIds.get('web-01')!]).toMatchObject({ requestType: 'Delete', status: 'SKIPPED' });
    expect(serverOf('web-01')).toMatchObject({ sourceServerID: created['web-01'], isArchived: false, lifeCycle: { state: 'NOT_READY' } });
    expect(driverOf('wave-1').retained.filter((r) => r.why === 'DeletionPolicy').map((r) => r.physicalResourceId).sort())
      .toEqual([created['web-01'], created['web-02']].sort());
    expect(placement()).toEqual({ 'web-01': 'web@-', 'web-02': 'web-b@wave-2', 'app-01': 'app@wave-1', 'app-02': 'app@wave-1',
      'app-03': 'app@wave-1', 'db-02': 'db@wave-2' });
    expect(applicationWaves()).toEqual({ 'web': '-', 'app': 'wave-1', 'db': 'wave-2', 'web-b': 'wave-2' });
    // the waves kept their ids; each stack imported its new CSV; no server was made
    expect(Object.fromEntries(h.emu.waves().map((w) => [w.name as string, w.waveID as string]))).toEqual(waveIds);
    expect(h.emu.imports().map((i) => i.status)).toEqual(['SUCCEEDED', 'SUCCEEDED', 'SUCCEEDED', 'SUCCEEDED']);
    expect(h.emu.servers()).toHaveLength(6);
  });

  test('Update with serverRemovalPolicy DESTROY: a VM removed from the plan is disconnected, archived and leaves its application', async () => {
    // GIVEN
    const app02 = serverOf('app-02').sourceServerID as string;

    // WHEN wave-1 is deployed with serverRemovalPolicy DESTROY (CloudFormation deletes a resource removed from the
    // template under the DeletionPolicy it was deployed with: the policy is deployed first), then without app-02
    const destroying = await deployWave(synthesize(planV2(), root, { refresh: 'fourth-synthesis', serverRemovalPolicy: RemovalPolicy.DESTROY }),
      'wave-1');
    expect(destroying[v1.serverIds.get('app-02')!]).toMatchObject({ requestType: 'Update', status: 'SUCCESS', physicalResourceId: app02 });
    expect(serverOf('app-02')).toMatchObject({ isArchived: false });
    const v3 = synthesize(planV3(), root, { refresh: 'fourth-synthesis', serverRemovalPolicy: RemovalPolicy.DESTROY });
    const wave1 = await deployWave(v3, 'wave-1');

    // THEN
    expect(wave1[v1.serverIds.get('app-02')!]).toMatchObject({ requestType: 'Delete', status: 'SUCCESS', physicalResourceId: app02 });
    const server = h.emu.servers().find((s) => s.sourceServerID === app02)!;
    expect(server).toMatchObject({ isArchived: true, lifeCycle: { state: 'DISCONNECTED' } });
    expect(server.applicationID).toBeUndefined();
    // the others keep their servers, settings and places
    for (const vm of ['app-01', LATE_VM.name]) {
      expect(wave1[v3.serverIds.get(vm)!]).toMatchObject({ requestType: 'Update', status: 'SKIPPED' });
      expectConfiguredAsPlanned(driverOf('wave-1'), v3.serverIds.get(vm)!);
    }
    expect(placement()).toEqual({ 'web-01': 'web@-', 'web-02': 'web-b@wave-2', 'app-01': 'app@wave-1', 'app-03': 'app@wave-1',
      'db-02': 'db@wave-2' });
  });

  test('Delete: wave stacks, then the account stack; destroyed servers archived, waves and applications removed where empty, MGN left initialized', async () => {
    // GIVEN wave-2 deployed with retained servers (web-02, db-02), wave-1 with destroyed ones (app-01, app-03)
    const servers = () => Object.fromEntries(h.emu.servers().map((s) => [tagOf(s) ?? s.sourceServerID as string,
      `${s.isArchived === true ? 'archived' : 'live'}/${stateOf(s)}`]));

    // WHEN wave-2's stack is deleted
    const wave2 = await driverOf('wave-2').deleteStack();

    // THEN its servers are retained, so their applications stay, and the wave stays with them
    expectSucceeded(wave2);
    expect(Object.values(wave2).map((o) => `${o.requestType} ${o.status}`).sort())
      .toEqual(['Delete SKIPPED', 'Delete SKIPPED', 'Delete SUCCESS', 'Delete SUCCESS']);
    expect(applicationWaves()).toEqual({ 'web': '-', 'app': 'wave-1', 'db': 'wave-2', 'web-b': 'wave-2' });

    // WHEN wave-1's stack is deleted
    const wave1 = await driverOf('wave-1').deleteStack();

    // THEN its servers are archived, its application (empty now) deleted, and the wave (empty now) deleted
    expectSucceeded(wave1);
    expect(applicationWaves()).toEqual({ 'web': '-', 'db': 'wave-2', 'web-b': 'wave-2' });
    expect(h.emu.waves().map((w) => w.name)).toEqual(['wave-2']);
    expect(servers()).toEqual({
      'web-01': 'live/NOT_READY', 'web-02': 'live/PENDING_INSTALLATION', 'db-02': 'live/PENDING_INSTALLATION',
      'app-01': 'archived/DISCONNECTED', 'app-02': 'archived/DISCONNECTED', 'app-03': 'archived/DISCONNECTED',
    });
    expect(placement()).toEqual({ 'web-01': 'web@-', 'web-02': 'web-b@wave-2', 'db-02': 'db@wave-2' });

    // WHEN the account stack is deleted
    const account = await driverOf('mgn').deleteStack();

    // THEN MGN stays initialized
    expect(Object.values(account).map((o) => o.status)).toEqual(['SUCCESS']);
    expect(h.emu.initialized).toBe(true);
    for (const stack of ['mgn', 'wave-1', 'wave-2'] as const) {
      expect({ stack, resources: driverOf(stack).stackResources }).toEqual({ stack, resources: [] });
    }
  });
});
