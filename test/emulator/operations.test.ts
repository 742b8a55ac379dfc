import {
  CreateReplicationJobCommand, DeleteReplicationJobCommand, DeleteServerCatalogCommand, DisassociateConnectorCommand,
  GetConnectorsCommand, GetReplicationJobsCommand, GetReplicationRunsCommand, GetServersCommand, ImportServerCatalogCommand,
  ReplicationJobNotFoundException, SMSClient, StartOnDemandReplicationRunCommand, UpdateReplicationJobCommand, paginateGetServers,
} from '@aws-sdk/client-sms';
import { SmsEmulator } from '../support/sms-emulator';
import { byolServers, caught, hoursFromNow, smsClient } from './helpers';

let emu: SmsEmulator;
let sms: SMSClient;

beforeAll(async () => {
  emu = await SmsEmulator.start({ seed: 42, port: 0 });
  sms = smsClient(emu);
});
beforeEach(() => emu.reset());
afterEach(() => expect(emu.state.diagnostics).toEqual([]));
afterAll(async () => {
  sms.destroy();
  await emu.stop();
});

describe('server catalog', () => {
  test('GetServers returns VMware and Hyper-V servers with every VmServer member', async () => {
    // WHEN
    const servers = [];
    for await (const page of paginateGetServers({ client: sms }, {})) {
      expect(page.serverCatalogStatus).toBe('AVAILABLE');
      expect(page.lastModifiedOn).toBeInstanceOf(Date);
      servers.push(...page.serverList ?? []);
    }
    // THEN
    expect(servers).toHaveLength(112);
    expect(new Set(servers.map((s) => s.vmServer?.vmManagerType))).toEqual(new Set(['VSPHERE', 'HYPERV-MANAGER', 'SCVMM']));
    expect(new Set(servers.filter((s) => s.vmServer?.vmManagerType === 'VSPHERE').map((s) => s.vmServer?.vmManagerName)).size).toBe(3);
    for (const s of servers) {
      expect(s.serverId).toMatch(/^s-[0-9a-f]{8}$/);
      expect(s.serverType).toBe('VIRTUAL_MACHINE');
      expect(s.vmServer).toEqual({
        vmServerAddress: { vmManagerId: expect.any(String), vmId: expect.any(String) },
        vmName: expect.any(String), vmManagerName: expect.any(String), vmManagerType: expect.any(String), vmPath: expect.any(String),
      });
    }
    expect(servers.find((s) => s.vmServer?.vmManagerType === 'VSPHERE')?.vmServer?.vmServerAddress?.vmId).toMatch(/^vm-\d+$/);
  });

  test('ImportServerCatalog moves NOT_IMPORTED to IMPORTING to AVAILABLE, DeleteServerCatalog empties it', async () => {
    // GIVEN
    const fresh = await SmsEmulator.start({ seed: 1, catalogImported: false, catalogImport: { afterPolls: 1 } });
    const client = smsClient(fresh);
    try {
      expect(await client.send(new GetServersCommand({}))).toMatchObject({ serverCatalogStatus: 'NOT_IMPORTED', serverList: [] });
      // WHEN
      await client.send(new ImportServerCatalogCommand({}));
      // THEN
      expect(await client.send(new GetServersCommand({}))).toMatchObject({ serverCatalogStatus: 'IMPORTING', serverList: [] });
      const imported = await client.send(new GetServersCommand({ maxResults: 100 }));
      expect(imported.serverCatalogStatus).toBe('AVAILABLE');
      expect(imported.serverList).toHaveLength(100);
      // WHEN
      await client.send(new DeleteServerCatalogCommand({}));
      // THEN
      expect(await client.send(new GetServersCommand({}))).toMatchObject({ serverCatalogStatus: 'DELETED', serverList: [] });
    } finally {
      client.destroy();
      await fresh.stop();
    }
  });
});

