import { hypervRhel5Vhdx } from '../../../lib/rules/sms/sms-hv4-hyperv-rhel5-vhdx';
import { Outcome } from '../../../lib/assessment/rule';
import { vmContext } from '../../helpers/context';

describe('SMS-HV4 hyperv rhel5 vhdx', () => {
  const rhel = (version?: string) => ({ family: 'linux', name: 'rhel', version });
  const vhdx = [{ name: 'os', format: 'vhdx' }, { name: 'data', format: 'vhdx' }];
  const vhd = [{ name: 'os', format: 'vhd' }];

  test('passes RHEL 5 on VHD disks', () => {
    // GIVEN RHEL 5.11 on Hyper-V with VHD disks
    const ctx = vmContext({ hypervisor: 'hyperv', os: rhel('5.11'), disks: vhd });
    // WHEN / THEN
    expect(hypervRhel5Vhdx(ctx).outcome).toBe(Outcome.PASS);
  });

  test.each(['5', '5.1', '5.11', '5.12'])('fails RHEL %s on VHDX disks, naming the disks', (version) => {
    const result = hypervRhel5Vhdx(vmContext({ hypervisor: 'hyperv', os: rhel(version), disks: vhdx }));
    expect(result.outcome).toBe(Outcome.FAIL);
    expect(result.message).toBe(`RHEL ${version} is on VHDX disks ("os", "data"): RHEL 5 is not supported on Hyper-V VHDX disks (convert them to VHD)`);
  });

  test('fails when any one disk is VHDX', () => {
    const disks = [{ format: 'vhd' }, { format: 'vhdx' }];
    expect(hypervRhel5Vhdx(vmContext({ hypervisor: 'hyperv', os: rhel('5.4'), disks })).message).toMatch(/\(disk 2\)/);
  });

  test.each(['4.9', '6.0', '6.1', '7.3'])('passes RHEL %s on VHDX disks', (version) => {
    expect(hypervRhel5Vhdx(vmContext({ hypervisor: 'hyperv', os: rhel(version), disks: vhdx })).outcome).toBe(Outcome.PASS);
  });

  test('passes CentOS 5 and Oracle Linux 5 on VHDX: the limitation names RHEL only', () => {
    for (const name of ['centos', 'oracle-linux']) {
      const ctx = vmContext({ hypervisor: 'hyperv', os: { family: 'linux', name, version: '5.11' }, disks: vhdx });
      expect(hypervRhel5Vhdx(ctx).outcome).toBe(Outcome.PASS);
    }
  });

  test('is unknown when the RHEL version is not recorded and a disk is VHDX', () => {
    const result = hypervRhel5Vhdx(vmContext({ hypervisor: 'hyperv', os: rhel(undefined), disks: vhdx }));
    expect(result.outcome).toBe(Outcome.UNKNOWN);
    expect(result.message).toMatch(/\(os\.version\)/);
    expect(result.message).toMatch(/RHEL 5/);
  });

  test('is unknown when RHEL 5 disk formats are not recorded', () => {
    const result = hypervRhel5Vhdx(vmContext({ hypervisor: 'hyperv', os: rhel('5.8'), disks: [{ format: 'vhd' }, {}] }));
    expect(result.outcome).toBe(Outcome.UNKNOWN);
    expect(result.message).toMatch(/\(disks\[\]\.format\)/);
    expect(hypervRhel5Vhdx(vmContext({ hypervisor: 'hyperv', os: rhel('5.8') })).message).toMatch(/\(disks\)/);
  });

  test('is unknown when the OS name is not recorded and a disk is VHDX', () => {
    const linux = hypervRhel5Vhdx(vmContext({ hypervisor: 'hyperv', os: { family: 'linux' }, disks: vhdx }));
    expect(linux.outcome).toBe(Outcome.UNKNOWN);
    expect(linux.message).toMatch(/\(os\.name\)/);
    const nothing = hypervRhel5Vhdx(vmContext({ hypervisor: 'hyperv', disks: vhdx }));
    expect(nothing.outcome).toBe(Outcome.UNKNOWN);
    expect(nothing.message).toMatch(/os\.family/);
  });

  test('passes without OS facts when no disk is VHDX', () => {
    expect(hypervRhel5Vhdx(vmContext({ hypervisor: 'hyperv', disks: vhd })).outcome).toBe(Outcome.PASS);
  });

  test('is n/a on VMware and for Windows and other', () => {
    expect(hypervRhel5Vhdx(vmContext({ hypervisor: 'vmware', os: rhel('5.11'), disks: vhdx })).outcome).toBe(Outcome.NOT_APPLICABLE);
    expect(hypervRhel5Vhdx(vmContext({ hypervisor: 'hyperv', os: { family: 'windows', name: 'windows-server' }, disks: vhdx })).outcome)
      .toBe(Outcome.NOT_APPLICABLE);
    expect(hypervRhel5Vhdx(vmContext({ hypervisor: 'hyperv', os: { family: 'other' }, disks: vhdx })).outcome).toBe(Outcome.NOT_APPLICABLE);
  });
});
