import { Severity } from '../../../lib/assessment/rule';
import { MGN_RULE_IDS, MgnRuleSection } from '../../../lib/rules/mgn';
import { GUEST_RULES } from '../../../lib/rules/mgn/catalogue/guest';

describe('MGN guest preparation catalogue', () => {
  test('declares MGN-PREP1 to MGN-PREP17 in order, in its section, in the pack', () => {
    const ids = Array.from({ length: 17 }, (_, i) => `MGN-PREP${i + 1}`);
    expect(GUEST_RULES.map((r) => r.id)).toEqual(ids);
    expect(GUEST_RULES.every((r) => r.section === MgnRuleSection.GUEST_PREPARATION)).toBe(true);
    expect(ids.every((id) => MGN_RULE_IDS.includes(id))).toBe(true);
  });

  test('pins the severities and the one hard rule', () => {
    const bySeverity = (severity: Severity) => GUEST_RULES.filter((r) => r.severity === severity).map((r) => r.id);
    expect(bySeverity(Severity.WARNING)).toEqual(['MGN-PREP7', 'MGN-PREP8', 'MGN-PREP12', 'MGN-PREP14', 'MGN-PREP15', 'MGN-PREP16', 'MGN-PREP17']);
    expect(bySeverity(Severity.ERROR)).toEqual(['MGN-PREP1', 'MGN-PREP2', 'MGN-PREP3', 'MGN-PREP4', 'MGN-PREP5', 'MGN-PREP6', 'MGN-PREP9',
      'MGN-PREP10', 'MGN-PREP11', 'MGN-PREP13']);
    expect(GUEST_RULES.filter((r) => r.hard).map((r) => r.id)).toEqual(['MGN-PREP11']);
  });
});
