import { Outcome } from '../../../lib/assessment/rule';
import { Plan } from '../../../lib/plan/model/plan';
import { assessPlan } from '../../../lib/rules';
import { launchJobCount, launchJobs } from '../../../lib/rules/mgn/mgn-quota5-launch-jobs';
import { MGN_TEST_NOW, mgnVmContext } from '../../helpers/mgn-context';

const vms = (prefix: string, count: number, extra: object = {}) =>
  Array.from({ length: count }, (_, i) => ({ name: `${prefix}-${i + 1}`, hypervisor: 'vmware', ...extra }));

describe('MGN-QUOTA5 launch jobs', () => {
  const check = (name: string, plan: object) => launchJobs(mgnVmContext({ name }, { plan }));

  test('reminds each VM of its wave\'s launch jobs: a wave of 450 launches as 3', () => {
    // GIVEN a wave of 450 and one of 3
    const plan = { vms: [...vms('a', 450, { wave: 'w1' }), ...vms('b', 3, { wave: 'w2' })] };
    // WHEN / THEN
    const result = check('a-1', plan);
    expect(result.outcome).toBe(Outcome.FAIL);
    expect(result.message).toBe('wave w1 has 450 VMs, so it launches as 3 jobs, one after another: MGN takes at most 200 servers '
      + 'per launch job and across its running jobs (20 jobs at once, one job per server)');
    expect(check('b-3', plan).message).toMatch(/^wave w2 has 3 VMs, so it launches as 1 job: /);
  });

  test('counts a plan in which no VM names a wave as one wave', () => {
    expect(check('vm-1', { vms: vms('vm', 1) }).message).toMatch(/^the plan \(one wave: no VM names a wave\) has 1 VM, so it launches as 1 job: /);
  });

  test('needs ceil(n/200) jobs', () => {
    expect([1, 200, 201, 400, 401].map(launchJobCount)).toEqual([1, 1, 2, 2, 3]);
  });

  test('is n/a for an unscheduled VM, and never unknown', () => {
    expect(check('u-1', { vms: [...vms('u', 1), ...vms('w', 1, { wave: 'w1' })] }).outcome).toBe(Outcome.NOT_APPLICABLE);
  });

  test('gives the VMs of a wave one shared, frozen reminder through the pack', () => {
    // GIVEN a plan of two waves
    const plan = { version: 1, target: 'mgn', vms: [...vms('a', 201, { wave: 'w1' }), ...vms('b', 2, { wave: 'w2' })] } as Plan;
    // WHEN
    const findings = assessPlan(plan, { now: MGN_TEST_NOW }).vms.map((v) => v.findings.find((f) => f.rule === 'MGN-QUOTA5'));
    // THEN
    expect(findings.every((f) => f?.severity === 'info')).toBe(true);
    expect(new Set(findings.map((f) => f?.message)).size).toBe(2);
    expect(findings[0]?.message).toMatch(/^wave w1 has 201 VMs, so it launches as 2 jobs, one after another/);
  });
});
