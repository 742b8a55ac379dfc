import { Outcome } from '../../../lib/assessment/rule';
import { Plan } from '../../../lib/plan/model/plan';
import { assessPlan } from '../../../lib/rules';
import { fstabKernelDeviceNames } from '../../../lib/rules/mgn/mgn-prep16-fstab-kernel-device-names';
import { MGN_TEST_NOW, mgnVmContext } from '../../helpers/mgn-context';

const LINUX = { family: 'linux', name: 'rhel', version: '8.8' };

describe('MGN-PREP16 fstab kernel device names', () => {
  const judge = (fstab?: object[], extra: object = {}) => fstabKernelDeviceNames(mgnVmContext({ os: LINUX, guest: { fstab }, ...extra }));

  test('passes stable names, with either method', () => {
    const fstab = [{ device: 'UUID=1234', mount: '/', type: 'xfs' }, { device: '/dev/mapper/vg-data', mount: '/data' },
      { device: 'LABEL=boot', mount: '/boot' }, { device: '/dev/disk/by-uuid/abcd', mount: '/srv' }];
    expect(judge(fstab).outcome).toBe(Outcome.PASS);
    expect(judge(fstab, { mgn: { replication: { method: 'agentless' } } }).outcome).toBe(Outcome.PASS);
  });

  test('fails listing every kernel device name, swap included', () => {
    const result = judge([{ device: '/dev/sdb1', mount: '/data', type: 'xfs' }, { device: 'UUID=1', mount: '/' },
      { device: '/dev/nvme0n1p3', mount: 'swap', type: 'swap' }]);
    expect(result.outcome).toBe(Outcome.FAIL);
    expect(result.message).toBe('/etc/fstab names kernel devices (guest.fstab): /dev/sdb1 on /data (xfs), /dev/nvme0n1p3 on swap (swap); '
      + 'disk names change on EC2 (NVMe, another order) and the instance may not mount them or boot: '
      + 'name them by UUID=, LABEL=, PARTUUID=, /dev/disk/by-* or an LVM name');
  });

  test('is unknown when guest.fstab is missing', () => {
    const result = judge(undefined);
    expect(result.outcome).toBe(Outcome.UNKNOWN);
    expect(result.message).toBe('the /etc/fstab entries are not recorded (guest.fstab): Linux /etc/fstab entries should name devices by '
      + 'UUID=, LABEL=, PARTUUID=, /dev/disk/by-* or an LVM name');
  });

  test('is n/a off Linux', () => {
    expect(fstabKernelDeviceNames(mgnVmContext({ os: { family: 'windows' }, guest: { fstab: [{ device: '/dev/sda1' }] } })).outcome)
      .toBe(Outcome.NOT_APPLICABLE);
  });

  test('runs through the whole pack as a warning', () => {
    const vm = { name: 'vm-1', hypervisor: 'vmware', os: LINUX, guest: { fstab: [{ device: '/dev/sdb1', mount: '/data' }] } };
    const plan = { version: 1, target: 'mgn', vms: [vm] };
    const finding = assessPlan(plan as unknown as Plan, { now: MGN_TEST_NOW }).vms[0].findings.find((f) => f.rule === 'MGN-PREP16');
    expect(finding).toMatchObject({ outcome: 'fail', severity: 'warning' });
  });
});
