import { vsanInterval } from '../../../lib/rules/sms/sms-disk6-vsan-interval';
import { Outcome } from '../../../lib/assessment/rule';
import { vmContext } from '../../helpers/context';

describe('SMS-DISK6 vsan interval', () => {
  test('passes disks on VMFS and NFS with interval replication', () => {
    const ctx = vmContext({ disks: [{ datastore: 'vmfs' }, { datastore: 'nfs' }], replication: { type: 'interval' } });
    expect(vsanInterval(ctx).outcome).toBe(Outcome.PASS);
  });

  test('fails a vSAN disk with interval replication, naming the disk and what would pass', () => {
    // GIVEN a vSAN VM replicated on the default interval
    const ctx = vmContext({ disks: [{ name: 'Hard disk 1', datastore: 'vsan' }, { datastore: 'vmfs' }, { datastore: 'vsan' }] });
    // WHEN
    const result = vsanInterval(ctx);
    // THEN
    expect(result.outcome).toBe(Outcome.FAIL);
    expect(result.message).toBe('"Hard disk 1", disk 3 are on vSAN and replication is interval: '
      + 'a VM on a vSAN datastore can only be migrated one time (replication.type one-time)');
  });

  test('passes a vSAN VM with one-time migration, from the VM or the plan defaults', () => {
    expect(vsanInterval(vmContext({ disks: [{ datastore: 'vsan' }], replication: { type: 'one-time' } })).outcome).toBe(Outcome.PASS);
    const ctx = vmContext({ disks: [{ datastore: 'vsan' }] }, { defaults: { replication: { type: 'one-time' } } });
    expect(vsanInterval(ctx).outcome).toBe(Outcome.PASS);
  });

  test('passes one-time migration without needing the datastores', () => {
    expect(vsanInterval(vmContext({ replication: { type: 'one-time' } })).outcome).toBe(Outcome.PASS);
  });

  test('is unknown when a disk\'s datastore is not recorded and replication is interval', () => {
    const result = vsanInterval(vmContext({ disks: [{ datastore: 'vmfs' }, {}] }));
    expect(result.outcome).toBe(Outcome.UNKNOWN);
    expect(result.message).toMatch(/the datastore of disk 2 is not recorded \(disks\[\]\.datastore\)/);
  });

  test('is unknown when the disks are not recorded', () => {
    const result = vsanInterval(vmContext({}));
    expect(result.outcome).toBe(Outcome.UNKNOWN);
    expect(result.message).toMatch(/\(disks\)/);
  });

  test('is n/a on Hyper-V', () => {
    expect(vsanInterval(vmContext({ hypervisor: 'hyperv', disks: [{ datastore: 'vsan' }] })).outcome).toBe(Outcome.NOT_APPLICABLE);
  });
});
