import { vcenterVersion } from '../../../lib/rules/sms/sms-con1-vcenter-version';
import { Outcome, Severity } from '../../../lib/assessment/rule';
import { connectorContext } from '../../helpers/context';

describe('SMS-CON1 vCenter version', () => {
  const judge = (version?: string) =>
    vcenterVersion(connectorContext(version === undefined ? { hypervisor: 'vmware' } : { hypervisor: 'vmware', vcenterVersion: version }));

  test.each(['5.1', '5.5', '6.0', '6.5', '6.5.0', '6.5 U2', 'vCenter Server 6.5'])('passes vCenter %s', (version) => {
    // GIVEN a VMware connector whose vCenter is between 5.1 and 6.5 (updates of 6.5 are 6.5)
    // WHEN / THEN
    expect(judge(version)).toEqual({ outcome: Outcome.PASS });
  });

  test('fails vCenter 5.0 at error, naming the version and what is supported', () => {
    const result = judge('5.0');
    expect(result.outcome).toBe(Outcome.FAIL);
    expect(result.severity).toBeUndefined();
    expect(result.message).toBe('vCenter 5.0 is not supported (supported: 5.1 or higher, validated up to 6.5)');
  });

  test.each(['4.1', '4', '5.0.1'])('fails vCenter %s at error', (version) => {
    const result = judge(version);
    expect(result.outcome).toBe(Outcome.FAIL);
    expect(result.severity).toBeUndefined();
    expect(result.message).toMatch(new RegExp(`vCenter ${version.replace('.', '\\.')} is not supported`));
  });

  test('warns above 6.5: 6.7 is not validated', () => {
    const result = judge('6.7');
    expect(result.outcome).toBe(Outcome.FAIL);
    expect(result.severity).toBe(Severity.WARNING);
    expect(result.message).toBe('vCenter 6.7 is above 6.5 and not validated with SMS (supported: 5.1 or higher, validated up to 6.5)');
  });

  test.each(['6.6', '7.0', '7', '8.0 U1'])('warns for vCenter %s', (version) => {
    const result = judge(version);
    expect(result.outcome).toBe(Outcome.FAIL);
    expect(result.severity).toBe(Severity.WARNING);
  });

  test('compares numerically: 5.10 is above 5.1 and 5.9', () => {
    expect(judge('5.10').outcome).toBe(Outcome.PASS);
    expect(judge('6.10').severity).toBe(Severity.WARNING);
  });

  test('is unknown when the version is missing, naming vcenterVersion', () => {
    const result = judge();
    expect(result.outcome).toBe(Outcome.UNKNOWN);
    expect(result.message).toBe('the vCenter version is not recorded (vcenterVersion; supported: 5.1 or higher, validated up to 6.5)');
    expect(judge('  ').outcome).toBe(Outcome.UNKNOWN);
  });

  test('is unknown when the version holds no number', () => {
    const result = judge('latest');
    expect(result.outcome).toBe(Outcome.UNKNOWN);
    expect(result.message).toMatch(/vcenterVersion "latest" holds no version number/);
  });

  test.each(['5', '6'])('is unknown for a bare major version %s whose releases straddle a limit', (version) => {
    const result = judge(version);
    expect(result.outcome).toBe(Outcome.UNKNOWN);
    expect(result.message).toMatch(new RegExp(`vCenter ${version} does not say which minor release \\(vcenterVersion`));
  });

  test('is n/a on Hyper-V', () => {
    expect(vcenterVersion(connectorContext({ hypervisor: 'hyperv', vcenterVersion: '5.0' })).outcome).toBe(Outcome.NOT_APPLICABLE);
  });
});
