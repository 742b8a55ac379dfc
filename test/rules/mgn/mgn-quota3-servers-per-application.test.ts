import { Outcome } from '../../../lib/assessment/rule';
import { Plan } from '../../../lib/plan/model/plan';
import { assessPlan } from '../../../lib/rules';
import { serversPerApplication } from '../../../lib/rules/mgn/mgn-quota3-servers-per-application';
import { MGN_TEST_NOW, mgnVmContext } from '../../helpers/mgn-context';

const vms = (prefix: string, count: number, extra: object = {}) =>
  Array.from({ length: count }, (_, i) => ({ name: `${prefix}-${i + 1}`, hypervisor: 'vmware', ...extra }));

describe('MGN-QUOTA3 servers per application', () => {
  const check = (name: string, plan: object) => serversPerApplication(mgnVmContext({ name }, { plan }));
  // 205 VMs of application erp, with another application's VMs between them.
  const plan = { vms: [...vms('erp', 100, { application: 'erp' }), ...vms('crm', 50, { application: 'crm' }), ...vms('more', 105, { application: 'erp' })] };

  test('passes the 200th server of an application', () => {
    expect(check('more-100', plan).outcome).toBe(Outcome.PASS);
    expect(check('crm-50', plan).outcome).toBe(Outcome.PASS);
  });

  test('fails the servers past the 200th, naming the application, its size and the position', () => {
    // WHEN
    const result = check('more-101', plan);
    // THEN
    expect(result.outcome).toBe(Outcome.FAIL);
    expect(result.message).toBe('application erp has 205 source servers and more-101 is number 201 in plan order: '
      + 'past MGN\'s limit of 200 source servers per application');
  });

  test('counts the application a VM gets from its wave, or the default one', () => {
    expect(check('vm-201', { vms: vms('vm', 201) }).message).toMatch(/^application default has 201 source servers/);
    expect(check('vm-201', { vms: vms('vm', 201, { wave: 'w1' }) }).message).toMatch(/^application w1 has 201 source servers/);
  });

  test('is n/a for an unscheduled VM, and never unknown', () => {
    const mixed = { vms: [...vms('u', 1), ...vms('w', 1, { wave: 'w1' })] };
    expect(check('u-1', mixed).outcome).toBe(Outcome.NOT_APPLICABLE);
    expect(check('w-1', mixed).outcome).toBe(Outcome.PASS);
  });

  test('is reported through the pack as a hard error', () => {
    const full = { version: 1, target: 'mgn', vms: vms('vm', 202, { application: 'a' }) } as Plan;
    const findings = assessPlan(full, { now: MGN_TEST_NOW }).vms.flatMap((v) => v.findings.filter((f) => f.rule === 'MGN-QUOTA3'));
    expect(findings.length).toBe(2);
    expect(findings[0].severity).toBe('error');
  });
});
