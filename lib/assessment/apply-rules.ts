import { Rule } from './rule-pack';
import { Outcome, RuleResult, Severity } from './rule';
import { AcknowledgementBook } from './acknowledge';
import { AssessmentPolicy, Finding, FindingOutcome, UnknownPolicy } from './types';
import { clipValue, clipValues, MAX_MESSAGE } from '../private/clip';

/**
 * The findings one assessment pass has already made from shared results, by result.
 *
 * A rule that returns the same frozen result for many subjects (a reminder every VM gets, or the
 * result of an OS-only rule shared by the VMs of one OS) makes the same finding for each of them
 * unless an acknowledgement covers it: one frozen finding serves them all, instead of one object (and
 * one clipped message) per subject. Valid for one policy: make one per pass.
 */
export type SharedFindings = Map<RuleResult, Finding>;

/**
 * Runs rules in catalogue order over one subject, skipping a rule (n/a) once a rule it depends on has
 * failed, and turns each fail or unknown into a finding.
 *
 * @param shared the findings made so far in the same pass from frozen (shared) results, to reuse; without
 * it (a subject judged on its own) every finding is made afresh
 */
export function applyRules<R extends Rule>(
  rules: readonly R[], run: (rule: R) => RuleResult, subject: string, policy: AssessmentPolicy, book: AcknowledgementBook,
  shared?: SharedFindings,
): Finding[] {
  const findings: Finding[] = [];
  const depended = dependedOn(rules);
  // Only failures of rules that others depend on are remembered, and the set is made at the first.
  let failed: Set<string> | undefined;
  for (const rule of rules) {
    if (failed !== undefined && rule.notApplicableAfter !== undefined && dependsOnFailed(rule.notApplicableAfter, failed)) {
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
    if (result.outcome === Outcome.FAIL && depended.has(rule.id)) {
      (failed ??= new Set()).add(rule.id);
    }
    findings.push(findingOf(rule, result, subject, policy, book, shared));
  }
  return findings;
}

// A pack's rule lists are constant: which ids their rules depend on is worked out once per list.
const DEPENDED_ON = new WeakMap<readonly Rule[], ReadonlySet<string>>();

/** The ids that some rule of the list names in `notApplicableAfter`. */
function dependedOn(rules: readonly Rule[]): ReadonlySet<string> {
  let ids = DEPENDED_ON.get(rules);
  if (ids === undefined) {
    ids = new Set(rules.flatMap((rule) => rule.notApplicableAfter ?? []));
    DEPENDED_ON.set(rules, ids);
  }
  return ids;
}

function dependsOnFailed(ids: readonly string[], failed: ReadonlySet<string>): boolean {
  for (const id of ids) {
    if (failed.has(id)) {
      return true;
    }
  }
  return false;
}

/** The finding of a fail or unknown: the shared one when the result is shared and no acknowledgement covers it. */
function findingOf(
  rule: Rule, result: RuleResult, subject: string, policy: AssessmentPolicy, book: AcknowledgementBook, shared: SharedFindings | undefined,
): Finding {
  const ack = book.match(rule.id, subject);
  if (ack !== undefined || shared === undefined || !Object.isFrozen(result)) {
    return toFinding(rule, result, policy, ack);
  }
  const known = shared.get(result);
  // A frozen result might be returned by two rules: the finding names its rule, so it is shared only within one.
  if (known !== undefined && known.rule === rule.id) {
    return known;
  }
  // Not frozen, although VMs share it: jsii tags every struct it hands to another language (Python) with
  // a property of its own, which a frozen object refuses, so `Migration.assess()` would fail there.
  const finding = toFinding(rule, result, policy, undefined);
  shared.set(result, finding);
  return finding;
}

function toFinding(rule: Rule, result: RuleResult, policy: AssessmentPolicy, ack: ReturnType<AcknowledgementBook['match']>): Finding {
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
  if (!ack) {
    return { rule: rule.id, severity, outcome, message, acknowledged: false };
  }
  const via = ack.via !== undefined ? { acknowledgedVia: ack.via } : {};
  if (rule.hard && !isUnknown && severity === Severity.ERROR) {
    // The service is named by the rule's prefix: SMS-OS1 is SMS's, MGN-OS1 MGN's; an organisation's pack by its name.
    const service = rule.id.slice(0, rule.id.indexOf('-'));
    const why = rule.hardBy !== undefined ? `the ${rule.hardBy} rule pack makes it unacknowledgeable` : `${service} itself rejects this`;
    return {
      rule: rule.id, severity, outcome, message, acknowledged: false, reason: ack.reason, acknowledgementScope: ack.scope, ...via,
      note: `${rule.id} is a hard rule: ${why}, so its failure cannot be acknowledged`,
    };
  }
  return { rule: rule.id, severity, outcome, message, acknowledged: true, reason: ack.reason, acknowledgementScope: ack.scope, ...via };
}
