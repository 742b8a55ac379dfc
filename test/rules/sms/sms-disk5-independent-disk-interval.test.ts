import { independentDiskInterval } from '../../../lib/rules/sms/sms-disk5-independent-disk-interval';
import { Outcome } from '../../../lib/assessment/rule';
import { vmContext } from '../../helpers/context';

describe('SMS-DISK5 independent disk interval', () => {
  const interval = { type: 'interval', frequencyHours: 12 };
  const oneTime = { type: 'one-time' };

  test('passes persistent disks with interval replication', () => {
    const ctx = vmContext({ disks: [{ mode: 'persistent' }, { mode: 'persistent' }], replication: interval });
    expect(independentDiskInterval(ctx).outcome).toBe(Outcome.PASS);
  });

  test('fails independent disks with interval replication, listing every one with its mode', () => {
    // GIVEN both kinds of independent disk, replicated on an interval
    const ctx = vmContext({
      disks: [{ mode: 'persistent' }, { name: 'scratch', mode: 'independent-nonpersistent' }, { mode: 'independent-persistent' }],
      replication: interval,
    });
    // WHEN
    const result = independentDiskInterval(ctx);
    // THEN
    expect(result.outcome).toBe(Outcome.FAIL);
    expect(result.message).toMatch(/^"scratch" is in independent-nonpersistent mode, disk 3 is in independent-persistent mode and /);
    expect(result.message).toMatch(/and replication is interval: interval replication needs every disk in persistent mode/);
    expect(result.message).toMatch(/persistent mode/);
    expect(result.message).toMatch(/replication\.type one-time/);
  });

  test('fails with interval replication that comes from the library default', () => {
    expect(independentDiskInterval(vmContext({ disks: [{ mode: 'independent-persistent' }] })).outcome).toBe(Outcome.FAIL);
  });

  test('follows the plan\'s defaults.replication', () => {
    const ctx = vmContext({ disks: [{ mode: 'independent-persistent' }] }, { defaults: { replication: oneTime } });
    expect(independentDiskInterval(ctx).outcome).toBe(Outcome.PASS);
  });

  test('passes independent disks with one-time migration', () => {
    const ctx = vmContext({ disks: [{ mode: 'independent-persistent' }, { mode: 'independent-nonpersistent' }], replication: oneTime });
    expect(independentDiskInterval(ctx).outcome).toBe(Outcome.PASS);
  });

  test('passes one-time migration without needing the disks\' modes', () => {
    expect(independentDiskInterval(vmContext({ disks: [{}], replication: oneTime })).outcome).toBe(Outcome.PASS);
    expect(independentDiskInterval(vmContext({ replication: oneTime })).outcome).toBe(Outcome.PASS);
  });

  test('is unknown when a disk\'s mode is not recorded and replication is interval', () => {
    const result = independentDiskInterval(vmContext({ disks: [{ mode: 'persistent' }, {}], replication: interval }));
    expect(result.outcome).toBe(Outcome.UNKNOWN);
    expect(result.message).toMatch(/the mode of disk 2 is not recorded \(disks\[\]\.mode\)/);
  });

  test('fails rather than unknown when another disk is independent', () => {
    expect(independentDiskInterval(vmContext({ disks: [{}, { mode: 'independent-persistent' }] })).outcome).toBe(Outcome.FAIL);
  });

  test('is unknown when the disks are not recorded and replication is interval', () => {
    const result = independentDiskInterval(vmContext({ replication: interval }));
    expect(result.outcome).toBe(Outcome.UNKNOWN);
    expect(result.message).toMatch(/\(disks\)/);
  });

  test('is n/a on Hyper-V', () => {
    const ctx = vmContext({ hypervisor: 'hyperv', disks: [{ mode: 'independent-persistent' }], replication: interval });
    expect(independentDiskInterval(ctx).outcome).toBe(Outcome.NOT_APPLICABLE);
  });
});
