import { hypervDiskFormat } from '../../../lib/rules/sms/sms-hv2-hyperv-disk-format';
import { Outcome } from '../../../lib/assessment/rule';
import { vmContext } from '../../helpers/context';

describe('SMS-HV2 hyperv disk format', () => {
  test('passes when every disk is VHD or VHDX', () => {
    // GIVEN a Hyper-V VM with VHDX disks (a mix is SMS-HV3's concern)
    const ctx = vmContext({ hypervisor: 'hyperv', disks: [{ format: 'vhdx' }, { format: 'vhd' }] });
    // WHEN / THEN
    expect(hypervDiskFormat(ctx).outcome).toBe(Outcome.PASS);
  });

  test('fails listing every VMDK, RDM or SEsparse disk on Hyper-V', () => {
    const result = hypervDiskFormat(vmContext({
      hypervisor: 'hyperv',
      disks: [{ name: 'os', format: 'vhdx' }, { name: 'a', format: 'vmdk' }, { format: 'rdm' }, { format: 'sesparse' }],
    }));
    expect(result.outcome).toBe(Outcome.FAIL);
    expect(result.message).toBe('"a" is vmdk, disk 3 is rdm, disk 4 is sesparse (supported on Hyper-V: vhd, vhdx)');
  });

  test('fails when an offender is certain, naming the unrecorded disks too', () => {
    const result = hypervDiskFormat(vmContext({ hypervisor: 'hyperv', disks: [{ format: 'vmdk' }, { name: 'b' }] }));
    expect(result.outcome).toBe(Outcome.FAIL);
    expect(result.message).toMatch(/format not recorded: "b"/);
  });

  test('is unknown when a disk format is not recorded', () => {
    const result = hypervDiskFormat(vmContext({ hypervisor: 'hyperv', disks: [{ format: 'vhd' }, { name: 'data' }] }));
    expect(result.outcome).toBe(Outcome.UNKNOWN);
    expect(result.message).toMatch(/"data"/);
    expect(result.message).toMatch(/disks\[\]\.format/);
    expect(result.message).toMatch(/VHD or VHDX/);
  });

  test('is unknown when no disks are recorded', () => {
    expect(hypervDiskFormat(vmContext({ hypervisor: 'hyperv' })).message).toMatch(/\(disks\)/);
  });

  test('is n/a on VMware', () => {
    expect(hypervDiskFormat(vmContext({ hypervisor: 'vmware', disks: [{ format: 'vhdx' }] })).outcome).toBe(Outcome.NOT_APPLICABLE);
  });
});
