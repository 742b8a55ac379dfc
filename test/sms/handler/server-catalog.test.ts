import { CreateReplicationJobCommand, GetServersCommand } from '@aws-sdk/client-sms';
import { Props } from '../../../lib/sms/handler/api';
import { onEvent } from '../../../lib/sms/handler';
import { resourceEvent, server, setUpSmsMock, smsError, vmProps } from './helpers';

const { sms, logs } = setUpSmsMock();

/** Three pages: web-01..web-02, web-03 and two db-01 on different vCenters, app-01. */
function pagedCatalog(): void {
  sms.on(GetServersCommand)
    .callsFake((input: { nextToken?: string }) => {
      switch (input.nextToken) {
        case undefined:
          return { serverCatalogStatus: 'AVAILABLE', serverList: [server('s-00000001', 'web-01'), server('s-00000002', 'web-02')], nextToken: 't1' };
        case 't1':
          return {
            serverList: [server('s-00000003', 'web-03'), server('s-00000004', 'db-01', 'vc-01.example.com'),
              server('s-00000005', 'db-01', 'vc-02.example.com', '/dc2/vm/db-01')],
            nextToken: 't2',
          };
        default:
          return { serverList: [server('s-00000006', 'app-01', 'vc-02.example.com', '/dc2/vm/apps/app-01', 'vm-4242')] };
      }
    });
}

function createFor(props: Record<string, string | undefined>) {
  return onEvent(resourceEvent('Create', vmProps({ [Props.DISPLAY_NAME]: undefined, ...props })));
}

beforeEach(() => {
  sms.on(CreateReplicationJobCommand).callsFake((input: { serverId: string }) => ({ replicationJobId: `sms-job-${input.serverId.slice(2)}` }));
});

