import { Outcome, Severity } from '../../../lib/assessment/rule';
import { Plan } from '../../../lib/plan/model/plan';
import { assessPlan } from '../../../lib/rules';
import { publicIpv4 } from '../../../lib/rules/mgn/mgn-net5-public-ipv4';
import { MGN_TEST_NOW, mgnVmContext } from '../../helpers/mgn-context';

const WINDOWS = { family: 'windows', name: 'windows-server', version: '2022' };
const WITH = 'the instance gets a new public IPv4 from EC2 (launch.associatePublicIp true)';
const WITHOUT = 'the instance gets no public IPv4 (launch.associatePublicIp false): it is reached at private addresses only';

describe('MGN-NET5 public IPv4 only with associatePublicIp (info)', () => {
  test('says there is no public IPv4 by default', () => {
    // GIVEN a VM with private addresses and associatePublicIp not written
    const result = publicIpv4(mgnVmContext({ os: WINDOWS, nics: [{ ipv4: ['10.0.0.5'] }] }));
    // THEN the reminder says which applies
    expect(result.outcome).toBe(Outcome.FAIL);
    expect(result.message).toBe(WITHOUT);
  });

  test('says the instance gets one with associatePublicIp', () => {
    const result = publicIpv4(mgnVmContext({ os: WINDOWS }, { plan: { defaults: { mgn: { launch: { associatePublicIp: true } } } } }));
    expect(result.outcome).toBe(Outcome.FAIL);
    expect(result.message).toBe(WITH);
  });

  test('names the source\'s public addresses, which are not carried over', () => {
    const ctx = mgnVmContext({ os: WINDOWS, nics: [{ ipv4: ['10.0.0.5'] }, { ipv4: ['192.168.1.5', '203.0.113.9'] }, { ipv4: ['8.8.8.8'] }],
      mgn: { launch: { associatePublicIp: true } } });
    const result = publicIpv4(ctx);
    expect(result.outcome).toBe(Outcome.FAIL);
    expect(result.message).toBe(`${WITH}; the source's public IPv4 8.8.8.8 (nic 3) is not carried over`);
  });

  test('is never unknown, even without nics', () => {
    const result = publicIpv4(mgnVmContext({ os: WINDOWS }));
    expect(result.outcome).toBe(Outcome.FAIL);
    expect(result.message).toBe(WITHOUT);
  });

  test('reports an info finding through the whole pack', () => {
    const plan = { version: 1, target: 'mgn', vms: [{ name: 'app-01', hypervisor: 'vmware', os: WINDOWS }] } as unknown as Plan;
    const finding = assessPlan(plan, { now: MGN_TEST_NOW }).vms[0].findings.find((f) => f.rule === 'MGN-NET5');
    expect(finding?.severity).toBe(Severity.INFO);
    expect(finding?.message).toBe(WITHOUT);
  });
});
