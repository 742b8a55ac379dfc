import { Outcome, Severity } from '../../../lib/assessment/rule';
import { Plan } from '../../../lib/plan/model/plan';
import { assessPlan } from '../../../lib/rules';
import { nicCount } from '../../../lib/rules/mgn/mgn-net1-nic-count';
import { MGN_TEST_NOW, mgnVmContext } from '../../helpers/mgn-context';

const LINUX = { family: 'linux', name: 'rhel', version: '8.6' };
const nic = (ip: string) => ({ ipv4: [ip], addressing: 'dhcp' });

describe('MGN-NET1 at most two NICs', () => {
  test.each([0, 1, 2])('passes %i NICs', (count) => {
    const nics = Array.from({ length: count }, (_, i) => nic(`10.0.0.${i + 1}`));
    expect(nicCount(mgnVmContext({ os: LINUX, nics })).outcome).toBe(Outcome.PASS);
  });

  test('fails three NICs, listing them', () => {
    // GIVEN a VM with three NICs, the last without addresses
    const ctx = mgnVmContext({ os: LINUX, nics: [nic('10.0.0.5'), nic('10.9.0.5'), {}] });
    // WHEN
    const result = nicCount(ctx);
    // THEN
    expect(result.outcome).toBe(Outcome.FAIL);
    expect(result.message).toBe('3 network interfaces (nic 1 (10.0.0.5), nic 2 (10.9.0.5), nic 3): MGN\'s launch template holds 2 '
      + 'network interfaces, so up to 2 NICs pass; add the others to the instance after launch');
  });

  test('is unknown when nics is missing', () => {
    const result = nicCount(mgnVmContext({ os: LINUX }));
    expect(result.outcome).toBe(Outcome.UNKNOWN);
    expect(result.message).toBe('the VM\'s network interfaces are not recorded (nics): MGN\'s launch template holds 2 network '
      + 'interfaces, so up to 2 NICs pass');
  });

  test('judges family other too', () => {
    const ctx = mgnVmContext({ os: { family: 'other', name: 'freebsd' }, nics: [nic('10.0.0.1'), nic('10.0.0.2'), nic('10.0.0.3')] });
    expect(nicCount(ctx).outcome).toBe(Outcome.FAIL);
  });

  test('reports a warning through the whole pack', () => {
    const plan = { version: 1, target: 'mgn', vms: [{ name: 'web-01', hypervisor: 'vmware', os: LINUX,
      nics: [nic('10.0.0.5'), nic('10.0.1.5'), nic('10.0.2.5')] }] } as unknown as Plan;
    const finding = assessPlan(plan, { now: MGN_TEST_NOW }).vms[0].findings.find((f) => f.rule === 'MGN-NET1');
    expect(finding?.severity).toBe(Severity.WARNING);
    expect(finding?.message).toMatch(/^3 network interfaces/);
  });
});
