import { OS_RULES } from '../../../../lib/rules/sms/catalogue/os';
import { RuleSubject } from '../../../../lib/assessment/rule-pack';
import { RuleSection } from '../../../../lib/rules/sms/sections';
import { Severity } from '../../../../lib/assessment/rule';

describe('operating-system catalogue', () => {
  test('lists SMS-OS1 to SMS-OS10 in order', () => {
    expect(OS_RULES.map((r) => r.id)).toEqual([
      'SMS-OS1', 'SMS-OS2', 'SMS-OS3', 'SMS-OS4', 'SMS-OS5', 'SMS-OS6', 'SMS-OS7', 'SMS-OS8', 'SMS-OS9', 'SMS-OS10',
    ]);
  });

  test('pins the severities and hard flags of RULES.md', () => {
    const by = (predicate: (r: typeof OS_RULES[number]) => boolean) => OS_RULES.filter(predicate).map((r) => r.id);
    expect(by((r) => r.severity === Severity.ERROR && r.hard)).toEqual([
      'SMS-OS1', 'SMS-OS2', 'SMS-OS3', 'SMS-OS4', 'SMS-OS5', 'SMS-OS6', 'SMS-OS7', 'SMS-OS8',
    ]);
    expect(by((r) => r.severity === Severity.ERROR && !r.hard)).toEqual(['SMS-OS10']);
    expect(by((r) => r.severity === Severity.WARNING)).toEqual(['SMS-OS9']);
    expect(by((r) => r.severity === Severity.WARNING && r.hard)).toEqual([]);
    expect(by((r) => r.severity === Severity.INFO)).toEqual([]);
  });

  test('makes the detail rules n/a once SMS-OS1 fails, and SMS-OS8 once SMS-OS2 fails', () => {
    const after = Object.fromEntries(OS_RULES.map((r) => [r.id, r.notApplicableAfter ?? []]));
    for (const id of ['SMS-OS2', 'SMS-OS3', 'SMS-OS4', 'SMS-OS5', 'SMS-OS6', 'SMS-OS7', 'SMS-OS10']) {
      expect(after[id]).toEqual(['SMS-OS1']);
    }
    expect(after['SMS-OS8']).toEqual(['SMS-OS1', 'SMS-OS2']);
    expect(after['SMS-OS1']).toEqual([]);
    expect(after['SMS-OS9']).toEqual([]);
  });

  test('only names rules that come earlier', () => {
    OS_RULES.forEach((rule, index) => {
      const earlier = OS_RULES.slice(0, index).map((r) => r.id);
      for (const id of rule.notApplicableAfter ?? []) {
        expect(earlier).toContain(id);
      }
    });
  });

  test('every entry is a VM rule of this section with its texts filled in', () => {
    for (const rule of OS_RULES) {
      expect(rule.section).toBe(RuleSection.OPERATING_SYSTEM);
      expect(rule.subject).toBe(RuleSubject.VM);
      expect(typeof rule.check).toBe('function');
      for (const text of [rule.title, rule.explanation, rule.remediation]) {
        expect(text.trim().length).toBeGreaterThan(10);
      }
      expect(rule.title).not.toMatch(/\n|\.$/);
    }
  });
});
