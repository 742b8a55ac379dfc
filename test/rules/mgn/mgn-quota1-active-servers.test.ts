import { Outcome } from '../../../lib/assessment/rule';
import { Plan } from '../../../lib/plan/model/plan';
import { assessPlan } from '../../../lib/rules';
import { activeServers } from '../../../lib/rules/mgn/mgn-quota1-active-servers';
import { MGN_TEST_NOW, mgnVmContext } from '../../helpers/mgn-context';

/** `count` VMs named `<prefix>-<n>` (from 1), with `extra` fields. */
const vms = (prefix: string, count: number, extra: object = {}) =>
  Array.from({ length: count }, (_, i) => ({ name: `${prefix}-${i + 1}`, hypervisor: 'vmware', ...extra }));

describe('MGN-QUOTA1 active servers', () => {
  const check = (name: string, plan: object) => activeServers(mgnVmContext({ name }, { plan }));

  test('passes the 150th server replicating at once and fails the 151st, naming the day and the count', () => {
    // GIVEN 160 VMs without waves: all replicate from the assessment date, for good
    const plan = { vms: vms('vm', 160) };
    // WHEN / THEN
    expect(check('vm-150', plan).outcome).toBe(Outcome.PASS);
    const result = check('vm-151', plan);
    expect(result.outcome).toBe(Outcome.FAIL);
    expect(result.message).toBe('on 2026-12-04, 160 servers replicate at once (each from its wave\'s replicationStart, else the '
      + 'assessment date, to its cutoverDate) and vm-151 is number 151 in plan order: past the quota of 150 actively replicating '
      + 'servers per account and Region');
  });

  describe('overlapping waves', () => {
    // w1 and w2 overlap from 01-15 to 01-20 (200 servers); w3 starts the day after w1's cutover (w2 and w3: 200).
    const plan = {
      waves: [
        { name: 'w1', replicationStart: '2027-01-04', cutoverDate: '2027-01-20' },
        { name: 'w2', replicationStart: '2027-01-15', cutoverDate: '2027-02-01' },
        { name: 'w3', replicationStart: '2027-01-21' },
      ],
      vms: [...vms('a', 100, { wave: 'w1' }), ...vms('b', 100, { wave: 'w2' }), ...vms('c', 100, { wave: 'w3' })],
    };

    test('pass the servers within the quota on every day', () => {
      expect(check('a-100', plan).outcome).toBe(Outcome.PASS);
      expect(check('b-50', plan).outcome).toBe(Outcome.PASS);
      expect(check('c-50', plan).outcome).toBe(Outcome.PASS);
    });

    test('fail the servers past the quota, each on its busiest day', () => {
      expect(check('b-51', plan).message).toMatch(/^on 2027-01-15, 200 servers replicate at once .* and b-51 is number 151 in plan order/);
      expect(check('c-51', plan).message).toMatch(/^on 2027-01-21, 200 servers replicate at once .* and c-51 is number 151 in plan order/);
    });
  });

  test('counts a wave that starts after its cutover on its start day only', () => {
    // GIVEN w2 starting after its own cutover, on the last day of w1
    const plan = {
      waves: [{ name: 'w1', replicationStart: '2027-01-01', cutoverDate: '2027-01-10' },
        { name: 'w2', replicationStart: '2027-01-10', cutoverDate: '2027-01-05' }, { name: 'w3', replicationStart: '2027-01-11' }],
      vms: [...vms('a', 100, { wave: 'w1' }), ...vms('b', 60, { wave: 'w2' }), ...vms('c', 100, { wave: 'w3' })],
    };
    expect(check('b-51', plan).message).toMatch(/^on 2027-01-10, 160 servers replicate at once/);
    expect(check('c-100', plan).outcome).toBe(Outcome.PASS);
  });

  test('does not judge days before the assessment date', () => {
    // GIVEN a wave of 200 that replicated and cut over in the past
    const plan = { waves: [{ name: 'old', replicationStart: '2026-01-01', cutoverDate: '2026-02-01' }], vms: vms('o', 200, { wave: 'old' }) };
    expect(check('o-200', plan).outcome).toBe(Outcome.PASS);
  });

  test('is n/a for an unscheduled VM, which is not counted', () => {
    // GIVEN 150 VMs of a wave and unscheduled VMs before them
    const plan = { vms: [...vms('u', 10), ...vms('w', 150, { wave: 'w1' })] };
    expect(check('u-1', plan).outcome).toBe(Outcome.NOT_APPLICABLE);
    expect(check('w-150', plan).outcome).toBe(Outcome.PASS);
  });

  test('is never unknown: a wave without dates replicates from the assessment date', () => {
    expect(check('vm-1', { waves: [{ name: 'w' }], vms: vms('vm', 1, { wave: 'w' }) }).outcome).toBe(Outcome.PASS);
  });

  test('is reported through the pack, against the quota the assessment is given', () => {
    // GIVEN 152 VMs
    const plan = { version: 1, target: 'mgn', vms: vms('vm', 152) } as Plan;
    // WHEN assessed with the default quota and with a raised one
    const at = (quota?: number) => assessPlan(plan, { now: MGN_TEST_NOW, jobQuota: quota }).vms.map((v) => v.findings.find((f) => f.rule === 'MGN-QUOTA1'));
    // THEN
    const defaults = at();
    expect(defaults.filter((f) => f !== undefined).length).toBe(2);
    expect(defaults[151]?.severity).toBe('error');
    expect(at(200).every((f) => f === undefined)).toBe(true);
  });
});
