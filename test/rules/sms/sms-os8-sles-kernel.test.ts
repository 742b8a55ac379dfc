import { slesKernel } from '../../../lib/rules/sms/sms-os8-sles-kernel';
import { Outcome } from '../../../lib/assessment/rule';
import { vmContext } from '../../helpers/context';

describe('SMS-OS8 sles kernel', () => {
  const sles = (version: string | undefined, kernel?: string) => slesKernel(vmContext({
    os: { family: 'linux', name: 'sles', version, kernel },
  }));

  test.each([
    ['11 SP1', '2.6.32.12-0.7'],
    ['11 SP2', '3.0.13-0.27'],
    ['11 SP3', '3.0.76-0.11'],
    ['11 SP3', '3.0.101-0.8'],
    ['11 SP3', '3.0.101-0.15'],
    ['11 SP4', '3.0.101-63'],
    ['12', '3.12.28-4'],
    ['12 SP1', '3.12.49-11'],
  ])('passes SLES %s with its validated kernel %s', (version, kernel) => {
    expect(sles(version, kernel).outcome).toBe(Outcome.PASS);
  });

  test.each(['3.0.101-63-default', '3.0.101-63-xen', '3.0.101-63-pae'])('ignores the flavour suffix of %s', (kernel) => {
    expect(sles('11 SP4', kernel).outcome).toBe(Outcome.PASS);
  });

  test('reads the version as 11.3 or 11 SP3 alike', () => {
    expect(sles('11.3', '3.0.101-0.15-default').outcome).toBe(Outcome.PASS);
    expect(sles('11-SP3', '3.0.101-0.15').outcome).toBe(Outcome.PASS);
  });

  test('fails a kernel that is not validated, naming it and the validated ones', () => {
    // GIVEN SLES 11 SP3 on a later maintenance kernel
    const result = sles('11 SP3', '3.0.101-0.40-default');
    // THEN
    expect(result.outcome).toBe(Outcome.FAIL);
    expect(result.message).toBe('SLES 11 SP3 kernel 3.0.101-0.40-default is not validated (validated: 3.0.76-0.11, 3.0.101-0.8 or 3.0.101-0.15)');
  });

  test.each([
    ['11 SP1', '2.6.32.12-0.6'],
    ['11 SP1', '2.6.32.12-0.8'],
    ['11 SP3', '3.0.101-0.9'],
    ['11 SP3', '3.0.101-0.16'],
    ['11 SP3', '3.0.76-0.1'],
    ['11 SP4', '3.0.101-62'],
    ['11 SP4', '3.0.101-64'],
    ['11 SP4', '3.0.101-63.1'],
    ['12', '3.12.28-40'],
    ['12 SP1', '3.12.49-1'],
  ])('fails SLES %s with %s, just beside a validated kernel', (version, kernel) => {
    expect(sles(version, kernel).outcome).toBe(Outcome.FAIL);
  });

  test('fails the kernel of another service pack', () => {
    const result = sles('11 SP4', '3.0.101-0.15');
    expect(result.outcome).toBe(Outcome.FAIL);
    expect(result.message).toBe('SLES 11 SP4 kernel 3.0.101-0.15 is not validated (validated: 3.0.101-63)');
    expect(sles('12 SP1', '3.12.28-4').outcome).toBe(Outcome.FAIL);
  });

  test('is unknown when os.kernel is missing, naming it and the validated kernel', () => {
    const result = sles('12');
    expect(result.outcome).toBe(Outcome.UNKNOWN);
    expect(result.message).toBe('the kernel of SLES 12 is not recorded (os.kernel) (validated: 3.12.28-4)');
  });

  test('is unknown when os.version is missing', () => {
    const result = sles(undefined, '3.12.28-4');
    expect(result.outcome).toBe(Outcome.UNKNOWN);
    expect(result.message).toMatch(/os\.version/);
  });

  test('is unknown for a validated base written without its package release', () => {
    const result = sles('11 SP3', '3.0.101-default');
    expect(result.outcome).toBe(Outcome.UNKNOWN);
    expect(result.message).toMatch(/os\.kernel needs the full release/);
    // a base that no validated kernel has fails outright
    expect(sles('11 SP3', '3.0.99').outcome).toBe(Outcome.FAIL);
  });

  test.each([
    ['11 SP4', '3.0.101-acme.2-default'],
    ['11 SP4', '3.0.101-63.acme'],
    ['11 SP4', '3.0.101-63acme-default'],
    ['11 SP3', '3.0.101-0.15.vendor1'],
    ['12', '3.12.28-4.el-rebuild'],
    ['12 SP1', '3.12.49-11-custom'],
  ])('fails SLES %s with the vendor or rebuilt kernel %s, whose release holds letters', (version, kernel) => {
    const result = sles(version, kernel);
    expect(result.outcome).toBe(Outcome.FAIL);
    expect(result.message).toMatch(new RegExp(`^SLES ${version} kernel ${kernel.replace(/\./g, '\\.')} is not validated \\(validated: `));
  });

  test('fails the contract\'s example of a vendor kernel on a validated base, naming it and the validated kernels', () => {
    // GIVEN SLES 11 SP3, whose validated kernels include base 3.0.101, on a rebuilt 3.0.101 kernel
    const result = sles('11 SP3', '3.0.101-acme.2-default');
    // THEN it fails rather than asking for the package release
    expect(result.outcome).toBe(Outcome.FAIL);
    expect(result.message).toBe('SLES 11 SP3 kernel 3.0.101-acme.2-default is not validated (validated: 3.0.76-0.11, 3.0.101-0.8 or 3.0.101-0.15)');
  });

  test('fails a kernel with another flavour than -default, -xen or -pae', () => {
    expect(sles('11 SP4', '3.0.101-63-trace').outcome).toBe(Outcome.FAIL);
  });

  test('fails an os.kernel that holds no kernel release', () => {
    const result = sles('12', 'latest');
    expect(result.outcome).toBe(Outcome.FAIL);
    expect(result.message).toBe('SLES 12 kernel latest is not validated (validated: 3.12.28-4)');
  });

  test('is unknown for each validated base written without its package release, with or without a flavour', () => {
    expect(sles('11 SP1', '2.6.32.12').outcome).toBe(Outcome.UNKNOWN);
    expect(sles('11 SP4', '3.0.101').outcome).toBe(Outcome.UNKNOWN);
    expect(sles('12', '3.12.28-default').outcome).toBe(Outcome.UNKNOWN);
    expect(sles('12 SP1', '3.12.49-xen').outcome).toBe(Outcome.UNKNOWN);
  });

  test('fails a base without its package release when no validated kernel of the release has it', () => {
    // GIVEN SLES 12, whose validated kernel is 3.12.28-4, on a bare 3.0.101 (a base of SLES 11's kernels)
    expect(sles('12', '3.0.101').outcome).toBe(Outcome.FAIL);
    expect(sles('11 SP4', '3.0').outcome).toBe(Outcome.FAIL);
  });

  test('is unknown when os.kernel is empty', () => {
    expect(sles('12', '  ').outcome).toBe(Outcome.UNKNOWN);
  });

  test('is n/a for a SLES version without validated kernels (SMS-OS2 fails it)', () => {
    expect(sles('11', '3.0.101-63').outcome).toBe(Outcome.NOT_APPLICABLE);
    expect(sles('12 SP2', '4.4.21-69').outcome).toBe(Outcome.NOT_APPLICABLE);
  });

  test('is n/a for other distributions, Windows and family other', () => {
    expect(slesKernel(vmContext({ os: { family: 'linux', name: 'rhel', version: '7.3', kernel: '3.10.0-514.el7' } })).outcome)
      .toBe(Outcome.NOT_APPLICABLE);
    expect(slesKernel(vmContext({ os: { family: 'windows', name: 'windows-server', version: '2016' } })).outcome)
      .toBe(Outcome.NOT_APPLICABLE);
    expect(slesKernel(vmContext({ os: { family: 'other' } })).outcome).toBe(Outcome.NOT_APPLICABLE);
  });

  test('is unknown when the distribution or the family cannot be told', () => {
    const noName = slesKernel(vmContext({ os: { family: 'linux', version: '12', kernel: '3.12.28-4' } }));
    expect(noName.outcome).toBe(Outcome.UNKNOWN);
    expect(noName.message).toMatch(/os\.name/);
    const noFamily = slesKernel(vmContext({ os: { kernel: '3.12.28-4' } }));
    expect(noFamily.outcome).toBe(Outcome.UNKNOWN);
    expect(noFamily.message).toMatch(/os\.family/);
  });

  test('is unknown for a vague name that says only Linux', () => {
    const result = slesKernel(vmContext({ os: { family: 'linux', name: 'Linux', version: '12', kernel: '3.12.28-4' } }));
    expect(result.outcome).toBe(Outcome.UNKNOWN);
    expect(result.message).toMatch(/os\.name/);
  });

  test('infers the family from the name', () => {
    expect(slesKernel(vmContext({ os: { name: 'SUSE', version: '12 SP1', kernel: '3.12.49-11-default' } })).outcome).toBe(Outcome.PASS);
  });
});
