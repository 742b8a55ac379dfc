import { vmdkOnly } from '../../../lib/rules/sms/sms-disk3-vmdk-only';
import { Outcome } from '../../../lib/assessment/rule';
import { vmContext } from '../../helpers/context';

describe('SMS-DISK3 vmdk only', () => {
  test('passes VMDK disks on VMware', () => {
    // GIVEN a VMware VM whose disks are all VMDK images
    const ctx = vmContext({ hypervisor: 'vmware', disks: [{ format: 'vmdk', boot: true }, { format: 'vmdk' }] });
    // WHEN / THEN
    expect(vmdkOnly(ctx).outcome).toBe(Outcome.PASS);
  });

  test('passes an SEsparse disk: that is SMS-DISK4\'s alone', () => {
    expect(vmdkOnly(vmContext({ disks: [{ format: 'vmdk' }, { format: 'sesparse' }] })).outcome).toBe(Outcome.PASS);
  });

  test('fails a Raw Device Mapping, naming the disk and what is allowed', () => {
    const result = vmdkOnly(vmContext({ disks: [{ format: 'vmdk' }, { name: 'Hard disk 2', format: 'rdm' }] }));
    expect(result.outcome).toBe(Outcome.FAIL);
    expect(result.message).toBe('"Hard disk 2" is a Raw Device Mapping (rdm): on VMware only VMDK disk images (vmdk) are supported');
  });

  test('fails VHD and VHDX disks on VMware, listing every one', () => {
    const result = vmdkOnly(vmContext({ disks: [{ format: 'vhd' }, { format: 'vmdk' }, { format: 'vhdx' }, { format: 'rdm' }] }));
    expect(result.outcome).toBe(Outcome.FAIL);
    expect(result.message).toMatch(/^disk 1 is a vhd image, disk 3 is a vhdx image, disk 4 is a Raw Device Mapping \(rdm\):/);
  });

  test('fails rather than unknown when another disk fails', () => {
    const result = vmdkOnly(vmContext({ disks: [{}, { format: 'rdm' }] }));
    expect(result.outcome).toBe(Outcome.FAIL);
  });

  test('is unknown when a disk\'s format is not recorded', () => {
    const result = vmdkOnly(vmContext({ disks: [{ format: 'vmdk' }, { name: 'logs' }] }));
    expect(result.outcome).toBe(Outcome.UNKNOWN);
    expect(result.message).toMatch(/the format of "logs" is not recorded \(disks\[\]\.format\)/);
  });

  test('is unknown when the disks are not recorded', () => {
    const result = vmdkOnly(vmContext({ hypervisor: 'vmware' }));
    expect(result.outcome).toBe(Outcome.UNKNOWN);
    expect(result.message).toMatch(/\(disks\)/);
  });

  test('is n/a on Hyper-V', () => {
    expect(vmdkOnly(vmContext({ hypervisor: 'hyperv', disks: [{ format: 'vhdx' }] })).outcome).toBe(Outcome.NOT_APPLICABLE);
    expect(vmdkOnly(vmContext({ hypervisor: 'hyperv' })).outcome).toBe(Outcome.NOT_APPLICABLE);
  });

  test('is unknown when the hypervisor is not recorded (a VM built in code)', () => {
    const result = vmdkOnly(vmContext({ hypervisor: undefined, disks: [{ format: 'vmdk' }] }));
    expect(result.outcome).toBe(Outcome.UNKNOWN);
    expect(result.message).toMatch(/\(hypervisor\)/);
  });
});
