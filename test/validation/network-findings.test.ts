import { refusedAcknowledgementErrors, synthesisFindings } from '../../lib/validation/synthesis-findings';
import { mgnSource } from '../report/report-fixtures';
import { Severity } from '../../lib/assessment/rule';
import { FindingOutcome } from '../../lib/assessment/types';

describe('synthesis findings of the network (MGN)', () => {
  test('an unacknowledged network error fails synthesis, whichever VMs the app deploys; an acknowledged one does not', () => {
    // GIVEN an MGN assessment whose network has an error and an acknowledged unknown
    const { assessment } = mgnSource();
    // WHEN sorted for synthesis, no VM deployed
    const { errors, warnings } = synthesisFindings(assessment, () => false, 'plans/mgn.json');
    // THEN
    // The fix is the rule's remediation, from the catalogue.
    const said = /^network: MGN-CON2 mgn\.network\.stagingIngress allows no tcp 1500 from the sources: allow it\. Fix: \S/;
    expect(errors).toEqual([expect.stringMatching(said)]);
    expect(warnings.some((w) => w.message.startsWith('network:'))).toBe(false);
  });

  test('a network warning warns on the plan, and a refused acknowledgement of a network error is reported', () => {
    // GIVEN
    const base = mgnSource().assessment;
    const assessment = {
      ...base,
      network: {
        verdict: base.network!.verdict,
        findings: [
          { rule: 'MGN-CON4', severity: Severity.WARNING, outcome: FindingOutcome.UNKNOWN, acknowledged: false, message: 'tls not recorded' },
          { rule: 'MGN-CON2', severity: Severity.ERROR, outcome: FindingOutcome.FAIL, acknowledged: false, message: 'no ingress',
            note: 'MGN-CON2 is a hard rule', reason: 'we accept it' },
        ],
      },
    };
    // WHEN
    const { warnings } = synthesisFindings(assessment, () => true, 'plans/mgn.json');
    const refused = refusedAcknowledgementErrors(assessment, () => true);
    // THEN
    expect(warnings).toContainEqual({ rule: 'MGN-CON4', message: expect.stringMatching(/^network: MGN-CON4 unknown: tls not recorded\. Fix: \S/) });
    expect(refused).toEqual([expect.stringMatching(/^network: MGN-CON2 no ingress \(MGN-CON2 is a hard rule\)\. Fix: \S/)]);
  });
});
