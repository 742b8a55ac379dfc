import { fstabKernelDeviceNames } from '../../../lib/rules/sms/sms-prep11-fstab-kernel-device-names';
import { Outcome } from '../../../lib/assessment/rule';
import { vmContext } from '../../helpers/context';

describe('SMS-PREP11 fstab kernel device names', () => {
  const os = { family: 'linux', name: 'rhel', version: '7.3' };
  const check = (fstab?: object[]) => fstabKernelDeviceNames(vmContext({ os, guest: { fstab } }));

  test.each([
    '/dev/sda', '/dev/sda1', '/dev/hdb2', '/dev/vda', '/dev/xvdf1', '/dev/nvme0n1', '/dev/nvme0n1p2',
    '/dev/sdaa12', '/dev/xvda',
  ])('fails an entry naming the kernel device %s', (device) => {
    const result = check([{ device, mount: '/data', type: 'xfs' }]);
    expect(result.outcome).toBe(Outcome.FAIL);
    expect(result.severity).toBeUndefined();
    expect(result.message).toContain(`${device} on /data (xfs)`);
    expect(result.message).toMatch(/UUID=, LABEL=, PARTUUID=, \/dev\/disk\/by-\* or an LVM name$/);
  });

  test.each([
    '/dev/sd', 'UUID=3f1c6b8e-2f7a-4d39-9a0e-1b2c3d4e5f60', 'LABEL=data', 'PARTUUID=0a1b2c3d-01',
    '/dev/disk/by-uuid/3f1c6b8e-2f7a-4d39-9a0e-1b2c3d4e5f60', '/dev/disk/by-id/scsi-0QEMU_disk-part1',
    '/dev/mapper/vg-root', '/dev/vg00/lv_root', '/dev/nvme0', '/dev/sda1x', '/dev/SDA1', 'tmpfs', 'proc',
    'server:/export',
  ])('passes an entry naming %s', (device) => {
    expect(check([{ device, mount: '/data', type: 'xfs' }]).outcome).toBe(Outcome.PASS);
  });

  test('lists every offending entry, swap included, and leaves stable ones out', () => {
    // GIVEN an fstab mixing kernel device names and stable names
    const fstab = [
      { device: '/dev/mapper/vg-root', mount: '/', type: 'xfs' },
      { device: '/dev/sda1', mount: '/boot', type: 'ext4' },
      { device: 'UUID=3f1c', mount: '/data', type: 'xfs' },
      { device: '/dev/sdb1', mount: 'swap', type: 'swap' },
      { device: '/dev/nvme1n1p1', mount: '/logs', type: 'ext4' },
    ];
    // WHEN
    const result = check(fstab);
    // THEN
    expect(result.outcome).toBe(Outcome.FAIL);
    expect(result.message).toMatch(/\/dev\/sda1 on \/boot \(ext4\), \/dev\/sdb1 on swap \(swap\), \/dev\/nvme1n1p1 on \/logs \(ext4\);/);
    expect(result.message).not.toMatch(/vg-root|UUID=3f1c/);
  });

  test('passes an empty fstab', () => {
    expect(check([]).outcome).toBe(Outcome.PASS);
  });

  test('is unknown when fstab is not recorded, naming guest.fstab', () => {
    const result = check();
    expect(result.outcome).toBe(Outcome.UNKNOWN);
    expect(result.message).toMatch(/\(guest\.fstab\)/);
    expect(fstabKernelDeviceNames(vmContext({ os })).outcome).toBe(Outcome.UNKNOWN);
  });

  test('is unknown when an entry has no device and nothing else fails; a failing entry still fails', () => {
    const result = check([{ device: 'UUID=1' }, { mount: '/data', type: 'xfs' }]);
    expect(result.outcome).toBe(Outcome.UNKNOWN);
    expect(result.message).toMatch(/guest\.fstab\[\]\.device/);
    expect(check([{ device: '/dev/sdc' }, { mount: '/data' }]).outcome).toBe(Outcome.FAIL);
  });

  test('is unknown naming os.family when the family cannot be told', () => {
    const result = fstabKernelDeviceNames(vmContext({ guest: { fstab: [{ device: '/dev/sda1', mount: '/' }] } }));
    expect(result.outcome).toBe(Outcome.UNKNOWN);
    expect(result.message).toMatch(/\(os\.family\)/);
  });

  test('is n/a on Windows and on family other', () => {
    const fstab = [{ device: '/dev/sda1', mount: '/' }];
    expect(fstabKernelDeviceNames(vmContext({ os: { family: 'windows' }, guest: { fstab } })).outcome).toBe(Outcome.NOT_APPLICABLE);
    expect(fstabKernelDeviceNames(vmContext({ os: { family: 'other' }, guest: { fstab } })).outcome).toBe(Outcome.NOT_APPLICABLE);
  });
});
