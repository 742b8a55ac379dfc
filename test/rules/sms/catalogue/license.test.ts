import { LICENSE_RULES } from '../../../../lib/rules/sms/catalogue/license';
import { RuleSubject } from '../../../../lib/assessment/rule-pack';
import { RuleSection } from '../../../../lib/rules/sms/sections';
import { Severity } from '../../../../lib/assessment/rule';

describe('licensing catalogue', () => {
  test('lists SMS-LIC1 to SMS-LIC6 in order', () => {
    expect(LICENSE_RULES.map((r) => r.id)).toEqual(['SMS-LIC1', 'SMS-LIC2', 'SMS-LIC3', 'SMS-LIC4', 'SMS-LIC5', 'SMS-LIC6']);
  });

  test('pins severities and hardness', () => {
    const pinned = LICENSE_RULES.map((r) => `${r.id} ${r.severity}${r.hard ? ' hard' : ''}`);
    expect(pinned).toEqual([
      `SMS-LIC1 ${Severity.ERROR} hard`,
      `SMS-LIC2 ${Severity.ERROR} hard`,
      `SMS-LIC3 ${Severity.INFO}`,
      `SMS-LIC4 ${Severity.WARNING}`,
      `SMS-LIC5 ${Severity.WARNING}`,
      `SMS-LIC6 ${Severity.WARNING}`,
    ]);
  });

  test('every entry is a VM rule of the licensing section with its texts', () => {
    for (const rule of LICENSE_RULES) {
      expect(rule.section).toBe(RuleSection.LICENSING);
      expect(rule.subject).toBe(RuleSubject.VM);
      expect(rule.notApplicableAfter).toBeUndefined();
      for (const text of [rule.title, rule.explanation, rule.remediation]) {
        expect(text.length).toBeGreaterThan(10);
      }
      expect(typeof rule.check).toBe('function');
    }
  });
});