describe('connectors', () => {
  test('GetConnectors lists one connector per VM manager, DisassociateConnector removes one', async () => {
    // WHEN
    const { connectorList } = await sms.send(new GetConnectorsCommand({}));
    // THEN
    expect(connectorList).toHaveLength(5);
    expect(connectorList![0]).toEqual({
      connectorId: expect.stringMatching(/^c-\d{17}$/), version: expect.any(String), status: 'HEALTHY',
      capabilityList: expect.arrayContaining(['VSPHERE']), vmManagerName: 'vcenter-east.corp.example', vmManagerType: 'VSPHERE',
      vmManagerId: expect.any(String), ipAddress: expect.stringMatching(/^10\./), macAddress: expect.stringMatching(/^00:50:56/),
      associatedOn: expect.any(Date),
    });
    // WHEN
    await sms.send(new DisassociateConnectorCommand({ connectorId: connectorList![0].connectorId }));
    // THEN
    expect((await sms.send(new GetConnectorsCommand({}))).connectorList).toHaveLength(4);
    expect(emu.state.connectors.map((c) => c.connectorId)).not.toContain(connectorList![0].connectorId);
  });
});

describe('replication jobs', () => {
  test('CreateReplicationJob then GetReplicationJobs returns every ReplicationJob member', async () => {
    // GIVEN
    const serverId = byolServers(emu)[0];
    const seed = hoursFromNow(2);
    // WHEN
    const { replicationJobId } = await sms.send(new CreateReplicationJobCommand({
      serverId, seedReplicationTime: seed, frequency: 12, licenseType: 'BYOL', roleName: 'sms', description: 'web tier',
      numberOfRecentAmisToKeep: 3, encrypted: true, kmsKeyId: 'alias/sms',
    }));
    const { replicationJobList } = await sms.send(new GetReplicationJobsCommand({ replicationJobId }));
    // THEN
    expect(replicationJobId).toMatch(/^sms-job-[0-9a-f]{8}$/);
    const server = emu.state.server(serverId)!;
    expect(replicationJobList).toEqual([{
      replicationJobId, serverId, serverType: 'VIRTUAL_MACHINE', vmServer: server.vmServer,
      seedReplicationTime: new Date(Math.round(seed.getTime() / 1000) * 1000), frequency: 12, runOnce: false,
      nextReplicationRunStartTime: expect.any(Date), licenseType: 'BYOL', roleName: 'sms', state: 'PENDING',
      description: 'web tier', numberOfRecentAmisToKeep: 3, encrypted: true, kmsKeyId: 'alias/sms', replicationRunList: [],
    }]);
    expect(emu.state.server(serverId)).toMatchObject({ replicationJobId, replicationJobTerminated: false });
  });

  test('GetReplicationJobs without an id lists every job', async () => {
    // GIVEN
    const ids = [];
    for (const serverId of byolServers(emu).slice(0, 3)) {
      ids.push((await sms.send(new CreateReplicationJobCommand({ serverId, seedReplicationTime: new Date(), runOnce: true }))).replicationJobId);
    }
    // WHEN
    const { replicationJobList, nextToken } = await sms.send(new GetReplicationJobsCommand({}));
    // THEN
    expect(replicationJobList?.map((j) => j.replicationJobId)).toEqual(ids);
    expect(nextToken).toBeUndefined();
  });

  test('UpdateReplicationJob changes the members it names and keeps the rest', async () => {
    // GIVEN
    const serverId = byolServers(emu)[0];
    const { replicationJobId } = await sms.send(new CreateReplicationJobCommand({
      serverId, seedReplicationTime: new Date(), frequency: 12, roleName: 'sms', description: 'before', encrypted: true, kmsKeyId: 'k1',
    }));
    const next = hoursFromNow(5);
    // WHEN
    const out = await sms.send(new UpdateReplicationJobCommand({
      replicationJobId, frequency: 6, description: 'after', nextReplicationRunStartTime: next, numberOfRecentAmisToKeep: 5,
    }));
    // THEN
    expect(Object.keys(out)).toEqual(['$metadata']);
    expect(emu.state.job(replicationJobId!)).toMatchObject({
      frequency: 6, description: 'after', roleName: 'sms', encrypted: true, kmsKeyId: 'k1', numberOfRecentAmisToKeep: 5,
      nextReplicationRunStartTime: new Date(Math.round(next.getTime() / 1000) * 1000), seedReplicationTime: expect.any(Date),
    });
  });

  test('UpdateReplicationJob and DeleteReplicationJob answer ReplicationJobNotFoundException for an unknown id', async () => {
    // WHEN
    const update = await caught(() => sms.send(new UpdateReplicationJobCommand({ replicationJobId: 'sms-job-00000000', frequency: 2 })));
    const del = await caught(() => sms.send(new DeleteReplicationJobCommand({ replicationJobId: 'sms-job-00000000' })));
    // THEN
    expect(update).toBeInstanceOf(ReplicationJobNotFoundException);
    expect(del).toBeInstanceOf(ReplicationJobNotFoundException);
  });

  test('DeleteReplicationJob removes the job and marks the server terminated', async () => {
    // GIVEN
    const serverId = byolServers(emu)[0];
    const { replicationJobId } = await sms.send(new CreateReplicationJobCommand({ serverId, seedReplicationTime: new Date(), frequency: 24 }));
    // WHEN
    await sms.send(new DeleteReplicationJobCommand({ replicationJobId }));
    // THEN
    expect(emu.state.jobs).toEqual([]);
    const { serverList } = await sms.send(new GetServersCommand({ vmServerAddressList: [emu.state.server(serverId)!.vmServer.vmServerAddress] }));
    expect(serverList).toEqual([expect.objectContaining({ serverId, replicationJobId, replicationJobTerminated: true })]);
    // AND a new job may be created for the server
    await expect(sms.send(new CreateReplicationJobCommand({ serverId, seedReplicationTime: new Date(), frequency: 24 }))).resolves.toBeDefined();
  });
});

