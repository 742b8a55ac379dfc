import { Outcome, Severity } from '../../../lib/assessment/rule';
import { Plan } from '../../../lib/plan/model/plan';
import { assessPlan } from '../../../lib/rules';
import { noIpv6 } from '../../../lib/rules/mgn/mgn-net4-no-ipv6';
import { MGN_TEST_NOW, mgnVmContext } from '../../helpers/mgn-context';

const LINUX = { family: 'linux', name: 'rocky', version: '9.2' };
const REQUIREMENT = 'MGN does not carry IPv6 addresses over, a VM without IPv6 addresses passes';

describe('MGN-NET4 no IPv6 addresses', () => {
  test('passes NICs that record no IPv6 address', () => {
    const ctx = mgnVmContext({ os: LINUX, nics: [{ ipv4: ['10.0.0.5'], ipv6: [] }, { ipv6: [] }] });
    expect(noIpv6(ctx).outcome).toBe(Outcome.PASS);
  });

  test('passes no NICs at all (an empty list)', () => {
    expect(noIpv6(mgnVmContext({ os: LINUX, nics: [] })).outcome).toBe(Outcome.PASS);
  });

  test('fails IPv6 addresses on any NIC, including one written among ipv4', () => {
    // GIVEN a second NIC with an IPv6 address and a third with one in its ipv4 list
    const ctx = mgnVmContext({ os: LINUX, nics: [
      { ipv4: ['10.0.0.5'], ipv6: [] }, { ipv6: ['2001:db8::5'] }, { ipv4: ['10.0.1.5', 'fe80::1'] },
    ] });
    // WHEN
    const result = noIpv6(ctx);
    // THEN
    expect(result.outcome).toBe(Outcome.FAIL);
    expect(result.message).toBe(`nic 2 has 2001:db8::5; nic 3 has fe80::1: ${REQUIREMENT}`);
  });

  test('is unknown when nics is missing', () => {
    const result = noIpv6(mgnVmContext({ os: LINUX }));
    expect(result.outcome).toBe(Outcome.UNKNOWN);
    expect(result.message).toBe(`the VM's network interfaces are not recorded (nics): ${REQUIREMENT}`);
  });

  test('is unknown when a NIC has no ipv6 list and none fails', () => {
    const result = noIpv6(mgnVmContext({ os: LINUX, nics: [{ ipv4: ['10.0.0.5'], ipv6: [] }, { ipv4: ['10.0.1.5'] }] }));
    expect(result.outcome).toBe(Outcome.UNKNOWN);
    expect(result.message).toBe(`the IPv6 addresses of nic 2 (10.0.1.5) are not recorded (nics[].ipv6): ${REQUIREMENT}`);
  });

  test('reports a warning through the whole pack', () => {
    const plan = { version: 1, target: 'mgn', vms: [{ name: 'web-01', hypervisor: 'vmware', os: LINUX,
      nics: [{ ipv4: ['10.0.0.5'], ipv6: ['2001:db8::5'] }] }] } as unknown as Plan;
    const finding = assessPlan(plan, { now: MGN_TEST_NOW }).vms[0].findings.find((f) => f.rule === 'MGN-NET4');
    expect(finding?.severity).toBe(Severity.WARNING);
    expect(finding?.message).toBe(`nic 1 has 2001:db8::5: ${REQUIREMENT}`);
  });
});
