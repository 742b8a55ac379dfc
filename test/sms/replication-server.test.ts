import { ReplicationServer } from '../../lib/sms/replication-server';

describe('ReplicationServer', () => {
  test('fromServerId() selects by server catalog id', () => {
    // WHEN
    const server = ReplicationServer.fromServerId('s-12345678');

    // THEN
    expect(server).toMatchObject({ serverId: 's-12345678', displayName: 's-12345678' });
    expect([server.vmName, server.vmPath, server.vmId, server.vmManagerName]).toEqual([undefined, undefined, undefined, undefined]);
  });

  test.each([
    ['fromVmName', () => ReplicationServer.fromVmName('web01', 'vcenter01'), { vmName: 'web01', displayName: 'web01' }],
    ['fromVmPath', () => ReplicationServer.fromVmPath('/dc1/vm/web01', 'vcenter01'), { vmPath: '/dc1/vm/web01', displayName: '/dc1/vm/web01' }],
    ['fromVmId', () => ReplicationServer.fromVmId('vm-123', 'vcenter01'), { vmId: 'vm-123', displayName: 'vm-123' }],
  ])('%s() selects a VM to look up, narrowed to a VM manager', (_, select, expected) => {
    // WHEN
    const server = select();

    // THEN
    expect(server).toMatchObject({ ...expected, vmManagerName: 'vcenter01' });
    expect(server.serverId).toBeUndefined();
  });

  test('searches every VM manager without a VM manager name', () => {
    // WHEN
    const server = ReplicationServer.fromVmName('web01');

    // THEN
    expect(server.vmManagerName).toBeUndefined();
  });
});
