import { Outcome } from '../../../lib/assessment/rule';
import { Plan } from '../../../lib/plan/model/plan';
import { assessPlan } from '../../../lib/rules';
import { fstabNetworkFileSystems } from '../../../lib/rules/mgn/mgn-prep17-fstab-network-file-systems';
import { MGN_TEST_NOW, mgnVmContext } from '../../helpers/mgn-context';

const LINUX = { family: 'linux', name: 'ubuntu', version: '20.04' };

describe('MGN-PREP17 fstab network and FUSE file systems', () => {
  const judge = (fstab?: object[], extra: object = {}) => fstabNetworkFileSystems(mgnVmContext({ os: LINUX, guest: { fstab }, ...extra }));

  test('passes local file systems, with either method', () => {
    const fstab = [{ device: 'UUID=1', mount: '/', type: 'ext4' }, { device: 'tmpfs', mount: '/run', type: 'tmpfs' }];
    expect(judge(fstab).outcome).toBe(Outcome.PASS);
    expect(judge(fstab, { mgn: { replication: { method: 'agentless' } } }).outcome).toBe(Outcome.PASS);
  });

  test('fails listing network and FUSE entries', () => {
    const result = judge([{ device: 'nas:/export', mount: '/mnt/nas', type: 'NFS4' }, { device: 'UUID=1', mount: '/', type: 'ext4' },
      { device: 'bucket', mount: '/mnt/s3', type: 'fuse.s3fs' }]);
    expect(result.outcome).toBe(Outcome.FAIL);
    expect(result.message).toBe('/etc/fstab has network or FUSE file systems (guest.fstab): nas:/export on /mnt/nas (NFS4), '
      + 'bucket on /mnt/s3 (fuse.s3fs); MGN replicates only local disks: make those servers reachable from the instance\'s subnet, '
      + 'or migrate their data too');
  });

  test('is unknown when guest.fstab or an entry\'s type is missing', () => {
    const result = judge(undefined);
    expect(result.outcome).toBe(Outcome.UNKNOWN);
    expect(result.message).toBe('the /etc/fstab entries are not recorded (guest.fstab): Linux /etc/fstab entries of type cifs, smbfs, '
      + 'vboxsf, sshfs, nfs, nfs4, glusterfs, ceph, davfs, fuse or fuse.* are not replicated by MGN and must be reachable from AWS');
    expect(judge([{ device: 'UUID=1', mount: '/' }]).message).toMatch(/^1 \/etc\/fstab entry has no type \(guest\.fstab\[\]\.type\): /);
  });

  test('is n/a off Linux', () => {
    expect(fstabNetworkFileSystems(mgnVmContext({ os: { family: 'other' }, guest: { fstab: [{ device: 'x', type: 'nfs' }] } })).outcome)
      .toBe(Outcome.NOT_APPLICABLE);
  });

  test('runs through the whole pack as a warning', () => {
    const vm = { name: 'vm-1', hypervisor: 'vmware', os: LINUX, guest: { fstab: [{ device: '//srv/share', mount: '/mnt', type: 'cifs' }] } };
    const plan = { version: 1, target: 'mgn', vms: [vm] };
    const finding = assessPlan(plan as unknown as Plan, { now: MGN_TEST_NOW }).vms[0].findings.find((f) => f.rule === 'MGN-PREP17');
    expect(finding).toMatchObject({ outcome: 'fail', severity: 'warning' });
  });
});
