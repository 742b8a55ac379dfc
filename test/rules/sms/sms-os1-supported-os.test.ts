import { supportedOs } from '../../../lib/rules/sms/sms-os1-supported-os';
import { Outcome } from '../../../lib/assessment/rule';
import { vmContext } from '../../helpers/context';

describe('SMS-OS1 supported OS', () => {
  const judge = (os: object) => supportedOs(vmContext({ os }));

  test.each(['2003', '2003 R2', '2008', '2008 R2', '2012', '2012 R2', '2016', 'Windows Server 2012 R2', '2012r2'])(
    'passes Windows Server %s', (version) => {
      // GIVEN a Windows Server release on the supported list
      // WHEN / THEN
      expect(judge({ family: 'windows', name: 'windows-server', version }).outcome).toBe(Outcome.PASS);
    });

  test.each(['7', '8', '8.1', '10'])('passes Windows %s', (version) => {
    expect(judge({ family: 'windows', name: 'windows-client', version }).outcome).toBe(Outcome.PASS);
  });

  test.each(['ubuntu', 'rhel', 'centos', 'sles', 'debian', 'oracle-linux', 'fedora', 'Red Hat Enterprise Linux', 'SUSE'])(
    'passes the Linux distribution %s whatever its version', (name) => {
      expect(judge({ family: 'linux', name, version: '99.9' }).outcome).toBe(Outcome.PASS);
    });

  test('passes a recognised name without os.family', () => {
    expect(judge({ name: 'ubuntu', version: '16.04' }).outcome).toBe(Outcome.PASS);
    expect(judge({ name: 'windows-server', version: '2016' }).outcome).toBe(Outcome.PASS);
  });

  test('fails Windows Server 2019, naming it and listing what is supported', () => {
    const result = judge({ family: 'windows', name: 'windows-server', version: '2019' });
    expect(result.outcome).toBe(Outcome.FAIL);
    expect(result.message).toBe('Windows Server 2019 is not supported (supported: Windows Server 2003, 2003 R2, 2008, 2008 R2, 2012, 2012 R2, '
      + '2016; Windows 7, 8, 8.1, 10; Ubuntu, RHEL, SLES, CentOS, Debian, Oracle Linux, Fedora Server)');
  });

  test.each([
    ['windows-server', '2000'],
    ['windows-server', '2022'],
    ['windows-client', 'XP'],
    ['windows-client', 'Vista'],
    ['windows-client', '11'],
  ])('fails %s %s, one past the supported releases', (name, version) => {
    const result = judge({ family: 'windows', name, version });
    expect(result.outcome).toBe(Outcome.FAIL);
    expect(result.message).toContain('is not supported');
  });

  test('fails Windows XP, naming it', () => {
    expect(judge({ family: 'windows', name: 'windows-client', version: 'xp' }).message).toMatch(/^Windows XP is not supported \(supported: /);
  });

  test.each([
    [{ family: 'linux', name: 'amazon-linux', version: '2' }, /^Amazon Linux 2 is not supported \(supported: .*Ubuntu, RHEL/],
    [{ family: 'other', name: 'FreeBSD', version: '12' }, /^FreeBSD 12 is not supported/],
    [{ name: 'solaris' }, /^solaris is not supported/],
  ])('fails an OS SMS does not list (%j)', (os, message) => {
    const result = judge(os);
    expect(result.outcome).toBe(Outcome.FAIL);
    expect(result.message).toMatch(message);
  });

  test('fails family other even without a name', () => {
    const result = judge({ family: 'other' });
    expect(result.outcome).toBe(Outcome.FAIL);
    expect(result.message).toMatch(/^os\.family other is not supported \(supported: Windows Server 2003/);
  });

  test.each([{}, { family: 'linux' }, { family: 'windows' }, { family: 'linux', name: '  ' }])('is unknown when os.name is missing (%j)', (os) => {
    const result = judge(os);
    expect(result.outcome).toBe(Outcome.UNKNOWN);
    expect(result.message).toMatch(/os\.name/);
  });

  test('is unknown when the VM has no os facts at all', () => {
    const result = supportedOs(vmContext({}));
    expect(result.outcome).toBe(Outcome.UNKNOWN);
    expect(result.message).toMatch(/os\.name/);
  });

  test('is unknown when a Windows name has no version, naming os.version and the releases', () => {
    const server = judge({ family: 'windows', name: 'windows-server' });
    expect(server.outcome).toBe(Outcome.UNKNOWN);
    expect(server.message).toMatch(/os\.version.*Windows Server 2003, 2003 R2, 2008, 2008 R2, 2012, 2012 R2, 2016/);
    const client = judge({ family: 'windows', name: 'windows-client', version: '' });
    expect(client.outcome).toBe(Outcome.UNKNOWN);
    expect(client.message).toMatch(/os\.version.*Windows 7, 8, 8\.1, 10/);
  });

  test.each(['windows', 'Windows Server 2016', 'Microsoft Windows 10', 'linux'])(
    'is unknown, not failed, for the vague name %s', (name) => {
      // GIVEN a name that says the family but not which OS: it may be a supported one
      const result = judge({ name, version: '2016' });
      // THEN it is not failed (a hard failure could not be acknowledged) but asks for a precise name
      expect(result.outcome).toBe(Outcome.UNKNOWN);
      expect(result.message).toMatch(/os\.name .* does not say which OS it is/);
    });

  test('is unknown when os.family contradicts the name', () => {
    const result = judge({ family: 'linux', name: 'windows-server', version: '2016' });
    expect(result.outcome).toBe(Outcome.UNKNOWN);
    expect(result.message).toBe('os.family linux contradicts os.name windows-server, which is windows: correct one of them');
    expect(judge({ family: 'other', name: 'rhel', version: '7.3' }).outcome).toBe(Outcome.UNKNOWN);
  });
});
