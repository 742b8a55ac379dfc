import { ResourceTypes, VM_TAG } from '../../../lib/mgn/handler/api';
import { isComplete, onEvent } from '../../../lib/mgn/handler';
import { useEmulator } from './emulator';
import { completionEvent, failure, resourceEvent } from './helpers';

const { emu, logs } = useEmulator();

type Props = Record<string, unknown>;
const serverProps = (extra: Props = {}): Props => ({ DisplayName: 'web-01', VmName: 'web-01', ReplicationMethod: 'agent', Refresh: 'r1', ...extra });
const create = (extra: Props = {}) => onEvent(resourceEvent(ResourceTypes.SOURCE_SERVER, 'Create', serverProps(extra)));
const update = (physicalId: string, extra: Props = {}) => onEvent(resourceEvent(ResourceTypes.SOURCE_SERVER, 'Update', serverProps(extra),
  { PhysicalResourceId: physicalId, OldResourceProperties: serverProps() }));

/** Makes the wave resource's applications. */
async function applications(...names: string[]): Promise<void> {
  await onEvent(resourceEvent(ResourceTypes.WAVE, 'Create', { WaveName: 'Wave 1', Applications: names }));
}

function server(id: string) {
  return emu().servers().find((s) => s.sourceServerID === id);
}

describe('Custom::MgnSourceServer: finding the server', () => {
  test.each([
    ['the tag', { tags: { [VM_TAG]: 'web-01' } }, {}],
    ['the user-provided id', { userProvidedID: 'web-01' }, {}],
    ['the VMware UUID', { vmWareUuid: '4210aaaa-0000-4000-8000-0000000000aa', state: 'DISCOVERED' }, { VmUuid: '4210AAAA-0000-4000-8000-0000000000AA' }],
    ['the inventory path', { vmPath: '/dc1/vm/web-01', state: 'DISCOVERED' }, { VmPath: '/dc1/vm/web-01' }],
    ['the host name', { hostname: 'WEB-01', fqdn: 'web-01.corp.example.com' }, { Hostname: 'web-01.corp.example.com' }],
  ])('finds it by %s, tags it and reports it configured', async (_by, spec, extra) => {
    // GIVEN a decoy and the server
    emu().seedServer({ hostname: 'decoy' });
    const seeded = emu().seedServer(spec);
    const id = seeded.sourceServerID as string;
    // WHEN
    const answer = await create(extra);
    // THEN
    expect(answer).toEqual({ PhysicalResourceId: id, Data: { SourceServerId: id, Status: 'configured', LaunchTemplateVersion: expect.any(String) } });
    expect(server(id)?.tags).toEqual(expect.objectContaining({ [VM_TAG]: 'web-01' }));
    expect(await isComplete(completionEvent(resourceEvent(ResourceTypes.SOURCE_SERVER, 'Create', serverProps(extra)), answer)))
      .toEqual({ IsComplete: true });
    expect(emu().diagnostics).toEqual([]);
  });

  test('a VM without a server is pending; once its agent registers, the next deploy finds it', async () => {
    // WHEN
    const pending = await create({ Hostname: 'web-01' });
    // THEN
    expect(pending).toEqual({ PhysicalResourceId: 'pending:web-01', Data: { SourceServerId: '', Status: 'pending', LaunchTemplateVersion: '' } });
    // WHEN the agent registers and the stack is deployed again
    const registered = emu().registerAgent({ userProvidedID: 'web-01', hostname: 'web-01' });
    const found = await update('pending:web-01', { Hostname: 'web-01', Refresh: 'r2' });
    // THEN the physical id changes to the server's
    expect(found.PhysicalResourceId).toBe(registered.sourceServerID);
    expect(found.Data?.Status).toBe('configured');
  });

  test('Delete of a pending resource calls nothing', async () => {
    const calls = emu().stats.totalCalls;
    await onEvent(resourceEvent(ResourceTypes.SOURCE_SERVER, 'Delete', serverProps({ RemovalPolicy: 'destroy' }),
      { PhysicalResourceId: 'pending:web-01' }));
    expect(emu().stats.totalCalls).toBe(calls);
  });

  test('fails when several servers share the deciding identity, naming them and what to do', async () => {
    // GIVEN the seeded pair with one host name
    const seeded = emu().seedEveryState();
    // WHEN
    const message = await failure(create({ VmName: 'shared', DisplayName: 'shared', Hostname: 'shared-host.corp.example.com' }));
    // THEN
    expect(message).toContain(`VM "shared" matches 2 MGN source servers by hostname: ${[...seeded.sameHostname].sort().join(', ')}`);
    expect(message).toContain(`tag the right one with ${VM_TAG}=shared`);
  });

  test('an archived server stays the resource\'s (frozen) until the VM has a live server again, which replaces it', async () => {
    // GIVEN a server found, then archived
    const old = emu().seedServer({ userProvidedID: 'web-01', state: 'DISCONNECTED' }).sourceServerID as string;
    await create();
    await onEvent(resourceEvent(ResourceTypes.SOURCE_SERVER, 'Delete', serverProps({ RemovalPolicy: 'destroy' }), { PhysicalResourceId: old }));
    // WHEN deployed again
    const frozen = await update(old, { Refresh: 'r2' });
    // THEN
    expect(frozen).toEqual(expect.objectContaining({ PhysicalResourceId: old, Data: expect.objectContaining({ Status: 'frozen' }) }));
    // WHEN the VM's agent registers again, as a new server
    const fresh = emu().registerAgent({ userProvidedID: 'web-01', hostname: 'web-01' }).sourceServerID as string;
    const replaced = await update(old, { Refresh: 'r3' });
    // THEN
    expect(replaced).toEqual(expect.objectContaining({ PhysicalResourceId: fresh, Data: expect.objectContaining({ Status: 'configured' }) }));
  });

  test('a server cut over is frozen: nothing is changed', async () => {
    // GIVEN
    const id = emu().seedServer({ userProvidedID: 'web-01', state: 'CUTOVER' }).sourceServerID as string;
    // WHEN
    const answer = await create({ LaunchConfiguration: { copyPrivateIp: 'true' } });
    // THEN
    expect(answer.Data?.Status).toBe('frozen');
    expect(emu().stats.calls.UpdateLaunchConfiguration ?? 0).toBe(0);
    expect(emu().stats.calls.TagResource ?? 0).toBe(0);
    expect(answer.PhysicalResourceId).toBe(id);
  });
});

