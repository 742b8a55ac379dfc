import { Outcome, Severity } from '../../../lib/assessment/rule';
import { Plan } from '../../../lib/plan/model/plan';
import { assessPlan } from '../../../lib/rules';
import { redhatCloudAccess } from '../../../lib/rules/mgn/mgn-lic4-redhat-cloud-access';
import { MGN_TEST_NOW, mgnVmContext } from '../../helpers/mgn-context';

const RHEL = { family: 'linux', name: 'rhel', version: '9.2' };
const judge = (os: object, attestations?: string[]) => redhatCloudAccess(mgnVmContext({ os,
  ...(attestations ? { replication: { attestations } } : {}) }));

describe('MGN-LIC4 RHEL attests Red Hat Cloud Access', () => {
  test('passes with redhat-cloud-access', () => {
    expect(judge(RHEL, ['redhat-cloud-access']).outcome).toBe(Outcome.PASS);
  });

  test('fails without it', () => {
    const result = judge(RHEL, ['suse-byos']);
    expect(result.outcome).toBe(Outcome.FAIL);
    expect(result.message).toBe('RHEL 9.2 must use Red Hat Cloud Access (BYOL) licenses: replication.attestations lacks '
      + 'redhat-cloud-access (attested: suse-byos)');
  });

  test('is n/a for other distributions, Windows and family other', () => {
    expect(judge({ family: 'linux', name: 'rocky', version: '9.2' }).outcome).toBe(Outcome.NOT_APPLICABLE);
    expect(judge({ family: 'windows', name: 'windows-server', version: '2019' }).outcome).toBe(Outcome.NOT_APPLICABLE);
    expect(judge({ family: 'other' }).outcome).toBe(Outcome.NOT_APPLICABLE);
  });

  test('is unknown when a Linux VM\'s distribution is not recorded', () => {
    const result = judge({ family: 'linux' });
    expect(result.outcome).toBe(Outcome.UNKNOWN);
    expect(result.message).toBe('the Linux distribution is not recorded (os.name): RHEL VMs need attestation redhat-cloud-access '
      + 'in replication.attestations');
  });

  test('reports a warning through the whole pack, covered by an SMS-LIC4 acknowledgement', () => {
    const plan = { version: 1, target: 'mgn', vms: [{ name: 'db-01', hypervisor: 'vmware', os: RHEL,
      acknowledge: [{ rule: 'SMS-LIC4', reason: 'enrolment pending' }] }] } as unknown as Plan;
    const finding = assessPlan(plan, { now: MGN_TEST_NOW }).vms[0].findings.find((f) => f.rule === 'MGN-LIC4');
    expect(finding?.severity).toBe(Severity.WARNING);
    expect(finding?.message).toMatch(/^RHEL 9\.2 must use Red Hat Cloud Access/);
    expect(finding?.acknowledged).toBe(true);
  });
});
