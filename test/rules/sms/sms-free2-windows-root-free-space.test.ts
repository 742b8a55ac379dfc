import { windowsRootFreeSpace } from '../../../lib/rules/sms/sms-free2-windows-root-free-space';
import { Outcome } from '../../../lib/assessment/rule';
import { vmContext } from '../../helpers/context';

describe('SMS-FREE2 windows root free space', () => {
  const os = { family: 'windows', name: 'windows-server', version: '2016' };
  const withFree = (freeGiB?: number) => vmContext({
    os,
    disks: [{ name: 'Hard disk 1', volumes: [{ mount: 'C:', fileSystem: 'ntfs', freeGiB }, { mount: 'D:', freeGiB: 500 }] }],
  });

  test('passes exactly 6 GiB free', () => {
    // GIVEN a system volume with exactly 6 GiB free
    // WHEN / THEN
    expect(windowsRootFreeSpace(withFree(6)).outcome).toBe(Outcome.PASS);
  });

  test('fails just under 6 GiB, naming the free space and the requirement', () => {
    const result = windowsRootFreeSpace(withFree(5.999));
    expect(result.outcome).toBe(Outcome.FAIL);
    expect(result.message).toBe('system volume C: on "Hard disk 1" has 5.999 GiB free: the Windows system volume needs at least 6 GiB free');
  });

  test('never writes a shortfall as 6 GiB', () => {
    expect(windowsRootFreeSpace(withFree(5.9999)).message).toMatch(/has 5\.9999 GiB free/);
  });

  test('judges the volume marked system rather than C:', () => {
    const ctx = vmContext({
      os,
      disks: [{ volumes: [{ mount: 'C:', freeGiB: 100 }, { mount: 'S:', system: true, freeGiB: 2 }] }],
    });
    const result = windowsRootFreeSpace(ctx);
    expect(result.outcome).toBe(Outcome.FAIL);
    expect(result.message).toMatch(/system volume S: on disk 1 has 2 GiB free/);
  });

  test('is unknown when the free space is not recorded', () => {
    const result = windowsRootFreeSpace(withFree(undefined));
    expect(result.outcome).toBe(Outcome.UNKNOWN);
    expect(result.message).toMatch(/disks\[\]\.volumes\[\]\.freeGiB/);
    expect(result.message).toMatch(/6 GiB/);
  });

  test('is unknown when no system volume is recorded', () => {
    const result = windowsRootFreeSpace(vmContext({ os, disks: [{ volumes: [{ mount: 'D:', freeGiB: 100 }] }] }));
    expect(result.outcome).toBe(Outcome.UNKNOWN);
    expect(result.message).toMatch(/no system volume .* \(disks\[\]\.volumes\[\]\.mount\)/);
  });

  test('is unknown naming os.family when the family cannot be told, n/a for Linux and other', () => {
    const disks = [{ volumes: [{ mount: 'C:', freeGiB: 1 }] }];
    expect(windowsRootFreeSpace(vmContext({ disks })).message).toMatch(/os\.family/);
    expect(windowsRootFreeSpace(vmContext({ os: { family: 'linux' }, disks })).outcome).toBe(Outcome.NOT_APPLICABLE);
    expect(windowsRootFreeSpace(vmContext({ os: { family: 'other' }, disks })).outcome).toBe(Outcome.NOT_APPLICABLE);
  });
});
