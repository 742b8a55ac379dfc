import { BOOT_RULES as BOOT_AND_FS_RULES, FREE_SPACE_RULES } from '../../../../lib/rules/sms/catalogue/boot';

const BOOT_RULES = [...BOOT_AND_FS_RULES, ...FREE_SPACE_RULES];
import { RuleSubject } from '../../../../lib/assessment/rule-pack';
import { RuleSection } from '../../../../lib/rules/sms/sections';
import { Severity } from '../../../../lib/assessment/rule';

describe('boot, file-system and free-space catalogue', () => {
  test('declares BOOT1-4, FS1-3, FREE1-2 in RULES.md order', () => {
    expect(BOOT_RULES.map((r) => r.id)).toEqual([
      'SMS-BOOT1', 'SMS-BOOT2', 'SMS-BOOT3', 'SMS-BOOT4', 'SMS-FS1', 'SMS-FS2', 'SMS-FS3', 'SMS-FREE1', 'SMS-FREE2',
    ]);
  });

  test('pins severities and hardness', () => {
    const of = (severity: Severity, hard: boolean) => BOOT_RULES.filter((r) => r.severity === severity && r.hard === hard).map((r) => r.id);
    expect(of(Severity.ERROR, true)).toEqual(['SMS-BOOT1', 'SMS-BOOT2', 'SMS-BOOT3', 'SMS-FS1', 'SMS-FS3']);
    expect(of(Severity.ERROR, false)).toEqual(['SMS-FREE1', 'SMS-FREE2']);
    expect(of(Severity.WARNING, false)).toEqual(['SMS-BOOT4', 'SMS-FS2']);
    expect(of(Severity.WARNING, true)).toEqual([]);
  });

  test('every entry is a complete VM rule of its section', () => {
    for (const rule of BOOT_RULES) {
      expect(rule.section).toBe(RuleSection.BOOT_AND_DISKS);
      expect(rule.subject).toBe(RuleSubject.VM);
      expect(typeof rule.check).toBe('function');
      for (const text of [rule.title, rule.explanation, rule.remediation]) {
        expect(text.length).toBeGreaterThan(10);
      }
      expect(rule.title).not.toMatch(/\.$/);
      expect(rule.notApplicableAfter).toBeUndefined();
    }
  });
});
