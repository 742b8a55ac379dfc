import { AcknowledgementBook } from '../../lib/assessment/acknowledge';
import { applyRules } from '../../lib/assessment/apply-rules';
import { UnknownPolicy } from '../../lib/assessment/types';
import { RuleSubject, VmRule } from '../../lib/assessment/rule-pack';
import { RuleSection } from '../../lib/rules/sms/sections';
import { fail, notApplicable, pass, RuleResult, Severity, unknown } from '../../lib/assessment/rule';

function rule(id: string, result: RuleResult, extra: Partial<VmRule> = {}): VmRule {
  return {
    id, section: RuleSection.OPERATING_SYSTEM, severity: Severity.ERROR, hard: false, subject: RuleSubject.VM,
    title: `${id} title`, explanation: 'why', remediation: 'fix', check: () => result, ...extra,
  };
}

const WARN = { unknown: UnknownPolicy.WARN, strict: false };
const run = (rules: VmRule[], book = new AcknowledgementBook(undefined), policy = WARN): ReturnType<typeof applyRules> =>
  applyRules(rules, (r) => r.check({} as never), 'vm-1', policy, book);

describe('applyRules', () => {
  test('turns fails and unknowns into findings, and drops passes and n/a', () => {
    const findings = run([rule('A', pass()), rule('B', fail('b broke')), rule('C', unknown('c missing')), rule('D', notApplicable())]);
    expect(findings).toEqual([
      { rule: 'B', severity: Severity.ERROR, outcome: 'fail', message: 'b broke', acknowledged: false },
      { rule: 'C', severity: Severity.WARNING, outcome: 'unknown', message: 'c missing', acknowledged: false },
    ]);
  });

  test('skips a rule once a rule it depends on has failed, but not when that rule was only unknown', () => {
    const dependent = rule('B', fail('b'), { notApplicableAfter: ['A'] });
    expect(run([rule('A', fail('a')), dependent]).map((f) => f.rule)).toEqual(['A']);
    expect(run([rule('A', unknown('a?')), dependent]).map((f) => f.rule)).toEqual(['A', 'B']);
  });

  test('reports unknowns at the policy severity, except for info rules', () => {
    const rules = [rule('A', unknown('a?')), rule('I', unknown('i?'), { severity: Severity.INFO })];
    expect(run(rules, undefined, { unknown: UnknownPolicy.ERROR, strict: false }).map((f) => f.severity))
      .toEqual([Severity.ERROR, Severity.INFO]);
  });

  test('uses a result\'s own lower severity for a warning band', () => {
    expect(run([rule('A', fail('newer than validated', Severity.WARNING))])[0].severity).toBe(Severity.WARNING);
  });

  test('names the rule and the subject when a rule throws', () => {
    const broken = rule('X', pass(), { check: () => { throw new Error('boom'); } });
    expect(() => run([broken])).toThrow('rule X could not judge vm-1: boom');
  });
});
