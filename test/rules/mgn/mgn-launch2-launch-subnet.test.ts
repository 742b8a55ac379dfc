import { Outcome, Severity } from '../../../lib/assessment/rule';
import { Plan } from '../../../lib/plan/model/plan';
import { assessPlan } from '../../../lib/rules';
import { launchSubnet } from '../../../lib/rules/mgn/mgn-launch2-launch-subnet';
import { MGN_TEST_NOW, mgnVmContext } from '../../helpers/mgn-context';

const LINUX = { family: 'linux', name: 'debian', version: '11' };
const MESSAGE = 'launch.subnet is not set (VM or defaults.mgn.launch): MGN launches into a subnet of the Region\'s default VPC, '
  + 'and the launch fails where there is none; set launch.subnet to a subnet- id';

describe('MGN-LAUNCH2 a launch subnet is set', () => {
  test('passes a subnet on the VM or in the defaults', () => {
    expect(launchSubnet(mgnVmContext({ os: LINUX, mgn: { launch: { subnet: 'subnet-0e5f' } } })).outcome).toBe(Outcome.PASS);
    const fromDefaults = mgnVmContext({ os: LINUX }, { plan: { defaults: { mgn: { launch: { subnet: 'subnet-0e5f' } } } } });
    expect(launchSubnet(fromDefaults).outcome).toBe(Outcome.PASS);
  });

  test('fails without a subnet', () => {
    // GIVEN no subnet anywhere
    const result = launchSubnet(mgnVmContext({ os: LINUX }));
    // THEN
    expect(result.outcome).toBe(Outcome.FAIL);
    expect(result.message).toBe(MESSAGE);
  });

  test('fails a blank subnet', () => {
    expect(launchSubnet(mgnVmContext({ os: LINUX, mgn: { launch: { subnet: '  ' } } })).message).toBe(MESSAGE);
  });

  test('is never unknown: no subnet is the default VPC', () => {
    expect(launchSubnet(mgnVmContext({})).outcome).toBe(Outcome.FAIL);
  });

  test('reports a warning through the whole pack', () => {
    const plan = { version: 1, target: 'mgn', vms: [{ name: 'web-01', hypervisor: 'vmware', os: LINUX }] } as unknown as Plan;
    const finding = assessPlan(plan, { now: MGN_TEST_NOW }).vms[0].findings.find((f) => f.rule === 'MGN-LAUNCH2');
    expect(finding?.severity).toBe(Severity.WARNING);
    expect(finding?.message).toBe(MESSAGE);
  });
});
