import { resolvedLicense } from '../../../lib/rules/sms/sms-lic3-resolved-license';
import { Outcome } from '../../../lib/assessment/rule';
import { vmContext } from '../../helpers/context';

describe('SMS-LIC3 resolved license', () => {
  test('reports that auto resolves to AWS for a Windows server OS', () => {
    // GIVEN Windows Server 2012 R2 with licenseType auto
    const ctx = vmContext({ os: { family: 'windows', name: 'windows-server', version: '2012 R2' }, replication: { licenseType: 'auto' } });
    // WHEN
    const result = resolvedLicense(ctx);
    // THEN an info finding (the rule's own severity) says what and why
    expect(result.outcome).toBe(Outcome.FAIL);
    expect(result.severity).toBeUndefined();
    expect(result.message).toBe('license auto resolves to AWS for Windows Server 2012 R2 (Windows server OSes get an AWS license under auto)');
  });

  test('reports that auto resolves to BYOL for Linux', () => {
    const result = resolvedLicense(vmContext({ os: { family: 'linux', name: 'rhel', version: '7.3' } }));
    expect(result.outcome).toBe(Outcome.FAIL);
    expect(result.message).toBe('license auto resolves to BYOL for RHEL 7.3 (Linux supports BYOL only)');
  });

  test('reports that auto resolves to BYOL for a Windows client OS', () => {
    const result = resolvedLicense(vmContext({ os: { family: 'windows', name: 'windows-client', version: '8.1' } }));
    expect(result.message).toBe('license auto resolves to BYOL for Windows 8.1 (Windows client OSes support BYOL only)');
  });

  test('reports BYOL for family other', () => {
    const result = resolvedLicense(vmContext({ os: { family: 'other', name: 'freebsd', version: '12' } }));
    expect(result.outcome).toBe(Outcome.FAIL);
    expect(result.message).toMatch(/^license auto resolves to BYOL for freebsd 12/);
  });

  test('reports auto from the plan defaults', () => {
    const ctx = vmContext({ os: { family: 'windows', name: 'windows-server', version: '2016' } },
      { defaults: { replication: { licenseType: 'auto' } } });
    expect(resolvedLicense(ctx).message).toMatch(/resolves to AWS for Windows Server 2016/);
  });

  test('passes an explicit license', () => {
    const server = { family: 'windows', name: 'windows-server', version: '2016' };
    expect(resolvedLicense(vmContext({ os: server, replication: { licenseType: 'aws' } })).outcome).toBe(Outcome.PASS);
    expect(resolvedLicense(vmContext({ os: server, replication: { licenseType: 'byol' } })).outcome).toBe(Outcome.PASS);
  });

  test('passes an explicit license even when the OS is not recorded', () => {
    expect(resolvedLicense(vmContext({ replication: { licenseType: 'byol' } })).outcome).toBe(Outcome.PASS);
  });

  test('is unknown when auto cannot be resolved for a Windows VM without a name', () => {
    const result = resolvedLicense(vmContext({ os: { family: 'windows', version: '2016' } }));
    expect(result.outcome).toBe(Outcome.UNKNOWN);
    expect(result.message).toMatch(/os\.name/);
    expect(result.message).toMatch(/windows-server resolves to AWS/);
  });

  test('is unknown when auto cannot be resolved without a family', () => {
    const result = resolvedLicense(vmContext({}));
    expect(result.outcome).toBe(Outcome.UNKNOWN);
    expect(result.message).toMatch(/os\.family/);
  });
});
