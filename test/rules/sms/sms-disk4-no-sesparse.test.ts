import { noSesparse } from '../../../lib/rules/sms/sms-disk4-no-sesparse';
import { Outcome } from '../../../lib/assessment/rule';
import { vmContext } from '../../helpers/context';

describe('SMS-DISK4 no sesparse', () => {
  test('passes flat VMDK disks', () => {
    expect(noSesparse(vmContext({ disks: [{ format: 'vmdk' }, { format: 'vmdk' }] })).outcome).toBe(Outcome.PASS);
  });

  test('leaves RDM and VHD disks to SMS-DISK3', () => {
    expect(noSesparse(vmContext({ disks: [{ format: 'rdm' }, { format: 'vhdx' }] })).outcome).toBe(Outcome.PASS);
  });

  test('fails SEsparse disks, listing every one', () => {
    // GIVEN two SEsparse disks among VMDKs
    const ctx = vmContext({ disks: [{ format: 'sesparse' }, { format: 'vmdk' }, { name: 'db', format: 'sesparse' }] });
    // WHEN
    const result = noSesparse(ctx);
    // THEN
    expect(result.outcome).toBe(Outcome.FAIL);
    expect(result.message).toBe('disk 1, "db" use the SEsparse delta format: SEsparse delta disks (sesparse) are not supported, other VMDK disks are');
  });

  test('fails rather than unknown when another disk is SEsparse', () => {
    expect(noSesparse(vmContext({ disks: [{}, { format: 'sesparse' }] })).outcome).toBe(Outcome.FAIL);
  });

  test('is unknown when a disk\'s format is not recorded', () => {
    const result = noSesparse(vmContext({ disks: [{ format: 'vmdk' }, {}] }));
    expect(result.outcome).toBe(Outcome.UNKNOWN);
    expect(result.message).toMatch(/the format of disk 2 is not recorded \(disks\[\]\.format\)/);
  });

  test('is unknown when the disks are not recorded', () => {
    const result = noSesparse(vmContext({}));
    expect(result.outcome).toBe(Outcome.UNKNOWN);
    expect(result.message).toMatch(/\(disks\)/);
  });

  test('is n/a on Hyper-V', () => {
    expect(noSesparse(vmContext({ hypervisor: 'hyperv', disks: [{ format: 'sesparse' }] })).outcome).toBe(Outcome.NOT_APPLICABLE);
  });
});
