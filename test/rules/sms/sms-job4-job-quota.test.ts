import { jobQuota } from '../../../lib/rules/sms/sms-job4-job-quota';
import { planFacts } from '../../../lib/rules/sms/plan-facts';
import { Outcome } from '../../../lib/assessment/rule';
import { Vm } from '../../../lib/plan/model/plan';
import { vmContext } from '../../helpers/context';

describe('SMS-JOB4 job quota', () => {
  test('passes the 50th VM', () => {
    expect(jobQuota(vmContext({}, { position: 50 })).outcome).toBe(Outcome.PASS);
  });

  test('fails the 51st VM of a plan that names no wave, naming its position and the quota', () => {
    // GIVEN the 51st VM of a plan without waves and the default quota of 50
    const result = jobQuota(vmContext({ name: 'app-51' }, { position: 51 }));
    // THEN
    expect(result.outcome).toBe(Outcome.FAIL);
    expect(result.message).toBe('app-51 is replication job 51 of the plan in its account and region (one wave: no VM names a wave; '
      + 'counted in plan order), past the quota of 50 concurrent replication jobs per account and region');
  });

  test('fails the 51st VM of a wave, naming the wave', () => {
    const result = jobQuota(vmContext({ name: 'web-51', wave: 'wave-3' }, { position: 51 }));
    expect(result.outcome).toBe(Outcome.FAIL);
    expect(result.message).toBe('web-51 is replication job 51 of wave wave-3 in its account and region (counted in plan order), '
      + 'past the quota of 50 concurrent replication jobs per account and region');
  });

  test('uses the quota the plan facts carry', () => {
    expect(jobQuota(vmContext({}, { position: 51, jobQuota: 200 })).outcome).toBe(Outcome.PASS);
    expect(jobQuota(vmContext({}, { position: 11, jobQuota: 10 })).message).toMatch(/job 11 .*quota of 10/);
  });

  test('passes the first VM and never reports unknown without settings', () => {
    expect(jobQuota(vmContext({})).outcome).toBe(Outcome.PASS);
  });

  test('is n/a for a VM the plan facts do not count (unscheduled)', () => {
    // GIVEN plan facts that number another VM only
    const ctx = vmContext({ name: 'later-01' });
    const result = jobQuota({ ...ctx, plan: { ...ctx.plan, position: new Map([['web-01', 1]]) } });
    // THEN
    expect(result.outcome).toBe(Outcome.NOT_APPLICABLE);
  });
});

describe('SMS-JOB4 counting (plan facts)', () => {
  /** `count` VMs named `<prefix>-<n>`, in `wave` (none when undefined). */
  const vms = (prefix: string, count: number, wave?: string): Vm[] =>
    Array.from({ length: count }, (_, i) => ({ name: `${prefix}-${i + 1}`, hypervisor: 'vmware', ...(wave === undefined ? {} : { wave }) }) as Vm);
  /** The VMs of a plan that fail SMS-JOB4 under the facts the pack makes of the plan. */
  const failing = (plan: Vm[], jobsBefore?: number): string[] => {
    const facts = planFacts(plan, undefined, jobsBefore);
    return plan.filter((vm) => jobQuota({ ...vmContext(vm), plan: facts }).outcome === Outcome.FAIL).map((vm) => vm.name);
  };

  test('counts each wave on its own: 800 VMs in 20 waves of 40 all pass', () => {
    // GIVEN 20 waves of 40 VMs each, 800 in all
    const plan = Array.from({ length: 20 }, (_, w) => vms(`w${w + 1}`, 40, `wave-${w + 1}`)).flat();
    // THEN no VM is past the quota
    expect(plan).toHaveLength(800);
    expect(failing(plan)).toEqual([]);
  });

  test('fails the 51st VM of one wave, and only it', () => {
    expect(failing([...vms('a', 51, 'wave-1'), ...vms('b', 50, 'wave-2')])).toEqual(['a-51']);
  });

  test('counts a wave in plan order, wherever its VMs are in the plan', () => {
    // GIVEN wave-1's VMs interleaved with wave-2's
    const first = vms('a', 30, 'wave-1');
    const second = vms('b', 21, 'wave-1');
    const plan = [...first, ...vms('c', 40, 'wave-2'), ...second];
    // THEN the 51st VM of wave-1 is the last of the plan
    expect(failing(plan)).toEqual(['b-21']);
  });

  test('counts a plan that names no wave as one wave: the 51st VM fails', () => {
    expect(failing(vms('vm', 51))).toEqual(['vm-51']);
  });

  test('does not count the unscheduled VMs of a plan that uses waves', () => {
    // GIVEN a wave of 50 VMs and 10 VMs without a wave, some of them before the wave
    const plan = [...vms('later', 5), ...vms('a', 50, 'wave-1'), ...vms('later-b', 5)];
    const facts = planFacts(plan);
    // THEN the wave is within the quota, and the unscheduled VMs get no position
    expect(failing(plan)).toEqual([]);
    expect(facts.position.get('a-50')).toBe(50);
    expect(facts.position.has('later-1')).toBe(false);
    expect(facts.position.has('later-b-5')).toBe(false);
  });

  test('counts every wave after the jobs other plans hold', () => {
    expect(failing([...vms('a', 21, 'wave-1'), ...vms('b', 20, 'wave-2')], 30)).toEqual(['a-21']);
  });
});