describe('replication runs', () => {
  test('GetReplicationRuns returns the job and its runs, StartOnDemandReplicationRun adds an ON_DEMAND run', async () => {
    // GIVEN an ACTIVE job whose seed is tomorrow, so its first automatic run is still PENDING
    const serverId = byolServers(emu)[0];
    const { replicationJobId } = await sms.send(new CreateReplicationJobCommand({ serverId, seedReplicationTime: hoursFromNow(24), frequency: 12 }));
    await sms.send(new GetReplicationJobsCommand({ replicationJobId }));
    // WHEN
    const { replicationRunId } = await sms.send(new StartOnDemandReplicationRunCommand({ replicationJobId, description: 'cut-over test' }));
    const runs = await sms.send(new GetReplicationRunsCommand({ replicationJobId }));
    // THEN
    expect(replicationRunId).toMatch(/^sms-run-[0-9a-f]{8}$/);
    expect(runs.replicationJob).toMatchObject({ replicationJobId, state: 'ACTIVE' });
    expect(runs.replicationRunList).toEqual([
      expect.objectContaining({ type: 'AUTOMATIC', state: 'PENDING', scheduledStartTime: expect.any(Date) }),
      expect.objectContaining({
        replicationRunId, type: 'ON_DEMAND', state: 'ACTIVE', description: 'cut-over test',
        stageDetails: { stage: 'Uploading', stageProgress: '0%' },
      }),
    ]);
  });

  test('a run completes after runDurationMs of emulator time and sets latestAmiId', async () => {
    // GIVEN
    const serverId = byolServers(emu)[0];
    const { replicationJobId } = await sms.send(new CreateReplicationJobCommand({ serverId, seedReplicationTime: new Date(), runOnce: true }));
    await sms.send(new GetReplicationJobsCommand({ replicationJobId }));
    await sms.send(new GetReplicationJobsCommand({ replicationJobId }));
    // WHEN
    emu.clock.advance(2 * 3_600_000);
    const { replicationJobList } = await sms.send(new GetReplicationJobsCommand({ replicationJobId }));
    // THEN a one-time job is COMPLETED once its run is
    const job = replicationJobList![0];
    expect(job.state).toBe('COMPLETED');
    expect(job.latestAmiId).toMatch(/^ami-[0-9a-f]{17}$/);
    expect(job.replicationRunList).toEqual([expect.objectContaining({ state: 'COMPLETED', amiId: job.latestAmiId, completedTime: expect.any(Date) })]);
  });
});
