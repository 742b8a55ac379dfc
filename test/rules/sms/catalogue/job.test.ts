import { JOB_RULES } from '../../../../lib/rules/sms/catalogue/job';
import { RuleSubject } from '../../../../lib/assessment/rule-pack';
import { RuleSection } from '../../../../lib/rules/sms/sections';
import { Outcome, Severity } from '../../../../lib/assessment/rule';
import { vmContext } from '../../../helpers/context';

describe('replication job catalogue', () => {
  test('lists SMS-JOB1 to SMS-JOB5 in order', () => {
    expect(JOB_RULES.map((r) => r.id)).toEqual(['SMS-JOB1', 'SMS-JOB2', 'SMS-JOB3', 'SMS-JOB4', 'SMS-JOB5']);
  });

  test('pins severities and hardness', () => {
    const pinned = JOB_RULES.map((r) => `${r.id} ${r.severity}${r.hard ? ' hard' : ''}`);
    expect(pinned).toEqual([
      `SMS-JOB1 ${Severity.ERROR} hard`,
      `SMS-JOB2 ${Severity.ERROR}`,
      `SMS-JOB3 ${Severity.ERROR} hard`,
      `SMS-JOB4 ${Severity.ERROR}`,
      `SMS-JOB5 ${Severity.INFO}`,
    ]);
  });

  test('every entry is a VM rule of the job section with its texts', () => {
    for (const rule of JOB_RULES) {
      expect(rule.section).toBe(RuleSection.REPLICATION_JOB);
      expect(rule.subject).toBe(RuleSubject.VM);
      expect(rule.notApplicableAfter).toBeUndefined();
      for (const text of [rule.title, rule.explanation, rule.remediation]) {
        expect(text.length).toBeGreaterThan(10);
      }
    }
  });

  test('no job rule reports unknown for a VM with no facts and no settings', () => {
    // GIVEN bare VMs on either hypervisor, with no replication settings and no plan defaults
    for (const hypervisor of ['vmware', 'hyperv']) {
      const ctx = vmContext({ hypervisor });
      for (const rule of JOB_RULES) {
        // THEN no rule is undecided
        expect([rule.id, rule.check(ctx).outcome]).not.toEqual([rule.id, Outcome.UNKNOWN]);
      }
    }
  });
});
