import { linuxOtherFileSystems } from '../../../lib/rules/sms/sms-fs2-linux-other-file-systems';
import { Outcome } from '../../../lib/assessment/rule';
import { vmContext } from '../../helpers/context';

describe('SMS-FS2 linux other file systems', () => {
  const os = { family: 'linux', name: 'ubuntu', version: '16.04' };

  test('passes when every other volume uses a supported file system, swap exempt', () => {
    // GIVEN data volumes in xfs and ext4 and a swap area
    const ctx = vmContext({
      os,
      disks: [
        { boot: true, volumes: [{ mount: '/', fileSystem: 'ext4' }, { mount: 'swap', fileSystem: 'swap' }] },
        { volumes: [{ mount: '/data', fileSystem: 'XFS' }, { mount: '/srv', fileSystem: 'btrfs' }] },
      ],
    });
    // WHEN / THEN
    expect(linuxOtherFileSystems(ctx).outcome).toBe(Outcome.PASS);
  });

  test('exempts swap by mount or by file system, even without the other fact', () => {
    const ctx = vmContext({
      os,
      disks: [{ volumes: [{ mount: '/', fileSystem: 'xfs' }, { mount: 'swap' }, { fileSystem: 'linux-swap' }] }],
    });
    expect(linuxOtherFileSystems(ctx).outcome).toBe(Outcome.PASS);
  });

  test('leaves the root volume to SMS-FS1', () => {
    const ctx = vmContext({ os, disks: [{ volumes: [{ mount: '/', fileSystem: 'reiserfs' }] }] });
    expect(linuxOtherFileSystems(ctx).outcome).toBe(Outcome.PASS);
  });

  test('passes a disk whose volume list is known to be empty', () => {
    const ctx = vmContext({ os, disks: [{ volumes: [{ mount: '/', fileSystem: 'xfs' }] }, { name: 'raw', volumes: [] }] });
    expect(linuxOtherFileSystems(ctx).outcome).toBe(Outcome.PASS);
  });

  test('fails listing every offending volume with its file system', () => {
    const result = linuxOtherFileSystems(vmContext({
      os,
      disks: [
        { name: 'os', boot: true, volumes: [{ mount: '/', fileSystem: 'xfs' }, { mount: '/boot/efi', fileSystem: 'vfat' }] },
        { name: 'data', volumes: [{ mount: '/data', fileSystem: 'reiserfs' }, { fileSystem: 'zfs' }] },
      ],
    }));
    expect(result.outcome).toBe(Outcome.FAIL);
    expect(result.message).toBe('/boot/efi on "os" uses vfat, /data on "data" uses reiserfs, volume 2 on "data" uses zfs '
      + '(supported: ext2, ext3, ext4, btrfs, jfs, xfs; swap is exempt)');
    // the rule's own severity (warning) applies
    expect(result.severity).toBeUndefined();
  });

  test('fails when an offender is certain, naming what was not recorded too', () => {
    const result = linuxOtherFileSystems(vmContext({
      os,
      disks: [{ name: 'os', volumes: [{ mount: '/', fileSystem: 'xfs' }, { mount: '/data', fileSystem: 'reiserfs' }, { mount: '/x' }] }, { name: 'y' }],
    }));
    expect(result.outcome).toBe(Outcome.FAIL);
    expect(result.message).toMatch(/\/data on "os" uses reiserfs/);
    expect(result.message).toMatch(/not recorded: volumes of "y", \/x on "os"/);
  });

  test('is unknown when a volume file system is not recorded', () => {
    const result = linuxOtherFileSystems(vmContext({ os, disks: [{ volumes: [{ mount: '/', fileSystem: 'xfs' }, { mount: '/data' }] }] }));
    expect(result.outcome).toBe(Outcome.UNKNOWN);
    expect(result.message).toMatch(/disks\[\]\.volumes\[\]\.fileSystem/);
    expect(result.message).toMatch(/\/data on disk 1/);
  });

  test('is unknown when a disk lists no volumes, or no disks are recorded', () => {
    const result = linuxOtherFileSystems(vmContext({ os, disks: [{ volumes: [{ mount: '/', fileSystem: 'xfs' }] }, { name: 'data' }] }));
    expect(result.outcome).toBe(Outcome.UNKNOWN);
    expect(result.message).toMatch(/volumes of "data"/);
    const none = linuxOtherFileSystems(vmContext({ os }));
    expect(none.outcome).toBe(Outcome.UNKNOWN);
    expect(none.message).toMatch(/\(disks\)/);
  });

  test('is unknown naming os.family when the family cannot be told, n/a for Windows and other', () => {
    const disks = [{ volumes: [{ mount: '/data', fileSystem: 'ntfs' }] }];
    expect(linuxOtherFileSystems(vmContext({ disks })).message).toMatch(/os\.family/);
    expect(linuxOtherFileSystems(vmContext({ os: { family: 'windows' }, disks })).outcome).toBe(Outcome.NOT_APPLICABLE);
    expect(linuxOtherFileSystems(vmContext({ os: { family: 'other' }, disks })).outcome).toBe(Outcome.NOT_APPLICABLE);
  });
});
