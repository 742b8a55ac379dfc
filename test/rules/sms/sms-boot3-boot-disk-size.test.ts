import { bootDiskSize } from '../../../lib/rules/sms/sms-boot3-boot-disk-size';
import { Outcome } from '../../../lib/assessment/rule';
import { vmContext } from '../../helpers/context';

describe('SMS-BOOT3 boot disk size', () => {
  const os = { family: 'linux', name: 'rhel', version: '7.3' };
  const disk = (sizeGiB: number) => ({ name: 'Hard disk 1', sizeGiB, boot: true });

  test('passes a boot disk of exactly 2048 GiB', () => {
    // GIVEN a boot disk at the MBR limit
    const ctx = vmContext({ os, disks: [disk(2048)] });
    // WHEN / THEN
    expect(bootDiskSize(ctx).outcome).toBe(Outcome.PASS);
  });

  test('passes a small boot disk', () => {
    expect(bootDiskSize(vmContext({ os, disks: [disk(60)] })).outcome).toBe(Outcome.PASS);
  });

  test('fails a boot disk just past 2048 GiB, naming its size and the limit', () => {
    const result = bootDiskSize(vmContext({ os, disks: [disk(2048.001)] }));
    expect(result.outcome).toBe(Outcome.FAIL);
    expect(result.message).toBe('boot disk "Hard disk 1" is 2048.001 GiB: the boot disk may be at most 2048 GiB (2 TiB, the MBR limit)');
  });

  test('never writes a size past the limit as the limit itself', () => {
    const result = bootDiskSize(vmContext({ os, disks: [disk(2048.0001)] }));
    expect(result.outcome).toBe(Outcome.FAIL);
    expect(result.message).toMatch(/is 2048\.0001 GiB/);
  });

  test('judges only the boot disk: a large data disk does not matter here', () => {
    const disks = [{ name: 'data', sizeGiB: 4096 }, { name: 'os', sizeGiB: 100, boot: true }];
    expect(bootDiskSize(vmContext({ os, disks })).outcome).toBe(Outcome.PASS);
  });

  test('takes the first disk when none is marked boot', () => {
    const disks = [{ name: 'a', sizeGiB: 3000 }, { name: 'b', sizeGiB: 10 }];
    expect(bootDiskSize(vmContext({ os, disks })).outcome).toBe(Outcome.FAIL);
  });

  test('is unknown when the boot disk size is not recorded', () => {
    const result = bootDiskSize(vmContext({ os, disks: [{ name: 'Hard disk 1', boot: true }, { name: 'data', sizeGiB: 10 }] }));
    expect(result.outcome).toBe(Outcome.UNKNOWN);
    expect(result.message).toMatch(/disks\[\]\.sizeGiB/);
    expect(result.message).toMatch(/2048 GiB/);
  });

  test('is unknown when no disks are recorded', () => {
    const result = bootDiskSize(vmContext({ os }));
    expect(result.outcome).toBe(Outcome.UNKNOWN);
    expect(result.message).toMatch(/\(disks\)/);
  });

  test('applies to every family', () => {
    expect(bootDiskSize(vmContext({ os: { family: 'other' }, disks: [disk(4000)] })).outcome).toBe(Outcome.FAIL);
    expect(bootDiskSize(vmContext({ disks: [disk(100)] })).outcome).toBe(Outcome.PASS);
  });
});
