import {
  ArchiveApplicationCommand, AssociateApplicationsCommand, AssociateSourceServersCommand, CreateApplicationCommand,
  CreateLaunchConfigurationTemplateCommand, CreateReplicationConfigurationTemplateCommand, CreateWaveCommand, DeleteApplicationCommand,
  DeleteWaveCommand, DescribeLaunchConfigurationTemplatesCommand, DescribeSourceServersCommand, DisconnectFromServiceCommand,
  GetLaunchConfigurationCommand, GetReplicationConfigurationCommand, InitializeServiceCommand, ListApplicationsCommand,
  MarkAsArchivedCommand, MgnClient, UpdateLaunchConfigurationCommand, UpdateReplicationConfigurationCommand, paginateDescribeSourceServers,
} from '@aws-sdk/client-mgn';
import { MgnEmulator } from '../support/mgn-emulator';
import { RCT_INPUT, caught, mgnClient, start, statusOf } from './helpers';

/** State rules of mgn-api.md §12.5-8 through the real SDK. */

let emu: MgnEmulator;
let mgn: MgnClient;
beforeEach(async () => {
  emu = await start({ seed: 11 });
  mgn = mgnClient();
});
afterEach(async () => {
  expect(emu.diagnostics).toEqual([]);
  await emu.close();
});

async function init(): Promise<void> {
  await mgn.send(new InitializeServiceCommand({}));
}

test('InitializeService twice answers 204 both times', async () => {
  await init();
  await init();
  expect(emu.initialized).toBe(true);
  expect(emu.requests.map((r) => r.status)).toEqual([204, 204]);
});

test('templates: ids, an lt- id per launch configuration template, new servers initialised from them', async () => {
  // GIVEN
  await init();
  const rct = await mgn.send(new CreateReplicationConfigurationTemplateCommand({ ...RCT_INPUT, bandwidthThrottling: 50, tags: { k: 'v' } }));
  const lct = await mgn.send(new CreateLaunchConfigurationTemplateCommand({ launchDisposition: 'STARTED', copyTags: true }));
  // WHEN
  const s = emu.seedServer({ hostname: 'web-01' }).sourceServerID as string;
  // THEN
  expect(rct.replicationConfigurationTemplateID).toMatch(/^rct-[0-9a-zA-Z]{17}$/);
  expect(rct.tags).toEqual({ k: 'v' });
  expect(lct.launchConfigurationTemplateID).toMatch(/^lct-[0-9a-zA-Z]{17}$/);
  expect(lct.ec2LaunchTemplateID).toMatch(/^lt-[0-9a-f]{17}$/);
  const rc = await mgn.send(new GetReplicationConfigurationCommand({ sourceServerID: s }));
  expect(rc).toMatchObject({ sourceServerID: s, bandwidthThrottling: 50, stagingAreaSubnetId: RCT_INPUT.stagingAreaSubnetId });
  const lc = await mgn.send(new GetLaunchConfigurationCommand({ sourceServerID: s }));
  expect(lc).toMatchObject({ launchDisposition: 'STARTED', copyTags: true });
  expect(lc.ec2LaunchTemplateID).toMatch(/^lt-[0-9a-f]{17}$/);
  expect(lc.ec2LaunchTemplateID).not.toBe(lct.ec2LaunchTemplateID);
  const described = await mgn.send(new DescribeLaunchConfigurationTemplatesCommand({}));
  expect(described.items?.map((t) => t.launchConfigurationTemplateID)).toEqual([lct.launchConfigurationTemplateID]);
});

test('fails when an application or wave name is taken, case-insensitively, unless archived', async () => {
  await init();
  const first = await mgn.send(new CreateApplicationCommand({ name: 'Payments' }));
  const e = await caught(() => mgn.send(new CreateApplicationCommand({ name: 'PAYMENTS' })));
  expect([e.name, statusOf(e)]).toEqual(['ConflictException', 409]);
  await mgn.send(new ArchiveApplicationCommand({ applicationID: first.applicationID! }));
  await expect(mgn.send(new CreateApplicationCommand({ name: 'payments' }))).resolves.toMatchObject({ name: 'payments' });
  await mgn.send(new CreateWaveCommand({ name: 'wave-1' }));
  const w = await caught(() => mgn.send(new CreateWaveCommand({ name: 'Wave-1' })));
  expect(w.name).toBe('ConflictException');
});

