import { RuleEngine } from '../../lib/assessment/engine';
import { fail, pass, unknown, Severity } from '../../lib/assessment/rule';
import { IRulePack, Rule, RuleSubject } from '../../lib/assessment/rule-pack';
import { FindingOutcome, Verdict } from '../../lib/assessment/types';
import { Plan, PlanTarget, Vm } from '../../lib/plan/model/plan';

/**
 * A pack the engine has never seen, written as a second service's pack would be: two VM rules, one
 * connector rule, its own cross-VM facts and its own context. The engine must run it as it runs SMS.
 */
function toyPack(): IRulePack {
  const rules: Rule[] = [
    {
      id: 'TOY-NAME1', section: 'Names', severity: Severity.ERROR, hard: false, subject: RuleSubject.VM,
      title: 'VM names start with app-', explanation: 'x', remediation: 'rename',
      check: ({ vm }) => (vm.name.startsWith('app-') ? pass() : fail(`${vm.name} does not start with app-`)),
    },
    {
      id: 'TOY-NAME2', section: 'Names', severity: Severity.WARNING, hard: false, subject: RuleSubject.VM,
      title: 'The name is known', explanation: 'x', remediation: 'rename', notApplicableAfter: ['TOY-NAME1'],
      check: ({ vm, plan }) => (plan.position.get(vm.name) === 1 ? pass() : unknown(`${vm.name} is not first`)),
    },
    {
      id: 'TOY-CON1', section: 'Connectors', severity: Severity.ERROR, hard: true, subject: RuleSubject.CONNECTOR,
      title: 'A connector has memory', explanation: 'x', remediation: 'add memory',
      check: ({ connector }) => (connector.memoryGiB !== undefined ? pass() : unknown('memoryGiB is not recorded')),
    },
  ];
  return {
    target: 'toy' as PlanTarget,
    service: 'Toy Migration Service',
    sections: ['Names', 'Connectors'],
    rules,
    planFacts: (vms: readonly Vm[]) => ({
      sameServer: new Map(vms.map((vm) => [vm.name, []])),
      position: new Map(vms.map((vm, i) => [vm.name, i + 1])),
      jobQuota: 1,
    }),
    vmContext: (vm, { plan, now, connector }) => ({
      vm, plan, now, connector,
      replication: { type: 'interval', frequencyHours: 1, licenseType: 'auto', encrypted: false, enhancedNetworking: false, attestations: [] },
    }) as never,
    connectorContext: (connector) => ({ connector }),
  };
}

describe('RuleEngine', () => {
  test('runs a pack it does not know, with the pack\'s facts, relations and acknowledgements', () => {
    // GIVEN a plan of three VMs and a connector, and a toy pack
    const plan = {
      version: 1,
      acknowledge: [{ rule: 'TOY-NAME2', reason: 'second is fine' }],
      connectors: [{ name: 'c-1', hypervisor: 'vmware' }],
      vms: [
        { name: 'app-1', hypervisor: 'vmware' },
        { name: 'db-1', hypervisor: 'vmware' },
        { name: 'app-2', hypervisor: 'vmware' },
      ],
    } as unknown as Plan;

    // WHEN the engine assesses it with that pack
    const a = new RuleEngine(toyPack()).assessPlan(plan, { now: new Date(0) });

    // THEN the first VM passes, the second fails TOY-NAME1 (so TOY-NAME2 is n/a), the third's unknown is acknowledged
    expect(a.vms.map((v) => [v.name, v.verdict, v.findings.map((f) => [f.rule, f.outcome, f.acknowledged])])).toEqual([
      ['app-1', Verdict.READY, []],
      ['db-1', Verdict.NOT_READY, [['TOY-NAME1', FindingOutcome.FAIL, false]]],
      ['app-2', Verdict.READY_WITH_CONDITIONS, [['TOY-NAME2', FindingOutcome.UNKNOWN, true]]],
    ]);
    // AND the connector rule ran on the connector, and every acknowledgement was used
    expect(a.connectors.map((c) => [c.name, c.verdict, c.findings.map((f) => f.rule)])).toEqual([['c-1', Verdict.UNKNOWN, ['TOY-CON1']]]);
    expect(a.unusedAcknowledgements).toEqual([]);
    expect(a.summary).toEqual({ vms: 3, ready: 1, readyWithConditions: 1, notReady: 1, unknown: 0 });
  });

  test('assesses one VM and one connector on their own with the same pack', () => {
    // GIVEN the toy pack's engine
    const engine = new RuleEngine(toyPack());
    // WHEN a VM and a connector are assessed alone
    const vm = engine.assessVm({ name: 'web-1', hypervisor: 'vmware' } as Vm, { now: new Date(0) });
    const connector = engine.assessConnector({ name: 'c-2', hypervisor: 'vmware', memoryGiB: 16 } as never);
    // THEN each gets the pack's findings
    expect(vm.findings.map((f) => f.rule)).toEqual(['TOY-NAME1']);
    expect(connector.verdict).toBe(Verdict.READY);
  });
});
