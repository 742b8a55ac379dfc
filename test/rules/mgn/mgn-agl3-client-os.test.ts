import { Outcome } from '../../../lib/assessment/rule';
import { assessPlan } from '../../../lib/rules';
import { vcenterClientOs } from '../../../lib/rules/mgn/mgn-agl3-client-os';
import { Plan } from '../../../lib/plan/model/plan';
import { MGN_TEST_NOW, mgnConnectorContext } from '../../helpers/mgn-context';

const SUPPORTED = 'supported: Ubuntu 18.04-22.04, Amazon Linux 2 or RHEL 8.x';

/** A plan in which one agentless VM names connector c-1. */
const SERVED = { vms: [{ name: 'vm-1', hypervisor: 'vmware', connector: 'c-1', mgn: { replication: { method: 'agentless' } } }] };

describe('MGN-AGL3 the vCenter Client VM\'s OS', () => {
  const judge = (clientOs?: object) => vcenterClientOs(mgnConnectorContext({ clientOs }, { plan: SERVED }));

  test.each([
    ['ubuntu', '18.04'], ['ubuntu', '20.04.6'], ['ubuntu', '21.10'], ['Ubuntu', '22.04'],
    ['amazon-linux', '2'], ['Amazon Linux', '2'], ['rhel', '8.10'], ['Red Hat Enterprise Linux', '8'], ['rhel', '8.x'],
  ])('passes %s %s', (name, version) => {
    expect(judge({ name, version }).outcome).toBe(Outcome.PASS);
  });

  test.each([
    ['ubuntu', '16.04', 'Ubuntu 16.04'], ['ubuntu', '24.04', 'Ubuntu 24.04'], ['ubuntu', '22.10', 'Ubuntu 22.10'],
    ['amazon-linux', '2023', 'Amazon Linux 2023'], ['amazon-linux', '2018.03', 'Amazon Linux 2018.03'],
    ['rhel', '9.2', 'RHEL 9.2'], ['rhel', '7.9', 'RHEL 7.9'], ['centos', '8.5', 'CentOS 8.5'], ['windows-server', '2019', 'Windows Server 2019'],
  ])('fails %s %s, naming it and what passes', (name, version, described) => {
    // GIVEN / WHEN
    const result = judge({ name, version });
    // THEN
    expect(result.outcome).toBe(Outcome.FAIL);
    expect(result.message).toBe(`the vCenter Client runs ${described} (clientOs): ${SUPPORTED}`);
  });

  test('fails an unsupported distribution without looking for its version', () => {
    expect(judge({ name: 'debian' }).message).toBe(`the vCenter Client runs Debian (clientOs): ${SUPPORTED}`);
  });

  test('is unknown when clientOs or its name is not recorded', () => {
    // GIVEN / WHEN
    const result = judge(undefined);
    // THEN
    expect(result.outcome).toBe(Outcome.UNKNOWN);
    expect(result.message).toBe(`the vCenter Client's OS is not recorded (clientOs.name; ${SUPPORTED})`);
    expect(judge({ version: '22.04' }).outcome).toBe(Outcome.UNKNOWN);
  });

  test('is unknown without a version, or with one that does not say the release', () => {
    expect(judge({ name: 'ubuntu' }).message).toBe(`the version of the vCenter Client's Ubuntu is not recorded (clientOs.version; ${SUPPORTED})`);
    expect(judge({ name: 'ubuntu', version: '22' }).message).toBe(`Ubuntu 22 does not say which release (clientOs.version, such as 22.04; ${SUPPORTED})`);
    expect(judge({ name: 'rhel', version: 'eight' }).message).toBe(`clientOs.version "eight" holds no version number (${SUPPORTED})`);
    expect(judge({ name: 'rhel', version: 'eight' }).outcome).toBe(Outcome.UNKNOWN);
  });

  test('is n/a for a connector serving no agentless VM', () => {
    expect(vcenterClientOs(mgnConnectorContext({ clientOs: { name: 'debian', version: '12' } })).outcome).toBe(Outcome.NOT_APPLICABLE);
  });

  test('through the pack: an unknown client OS is reported under the connector', () => {
    // GIVEN
    const plan = { version: 1, target: 'mgn', connectors: [{ name: 'c-1', hypervisor: 'vmware' }], vms: SERVED.vms } as unknown as Plan;
    // WHEN
    const assessment = assessPlan(plan, { now: MGN_TEST_NOW });
    // THEN
    const finding = assessment.connectors[0].findings.find((f) => f.rule === 'MGN-AGL3');
    expect(finding).toMatchObject({ outcome: 'unknown', message: `the vCenter Client's OS is not recorded (clientOs.name; ${SUPPORTED})` });
  });
});
