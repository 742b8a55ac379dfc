import { customKernel } from '../../../lib/rules/sms/sms-os9-custom-kernel';
import { Outcome } from '../../../lib/assessment/rule';
import { vmContext } from '../../helpers/context';

describe('SMS-OS9 custom kernel', () => {
  const rhel = { family: 'linux', name: 'rhel', version: '7.3' };

  test('passes the distribution kernel', () => {
    expect(customKernel(vmContext({ os: { ...rhel, customKernel: false } })).outcome).toBe(Outcome.PASS);
  });

  test('fails a custom kernel, naming it', () => {
    // GIVEN a RHEL guest booting a self-built kernel
    const result = customKernel(vmContext({ os: { ...rhel, kernel: '4.9.0-custom', customKernel: true } }));
    // THEN it fails at the rule's own severity (warning)
    expect(result.outcome).toBe(Outcome.FAIL);
    expect(result.severity).toBeUndefined();
    expect(result.message).toBe('RHEL 7.3 runs a custom kernel 4.9.0-custom (os.customKernel true): it may not migrate successfully '
      + '(the distribution\'s own kernel passes)');
  });

  test('is unknown when os.customKernel is missing', () => {
    const result = customKernel(vmContext({ os: rhel }));
    expect(result.outcome).toBe(Outcome.UNKNOWN);
    expect(result.message).toMatch(/os\.customKernel/);
  });

  test('applies to every Linux VM, supported distribution or not', () => {
    expect(customKernel(vmContext({ os: { family: 'linux', name: 'amazon-linux', customKernel: true } })).outcome).toBe(Outcome.FAIL);
    expect(customKernel(vmContext({ os: { family: 'linux', customKernel: false } })).outcome).toBe(Outcome.PASS);
  });

  test('is n/a for Windows and family other', () => {
    expect(customKernel(vmContext({ os: { family: 'windows', name: 'windows-server', version: '2016' } })).outcome)
      .toBe(Outcome.NOT_APPLICABLE);
    expect(customKernel(vmContext({ os: { family: 'other', customKernel: true } })).outcome).toBe(Outcome.NOT_APPLICABLE);
  });

  test('is unknown naming os.family when the family cannot be told', () => {
    const result = customKernel(vmContext({ os: { customKernel: true } }));
    expect(result.outcome).toBe(Outcome.UNKNOWN);
    expect(result.message).toMatch(/os\.family/);
  });
});
