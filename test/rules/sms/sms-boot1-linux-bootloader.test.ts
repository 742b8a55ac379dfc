import { linuxBootloader } from '../../../lib/rules/sms/sms-boot1-linux-bootloader';
import { Outcome } from '../../../lib/assessment/rule';
import { vmContext } from '../../helpers/context';

describe('SMS-BOOT1 linux bootloader', () => {
  const rhel = { family: 'linux', name: 'rhel', version: '7.3' };

  test.each(['grub', 'grub2', 'GRUB2'])('passes boot loader %s', (bootloader) => {
    // GIVEN a Linux VM booting with GRUB
    const ctx = vmContext({ os: { ...rhel, bootloader } });
    // WHEN / THEN
    expect(linuxBootloader(ctx).outcome).toBe(Outcome.PASS);
  });

  test.each(['lilo', 'syslinux', 'systemd-boot', 'other'])('fails boot loader %s, naming it and the supported ones', (bootloader) => {
    const result = linuxBootloader(vmContext({ os: { ...rhel, bootloader } }));
    expect(result.outcome).toBe(Outcome.FAIL);
    expect(result.message).toBe(`boot loader ${bootloader} is not supported (supported: grub, grub2)`);
    expect(result.severity).toBeUndefined();
  });

  test('is unknown when the boot loader is not recorded', () => {
    const result = linuxBootloader(vmContext({ os: rhel }));
    expect(result.outcome).toBe(Outcome.UNKNOWN);
    expect(result.message).toMatch(/os\.bootloader/);
    expect(result.message).toMatch(/GRUB/);
  });

  test('infers Linux from a recognised name when the family is missing', () => {
    expect(linuxBootloader(vmContext({ os: { name: 'ubuntu', version: '16.04', bootloader: 'lilo' } })).outcome).toBe(Outcome.FAIL);
  });

  test('is unknown naming os.family when the family cannot be told', () => {
    const result = linuxBootloader(vmContext({ os: { name: 'something', bootloader: 'grub2' } }));
    expect(result.outcome).toBe(Outcome.UNKNOWN);
    expect(result.message).toMatch(/os\.family/);
    expect(linuxBootloader(vmContext({})).outcome).toBe(Outcome.UNKNOWN);
  });

  test('is n/a for Windows and other', () => {
    expect(linuxBootloader(vmContext({ os: { family: 'windows', name: 'windows-server', version: '2016' } })).outcome)
      .toBe(Outcome.NOT_APPLICABLE);
    expect(linuxBootloader(vmContext({ os: { family: 'other', name: 'freebsd', bootloader: 'other' } })).outcome)
      .toBe(Outcome.NOT_APPLICABLE);
  });
});
