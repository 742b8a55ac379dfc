import { linuxLicense } from '../../../lib/rules/sms/sms-lic1-linux-license';
import { Outcome } from '../../../lib/assessment/rule';
import { vmContext } from '../../helpers/context';

describe('SMS-LIC1 linux license', () => {
  const rhel = { family: 'linux', name: 'rhel', version: '7.3' };

  test('fails a Linux VM whose job asks for an AWS license', () => {
    // GIVEN RHEL 7.3 with licenseType aws
    const ctx = vmContext({ os: rhel, replication: { licenseType: 'aws' } });
    // WHEN
    const result = linuxLicense(ctx);
    // THEN the message names the value, the OS and what would pass
    expect(result.outcome).toBe(Outcome.FAIL);
    expect(result.message).toBe('replication.licenseType aws is not available for RHEL 7.3: Linux supports BYOL only (use byol or auto)');
  });

  test('fails aws taken from the plan defaults', () => {
    const ctx = vmContext({ os: rhel }, { defaults: { replication: { licenseType: 'aws' } } });
    expect(linuxLicense(ctx).outcome).toBe(Outcome.FAIL);
  });

  test('passes byol and auto', () => {
    expect(linuxLicense(vmContext({ os: rhel, replication: { licenseType: 'byol' } })).outcome).toBe(Outcome.PASS);
    expect(linuxLicense(vmContext({ os: rhel, replication: { licenseType: 'auto' } })).outcome).toBe(Outcome.PASS);
  });

  test('passes when no license is set anywhere (the library default is auto)', () => {
    expect(linuxLicense(vmContext({ os: rhel })).outcome).toBe(Outcome.PASS);
  });

  test('judges an unsupported Linux by its family', () => {
    // GIVEN Amazon Linux, which SMS-OS1 rejects, still licensed aws
    const ctx = vmContext({ os: { family: 'linux', name: 'amazon-linux', version: '2' }, replication: { licenseType: 'aws' } });
    expect(linuxLicense(ctx).outcome).toBe(Outcome.FAIL);
  });

  test('infers the family from a recognised distribution name', () => {
    const ctx = vmContext({ os: { name: 'ubuntu', version: '16.04' }, replication: { licenseType: 'aws' } });
    const result = linuxLicense(ctx);
    expect(result.outcome).toBe(Outcome.FAIL);
    expect(result.message).toMatch(/Ubuntu 16\.04/);
  });

  test('is unknown when the family is not recorded', () => {
    const result = linuxLicense(vmContext({ replication: { licenseType: 'aws' } }));
    expect(result.outcome).toBe(Outcome.UNKNOWN);
    expect(result.message).toMatch(/os\.family/);
    expect(result.message).toMatch(/byol or auto/);
  });

  test('is unknown for an unrecognised name without a family', () => {
    expect(linuxLicense(vmContext({ os: { name: 'freebsd' } })).outcome).toBe(Outcome.UNKNOWN);
  });

  test('is n/a for Windows and family other, even with aws', () => {
    const server = { family: 'windows', name: 'windows-server', version: '2016' };
    expect(linuxLicense(vmContext({ os: server, replication: { licenseType: 'aws' } })).outcome).toBe(Outcome.NOT_APPLICABLE);
    expect(linuxLicense(vmContext({ os: { family: 'other', name: 'freebsd' }, replication: { licenseType: 'aws' } })).outcome)
      .toBe(Outcome.NOT_APPLICABLE);
  });
});
