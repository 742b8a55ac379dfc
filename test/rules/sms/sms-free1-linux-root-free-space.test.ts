import { linuxRootFreeSpace } from '../../../lib/rules/sms/sms-free1-linux-root-free-space';
import { Outcome } from '../../../lib/assessment/rule';
import { vmContext } from '../../helpers/context';

describe('SMS-FREE1 linux root free space', () => {
  const os = { family: 'linux', name: 'centos', version: '7.3' };
  const withFree = (freeGiB?: number) => vmContext({
    os,
    disks: [{ name: 'Hard disk 1', volumes: [{ mount: '/', fileSystem: 'xfs', sizeGiB: 50, freeGiB }, { mount: '/data', freeGiB: 100 }] }],
  });

  test('passes exactly 250 MiB free (0.244140625 GiB)', () => {
    // GIVEN a root volume with exactly the required space free
    // WHEN / THEN
    expect(linuxRootFreeSpace(withFree(0.244140625)).outcome).toBe(Outcome.PASS);
  });

  test('passes plenty of free space', () => {
    expect(linuxRootFreeSpace(withFree(20.5)).outcome).toBe(Outcome.PASS);
  });

  test('fails just under 250 MiB, naming the free space and the requirement', () => {
    const result = linuxRootFreeSpace(withFree(0.244));
    expect(result.outcome).toBe(Outcome.FAIL);
    expect(result.message).toBe('root volume / on "Hard disk 1" has 249.856 MiB free: '
      + 'the Linux root volume needs at least 250 MiB (0.244140625 GiB) free');
  });

  test('never writes a shortfall as 250 MiB', () => {
    const result = linuxRootFreeSpace(withFree(0.2441406));
    expect(result.outcome).toBe(Outcome.FAIL);
    expect(result.message).not.toMatch(/has 250 MiB/);
  });

  test('fails a full root volume, whatever other volumes have free', () => {
    expect(linuxRootFreeSpace(withFree(0)).message).toMatch(/has 0 MiB free/);
  });

  test('is unknown when the free space is not recorded', () => {
    const result = linuxRootFreeSpace(withFree(undefined));
    expect(result.outcome).toBe(Outcome.UNKNOWN);
    expect(result.message).toMatch(/disks\[\]\.volumes\[\]\.freeGiB/);
    expect(result.message).toMatch(/250 MiB/);
  });

  test('is unknown when no root volume is recorded', () => {
    const result = linuxRootFreeSpace(vmContext({ os, disks: [{ volumes: [{ mount: '/data', freeGiB: 100 }] }] }));
    expect(result.outcome).toBe(Outcome.UNKNOWN);
    expect(result.message).toMatch(/disks\[\]\.volumes\[\]\.mount/);
  });

  test('is unknown naming os.family when the family cannot be told, n/a for Windows and other', () => {
    const disks = [{ volumes: [{ mount: '/', freeGiB: 0 }] }];
    expect(linuxRootFreeSpace(vmContext({ disks })).message).toMatch(/os\.family/);
    expect(linuxRootFreeSpace(vmContext({ os: { family: 'windows' }, disks })).outcome).toBe(Outcome.NOT_APPLICABLE);
    expect(linuxRootFreeSpace(vmContext({ os: { family: 'other' }, disks })).outcome).toBe(Outcome.NOT_APPLICABLE);
  });
});
