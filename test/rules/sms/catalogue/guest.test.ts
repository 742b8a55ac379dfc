import { GUEST_RULES } from '../../../../lib/rules/sms/catalogue/guest';
import { RuleSubject } from '../../../../lib/assessment/rule-pack';
import { RuleSection } from '../../../../lib/rules/sms/sections';
import { Severity } from '../../../../lib/assessment/rule';

describe('guest preparation catalogue', () => {
  test('declares SMS-PREP1 to SMS-PREP13 in order', () => {
    expect(GUEST_RULES.map((r) => r.id)).toEqual(Array.from({ length: 13 }, (_, i) => `SMS-PREP${i + 1}`));
  });

  test('pins the ids per severity; none is hard', () => {
    const ids = (severity: Severity) => GUEST_RULES.filter((r) => r.severity === severity).map((r) => r.id);
    expect(ids(Severity.ERROR)).toEqual(['SMS-PREP1', 'SMS-PREP2', 'SMS-PREP3', 'SMS-PREP4', 'SMS-PREP5', 'SMS-PREP6',
      'SMS-PREP8', 'SMS-PREP9', 'SMS-PREP10']);
    expect(ids(Severity.WARNING)).toEqual(['SMS-PREP11', 'SMS-PREP12']);
    expect(ids(Severity.INFO)).toEqual(['SMS-PREP7', 'SMS-PREP13']);
    expect(GUEST_RULES.filter((r) => r.hard)).toEqual([]);
  });

  test('every entry is a complete VM rule of the guest preparation section', () => {
    for (const rule of GUEST_RULES) {
      expect(rule.section).toBe(RuleSection.GUEST_PREPARATION);
      expect(rule.subject).toBe(RuleSubject.VM);
      expect(rule.notApplicableAfter).toBeUndefined();
      expect(typeof rule.check).toBe('function');
      for (const text of [rule.title, rule.explanation, rule.remediation]) {
        expect(text.trim()).not.toBe('');
      }
      expect(rule.title).not.toMatch(/\.$/);
    }
  });
});
