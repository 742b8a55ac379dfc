import { Outcome } from '../../../lib/assessment/rule';
import { assessPlan } from '../../../lib/rules';
import { agentlessRuns } from '../../../lib/rules/mgn/mgn-agl6-agentless-runs';
import { Plan } from '../../../lib/plan/model/plan';
import { MGN_TEST_NOW, mgnVmContext } from '../../helpers/mgn-context';

const AGENTLESS = { replication: { method: 'agentless' } };
const REMINDER = 'agentless replication: do not move the VM (vMotion, Storage vMotion, DRS) while a snapshot run is shipping, '
  + 'and between runs only where the vCenter Client\'s vCenter account has rights; never move it to another vCenter; '
  + 'VMware ships 50 VMs at once and queues the rest; cutover waits for a fresh snapshot';

describe('MGN-AGL6 agentless run reminder', () => {
  test('reminds every agentless VM, with one shared result', () => {
    // GIVEN two agentless VMs
    const first = agentlessRuns(mgnVmContext({ name: 'a', connector: 'c-1', mgn: AGENTLESS }));
    const second = agentlessRuns(mgnVmContext({ name: 'b', mgn: AGENTLESS }));
    // THEN
    expect(first.outcome).toBe(Outcome.FAIL);
    expect(first.message).toBe(REMINDER);
    expect(second).toBe(first);
    expect(Object.isFrozen(first)).toBe(true);
  });

  test('is never unknown: a VM with no facts at all gets the reminder', () => {
    expect(agentlessRuns(mgnVmContext({ mgn: AGENTLESS })).outcome).toBe(Outcome.FAIL);
  });

  test('is n/a for an agent-based VM', () => {
    expect(agentlessRuns(mgnVmContext({})).outcome).toBe(Outcome.NOT_APPLICABLE);
  });

  test('through the pack: an info finding', () => {
    // GIVEN
    const plan = {
      version: 1, target: 'mgn', connectors: [{ name: 'c-1', hypervisor: 'vmware' }],
      vms: [{ name: 'vm-1', hypervisor: 'vmware', connector: 'c-1', mgn: AGENTLESS }],
    } as unknown as Plan;
    // WHEN
    const finding = assessPlan(plan, { now: MGN_TEST_NOW }).vms[0].findings.find((f) => f.rule === 'MGN-AGL6');
    // THEN
    expect(finding).toMatchObject({ outcome: 'fail', severity: 'info', message: REMINDER });
  });
});
