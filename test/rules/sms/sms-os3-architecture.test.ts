import { architecture } from '../../../lib/rules/sms/sms-os3-architecture';
import { Outcome } from '../../../lib/assessment/rule';
import { vmContext } from '../../helpers/context';

describe('SMS-OS3 architecture', () => {
  const server = (version: string, arch?: string) => architecture(vmContext({
    os: { family: 'windows', name: 'windows-server', version, architecture: arch },
  }));
  const client = (version: string, arch?: string) => architecture(vmContext({
    os: { family: 'windows', name: 'windows-client', version, architecture: arch },
  }));

  describe('Linux', () => {
    test('passes x86_64', () => {
      const ctx = vmContext({ os: { family: 'linux', name: 'rhel', version: '7.3', architecture: 'x86_64' } });
      expect(architecture(ctx).outcome).toBe(Outcome.PASS);
    });

    test('fails x86, naming the value and what passes', () => {
      // GIVEN a 32-bit Linux guest
      const ctx = vmContext({ os: { family: 'linux', name: 'centos', version: '6.5', architecture: 'x86' } });
      // WHEN
      const result = architecture(ctx);
      // THEN
      expect(result.outcome).toBe(Outcome.FAIL);
      expect(result.message).toBe('CentOS 6.5 is x86: only 64-bit Linux (x86_64) is supported');
    });

    test('is unknown when os.architecture is missing', () => {
      const result = architecture(vmContext({ os: { family: 'linux', name: 'ubuntu', version: '16.04' } }));
      expect(result.outcome).toBe(Outcome.UNKNOWN);
      expect(result.message).toBe('the architecture of Ubuntu 16.04 is not recorded (os.architecture): Linux must be x86_64 (64-bit)');
    });

    test('judges an unsupported distribution by its family too', () => {
      const ctx = vmContext({ os: { family: 'linux', name: 'amazon-linux', architecture: 'x86' } });
      expect(architecture(ctx).outcome).toBe(Outcome.FAIL);
    });
  });

  describe('Windows', () => {
    test.each(['2003', '2003 R2', '2008', '2008 R2', '2012', '2012 R2', '2016'])('passes Windows Server %s on x86_64', (version) => {
      expect(server(version, 'x86_64').outcome).toBe(Outcome.PASS);
    });

    test.each(['7', '8', '8.1', '10'])('passes Windows %s on x86_64', (version) => {
      expect(client(version, 'x86_64').outcome).toBe(Outcome.PASS);
    });

    test.each(['2003', '2003 R2', '2008'])('passes Windows Server %s on x86', (version) => {
      expect(server(version, 'x86').outcome).toBe(Outcome.PASS);
    });

    test.each(['7', '8'])('passes Windows %s on x86', (version) => {
      expect(client(version, 'x86').outcome).toBe(Outcome.PASS);
    });

    test.each(['2008 R2', '2012', '2012 R2', '2016'])('fails Windows Server %s on x86: 64-bit only', (version) => {
      const result = server(version, 'x86');
      expect(result.outcome).toBe(Outcome.FAIL);
      expect(result.message).toBe(`Windows Server ${version} is x86 (32-bit): it is supported only as x86_64 `
        + '(x86 only on Windows Server 2003, 2003 R2, 2008 and Windows 7, 8)');
    });

    test.each(['8.1', '10'])('fails Windows %s on x86: 64-bit only', (version) => {
      expect(client(version, 'x86').message).toMatch(new RegExp(`^Windows ${version.replace('.', '\\.')} is x86 \\(32-bit\\)`));
    });

    test('draws the line between 2008 and 2008 R2, and between 8 and 8.1', () => {
      expect(server('2008', 'x86').outcome).toBe(Outcome.PASS);
      expect(server('2008 R2', 'x86').outcome).toBe(Outcome.FAIL);
      expect(client('8', 'x86').outcome).toBe(Outcome.PASS);
      expect(client('8.1', 'x86').outcome).toBe(Outcome.FAIL);
    });

    test('is unknown when os.architecture is missing', () => {
      const result = server('2016');
      expect(result.outcome).toBe(Outcome.UNKNOWN);
      expect(result.message).toMatch(/os\.architecture.*x86_64, or x86 on Windows Server 2003, 2003 R2, 2008 and Windows 7, 8$/);
    });

    test('passes x86_64 even when the release is not recorded', () => {
      expect(architecture(vmContext({ os: { family: 'windows', architecture: 'x86_64' } })).outcome).toBe(Outcome.PASS);
    });

    test('is unknown for x86 when the release or the name is not recorded', () => {
      const noVersion = architecture(vmContext({ os: { family: 'windows', name: 'windows-server', architecture: 'x86' } }));
      expect(noVersion.outcome).toBe(Outcome.UNKNOWN);
      expect(noVersion.message).toMatch(/os\.version/);
      const noName = architecture(vmContext({ os: { family: 'windows', architecture: 'x86' } }));
      expect(noName.outcome).toBe(Outcome.UNKNOWN);
      expect(noName.message).toMatch(/os\.name/);
    });

    test('is n/a for x86 on a release SMS-OS1 fails', () => {
      expect(server('2019', 'x86').outcome).toBe(Outcome.NOT_APPLICABLE);
      expect(client('XP', 'x86').outcome).toBe(Outcome.NOT_APPLICABLE);
    });
  });

  test('is n/a for family other', () => {
    expect(architecture(vmContext({ os: { family: 'other', name: 'freebsd', architecture: 'x86' } })).outcome).toBe(Outcome.NOT_APPLICABLE);
  });

  test('is unknown naming os.family when the family cannot be told', () => {
    const result = architecture(vmContext({ os: { name: 'solaris', architecture: 'x86_64' } }));
    expect(result.outcome).toBe(Outcome.UNKNOWN);
    expect(result.message).toMatch(/os\.family/);
  });
});
