import { Plan } from '../../../../lib/plan/model/plan';
import { planScope } from '../../../../lib/rules/mgn/facts/plan-scope';
import { MgnReplicationFacts, replicationFacts } from '../../../../lib/rules/mgn/facts/replication-facts';

function factsOf(vms: object[]): MgnReplicationFacts {
  const plan = { version: 1, target: 'mgn', vms: vms.map((v) => ({ hypervisor: 'vmware', ...v })) } as Plan;
  return replicationFacts(plan.vms, planScope(plan.vms, plan, '2026-12-04'));
}

const agentless = { connector: 'vcc', mgn: { replication: { method: 'agentless' } } };

describe('replicationFacts', () => {
  test('finds the agentless VMs naming one source under one connector, counting each other VM once', () => {
    // GIVEN a and b sharing UUID and path, c sharing only the path, d under another connector, e agent-based
    const facts = factsOf([
      { name: 'a', ...agentless, source: { vmUuid: 'U', vmPath: '/p' } },
      { name: 'b', ...agentless, source: { vmUuid: 'u', vmPath: '/p' } },
      { name: 'c', ...agentless, source: { vmPath: '/p' } },
      { name: 'd', ...agentless, connector: 'other', source: { vmUuid: 'U' } },
      { name: 'e', connector: 'vcc', source: { vmUuid: 'U' } },
      { name: 'f', ...agentless, source: { vmPath: '/P' } },
    ]);
    // THEN
    expect(facts.sameSource.get('a')).toEqual({ others: ['b', 'c'], count: 2 });
    expect(facts.sameSource.get('c')).toEqual({ others: ['a', 'b'], count: 2 });
    expect(facts.sameSource.has('d')).toBe(false);
    expect(facts.sameSource.has('e')).toBe(false);
    expect(facts.sameSource.has('f')).toBe(false);
  });

  test('lists at most five others but counts them all', () => {
    const facts = factsOf(Array.from({ length: 12 }, (_, i) => ({ name: `v${i}`, ...agentless, source: { vmUuid: 'same' } })));
    expect(facts.sameSource.get('v0')).toEqual({ others: ['v1', 'v2', 'v3', 'v4', 'v5'], count: 11 });
  });

  test('gives each application the wave of its first scheduled VM', () => {
    const facts = factsOf([
      { name: 'u', application: 'x' },
      { name: 'a', wave: 'w2', application: 'x' },
      { name: 'b', wave: 'w1', application: 'x' },
      { name: 'c', wave: 'w1' },
    ]);
    expect([...facts.applicationWave]).toEqual([['x', { wave: 'w2', firstVm: 'a' }], ['w1', { wave: 'w1', firstVm: 'c' }]]);
  });

  test('gives no application a wave in a plan in which no VM names one', () => {
    expect(factsOf([{ name: 'a', application: 'x' }]).applicationWave.size).toBe(0);
  });
});
