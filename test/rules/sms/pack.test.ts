import * as fs from 'fs';
import * as path from 'path';
import { CONNECTOR_RULE_LIST, findRule, RULE_IDS, RULES, VM_RULES } from '../../../lib/rules';
import { RuleSubject } from '../../../lib/assessment/rule-pack';
import { Severity } from '../../../lib/assessment/rule';

/** The rule ids RULES.md lists, in its order, read from the contract itself when it is present. */
function idsFromContract(): string[] | undefined {
  const file = path.join(__dirname, '..', '..', '..', '..', 'shared', 'RULES.md');
  if (!fs.existsSync(file)) {
    return undefined;
  }
  return [...fs.readFileSync(file, 'utf8').matchAll(/^\| (SMS-[A-Z]+[0-9]+) /gm)].map((m) => m[1]);
}

describe('rule catalogue', () => {
  test('holds exactly the 67 ids of the rule catalogue, in its order', () => {
    expect(RULES.map((r) => r.id)).toEqual(RULE_IDS);
    expect(RULES).toHaveLength(67);
    const contract = idsFromContract();
    if (contract) {
      expect(RULE_IDS).toEqual(contract);
    }
  });

  test('pins the ids per severity', () => {
    const bySeverity = (severity: Severity): string[] => RULES.filter((r) => r.severity === severity).map((r) => r.id);
    expect(bySeverity(Severity.INFO)).toEqual(['SMS-HV6', 'SMS-PREP7', 'SMS-PREP13', 'SMS-NET3', 'SMS-NET4', 'SMS-LIC3', 'SMS-JOB5']);
    expect(bySeverity(Severity.WARNING)).toEqual([
      'SMS-OS9', 'SMS-BOOT4', 'SMS-FS2', 'SMS-DISK7', 'SMS-PREP11', 'SMS-PREP12', 'SMS-NET1', 'SMS-NET2', 'SMS-NET5',
      'SMS-LIC4', 'SMS-LIC5', 'SMS-LIC6',
    ]);
    expect(bySeverity(Severity.ERROR)).toHaveLength(67 - 7 - 12);
  });

  test('pins the hard rules', () => {
    expect(RULES.filter((r) => r.hard).map((r) => r.id)).toEqual([
      'SMS-OS1', 'SMS-OS2', 'SMS-OS3', 'SMS-OS4', 'SMS-OS5', 'SMS-OS6', 'SMS-OS7', 'SMS-OS8',
      'SMS-BOOT1', 'SMS-BOOT2', 'SMS-BOOT3', 'SMS-FS1', 'SMS-FS3',
      'SMS-DISK1', 'SMS-DISK2', 'SMS-DISK3', 'SMS-DISK4', 'SMS-DISK5', 'SMS-DISK6',
      'SMS-HV1', 'SMS-HV2', 'SMS-HV3', 'SMS-HV4', 'SMS-HV5',
      'SMS-LIC1', 'SMS-LIC2', 'SMS-JOB1', 'SMS-JOB3',
      'SMS-CON1', 'SMS-CON2', 'SMS-CON3', 'SMS-CON4', 'SMS-CON5',
    ]);
    // Only errors can be hard.
    expect(RULES.filter((r) => r.hard && r.severity !== Severity.ERROR)).toEqual([]);
  });

  test('splits rules by subject: the connector section judges connectors, everything else VMs', () => {
    expect(CONNECTOR_RULE_LIST.map((r) => r.id)).toEqual(['SMS-CON1', 'SMS-CON2', 'SMS-CON3', 'SMS-CON4', 'SMS-CON5', 'SMS-CON6']);
    expect(VM_RULES).toHaveLength(61);
    expect(VM_RULES.every((r) => r.subject === RuleSubject.VM)).toBe(true);
  });

  test('gives every rule a title, an explanation and a remediation', () => {
    for (const rule of RULES) {
      expect({ id: rule.id, title: rule.title.length > 10 }).toEqual({ id: rule.id, title: true });
      expect({ id: rule.id, explanation: rule.explanation.length > 20 }).toEqual({ id: rule.id, explanation: true });
      expect({ id: rule.id, remediation: rule.remediation.length > 20 }).toEqual({ id: rule.id, remediation: true });
    }
  });

  test('declares n/a dependencies only on earlier rules', () => {
    const position = new Map(RULE_IDS.map((id, i) => [id, i]));
    for (const rule of RULES) {
      for (const dep of rule.notApplicableAfter ?? []) {
        expect(position.get(dep)).toBeLessThan(position.get(rule.id)!);
      }
    }
    expect(findRule('SMS-OS2')?.notApplicableAfter).toEqual(['SMS-OS1']);
    expect(findRule('SMS-OS8')?.notApplicableAfter).toEqual(['SMS-OS1', 'SMS-OS2']);
  });

  test('finds rules case-insensitively', () => {
    expect(findRule('sms-os2')?.id).toBe('SMS-OS2');
    expect(findRule('SMS-OS99')).toBeUndefined();
  });
});
