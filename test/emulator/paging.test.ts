import {
  CreateReplicationJobCommand, DeleteReplicationJobCommand, GetConnectorsCommand, GetReplicationJobsCommand, GetReplicationRunsCommand,
  GetServersCommand, SMSClient, Server, StartOnDemandReplicationRunCommand, paginateGetConnectors, paginateGetServers,
} from '@aws-sdk/client-sms';
import { SmsEmulator } from '../support/sms-emulator';
import { byolServers, caught, smsClient } from './helpers';

let emu: SmsEmulator;
let sms: SMSClient;

beforeAll(async () => {
  emu = await SmsEmulator.start({ seed: 8 });
  sms = smsClient(emu);
});
beforeEach(() => emu.reset());
afterEach(() => expect(emu.state.diagnostics).toEqual([]));
afterAll(async () => {
  sms.destroy();
  await emu.stop();
});

async function allServers(pageSize?: number): Promise<{ servers: Server[]; pages: number[] }> {
  const servers: Server[] = [];
  const pages: number[] = [];
  for await (const page of paginateGetServers({ client: sms, pageSize }, {})) {
    pages.push(page.serverList?.length ?? 0);
    servers.push(...page.serverList ?? []);
  }
  return { servers, pages };
}

describe('GetServers paging', () => {
  test('default pages of 50 return every server exactly once', async () => {
    // WHEN
    const { servers, pages } = await allServers();
    // THEN
    expect(pages).toEqual([50, 50, 12]);
    const ids = servers.map((s) => s.serverId);
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(ids)).toEqual(new Set(emu.state.catalogServers.map((s) => s.serverId)));
  });

  test.each([1, 7, 49, 111, 112])('pages of %i return every server exactly once', async (size) => {
    // WHEN
    const { servers, pages } = await allServers(size);
    // THEN
    expect(servers.map((s) => s.serverId)).toEqual(emu.state.catalogServers.map((s) => s.serverId));
    expect(pages).toHaveLength(Math.ceil(112 / Math.min(size, 100)));
  });

  test('maxResults above 100 is clamped to 100', async () => {
    // WHEN
    const page = await sms.send(new GetServersCommand({ maxResults: 1000 }));
    // THEN
    expect(page.serverList).toHaveLength(100);
    expect(page.nextToken).toBeDefined();
  });

  test('vmServerAddressList filters by (vmManagerId, vmId), and by vmManagerId alone', async () => {
    // GIVEN
    const [a, b] = emu.state.catalogServers.slice(5, 7);
    const hyperV = emu.state.catalogServers.filter((s) => s.vmServer.vmManagerType === 'HYPERV-MANAGER');
    // WHEN
    const pair = await sms.send(new GetServersCommand({ vmServerAddressList: [a.vmServer.vmServerAddress, b.vmServer.vmServerAddress] }));
    const { vmManagerId } = hyperV[0].vmServer.vmServerAddress;
    const byManager = await sms.send(new GetServersCommand({ vmServerAddressList: [{ vmManagerId }] }));
    // THEN
    expect(pair.serverList?.map((s) => s.serverId)).toEqual([a.serverId, b.serverId]);
    expect(byManager.serverList?.map((s) => s.serverId)).toEqual(hyperV.map((s) => s.serverId));
  });

  test('fails when nextToken is not one the emulator issued', async () => {
    // WHEN
    const err = await caught(() => sms.send(new GetServersCommand({ nextToken: 'AAAA' })));
    // THEN
    expect(err.name).toBe('InvalidParameterException');
    expect(err.message).toMatch(/nextToken .* is not valid/);
  });

  test('fails when nextToken comes from a different filter', async () => {
    // GIVEN
    const { nextToken } = await sms.send(new GetServersCommand({ maxResults: 5 }));
    const { vmServerAddress } = emu.state.catalogServers[0].vmServer;
    // WHEN
    const err = await caught(() => sms.send(new GetServersCommand({ nextToken, vmServerAddressList: [vmServerAddress] })));
    // THEN
    expect(err.name).toBe('InvalidParameterException');
    expect(err.message).toMatch(/different request/);
  });
});

describe('other paginated operations', () => {
  test('GetConnectors pages with maxResults', async () => {
    // WHEN
    const pages: number[] = [];
    for await (const page of paginateGetConnectors({ client: sms, pageSize: 2 }, {})) {
      pages.push(page.connectorList?.length ?? 0);
    }
    // THEN
    expect(pages).toEqual([2, 2, 1]);
  });

  test('GetReplicationJobs pages stay correct when a job is deleted between pages', async () => {
    // GIVEN five jobs
    const ids: string[] = [];
    for (const serverId of byolServers(emu).slice(0, 5)) {
      ids.push((await sms.send(new CreateReplicationJobCommand({ serverId, seedReplicationTime: new Date(), frequency: 6 }))).replicationJobId!);
    }
    // WHEN a job of the first page and one of a later page are deleted mid-walk
    const first = await sms.send(new GetReplicationJobsCommand({ maxResults: 2 }));
    await sms.send(new DeleteReplicationJobCommand({ replicationJobId: ids[0] }));
    await sms.send(new DeleteReplicationJobCommand({ replicationJobId: ids[3] }));
    const seen = first.replicationJobList!.map((j) => j.replicationJobId);
    let token = first.nextToken;
    while (token) {
      const page = await sms.send(new GetReplicationJobsCommand({ maxResults: 2, nextToken: token }));
      seen.push(...page.replicationJobList!.map((j) => j.replicationJobId));
      token = page.nextToken;
    }
    // THEN no job still present is skipped or repeated
    expect(seen).toEqual([ids[0], ids[1], ids[2], ids[4]]);
  });

  test('GetReplicationRuns pages over runs', async () => {
    // GIVEN an active job with a pending automatic run and two on-demand runs
    const { replicationJobId } = await sms.send(new CreateReplicationJobCommand({
      serverId: byolServers(emu)[0], seedReplicationTime: new Date(Date.now() + 86_400_000), frequency: 12,
    }));
    await sms.send(new GetConnectorsCommand({}));
    await sms.send(new GetReplicationJobsCommand({ replicationJobId }));
    await sms.send(new GetReplicationJobsCommand({ replicationJobId }));
    await sms.send(new StartOnDemandReplicationRunCommand({ replicationJobId }));
    emu.clock.advance(2 * 3_600_000);
    await sms.send(new StartOnDemandReplicationRunCommand({ replicationJobId }));
    // WHEN
    const p1 = await sms.send(new GetReplicationRunsCommand({ replicationJobId, maxResults: 2 }));
    const p2 = await sms.send(new GetReplicationRunsCommand({ replicationJobId, maxResults: 2, nextToken: p1.nextToken }));
    // THEN
    expect(p1.replicationRunList?.map((r) => r.type)).toEqual(['AUTOMATIC', 'ON_DEMAND']);
    expect(p2.replicationRunList?.map((r) => r.type)).toEqual(['ON_DEMAND']);
    expect(p2.nextToken).toBeUndefined();
    expect(p2.replicationJob?.replicationRunList).toHaveLength(3);
  });
});
