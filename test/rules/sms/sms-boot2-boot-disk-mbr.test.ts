import { bootDiskMbr } from '../../../lib/rules/sms/sms-boot2-boot-disk-mbr';
import { Outcome } from '../../../lib/assessment/rule';
import { vmContext } from '../../helpers/context';

describe('SMS-BOOT2 boot disk mbr', () => {
  const os = { family: 'linux', name: 'rhel', version: '7.3' };
  const mbr = { name: 'Hard disk 1', sizeGiB: 60, partitionStyle: 'mbr', boot: true };
  const gpt = { name: 'Hard disk 1', sizeGiB: 60, partitionStyle: 'gpt', boot: true };

  test('passes an MBR boot disk with BIOS firmware', () => {
    // GIVEN a BIOS VM whose boot disk is MBR
    const ctx = vmContext({ os, firmware: 'bios', disks: [mbr] });
    // WHEN / THEN
    expect(bootDiskMbr(ctx).outcome).toBe(Outcome.PASS);
  });

  test('passes an MBR boot disk when the firmware is not recorded', () => {
    expect(bootDiskMbr(vmContext({ os, disks: [mbr] })).outcome).toBe(Outcome.PASS);
  });

  test('fails UEFI firmware even when the boot disk says MBR', () => {
    const result = bootDiskMbr(vmContext({ os, firmware: 'uefi', disks: [mbr] }));
    expect(result.outcome).toBe(Outcome.FAIL);
    expect(result.message).toMatch(/firmware uefi/);
    expect(result.message).toMatch(/"Hard disk 1" is recorded as mbr/);
    expect(result.message).toMatch(/MBR partitioning and BIOS firmware/);
  });

  test('fails UEFI firmware without any disk facts', () => {
    expect(bootDiskMbr(vmContext({ os, firmware: 'uefi' })).outcome).toBe(Outcome.FAIL);
    expect(bootDiskMbr(vmContext({ os, firmware: 'uefi', disks: [{ sizeGiB: 60 }] })).outcome).toBe(Outcome.FAIL);
  });

  test('fails a GPT boot disk, naming it and MBR', () => {
    const result = bootDiskMbr(vmContext({ os, firmware: 'bios', disks: [gpt] }));
    expect(result.outcome).toBe(Outcome.FAIL);
    expect(result.message).toBe('boot disk "Hard disk 1" uses gpt partitioning: the boot disk must use MBR partitioning and BIOS firmware');
  });

  test('judges the disk marked boot, not the first', () => {
    // GIVEN a GPT data disk listed first and an MBR boot disk second
    const disks = [{ name: 'data', partitionStyle: 'gpt' }, { name: 'os', partitionStyle: 'mbr', boot: true }];
    expect(bootDiskMbr(vmContext({ os, firmware: 'bios', disks })).outcome).toBe(Outcome.PASS);
    // AND the other way round
    const swapped = [{ name: 'data', partitionStyle: 'mbr' }, { name: 'os', partitionStyle: 'gpt', boot: true }];
    expect(bootDiskMbr(vmContext({ os, firmware: 'bios', disks: swapped })).message).toMatch(/boot disk "os"/);
  });

  test('takes the first disk when none is marked boot, and says so', () => {
    const disks = [{ name: 'a', partitionStyle: 'gpt' }, { name: 'b', partitionStyle: 'mbr' }];
    const result = bootDiskMbr(vmContext({ os, disks }));
    expect(result.outcome).toBe(Outcome.FAIL);
    expect(result.message).toMatch(/boot disk "a" \(the first disk: none is marked boot\)/);
  });

  test('is unknown with BIOS firmware and no partition style', () => {
    const result = bootDiskMbr(vmContext({ os, firmware: 'bios', disks: [{ name: 'Hard disk 1', boot: true }] }));
    expect(result.outcome).toBe(Outcome.UNKNOWN);
    expect(result.message).toMatch(/disks\[\]\.partitionStyle/);
    expect(result.message).toMatch(/MBR/);
  });

  test('is unknown when no disks are recorded', () => {
    const result = bootDiskMbr(vmContext({ os, firmware: 'bios' }));
    expect(result.outcome).toBe(Outcome.UNKNOWN);
    expect(result.message).toMatch(/\(disks\)/);
    expect(bootDiskMbr(vmContext({ os, disks: [] })).outcome).toBe(Outcome.UNKNOWN);
  });

  test('applies to every family, other and unknown included', () => {
    expect(bootDiskMbr(vmContext({ os: { family: 'other', name: 'freebsd' }, disks: [gpt] })).outcome).toBe(Outcome.FAIL);
    expect(bootDiskMbr(vmContext({ os: { family: 'windows', name: 'windows-server', version: '2016' }, disks: [gpt] })).outcome)
      .toBe(Outcome.FAIL);
    expect(bootDiskMbr(vmContext({ disks: [mbr] })).outcome).toBe(Outcome.PASS);
  });
});
