import { windowsClientLicense } from '../../../lib/rules/sms/sms-lic2-windows-client-license';
import { Outcome } from '../../../lib/assessment/rule';
import { vmContext } from '../../helpers/context';

describe('SMS-LIC2 windows client license', () => {
  const win10 = { family: 'windows', name: 'windows-client', version: '10', edition: 'enterprise' };

  test('fails a Windows client OS whose job asks for an AWS license', () => {
    // GIVEN Windows 10 with licenseType aws
    const result = windowsClientLicense(vmContext({ os: win10, replication: { licenseType: 'aws' } }));
    // THEN
    expect(result.outcome).toBe(Outcome.FAIL);
    expect(result.message).toBe('replication.licenseType aws is not available for Windows 10: Windows client OSes support BYOL only '
      + '(use byol or auto)');
  });

  test('fails an unsupported client release too (Windows XP with aws)', () => {
    const ctx = vmContext({ os: { family: 'windows', name: 'windows-client', version: 'XP' }, replication: { licenseType: 'aws' } });
    const result = windowsClientLicense(ctx);
    expect(result.outcome).toBe(Outcome.FAIL);
    expect(result.message).toMatch(/Windows XP/);
  });

  test('fails a client OS whose release is not recorded', () => {
    const ctx = vmContext({ os: { family: 'windows', name: 'windows-client' }, replication: { licenseType: 'aws' } });
    expect(windowsClientLicense(ctx).outcome).toBe(Outcome.FAIL);
  });

  test('passes byol, auto and the library default', () => {
    expect(windowsClientLicense(vmContext({ os: win10, replication: { licenseType: 'byol' } })).outcome).toBe(Outcome.PASS);
    expect(windowsClientLicense(vmContext({ os: win10, replication: { licenseType: 'auto' } })).outcome).toBe(Outcome.PASS);
    expect(windowsClientLicense(vmContext({ os: win10 })).outcome).toBe(Outcome.PASS);
  });

  test('is n/a for Windows server OSes, which may use aws', () => {
    const server = { family: 'windows', name: 'windows-server', version: '2012 R2' };
    expect(windowsClientLicense(vmContext({ os: server, replication: { licenseType: 'aws' } })).outcome).toBe(Outcome.NOT_APPLICABLE);
  });

  test('is n/a for Linux and family other', () => {
    const rhel = { family: 'linux', name: 'rhel', version: '7.3' };
    expect(windowsClientLicense(vmContext({ os: rhel, replication: { licenseType: 'aws' } })).outcome).toBe(Outcome.NOT_APPLICABLE);
    expect(windowsClientLicense(vmContext({ os: { family: 'other' } })).outcome).toBe(Outcome.NOT_APPLICABLE);
  });

  test('is unknown when a Windows VM does not say whether it is a server or a client', () => {
    const result = windowsClientLicense(vmContext({ os: { family: 'windows', version: '10' }, replication: { licenseType: 'aws' } }));
    expect(result.outcome).toBe(Outcome.UNKNOWN);
    expect(result.message).toMatch(/os\.name/);
    expect(result.message).toMatch(/byol or auto/);
  });

  test('is unknown when the family is not recorded', () => {
    const result = windowsClientLicense(vmContext({ replication: { licenseType: 'aws' } }));
    expect(result.outcome).toBe(Outcome.UNKNOWN);
    expect(result.message).toMatch(/os\.family/);
  });
});
