import { assessPlan, findRule, knownRuleIds, MGN_RULE_IDS, MGN_RULE_PACK, RULE_IDS, RULE_PACKS, rulePackFor, SMS_RULE_PACK } from '../../lib/rules';
import { Plan, PlanTarget } from '../../lib/plan/model/plan';
import { planOf, readyLinuxVm } from '../helpers/fixtures';

describe('rule packs', () => {
  test('a plan without a target, and one with target sms, are judged by the SMS pack', () => {
    // GIVEN the same plan without and with its target
    const plan = planOf([readyLinuxVm()]) as Plan;
    // WHEN the target's pack is looked up and the plans are assessed
    // THEN both get the SMS pack and the same findings
    expect(rulePackFor(undefined)).toBe(SMS_RULE_PACK);
    expect(rulePackFor(PlanTarget.SMS)).toBe(SMS_RULE_PACK);
    const now = new Date('2026-11-25T00:00:00Z');
    expect(assessPlan({ ...plan, target: PlanTarget.SMS }, { now })).toEqual(assessPlan(plan, { now }));
  });

  test('fails when no pack judges the target', () => {
    expect(() => rulePackFor('nope' as PlanTarget)).toThrow(/no rule pack judges plans of target "nope" \(targets: sms, mgn\)/);
  });

  test('knows every rule of every pack, case-insensitively', () => {
    // GIVEN the packs shipped
    // THEN the known ids are the SMS ids then the MGN ids, and each is found whatever its case
    expect(RULE_PACKS).toEqual([SMS_RULE_PACK, MGN_RULE_PACK]);
    expect(rulePackFor(PlanTarget.MGN)).toBe(MGN_RULE_PACK);
    expect([...knownRuleIds()]).toEqual([...RULE_IDS, ...MGN_RULE_IDS]);
    expect(findRule(' sms-prep3 ')?.id).toBe('SMS-PREP3');
    expect(findRule('MGN-NOPE1')).toBeUndefined();
  });

  test('the SMS pack declares its sections in order and every rule is in one', () => {
    expect(SMS_RULE_PACK.rules.every((rule) => SMS_RULE_PACK.sections.includes(rule.section))).toBe(true);
    expect(SMS_RULE_PACK.sections[0]).toBe('Operating system');
  });
});
