import { hypervMixedDiskFormats } from '../../../lib/rules/sms/sms-hv3-hyperv-mixed-disk-formats';
import { Outcome } from '../../../lib/assessment/rule';
import { vmContext } from '../../helpers/context';

describe('SMS-HV3 hyperv mixed disk formats', () => {
  const hyperv = (disks: object[]) => vmContext({ hypervisor: 'hyperv', disks });

  test('passes when every disk is VHD, or every disk VHDX', () => {
    // GIVEN disks of one format
    // WHEN / THEN
    expect(hypervMixedDiskFormats(hyperv([{ format: 'vhd' }, { format: 'vhd' }])).outcome).toBe(Outcome.PASS);
    expect(hypervMixedDiskFormats(hyperv([{ format: 'vhdx' }, { format: 'vhdx' }])).outcome).toBe(Outcome.PASS);
  });

  test('fails a mix of VHD and VHDX, naming the disks of each', () => {
    const result = hypervMixedDiskFormats(hyperv([{ name: 'os', format: 'vhd' }, { name: 'data', format: 'vhdx' }, { format: 'vhdx' }]));
    expect(result.outcome).toBe(Outcome.FAIL);
    expect(result.message).toMatch(/VHD disks \("os"\) and VHDX disks \("data", disk 3\)/);
  });

  test('fails a certain mix even when another disk is unrecorded', () => {
    expect(hypervMixedDiskFormats(hyperv([{ format: 'vhd' }, { format: 'vhdx' }, {}])).outcome).toBe(Outcome.FAIL);
  });

  test('leaves VMDK and RDM disks to SMS-HV2', () => {
    expect(hypervMixedDiskFormats(hyperv([{ format: 'vhd' }, { format: 'vmdk' }, { format: 'rdm' }])).outcome).toBe(Outcome.PASS);
  });

  test('is unknown when an unrecorded format could make a mix', () => {
    const result = hypervMixedDiskFormats(hyperv([{ format: 'vhd' }, { name: 'data' }]));
    expect(result.outcome).toBe(Outcome.UNKNOWN);
    expect(result.message).toMatch(/"data" is not recorded \(disks\[\]\.format\)/);
    expect(hypervMixedDiskFormats(hyperv([{}, {}])).outcome).toBe(Outcome.UNKNOWN);
  });

  test('passes a single disk even without a recorded format: one disk cannot mix', () => {
    expect(hypervMixedDiskFormats(hyperv([{}])).outcome).toBe(Outcome.PASS);
    expect(hypervMixedDiskFormats(hyperv([{}, { format: 'vmdk' }])).outcome).toBe(Outcome.PASS);
  });

  test('is unknown when no disks are recorded', () => {
    expect(hypervMixedDiskFormats(vmContext({ hypervisor: 'hyperv' })).message).toMatch(/\(disks\)/);
  });

  test('is n/a on VMware', () => {
    expect(hypervMixedDiskFormats(vmContext({ disks: [{ format: 'vhd' }, { format: 'vhdx' }] })).outcome).toBe(Outcome.NOT_APPLICABLE);
  });
});
