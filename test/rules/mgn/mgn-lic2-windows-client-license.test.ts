import { Outcome, Severity } from '../../../lib/assessment/rule';
import { Plan } from '../../../lib/plan/model/plan';
import { assessPlan } from '../../../lib/rules';
import { windowsClientLicense } from '../../../lib/rules/mgn/mgn-lic2-windows-client-license';
import { MGN_TEST_NOW, mgnVmContext } from '../../helpers/mgn-context';

const CLIENT = { family: 'windows', name: 'windows-client', version: '10' };
const judge = (os: object, licenseType?: string) => windowsClientLicense(mgnVmContext({ os,
  ...(licenseType ? { replication: { licenseType } } : {}) }));

describe('MGN-LIC2 a Windows client is not licensed aws', () => {
  test.each([undefined, 'auto', 'byol'])('passes licenseType %p', (licenseType) => {
    expect(judge(CLIENT, licenseType).outcome).toBe(Outcome.PASS);
  });

  test('fails aws', () => {
    const result = judge(CLIENT, 'aws');
    expect(result.outcome).toBe(Outcome.FAIL);
    expect(result.message).toBe('replication.licenseType aws is not available for Windows 10: Windows client editions are BYOL only '
      + '(use byol or auto)');
  });

  test('is n/a for Windows Server, and for Windows without a name (licensed as a server)', () => {
    expect(judge({ family: 'windows', name: 'windows-server', version: '2019' }, 'aws').outcome).toBe(Outcome.NOT_APPLICABLE);
    expect(judge({ family: 'windows' }, 'aws').outcome).toBe(Outcome.NOT_APPLICABLE);
  });

  test('is n/a for Linux and family other', () => {
    expect(judge({ family: 'linux', name: 'ubuntu', version: '22.04' }, 'aws').outcome).toBe(Outcome.NOT_APPLICABLE);
    expect(judge({ family: 'other' }, 'aws').outcome).toBe(Outcome.NOT_APPLICABLE);
  });

  test('is unknown when the family cannot be told', () => {
    const result = judge({}, 'aws');
    expect(result.outcome).toBe(Outcome.UNKNOWN);
    expect(result.message).toBe('the OS family is not recorded (os.family) and os.name is not recorded either: '
      + 'a Windows client VM needs replication.licenseType byol or auto');
  });

  test('is a hard error an acknowledgement cannot cover, through the whole pack', () => {
    const plan = { version: 1, target: 'mgn', vms: [{ name: 'desk-01', hypervisor: 'vmware', os: CLIENT,
      replication: { licenseType: 'aws' }, acknowledge: [{ rule: 'MGN-LIC2', reason: 'try' }] }] } as unknown as Plan;
    const finding = assessPlan(plan, { now: MGN_TEST_NOW }).vms[0].findings.find((f) => f.rule === 'MGN-LIC2');
    expect(finding?.severity).toBe(Severity.ERROR);
    expect(finding?.acknowledged).toBe(false);
  });
});
