import { Outcome } from '../../../lib/assessment/rule';
import { Plan } from '../../../lib/plan/model/plan';
import { assessPlan } from '../../../lib/rules';
import { sourceServers } from '../../../lib/rules/mgn/mgn-quota2-source-servers';
import { MGN_TEST_NOW, mgnVmContext } from '../../helpers/mgn-context';

const vms = (prefix: string, count: number, extra: object = {}) =>
  Array.from({ length: count }, (_, i) => ({ name: `${prefix}-${i + 1}`, hypervisor: 'vmware', ...extra }));
const agentless = { connector: 'vcc', mgn: { replication: { method: 'agentless' } } };

describe('MGN-QUOTA2 source servers', () => {
  const check = (name: string, plan: object) => sourceServers(mgnVmContext({ name }, { plan }));

  // The client discovers 3,990 VMs, 20 of them in the plan: 3,970 count first, then the plan's 40 VMs.
  const plan = (inventoryVmCount?: number) => ({
    connectors: [{ name: 'vcc', hypervisor: 'vmware', ...(inventoryVmCount !== undefined ? { inventoryVmCount } : {}) }],
    vms: [...vms('agl', 20, agentless), ...vms('agt', 20)],
  });

  test('passes the 4,000th source server, counting the client\'s VMs outside the plan first', () => {
    expect(check('agt-10', plan(3_990)).outcome).toBe(Outcome.PASS);
  });

  test('fails the servers past the 4,000th, naming the position and what counted first', () => {
    // WHEN
    const result = check('agt-11', plan(3_990));
    // THEN
    expect(result.outcome).toBe(Outcome.FAIL);
    expect(result.message).toBe('agt-11 is source server 4001 in plan order, after the 3970 VMs the vCenter Clients discover outside the plan: '
      + 'past the quota of 4,000 source servers not archived per account and Region');
  });

  test('counts no VMs outside the plan when the client discovers fewer than the plan names', () => {
    expect(check('agt-20', plan(5)).outcome).toBe(Outcome.PASS);
  });

  test('is unknown when a client serving agentless VMs has no inventoryVmCount', () => {
    // WHEN
    const result = check('agt-20', plan());
    // THEN
    expect(result.outcome).toBe(Outcome.UNKNOWN);
    expect(result.message).toBe('vCenter Client vcc has no connectors[].inventoryVmCount: the VMs discovered outside the plan count toward '
      + 'the quota of 4,000 source servers not archived per account and Region, and agt-20 is at least source server 40');
  });

  test('is unknown for an undeclared client, and ignores connectors that serve only agent-based VMs', () => {
    const undeclared = { vms: [...vms('a', 1, { connector: 'x', mgn: { replication: { method: 'agentless' } } }), ...vms('b', 1, { connector: 'y' })] };
    expect(check('b-1', undeclared).message).toMatch(/^vCenter Client x has no connectors\[\]\.inventoryVmCount/);
  });

  test('fails a server past the quota even while a client\'s count is unknown', () => {
    // GIVEN 4,001 VMs, one of them agentless under a client without a count
    const many = { vms: [...vms('agl', 1, agentless), ...vms('vm', 4_000)] };
    expect(check('vm-3999', many).outcome).toBe(Outcome.UNKNOWN);
    expect(check('vm-4000', many).outcome).toBe(Outcome.FAIL);
  });

  test('is n/a for an unscheduled VM, which is not counted', () => {
    expect(check('u-1', { vms: [...vms('u', 1), ...vms('w', 1, { wave: 'w1' })] }).outcome).toBe(Outcome.NOT_APPLICABLE);
  });

  test('is reported through the pack', () => {
    const full = { version: 1, target: 'mgn', ...plan(3_990) } as Plan;
    const found = assessPlan(full, { now: MGN_TEST_NOW }).vms.filter((v) => v.findings.some((f) => f.rule === 'MGN-QUOTA2'));
    expect(found.map((v) => v.name)).toEqual(vms('agt', 10).map((v) => v.name.replace(/\d+$/, (n) => String(Number(n) + 10))));
  });
});
