import { Outcome, pass, fail, Severity, unknown } from '../../lib/assessment/rule';
import { FindingOutcome } from '../../lib/assessment/types';
import { acknowledgementIssues, assessPlanWithRulePacks } from '../../lib/organization/assess';
import { composeRulePack } from '../../lib/organization/compose';
import { OrganizationRulePack } from '../../lib/organization/organization-rule-pack';
import { IOrganizationVmRule } from '../../lib/organization/organization-vm-rule';
import { Plan, PlanTarget, Vm } from '../../lib/plan/model/plan';
import { MGN_RULE_PACK, SMS_RULE_PACK } from '../../lib/rules';
import { planOf, readyLinuxVm, readyWindowsVm } from '../helpers/fixtures';

const NOW = new Date('2026-01-15T00:00:00Z');

/** A rule that fails every VM whose name starts with `bad`, and is unknown without a wave. */
function rule(id: string, severity = Severity.WARNING, extra: Partial<IOrganizationVmRule> = {}): IOrganizationVmRule {
  return {
    id, section: 'Policy', severity, title: `${id} title`, explanation: `${id} why`, remediation: `${id} fix`,
    check: (vm: Vm) => (vm.name.startsWith('bad') ? fail(`${vm.name} is bad`) : pass()),
    ...extra,
  };
}

function packOf(name: string, ...rules: IOrganizationVmRule[]): OrganizationRulePack {
  const pack = new OrganizationRulePack({ name });
  rules.forEach((r) => pack.addVmRule(r));
  return pack;
}

const plan = (vms: object[], extra: object = {}): Plan => planOf(vms, extra) as Plan;