test('associating a server or an application that is elsewhere moves it', async () => {
  await init();
  const s = emu.seedServer().sourceServerID as string;
  const a1 = (await mgn.send(new CreateApplicationCommand({ name: 'a1' }))).applicationID!;
  const a2 = (await mgn.send(new CreateApplicationCommand({ name: 'a2' }))).applicationID!;
  const w1 = (await mgn.send(new CreateWaveCommand({ name: 'w1' }))).waveID!;
  const w2 = (await mgn.send(new CreateWaveCommand({ name: 'w2' }))).waveID!;
  await mgn.send(new AssociateSourceServersCommand({ applicationID: a1, sourceServerIDs: [s] }));
  await mgn.send(new AssociateSourceServersCommand({ applicationID: a2, sourceServerIDs: [s] }));
  await mgn.send(new AssociateApplicationsCommand({ waveID: w1, applicationIDs: [a2] }));
  await mgn.send(new AssociateApplicationsCommand({ waveID: w2, applicationIDs: [a2] }));
  expect(emu.memberships).toEqual({ serverToApplication: { [s]: a2 }, applicationToWave: { [a2]: w2 } });
  const inW2 = await mgn.send(new ListApplicationsCommand({ filters: { waveIDs: [w2] } }));
  expect(inW2.items?.map((a) => [a.applicationID, a.applicationAggregatedStatus?.totalSourceServers])).toEqual([[a2, 1]]);
  const inA2 = await mgn.send(new DescribeSourceServersCommand({ filters: { applicationIDs: [a2] } }));
  expect(inA2.items?.map((x) => x.sourceServerID)).toEqual([s]);
  // Deleting a non-empty application or wave is a conflict.
  expect((await caught(() => mgn.send(new DeleteApplicationCommand({ applicationID: a2 })))).name).toBe('ConflictException');
  expect((await caught(() => mgn.send(new DeleteWaveCommand({ waveID: w2 })))).name).toBe('ConflictException');
  await mgn.send(new DeleteApplicationCommand({ applicationID: a1 }));
  expect(emu.applications().map((a) => a.applicationID)).toEqual([a2]);
});

test('fails with 402 when an application would exceed 200 servers', async () => {
  await init();
  const app = (await mgn.send(new CreateApplicationCommand({ name: 'big' }))).applicationID!;
  const ids = Array.from({ length: 201 }, () => emu.seedServer().sourceServerID as string);
  for (let i = 0; i < 200; i += 50) {
    await mgn.send(new AssociateSourceServersCommand({ applicationID: app, sourceServerIDs: ids.slice(i, i + 50) }));
  }
  const e = await caught(() => mgn.send(new AssociateSourceServersCommand({ applicationID: app, sourceServerIDs: [ids[200]] })));
  expect([e.name, statusOf(e)]).toEqual(['ServiceQuotaExceededException', 402]);
});

describe('legality (409 otherwise)', () => {
  test('UpdateReplicationConfiguration is refused in CUTOVER, DISCONNECTED and when archived; allowed in DISCOVERED', async () => {
    await init();
    const seeded = emu.seedEveryState();
    for (const id of [seeded.byState.CUTOVER, seeded.byState.DISCONNECTED, seeded.archivedCutover]) {
      const e = await caught(() => mgn.send(new UpdateReplicationConfigurationCommand({ sourceServerID: id, bandwidthThrottling: 10 })));
      expect(e.name).toBe('ConflictException');
    }
    const ok = await mgn.send(new UpdateReplicationConfigurationCommand({ sourceServerID: seeded.byState.DISCOVERED, bandwidthThrottling: 10 }));
    expect(ok.bandwidthThrottling).toBe(10);
    const lc = await mgn.send(new UpdateLaunchConfigurationCommand({ sourceServerID: seeded.byState.PENDING_INSTALLATION, copyPrivateIp: true }));
    expect(lc.copyPrivateIp).toBe(true);
  });

  test('MarkAsArchived only from CUTOVER or DISCONNECTED; DisconnectFromService from connected states', async () => {
    await init();
    const seeded = emu.seedEveryState();
    expect((await caught(() => mgn.send(new MarkAsArchivedCommand({ sourceServerID: seeded.byState.READY_FOR_TEST })))).name).toBe('ConflictException');
    await expect(mgn.send(new MarkAsArchivedCommand({ sourceServerID: seeded.byState.CUTOVER }))).resolves.toMatchObject({ isArchived: true });
    expect((await caught(() => mgn.send(new DisconnectFromServiceCommand({ sourceServerID: seeded.byState.DISCONNECTED })))).name)
      .toBe('ConflictException');
    const d = await mgn.send(new DisconnectFromServiceCommand({ sourceServerID: seeded.byState.READY_FOR_TEST }));
    expect([d.lifeCycle?.state, d.dataReplicationInfo?.dataReplicationState, d.dataReplicationInfo?.lagDuration]).toEqual(['DISCONNECTED', 'DISCONNECTED', undefined]);
    await expect(mgn.send(new MarkAsArchivedCommand({ sourceServerID: seeded.byState.READY_FOR_TEST }))).resolves.toMatchObject({ isArchived: true });
  });
});

