import { Outcome, Severity } from '../../../lib/assessment/rule';
import { Plan } from '../../../lib/plan/model/plan';
import { assessPlan } from '../../../lib/rules';
import { linuxBootFreeSpace } from '../../../lib/rules/mgn/mgn-free3-linux-boot-free-space';
import { MGN_TEST_NOW, mgnVmContext } from '../../helpers/mgn-context';

const REQUIREMENT = 'a separate /boot volume needs at least 50 MiB (0.048828125 GiB) free for the agent';
const OS = { family: 'linux', name: 'sles', version: '15.4' };

describe('MGN-FREE3 free space on a separate /boot volume', () => {
  const check = (disks: object[] | undefined, extra: object = {}) => linuxBootFreeSpace(mgnVmContext({ os: OS, disks, ...extra }));

  test('passes 50 MiB (0.048828125 GiB) exactly', () => {
    expect(check([{ volumes: [{ mount: '/boot', freeGiB: 0.048828125 }, { mount: '/' }] }]).outcome).toBe(Outcome.PASS);
  });

  test('fails below 50 MiB, in MiB', () => {
    // GIVEN a /boot volume with 40 MiB free
    const result = check([{ name: 'Hard disk 1', volumes: [{ mount: '/boot', freeGiB: 40 / 1024 }] }]);
    // THEN
    expect(result.outcome).toBe(Outcome.FAIL);
    expect(result.message).toBe(`/boot volume /boot on "Hard disk 1" has 40 MiB free (disks[].volumes[].freeGiB): ${REQUIREMENT}`);
  });

  test('is n/a when the recorded volumes have no /boot', () => {
    expect(check([{ volumes: [{ mount: '/', freeGiB: 0.01 }] }, {}]).outcome).toBe(Outcome.NOT_APPLICABLE);
  });

  test('is unknown when the free space of /boot, or every volume, is not recorded', () => {
    const free = check([{ volumes: [{ mount: '/boot' }] }]);
    expect(free.outcome).toBe(Outcome.UNKNOWN);
    expect(free.message).toBe(`the free space of /boot volume /boot on disk 1 is not recorded (disks[].volumes[].freeGiB): ${REQUIREMENT}`);
    const volumes = check([{ sizeGiB: 40 }]);
    expect(volumes.outcome).toBe(Outcome.UNKNOWN);
    expect(volumes.message).toBe(`no volumes are recorded (disks[].volumes): ${REQUIREMENT}`);
    expect(check(undefined).message).toBe(`no disks are recorded (disks): ${REQUIREMENT}`);
  });

  test('is n/a for agentless VMs and Windows', () => {
    expect(check([{ volumes: [{ mount: '/boot', freeGiB: 0 }] }], { mgn: { replication: { method: 'agentless' } } }).outcome)
      .toBe(Outcome.NOT_APPLICABLE);
    expect(check(undefined, { os: { family: 'windows', name: 'windows-server', version: '2016' } }).outcome).toBe(Outcome.NOT_APPLICABLE);
  });

  test('reports through the whole pack', () => {
    const plan = { version: 1, target: 'mgn', vms: [{ name: 'web-01', hypervisor: 'vmware', os: OS,
      disks: [{ volumes: [{ mount: '/', freeGiB: 10 }, { mount: '/boot', freeGiB: 0.01 }] }] }] } as Plan;
    const finding = assessPlan(plan, { now: MGN_TEST_NOW }).vms[0].findings.find((f) => f.rule === 'MGN-FREE3');
    expect(finding).toMatchObject({ outcome: 'fail', severity: Severity.ERROR, message: expect.stringMatching(/has 10\.24 MiB free/) });
  });
});