describe('server resolution', () => {
  test('finds a VM on the last page of the catalog', async () => {
    // GIVEN
    pagedCatalog();

    // WHEN
    const result = await createFor({ [Props.VM_NAME]: 'app-01' });

    // THEN
    expect(result.Data?.ServerId).toBe('s-00000006');
    expect(sms.commandCalls(GetServersCommand).map((c) => c.args[0].input.nextToken)).toEqual([undefined, 't1', 't2']);
  });

  test('reads the catalog once for several resolutions in one container', async () => {
    // GIVEN
    pagedCatalog();

    // WHEN
    await createFor({ [Props.VM_NAME]: 'web-01' });
    await createFor({ [Props.VM_NAME]: 'web-03' });
    await createFor({ [Props.VM_PATH]: '/dc2/vm/apps/app-01', [Props.VM_NAME]: undefined });

    // THEN
    expect(sms.commandCalls(GetServersCommand)).toHaveLength(3);
    expect(sms.commandCalls(CreateReplicationJobCommand).map((c) => c.args[0].input.serverId)).toEqual(['s-00000001', 's-00000003', 's-00000006']);
    expect(logs().records().filter((r) => r.step === 'resolve-server').map((r) => r.catalog)).toEqual(['fetched', 'cache', 'cache']);
  });

  test.each([
    ['VmPath', { [Props.VM_NAME]: undefined, [Props.VM_PATH]: '/dc2/vm/apps/app-01' }],
    ['VmId', { [Props.VM_NAME]: undefined, [Props.VM_ID]: 'vm-4242' }],
    ['VmName and VmManagerName', { [Props.VM_NAME]: 'app-01', [Props.VM_MANAGER_NAME]: 'vc-02.example.com' }],
  ])('resolves by %s', async (_what, props) => {
    // GIVEN
    pagedCatalog();

    // WHEN
    const result = await createFor(props);

    // THEN
    expect(result.Data?.ServerId).toBe('s-00000006');
  });

  test('VmManagerName picks one of two VMs of the same name', async () => {
    // GIVEN
    pagedCatalog();

    // WHEN
    const result = await createFor({ [Props.VM_NAME]: 'db-01', [Props.VM_MANAGER_NAME]: 'vc-02.example.com' });

    // THEN
    expect(result.Data?.ServerId).toBe('s-00000005');
  });

  test('fails listing the candidates when several servers match', async () => {
    // GIVEN
    pagedCatalog();

    // WHEN / THEN
    await expect(createFor({ [Props.VM_NAME]: 'db-01' })).rejects.toThrow(
      'VM "db-01" matches 2 servers in the SMS server catalog: s-00000004 (vmPath "/dc1/vm/db-01", vmManagerName "vc-01.example.com"), '
      + 's-00000005 (vmPath "/dc2/vm/db-01", vmManagerName "vc-02.example.com"); narrow it with the vmManagerName or vmPath, or give the serverId');
    expect(sms.commandCalls(CreateReplicationJobCommand)).toHaveLength(0);
  });

  test('fails when no server matches, reading the catalog at most once more per lookup', async () => {
    // GIVEN
    pagedCatalog();

    // WHEN / THEN
    await expect(createFor({ [Props.VM_NAME]: 'web-05' })).rejects.toThrow(
      'VM "web-05" is not in the SMS server catalog (import the catalog with the connector first, or check the name)');
    // A second miss reads the catalog again (it was read by an earlier lookup), once.
    await expect(createFor({ [Props.VM_NAME]: 'web-99' })).rejects.toThrow(
      /^VM "web-99" is not in the SMS server catalog \(import the catalog with the connector first, or check the name\)$/);
    expect(sms.commandCalls(GetServersCommand)).toHaveLength(3 + 3);
  });

  test('says what it looked for and that the catalog is not imported', async () => {
    // GIVEN
    sms.on(GetServersCommand).resolves({ serverCatalogStatus: 'NOT_IMPORTED', serverList: [] });

    // WHEN / THEN
    await expect(createFor({ [Props.DISPLAY_NAME]: 'web-01', [Props.VM_MANAGER_NAME]: 'vc-09' })).rejects.toThrow(
      'VM "web-01" is not in the SMS server catalog (import the catalog with the connector first, or check the name); '
      + 'looked for vmManagerName "vc-09"; the catalog status is NOT_IMPORTED');
  });

  test('reads the catalog again, once, when a VM is missing from the cached one (re-imported since)', async () => {
    // GIVEN: web-04 appears in the second read
    sms.on(GetServersCommand)
      .resolvesOnce({ serverList: [server('s-00000001', 'web-01')] })
      .resolves({ serverList: [server('s-00000001', 'web-01'), server('s-00000007', 'web-04')] });
    await createFor({ [Props.VM_NAME]: 'web-01' });

    // WHEN
    const result = await createFor({ [Props.VM_NAME]: 'web-04' });

    // THEN
    expect(result.Data?.ServerId).toBe('s-00000007');
    expect(sms.commandCalls(GetServersCommand)).toHaveLength(2);
    expect(logs().records().filter((r) => r.step === 'resolve-server').map((r) => r.catalog)).toEqual(['fetched', 'refetched']);
  });

  test('retries a throttled catalog page', async () => {
    // GIVEN
    sms.on(GetServersCommand).rejectsOnce(smsError('ThrottlingException', 400)).resolves({ serverList: [server('s-00000001', 'web-01')] });

    // WHEN
    const result = await createFor({ [Props.VM_NAME]: 'web-01' });

    // THEN
    expect(result.Data?.ServerId).toBe('s-00000001');
  });

  test('fails naming the VM when the catalog cannot be read', async () => {
    // GIVEN
    sms.on(GetServersCommand).rejects(smsError('UnauthorizedOperationException', 403, 'no sms:GetServers'));

    // WHEN / THEN
    await expect(onEvent(resourceEvent('Create', vmProps()))).rejects.toThrow(
      'GetServers for VM "web-01" failed: UnauthorizedOperationException: no sms:GetServers');
  });

  test('fails when SMS hands back the same page token twice', async () => {
    // GIVEN
    sms.on(GetServersCommand).resolves({ serverList: [], nextToken: 'again' });

    // WHEN / THEN
    await expect(onEvent(resourceEvent('Create', vmProps()))).rejects.toThrow(
      'SMS returned the page token "again" twice while listing; deploy again later');
  });
});
