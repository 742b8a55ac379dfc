import { distributionVersion } from '../../../lib/rules/sms/sms-os2-distribution-version';
import { Outcome } from '../../../lib/assessment/rule';
import { vmContext } from '../../helpers/context';

describe('SMS-OS2 distribution version', () => {
  const judge = (name: string, version?: string) => distributionVersion(vmContext({ os: { family: 'linux', name, version } }));
  const outcome = (name: string, version: string) => judge(name, version).outcome;

  describe('Ubuntu: a set of single releases', () => {
    test.each(['12.04', '12.10', '13.04', '13.10', '14.04', '14.10', '15.04', '16.04', '16.10'])('passes %s', (version) => {
      expect(outcome('ubuntu', version)).toBe(Outcome.PASS);
    });

    test.each(['11.10', '15.10', '16.11', '17.04', '18.04'])('fails %s', (version) => {
      // GIVEN a release one past an end of the list, or the gap 15.10
      const result = judge('ubuntu', version);
      // THEN it fails naming the version and the list
      expect(result.outcome).toBe(Outcome.FAIL);
      expect(result.message).toBe(`Ubuntu ${version} is not supported `
        + '(supported: 12.04, 12.10, 13.04, 13.10, 14.04, 14.10, 15.04, 16.04, 16.10)');
    });

    test('counts a point release as its base release', () => {
      expect(outcome('ubuntu', '14.04.5')).toBe(Outcome.PASS);
      expect(outcome('ubuntu', '16.04.3 LTS')).toBe(Outcome.PASS);
      expect(outcome('ubuntu', '15.10.1')).toBe(Outcome.FAIL);
    });

    test('is unknown for a bare major release that covers supported and unsupported ones', () => {
      const result = judge('ubuntu', '14');
      expect(result.outcome).toBe(Outcome.UNKNOWN);
      expect(result.message).toMatch(/^Ubuntu 14 is not precise enough to judge: os\.version needs major\.minor, such as 14\.04 \(supported: 12\.04/);
    });
  });

  describe('RHEL: 5.1-5.11, 6.1-6.9, 7.0-7.3', () => {
    test.each(['5.1', '5.9', '5.10', '5.11', '6.1', '6.9', '7.0', '7.3', '7.3.1611'])('passes %s', (version) => {
      expect(outcome('rhel', version)).toBe(Outcome.PASS);
    });

    test.each(['5.0', '5.12', '6.10', '7.4', '8.0', '4.9'])('fails %s', (version) => {
      expect(outcome('rhel', version)).toBe(Outcome.FAIL);
    });

    test('fails 7.4, naming it and the supported ranges', () => {
      expect(judge('rhel', '7.4').message).toBe('RHEL 7.4 is not supported (supported: 5.1-5.11, 6.1-6.9, 7.0-7.3)');
    });

    test('compares numerically: 5.10 is after 5.9, 6.10 after 6.9', () => {
      // as text, '5.9' sorts after '5.11' (outside 5.1-5.11) and '6.10' before '6.9' (inside 6.1-6.9): both wrong
      expect(outcome('rhel', '5.9')).toBe(Outcome.PASS);
      expect(outcome('rhel', '5.10')).toBe(Outcome.PASS);
      expect(outcome('rhel', '6.10')).toBe(Outcome.FAIL);
      expect(outcome('centos', '6.10')).toBe(Outcome.FAIL);
    });

    test('fails 6.0, saying it lacks the drivers', () => {
      const result = judge('rhel', '6.0');
      expect(result.outcome).toBe(Outcome.FAIL);
      expect(result.message).toBe('RHEL 6.0 is not supported: 6.0 lacks the drivers SMS needs (supported: 5.1-5.11, 6.1-6.9, 7.0-7.3)');
    });

    test.each([['5', '5.11'], ['6', '6.9'], ['7', '7.3']])('is unknown for the bare major release %s', (version, example) => {
      const result = judge('rhel', version);
      expect(result.outcome).toBe(Outcome.UNKNOWN);
      expect(result.message).toBe(`RHEL ${version} is not precise enough to judge: os.version needs major.minor, such as ${example} `
        + '(supported: 5.1-5.11, 6.1-6.9, 7.0-7.3)');
    });

    test('fails a bare major release that has no supported version at all', () => {
      expect(outcome('rhel', '8')).toBe(Outcome.FAIL);
      expect(outcome('rhel', '4')).toBe(Outcome.FAIL);
    });
  });

  describe('CentOS: 5.1-5.11, 6.1-6.6, 7.0-7.3', () => {
    test.each(['5.1', '5.11', '6.1', '6.6', '7.0', '7.3', '7.3.1611'])('passes %s', (version) => {
      expect(outcome('centos', version)).toBe(Outcome.PASS);
    });

    test.each(['5.0', '5.12', '6.7', '6.10', '7.4'])('fails %s', (version) => {
      expect(judge('centos', version).message).toBe(`CentOS ${version} is not supported (supported: 5.1-5.11, 6.1-6.6, 7.0-7.3)`);
    });

    test('fails 6.0, saying it lacks the drivers', () => {
      expect(judge('centos', '6.0').message).toMatch(/^CentOS 6\.0 is not supported: 6\.0 lacks the drivers SMS needs/);
    });
  });

  describe('Debian: 6.0.0-6.0.8, 7.0.0-7.8.0, 8.0.0', () => {
    test.each(['6.0.0', '6.0.8', '7.0.0', '7.5.0', '7.8.0', '8.0.0', '7.8', '7.0', '8.0'])('passes %s', (version) => {
      expect(outcome('debian', version)).toBe(Outcome.PASS);
    });

    test.each(['5.0.10', '6.0.9', '6.0.10', '6.1.0', '7.8.1', '7.9.0', '7.10.0', '8.0.1', '8.1.0', '9.0.0'])('fails %s', (version) => {
      expect(judge('debian', version).message).toBe(`Debian ${version} is not supported (supported: 6.0.0-6.0.8, 7.0.0-7.8.0, 8.0.0)`);
    });

    test.each([['7', '7.8.0'], ['6.0', '6.0.8'], ['8', '8.0.0']])(
      'is unknown for %s, written with less precision than the list', (version, example) => {
        const result = judge('debian', version);
        expect(result.outcome).toBe(Outcome.UNKNOWN);
        expect(result.message).toBe(`Debian ${version} is not precise enough to judge: os.version needs major.minor.patch, `
          + `such as ${example} (supported: 6.0.0-6.0.8, 7.0.0-7.8.0, 8.0.0)`);
      });

    test('fails a short version that no supported version starts with', () => {
      expect(outcome('debian', '7.9')).toBe(Outcome.FAIL);
      expect(outcome('debian', '9')).toBe(Outcome.FAIL);
    });
  });

  describe('Oracle Linux: 6.1-6.6, 7.0-7.1', () => {
    test.each(['6.1', '6.6', '7.0', '7.1'])('passes %s', (version) => {
      expect(outcome('oracle-linux', version)).toBe(Outcome.PASS);
    });

    test.each(['6.0', '6.7', '6.10', '7.2', '5.11'])('fails %s', (version) => {
      expect(judge('oracle-linux', version).message).toBe(`Oracle Linux ${version} is not supported (supported: 6.1-6.6, 7.0-7.1)`);
    });

    test('reads the name through its aliases', () => {
      expect(outcome('Oracle Linux', '7.1')).toBe(Outcome.PASS);
    });
  });

  describe('Fedora Server: 19-21', () => {
    test.each(['19', '20', '21'])('passes %s', (version) => {
      expect(outcome('fedora', version)).toBe(Outcome.PASS);
    });

    test.each(['18', '22', '9'])('fails %s', (version) => {
      expect(judge('fedora', version).message).toBe(`Fedora Server ${version} is not supported (supported: 19-21)`);
    });
  });

  describe('SLES: 11 SP1-SP4, 12, 12 SP1', () => {
    test.each(['11 SP1', '11 SP2', '11 SP3', '11 SP4', '11.3', '11-sp4', '12', '12 SP1', '12.1'])('passes %s', (version) => {
      expect(outcome('sles', version)).toBe(Outcome.PASS);
    });

    test.each(['11', '11 SP5', '12 SP2', '10 SP4', '15'])('fails %s', (version) => {
      // SLES 11 without a service pack is 11.0, before 11 SP1; 12 SP2 is one past 12 SP1
      expect(judge('sles', version).message).toBe(`SLES ${version} is not supported (supported: 11 SP1-11 SP4, 12-12 SP1)`);
    });

    test('reads 12 as SLES 12 without a service pack, never as ambiguous', () => {
      expect(outcome('sles', '12')).toBe(Outcome.PASS);
      expect(outcome('sles', '11')).toBe(Outcome.FAIL);
    });
  });

  describe('missing facts', () => {
    test('is unknown when os.version is missing, naming it and the list', () => {
      const result = judge('rhel');
      expect(result.outcome).toBe(Outcome.UNKNOWN);
      expect(result.message).toBe('the RHEL version is not recorded (os.version) (supported: 5.1-5.11, 6.1-6.9, 7.0-7.3)');
    });

    test('is unknown when os.version holds no number', () => {
      const result = judge('ubuntu', 'xenial');
      expect(result.outcome).toBe(Outcome.UNKNOWN);
      expect(result.message).toMatch(/^os\.version xenial of Ubuntu holds no version number \(supported: 12\.04/);
    });

    test('is unknown when the distribution is not named', () => {
      const result = distributionVersion(vmContext({ os: { family: 'linux', version: '7.3' } }));
      expect(result.outcome).toBe(Outcome.UNKNOWN);
      expect(result.message).toMatch(/os\.name/);
    });

    test('is unknown for a vague name that says only Linux', () => {
      const result = judge('linux', '7.3');
      expect(result.outcome).toBe(Outcome.UNKNOWN);
      expect(result.message).toBe('the Linux distribution linux is vague (os.name): each distribution has its own supported versions');
    });

    test('is unknown naming os.family when neither family nor name says Linux', () => {
      const result = distributionVersion(vmContext({ os: { version: '7.3' } }));
      expect(result.outcome).toBe(Outcome.UNKNOWN);
      expect(result.message).toMatch(/os\.family/);
    });

    test('infers the family from a recognised name', () => {
      expect(distributionVersion(vmContext({ os: { name: 'centos', version: '7.3' } })).outcome).toBe(Outcome.PASS);
    });
  });

  describe('does not apply', () => {
    test('is n/a for Windows: SMS-OS1 judges Windows releases', () => {
      expect(distributionVersion(vmContext({ os: { family: 'windows', name: 'windows-server', version: '2016' } })).outcome)
        .toBe(Outcome.NOT_APPLICABLE);
      expect(distributionVersion(vmContext({ os: { name: 'windows-client', version: '10' } })).outcome).toBe(Outcome.NOT_APPLICABLE);
    });

    test('is n/a for family other and for a distribution SMS-OS1 fails', () => {
      expect(distributionVersion(vmContext({ os: { family: 'other', name: 'freebsd', version: '12' } })).outcome)
        .toBe(Outcome.NOT_APPLICABLE);
      expect(outcome('amazon-linux', '2')).toBe(Outcome.NOT_APPLICABLE);
    });
  });
});
