import { Outcome } from '../../../lib/assessment/rule';
import { Plan } from '../../../lib/plan/model/plan';
import { assessPlan } from '../../../lib/rules';
import { applicationsAndWaves } from '../../../lib/rules/mgn/mgn-quota4-applications-and-waves';
import { MGN_TEST_NOW, mgnVmContext } from '../../helpers/mgn-context';

/** `count` VMs named vm-<n> (from 1), each with the fields `extra(n)` gives. */
const vms = (count: number, extra: (n: number) => object = () => ({})) =>
  Array.from({ length: count }, (_, i) => ({ name: `vm-${i + 1}`, hypervisor: 'vmware', ...extra(i + 1) }));

describe('MGN-QUOTA4 applications and waves', () => {
  const check = (name: string, plan: object) => applicationsAndWaves(mgnVmContext({ name }, { plan }));

  test('passes the 200th application and the VMs of earlier ones', () => {
    // GIVEN 201 applications, the first with a second VM at the end
    const plan = { vms: [...vms(201, (n) => ({ application: `app-${n}` })), { name: 'late', hypervisor: 'vmware', application: 'app-1' }] };
    expect(check('vm-200', plan).outcome).toBe(Outcome.PASS);
    expect(check('late', plan).outcome).toBe(Outcome.PASS);
  });

  test('fails the VMs of the 201st application, naming it and its position', () => {
    const plan = { vms: vms(201, (n) => ({ application: `app-${n}` })) };
    const result = check('vm-201', plan);
    expect(result.outcome).toBe(Outcome.FAIL);
    expect(result.message).toBe('application app-201 is application 201 of the plan: past 200 applications '
      + '(MGN\'s limits per account and Region, names counted by first appearance in plan order)');
  });

  test('fails the VMs of the 201st wave', () => {
    // GIVEN 201 waves, all of one application
    const result = check('vm-201', { vms: vms(201, (n) => ({ wave: `w${n}`, application: 'one' })) });
    expect(result.message).toBe('wave w201 is wave 201 of the plan: past 200 waves '
      + '(MGN\'s limits per account and Region, names counted by first appearance in plan order)');
  });

  test('fails the 1,001st application of a wave, listing every limit broken', () => {
    const result = check('vm-1001', { vms: vms(1_001, (n) => ({ wave: 'big', application: `a${n}` })) });
    expect(result.message).toBe('application a1001 is application 1001 of wave big: past 1,000 applications per wave; '
      + 'application a1001 is application 1001 of the plan: past 200 applications '
      + '(MGN\'s limits per account and Region, names counted by first appearance in plan order)');
  });

  test('fails the servers past the 50,000th', () => {
    // GIVEN 50,001 VMs of one application and no waves
    const plan = { vms: vms(50_001) };
    expect(check('vm-50000', plan).outcome).toBe(Outcome.PASS);
    expect(check('vm-50001', plan).message).toMatch(/^vm-50001 is source server 50001 of the plan: past 50,000 source servers \(/);
  });

  test('is n/a for an unscheduled VM, and never unknown', () => {
    const mixed = { vms: [{ name: 'u', hypervisor: 'vmware' }, { name: 'w', hypervisor: 'vmware', wave: 'w1' }] };
    expect(check('u', mixed).outcome).toBe(Outcome.NOT_APPLICABLE);
    expect(check('w', mixed).outcome).toBe(Outcome.PASS);
  });

  test('is reported through the pack as a hard error', () => {
    const plan = { version: 1, target: 'mgn', vms: vms(202, (n) => ({ wave: `w${n}` })) } as Plan;
    const findings = assessPlan(plan, { now: MGN_TEST_NOW }).vms.flatMap((v) => v.findings.filter((f) => f.rule === 'MGN-QUOTA4'));
    expect(findings.map((f) => f.severity)).toEqual(['error', 'error']);
  });
});
