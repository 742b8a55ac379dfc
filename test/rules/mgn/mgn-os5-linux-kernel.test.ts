import { linuxKernel } from '../../../lib/rules/mgn/mgn-os5-linux-kernel';
import { Outcome } from '../../../lib/assessment/rule';
import { assessPlan } from '../../../lib/rules';
import { Plan } from '../../../lib/plan/model/plan';
import { MGN_TEST_NOW, mgnVmContext } from '../../helpers/mgn-context';

const NEEDED = 'MGN needs kernel 2.6.18-164 or later, not 4.9.256, and major 3 or later on Debian';

describe('MGN-OS5 Linux kernel', () => {
  const judge = (os: object) => linuxKernel(mgnVmContext({ os }));
  const rhel = (kernel?: string) => judge({ family: 'linux', name: 'rhel', version: '7.9', kernel });

  test.each(['2.6.18-164.el5', '2.6.18-194', '2.6.32', '3.10.0-1160.el7.x86_64', '4.9.255', '4.9.257', '5.14.0-427.el9'])(
    'passes kernel %s', (kernel) => {
      expect(rhel(kernel).outcome).toBe(Outcome.PASS);
    });

  test('fails a kernel before 2.6.18-164, at the boundary too', () => {
    // GIVEN a kernel one release before the minimum
    const result = rhel('2.6.18-163.el5');
    // THEN it fails, naming os.kernel and the minimum
    expect(result.outcome).toBe(Outcome.FAIL);
    expect(result.message).toBe('RHEL 7.9 runs kernel 2.6.18-163.el5 (os.kernel): MGN needs 2.6.18-164 or later');
    expect(rhel('2.6.18').outcome).toBe(Outcome.FAIL);
    expect(rhel('2.4.21-4').outcome).toBe(Outcome.FAIL);
  });

  test('fails 4.9.256 with any suffix', () => {
    expect(rhel('4.9.256').message)
      .toBe('RHEL 7.9 runs kernel 4.9.256 (os.kernel): the MGN agent fails to install on 4.9.256; boot another kernel');
    expect(rhel('4.9.256-1.el7').outcome).toBe(Outcome.FAIL);
    expect(rhel('4.9.256.custom').outcome).toBe(Outcome.FAIL);
  });

  test('fails Debian below kernel major 3', () => {
    const result = judge({ family: 'linux', name: 'debian', version: '10', kernel: '2.6.32-5-amd64' });
    expect(result.outcome).toBe(Outcome.FAIL);
    expect(result.message).toBe('Debian 10 runs kernel 2.6.32-5-amd64 (os.kernel): MGN needs kernel major 3 or later on Debian');
    expect(judge({ family: 'linux', name: 'debian', version: '10', kernel: '4.19.0-27-amd64' }).outcome).toBe(Outcome.PASS);
  });

  test('judges a Linux distribution outside the matrix too', () => {
    expect(judge({ family: 'linux', name: 'fedora', kernel: '2.6.9' }).outcome).toBe(Outcome.FAIL);
  });

  test('is unknown when os.kernel is missing', () => {
    const result = rhel();
    expect(result.outcome).toBe(Outcome.UNKNOWN);
    expect(result.message).toBe(`the kernel of RHEL 7.9 is not recorded (os.kernel): ${NEEDED}`);
  });

  test('is unknown when os.kernel does not start with A.B', () => {
    const result = rhel('el7-latest');
    expect(result.outcome).toBe(Outcome.UNKNOWN);
    expect(result.message).toBe(`os.kernel el7-latest of RHEL 7.9 does not start with a release A.B (such as 3.10.0-1160): ${NEEDED}`);
  });

  test('is n/a for Windows and family other, and unknown when the family cannot be told', () => {
    expect(judge({ family: 'windows', name: 'windows-server', version: '2019' }).outcome).toBe(Outcome.NOT_APPLICABLE);
    expect(judge({ family: 'other', name: 'freebsd', kernel: '13.2' }).outcome).toBe(Outcome.NOT_APPLICABLE);
    expect(judge({ kernel: '5.4.0' }).message).toMatch(/os\.family/);
  });

  test('runs in the pack even after MGN-OS1 fails', () => {
    const plan = {
      version: 1, target: 'mgn',
      vms: [{ name: 'f', hypervisor: 'vmware', os: { family: 'linux', name: 'fedora', version: '39', kernel: '4.9.256-x' } }],
    };
    const findings = assessPlan(plan as Plan, { now: MGN_TEST_NOW }).vms[0].findings;
    expect(findings.find((f) => f.rule === 'MGN-OS1')).toBeDefined();
    expect(findings.find((f) => f.rule === 'MGN-OS5')?.message).toMatch(/^Fedora Server 39 runs kernel 4\.9\.256-x \(os\.kernel\)/);
  });
});
