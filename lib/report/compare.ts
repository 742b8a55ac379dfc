import { Severity } from '../assessment/rule';
import { AssessmentPolicy, Finding, PlanAssessment, Verdict } from '../assessment/types';
import { mgnCounterparts } from '../rules/mgn/sms-mapping';
import { plural } from './helpers';
import { visibleControls } from '../private/visible-controls';

/** One VM judged for both services. */
export interface VmComparison {
  readonly name: string;
  /** Its verdict and the rules that block it under SMS. */
  readonly sms: ServiceVerdict;
  /** Its verdict and the rules that block it under MGN. */
  readonly mgn: ServiceVerdict;
  /** SMS rules that block it while no MGN counterpart does: what moving to MGN removes. */
  readonly onlySms: readonly string[];
  /** MGN rules that block it while no SMS rule of the same concern does: what moving to MGN adds. */
  readonly onlyMgn: readonly string[];
}

/** A verdict and the rules behind it. */
export interface ServiceVerdict {
  readonly verdict: Verdict;
  /** Rules whose unacknowledged findings fail the policy: errors, and warnings under `--strict`. */
  readonly blocking: readonly string[];
}

/** The rules whose findings fail the policy. */
function blocking(findings: readonly Finding[], policy: AssessmentPolicy): string[] {
  return findings.filter((f) => !f.acknowledged && (f.severity === Severity.ERROR || (policy.strict && f.severity === Severity.WARNING)))
    .map((f) => f.rule);
}

/**
 * Sets the SMS and MGN assessments of one plan side by side, VM by VM (the plan's order): each verdict,
 * and the blocking rules that one service has and the other has not, read through the SMS to MGN
 * mapping of MGN-RULES.md (an SMS rule is matched when one of its MGN counterparts also blocks).
 */
export function compareAssessments(sms: PlanAssessment, mgn: PlanAssessment): VmComparison[] {
  const mgnByName = new Map(mgn.vms.map((v) => [v.name, v] as const));
  return sms.vms.flatMap((smsVm) => {
    const mgnVm = mgnByName.get(smsVm.name);
    if (mgnVm === undefined) {
      return [];
    }
    const smsBlocking = blocking(smsVm.findings, sms.policy);
    const mgnBlocking = blocking(mgnVm.findings, mgn.policy);
    const mgnSet = new Set(mgnBlocking);
    const matched = new Set<string>();
    const onlySms: string[] = [];
    for (const rule of smsBlocking) {
      const counterparts = mgnCounterparts(rule).filter((id) => mgnSet.has(id));
      counterparts.forEach((id) => matched.add(id));
      if (counterparts.length === 0) {
        onlySms.push(rule);
      }
    }
    return [{
      name: smsVm.name,
      sms: { verdict: smsVm.verdict, blocking: smsBlocking },
      mgn: { verdict: mgnVm.verdict, blocking: mgnBlocking },
      onlySms,
      onlyMgn: mgnBlocking.filter((id) => !matched.has(id)),
    }];
  });
}

/** What changes for one VM, in a few words. */
function change(c: VmComparison): string {
  const parts: string[] = [];
  if (c.onlySms.length > 0) {
    parts.push(`blocks under SMS only: ${c.onlySms.join(', ')}`);
  }
  if (c.onlyMgn.length > 0) {
    parts.push(`blocks under MGN only: ${c.onlyMgn.join(', ')}`);
  }
  return parts.join('; ');
}

/** The comparison of one plan as a table for a terminal. */
export function renderComparisonTable(file: string, comparisons: readonly VmComparison[], asOf: string): string {
  const nameWidth = Math.max(4, ...comparisons.map((c) => visibleControls(c.name).length)) + 2;
  const lines = [
    `${visibleControls(file)}: judged for SMS and for MGN (as of ${asOf})`,
    '',
    `${'VM'.padEnd(nameWidth)}${'SMS'.padEnd(23)}${'MGN'.padEnd(23)}WHAT CHANGES`,
  ];
  for (const c of comparisons) {
    lines.push(`${visibleControls(c.name).padEnd(nameWidth)}${c.sms.verdict.padEnd(23)}${c.mgn.verdict.padEnd(23)}${change(c)}`.trimEnd());
  }
  lines.push('', summaryLine(comparisons));
  return `${lines.join('\n')}\n`;
}

/** The comparison as Markdown. */
export function renderComparisonMarkdown(file: string, comparisons: readonly VmComparison[], asOf: string): string {
  const cell = (text: string): string => visibleControls(text).replace(/[|\\`*_[\]<>]/g, (ch) => `\\${ch}`);
  const lines = [
    `## ${cell(file)}: judged for SMS and for MGN (as of ${asOf})`,
    '',
    '| VM | SMS | MGN | what changes |',
    '| --- | --- | --- | --- |',
    ...comparisons.map((c) => `| ${cell(c.name)} | ${c.sms.verdict} | ${c.mgn.verdict} | ${change(c)} |`),
    '',
    summaryLine(comparisons),
  ];
  return `${lines.join('\n')}\n`;
}

/** How many VMs are ready under one service and not the other. */
function summaryLine(comparisons: readonly VmComparison[]): string {
  const ready = (v: Verdict): boolean => v === Verdict.READY || v === Verdict.READY_WITH_CONDITIONS;
  const onlyMgn = comparisons.filter((c) => ready(c.mgn.verdict) && !ready(c.sms.verdict)).length;
  const onlySms = comparisons.filter((c) => ready(c.sms.verdict) && !ready(c.mgn.verdict)).length;
  return `${plural(comparisons.length, 'VM')}: ${onlyMgn} ready under MGN only, ${onlySms} ready under SMS only, `
    + `${comparisons.length - onlyMgn - onlySms} alike.`;
}
