import { Rule } from './rule-pack';
import { Outcome, RuleResult, Severity } from './rule';
import { AcknowledgementBook } from './acknowledge';
import { AssessmentPolicy, Finding, FindingOutcome, UnknownPolicy } from './types';
import { clipValue, clipValues, MAX_MESSAGE } from '../private/clip';

/**
 * Runs rules in catalogue order over one subject, skipping a rule (n/a) once a rule it depends on has
 * failed, and turns each fail or unknown into a finding.
 */
export function applyRules<R extends Rule>(
  rules: readonly R[], run: (rule: R) => RuleResult, subject: string, policy: AssessmentPolicy, book: AcknowledgementBook,
): Finding[] {
  const findings: Finding[] = [];
  const failed = new Set<string>();
  for (const rule of rules) {
    if (rule.notApplicableAfter?.some((id) => failed.has(id))) {
      continue;
    }
    let result: RuleResult;
    try {
      result = run(rule);
    } catch (e) {
      throw new Error(`rule ${rule.id} could not judge ${subject}: ${(e as Error).message}`);
    }
    if (result.outcome === Outcome.PASS || result.outcome === Outcome.NOT_APPLICABLE) {
      continue;
    }
    if (result.outcome === Outcome.FAIL) {
      failed.add(rule.id);
    }
    findings.push(toFinding(rule, result, subject, policy, book));
  }
  return findings;
}

function toFinding(rule: Rule, result: RuleResult, subject: string, policy: AssessmentPolicy, book: AcknowledgementBook): Finding {
  const isUnknown = result.outcome === Outcome.UNKNOWN;
  let severity: Severity;
  if (rule.severity === Severity.INFO) {
    severity = Severity.INFO;
  } else if (isUnknown) {
    severity = policy.unknown === UnknownPolicy.ERROR ? Severity.ERROR : Severity.WARNING;
  } else {
    severity = result.severity ?? rule.severity;
  }
  const outcome = isUnknown ? FindingOutcome.UNKNOWN : FindingOutcome.FAIL;
  // A rule quotes the plan (names, versions): a value of megabytes would make every report as large.
  const message = clipValue(clipValues(result.message ?? rule.title), MAX_MESSAGE);
  const ack = book.match(rule.id, subject);
  if (!ack) {
    return { rule: rule.id, severity, outcome, message, acknowledged: false };
  }
  if (rule.hard && !isUnknown && severity === Severity.ERROR) {
    return {
      rule: rule.id, severity, outcome, message, acknowledged: false, reason: ack.reason, acknowledgementScope: ack.scope,
      note: `${rule.id} is a hard rule: SMS itself rejects this, so its failure cannot be acknowledged`,
    };
  }
  return { rule: rule.id, severity, outcome, message, acknowledged: true, reason: ack.reason, acknowledgementScope: ack.scope };
}