describe('rule ids', () => {
  test('fails when a rule takes the library\'s prefix, or its id is not an id', () => {
    // GIVEN a pack
    const pack = new OrganizationRulePack({ name: 'Acme' });
    // WHEN rules with the library's prefix or a malformed id are added
    // THEN each is refused, naming the id and what is allowed
    expect(() => pack.addVmRule(rule('SMS-ORG1'))).toThrow(/id SMS-ORG1 uses the prefix of the library's own rules \(SMS-, MGN-\)/);
    expect(() => pack.addVmRule(rule('MGN-X1'))).toThrow(/MGN-X1 uses the prefix/);
    expect(() => pack.addVmRule(rule('org-lower'))).toThrow(/id "org-lower" is not a rule id: write capital letters and digits, a hyphen/);
  });

  test('fails when one pack adds an id twice, or two packs applied together declare the same id', () => {
    // GIVEN a pack with ORG-A1
    const first = packOf('Acme', rule('ORG-A1'));
    // WHEN the same pack adds it again
    // THEN it is refused
    expect(() => first.addVmRule(rule('ORG-A1'))).toThrow(/rule pack Acme: addVmRule: rule id ORG-A1 is already a rule of this pack/);
    // AND two packs declaring it collide when they apply together, naming both
    const second = packOf('Acme EMEA', rule('ORG-A1'));
    expect(() => composeRulePack(SMS_RULE_PACK, [first, second]))
      .toThrow(/rule pack Acme EMEA: rule id ORG-A1 is also a rule of rule pack Acme: each rule id is declared once/);
  });

  test('fails when a rule lacks a catalogue field or a check, listing every problem', () => {
    // GIVEN a rule without a title, with a bad severity and no check
    const broken = { ...rule('ORG-B1'), title: ' ', severity: 'fatal', check: undefined } as unknown as IOrganizationVmRule;
    // WHEN it is added
    // THEN every problem is named
    expect(() => new OrganizationRulePack({ name: 'Acme' }).addVmRule(broken))
      .toThrow(/title must be a text that is not empty[\s\S]*severity must be one of Severity.INFO, .*, got "fatal"[\s\S]*check must be/);
  });
});

describe('severity raises', () => {
  test('raise a shipped rule, and report its failures at the raised severity', () => {
    // GIVEN a pack raising SMS-NET1 (a warning) to an error, and a VM with two NICs
    const pack = new OrganizationRulePack({ name: 'Acme' });
    pack.raiseSeverity('sms-net1', Severity.ERROR);
    const vm = readyLinuxVm('two-nics');
    vm.nics = [...vm.nics, { ...vm.nics[0] }];
    // WHEN the plan is assessed with and without the pack
    const raised = assessPlanWithRulePacks(plan([vm]), [pack], { now: NOW });
    const plain = assessPlanWithRulePacks(plan([vm]), [], { now: NOW });
    // THEN the finding is an error only with the pack, and the assessment lists the raised entry
    expect(plain.vms[0].findings.find((f) => f.rule === 'SMS-NET1')?.severity).toBe(Severity.WARNING);
    expect(raised.vms[0].findings.find((f) => f.rule === 'SMS-NET1')?.severity).toBe(Severity.ERROR);
    expect(raised.organizationRules?.map((r) => [r.id, r.severity])).toEqual([['SMS-NET1', Severity.ERROR]]);
    expect(plain.organizationRules).toBeUndefined();
  });

  test('fails when a raise would lower a severity, for a shipped rule at once and for another pack\'s rule when applied', () => {
    // GIVEN a pack
    const pack = new OrganizationRulePack({ name: 'Acme' });
    // WHEN it lowers SMS-OS1 (an error)
    // THEN it is refused at once
    expect(() => pack.raiseSeverity('SMS-OS1', Severity.WARNING))
      .toThrow(/rule pack Acme: raiseSeverity SMS-OS1: warning is lower than error: a pack may raise a severity \(info, warning, error\), never/);
    // AND a later pack lowering an earlier pack's error is refused when the packs apply together
    const first = packOf('Acme', rule('ORG-A1', Severity.ERROR));
    const second = new OrganizationRulePack({ name: 'Acme EMEA' });
    second.raiseSeverity('ORG-A1', Severity.INFO);
    expect(() => composeRulePack(SMS_RULE_PACK, [first, second])).toThrow(/rule pack Acme EMEA: raiseSeverity ORG-A1: info is lower than error/);
  });

  test('fails when a raise names no rule, or a rule of a service the pack does not target', () => {
    // GIVEN an SMS-only pack
    const pack = new OrganizationRulePack({ name: 'Acme', targets: [PlanTarget.SMS] });
    // THEN a raise of an unknown SMS id or of an MGN rule is refused at once
    expect(() => pack.raiseSeverity('SMS-NET99', Severity.ERROR)).toThrow(/SMS-NET99 is not a rule id/);
    expect(() => pack.raiseSeverity('MGN-NET1', Severity.ERROR)).toThrow(/MGN-NET1 is a rule of mgn, which the pack does not target \(targets: sms\)/);
    // AND a raise of an organisation id no pack declares is refused when the packs apply
    pack.raiseSeverity('ORG-NONE1', Severity.ERROR);
    expect(() => composeRulePack(SMS_RULE_PACK, [pack])).toThrow(/raiseSeverity ORG-NONE1: ORG-NONE1 is not a rule of AWS Server Migration Service/);
  });
});

describe('unacknowledgeable rules', () => {
  test('an acknowledgement of a shipped rule made unacknowledgeable is refused as a hard rule\'s, naming the pack', () => {
    // GIVEN a pack that makes SMS-PREP1 (antivirus) unacknowledgeable, and a plan that acknowledges it
    const pack = new OrganizationRulePack({ name: 'Acme' });
    pack.makeUnacknowledgeable('SMS-PREP1');
    const vm = readyWindowsVm('av-01');
    vm.guest = { ...vm.guest, antivirusEnabled: true };
    const acknowledged = plan([vm], { acknowledge: [{ rule: 'SMS-PREP1', reason: 'the EDR stays on' }] });
    // WHEN it is assessed with and without the pack
    const plain = assessPlanWithRulePacks(acknowledged, [], { now: NOW }).vms[0].findings.find((f) => f.rule === 'SMS-PREP1');
    const hard = assessPlanWithRulePacks(acknowledged, [pack], { now: NOW });
    const finding = hard.vms[0].findings.find((f) => f.rule === 'SMS-PREP1');
    // THEN the acknowledgement counts without the pack and is refused with it
    expect(plain?.acknowledged).toBe(true);
    expect(finding).toMatchObject({ acknowledged: false, reason: 'the EDR stays on' });
    expect(finding?.note).toMatch(/SMS-PREP1 is a hard rule: the Acme rule pack makes it unacknowledgeable/);
    expect(hard.organizationRules?.find((r) => r.id === 'SMS-PREP1')).toMatchObject({ hard: true, hardBy: 'Acme' });
  });

  test('fails when the rule is unknown', () => {
    // GIVEN a pack
    const pack = new OrganizationRulePack({ name: 'Acme' });
    // THEN an unknown library id is refused at once, an unknown organisation id when applied
    expect(() => pack.makeUnacknowledgeable('SMS-PREP99')).toThrow(/makeUnacknowledgeable SMS-PREP99: SMS-PREP99 is not a rule id/);
    pack.makeUnacknowledgeable('ORG-NONE1');
    expect(() => composeRulePack(SMS_RULE_PACK, [pack])).toThrow(/makeUnacknowledgeable ORG-NONE1: ORG-NONE1 is not a rule of/);
  });
});

describe('organisation defaults', () => {
  test('lie beneath the plan\'s field by field, a later pack\'s over an earlier one\'s', () => {
    // GIVEN two packs setting replication defaults, and a plan that sets one field itself
    const first = new OrganizationRulePack({ name: 'Acme' });
    first.addDefaults({ replication: { frequencyHours: 6, amisToKeep: 5 }, mgn: { launch: { tenancy: 'dedicated' as never } } });
    const second = new OrganizationRulePack({ name: 'Acme EMEA' });
    second.addDefaults({ replication: { amisToKeep: 3 } });
    const p = plan([readyLinuxVm()], { defaults: { replication: { frequencyHours: 12 } } });
    // WHEN a VM's context is made by the composed pack
    const composed = composeRulePack(SMS_RULE_PACK, [first, second]).pack;
    const ctx = composed.vmContext(p.vms[0], { defaults: p.defaults, plan: composed.planFacts(p.vms, { plan: p, now: NOW }), now: NOW });
    // THEN the plan's frequency wins, the later pack's AMI count wins over the earlier's
    expect(ctx.replication.frequencyHours).toBe(12);
    expect(ctx.replication.amisToKeep).toBe(3);
  });

  test('reach MGN\'s settings through the plan, beneath the plan\'s own', () => {
    // GIVEN an MGN pack setting the bandwidth limit and an MGN plan that sets none
    const pack = new OrganizationRulePack({ name: 'Acme', targets: [PlanTarget.MGN] });
    pack.addDefaults({ mgn: { replication: { bandwidthThrottlingMbps: 100 } } });
    const p = plan([readyLinuxVm()], { target: 'mgn' });
    // WHEN the composed MGN pack reads the plan
    const composed = composeRulePack(MGN_RULE_PACK, [pack]).pack;
    const facts = composed.planFacts(p.vms, { plan: p, now: NOW });
    const ctx = composed.vmContext(p.vms[0], { defaults: p.defaults, plan: facts, now: NOW }) as unknown as
      { mgn: { replication: { bandwidthThrottlingMbps: number } } };
    // THEN the VM's MGN settings carry the pack's value
    expect(ctx.mgn.replication.bandwidthThrottlingMbps).toBe(100);
  });

  test('fails when the defaults break the plan\'s schema, naming the field', () => {
    // GIVEN a pack
    const pack = new OrganizationRulePack({ name: 'Acme' });
    // THEN defaults of the wrong shape are refused with the field's path
    expect(() => pack.addDefaults({ replication: { frequencyHours: 'six' as never } }))
      .toThrow(/rule pack Acme: addDefaults: defaults\.replication\.frequencyHours: /);
    expect(() => pack.addDefaults({ replication: { frequency: 6 } as never })).toThrow(/defaults\.replication\.frequency/);
  });
});

describe('packs applied together', () => {
  test('apply in order: the first pack\'s rules, then the second\'s, which may raise the first\'s', () => {
    // GIVEN two packs, the second raising the first's warning
    const first = packOf('Acme', rule('ORG-A1'), rule('ORG-A2', Severity.INFO));
    const second = packOf('Acme EMEA', rule('EMEA-B1', Severity.ERROR));
    second.raiseSeverity('ORG-A1', Severity.ERROR);
    // WHEN they apply to the SMS pack
    const composed = composeRulePack(SMS_RULE_PACK, [first, second]);
    // THEN the rules follow the library's, in pack order, the raised one at error
    expect(composed.pack.rules.slice(-3).map((r) => [r.id, r.severity])).toEqual([
      ['ORG-A1', Severity.ERROR], ['ORG-A2', Severity.INFO], ['EMEA-B1', Severity.ERROR],
    ]);
    expect(composed.pack.rules.length).toBe(SMS_RULE_PACK.rules.length + 3);
    expect(composed.pack.sections.slice(-1)).toEqual(['Policy']);
    expect(composed.names).toEqual(['Acme', 'Acme EMEA']);
    // AND the library's pack is left as it was
    expect(SMS_RULE_PACK.rules.some((r) => r.id === 'ORG-A1')).toBe(false);
  });

  test('each applies only to the services it targets', () => {
    // GIVEN an MGN-only pack
    const pack = new OrganizationRulePack({ name: 'Acme', targets: [PlanTarget.MGN] });
    pack.addVmRule(rule('ORG-A1', Severity.ERROR));
    // WHEN an SMS plan and the same plan for MGN are assessed
    const p = plan([readyLinuxVm('bad-01')]);
    const sms = assessPlanWithRulePacks(p, [pack], { now: NOW });
    const mgn = assessPlanWithRulePacks(p, [pack], { now: NOW, target: PlanTarget.MGN });
    // THEN only the MGN assessment judges the rule
    expect(sms.vms[0].findings.some((f) => f.rule === 'ORG-A1')).toBe(false);
    expect(sms.organizationPacks).toBeUndefined();
    expect(mgn.vms[0].findings.find((f) => f.rule === 'ORG-A1')).toMatchObject({ outcome: FindingOutcome.FAIL, message: 'bad-01 is bad' });
  });

  test('acknowledgements may name an organisation rule; its unknown and warning can be acknowledged', () => {
    // GIVEN a pack whose rule fails bad VMs, and a plan that acknowledges it for one of them
    const pack = packOf('Acme', rule('ORG-A1'));
    const p = plan([readyLinuxVm('bad-01'), readyLinuxVm('bad-02')], { acknowledge: [{ rule: 'ORG-A1', reason: 'known', vms: ['bad-01'] }] });
    // WHEN it is assessed
    const assessment = assessPlanWithRulePacks(p, [pack], { now: NOW });
    // THEN the acknowledged VM's finding is acknowledged, the other's is not, and nothing is "not carried"
    expect(assessment.vms.map((v) => v.findings.find((f) => f.rule === 'ORG-A1')?.acknowledged)).toEqual([true, false]);
    expect(assessment.notCarried).toBeUndefined();
    expect(acknowledgementIssues(p, [pack], 'plan.json')).toEqual([]);
  });

  test('an acknowledgement of an organisation id no loaded pack declares is an issue with its path', () => {
    // GIVEN a plan acknowledging ORG-A2
    const p = plan([{ ...readyLinuxVm('a-01'), acknowledge: [{ rule: 'ORG-A2', reason: 'why' }] }]);
    // THEN it is an issue with no pack, and with a pack of a near id it suggests that id
    expect(acknowledgementIssues(p, [], 'plan.json')).toEqual([{
      file: 'plan.json', path: 'vms[0].acknowledge[0].rule', message: '"ORG-A2" is not a rule id (no organisation rule pack is loaded)',
    }]);
    expect(acknowledgementIssues(p, [packOf('Acme', rule('ORG-A1'))], 'plan.json')[0].message).toBe('"ORG-A2" is not a rule id (did you mean "ORG-A1"?)');
  });
});

describe('the rule contract', () => {
  test('a result that is not one stops the assessment, naming the rule, the VM and the pack', () => {
    // GIVEN rules returning nothing, and a fail without a message
    const nothing = packOf('Acme', rule('ORG-A1', Severity.ERROR, { check: () => undefined as never }));
    const silent = packOf('Acme', rule('ORG-A1', Severity.ERROR, { check: () => ({ outcome: Outcome.FAIL }) }));
    // WHEN a plan is assessed with each
    // THEN the assessment stops with what went wrong
    expect(() => assessPlanWithRulePacks(plan([readyLinuxVm('a-01')]), [nothing], { now: NOW }))
      .toThrow(/rule ORG-A1 could not judge a-01: rule pack Acme: the check returned undefined, not a rule result/);
    expect(() => assessPlanWithRulePacks(plan([readyLinuxVm('a-01')]), [silent], { now: NOW }))
      .toThrow(/the check returned fail without a message/);
  });

  test('a rule sees the VM, the target, the moment and the settings after defaults', () => {
    // GIVEN a rule that reports what it was given
    const seen: unknown[] = [];
    const pack = packOf('Acme', rule('ORG-A1', Severity.WARNING, {
      check: (vm, context) => {
        seen.push([vm.name, context.target, context.now.toISOString(), context.replication.frequencyHours, context.license]);
        return unknown('the fact is not recorded (x.y): anything');
      },
    }));
    pack.addDefaults({ replication: { frequencyHours: 4 } });
    // WHEN a plan is assessed
    const assessment = assessPlanWithRulePacks(plan([readyLinuxVm('a-01')]), [pack], { now: NOW });
    // THEN the rule saw them, and its unknown is reported
    expect(seen).toEqual([['a-01', PlanTarget.SMS, NOW.toISOString(), 4, 'byol']]);
    expect(assessment.vms[0].findings.find((f) => f.rule === 'ORG-A1')?.outcome).toBe(FindingOutcome.UNKNOWN);
  });

  test('fails when the pack\'s name or targets are wrong', () => {
    expect(() => new OrganizationRulePack({ name: '' })).toThrow(/name must be a text that is not empty, got ""/);
    expect(() => new OrganizationRulePack({ name: 'Acme', targets: ['vmc' as PlanTarget] })).toThrow(/targets must be one or more of PlanTarget.SMS, PlanTarget.MGN/);
  });
});
