import { oneJobPerServer } from '../../../lib/rules/sms/sms-job3-one-job-per-server';
import { Outcome } from '../../../lib/assessment/rule';
import { vmContext } from '../../helpers/context';
import { planFacts } from '../../../lib/rules/sms/plan-facts';
import { Hypervisor } from '../../../lib/plan/model/plan';

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

describe('SMS-JOB3 with many VMs naming one server', () => {
  test('names the first five others and counts the rest', () => {
    // GIVEN the facts of a plan where 9,999 other VMs name the same server (planFacts keeps five names)
    const ctx = vmContext({ name: 'web-01', source: { serverId: 's-1' } }, { sameServer: ['a', 'b', 'c', 'd', 'e'] });
    const many = { ...ctx, plan: { ...ctx.plan, sameServerCount: new Map([['web-01', 9999]]) } };
    // WHEN
    const result = oneJobPerServer(many);
    // THEN
    expect(result.message).toBe('the same server (source.serverId s-1) is also named by a, b, c, d, e and 9994 other VMs: '
      + 'SMS allows one replication job per server');
  });

  test('cuts a long list of names it is given whole', () => {
    const ctx = vmContext({ name: 'web-01', source: { serverId: 's-1' } }, { sameServer: ['a', 'b', 'c', 'd', 'e', 'f'] });
    expect(oneJobPerServer(ctx).message).toMatch(/named by a, b, c, d, e and 1 other VM: /);
  });
});

describe('planFacts for SMS-JOB3', () => {
  test('keeps five names and the count for 10,000 VMs naming one server', () => {
    // GIVEN
    const vms = Array.from({ length: 10_000 }, (_, i) => ({ name: `vm-${i}`, hypervisor: Hypervisor.VMWARE, source: { serverId: 's-1' } }));
    // WHEN
    const facts = planFacts(vms);
    // THEN
    expect(facts.sameServer.get('vm-0')).toEqual(['vm-1', 'vm-2', 'vm-3', 'vm-4', 'vm-5']);
    expect(facts.sameServer.get('vm-3')).toEqual(['vm-0', 'vm-1', 'vm-2', 'vm-4', 'vm-5']);
    expect(facts.sameServerCount?.get('vm-9999')).toBe(9999);
  });

  test('counts a VM sharing both ids with another once', () => {
    // GIVEN a shares its server id with b and c, and its vm id with b and d
    const vm = (name: string, source: object) => ({ name, hypervisor: Hypervisor.VMWARE, source });
    const facts = planFacts([vm('a', { serverId: 's-1', vmId: 'vm-1' }), vm('b', { serverId: 's-1', vmId: 'vm-1' }),
      vm('c', { serverId: 's-1' }), vm('d', { vmId: 'vm-1' }), vm('e', { serverId: 's-2' })]);
    // THEN
    expect(facts.sameServer.get('a')).toEqual(['b', 'c', 'd']);
    expect(facts.sameServerCount?.get('a')).toBe(3);
    expect(facts.sameServerCount?.get('c')).toBe(2);
    expect(facts.sameServerCount?.get('d')).toBe(2);
    expect(facts.sameServerCount?.get('e')).toBe(0);
  });
});
