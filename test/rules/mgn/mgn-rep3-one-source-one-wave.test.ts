import { Outcome } from '../../../lib/assessment/rule';
import { Plan } from '../../../lib/plan/model/plan';
import { assessPlan } from '../../../lib/rules';
import { oneSourceOneWave } from '../../../lib/rules/mgn/mgn-rep3-one-source-one-wave';
import { MGN_TEST_NOW, mgnVmContext } from '../../helpers/mgn-context';

const agentless = { replication: { method: 'agentless' } };
const vm = (name: string, extra: object = {}) => ({ name, hypervisor: 'vmware', connector: 'vcc', mgn: agentless, ...extra });

describe('MGN-REP3 one source, one wave', () => {
  describe('the same vCenter VM', () => {
    test('passes agentless VMs with their own sources', () => {
      const others = [vm('a', { source: { vmUuid: 'U-1' } })];
      expect(oneSourceOneWave(mgnVmContext(vm('b', { source: { vmUuid: 'U-2', vmPath: '/dc/vm/b' } }), { plan: { vms: others } })).outcome)
        .toBe(Outcome.PASS);
    });

    test('fails two agentless VMs sharing a UUID (without case) under one connector, naming the other', () => {
      // GIVEN the same UUID written in two cases
      const plan = { vms: [vm('a', { source: { vmUuid: '4213A0C2' } }), vm('b', { source: { vmUuid: '4213a0c2', vmPath: '/dc/vm/b' } })] };
      // WHEN
      const result = oneSourceOneWave(mgnVmContext({ name: 'b' }, { plan }));
      // THEN
      expect(result.outcome).toBe(Outcome.FAIL);
      expect(result.message).toBe('the same vCenter VM (source.vmUuid 4213a0c2, source.vmPath /dc/vm/b under connector vcc) is also named by a: '
        + 'the vCenter Client discovers each VM as one source server');
    });

    test('lists the first five others by UUID or path, then how many more', () => {
      // GIVEN eight VMs on one path, and one more sharing the judged VM's UUID and path
      const vms = [...Array.from({ length: 8 }, (_, i) => vm(`p${i}`, { source: { vmPath: '/dc/vm/x' } })),
        vm('both', { source: { vmUuid: 'U', vmPath: '/dc/vm/x' } }), vm('me', { source: { vmUuid: 'U', vmPath: '/dc/vm/x' } })];
      // WHEN
      const result = oneSourceOneWave(mgnVmContext({ name: 'me' }, { plan: { vms } }));
      // THEN the UUID's group comes first, and the VM sharing both is counted once
      expect(result.message).toMatch(/is also named by both, p0, p1, p2, p3 and 4 other VMs:/);
    });

    test('passes the same UUID under two connectors, or on agent-based VMs', () => {
      const plan = { vms: [vm('a', { source: { vmUuid: 'U' } }), vm('b', { connector: 'other', source: { vmUuid: 'U' } }),
        { name: 'c', hypervisor: 'vmware', connector: 'vcc', source: { vmUuid: 'U' } }] };
      expect(oneSourceOneWave(mgnVmContext({ name: 'b' }, { plan })).outcome).toBe(Outcome.PASS);
      expect(oneSourceOneWave(mgnVmContext({ name: 'c' }, { plan })).outcome).toBe(Outcome.PASS);
    });

    test('groups agentless VMs without a connector together', () => {
      const plan = { vms: [{ name: 'a', hypervisor: 'vmware', mgn: agentless, source: { vmPath: '/p' } },
        { name: 'b', hypervisor: 'vmware', mgn: agentless, source: { vmPath: '/p' } }] };
      expect(oneSourceOneWave(mgnVmContext({ name: 'a' }, { plan })).message).toMatch(/^the same vCenter VM \(source\.vmPath \/p with no connector\) is also named by b:/);
    });
  });

  describe('an application in one wave', () => {
    const plan = {
      vms: [
        { name: 'u', hypervisor: 'vmware', application: 'web' },
        { name: 'a', hypervisor: 'vmware', wave: 'w1', application: 'web' },
        { name: 'b', hypervisor: 'vmware', wave: 'w1', application: 'web' },
        { name: 'c', hypervisor: 'vmware', wave: 'w2', application: 'web' },
        { name: 'e', hypervisor: 'vmware', wave: 'w1', application: 'w2' },
        { name: 'd', hypervisor: 'vmware', wave: 'w2' },
      ],
    };
    const check = (name: string) => oneSourceOneWave(mgnVmContext({ name }, { plan }));

    test('passes the VMs in the wave of the application\'s first VM', () => {
      expect(check('a').outcome).toBe(Outcome.PASS);
      expect(check('b').outcome).toBe(Outcome.PASS);
    });

    test('fails a VM of the application in another wave, naming both waves', () => {
      // WHEN
      const result = check('c');
      // THEN
      expect(result.outcome).toBe(Outcome.FAIL);
      expect(result.message).toBe('application web is in wave w1 (that of its first VM a) but this VM is in wave w2: '
        + 'MGN links an application to one wave; move the VM to wave w1 or name another application');
    });

    test('says when the application is the wave\'s name', () => {
      // GIVEN d, whose application defaults to its wave w2, after e put application w2 in wave w1
      expect(check('e').outcome).toBe(Outcome.PASS);
      expect(check('d').message).toMatch(/^application w2 \(its wave's name; application is not set\) is in wave w1 \(that of its first VM e\)/);
    });

    test('does not judge an unscheduled VM, which fixes no wave either', () => {
      expect(check('u').outcome).toBe(Outcome.PASS);
    });

    test('passes a plan in which no VM names a wave', () => {
      const one = { vms: [{ name: 'a', hypervisor: 'vmware', application: 'x' }, { name: 'b', hypervisor: 'vmware', application: 'x' }] };
      expect(oneSourceOneWave(mgnVmContext({ name: 'b' }, { plan: one })).outcome).toBe(Outcome.PASS);
    });
  });

  test('is never unknown: a VM without source ids shares nothing', () => {
    expect(oneSourceOneWave(mgnVmContext(vm('a'))).outcome).toBe(Outcome.PASS);
  });

  test('lists both offences, and is reported through the pack as a hard error', () => {
    // GIVEN two agentless VMs of one source, in two waves of one application
    const plan = { version: 1, target: 'mgn', vms: [vm('a', { wave: 'w1', application: 'x', source: { vmUuid: 'U' } }),
      vm('b', { wave: 'w2', application: 'x', source: { vmUuid: 'U' } })] };
    // WHEN
    const finding = assessPlan(plan as Plan, { now: MGN_TEST_NOW }).vms[1].findings.find((f) => f.rule === 'MGN-REP3');
    // THEN
    expect(finding?.severity).toBe('error');
    expect(finding?.message)
      .toMatch(/^the same vCenter VM \(source\.vmUuid U under connector vcc\) is also named by a: .*; application x is in wave w1/);
  });
});