describe('Custom::MgnSourceServer: settings', () => {
  const settings = {
    ReplicationConfiguration: { dataPlaneRouting: 'PUBLIC_IP', bandwidthThrottling: '100', createPublicIP: 'true' },
    LaunchConfiguration: { targetInstanceTypeRightSizingMethod: 'NONE', copyPrivateIp: 'true', licensingOsByol: 'true', bootMode: 'USE_SOURCE' },
    LaunchTemplate: { InstanceType: 'm6i.large', SubnetId: 'subnet-0a1b2c3d4e5f60718', SecurityGroupIds: ['sg-0a1b2c3d4e5f60718'],
      AssociatePublicIpAddress: 'false', Tenancy: 'dedicated' },
  };

  test('applies replication, launch and launch-template settings; a repeat changes nothing', async () => {
    // GIVEN
    const id = emu().seedServer({ userProvidedID: 'web-01' }).sourceServerID as string;
    // WHEN
    const first = await create(settings);
    // THEN MGN holds the settings
    expect(emu().replicationConfiguration(id)).toEqual(expect.objectContaining({ dataPlaneRouting: 'PUBLIC_IP', bandwidthThrottling: 100,
      createPublicIP: true }));
    expect(emu().launchConfiguration(id)).toEqual(expect.objectContaining({ targetInstanceTypeRightSizingMethod: 'NONE', copyPrivateIp: true,
      licensing: { osByol: true }, bootMode: 'USE_SOURCE' }));
    // AND the default version of the server's template holds the template settings
    const ltId = emu().launchConfiguration(id)?.ec2LaunchTemplateID as string;
    const template = emu().launchTemplates().find((t) => t.launchTemplateId === ltId);
    const data = template?.versions.find((v) => v.versionNumber === template.defaultVersion)?.data as Record<string, unknown>;
    expect(data).toEqual(expect.objectContaining({ InstanceType: 'm6i.large', Placement: expect.objectContaining({ Tenancy: 'dedicated' }) }));
    expect(data.NetworkInterfaces).toEqual([expect.objectContaining({ DeviceIndex: 0, SubnetId: 'subnet-0a1b2c3d4e5f60718',
      Groups: ['sg-0a1b2c3d4e5f60718'], AssociatePublicIpAddress: false })]);
    expect(first.Data?.LaunchTemplateVersion).toBe(String(template?.defaultVersion));
    // WHEN deployed again
    const calls = { ...emu().stats.calls };
    const second = await update(id, { ...settings, Refresh: 'r2' });
    // THEN nothing is written again
    expect(second.Data?.LaunchTemplateVersion).toBe(first.Data?.LaunchTemplateVersion);
    expect(emu().ec2Stats.calls.CreateLaunchTemplateVersion).toBe(1);
    expect(emu().stats.calls.UpdateReplicationConfiguration).toBe(calls.UpdateReplicationConfiguration);
    expect(emu().stats.calls.UpdateLaunchConfiguration).toBe(calls.UpdateLaunchConfiguration);
  });

  test('a lost CreateLaunchTemplateVersion answer makes no second version', async () => {
    // GIVEN
    emu().seedServer({ userProvidedID: 'web-01' });
    emu().setFaults([], [{ kind: 'lost-response', operations: ['CreateLaunchTemplateVersion'], count: 1 },
      { kind: 'throttle', operations: ['ModifyLaunchTemplate'], count: 1 }]);
    // WHEN
    await create({ LaunchTemplate: { InstanceType: 'm6i.large' } });
    // THEN
    const versions = emu().launchTemplates().flatMap((t) => t.versions);
    expect(versions.filter((v) => (v.data as Record<string, unknown>).InstanceType === 'm6i.large')).toHaveLength(1);
  });

  test('an agentless plan VM discovered before replication gets its replication type set', async () => {
    // GIVEN an agent-based server waiting for its agent, for a VM the plan replicates agentless
    const id = emu().seedServer({ userProvidedID: 'web-01', state: 'PENDING_INSTALLATION' }).sourceServerID as string;
    // WHEN
    await create({ ReplicationMethod: 'agentless' });
    // THEN
    expect(server(id)?.replicationType).toBe('SNAPSHOT_SHIPPING');
  });

  test('a server already replicating keeps its replication type, and the log says why', async () => {
    // GIVEN
    const id = emu().seedServer({ userProvidedID: 'web-01', state: 'NOT_READY' }).sourceServerID as string;
    // WHEN
    await create({ ReplicationMethod: 'agentless' });
    // THEN
    expect(server(id)?.replicationType).toBe('AGENT_BASED');
    expect(emu().stats.calls.UpdateSourceServerReplicationType ?? 0).toBe(0);
    expect(logs().records()).toContainEqual(expect.objectContaining({ step: 'replication-type', outcome: 'left', level: 'warn' }));
  });

  test('joins its application, and moves to another one', async () => {
    // GIVEN
    await applications('payments', 'billing');
    const id = emu().seedServer({ userProvidedID: 'web-01' }).sourceServerID as string;
    const appId = (name: string) => emu().applications().find((a) => a.name === name)?.applicationID;
    // WHEN
    await create({ ApplicationName: 'payments' });
    // THEN
    expect(emu().memberships.serverToApplication[id]).toBe(appId('payments'));
    // WHEN
    await update(id, { ApplicationName: 'Billing' });
    // THEN
    expect(emu().memberships.serverToApplication[id]).toBe(appId('billing'));
    expect(logs().records()).toContainEqual(expect.objectContaining({ step: 'application', outcome: 'moved' }));
  });

  test('a move survives lost answers of the association calls', async () => {
    // GIVEN a server in payments
    await applications('payments', 'billing');
    const id = emu().seedServer({ userProvidedID: 'web-01' }).sourceServerID as string;
    await create({ ApplicationName: 'payments' });
    emu().setFaults([{ kind: 'lost-response', operations: ['DisassociateSourceServers', 'AssociateSourceServers'], count: 3 }]);
    // WHEN it moves to billing, the first three answers lost
    await update(id, { ApplicationName: 'billing' });
    // THEN
    expect(emu().memberships.serverToApplication[id]).toBe(emu().applications().find((a) => a.name === 'billing')?.applicationID);
    expect(emu().stats.faults['lost-response']).toBe(3);
  });

  test('fails with one sentence when the application does not exist', async () => {
    emu().seedServer({ userProvidedID: 'web-01' });
    expect(await failure(create({ ApplicationName: 'nowhere' }))).toMatch(/cannot join application "nowhere": MGN lists no application/);
  });
});

