import { Outcome } from '../../../lib/assessment/rule';
import { Plan } from '../../../lib/plan/model/plan';
import { assessPlan } from '../../../lib/rules';
import { linuxInstallerBasics } from '../../../lib/rules/mgn/mgn-prep1-linux-installer-basics';
import { MGN_TEST_NOW, mgnVmContext } from '../../helpers/mgn-context';

const RHEL = { family: 'linux', name: 'rhel', version: '7.9' };
const READY = { pythonVersion: '3.6', sudo: true, packages: { dhclient: '4.2.5-83.el7' } };

describe('MGN-PREP1 Linux installer basics', () => {
  const judge = (guest: object, extra: object = {}) => linuxInstallerBasics(mgnVmContext({ os: RHEL, guest, ...extra }));

  test.each(['2.4', '2.7.18', '3.6', '3.12.1'])('passes Python %s with a DHCP client and sudo', (pythonVersion) => {
    expect(judge({ ...READY, pythonVersion }).outcome).toBe(Outcome.PASS);
  });

  test.each(['dhcp-client', 'isc-dhcp-client'])('accepts %s as the DHCP client', (name) => {
    expect(judge({ ...READY, packages: { [name]: '4.4.3-1' } }).outcome).toBe(Outcome.PASS);
  });

  test('fails Python none, naming the field and what passes', () => {
    // GIVEN a guest without Python
    const result = judge({ ...READY, pythonVersion: 'none' });
    // THEN
    expect(result.outcome).toBe(Outcome.FAIL);
    expect(result.message).toBe('Python is not installed (guest.pythonVersion: none): the installer needs Python 2.4 or later 2.x, or any 3.x');
  });

  test.each(['2.3', '1.6', '4.0'])('fails Python %s', (pythonVersion) => {
    const result = judge({ ...READY, pythonVersion });
    expect(result.outcome).toBe(Outcome.FAIL);
    expect(result.message).toBe(`Python ${pythonVersion} is installed (guest.pythonVersion): the installer needs Python 2.4 or later 2.x, or any 3.x`);
  });

  test('reports every failing part in one message', () => {
    // GIVEN no Python, no DHCP client and no sudo
    const result = judge({ pythonVersion: 'none', sudo: false, packages: { gcc: '4.8.5' } });
    // THEN
    expect(result.outcome).toBe(Outcome.FAIL);
    expect(result.severity).toBeUndefined();
    expect(result.message).toBe('Python is not installed (guest.pythonVersion: none): the installer needs Python 2.4 or later 2.x, or any 3.x; '
      + 'no DHCP client package is installed (guest.packages): the installer needs a DHCP client package (dhclient, dhcp-client, isc-dhcp-client); '
      + 'the installer does not run as root or a sudoer (guest.sudo: false): it must');
  });

  test('fails on a failing part even when another is unknown, naming the unknown too', () => {
    const result = judge({ pythonVersion: '3.6', sudo: false });
    expect(result.outcome).toBe(Outcome.FAIL);
    expect(result.message).toBe('the installer does not run as root or a sudoer (guest.sudo: false): it must; not judged: '
      + 'the installed packages are not recorded (guest.packages): the installer needs a DHCP client package (dhclient, dhcp-client, isc-dhcp-client)');
  });

  test('is unknown listing every missing fact when none fails', () => {
    const result = judge({});
    expect(result.outcome).toBe(Outcome.UNKNOWN);
    expect(result.message).toBe('the Python version of RHEL 7.9 is not recorded (guest.pythonVersion): the installer needs Python 2.4 or later 2.x, or any 3.x; '
      + 'the installed packages are not recorded (guest.packages): the installer needs a DHCP client package (dhclient, dhcp-client, isc-dhcp-client); '
      + 'whether the installer runs as root or a sudoer is not recorded (guest.sudo): it must');
  });

  test('is unknown for Python 2 without a minor version, or a version without a number', () => {
    expect(judge({ ...READY, pythonVersion: '2' }).message).toBe(
      'Python 2 does not say which 2.x (guest.pythonVersion): the installer needs Python 2.4 or later 2.x, or any 3.x');
    expect(judge({ ...READY, pythonVersion: 'yes' }).message).toBe(
      'Python version yes is not a version number (guest.pythonVersion): the installer needs Python 2.4 or later 2.x, or any 3.x');
  });

  test('is n/a for agentless replication, on Windows and on family other', () => {
    expect(judge({}, { mgn: { replication: { method: 'agentless' } } }).outcome).toBe(Outcome.NOT_APPLICABLE);
    expect(linuxInstallerBasics(mgnVmContext({ os: { family: 'windows', name: 'windows-server', version: '2019' } })).outcome)
      .toBe(Outcome.NOT_APPLICABLE);
    expect(linuxInstallerBasics(mgnVmContext({ os: { family: 'other', name: 'freebsd' } })).outcome).toBe(Outcome.NOT_APPLICABLE);
  });

  test('is n/a when the plan defaults every VM to agentless', () => {
    const ctx = mgnVmContext({ os: RHEL, guest: {} }, { plan: { defaults: { mgn: { replication: { method: 'agentless' } } } } });
    expect(linuxInstallerBasics(ctx).outcome).toBe(Outcome.NOT_APPLICABLE);
  });

  test('is unknown naming os.family when the family cannot be told', () => {
    const result = linuxInstallerBasics(mgnVmContext({ os: { name: 'solaris' }, guest: READY }));
    expect(result.outcome).toBe(Outcome.UNKNOWN);
    expect(result.message).toMatch(/os\.family/);
  });

  test('runs through the whole pack', () => {
    // GIVEN an MGN plan with a Linux VM lacking sudo
    const plan = { version: 1, target: 'mgn', vms: [{ name: 'web-01', hypervisor: 'vmware', os: RHEL, guest: { ...READY, sudo: false } }] };
    // WHEN
    const finding = assessPlan(plan as unknown as Plan, { now: MGN_TEST_NOW }).vms[0].findings.find((f) => f.rule === 'MGN-PREP1');
    // THEN
    expect(finding).toMatchObject({ outcome: 'fail', severity: 'error', message: 'the installer does not run as root or a sudoer (guest.sudo: false): it must' });
  });
});
