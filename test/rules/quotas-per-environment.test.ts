/**
 * Every quota is counted per account and Region (README, "Several accounts and Regions"): a VM's own
 * `account` and `region`, else its wave's, else the plan's (`mgn.accountId`, `mgn.region` in an MGN
 * plan), else the migration's.
 */
import { Plan } from '../../lib/plan/model/plan';
import { assessPlan } from '../../lib/rules';
import { MGN_TEST_NOW } from '../helpers/mgn-context';

const vms = (prefix: string, count: number, extra: object = {}) =>
  Array.from({ length: count }, (_, i) => ({ name: `${prefix}-${i + 1}`, hypervisor: 'vmware', ...extra }));

/** The VMs that fail `rule`, by name. */
function failing(plan: object, rule: string, options: { environment?: { account?: string; region?: string }; jobsBefore?: number } = {}): string[] {
  const assessment = assessPlan(plan as Plan, { now: MGN_TEST_NOW, ...options });
  return assessment.vms.filter((vm) => vm.findings.some((f) => f.rule === rule && f.outcome === 'fail')).map((vm) => vm.name);
}

describe('SMS-JOB4 per account and Region', () => {
  test('counts a wave\'s jobs apart in each account its waves name, and together where they name the same', () => {
    // GIVEN wave w of 60 VMs: 30 in account A (the wave's), 30 moved to account B by the VM itself
    const plan = {
      waves: [{ name: 'w', account: '111111111111', region: 'eu-west-1' }],
      vms: [...vms('a', 30, { wave: 'w' }), ...vms('b', 30, { wave: 'w', account: '222222222222' })],
    };
    // WHEN / THEN no account holds more than 50 jobs
    expect(failing(plan, 'SMS-JOB4')).toEqual([]);
    // AND the same 60 VMs in one account fail past the 50th
    const oneAccount = { ...plan, vms: vms('a', 60, { wave: 'w' }) };
    expect(failing(oneAccount, 'SMS-JOB4')).toEqual(vms('a', 60).slice(50).map((v) => v.name));
  });

  test('counts a wave that names the migration\'s own account and Region with the VMs that name none', () => {
    // GIVEN 30 VMs naming nothing and 30 whose wave names the migration's own environment
    const plan = {
      waves: [{ name: 'w', account: '111111111111', region: 'eu-west-1' }, { name: 'v' }],
      vms: [...vms('a', 30, { wave: 'v' }), ...vms('b', 30, { wave: 'v', account: '111111111111', region: 'eu-west-1' })],
    };
    // WHEN the migration's environment is that account and Region THEN one count of 60
    expect(failing(plan, 'SMS-JOB4', { environment: { account: '111111111111', region: 'eu-west-1' } }))
      .toEqual(vms('b', 30).slice(20).map((v) => v.name));
    // WHEN it is another THEN two counts of 30
    expect(failing(plan, 'SMS-JOB4', { environment: { account: '333333333333', region: 'eu-west-1' } })).toEqual([]);
  });

  test('counts the jobs other migrations hold only in the migration\'s own account and Region', () => {
    // GIVEN 45 VMs at home and 45 in another Region, with 10 jobs held at home by another migration
    const plan = {
      waves: [{ name: 'home' }, { name: 'away', region: 'us-east-1' }],
      vms: [...vms('h', 45, { wave: 'home' }), ...vms('x', 45, { wave: 'away' })],
    };
    // WHEN / THEN the home wave is past the quota from its 41st VM; the other is not
    expect(failing(plan, 'SMS-JOB4', { jobsBefore: 10, environment: { region: 'eu-west-1' } })).toEqual(['h-41', 'h-42', 'h-43', 'h-44', 'h-45']);
  });
});

describe('MGN quotas per account and Region', () => {
  test('MGN-QUOTA1 counts the servers replicating at once in each account and Region apart', () => {
    // GIVEN 160 VMs replicating together, half in each of two Regions of the plan's account
    const plan = {
      target: 'mgn',
      mgn: { accountId: '111111111111', region: 'eu-west-1' },
      waves: [{ name: 'w1' }, { name: 'w2', region: 'us-east-1' }],
      vms: [...vms('a', 80, { wave: 'w1' }), ...vms('b', 80, { wave: 'w2' })],
    };
    // WHEN / THEN none is past 150 in its Region
    expect(failing(plan, 'MGN-QUOTA1')).toEqual([]);
    // AND with both waves in the plan's Region, the 151st and later fail
    const oneRegion = { ...plan, waves: [{ name: 'w1' }, { name: 'w2' }] };
    expect(failing(oneRegion, 'MGN-QUOTA1')).toEqual(vms('b', 80).slice(70).map((v) => v.name));
  });

  test('MGN-QUOTA3 counts an application\'s servers in each account apart: MGN\'s applications are per account and Region', () => {
    // GIVEN application app with 150 VMs in account A and 150 in account B
    const plan = {
      target: 'mgn',
      waves: [{ name: 'w1', account: '111111111111' }, { name: 'w2', account: '222222222222' }],
      vms: [...vms('a', 150, { wave: 'w1', application: 'app' }), ...vms('b', 150, { wave: 'w2', application: 'app' })],
    };
    // WHEN / THEN neither holds more than 200
    expect(failing(plan, 'MGN-QUOTA3')).toEqual([]);
    // AND in one account, the servers past the 200th fail
    const oneAccount = { ...plan, waves: [{ name: 'w1', account: '111111111111' }, { name: 'w2', account: '111111111111' }] };
    expect(failing(oneAccount, 'MGN-QUOTA3')).toHaveLength(100);
  });

  test('MGN-QUOTA2 counts a vCenter Client\'s discoveries where its first agentless VM goes', () => {
    // GIVEN a client discovering 3,990 VMs, serving one agentless VM in Region A; 20 agent VMs in Region B
    const plan = {
      target: 'mgn',
      connectors: [{ name: 'vcc', hypervisor: 'vmware', inventoryVmCount: 3_990 }],
      waves: [{ name: 'w1', region: 'eu-west-1' }, { name: 'w2', region: 'us-east-1' }],
      vms: [
        { name: 'agentless-1', hypervisor: 'vmware', wave: 'w1', connector: 'vcc', mgn: { replication: { method: 'agentless' } } },
        ...vms('a', 20, { wave: 'w1' }),
        ...vms('b', 20, { wave: 'w2' }),
      ],
    };
    // WHEN / THEN Region A holds 3,989 discovered + 21 = 4,010: its last 10 VMs fail; Region B's 20 do not
    expect(failing(plan, 'MGN-QUOTA2')).toEqual(vms('a', 20).slice(10).map((v) => v.name));
  });
});
