import { AssessmentSummary, ConnectorAssessment, Finding, PlanAssessment, VmAssessment } from '../assessment/types';

/** A finding as the JSON report writes it. */
export interface ReportFinding {
  readonly rule: string;
  readonly severity: string;
  readonly outcome: string;
  readonly message: string;
  readonly acknowledged: boolean;
  /** The acknowledgement's reason, when one covers the finding (or was refused). */
  readonly reason?: string;
  /** Why an acknowledgement was refused. */
  readonly note?: string;
}

/** A VM as the JSON report writes it. */
export interface ReportVm {
  readonly name: string;
  readonly verdict: string;
  /** The license the job will get, or null when the OS facts cannot decide it. */
  readonly license: string | null;
  readonly findings: ReportFinding[];
  /**
   * True for a VM without a wave in a plan that uses waves: assessed and reported, neither deployed
   * nor counted against the job quota. Written only then.
   */
  readonly unscheduled?: true;
}

/** A connector as the JSON report writes it. */
export interface ReportConnector {
  readonly name: string;
  readonly verdict: string;
  readonly findings: ReportFinding[];
}

/** An acknowledgement that matched nothing, as the JSON report writes it. */
export interface ReportUnusedAcknowledgement {
  readonly rule: string;
  readonly reason: string;
  readonly scope: string;
  readonly vm?: string;
  readonly vms?: readonly string[];
}

/**
 * The `assess` command's JSON report: the shape the plan-file contract defines, field for field and
 * in that order. Three additions only ever appear when there is something to say: `reason`/`note` on an
 * acknowledged (or refused) finding, `unscheduled: true` at the end of an unscheduled VM, and
 * `unusedAcknowledgements` at the end.
 */
export interface Report {
  readonly summary: AssessmentSummary;
  readonly vms: ReportVm[];
  readonly connectors: ReportConnector[];
  readonly unusedAcknowledgements?: ReportUnusedAcknowledgement[];
}

function reportFinding(f: Finding): ReportFinding {
  const out: { -readonly [K in keyof ReportFinding]: ReportFinding[K] } = {
    rule: f.rule, severity: f.severity, outcome: f.outcome, message: f.message, acknowledged: f.acknowledged,
  };
  if (f.reason !== undefined) {
    out.reason = f.reason;
  }
  if (f.note !== undefined) {
    out.note = f.note;
  }
  return out;
}

/** A VM as the JSON report writes it. */
export function reportVm(v: VmAssessment): ReportVm {
  return {
    name: v.name,
    verdict: v.verdict,
    license: v.license ?? null,
    findings: v.findings.map(reportFinding),
    ...(v.unscheduled ? { unscheduled: true as const } : {}),
  };
}

/** A connector as the JSON report writes it. */
export function reportConnector(c: ConnectorAssessment): ReportConnector {
  return {
    name: c.name,
    verdict: c.verdict,
    findings: c.findings.map(reportFinding),
  };
}

/** Builds the JSON report from an assessment. */
export function toReport(assessment: PlanAssessment): Report {
  const report: Report = {
    summary: { ...assessment.summary },
    vms: assessment.vms.map(reportVm),
    connectors: assessment.connectors.map(reportConnector),
  };
  if (assessment.unusedAcknowledgements.length > 0) {
    return { ...report, unusedAcknowledgements: assessment.unusedAcknowledgements.map((a) => ({ ...a })) };
  }
  return report;
}
