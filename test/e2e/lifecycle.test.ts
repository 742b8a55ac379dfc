import { App, CfnElement, Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import { LicenseType, ReplicationFrequency, ReplicationJob, ReplicationServer, SeedTime } from '../../lib';
import { RESOURCE_TYPE } from '../../lib/sms/handler/api';
import { ownershipMarker } from '../../lib/sms/handler/ownership';
import { CloudFormationDriver, IntrinsicValues, StepOutcome, captureInvocationLogs, customResources } from '../support/cfn-driver';
import { JobSnapshot, ServerSnapshot } from '../support/sms-emulator';
import { E2eHarness, startHarness } from './helpers';

/**
 * One stack of four replication jobs, synthesized by the real construct and deployed by the CloudFormation
 * driver against the emulator with the handler bundle, through every kind of change: Create, Update in
 * place, replacement on another server, replacement on the same server (RunOnce flipped), and Delete.
 * After each deployment the emulator holds exactly the jobs the stack says exist.
 */

jest.setTimeout(60_000);

const SEED = 20_240_611;
const ROLE_NAME = 'e2e-sms-replication';
const KEY_ARN = 'arn:aws:kms:us-east-1:123456789012:key/0f6c1a52-3e3b-4a7e-9d2c-5b8f0e1d2c3a';
const SEED_AT = new Date(Date.now() + 2 * 86_400_000);
SEED_AT.setUTCSeconds(0, 0);

let h: E2eHarness;
let driver: CloudFormationDriver;
let restoreLogs: () => void;
let servers: Servers;

beforeAll(async () => {
  h = await startHarness(SEED);
  restoreLogs = captureInvocationLogs();
  driver = h.driver({ stackName: 'E2eMigration' });
  servers = pickServers(h.emu.state.catalogServers);
});

afterEach(() => expect(h.emu.state.diagnostics).toEqual([]));

afterAll(async () => {
  restoreLogs?.();
  await h?.stop();
});

interface Servers {
  readonly byId: readonly [ServerSnapshot, ServerSnapshot];
  readonly byName: readonly [ServerSnapshot, ServerSnapshot];
  readonly byPath: readonly [ServerSnapshot, ServerSnapshot];
  readonly byVmId: readonly [ServerSnapshot, ServerSnapshot];
}

/** Servers of the seeded catalog a job succeeds on, chosen so that every selector matches exactly one. */
function pickServers(catalog: readonly ServerSnapshot[]): Servers {
  const usable = catalog.filter((s) => s.volumeCount <= 22);
  const count = (f: (s: ServerSnapshot) => boolean) => catalog.filter(f).length;
  const taken = new Set<string>();
  const take = (f: (s: ServerSnapshot) => boolean): ServerSnapshot => {
    const found = usable.find((s) => !taken.has(s.serverId) && f(s));
    if (!found) {
      throw new Error('the seeded catalog has no server left for the test');
    }
    taken.add(found.serverId);
    return found;
  };
  const linux = (s: ServerSnapshot) => s.osFamily === 'LINUX';
  const uniqueName = (s: ServerSnapshot) => count((o) => o.vmServer.vmName === s.vmServer.vmName) === 1;
  const uniqueVmId = (s: ServerSnapshot) => count((o) => o.vmServer.vmServerAddress.vmId === s.vmServer.vmServerAddress.vmId
    && o.vmServer.vmManagerName === s.vmServer.vmManagerName) === 1;
  const windowsServer = (s: ServerSnapshot) => s.osFamily === 'WINDOWS_SERVER' && uniqueVmId(s);
  return {
    byId: [take(linux), take(linux)],
    byName: [take((s) => linux(s) && uniqueName(s)), take(linux)],
    byPath: [take(linux), take((s) => s.osFamily === 'WINDOWS_CLIENT' || linux(s))],
    byVmId: [take(windowsServer), take(windowsServer)],
  };
}

/** What changes from one deployment to the next. */
type Version = 1 | 2 | 3 | 4;

interface Synthesized {
  readonly template: unknown;
  readonly values: IntrinsicValues;
  readonly logicalIds: Readonly<Record<'byId' | 'byName' | 'byPath' | 'byVmId', string>>;
}

/** The stack at one version, synthesized by the construct. */
function synth(v: Version): Synthesized {
  const app = new App();
  const stack = new Stack(app, 'E2eMigration', { env: { account: '123456789012', region: 'us-east-1' } });
  const role = new iam.Role(stack, 'SmsRole', { assumedBy: new iam.ServicePrincipal('sms.amazonaws.com') });
  const key = new kms.Key(stack, 'AmiKey');
  const s = servers;
  const second = v >= 3 ? 1 : 0;
  const flipped = v >= 4;
  const every = (hours: number) => (flipped ? ReplicationFrequency.once() : ReplicationFrequency.every(Duration.hours(hours)));

  const byId = new ReplicationJob(stack, 'ById', {
    server: ReplicationServer.fromServerId(s.byId[second].serverId),
    frequency: every(v === 1 ? 12 : 4),
    numberOfRecentAmisToKeep: v === 1 ? 3 : 5,
    description: v === 1 ? 'by server id' : 'by server id, every 4 h',
  });
  const named = s.byName[second].vmServer;
  const byName = new ReplicationJob(stack, 'ByName', {
    // Version 2 narrows the same VM with its VM manager: the same server, so an update in place.
    server: v === 1 ? ReplicationServer.fromVmName(named.vmName) : ReplicationServer.fromVmName(named.vmName, named.vmManagerName),
    frequency: every(v === 1 ? 6 : 8),
    licenseType: LicenseType.BYOL,
    description: `${named.vmName} v${Math.min(v, 2)}`,
    removalPolicy: RemovalPolicy.RETAIN,
  });
  const byPath = new ReplicationJob(stack, 'ByPath', {
    server: ReplicationServer.fromVmPath(s.byPath[second].vmServer.vmPath),
    frequency: flipped ? ReplicationFrequency.every(Duration.hours(12)) : ReplicationFrequency.once(),
    numberOfRecentAmisToKeep: v === 1 ? undefined : 2,
    description: v === 1 ? 'one-time' : 'one-time, keep 2 AMIs',
  });
  const windows = s.byVmId[second].vmServer;
  const byVmId = new ReplicationJob(stack, 'ByVmId', {
    server: ReplicationServer.fromVmId(windows.vmServerAddress.vmId, windows.vmManagerName),
    displayName: `windows ${windows.vmName}`,
    frequency: every(v === 1 ? 24 : 12),
    seedTime: SeedTime.at(SEED_AT),
    licenseType: LicenseType.AWS,
    numberOfRecentAmisToKeep: v === 1 ? 10 : 0,
    role,
    encryptionKey: key,
  });

  const logicalId = (c: ReplicationJob) => stack.getLogicalId(c.node.findChild('Resource').node.defaultChild as CfnElement);
  return {
    template: Template.fromStack(stack).toJSON(),
    values: {
      ref: { [stack.getLogicalId(role.node.defaultChild as CfnElement)]: ROLE_NAME },
      getAtt: { [`${stack.getLogicalId(key.node.defaultChild as CfnElement)}.Arn`]: KEY_ARN },
    },
    logicalIds: { byId: logicalId(byId), byName: logicalId(byName), byPath: logicalId(byPath), byVmId: logicalId(byVmId) },
  };
}

async function deploy(v: Version): Promise<{ outcomes: Record<string, StepOutcome>; ids: Synthesized['logicalIds'] }> {
  const { template, values, logicalIds } = synth(v);
  const definitions = customResources(template, RESOURCE_TYPE, values);
  expect(Object.keys(definitions).sort()).toEqual(Object.values(logicalIds).sort());
  const outcomes = await driver.deploy(definitions);
  for (const [id, outcome] of Object.entries(outcomes)) {
    expect({ id, status: outcome.status, reason: outcome.reason }).toEqual({ id, status: 'SUCCESS', reason: undefined });
  }
  return { outcomes, ids: logicalIds };
}

function physicalId(logicalId: string): string {
  return driver.resource(logicalId)!.physicalResourceId;
}

function jobOf(logicalId: string): JobSnapshot {
  const job = h.emu.state.job(physicalId(logicalId));
  if (!job) {
    throw new Error(`${logicalId}: job ${physicalId(logicalId)} is not in the emulator`);
  }
  return job;
}

function marker(logicalId: string): string {
  return ownershipMarker(driver.stackId, logicalId);
}

/**
 * The emulator holds exactly the jobs the stack says exist: no job lost, duplicated or orphaned. `replacedInPlace`:
 * retained jobs the handler had to delete to replace them on the same server (SMS holds one job per server).
 */
function expectEmulatorMatchesStack(replacedInPlace: readonly string[] = []): void {
  const expected = driver.expectedPhysicalIds().filter((id) => !replacedInPlace.includes(id));
  expect(h.emu.state.jobs.map((j) => j.replicationJobId).sort()).toEqual(expected);
  const perServer = new Map<string, number>();
  for (const j of h.emu.state.jobs) {
    perServer.set(j.serverId, (perServer.get(j.serverId) ?? 0) + 1);
  }
  expect([...perServer.values()].every((n) => n === 1)).toBe(true);
}

// The steps build on each other: one deployment per test, in order.
describe('a stack of replication jobs, deployed through every kind of change', () => {
  let created: Record<string, string>;
  let v2: Record<string, string>;
  let flippedRetained: string;

  test('Create: every job exists in SMS with the template\'s settings and is ACTIVE', async () => {
    // WHEN
    const { outcomes, ids } = await deploy(1);

    // THEN
    const s = servers;
    for (const [key, server] of [['byId', s.byId[0]], ['byName', s.byName[0]], ['byPath', s.byPath[0]], ['byVmId', s.byVmId[0]]] as const) {
      const id = ids[key];
      expect(outcomes[id].data).toEqual({ ReplicationJobId: physicalId(id), ServerId: server.serverId });
      expect(jobOf(id)).toMatchObject({ serverId: server.serverId, state: 'ACTIVE' });
    }
    expect(jobOf(ids.byId)).toMatchObject({ frequency: 12, numberOfRecentAmisToKeep: 3, licenseType: 'BYOL',
      description: `by server id ${marker(ids.byId)}` });
    expect(jobOf(ids.byName)).toMatchObject({ frequency: 6, licenseType: 'BYOL', description: `${s.byName[0].vmServer.vmName} v1 ${marker(ids.byName)}` });
    expect(jobOf(ids.byPath)).toMatchObject({ runOnce: true, frequency: undefined, numberOfRecentAmisToKeep: undefined,
      description: `one-time ${marker(ids.byPath)}` });
    expect(jobOf(ids.byVmId)).toMatchObject({ frequency: 24, licenseType: 'AWS', roleName: ROLE_NAME, encrypted: true, kmsKeyId: KEY_ARN,
      numberOfRecentAmisToKeep: 10, seedReplicationTime: SEED_AT, description: marker(ids.byVmId) });
    // Each job took one isComplete poll while PENDING and one more to see it ACTIVE.
    expect(Object.values(outcomes).map((o) => o.invocations.map((i) => i.fn))).toEqual(Array(4).fill(['onEvent', 'isComplete', 'isComplete']));
    expectEmulatorMatchesStack();
    created = Object.fromEntries(Object.values(ids).map((id) => [id, physicalId(id)]));
  });

  test('Update in place: same physical ids, the jobs changed in SMS', async () => {
    // WHEN
    const { outcomes, ids } = await deploy(2);

    // THEN
    for (const id of Object.values(ids)) {
      expect(physicalId(id)).toBe(created[id]);
      expect(outcomes[id].replacedPhysicalResourceId).toBeUndefined();
      expect(outcomes[id].cleanup).toBeUndefined();
    }
    expect(jobOf(ids.byId)).toMatchObject({ frequency: 4, numberOfRecentAmisToKeep: 5, description: `by server id, every 4 h ${marker(ids.byId)}` });
    expect(jobOf(ids.byName)).toMatchObject({ serverId: servers.byName[0].serverId, frequency: 8,
      description: `${servers.byName[0].vmServer.vmName} v2 ${marker(ids.byName)}` });
    expect(jobOf(ids.byPath)).toMatchObject({ runOnce: true, numberOfRecentAmisToKeep: 2, description: `one-time, keep 2 AMIs ${marker(ids.byPath)}` });
    expect(jobOf(ids.byVmId)).toMatchObject({ frequency: 12, numberOfRecentAmisToKeep: 0, licenseType: 'AWS', kmsKeyId: KEY_ARN });
    expect(h.emu.requests.filter((r) => r.operation === 'CreateReplicationJob' || r.operation === 'DeleteReplicationJob')
      .filter((r) => r.status === 200)).toHaveLength(4);
    expectEmulatorMatchesStack();
    v2 = Object.fromEntries(Object.values(ids).map((id) => [id, physicalId(id)]));
  });

  test('Update to another server: new physical ids; the old jobs are deleted by the Delete that follows, or retained', async () => {
    // WHEN
    const { outcomes, ids } = await deploy(3);

    // THEN
    const s = servers;
    for (const [key, [oldServer, newServer]] of Object.entries(s) as Array<[keyof Servers, readonly [ServerSnapshot, ServerSnapshot]]>) {
      const id = ids[key];
      const outcome = outcomes[id];
      expect(outcome.replacedPhysicalResourceId).toBe(v2[id]);
      expect(physicalId(id)).not.toBe(v2[id]);
      expect(jobOf(id)).toMatchObject({ serverId: newServer.serverId, state: 'ACTIVE', description: expect.stringContaining(marker(id)) });
      expect(outcome.data).toEqual({ ReplicationJobId: physicalId(id), ServerId: newServer.serverId });
      if (key === 'byName') {
        // UpdateReplacePolicy Retain: CloudFormation sends no Delete, the old job keeps replicating.
        expect(outcome.cleanup).toMatchObject({ status: 'SKIPPED' });
        expect(h.emu.state.jobOfServer(oldServer.serverId)?.replicationJobId).toBe(v2[id]);
      } else {
        expect(outcome.cleanup).toMatchObject({ status: 'SUCCESS', physicalResourceId: v2[id] });
        expect(h.emu.state.job(v2[id])).toBeUndefined();
        expect(h.emu.state.jobOfServer(oldServer.serverId)).toBeUndefined();
      }
    }
    expect(driver.retained).toEqual([{ logicalResourceId: ids.byName, physicalResourceId: v2[ids.byName], why: 'UpdateReplacePolicy' }]);
    expectEmulatorMatchesStack();
  });

  test('Update that flips RunOnce on the same server: the old job goes before the new one exists, nothing is left behind', async () => {
    // GIVEN
    const before = Object.fromEntries(Object.values(synth(3).logicalIds).map((id) => [id, physicalId(id)]));
    const firstRequest = h.emu.requests.length;

    // WHEN
    const { outcomes, ids } = await deploy(4);

    // THEN
    const requests = h.emu.requests.slice(firstRequest);
    for (const [key, [, server]] of Object.entries(servers) as Array<[keyof Servers, readonly [ServerSnapshot, ServerSnapshot]]>) {
      const id = ids[key];
      const oldJob = before[id];
      expect(outcomes[id].replacedPhysicalResourceId).toBe(oldJob);
      expect(physicalId(id)).not.toBe(oldJob);
      expect(jobOf(id)).toMatchObject({ serverId: server.serverId, runOnce: key === 'byPath' ? undefined : true,
        frequency: key === 'byPath' ? 12 : undefined });
      // The handler deleted the old job, then created the new one: SMS never held two jobs for the server.
      const deletedAt = requests.findIndex((r) => r.operation === 'DeleteReplicationJob' && r.status === 200
        && (r.input as { replicationJobId?: string }).replicationJobId === oldJob);
      const createdAt = requests.findIndex((r) => r.operation === 'CreateReplicationJob' && r.status === 200
        && (r.input as { serverId?: string }).serverId === server.serverId);
      expect(deletedAt).toBeGreaterThanOrEqual(0);
      expect(createdAt).toBeGreaterThan(deletedAt);
      // The Delete CloudFormation sends for the old id afterwards finds it gone and succeeds (retain: not sent).
      expect(outcomes[id].cleanup).toMatchObject({ status: key === 'byName' ? 'SKIPPED' : 'SUCCESS' });
      expect(h.emu.state.jobOfServer(server.serverId)?.replicationJobId).toBe(physicalId(id));
    }
    // The job retained by the previous replacement is still there; the one replaced here is not.
    expect(driver.retained.map((r) => r.physicalResourceId)).toEqual([v2[ids.byName], before[ids.byName]]);
    expect(h.emu.state.job(before[ids.byName])).toBeUndefined();
    expectEmulatorMatchesStack([before[ids.byName]]);
    flippedRetained = before[ids.byName];
  });

  test('Delete: destroy deletes the jobs, retain leaves them replicating', async () => {
    // GIVEN
    const ids = synth(4).logicalIds;
    const last = Object.fromEntries(Object.values(ids).map((id) => [id, physicalId(id)]));

    // WHEN the stack is deleted
    const outcomes = await driver.deploy({});

    // THEN
    expect(Object.values(outcomes).map((o) => o.status).sort()).toEqual(['SKIPPED', 'SUCCESS', 'SUCCESS', 'SUCCESS']);
    expect(driver.stackResources).toEqual([]);
    for (const id of [ids.byId, ids.byPath, ids.byVmId]) {
      expect(h.emu.state.job(last[id])).toBeUndefined();
    }
    expect(h.emu.state.job(last[ids.byName])).toMatchObject({ serverId: servers.byName[1].serverId, state: 'ACTIVE' });
    expect(h.emu.state.jobs.map((j) => j.replicationJobId).sort()).toEqual([v2[ids.byName], last[ids.byName]].sort());
    expectEmulatorMatchesStack([flippedRetained]);
  });
});

describe('a one-time job after its migration completed', () => {
  test('an update of its settings deploys and leaves the COMPLETED job as it is (SMS no longer updates it)', async () => {
    // GIVEN a one-time job whose replication run has completed
    h.reset();
    const cutover = h.driver({ stackName: 'E2eCutover' });
    const server = servers.byId[0];
    const definition = (description: string) => ({
      type: RESOURCE_TYPE,
      properties: { ServerId: server.serverId, DisplayName: server.vmServer.vmName, RunOnce: 'true', Description: description,
        Encrypted: 'false', RemovalPolicy: 'destroy' },
    });
    const created = await cutover.create('Cutover', definition('cut-over'));
    expect(created.status).toBe('SUCCESS');
    h.emu.clock.advance(2 * 3_600_000);
    expect(h.emu.state.job(created.physicalResourceId)).toMatchObject({ state: 'COMPLETED', latestAmiId: expect.stringMatching(/^ami-/) });

    // WHEN
    const updated = await cutover.update('Cutover', definition('cut-over, done'));

    // THEN
    expect(updated).toMatchObject({ status: 'SUCCESS', physicalResourceId: created.physicalResourceId });
    expect(updated.rollback).toBeUndefined();
    expect(h.emu.requests.filter((r) => r.operation === 'UpdateReplicationJob')).toEqual([]);
    expect(h.emu.state.job(created.physicalResourceId)).toMatchObject({ state: 'COMPLETED', description: expect.stringMatching(/^cut-over \[/) });
    expect(await cutover.delete('Cutover')).toMatchObject({ status: 'SUCCESS' });
    expect(h.emu.state.jobs).toEqual([]);
  });
});