test('seedEveryState: one server per lifecycle state with the §12.6 details', async () => {
  await init();
  const seeded = emu.seedEveryState();
  const all = await mgn.send(new DescribeSourceServersCommand({ maxResults: 1000 }));
  const byId = new Map(all.items!.map((s) => [s.sourceServerID!, s]));
  expect(Object.keys(seeded.byState)).toHaveLength(10);
  for (const [state, id] of Object.entries(seeded.byState)) {
    expect(byId.get(id)?.lifeCycle?.state).toBe(state);
    expect(id).toMatch(/^s-[0-9a-zA-Z]{17}$/);
  }
  expect(byId.get(seeded.byState.DISCOVERED)).toMatchObject({ replicationType: 'SNAPSHOT_SHIPPING', vcenterClientID: expect.stringMatching(/^vcc-/) });
  expect(byId.get(seeded.byState.READY_FOR_TEST)?.dataReplicationInfo).toMatchObject({ lagDuration: 'PT0S', dataReplicationState: 'CONTINUOUS' });
  expect(byId.get(seeded.byState.TESTING)?.launchedInstance).toMatchObject({ firstBoot: 'SUCCEEDED', ec2InstanceID: expect.stringMatching(/^i-/) });
  expect(byId.get(seeded.archivedCutover)).toMatchObject({ isArchived: true, lifeCycle: { state: 'CUTOVER' } });
  expect(byId.get(seeded.stalled)?.dataReplicationInfo).toMatchObject({ dataReplicationState: 'STALLED', dataReplicationError: { error: 'AGENT_NOT_SEEN' } });
  expect(seeded.sameHostname.map((id) => byId.get(id)?.sourceProperties?.identificationHints?.hostname)).toEqual(['shared-host', 'shared-host']);
  const archived = await mgn.send(new DescribeSourceServersCommand({ filters: { isArchived: true } }));
  expect(archived.items?.map((s) => s.sourceServerID)).toEqual([seeded.archivedCutover]);
});

test('registerAgent completes a PENDING_INSTALLATION record with the same user id, else adds a server', async () => {
  await init();
  const pending = emu.seedServer({ state: 'PENDING_INSTALLATION', userProvidedID: 'web-01' });
  const same = emu.registerAgent({ userProvidedID: 'web-01', hostname: 'web-01' });
  expect(same).toMatchObject({ sourceServerID: pending.sourceServerID, userProvidedID: 'web-01', lifeCycle: { state: 'NOT_READY' } });
  const other = emu.registerAgent({ userProvidedID: 'db-01', hostname: 'db-01' });
  expect(other.sourceServerID).not.toBe(pending.sourceServerID);
  expect(emu.servers()).toHaveLength(2);
  const vm = emu.discoverVm({ vmWareUuid: '4210aaaa-0000-4000-8000-000000000099', vmPath: '/dc/vm/app-01', hostname: 'app-01' });
  expect(vm).toMatchObject({ replicationType: 'SNAPSHOT_SHIPPING', lifeCycle: { state: 'DISCOVERED' },
    sourceProperties: { identificationHints: { vmWareUuid: '4210aaaa-0000-4000-8000-000000000099', vmPath: '/dc/vm/app-01' } } });
});

test('pagination: maxResults pages, every server once, a foreign or garbled token is refused', async () => {
  await init();
  const ids = Array.from({ length: 7 }, () => emu.seedServer().sourceServerID as string);
  const seen: string[] = [];
  const pages: number[] = [];
  for await (const page of paginateDescribeSourceServers({ client: mgn, pageSize: 3 }, {})) {
    pages.push(page.items!.length);
    seen.push(...page.items!.map((s) => s.sourceServerID!));
  }
  expect(pages).toEqual([3, 3, 1]);
  expect(seen).toEqual(ids);
  const first = await mgn.send(new DescribeSourceServersCommand({ maxResults: 3 }));
  const foreign = await caught(() => mgn.send(new DescribeSourceServersCommand({
    maxResults: 3, nextToken: first.nextToken, filters: { isArchived: true },
  })));
  expect([foreign.name, statusOf(foreign)]).toEqual(['ValidationException', 400]);
  const garbled = await caught(() => mgn.send(new ListApplicationsCommand({ nextToken: 'not-a-token' })));
  expect(garbled.name).toBe('ValidationException');
});

test('ids repeat for the same seed', async () => {
  const a = emu.seedServer().sourceServerID;
  const other = await start({ seed: 11 });
  try {
    expect(other.seedServer().sourceServerID).toBe(a);
  } finally {
    await other.close();
  }
});
