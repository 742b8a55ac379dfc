import { Outcome, Severity } from '../../../lib/assessment/rule';
import { Plan } from '../../../lib/plan/model/plan';
import { assessPlan } from '../../../lib/rules';
import { linuxTmpFreeSpace } from '../../../lib/rules/mgn/mgn-free2-linux-tmp-free-space';
import { MGN_TEST_NOW, mgnVmContext } from '../../helpers/mgn-context';

const REQUIREMENT = 'the agent installer needs at least 1 GiB free on the volume holding /tmp';
const OS = { family: 'linux', name: 'debian', version: '11' };

describe('MGN-FREE2 free space on the volume holding /tmp', () => {
  const check = (disks: object[] | undefined, extra: object = {}) => linuxTmpFreeSpace(mgnVmContext({ os: OS, disks, ...extra }));

  test('passes 1 GiB exactly on /tmp\'s own volume, or on / when /tmp has none', () => {
    expect(check([{ volumes: [{ mount: '/', freeGiB: 0.1 }] }, { volumes: [{ mount: '/tmp', freeGiB: 1 }] }]).outcome).toBe(Outcome.PASS);
    expect(check([{ volumes: [{ mount: '/', freeGiB: 1 }] }]).outcome).toBe(Outcome.PASS);
  });

  test('fails below 1 GiB on /tmp\'s own volume, whatever / has', () => {
    // GIVEN /tmp on the second disk with 512 MiB free
    const result = check([{ volumes: [{ mount: '/', freeGiB: 50 }] }, { name: 'tmp', volumes: [{ mount: '/tmp/', freeGiB: 0.5 }] }]);
    // THEN
    expect(result.outcome).toBe(Outcome.FAIL);
    expect(result.message).toBe(`/tmp volume /tmp/ on "tmp" has 0.5 GiB free (disks[].volumes[].freeGiB): ${REQUIREMENT}`);
  });

  test('fails below 1 GiB on / when it holds /tmp', () => {
    const result = check([{ volumes: [{ mount: '/', freeGiB: 0.9999 }] }]);
    expect(result.outcome).toBe(Outcome.FAIL);
    expect(result.message).toBe(`root volume (holding /tmp) / on disk 1 has 0.9999 GiB free (disks[].volumes[].freeGiB): ${REQUIREMENT}`);
  });

  test('is unknown when the free space or the volumes are not recorded', () => {
    const free = check([{ volumes: [{ mount: '/', freeGiB: 9 }, { mount: '/tmp' }] }]);
    expect(free.outcome).toBe(Outcome.UNKNOWN);
    expect(free.message).toBe(`the free space of /tmp volume /tmp on disk 1 is not recorded (disks[].volumes[].freeGiB): ${REQUIREMENT}`);
    const none = check([{ volumes: [{ mount: '/home', freeGiB: 9 }] }]);
    expect(none.outcome).toBe(Outcome.UNKNOWN);
    expect(none.message).toBe(`no volume mounted at /tmp or / is recorded (disks[].volumes[].mount): ${REQUIREMENT}`);
  });

  test('is n/a for agentless VMs and Windows', () => {
    expect(check([{ volumes: [{ mount: '/', freeGiB: 0 }] }], { mgn: { replication: { method: 'agentless' } } }).outcome)
      .toBe(Outcome.NOT_APPLICABLE);
    expect(check(undefined, { os: { family: 'windows', name: 'windows-client', version: '10' } }).outcome).toBe(Outcome.NOT_APPLICABLE);
  });

  test('reports through the whole pack', () => {
    const plan = { version: 1, target: 'mgn', vms: [{ name: 'web-01', hypervisor: 'vmware', os: OS,
      disks: [{ volumes: [{ mount: '/', freeGiB: 10 }, { mount: '/tmp', freeGiB: 0.2 }] }] }] } as Plan;
    const finding = assessPlan(plan, { now: MGN_TEST_NOW }).vms[0].findings.find((f) => f.rule === 'MGN-FREE2');
    expect(finding).toMatchObject({ outcome: 'fail', severity: Severity.ERROR });
  });
});
