import { gptDataDiskSize } from '../../../lib/rules/sms/sms-disk2-gpt-data-disk-size';
import { Outcome } from '../../../lib/assessment/rule';
import { vmContext } from '../../helpers/context';

describe('SMS-DISK2 gpt data disk size', () => {
  const boot = { name: 'Hard disk 1', sizeGiB: 60, partitionStyle: 'mbr', boot: true };

  test('passes a GPT data disk of exactly 4096 GiB', () => {
    // GIVEN a non-boot GPT disk at the limit
    const ctx = vmContext({ disks: [boot, { name: 'data', sizeGiB: 4096, partitionStyle: 'gpt' }] });
    // WHEN / THEN
    expect(gptDataDiskSize(ctx).outcome).toBe(Outcome.PASS);
  });

  test('fails a GPT data disk just past 4096 GiB, naming its size and the limit', () => {
    const result = gptDataDiskSize(vmContext({ disks: [boot, { name: 'data', sizeGiB: 4096.001, partitionStyle: 'gpt' }] }));
    expect(result.outcome).toBe(Outcome.FAIL);
    expect(result.message).toBe('"data" is a 4096.001 GiB GPT disk: a non-boot GPT disk may be at most 4096 GiB (4 TiB)');
  });

  test('lists every oversized GPT data disk', () => {
    const result = gptDataDiskSize(vmContext({
      disks: [
        boot,
        { sizeGiB: 5000, partitionStyle: 'gpt' },
        { name: 'ok', sizeGiB: 100, partitionStyle: 'gpt' },
        { name: 'big', sizeGiB: 8192, partitionStyle: 'gpt' },
      ],
    }));
    expect(result.outcome).toBe(Outcome.FAIL);
    expect(result.message).toMatch(/^disk 2 is a 5000 GiB GPT disk, "big" is a 8192 GiB GPT disk:/);
    expect(result.message).not.toMatch(/"ok"/);
  });

  test('passes a large MBR data disk (only GPT is limited here)', () => {
    expect(gptDataDiskSize(vmContext({ disks: [boot, { sizeGiB: 6000, partitionStyle: 'mbr' }] })).outcome).toBe(Outcome.PASS);
  });

  test('leaves the boot disk to SMS-BOOT2/BOOT3, whichever disk is marked boot', () => {
    // GIVEN a large GPT disk that is the boot disk (marked boot, though not first)
    const ctx = vmContext({ disks: [{ sizeGiB: 10, partitionStyle: 'mbr' }, { sizeGiB: 5000, partitionStyle: 'gpt', boot: true }] });
    // THEN it is not judged here
    expect(gptDataDiskSize(ctx).outcome).toBe(Outcome.PASS);
  });

  test('takes the first disk as the boot disk when none is marked', () => {
    const ctx = vmContext({ disks: [{ sizeGiB: 5000, partitionStyle: 'gpt' }, { sizeGiB: 5000, partitionStyle: 'gpt' }] });
    const result = gptDataDiskSize(ctx);
    expect(result.outcome).toBe(Outcome.FAIL);
    expect(result.message).toMatch(/^disk 2 is a 5000 GiB GPT disk:/);
  });

  test('passes a VM with only a boot disk, or with an empty disk list', () => {
    expect(gptDataDiskSize(vmContext({ disks: [boot] })).outcome).toBe(Outcome.PASS);
    expect(gptDataDiskSize(vmContext({ disks: [] })).outcome).toBe(Outcome.PASS);
  });

  test('passes a data disk within the limit whose partition style is not recorded', () => {
    // GIVEN a 4096 GiB data disk of unknown style: within the limit whatever its style
    const ctx = vmContext({ disks: [boot, { name: 'data', sizeGiB: 4096 }] });
    // THEN the style is not needed
    expect(gptDataDiskSize(ctx).outcome).toBe(Outcome.PASS);
  });

  test('is unknown when a data disk larger than the limit has no recorded partition style', () => {
    const result = gptDataDiskSize(vmContext({ disks: [boot, { name: 'data', sizeGiB: 5000 }] }));
    expect(result.outcome).toBe(Outcome.UNKNOWN);
    expect(result.message).toMatch(/"data".*disks\[\]\.partitionStyle/);
    expect(result.message).toMatch(/at most 4096 GiB/);
  });

  test('is unknown when a GPT data disk\'s size is not recorded', () => {
    const result = gptDataDiskSize(vmContext({ disks: [boot, { partitionStyle: 'gpt' }] }));
    expect(result.outcome).toBe(Outcome.UNKNOWN);
    expect(result.message).toMatch(/the size of disk 2 \(GPT\) is not recorded \(disks\[\]\.sizeGiB\)/);
  });

  test('does not need the size of an MBR data disk', () => {
    expect(gptDataDiskSize(vmContext({ disks: [boot, { partitionStyle: 'mbr' }] })).outcome).toBe(Outcome.PASS);
  });

  test('fails rather than unknown when another data disk is oversized', () => {
    const result = gptDataDiskSize(vmContext({ disks: [boot, { sizeGiB: 100 }, { sizeGiB: 4097, partitionStyle: 'gpt' }] }));
    expect(result.outcome).toBe(Outcome.FAIL);
    expect(result.message).toMatch(/^disk 3 is a 4097 GiB GPT disk/);
  });

  test('is unknown when the disks are not recorded', () => {
    const result = gptDataDiskSize(vmContext({}));
    expect(result.outcome).toBe(Outcome.UNKNOWN);
    expect(result.message).toMatch(/\(disks\)/);
  });
});
