import { linuxRootFileSystem } from '../../../lib/rules/sms/sms-fs1-linux-root-file-system';
import { Outcome } from '../../../lib/assessment/rule';
import { vmContext } from '../../helpers/context';

describe('SMS-FS1 linux root file system', () => {
  const os = { family: 'linux', name: 'rhel', version: '7.3' };
  const withRoot = (fileSystem?: string) => vmContext({
    os,
    disks: [{ name: 'Hard disk 1', boot: true, volumes: [{ mount: '/', fileSystem }, { mount: '/data', fileSystem: 'reiserfs' }] }],
  });

  test.each(['ext2', 'ext3', 'ext4', 'btrfs', 'jfs', 'xfs', 'XFS', 'Btrfs'])('passes a root volume in %s', (fs) => {
    // GIVEN a root volume in a supported file system (and a data volume that is SMS-FS2's concern)
    // WHEN / THEN
    expect(linuxRootFileSystem(withRoot(fs)).outcome).toBe(Outcome.PASS);
  });

  test.each(['reiserfs', 'zfs', 'vfat'])('fails a root volume in %s, naming it and the supported ones', (fs) => {
    const result = linuxRootFileSystem(withRoot(fs));
    expect(result.outcome).toBe(Outcome.FAIL);
    expect(result.message).toBe(`root volume / on "Hard disk 1" uses ${fs} (supported: ext2, ext3, ext4, btrfs, jfs, xfs)`);
  });

  test('is unknown when the root file system is not recorded', () => {
    const result = linuxRootFileSystem(withRoot(undefined));
    expect(result.outcome).toBe(Outcome.UNKNOWN);
    expect(result.message).toMatch(/disks\[\]\.volumes\[\]\.fileSystem/);
    expect(result.message).toMatch(/ext2, ext3, ext4, btrfs, jfs, xfs/);
  });

  test('is unknown when no root volume is recorded', () => {
    expect(linuxRootFileSystem(vmContext({ os, disks: [{ volumes: [{ mount: '/data', fileSystem: 'xfs' }] }] })).message)
      .toMatch(/no volume mounted at \/ is recorded \(disks\[\]\.volumes\[\]\.mount\)/);
    expect(linuxRootFileSystem(vmContext({ os, disks: [{}] })).message).toMatch(/disks\[\]\.volumes/);
    expect(linuxRootFileSystem(vmContext({ os })).outcome).toBe(Outcome.UNKNOWN);
  });

  test('is unknown naming os.family when the family cannot be told', () => {
    const result = linuxRootFileSystem(vmContext({ disks: [{ volumes: [{ mount: '/', fileSystem: 'zfs' }] }] }));
    expect(result.outcome).toBe(Outcome.UNKNOWN);
    expect(result.message).toMatch(/os\.family/);
  });

  test('is n/a for Windows and other', () => {
    expect(linuxRootFileSystem(vmContext({ os: { family: 'windows' }, disks: [{ volumes: [{ mount: 'C:', fileSystem: 'ntfs' }] }] })).outcome)
      .toBe(Outcome.NOT_APPLICABLE);
    expect(linuxRootFileSystem(vmContext({ os: { family: 'other' }, disks: [{ volumes: [{ mount: '/', fileSystem: 'ufs' }] }] })).outcome)
      .toBe(Outcome.NOT_APPLICABLE);
  });
});
