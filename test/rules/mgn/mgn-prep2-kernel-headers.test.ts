import { Outcome } from '../../../lib/assessment/rule';
import { Plan } from '../../../lib/plan/model/plan';
import { assessPlan } from '../../../lib/rules';
import { kernelHeaders } from '../../../lib/rules/mgn/mgn-prep2-kernel-headers';
import { MGN_TEST_NOW, mgnVmContext } from '../../helpers/mgn-context';

const UBUNTU = { family: 'linux', name: 'ubuntu', version: '22.04', kernel: '5.15.0-91-generic' };

describe('MGN-PREP2 kernel headers', () => {
  const judge = (value?: string, extra: object = {}) => kernelHeaders(mgnVmContext({ os: UBUNTU, guest: { kernelHeaders: value }, ...extra }));

  test('passes matching headers', () => {
    expect(judge('matching').outcome).toBe(Outcome.PASS);
  });

  test('fails missing headers, naming the kernel and the field', () => {
    const result = judge('missing');
    expect(result.outcome).toBe(Outcome.FAIL);
    expect(result.message).toBe('the headers of the running kernel 5.15.0-91-generic of Ubuntu 22.04 are not installed '
      + '(guest.kernelHeaders: missing): install the kernel headers package of exactly that kernel (kernel-devel, linux-headers) '
      + 'before installing the agent');
  });

  test('fails symlinked headers with its own message', () => {
    const result = judge('symlink');
    expect(result.outcome).toBe(Outcome.FAIL);
    expect(result.message).toBe('the kernel headers of Ubuntu 22.04 are a symlink to another kernel\'s (guest.kernelHeaders: symlink): '
      + 'install the headers package of exactly the running kernel 5.15.0-91-generic instead of the link');
  });

  test('is unknown when guest.kernelHeaders is missing or not a known value', () => {
    const missing = judge(undefined);
    expect(missing.outcome).toBe(Outcome.UNKNOWN);
    expect(missing.message).toBe('whether the running kernel\'s headers are installed is not recorded (guest.kernelHeaders): the MGN agent '
      + 'installer needs the headers of exactly the running kernel installed as a package, not as a symlink (guest.kernelHeaders: matching)');
    const odd = judge('yes');
    expect(odd.outcome).toBe(Outcome.UNKNOWN);
    expect(odd.message).toMatch(/^guest\.kernelHeaders is yes, not matching, missing or symlink: /);
  });

  test('is n/a for agentless replication and off Linux', () => {
    expect(judge('missing', { mgn: { replication: { method: 'agentless' } } }).outcome).toBe(Outcome.NOT_APPLICABLE);
    expect(kernelHeaders(mgnVmContext({ os: { family: 'windows' }, guest: {} })).outcome).toBe(Outcome.NOT_APPLICABLE);
  });

  test('runs through the whole pack', () => {
    const plan = { version: 1, target: 'mgn', vms: [{ name: 'db-01', hypervisor: 'vmware', os: UBUNTU, guest: { kernelHeaders: 'symlink' } }] };
    const finding = assessPlan(plan as unknown as Plan, { now: MGN_TEST_NOW }).vms[0].findings.find((f) => f.rule === 'MGN-PREP2');
    expect(finding).toMatchObject({ outcome: 'fail', severity: 'error' });
    expect(finding?.message).toMatch(/guest\.kernelHeaders: symlink/);
  });
});
