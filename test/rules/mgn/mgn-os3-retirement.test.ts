import { osRetirement } from '../../../lib/rules/mgn/mgn-os3-retirement';
import { Outcome, Severity } from '../../../lib/assessment/rule';
import { assessPlan } from '../../../lib/rules';
import { Plan } from '../../../lib/plan/model/plan';
import { mgnVmContext } from '../../helpers/mgn-context';

const RHEL_6 = { family: 'linux', name: 'rhel', version: '6.10' };

/** Judges a VM assessed on `today`, in wave `w1` cutting over on `cutover` when given. */
function judge(os: object, today: string, cutover?: string) {
  const plan = cutover !== undefined ? { waves: [{ name: 'w1', cutoverDate: cutover }] } : {};
  const vm = cutover !== undefined ? { os, wave: 'w1' } : { os };
  return osRetirement(mgnVmContext(vm, { plan, now: new Date(`${today}T12:00:00Z`) }));
}

describe('MGN-OS3 retirement', () => {
  test('passes more than 90 days before the retirement date', () => {
    // GIVEN RHEL 6 (retired from 2026-12-30) assessed 91 days before, without a wave
    // WHEN judged
    // THEN it passes
    expect(judge(RHEL_6, '2026-09-30').outcome).toBe(Outcome.PASS);
  });

  test('warns 90 days before the retirement date, naming both dates and the assessment date as the source', () => {
    const result = judge(RHEL_6, '2026-10-01');
    expect(result.outcome).toBe(Outcome.FAIL);
    expect(result.severity).toBe(Severity.WARNING);
    expect(result.message).toBe('RHEL 6.10 leaves MGN\'s support on 2026-12-30, 90 days after the evaluation date 2026-10-01 '
      + '(the assessment date): finish the cutover before then or upgrade the OS');
  });

  test('warns the day before, and fails on the retirement date itself as an error', () => {
    expect(judge(RHEL_6, '2026-12-29').severity).toBe(Severity.WARNING);
    const result = judge(RHEL_6, '2026-12-30');
    expect(result.outcome).toBe(Outcome.FAIL);
    expect(result.severity).toBeUndefined();
    expect(result.message).toBe('RHEL 6.10 leaves MGN\'s support on 2026-12-30, on or before the evaluation date 2026-12-30 '
      + '(the assessment date): upgrade the OS to a supported version');
  });

  test('fails on a later wave cutover, naming the wave', () => {
    // GIVEN an assessment in September but a cutover after the retirement
    const result = judge(RHEL_6, '2026-09-01', '2027-02-13');
    // THEN the cutover is the evaluation date, and moving it is one way out
    expect(result.outcome).toBe(Outcome.FAIL);
    expect(result.severity).toBeUndefined();
    expect(result.message).toBe('RHEL 6.10 leaves MGN\'s support on 2026-12-30, on or before the evaluation date 2027-02-13 '
      + '(the cutoverDate of wave w1): cut over before 2026-12-30 or upgrade the OS');
  });

  test('passes a cutover well before the retirement date', () => {
    expect(judge(RHEL_6, '2026-06-01', '2026-09-15').outcome).toBe(Outcome.PASS);
  });

  test('never lets a past cutover pass a retired OS', () => {
    const result = judge(RHEL_6, '2027-01-04', '2026-06-01');
    expect(result.outcome).toBe(Outcome.FAIL);
    expect(result.message).toBe('RHEL 6.10 leaves MGN\'s support on 2026-12-30, on or before the evaluation date 2027-01-04 '
      + '(the assessment date, after the cutoverDate 2026-06-01 of wave w1): upgrade the OS to a supported version');
  });

  test('says when the cutover is the assessment day', () => {
    expect(judge(RHEL_6, '2026-12-20', '2026-12-20').message).toMatch(/\(the assessment date, also the cutoverDate of wave w1\)/);
  });

  test('judges each row\'s dates: Windows Server 2003 R2, Ubuntu 14.04.6, Amazon Linux 2018.03, CentOS 8.x', () => {
    expect(judge({ name: 'windows-server', version: '2003 R2' }, '2026-02-15').severity).toBeUndefined();
    expect(judge({ name: 'windows-server', version: '2003 R2' }, '2026-02-14').severity).toBe(Severity.WARNING);
    expect(judge({ name: 'ubuntu', version: '14.04.6' }, '2026-12-20').outcome).toBe(Outcome.FAIL);
    expect(judge({ name: 'ubuntu', version: '16.04' }, '2027-06-01').outcome).toBe(Outcome.PASS);
    expect(judge({ name: 'amazon-linux', version: '2018.03' }, '2026-11-20').outcome).toBe(Outcome.FAIL);
    expect(judge({ name: 'centos', version: '8.x' }, '2026-12-30').outcome).toBe(Outcome.FAIL);
    expect(judge({ name: 'windows-server', version: '2012 R2' }, '2030-01-01').outcome).toBe(Outcome.PASS);
  });

  test('passes a distribution without retirements even without a version', () => {
    expect(judge({ family: 'linux', name: 'rocky' }, '2026-12-04').outcome).toBe(Outcome.PASS);
  });

  test('is unknown when the version is missing for a distribution with retirements', () => {
    const result = judge({ family: 'linux', name: 'centos' }, '2026-12-04');
    expect(result.outcome).toBe(Outcome.UNKNOWN);
    expect(result.message).toBe('the CentOS version is not recorded (os.version): MGN retires CentOS 6.x from 2026-08-28, '
      + '7.x from 2026-11-20, 8.x from 2026-12-30');
  });

  test('is unknown for a major with any minor that a retirement covers in part', () => {
    const result = judge({ name: 'sles', version: '11.x' }, '2026-12-04');
    expect(result.outcome).toBe(Outcome.UNKNOWN);
    expect(result.message).toBe('SLES 11.x does not say which minor release it is (os.version): MGN retires SLES 11 SP4 from 2026-08-28');
  });

  test('is unknown when os.name is missing', () => {
    expect(judge({ family: 'linux', version: '6.10' }, '2026-12-04').outcome).toBe(Outcome.UNKNOWN);
  });

  test('is n/a for a version MGN-OS2 fails and a name outside the matrix', () => {
    expect(judge({ name: 'rhel', version: '5.11' }, '2026-12-04').outcome).toBe(Outcome.NOT_APPLICABLE);
    expect(judge({ name: 'fedora', version: '39' }, '2026-12-04').outcome).toBe(Outcome.NOT_APPLICABLE);
  });

  test('runs in the pack: the warning can be acknowledged, the error cannot', () => {
    // GIVEN two RHEL 6 VMs acknowledging MGN-OS3, one cutting over before the retirement and one after
    const ack = [{ rule: 'MGN-OS3', reason: 'cutover planned before the retirement' }];
    const plan = {
      version: 1, target: 'mgn',
      waves: [{ name: 'early', cutoverDate: '2026-12-15' }, { name: 'late', cutoverDate: '2027-01-15' }],
      vms: [
        { name: 'a', hypervisor: 'vmware', wave: 'early', os: RHEL_6, acknowledge: ack },
        { name: 'b', hypervisor: 'vmware', wave: 'late', os: RHEL_6, acknowledge: ack },
      ],
    };
    // WHEN the plan is assessed on 2026-12-04
    const vms = assessPlan(plan as Plan, { now: new Date('2026-12-04T00:00:00Z') }).vms;
    // THEN the early VM's warning is acknowledged and the late VM's error is not
    const early = vms[0].findings.find((f) => f.rule === 'MGN-OS3');
    const late = vms[1].findings.find((f) => f.rule === 'MGN-OS3');
    expect(early?.severity).toBe(Severity.WARNING);
    expect(early?.acknowledged).toBe(true);
    expect(late?.severity).toBe(Severity.ERROR);
    expect(late?.acknowledged).toBe(false);
    expect(late?.message).toMatch(/evaluation date 2027-01-15 \(the cutoverDate of wave late\)/);
  });
});
