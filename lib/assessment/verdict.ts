import { Severity } from './rule';
import { AssessmentPolicy, Finding, FindingOutcome, Verdict } from './types';

/**
 * A subject's verdict from its findings. Precedence, highest first: not-ready (an unacknowledged
 * error), unknown (an unacknowledged unknown), ready-with-conditions (an unacknowledged warning, or
 * any acknowledged finding), ready. Info findings never change the verdict.
 */
export function verdictOf(findings: readonly Finding[]): Verdict {
  let unknown = false;
  let conditions = false;
  for (const finding of findings) {
    if (finding.severity === Severity.INFO) {
      continue;
    }
    if (finding.acknowledged) {
      conditions = true;
    } else if (finding.severity === Severity.ERROR) {
      return Verdict.NOT_READY;
    } else if (finding.outcome === FindingOutcome.UNKNOWN) {
      unknown = true;
    } else {
      conditions = true;
    }
  }
  if (unknown) {
    return Verdict.UNKNOWN;
  }
  return conditions ? Verdict.READY_WITH_CONDITIONS : Verdict.READY;
}

/**
 * True when the findings fail under the policy: an unacknowledged error always does; under `strict`
 * an unacknowledged warning (an unknown reported as a warning among them) does too.
 */
export function failsPolicy(findings: readonly Finding[], policy: AssessmentPolicy): boolean {
  return findings.some((f) => !f.acknowledged
    && (f.severity === Severity.ERROR || (policy.strict && f.severity === Severity.WARNING)));
}