describe('Custom::MgnSourceServer: Delete', () => {
  test('retain (the default) leaves the server as it is', async () => {
    const id = emu().seedServer({ userProvidedID: 'web-01' }).sourceServerID as string;
    await onEvent(resourceEvent(ResourceTypes.SOURCE_SERVER, 'Delete', serverProps(), { PhysicalResourceId: id }));
    expect(server(id)).toEqual(expect.objectContaining({ isArchived: false }));
  });

  test('destroy disassociates, disconnects and archives; a second Delete succeeds', async () => {
    // GIVEN
    await applications('payments');
    const id = emu().seedServer({ userProvidedID: 'web-01', state: 'READY_FOR_TEST' }).sourceServerID as string;
    await create({ ApplicationName: 'payments' });
    const del = () => onEvent(resourceEvent(ResourceTypes.SOURCE_SERVER, 'Delete', serverProps({ RemovalPolicy: 'destroy' }),
      { PhysicalResourceId: id }));
    // WHEN
    await del();
    // THEN
    expect(server(id)).toEqual(expect.objectContaining({ isArchived: true }));
    expect(server(id)?.lifeCycle).toEqual(expect.objectContaining({ state: 'DISCONNECTED' }));
    expect(emu().memberships.serverToApplication[id]).toBeUndefined();
    // AND again (a duplicate delivery)
    await expect(del()).resolves.toEqual({ PhysicalResourceId: id });
  });

  test('destroy of a server MGN does not know succeeds', async () => {
    await expect(onEvent(resourceEvent(ResourceTypes.SOURCE_SERVER, 'Delete', serverProps({ RemovalPolicy: 'destroy' }),
      { PhysicalResourceId: 's-0123456789abcdef0' }))).resolves.toEqual({ PhysicalResourceId: 's-0123456789abcdef0' });
  });

  test('destroy survives lost answers of DisconnectFromService and MarkAsArchived', async () => {
    const id = emu().seedServer({ userProvidedID: 'web-01', state: 'NOT_READY' }).sourceServerID as string;
    emu().setFaults([{ kind: 'lost-response', operations: ['DisconnectFromService', 'MarkAsArchived'], count: 2 }]);
    await onEvent(resourceEvent(ResourceTypes.SOURCE_SERVER, 'Delete', serverProps({ RemovalPolicy: 'destroy' }), { PhysicalResourceId: id }));
    expect(server(id)).toEqual(expect.objectContaining({ isArchived: true }));
  });
});

describe('Custom::MgnSourceServer: launch template changed and changed back', () => {
  test('makes a new version each time the settings change, none when they do not', async () => {
    // GIVEN
    const id = emu().seedServer({ userProvidedID: 'web-01' }).sourceServerID as string;
    const deploy = (instanceType: string, refresh: string) => update(id, { LaunchTemplate: { InstanceType: instanceType }, Refresh: refresh });
    // WHEN m6i.large, then m6i.xlarge, then m6i.large again, then the same again
    const versions = [];
    for (const [type, refresh] of [['m6i.large', 'a'], ['m6i.xlarge', 'b'], ['m6i.large', 'c'], ['m6i.large', 'd']]) {
      versions.push((await deploy(type, refresh)).Data?.LaunchTemplateVersion);
    }
    // THEN three versions were made, and the last deploy made none
    expect(emu().ec2Stats.calls.CreateLaunchTemplateVersion).toBe(3);
    expect(versions[3]).toBe(versions[2]);
    expect(new Set(versions.slice(0, 3)).size).toBe(3);
  });
});
