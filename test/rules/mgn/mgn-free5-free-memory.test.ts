import { Outcome, Severity } from '../../../lib/assessment/rule';
import { Plan } from '../../../lib/plan/model/plan';
import { assessPlan } from '../../../lib/rules';
import { freeMemory } from '../../../lib/rules/mgn/mgn-free5-free-memory';
import { MGN_TEST_NOW, mgnVmContext } from '../../helpers/mgn-context';

const REQUIREMENT = 'the agent needs at least 300 MiB (0.29296875 GiB) of free memory';

describe('MGN-FREE5 free memory', () => {
  const check = (guest: object | undefined, extra: object = {}) => freeMemory(mgnVmContext({
    os: { family: 'linux', name: 'ubuntu', version: '20.04' }, guest, ...extra,
  }));

  test('passes 300 MiB exactly, on every family', () => {
    expect(check({ freeMemoryGiB: 0.29296875 }).outcome).toBe(Outcome.PASS);
    expect(check({ freeMemoryGiB: 8 }, { os: { family: 'other', name: 'freebsd' } }).outcome).toBe(Outcome.PASS);
  });

  test('fails below 300 MiB, naming the value in MiB and the field', () => {
    // GIVEN a guest with 256 MiB free
    const result = check({ freeMemoryGiB: 0.25 });
    // THEN
    expect(result.outcome).toBe(Outcome.FAIL);
    expect(result.message).toBe(`the guest has 256 MiB of free memory (guest.freeMemoryGiB 0.25): ${REQUIREMENT}`);
  });

  test('is unknown when guest.freeMemoryGiB is missing', () => {
    const result = check(undefined);
    expect(result.outcome).toBe(Outcome.UNKNOWN);
    expect(result.message).toBe(`the guest's free memory is not recorded (guest.freeMemoryGiB): ${REQUIREMENT}`);
  });

  test('is n/a for agentless VMs', () => {
    expect(check({ freeMemoryGiB: 0.1 }, { mgn: { replication: { method: 'agentless' } } }).outcome).toBe(Outcome.NOT_APPLICABLE);
  });

  test('reports through the whole pack', () => {
    const plan = { version: 1, target: 'mgn', vms: [{ name: 'web-01', hypervisor: 'vmware',
      os: { family: 'windows', name: 'windows-server', version: '2022' }, guest: { freeMemoryGiB: 0.2 } }] } as Plan;
    const finding = assessPlan(plan, { now: MGN_TEST_NOW }).vms[0].findings.find((f) => f.rule === 'MGN-FREE5');
    expect(finding).toMatchObject({ outcome: 'fail', severity: Severity.ERROR });
  });
});
