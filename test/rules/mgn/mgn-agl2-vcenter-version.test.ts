import { Outcome } from '../../../lib/assessment/rule';
import { assessPlan } from '../../../lib/rules';
import { agentlessVcenterVersion } from '../../../lib/rules/mgn/mgn-agl2-vcenter-version';
import { Plan } from '../../../lib/plan/model/plan';
import { MGN_TEST_NOW, mgnConnectorContext } from '../../helpers/mgn-context';

const SUPPORTED = 'supported: vCenter 6.7, 7.0 or 8.0 (any update)';

/** A plan in which one agentless VM names connector c-1. */
const SERVED = { vms: [{ name: 'vm-1', hypervisor: 'vmware', connector: 'c-1', mgn: { replication: { method: 'agentless' } } }] };

describe('MGN-AGL2 vCenter version of a vCenter Client', () => {
  const judge = (vcenterVersion?: string) => agentlessVcenterVersion(mgnConnectorContext({ vcenterVersion }, { plan: SERVED }));

  test.each(['6.7', '7.0', '8.0', '7.0.3', '7.0 U3', '8.0 U2', '6.7.0', '7', '8'])('passes vCenter %s', (version) => {
    expect(judge(version).outcome).toBe(Outcome.PASS);
  });

  test.each(['6.5', '6.0', '5.5', '9.0', '6.8', '5', '9'])('fails vCenter %s, naming it and what passes', (version) => {
    // GIVEN / WHEN
    const result = judge(version);
    // THEN
    expect(result.outcome).toBe(Outcome.FAIL);
    expect(result.message).toBe(`vCenter ${version} is not supported by the vCenter Client (vcenterVersion; ${SUPPORTED})`);
  });

  test('is unknown when the version is not recorded', () => {
    // GIVEN / WHEN
    const result = judge(undefined);
    // THEN
    expect(result.outcome).toBe(Outcome.UNKNOWN);
    expect(result.message).toBe(`the vCenter version is not recorded (vcenterVersion; ${SUPPORTED})`);
  });

  test('is unknown for a bare 6, whose releases differ, and for text without a number', () => {
    expect(judge('6').message).toBe(`vCenter 6 does not say which minor release (vcenterVersion, such as 6.7; ${SUPPORTED})`);
    expect(judge('6').outcome).toBe(Outcome.UNKNOWN);
    expect(judge('latest').message).toBe(`vcenterVersion "latest" holds no version number (${SUPPORTED})`);
  });

  test('is n/a for a connector serving no agentless VM, or one that is not vmware', () => {
    // GIVEN a connector whose only VM is agent-based
    const agentOnly = { vms: [{ name: 'vm-1', hypervisor: 'vmware', connector: 'c-1' }] };
    // WHEN / THEN
    expect(agentlessVcenterVersion(mgnConnectorContext({ vcenterVersion: '6.0' }, { plan: agentOnly })).outcome).toBe(Outcome.NOT_APPLICABLE);
    expect(agentlessVcenterVersion(mgnConnectorContext({ hypervisor: 'hyperv' }, { plan: SERVED })).outcome).toBe(Outcome.NOT_APPLICABLE);
  });

  test('through the pack: reported under connectors, for the client serving agentless VMs only', () => {
    // GIVEN two vCenter 6.5 connectors, one serving an agentless VM
    const plan = {
      version: 1, target: 'mgn',
      connectors: [{ name: 'c-1', hypervisor: 'vmware', vcenterVersion: '6.5' }, { name: 'c-2', hypervisor: 'vmware', vcenterVersion: '6.5' }],
      vms: [...SERVED.vms, { name: 'vm-2', hypervisor: 'vmware', connector: 'c-2' }],
    } as unknown as Plan;
    // WHEN
    const assessment = assessPlan(plan, { now: MGN_TEST_NOW });
    // THEN
    const find = (name: string) => assessment.connectors.find((c) => c.name === name)!.findings.find((f) => f.rule === 'MGN-AGL2');
    expect(find('c-1')).toMatchObject({ outcome: 'fail', severity: 'error', message: expect.stringMatching(/^vCenter 6\.5 is not supported/) });
    expect(find('c-2')).toBeUndefined();
  });
});
