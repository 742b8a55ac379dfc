import { Outcome, Severity } from '../../../lib/assessment/rule';
import { Plan } from '../../../lib/plan/model/plan';
import { assessPlan } from '../../../lib/rules';
import { linuxLicense } from '../../../lib/rules/mgn/mgn-lic1-linux-license';
import { MGN_TEST_NOW, mgnVmContext } from '../../helpers/mgn-context';

const RHEL = { family: 'linux', name: 'rhel', version: '8.6' };
const judge = (os: object, licenseType?: string) => linuxLicense(mgnVmContext({ os, ...(licenseType ? { replication: { licenseType } } : {}) }));

describe('MGN-LIC1 Linux is not licensed aws', () => {
  test.each([undefined, 'auto', 'byol'])('passes licenseType %p', (licenseType) => {
    expect(judge(RHEL, licenseType).outcome).toBe(Outcome.PASS);
  });

  test('fails aws, naming the OS and what passes', () => {
    const result = judge(RHEL, 'aws');
    expect(result.outcome).toBe(Outcome.FAIL);
    expect(result.message).toBe('replication.licenseType aws for RHEL 8.6: MGN carries Linux licenses as they are (BYOL), '
      + 'use byol or auto, or acknowledge');
  });

  test('is n/a for Windows and family other', () => {
    expect(judge({ family: 'windows', name: 'windows-server', version: '2019' }, 'aws').outcome).toBe(Outcome.NOT_APPLICABLE);
    expect(judge({ family: 'other', name: 'freebsd' }, 'aws').outcome).toBe(Outcome.NOT_APPLICABLE);
  });

  test('is unknown when the family cannot be told', () => {
    const result = judge({ name: 'solaris' }, 'aws');
    expect(result.outcome).toBe(Outcome.UNKNOWN);
    expect(result.message).toBe('the OS family is not recorded (os.family) and os.name solaris does not say: '
      + 'a Linux VM needs replication.licenseType byol or auto');
  });

  test('is an error that an acknowledgement covers, through the whole pack (defaults.replication too)', () => {
    const plan = { version: 1, target: 'mgn', defaults: { replication: { licenseType: 'aws' } },
      vms: [{ name: 'db-01', hypervisor: 'vmware', os: RHEL, acknowledge: [{ rule: 'MGN-LIC1', reason: 'shared plan' }] }] } as unknown as Plan;
    const finding = assessPlan(plan, { now: MGN_TEST_NOW }).vms[0].findings.find((f) => f.rule === 'MGN-LIC1');
    expect(finding?.severity).toBe(Severity.ERROR);
    expect(finding?.acknowledged).toBe(true);
  });
});
