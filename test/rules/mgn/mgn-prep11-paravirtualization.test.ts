import { Outcome } from '../../../lib/assessment/rule';
import { Plan } from '../../../lib/plan/model/plan';
import { assessPlan } from '../../../lib/rules';
import { GUEST_RULES } from '../../../lib/rules/mgn/catalogue/guest';
import { paravirtualization } from '../../../lib/rules/mgn/mgn-prep11-paravirtualization';
import { MGN_TEST_NOW, mgnVmContext } from '../../helpers/mgn-context';

const LINUX = { family: 'linux', name: 'centos', version: '7.9' };

describe('MGN-PREP11 paravirtualization', () => {
  const judge = (value?: string, os: object = LINUX) => paravirtualization(mgnVmContext({ os, guest: { paravirtualization: value } }));

  test.each(['none', 'partial'])('passes %s', (value) => {
    expect(judge(value).outcome).toBe(Outcome.PASS);
  });

  test('fails full paravirtualization, on any family', () => {
    const result = judge('full');
    expect(result.outcome).toBe(Outcome.FAIL);
    expect(result.message).toBe('CentOS 7.9 is fully paravirtualized (guest.paravirtualization: full): MGN does not support it; '
      + 'move the server to hardware virtualization (none or partial) or migrate it another way');
    expect(judge('full', { family: 'other', name: 'freebsd' }).outcome).toBe(Outcome.FAIL);
  });

  test('is unknown when missing or an unknown value', () => {
    const result = judge(undefined);
    expect(result.outcome).toBe(Outcome.UNKNOWN);
    expect(result.message).toBe('how far CentOS 7.9 is paravirtualized is not recorded (guest.paravirtualization): MGN does not support '
      + 'fully paravirtualized servers (guest.paravirtualization must be none or partial)');
    expect(judge('xen').message).toMatch(/^guest\.paravirtualization is xen, not none, partial or full: /);
  });

  test('is hard', () => {
    expect(GUEST_RULES.find((r) => r.id === 'MGN-PREP11')?.hard).toBe(true);
  });

  test('runs through the whole pack, and its error cannot be acknowledged', () => {
    const vm = { name: 'pv-01', hypervisor: 'vmware', os: LINUX, guest: { paravirtualization: 'full' },
      acknowledge: [{ rule: 'MGN-PREP11', reason: 'accepted' }] };
    const plan = { version: 1, target: 'mgn', vms: [vm] };
    const finding = assessPlan(plan as unknown as Plan, { now: MGN_TEST_NOW }).vms[0].findings.find((f) => f.rule === 'MGN-PREP11');
    expect(finding).toMatchObject({ outcome: 'fail', severity: 'error', acknowledged: false });
  });
});
