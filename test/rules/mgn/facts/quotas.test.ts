import { Plan, Vm } from '../../../../lib/plan/model/plan';
import { planScope } from '../../../../lib/rules/mgn/facts/plan-scope';
import { MgnQuotaFacts, quotaFacts } from '../../../../lib/rules/mgn/facts/quotas';

const TODAY = '2026-12-04';

/** The quota facts of a plan written as JSON, with the given vCenter Clients. */
function factsOf(plan: object, clients: readonly string[] = []): MgnQuotaFacts {
  const full = { version: 1, target: 'mgn', ...plan } as Plan;
  return quotaFacts(full.vms, planScope(full.vms, full, TODAY), new Set(clients));
}

const vm = (name: string, extra: object = {}): Vm => ({ name, hypervisor: 'vmware', ...extra } as Vm);

describe('quotaFacts', () => {
  test('counts the scheduled VMs in plan order: positions, applications and waves by first appearance', () => {
    // GIVEN an unscheduled VM and VMs of two waves and three applications
    const facts = factsOf({
      vms: [vm('u'), vm('a', { wave: 'w1', application: 'x' }), vm('b', { wave: 'w2', application: 'y' }),
        vm('c', { wave: 'w1', application: 'y' }), vm('d', { wave: 'w1' })],
    });
    // THEN
    expect(facts.counted.has('u')).toBe(false);
    expect(facts.counted.get('c')).toMatchObject({ position: 3, application: 'y', positionInApplication: 2, applicationOrdinal: 2, wave: 'w1',
      waveOrdinal: 1, applicationOrdinalInWave: 2 });
    expect(facts.counted.get('d')).toMatchObject({ application: 'w1', applicationOrdinal: 3, applicationOrdinalInWave: 3 });
    expect([...facts.applicationSize]).toEqual([['x', 1], ['y', 2], ['w1', 1]]);
    expect([...facts.waveSize]).toEqual([['w1', 3], ['w2', 1]]);
  });

  test('counts a plan in which no VM names a wave as one wave, without a name', () => {
    const facts = factsOf({ vms: [vm('a'), vm('b')] });
    expect(facts.counted.get('b')).toMatchObject({ position: 2, wave: undefined, waveOrdinal: undefined, application: 'default' });
    expect([...facts.waveSize]).toEqual([['', 2]]);
  });

  describe('servers replicating at once', () => {
    const waves = [
      { name: 'w1', replicationStart: '2027-01-01', cutoverDate: '2027-01-10' },
      { name: 'w2', replicationStart: '2027-01-05', cutoverDate: '2027-01-20' },
      { name: 'w3', replicationStart: '2027-01-11' },
      { name: 'late', replicationStart: '2027-01-20', cutoverDate: '2027-01-01' },
      { name: 'past', replicationStart: '2026-01-01', cutoverDate: '2026-02-01' },
      { name: 'since', replicationStart: '2026-01-01' },
    ];
    const facts = factsOf({
      waves,
      vms: [vm('s', { wave: 'since' }), vm('p', { wave: 'past' }), vm('a', { wave: 'w1' }), vm('b', { wave: 'w2' }), vm('c', { wave: 'w3' }),
        vm('l', { wave: 'late' }), vm('n', { wave: 'undated' })],
    });
    const busiest = (name: string) => facts.counted.get(name)?.busiestDay;

    test('judges the assessment date and each later start day, ranking in plan order', () => {
      // today: s, n; 01-01: s, a, n; 01-05: s, a, b, n; 01-11: s, b, c, n; 01-20: s, b, c, l, n
      expect(busiest('s')).toEqual({ day: TODAY, count: 2, rank: 1 });
      expect(busiest('a')).toEqual({ day: '2027-01-01', count: 3, rank: 2 });
      expect(busiest('b')).toEqual({ day: '2027-01-05', count: 4, rank: 3 });
      expect(busiest('c')).toEqual({ day: '2027-01-11', count: 4, rank: 3 });
      expect(busiest('l')).toEqual({ day: '2027-01-20', count: 5, rank: 4 });
      expect(busiest('n')).toEqual({ day: '2027-01-20', count: 5, rank: 5 });
    });

    test('does not count a wave whose replication ended before the assessment date', () => {
      expect(busiest('p')).toBeUndefined();
    });
  });

  describe('source servers the vCenter Clients discover', () => {
    const agentless = { mgn: { replication: { method: 'agentless' } } };
    const plan = {
      connectors: [{ name: 'c1', hypervisor: 'vmware', inventoryVmCount: 100 }, { name: 'c2', hypervisor: 'vmware', inventoryVmCount: 1 }],
      vms: [vm('a', { wave: 'w1', connector: 'c1', ...agentless }), vm('b', { wave: 'w1', connector: 'c1' }),
        vm('c', { wave: 'w1', connector: 'c2', ...agentless }), vm('d', { wave: 'w2', connector: 'c2', ...agentless }), vm('u', { connector: 'c1' })],
    };

    test('counts each client\'s VMs outside the plan, at least 0, leaving its unscheduled VMs in its share', () => {
      // GIVEN a, b (and the unscheduled u) on c1's 100, c and d on c2's 1
      const facts = factsOf(plan, ['c1', 'c2']);
      // THEN c1: 100 - 2 counted = 98 (u among them); c2: 1 - 2 = 0
      expect(facts.discoveredOutside).toBe(98);
      expect(facts.clientsWithoutCount).toEqual([]);
    });

    test('names the clients without a count, declared or not', () => {
      const facts = factsOf({ ...plan, connectors: [{ name: 'c2', hypervisor: 'vmware' }] }, ['c1', 'c2']);
      expect(facts.clientsWithoutCount).toEqual(['c1', 'c2']);
      expect(facts.discoveredOutside).toBe(0);
    });
  });
});
