import { Outcome } from '../../../lib/assessment/rule';
import { Plan } from '../../../lib/plan/model/plan';
import { assessPlan } from '../../../lib/rules';
import { bootVolumeOneDisk } from '../../../lib/rules/mgn/mgn-boot4-boot-volume-one-disk';
import { MGN_TEST_NOW, mgnVmContext } from '../../helpers/mgn-context';

const REQUIREMENT = 'the Linux boot volume must sit on one disk (guest.bootSpansDisks false)';
const OS = { family: 'linux', name: 'centos', version: '7.9' };

describe('MGN-BOOT4 boot volume on one disk', () => {
  const check = (vm: object) => bootVolumeOneDisk(mgnVmContext({ os: OS, ...vm }));

  test('passes guest.bootSpansDisks false when the volumes agree', () => {
    const disks = [{ volumes: [{ mount: '/boot' }, { mount: '/' }] }, { volumes: [{ mount: '/data' }] }];
    expect(check({ disks, guest: { bootSpansDisks: false } }).outcome).toBe(Outcome.PASS);
  });

  test('fails guest.bootSpansDisks true, for agentless VMs too', () => {
    const result = check({ guest: { bootSpansDisks: true }, mgn: { replication: { method: 'agentless' } } });
    expect(result.outcome).toBe(Outcome.FAIL);
    expect(result.message).toBe(`the boot volume of CentOS 7.9 spans several disks (guest.bootSpansDisks true): ${REQUIREMENT}`);
  });

  test('fails / or /boot recorded on two disks, whatever the flag says', () => {
    // GIVEN a root LVM volume listed on both disks, and a flag saying it does not span
    const disks = [{ name: 'Hard disk 1', volumes: [{ mount: '/' }] }, { name: 'Hard disk 2', volumes: [{ mount: '/' }] }];
    // WHEN
    const result = check({ disks, guest: { bootSpansDisks: false } });
    // THEN
    expect(result.outcome).toBe(Outcome.FAIL);
    expect(result.message).toBe('the boot volume of CentOS 7.9 spans disks: / is recorded on "Hard disk 1", "Hard disk 2" '
      + `(disks[].volumes[].mount): ${REQUIREMENT}`);
    const boot = check({ disks: [{ volumes: [{ mount: '/boot/' }] }, {}, { volumes: [{ mount: '/boot' }] }] });
    expect(boot.message).toMatch(/: \/boot is recorded on disk 1, disk 3 /);
  });

  test('one disk listing a mount twice does not span', () => {
    expect(check({ disks: [{ volumes: [{ mount: '/' }, { mount: '/' }] }], guest: { bootSpansDisks: false } }).outcome).toBe(Outcome.PASS);
  });

  test('is unknown when guest.bootSpansDisks is missing and the volumes show no span', () => {
    const result = check({ disks: [{ volumes: [{ mount: '/' }] }] });
    expect(result.outcome).toBe(Outcome.UNKNOWN);
    expect(result.message).toBe(`whether the boot volume of CentOS 7.9 spans several disks is not recorded (guest.bootSpansDisks): ${REQUIREMENT}`);
  });

  test('is n/a for Windows', () => {
    const ctx = mgnVmContext({ os: { family: 'windows', name: 'windows-server', version: '2019' }, guest: { bootSpansDisks: true } });
    expect(bootVolumeOneDisk(ctx).outcome).toBe(Outcome.NOT_APPLICABLE);
  });

  test('reports through the whole pack', () => {
    const plan = { version: 1, target: 'mgn', vms: [{ name: 'db-01', hypervisor: 'vmware', os: OS, guest: { bootSpansDisks: true } }] } as Plan;
    const finding = assessPlan(plan, { now: MGN_TEST_NOW }).vms[0].findings.find((f) => f.rule === 'MGN-BOOT4');
    expect(finding).toMatchObject({ outcome: 'fail', severity: 'error' });
  });
});
