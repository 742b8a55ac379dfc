import { Outcome, Severity } from '../../../lib/assessment/rule';
import { Plan } from '../../../lib/plan/model/plan';
import { assessPlan } from '../../../lib/rules';
import { instanceTypeRightSizing } from '../../../lib/rules/mgn/mgn-launch1-instance-type-right-sizing';
import { MGN_TEST_NOW, mgnVmContext } from '../../helpers/mgn-context';

const LINUX = { family: 'linux', name: 'amazon-linux', version: '2' };
const judge = (launch: object, defaults?: object) => instanceTypeRightSizing(mgnVmContext({ os: LINUX, mgn: { launch } },
  { plan: defaults !== undefined ? { defaults: { mgn: { launch: defaults } } } : {} }));

describe('MGN-LAUNCH1 no instance type under basic right-sizing', () => {
  test('passes an instance type alone (right-sizing defaults to none)', () => {
    expect(judge({ instanceType: 'm6i.large' }).outcome).toBe(Outcome.PASS);
  });

  test('passes basic right-sizing alone, written or defaulted', () => {
    expect(judge({}).outcome).toBe(Outcome.PASS);
    expect(judge({ rightSizing: 'basic' }).outcome).toBe(Outcome.PASS);
  });

  test('passes an instance type with right-sizing none', () => {
    expect(judge({ instanceType: 'm6i.large', rightSizing: 'none' }).outcome).toBe(Outcome.PASS);
  });

  test('fails an instance type with right-sizing written as basic', () => {
    // GIVEN both written on the VM
    // WHEN
    const result = judge({ instanceType: 'm6i.large', rightSizing: 'basic' });
    // THEN
    expect(result.outcome).toBe(Outcome.FAIL);
    expect(result.message).toBe('launch.instanceType m6i.large is set while launch.rightSizing is basic: MGN launches the type '
      + 'its right-sizing picks, not this one (set rightSizing none to keep it, or drop instanceType)');
  });

  test('fails when the two come from the VM and the defaults', () => {
    expect(judge({ instanceType: 'c6i.xlarge' }, { rightSizing: 'basic' }).outcome).toBe(Outcome.FAIL);
  });

  test('is never unknown: both are settings with defaults', () => {
    expect(instanceTypeRightSizing(mgnVmContext({})).outcome).toBe(Outcome.PASS);
  });

  test('reports a warning through the whole pack', () => {
    const plan = { version: 1, target: 'mgn', defaults: { mgn: { launch: { rightSizing: 'basic' } } },
      vms: [{ name: 'web-01', hypervisor: 'vmware', os: LINUX, mgn: { launch: { instanceType: 't3.medium' } } }] } as unknown as Plan;
    const finding = assessPlan(plan, { now: MGN_TEST_NOW }).vms[0].findings.find((f) => f.rule === 'MGN-LAUNCH1');
    expect(finding?.severity).toBe(Severity.WARNING);
    expect(finding?.message).toMatch(/^launch\.instanceType t3\.medium is set while launch\.rightSizing is basic/);
  });
});
