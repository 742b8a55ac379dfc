import { windowsNtfsVolumes } from '../../../lib/rules/sms/sms-fs3-windows-ntfs-volumes';
import { Outcome } from '../../../lib/assessment/rule';
import { vmContext } from '../../helpers/context';

describe('SMS-FS3 windows ntfs volumes', () => {
  const os = { family: 'windows', name: 'windows-server', version: '2012 R2' };

  test('passes when every volume is NTFS', () => {
    // GIVEN two NTFS volumes on two disks
    const ctx = vmContext({
      os,
      disks: [{ boot: true, volumes: [{ mount: 'C:', fileSystem: 'NTFS' }] }, { volumes: [{ mount: 'D:', fileSystem: 'ntfs' }] }],
    });
    // WHEN / THEN
    expect(windowsNtfsVolumes(ctx).outcome).toBe(Outcome.PASS);
  });

  test('fails listing every volume that is not NTFS', () => {
    const result = windowsNtfsVolumes(vmContext({
      os,
      disks: [
        { name: 'os', volumes: [{ mount: 'C:', fileSystem: 'ntfs' }, { mount: 'E:', fileSystem: 'fat32' }] },
        { name: 'data', volumes: [{ mount: 'D:', fileSystem: 'ReFS' }] },
      ],
    }));
    expect(result.outcome).toBe(Outcome.FAIL);
    expect(result.message).toBe('E: on "os" uses fat32, D: on "data" uses refs (supported: ntfs)');
  });

  test('fails when an offender is certain even if other volumes are not recorded', () => {
    const result = windowsNtfsVolumes(vmContext({ os, disks: [{ volumes: [{ mount: 'C:', fileSystem: 'exfat' }, { mount: 'D:' }] }] }));
    expect(result.outcome).toBe(Outcome.FAIL);
    expect(result.message).toMatch(/C: on disk 1 uses exfat \(supported: ntfs\); not recorded: D: on disk 1/);
  });

  test('is unknown when a file system or a disk\'s volumes are not recorded', () => {
    const fs = windowsNtfsVolumes(vmContext({ os, disks: [{ volumes: [{ mount: 'C:', fileSystem: 'ntfs' }, { mount: 'D:' }] }] }));
    expect(fs.outcome).toBe(Outcome.UNKNOWN);
    expect(fs.message).toMatch(/disks\[\]\.volumes\[\]\.fileSystem/);
    expect(fs.message).toMatch(/NTFS/);
    const volumes = windowsNtfsVolumes(vmContext({ os, disks: [{ volumes: [{ mount: 'C:', fileSystem: 'ntfs' }] }, { name: 'data' }] }));
    expect(volumes.outcome).toBe(Outcome.UNKNOWN);
    expect(volumes.message).toMatch(/volumes of "data"/);
    expect(windowsNtfsVolumes(vmContext({ os })).message).toMatch(/\(disks\)/);
  });

  test('is unknown naming os.family when the family cannot be told, n/a for Linux and other', () => {
    const disks = [{ volumes: [{ mount: '/', fileSystem: 'xfs' }] }];
    expect(windowsNtfsVolumes(vmContext({ disks })).message).toMatch(/os\.family/);
    expect(windowsNtfsVolumes(vmContext({ os: { family: 'linux' }, disks })).outcome).toBe(Outcome.NOT_APPLICABLE);
    expect(windowsNtfsVolumes(vmContext({ os: { family: 'other' }, disks })).outcome).toBe(Outcome.NOT_APPLICABLE);
  });

  test('infers Windows from a recognised name', () => {
    const ctx = vmContext({ os: { name: 'windows-client', version: '10' }, disks: [{ volumes: [{ mount: 'C:', fileSystem: 'fat32' }] }] });
    expect(windowsNtfsVolumes(ctx).outcome).toBe(Outcome.FAIL);
  });
});
