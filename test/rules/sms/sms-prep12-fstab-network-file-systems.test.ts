import { fstabNetworkFileSystems } from '../../../lib/rules/sms/sms-prep12-fstab-network-file-systems';
import { Outcome } from '../../../lib/assessment/rule';
import { vmContext } from '../../helpers/context';

describe('SMS-PREP12 fstab network file systems', () => {
  const os = { family: 'linux', name: 'ubuntu', version: '16.04' };
  const check = (fstab?: object[]) => fstabNetworkFileSystems(vmContext({ os, guest: { fstab } }));

  test.each([
    'cifs', 'smbfs', 'vboxsf', 'sshfs', 'nfs', 'nfs4', 'glusterfs', 'ceph', 'davfs', 'fuse', 'fuse.sshfs', 'fuse.glusterfs',
    'NFS4',
  ])('fails an entry of type %s', (type) => {
    const result = check([{ device: 'share', mount: '/mnt/share', type }]);
    expect(result.outcome).toBe(Outcome.FAIL);
    expect(result.severity).toBeUndefined();
    expect(result.message).toContain(`share on /mnt/share (${type})`);
    expect(result.message).toMatch(/SMS disables them on import/);
  });

  test.each([
    'ext2', 'ext3', 'ext4', 'xfs', 'btrfs', 'jfs', 'swap', 'reiserfs', 'proc', 'tmpfs', 'sysfs', 'devpts', 'vfat', 'auto',
    'nfsd', 'fusectl',
  ])('passes an entry of type %s', (type) => {
    expect(check([{ device: 'UUID=1', mount: '/x', type }]).outcome).toBe(Outcome.PASS);
  });

  test('lists every offending entry', () => {
    // GIVEN local entries and three network mounts
    const fstab = [
      { device: 'UUID=1', mount: '/', type: 'ext4' },
      { device: 'nas:/export/home', mount: '/home', type: 'nfs' },
      { device: '//fs01/share', mount: '/mnt/share', type: 'cifs' },
      { device: 'tmpfs', mount: '/tmp', type: 'tmpfs' },
      { device: 'user@host:/srv', mount: '/srv', type: 'fuse.sshfs' },
    ];
    // WHEN
    const result = check(fstab);
    // THEN
    expect(result.outcome).toBe(Outcome.FAIL);
    expect(result.message).toContain('nas:/export/home on /home (nfs), //fs01/share on /mnt/share (cifs), user@host:/srv on /srv (fuse.sshfs);');
    expect(result.message).not.toMatch(/tmpfs|ext4/);
  });

  test('passes an empty fstab', () => {
    expect(check([]).outcome).toBe(Outcome.PASS);
  });

  test('is unknown when fstab is not recorded, naming guest.fstab', () => {
    const result = check();
    expect(result.outcome).toBe(Outcome.UNKNOWN);
    expect(result.message).toMatch(/\(guest\.fstab\)/);
  });

  test('is unknown when an entry has no type and nothing else fails', () => {
    const result = check([{ device: 'UUID=1', mount: '/', type: 'xfs' }, { device: 'UUID=2', mount: '/data' }]);
    expect(result.outcome).toBe(Outcome.UNKNOWN);
    expect(result.message).toMatch(/1 \/etc\/fstab entry has no type \(guest\.fstab\[\]\.type\)/);
    expect(check([{ device: 'nas:/x', type: 'nfs' }, { device: 'UUID=2' }]).outcome).toBe(Outcome.FAIL);
  });

  test('is unknown naming os.family when the family cannot be told', () => {
    const result = fstabNetworkFileSystems(vmContext({ guest: { fstab: [] } }));
    expect(result.outcome).toBe(Outcome.UNKNOWN);
    expect(result.message).toMatch(/\(os\.family\)/);
  });

  test('is n/a on Windows and on family other', () => {
    const fstab = [{ device: 'nas:/x', type: 'nfs' }];
    expect(fstabNetworkFileSystems(vmContext({ os: { family: 'windows' }, guest: { fstab } })).outcome).toBe(Outcome.NOT_APPLICABLE);
    expect(fstabNetworkFileSystems(vmContext({ os: { family: 'other' }, guest: { fstab } })).outcome).toBe(Outcome.NOT_APPLICABLE);
  });
});
