import { Outcome, Severity } from '../../../../lib/assessment/rule';
import { Checklist } from '../../../../lib/rules/mgn/facts/checklist';

describe('MGN Checklist', () => {
  test('passes with nothing recorded', () => {
    expect(new Checklist(Severity.ERROR).result().outcome).toBe(Outcome.PASS);
  });

  test('is unknown listing every undecided part when none fails', () => {
    const list = new Checklist(Severity.ERROR);
    list.unknown('a is not recorded');
    list.unknown('b is not recorded');
    expect(list.result()).toEqual({ outcome: Outcome.UNKNOWN, message: 'a is not recorded; b is not recorded' });
  });

  test('fails listing every failing part, then the undecided ones', () => {
    const list = new Checklist(Severity.ERROR);
    list.fail('a fails');
    list.unknown('b is not recorded');
    list.fail('c fails');
    expect(list.result()).toEqual({ outcome: Outcome.FAIL, message: 'a fails; c fails; not judged: b is not recorded' });
  });

  test('fails at the highest severity of its parts, lower than the rule\'s only when all are lower', () => {
    const warnings = new Checklist(Severity.ERROR);
    warnings.fail('a', Severity.WARNING);
    expect(warnings.result().severity).toBe(Severity.WARNING);
    const mixed = new Checklist(Severity.ERROR);
    mixed.fail('a', Severity.WARNING);
    mixed.fail('b', Severity.ERROR);
    mixed.fail('c', Severity.WARNING);
    expect(mixed.result().severity).toBeUndefined();
    const warningRule = new Checklist(Severity.WARNING);
    warningRule.fail('a');
    expect(warningRule.result().severity).toBeUndefined();
  });
});
