import { oneJobPerServer } from '../../../lib/rules/sms/sms-job3-one-job-per-server';
import { Outcome } from '../../../lib/assessment/rule';
import { vmContext } from '../../helpers/context';

describe('SMS-JOB3 one job per server', () => {
  test('passes a VM no other VM shares a server with', () => {
    const ctx = vmContext({ name: 'web-01', source: { serverId: 's-12345678' } });
    expect(oneJobPerServer(ctx).outcome).toBe(Outcome.PASS);
  });

  test('fails naming the other VMs and the shared server id', () => {
    // GIVEN two other VMs of the plan name the same server
    const ctx = vmContext({ name: 'web-01', source: { serverId: 's-12345678' } }, { sameServer: ['web-02', 'web-03'] });
    // WHEN
    const result = oneJobPerServer(ctx);
    // THEN
    expect(result.outcome).toBe(Outcome.FAIL);
    expect(result.message).toBe('the same server (source.serverId s-12345678) is also named by web-02, web-03: '
      + 'SMS allows one replication job per server');
  });

  test('names the vm id and its connector', () => {
    const ctx = vmContext({ name: 'db-01', connector: 'dc1-connector', source: { vmId: 'vm-1042' } }, { sameServer: ['db-01-copy'] });
    expect(oneJobPerServer(ctx).message).toBe('the same server (source.vmId vm-1042 under connector dc1-connector) is also named by '
      + 'db-01-copy: SMS allows one replication job per server');
  });

  test('names a vm id without a connector', () => {
    const ctx = vmContext({ name: 'db-01', source: { serverId: 's-1', vmId: 'vm-7' } }, { sameServer: ['db-02'] });
    expect(oneJobPerServer(ctx).message).toMatch(/^the same server \(source\.serverId s-1, source\.vmId vm-7 with no connector\)/);
  });

  test('never reports unknown when the VM has no source identifiers', () => {
    expect(oneJobPerServer(vmContext({})).outcome).toBe(Outcome.PASS);
  });
});
