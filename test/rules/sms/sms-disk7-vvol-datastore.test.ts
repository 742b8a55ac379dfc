import { vvolDatastore } from '../../../lib/rules/sms/sms-disk7-vvol-datastore';
import { Outcome } from '../../../lib/assessment/rule';
import { vmContext } from '../../helpers/context';

describe('SMS-DISK7 vvol datastore', () => {
  test('passes disks on VMFS, NFS and vSAN', () => {
    const ctx = vmContext({ disks: [{ datastore: 'vmfs' }, { datastore: 'nfs' }, { datastore: 'vsan' }], replication: { type: 'one-time' } });
    expect(vvolDatastore(ctx).outcome).toBe(Outcome.PASS);
  });

  test('fails a disk on VVol at the rule\'s own (warning) severity, whatever the replication type', () => {
    // GIVEN a one-time migration of a VM with a disk on Virtual Volumes
    const ctx = vmContext({ disks: [{ datastore: 'vmfs' }, { name: 'data', datastore: 'vvol' }], replication: { type: 'one-time' } });
    // WHEN
    const result = vvolDatastore(ctx);
    // THEN
    expect(result.outcome).toBe(Outcome.FAIL);
    expect(result.severity).toBeUndefined();
    expect(result.message).toMatch(/^"data" is on a Virtual Volumes datastore \(disks\[\]\.datastore vvol\): /);
    expect(result.message).toMatch(/vmfs, nfs and vsan/);
  });

  test('lists every disk on VVol', () => {
    const result = vvolDatastore(vmContext({ disks: [{ datastore: 'vvol' }, { datastore: 'vvol' }] }));
    expect(result.message).toMatch(/^disk 1, disk 2 are on a Virtual Volumes datastore/);
  });

  test('is unknown when a disk\'s datastore is not recorded', () => {
    const result = vvolDatastore(vmContext({ disks: [{}, { datastore: 'vmfs' }] }));
    expect(result.outcome).toBe(Outcome.UNKNOWN);
    expect(result.message).toMatch(/the datastore of disk 1 is not recorded \(disks\[\]\.datastore\)/);
  });

  test('is unknown when the disks are not recorded', () => {
    expect(vvolDatastore(vmContext({})).outcome).toBe(Outcome.UNKNOWN);
  });

  test('is n/a on Hyper-V', () => {
    expect(vvolDatastore(vmContext({ hypervisor: 'hyperv', disks: [{ datastore: 'vvol' }] })).outcome).toBe(Outcome.NOT_APPLICABLE);
  });
});
