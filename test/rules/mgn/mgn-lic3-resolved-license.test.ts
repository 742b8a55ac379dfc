import { Outcome, Severity } from '../../../lib/assessment/rule';
import { Plan } from '../../../lib/plan/model/plan';
import { assessPlan } from '../../../lib/rules';
import { resolvedLicense } from '../../../lib/rules/mgn/mgn-lic3-resolved-license';
import { MGN_TEST_NOW, mgnVmContext } from '../../helpers/mgn-context';

const SERVER = { family: 'windows', name: 'windows-server', version: '2019' };
const judge = (os: object, licenseType?: string, launch: object = {}) => resolvedLicense(mgnVmContext({ os,
  ...(licenseType ? { replication: { licenseType } } : {}), mgn: { launch } }));

describe('MGN-LIC3 resolved license and tenancy (info)', () => {
  test('reports Windows Server under auto as license included on default tenancy', () => {
    const result = judge(SERVER);
    expect(result.outcome).toBe(Outcome.FAIL);
    expect(result.message).toBe('Windows Server 2019 with replication.licenseType auto launches license included (osByol false), '
      + 'tenancy default');
  });

  test('reports Windows Server under byol as BYOL on a Dedicated Host', () => {
    expect(judge(SERVER, 'byol').message).toBe('Windows Server 2019 with replication.licenseType byol launches BYOL (osByol true), '
      + 'tenancy host');
  });

  test('reports a written tenancy with the table\'s', () => {
    expect(judge(SERVER, 'byol', { tenancy: 'dedicated' }).message).toBe('Windows Server 2019 with replication.licenseType byol '
      + 'launches BYOL (osByol true), tenancy dedicated from launch.tenancy (the table\'s: host)');
  });

  test('reports Windows client and Linux as BYOL', () => {
    expect(judge({ family: 'windows', name: 'windows-client', version: '11' }).message)
      .toBe('Windows 11 with replication.licenseType auto launches BYOL (osByol true), tenancy host');
    expect(judge({ family: 'linux', name: 'ubuntu', version: '22.04' }, 'aws').message)
      .toBe('Ubuntu 22.04 with replication.licenseType aws launches BYOL (osByol true), tenancy default');
  });

  test('is n/a for family other', () => {
    expect(judge({ family: 'other', name: 'freebsd' }).outcome).toBe(Outcome.NOT_APPLICABLE);
  });

  test('is unknown when the family cannot be told', () => {
    const result = judge({ name: 'solaris' });
    expect(result.outcome).toBe(Outcome.UNKNOWN);
    expect(result.message).toBe('the OS family is not recorded (os.family) and os.name solaris does not say: '
      + 'each Linux or Windows VM launches license included or BYOL, on a tenancy');
  });

  test('reports an info finding through the whole pack', () => {
    const plan = { version: 1, target: 'mgn', vms: [{ name: 'app-01', hypervisor: 'vmware', os: SERVER }] } as unknown as Plan;
    const vm = assessPlan(plan, { now: MGN_TEST_NOW }).vms[0];
    const finding = vm.findings.find((f) => f.rule === 'MGN-LIC3');
    expect(finding?.severity).toBe(Severity.INFO);
    expect(finding?.message).toMatch(/launches license included \(osByol false\), tenancy default$/);
  });
});
