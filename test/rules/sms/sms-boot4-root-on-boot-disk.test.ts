import { rootOnBootDisk } from '../../../lib/rules/sms/sms-boot4-root-on-boot-disk';
import { Outcome } from '../../../lib/assessment/rule';
import { vmContext } from '../../helpers/context';

describe('SMS-BOOT4 root on boot disk', () => {
  const linux = { family: 'linux', name: 'rhel', version: '7.3' };
  const windows = { family: 'windows', name: 'windows-server', version: '2016' };

  test('passes a Linux root volume on the boot disk', () => {
    // GIVEN / on the boot disk and /data elsewhere
    const ctx = vmContext({
      os: linux,
      disks: [
        { name: 'data', volumes: [{ mount: '/data', fileSystem: 'xfs' }] },
        { name: 'os', boot: true, volumes: [{ mount: '/', fileSystem: 'xfs' }] },
      ],
    });
    // WHEN / THEN
    expect(rootOnBootDisk(ctx).outcome).toBe(Outcome.PASS);
  });

  test('fails a Linux root volume on another disk, naming both disks', () => {
    const result = rootOnBootDisk(vmContext({
      os: linux,
      disks: [
        { name: 'os', boot: true, volumes: [{ mount: '/boot', fileSystem: 'ext4' }] },
        { name: 'root', volumes: [{ mount: '/', fileSystem: 'xfs' }] },
      ],
    }));
    expect(result.outcome).toBe(Outcome.FAIL);
    expect(result.message).toBe('root volume / on "root" is not on boot disk "os": '
      + 'the root volume must be on the boot disk (the disk holding the MBR)');
    // the rule's own severity (warning) applies
    expect(result.severity).toBeUndefined();
  });

  test('takes the first disk as the boot disk when none is marked, and says so', () => {
    const result = rootOnBootDisk(vmContext({
      os: linux,
      disks: [{ volumes: [{ mount: '/boot' }] }, { volumes: [{ mount: '/' }] }],
    }));
    expect(result.outcome).toBe(Outcome.FAIL);
    expect(result.message).toMatch(/root volume \/ on disk 2 is not on boot disk disk 1 \(the first disk: none is marked boot\)/);
  });

  test('passes a Windows system volume C: on the boot disk', () => {
    const ctx = vmContext({ os: windows, disks: [{ boot: true, volumes: [{ mount: 'C:', fileSystem: 'ntfs' }] }] });
    expect(rootOnBootDisk(ctx).outcome).toBe(Outcome.PASS);
  });

  test('fails a Windows volume marked system on another disk', () => {
    const result = rootOnBootDisk(vmContext({
      os: windows,
      disks: [
        { name: 'boot', boot: true, volumes: [{ mount: 'C:' }] },
        { name: 'sys', volumes: [{ mount: 'D:', system: true }] },
      ],
    }));
    expect(result.outcome).toBe(Outcome.FAIL);
    expect(result.message).toMatch(/system volume D: on "sys" is not on boot disk "boot"/);
  });

  test('is unknown when no volume is mounted at /', () => {
    const result = rootOnBootDisk(vmContext({ os: linux, disks: [{ boot: true, volumes: [{ mount: '/data' }] }] }));
    expect(result.outcome).toBe(Outcome.UNKNOWN);
    expect(result.message).toMatch(/disks\[\]\.volumes\[\]\.mount/);
  });

  test('is unknown when volumes or disks are not recorded', () => {
    const noVolumes = rootOnBootDisk(vmContext({ os: linux, disks: [{ boot: true }] }));
    expect(noVolumes.outcome).toBe(Outcome.UNKNOWN);
    expect(noVolumes.message).toMatch(/\(disks\[\]\.volumes\)/);
    const noDisks = rootOnBootDisk(vmContext({ os: windows }));
    expect(noDisks.outcome).toBe(Outcome.UNKNOWN);
    expect(noDisks.message).toMatch(/\(disks\)/);
  });

  test('is unknown naming os.family when the family cannot be told', () => {
    const result = rootOnBootDisk(vmContext({ disks: [{ boot: true, volumes: [{ mount: '/' }] }] }));
    expect(result.outcome).toBe(Outcome.UNKNOWN);
    expect(result.message).toMatch(/os\.family/);
  });

  test('is n/a for family other', () => {
    expect(rootOnBootDisk(vmContext({ os: { family: 'other' }, disks: [{ volumes: [{ mount: '/' }] }] })).outcome)
      .toBe(Outcome.NOT_APPLICABLE);
  });
});
