import { Outcome, Severity } from '../../../lib/assessment/rule';
import { Plan } from '../../../lib/plan/model/plan';
import { assessPlan } from '../../../lib/rules';
import { linuxPackages } from '../../../lib/rules/mgn/mgn-prep4-linux-packages';
import { MGN_TEST_NOW, mgnVmContext } from '../../helpers/mgn-context';

const TOOLS = { make: '4.2.1-11', gcc: '8.5.0-4', perl: '5.26.3-422', tar: '1.30-5', gawk: '4.2.1-4', rpm: '4.14.3-19' };
const LIBELF = { 'elfutils-libelf-devel': '0.186-1.el8' };

describe('MGN-PREP4 Linux packages', () => {
  const judge = (name: string, version: string | undefined, guest: object, extra: object = {}) =>
    linuxPackages(mgnVmContext({ os: { family: 'linux', name, version }, guest, ...extra }));

  test('passes Rocky 8 with elfutils-libelf-devel and the tools', () => {
    expect(judge('rocky', '8.6', { packages: { ...TOOLS, ...LIBELF } }).outcome).toBe(Outcome.PASS);
  });

  test('passes Ubuntu with the tools: no distribution-specific package', () => {
    expect(judge('ubuntu', '22.04', { packages: TOOLS }).outcome).toBe(Outcome.PASS);
  });

  test('fails Rocky 8 without elfutils-libelf-devel as an error', () => {
    const result = judge('rocky', '8.6', { packages: TOOLS });
    expect(result.outcome).toBe(Outcome.FAIL);
    expect(result.severity).toBeUndefined();
    expect(result.message).toBe('Rocky Linux 8.6 lacks elfutils-libelf-devel (guest.packages): the installer cannot build the agent\'s '
      + 'driver without it; install it');
  });

  test.each([['rhel', 'RHEL'], ['centos', 'CentOS'], ['oracle-linux', 'Oracle Linux']])('warns for %s 8 without elfutils-libelf-devel', (name, label) => {
    const result = judge(name, '8.4', { packages: TOOLS });
    expect(result.outcome).toBe(Outcome.FAIL);
    expect(result.severity).toBe(Severity.WARNING);
    expect(result.message).toBe(`${label} 8.4 lacks elfutils-libelf-devel (guest.packages): install it before the agent`);
  });

  test('does not ask for elfutils-libelf-devel on 7.x or 9.x', () => {
    expect(judge('rocky', '9.3', { packages: TOOLS }).outcome).toBe(Outcome.PASS);
    expect(judge('rhel', '7.9', { packages: TOOLS }).outcome).toBe(Outcome.PASS);
  });

  test('warns about missing tools, listing them', () => {
    const result = judge('debian', '12', { packages: { make: '4.3-4', tar: '1.34' } });
    expect(result.severity).toBe(Severity.WARNING);
    expect(result.message).toBe('gcc, perl, gawk, rpm are not installed (guest.packages): the installer then installs them from the '
      + 'distribution\'s repositories, which must be reachable; or install them first');
  });

  test('warns about RHEL 9.0-9.4 with LVM and an old lvm2, comparing numerically', () => {
    const result = judge('rhel', '9.2', { lvm: true, packages: { ...TOOLS, lvm2: '2.03.9-5.el9' } });
    expect(result.severity).toBe(Severity.WARNING);
    expect(result.message).toBe('RHEL 9.2 uses LVM (guest.lvm: true) with lvm2 2.03.9-5.el9 (guest.packages.lvm2): update lvm2 to 2.03.23-1 or later');
    expect(judge('oracle-linux', '9.4', { lvm: true, packages: { ...TOOLS, lvm2: '8:2.03.23-1.el9' } }).outcome).toBe(Outcome.PASS);
    expect(judge('rhel', '9.0', { lvm: true, packages: { ...TOOLS, lvm2: '2.03.24-2' } }).outcome).toBe(Outcome.PASS);
  });

  test('warns about LVM without lvm2 recorded', () => {
    const result = judge('rhel', '9.1', { lvm: true, packages: TOOLS });
    expect(result.severity).toBe(Severity.WARNING);
    expect(result.message).toBe('RHEL 9.1 uses LVM (guest.lvm: true) but lvm2 is not recorded as installed (guest.packages): '
      + 'install lvm2 2.03.23-1 or later');
  });

  test('leaves lvm2 alone without LVM, from 9.5, and off RHEL and Oracle Linux', () => {
    expect(judge('rhel', '9.2', { lvm: false, packages: { ...TOOLS, lvm2: '2.03.9-5' } }).outcome).toBe(Outcome.PASS);
    expect(judge('rhel', '9.5', { lvm: true, packages: { ...TOOLS, lvm2: '2.03.9-5' } }).outcome).toBe(Outcome.PASS);
    expect(judge('rocky', '9.2', { lvm: true, packages: { ...TOOLS, lvm2: '2.03.9-5' } }).outcome).toBe(Outcome.PASS);
  });

  test('reports at the highest severity and lists every issue', () => {
    // GIVEN Rocky 8 without elfutils-libelf-devel (error) and without gawk (warning)
    const withoutGawk: Record<string, string> = { ...TOOLS };
    delete withoutGawk.gawk;
    const result = judge('rocky', '8.8', { packages: withoutGawk });
    // THEN one error naming both
    expect(result.outcome).toBe(Outcome.FAIL);
    expect(result.severity).toBeUndefined();
    expect(result.message).toBe('gawk is not installed (guest.packages): the installer then installs it from the distribution\'s '
      + 'repositories, which must be reachable; or install it first; Rocky Linux 8.8 lacks elfutils-libelf-devel (guest.packages): '
      + 'the installer cannot build the agent\'s driver without it; install it');
  });

  test('is unknown when guest.packages is missing', () => {
    const result = judge('ubuntu', '22.04', {});
    expect(result.outcome).toBe(Outcome.UNKNOWN);
    expect(result.message).toMatch(
      /^the installed packages are not recorded \(guest\.packages\): the MGN agent installer needs make gcc perl tar gawk rpm/);
  });

  test('is unknown when the release or the use of LVM is not recorded', () => {
    expect(judge('rhel', undefined, { packages: TOOLS }).message).toBe('the release of RHEL is not recorded as a number (os.version): '
      + '8.x needs elfutils-libelf-devel, 9.0-9.4 with LVM needs lvm2 2.03.23-1 or later');
    expect(judge('rhel', '9', { packages: TOOLS }).message).toBe('RHEL 9 does not say which 9.x (os.version): '
      + 'on 9.0-9.4 with LVM, lvm2 must be 2.03.23-1 or later');
    expect(judge('oracle-linux', '9.3', { packages: TOOLS }).message).toBe('whether Oracle Linux 9.3 uses LVM is not recorded (guest.lvm): '
      + 'on 9.0-9.4 with LVM, lvm2 must be 2.03.23-1 or later');
    expect(judge('rhel', '9.3', { lvm: true, packages: { ...TOOLS, lvm2: 'unknown' } }).message).toBe(
      'lvm2 version unknown is not a version number (guest.packages.lvm2): on 9.0-9.4 with LVM, lvm2 must be 2.03.23-1 or later');
  });

  test('is unknown when the distribution is not recorded', () => {
    const result = linuxPackages(mgnVmContext({ os: { family: 'linux' }, guest: { packages: TOOLS } }));
    expect(result.outcome).toBe(Outcome.UNKNOWN);
    expect(result.message).toMatch(/^the distribution is not recorded \(os\.name\): /);
  });

  test('a warning names what it could not judge, which might raise it', () => {
    const result = judge('rocky', undefined, { packages: { make: '4.2' } });
    expect(result.severity).toBe(Severity.WARNING);
    expect(result.message).toMatch(
      /; not judged: the release of Rocky Linux is not recorded as a number \(os\.version\): 8\.x needs elfutils-libelf-devel$/);
  });

  test('is n/a for agentless replication and off Linux', () => {
    expect(judge('rocky', '8.6', {}, { mgn: { replication: { method: 'agentless' } } }).outcome).toBe(Outcome.NOT_APPLICABLE);
    expect(linuxPackages(mgnVmContext({ os: { family: 'windows' } })).outcome).toBe(Outcome.NOT_APPLICABLE);
  });

  test('runs through the whole pack at the warning band', () => {
    const vm = { name: 'db-01', hypervisor: 'vmware', os: { family: 'linux', name: 'rhel', version: '8.6' }, guest: { packages: TOOLS } };
    const plan = { version: 1, target: 'mgn', vms: [vm] };
    const finding = assessPlan(plan as unknown as Plan, { now: MGN_TEST_NOW }).vms[0].findings.find((f) => f.rule === 'MGN-PREP4');
    expect(finding).toMatchObject({
      outcome: 'fail', severity: 'warning', message: 'RHEL 8.6 lacks elfutils-libelf-devel (guest.packages): install it before the agent',
    });
  });
});
