import { CONNECTOR_RULES } from '../../../../lib/rules/sms/catalogue/connector';
import { RuleSubject } from '../../../../lib/assessment/rule-pack';
import { RuleSection } from '../../../../lib/rules/sms/sections';
import { Severity } from '../../../../lib/assessment/rule';

describe('connector rule catalogue', () => {
  test('holds SMS-CON1 to SMS-CON6 in order, all errors, CON6 the only one not hard', () => {
    expect(CONNECTOR_RULES.map((r) => r.id)).toEqual(['SMS-CON1', 'SMS-CON2', 'SMS-CON3', 'SMS-CON4', 'SMS-CON5', 'SMS-CON6']);
    expect(CONNECTOR_RULES.filter((r) => r.severity === Severity.ERROR).map((r) => r.id)).toHaveLength(6);
    expect(CONNECTOR_RULES.filter((r) => r.hard).map((r) => r.id)).toEqual(['SMS-CON1', 'SMS-CON2', 'SMS-CON3', 'SMS-CON4', 'SMS-CON5']);
  });

  test('every entry is a connector rule of the Connector section with its texts', () => {
    for (const rule of CONNECTOR_RULES) {
      expect(rule.section).toBe(RuleSection.CONNECTOR);
      expect(rule.subject).toBe(RuleSubject.CONNECTOR);
      expect(rule.notApplicableAfter).toBeUndefined();
      for (const text of [rule.title, rule.explanation, rule.remediation]) {
        expect(text).toMatch(/\S/);
        expect(text).not.toMatch(/\n/);
      }
      expect(typeof rule.check).toBe('function');
    }
  });
});
