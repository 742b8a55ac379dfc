import { Outcome, Severity } from '../../../lib/assessment/rule';
import { Plan } from '../../../lib/plan/model/plan';
import { assessPlan } from '../../../lib/rules';
import { dedicatedHost } from '../../../lib/rules/mgn/mgn-lic7-dedicated-host';
import { MGN_TEST_NOW, mgnVmContext } from '../../helpers/mgn-context';

const SERVER = { family: 'windows', name: 'windows-server', version: '2019' };
const CLIENT = { family: 'windows', name: 'windows-client', version: '11' };
const REQUIREMENT = 'a Windows VM licensed BYOL launches on a Dedicated Host (launch.tenancy host)';
const judge = (os: object, licenseType: string | undefined, launch: object) => dedicatedHost(mgnVmContext({ os,
  ...(licenseType ? { replication: { licenseType } } : {}), mgn: { launch } }));

describe('MGN-LIC7 BYOL Windows launches on a Dedicated Host', () => {
  test('passes host tenancy (the table\'s) with a host or a host resource group', () => {
    expect(judge(SERVER, 'byol', { hostId: 'h-0123456789abcdef0' }).outcome).toBe(Outcome.PASS);
    expect(judge(CLIENT, undefined, { tenancy: 'host', hostResourceGroupArn: 'arn:aws:resource-groups:eu-west-1:123456789012:group/hosts' })
      .outcome).toBe(Outcome.PASS);
  });

  test.each(['default', 'dedicated'])('fails launch.tenancy %s', (tenancy) => {
    const result = judge(SERVER, 'byol', { tenancy, hostId: 'h-0123456789abcdef0' });
    expect(result.outcome).toBe(Outcome.FAIL);
    expect(result.severity).toBeUndefined();
    expect(result.message).toBe(`Windows Server 2019 with replication.licenseType byol has launch.tenancy ${tenancy}: ${REQUIREMENT}; `
      + 'set launch.tenancy host, or license it with replication.licenseType aws');
  });

  test('fails a Windows client on shared tenancy without offering aws', () => {
    expect(judge(CLIENT, 'auto', { tenancy: 'default' }).message).toBe('Windows 11 with replication.licenseType auto (resolved '
      + `to BYOL) has launch.tenancy default: ${REQUIREMENT}; set launch.tenancy host`);
  });

  test('warns on host tenancy without a host or host resource group', () => {
    const result = judge(SERVER, 'byol', {});
    expect(result.outcome).toBe(Outcome.FAIL);
    expect(result.severity).toBe(Severity.WARNING);
    expect(result.message).toBe('Windows Server 2019 with replication.licenseType byol launches on tenancy host, but neither '
      + 'launch.hostId nor launch.hostResourceGroupArn is set: EC2 must find a Dedicated Host with auto-placement and room, '
      + 'or the launch fails');
  });

  test('is n/a for license included, Linux and family other', () => {
    expect(judge(SERVER, 'auto', { tenancy: 'default' }).outcome).toBe(Outcome.NOT_APPLICABLE);
    expect(judge({ family: 'linux', name: 'rhel', version: '8.6' }, 'byol', {}).outcome).toBe(Outcome.NOT_APPLICABLE);
    expect(judge({ family: 'other' }, 'byol', {}).outcome).toBe(Outcome.NOT_APPLICABLE);
  });

  test('is unknown when the family cannot be told', () => {
    const result = judge({ name: 'solaris' }, 'byol', {});
    expect(result.outcome).toBe(Outcome.UNKNOWN);
    expect(result.message).toBe(`the OS family is not recorded (os.family) and os.name solaris does not say: ${REQUIREMENT}`);
  });

  test('through the whole pack: a hard error refuses acknowledgement, its warning band takes one', () => {
    const plan = { version: 1, target: 'mgn', defaults: { replication: { licenseType: 'byol' } }, vms: [
      { name: 'shared', hypervisor: 'vmware', os: SERVER, mgn: { launch: { tenancy: 'default' } },
        acknowledge: [{ rule: 'MGN-LIC7', reason: 'try' }] },
      { name: 'no-host', hypervisor: 'vmware', os: SERVER, acknowledge: [{ rule: 'MGN-LIC7', reason: 'auto-placement on' }] },
    ] } as unknown as Plan;
    const [shared, noHost] = assessPlan(plan, { now: MGN_TEST_NOW }).vms.map((vm) => vm.findings.find((f) => f.rule === 'MGN-LIC7'));
    expect(shared?.severity).toBe(Severity.ERROR);
    expect(shared?.acknowledged).toBe(false);
    expect(noHost?.severity).toBe(Severity.WARNING);
    expect(noHost?.acknowledged).toBe(true);
  });
});
