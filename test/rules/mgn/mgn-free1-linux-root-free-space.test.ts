import { Outcome, Severity } from '../../../lib/assessment/rule';
import { Plan } from '../../../lib/plan/model/plan';
import { assessPlan } from '../../../lib/rules';
import { linuxRootFreeSpace } from '../../../lib/rules/mgn/mgn-free1-linux-root-free-space';
import { MGN_TEST_NOW, mgnVmContext } from '../../helpers/mgn-context';

const REQUIREMENT = 'the agent needs at least 2 GiB free on /';
const OS = { family: 'linux', name: 'rhel', version: '8.6' };

describe('MGN-FREE1 free space on the Linux root volume', () => {
  const check = (volumes: object[] | undefined, extra: object = {}) => linuxRootFreeSpace(mgnVmContext({
    os: OS, disks: [{ name: 'Hard disk 1', volumes }], ...extra,
  }));

  test('passes 2 GiB exactly when /tmp has its own volume, and 3 GiB when / holds /tmp', () => {
    expect(check([{ mount: '/', freeGiB: 2 }, { mount: '/tmp', freeGiB: 5 }]).outcome).toBe(Outcome.PASS);
    expect(check([{ mount: '/', freeGiB: 3 }]).outcome).toBe(Outcome.PASS);
  });

  test('fails below 2 GiB, naming the volume, its free space and what passes', () => {
    // GIVEN a root volume with 1.5 GiB free
    const result = check([{ mount: '/', freeGiB: 1.5 }, { mount: '/tmp', freeGiB: 5 }]);
    // THEN
    expect(result.outcome).toBe(Outcome.FAIL);
    expect(result.severity).toBeUndefined();
    expect(result.message).toBe(`root volume / on "Hard disk 1" has 1.5 GiB free (disks[].volumes[].freeGiB): ${REQUIREMENT}`);
  });

  test('warns below 3 GiB when / also holds /tmp', () => {
    const result = check([{ mount: '/', freeGiB: 2.5 }]);
    expect(result.outcome).toBe(Outcome.FAIL);
    expect(result.severity).toBe(Severity.WARNING);
    expect(result.message).toBe('root volume / on "Hard disk 1" has 2.5 GiB free (disks[].volumes[].freeGiB) and also holds /tmp '
      + '(no volume is mounted at /tmp): at least 3 GiB is advised, 2 GiB for the agent on / and 1 GiB for the installer in /tmp');
  });

  test('is unknown when freeGiB of / is missing', () => {
    const result = check([{ mount: '/' }]);
    expect(result.outcome).toBe(Outcome.UNKNOWN);
    expect(result.message).toBe(`the free space of root volume / on "Hard disk 1" is not recorded (disks[].volumes[].freeGiB): ${REQUIREMENT}`);
  });

  test('is unknown when no / volume is recorded, naming the field that is missing', () => {
    expect(check([{ mount: '/data', freeGiB: 10 }]).message).toBe(`no volume mounted at / is recorded (disks[].volumes[].mount): ${REQUIREMENT}`);
    expect(check(undefined).message).toBe(`no volumes are recorded (disks[].volumes): ${REQUIREMENT}`);
    const noDisks = linuxRootFreeSpace(mgnVmContext({ os: OS }));
    expect(noDisks.outcome).toBe(Outcome.UNKNOWN);
    expect(noDisks.message).toBe(`no disks are recorded (disks): ${REQUIREMENT}`);
  });

  test('is n/a for agentless VMs and for Windows', () => {
    expect(check([{ mount: '/', freeGiB: 0.5 }], { mgn: { replication: { method: 'agentless' } } }).outcome).toBe(Outcome.NOT_APPLICABLE);
    const agentless = { defaults: { mgn: { replication: { method: 'agentless' } } } };
    expect(linuxRootFreeSpace(mgnVmContext({ os: OS }, { plan: agentless })).outcome).toBe(Outcome.NOT_APPLICABLE);
    expect(check([{ mount: '/', freeGiB: 0.5 }], { os: { family: 'windows', name: 'windows-server', version: '2019' } }).outcome)
      .toBe(Outcome.NOT_APPLICABLE);
  });

  test('reports through the whole pack', () => {
    const plan = { version: 1, target: 'mgn', vms: [{ name: 'web-01', hypervisor: 'vmware', os: OS,
      disks: [{ volumes: [{ mount: '/', freeGiB: 1 }] }] }] } as Plan;
    const finding = assessPlan(plan, { now: MGN_TEST_NOW }).vms[0].findings.find((f) => f.rule === 'MGN-FREE1');
    expect(finding).toMatchObject({ outcome: 'fail', severity: Severity.ERROR });
  });
});
