import { diskCount } from '../../../lib/rules/sms/sms-disk1-disk-count';
import { Outcome } from '../../../lib/assessment/rule';
import { vmContext } from '../../helpers/context';

/** `count` disks, the first one the boot disk. */
function disks(count: number): object[] {
  return Array.from({ length: count }, (_, i) => ({ name: `Hard disk ${i + 1}`, sizeGiB: 10, format: 'vmdk', boot: i === 0 }));
}

describe('SMS-DISK1 disk count', () => {
  test('passes exactly 22 disks', () => {
    // GIVEN a VM with the most disks SMS accepts
    const ctx = vmContext({ disks: disks(22) });
    // WHEN / THEN
    expect(diskCount(ctx).outcome).toBe(Outcome.PASS);
  });

  test('passes a single disk', () => {
    expect(diskCount(vmContext({ disks: disks(1) })).outcome).toBe(Outcome.PASS);
  });

  test('passes an explicit empty disk list (a known count of zero)', () => {
    expect(diskCount(vmContext({ disks: [] })).outcome).toBe(Outcome.PASS);
  });

  test('fails 23 disks, naming the count and the limit', () => {
    // GIVEN one disk past the limit
    const result = diskCount(vmContext({ disks: disks(23) }));
    // THEN
    expect(result.outcome).toBe(Outcome.FAIL);
    expect(result.message).toMatch(/^23 virtual disks are attached: at most 22 are supported/);
    expect(result.message).toMatch(/detach or consolidate 1\)$/);
  });

  test('fails on Hyper-V and for every OS family too', () => {
    const ctx = vmContext({ hypervisor: 'hyperv', os: { family: 'other', name: 'freebsd' }, disks: disks(30) });
    const result = diskCount(ctx);
    expect(result.outcome).toBe(Outcome.FAIL);
    expect(result.message).toMatch(/^30 virtual disks/);
  });

  test('is unknown when the disks are not recorded', () => {
    const result = diskCount(vmContext({}));
    expect(result.outcome).toBe(Outcome.UNKNOWN);
    expect(result.message).toMatch(/\(disks\)/);
    expect(result.message).toMatch(/at most 22/);
  });
});
