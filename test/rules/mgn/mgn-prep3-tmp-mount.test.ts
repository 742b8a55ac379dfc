import { Outcome } from '../../../lib/assessment/rule';
import { Plan } from '../../../lib/plan/model/plan';
import { assessPlan } from '../../../lib/rules';
import { tmpMount } from '../../../lib/rules/mgn/mgn-prep3-tmp-mount';
import { MGN_TEST_NOW, mgnVmContext } from '../../helpers/mgn-context';

const LINUX = { family: 'linux', name: 'debian', version: '12' };

describe('MGN-PREP3 /tmp mount', () => {
  const judge = (guest: object, extra: object = {}) => tmpMount(mgnVmContext({ os: LINUX, guest, ...extra }));

  test('passes a writable, exec /tmp', () => {
    expect(judge({ tmpWritable: true, tmpExec: true }).outcome).toBe(Outcome.PASS);
  });

  test('fails a noexec /tmp', () => {
    const result = judge({ tmpWritable: true, tmpExec: false });
    expect(result.outcome).toBe(Outcome.FAIL);
    expect(result.message).toBe('/tmp is mounted noexec (guest.tmpExec: false): remount it with exec for the installation');
  });

  test('fails naming both parts', () => {
    const result = judge({ tmpWritable: false, tmpExec: false });
    expect(result.message).toBe('/tmp is not mounted read-write (guest.tmpWritable: false): remount it rw; '
      + '/tmp is mounted noexec (guest.tmpExec: false): remount it with exec for the installation');
  });

  test('is unknown when a fact is missing and none fails', () => {
    const result = judge({ tmpExec: true });
    expect(result.outcome).toBe(Outcome.UNKNOWN);
    expect(result.message).toBe('whether /tmp is mounted read-write is not recorded (guest.tmpWritable): it must be (rw)');
    expect(judge({}).message).toBe('whether /tmp is mounted read-write is not recorded (guest.tmpWritable): it must be (rw); '
      + 'whether /tmp is mounted with exec is not recorded (guest.tmpExec): it must be (no noexec)');
  });

  test('is n/a for agentless replication and off Linux', () => {
    expect(judge({ tmpExec: false }, { mgn: { replication: { method: 'agentless' } } }).outcome).toBe(Outcome.NOT_APPLICABLE);
    expect(tmpMount(mgnVmContext({ os: { family: 'windows' }, guest: { tmpExec: false } })).outcome).toBe(Outcome.NOT_APPLICABLE);
  });

  test('runs through the whole pack', () => {
    const plan = { version: 1, target: 'mgn', vms: [{ name: 'app-01', hypervisor: 'vmware', os: LINUX, guest: { tmpWritable: false, tmpExec: true } }] };
    const finding = assessPlan(plan as unknown as Plan, { now: MGN_TEST_NOW }).vms[0].findings.find((f) => f.rule === 'MGN-PREP3');
    expect(finding).toMatchObject({ outcome: 'fail', severity: 'error', message: '/tmp is not mounted read-write (guest.tmpWritable: false): remount it rw' });
  });
});
