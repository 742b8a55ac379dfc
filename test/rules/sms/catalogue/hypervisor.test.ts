import { HYPERVISOR_RULES } from '../../../../lib/rules/sms/catalogue/hypervisor';
import { RuleSubject } from '../../../../lib/assessment/rule-pack';
import { RuleSection } from '../../../../lib/rules/sms/sections';
import { Severity } from '../../../../lib/assessment/rule';

describe('hypervisor catalogue', () => {
  test('declares HV1-6 in RULES.md order', () => {
    expect(HYPERVISOR_RULES.map((r) => r.id)).toEqual(['SMS-HV1', 'SMS-HV2', 'SMS-HV3', 'SMS-HV4', 'SMS-HV5', 'SMS-HV6']);
  });

  test('pins severities and hardness', () => {
    const of = (severity: Severity, hard: boolean) => HYPERVISOR_RULES.filter((r) => r.severity === severity && r.hard === hard).map((r) => r.id);
    expect(of(Severity.ERROR, true)).toEqual(['SMS-HV1', 'SMS-HV2', 'SMS-HV3', 'SMS-HV4', 'SMS-HV5']);
    expect(of(Severity.INFO, false)).toEqual(['SMS-HV6']);
    expect(HYPERVISOR_RULES).toHaveLength(6);
  });

  test('every entry is a complete VM rule of its section', () => {
    for (const rule of HYPERVISOR_RULES) {
      expect(rule.section).toBe(RuleSection.HYPERVISOR);
      expect(rule.subject).toBe(RuleSubject.VM);
      expect(typeof rule.check).toBe('function');
      for (const text of [rule.title, rule.explanation, rule.remediation]) {
        expect(text.length).toBeGreaterThan(10);
      }
      expect(rule.notApplicableAfter).toBeUndefined();
    }
  });
});
