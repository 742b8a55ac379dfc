import { distributionVersion } from '../../../lib/rules/mgn/mgn-os2-distribution-version';
import { Outcome } from '../../../lib/assessment/rule';
import { assessPlan } from '../../../lib/rules';
import { Plan } from '../../../lib/plan/model/plan';
import { MGN_TEST_NOW, mgnVmContext } from '../../helpers/mgn-context';

describe('MGN-OS2 distribution version', () => {
  const judge = (os: object) => distributionVersion(mgnVmContext({ os }));

  test.each([
    ['windows-server', '2025'], ['windows-server', '2003 R2'], ['windows-client', '11'], ['amazon-linux', '2018.03'],
    ['rhel', '6.10'], ['centos', '7.9.2009'], ['centos-stream', '9'], ['oracle-linux', '9.7'], ['rocky', '10.1'], ['almalinux', '9.6'],
    ['sles', '12 SP3'], ['ubuntu', '14.04.6'], ['debian', '10.13'],
  ])('passes %s %s', (name, version) => {
    expect(judge({ name, version }).outcome).toBe(Outcome.PASS);
  });

  test('passes a retired version: retirement is MGN-OS3\'s', () => {
    expect(judge({ family: 'linux', name: 'rhel', version: '6.5' }).outcome).toBe(Outcome.PASS);
  });

  test('fails Windows 8, naming the version and the supported ones', () => {
    // GIVEN a Windows 8 client
    // WHEN judged
    const result = judge({ family: 'windows', name: 'windows-client', version: '8' });
    // THEN it fails with the list of supported releases
    expect(result.outcome).toBe(Outcome.FAIL);
    expect(result.message).toBe('Windows 8 is not a version MGN supports (os.version; supported Windows: 7, 10, 11)');
  });

  test('fails RHEL 5 and Debian 9', () => {
    expect(judge({ family: 'linux', name: 'rhel', version: '5.11' }).message)
      .toBe('RHEL 5.11 is not a version MGN supports (os.version; supported RHEL: 6.0-9.8, 10.0-10.1)');
    expect(judge({ family: 'linux', name: 'debian', version: '9' }).message)
      .toBe('Debian 9 is not a version MGN supports (os.version; supported Debian: 10, 11)');
  });

  test('fails a release between listed ranges (Oracle Linux 9.5) and past the last one (SLES 15 SP8)', () => {
    expect(judge({ name: 'oracle-linux', version: '9.5' }).outcome).toBe(Outcome.FAIL);
    expect(judge({ name: 'sles', version: '15 SP8' }).message)
      .toBe('SLES 15 SP8 is not a version MGN supports (os.version; supported SLES: 11 SP4, 12-12 SP5, 15-15 SP7)');
  });

  test('is unknown when os.version is missing', () => {
    const result = judge({ family: 'linux', name: 'ubuntu' });
    expect(result.outcome).toBe(Outcome.UNKNOWN);
    expect(result.message).toBe('the Ubuntu version is not recorded (os.version): supported Ubuntu: 12.04-24.04');
  });

  test('is unknown when os.version does not read by the grammar', () => {
    const result = judge({ family: 'linux', name: 'debian', version: 'bullseye' });
    expect(result.outcome).toBe(Outcome.UNKNOWN);
    expect(result.message).toBe('os.version bullseye of Debian bullseye is not a Debian version (the major, such as 11): '
      + 'supported Debian: 10, 11');
  });

  test('is unknown for a major with any minor when only some minors are listed', () => {
    expect(judge({ name: 'rhel', version: '6.x' }).outcome).toBe(Outcome.PASS);
    const result = judge({ name: 'oracle-linux', version: '8.x' });
    expect(result.outcome).toBe(Outcome.UNKNOWN);
    expect(result.message).toBe('Oracle Linux 8.x does not say which minor release it is (os.version): '
      + 'supported Oracle Linux: 6.0-7.8, 8.5-8.9, 9.0-9.4, 9.7, 10.1');
  });

  test('is unknown when os.name is missing', () => {
    const result = judge({ family: 'linux', version: '8.4' });
    expect(result.outcome).toBe(Outcome.UNKNOWN);
    expect(result.message).toMatch(/^the OS is not named \(os\.name; one of windows-server, .*, debian\): the version must be one MGN lists/);
  });

  test('is n/a for a name outside the matrix', () => {
    expect(judge({ family: 'linux', name: 'fedora', version: '39' }).outcome).toBe(Outcome.NOT_APPLICABLE);
  });

  test('runs in the pack: Windows Server 2000 fails MGN-OS2, and MGN-OS3 is n/a', () => {
    const plan = {
      version: 1, target: 'mgn',
      vms: [{ name: 'old', hypervisor: 'vmware', os: { family: 'windows', name: 'windows-server', version: '2000', architecture: 'x86_64' } }],
    };
    const findings = assessPlan(plan as Plan, { now: MGN_TEST_NOW }).vms[0].findings;
    expect(findings.find((f) => f.rule === 'MGN-OS2')?.message)
      .toBe('Windows Server 2000 is not a version MGN supports (os.version; supported Windows Server: 2003, 2003 R2, 2008, 2008 R2, '
        + '2012, 2012 R2, 2016, 2019, 2022, 2025)');
    expect(findings.find((f) => f.rule === 'MGN-OS3')).toBeUndefined();
  });
});
