import {
  AssessmentSummary, ConnectorAssessment, Finding, NetworkAssessment, NotCarriedAcknowledgement, PlanAssessment, VmAssessment,
} from '../assessment/types';
import { RuleInfo } from '../assessment/rule-info';

/**
 * A finding as the JSON report writes it.
 *
 * TypeScript and JavaScript only (read and written by the report functions, which jsii does not
 * export): not in the jsii assembly.
 *
 * @jsii ignore
 */
export interface ReportFinding {
  readonly rule: string;
  readonly severity: string;
  readonly outcome: string;
  readonly message: string;
  readonly acknowledged: boolean;
  /** The other pack's rule whose acknowledgement covers it (an SMS acknowledgement counted under MGN). */
  readonly acknowledgedVia?: string;
  /** The acknowledgement's reason, when one covers the finding (or was refused). */
  readonly reason?: string;
  /** Why an acknowledgement was refused. */
  readonly note?: string;
}

/**
 * A VM as the JSON report writes it.
 *
 * TypeScript and JavaScript only (read and written by the report functions, which jsii does not
 * export): not in the jsii assembly.
 *
 * @jsii ignore
 */
export interface ReportVm {
  readonly name: string;
  readonly verdict: string;
  /** The license the job will get, or null when the OS facts cannot decide it. */
  readonly license: string | null;
  /** MGN: where the instance runs (default, dedicated or host), or null when the OS facts cannot decide it. */
  readonly tenancy?: string | null;
  /** MGN: the day the VM is judged on (its wave's cutover, never before the assessment day). */
  readonly evaluationDate?: string;
  /** MGN: agent or agentless. */
  readonly replicationMethod?: string;
  readonly findings: ReportFinding[];
  /**
   * True for a VM without a wave in a plan that uses waves: assessed and reported, neither deployed
   * nor counted against the job quota. Written only then.
   */
  readonly unscheduled?: true;
}

/**
 * The plan's network as the JSON report writes it (MGN).
 *
 * TypeScript and JavaScript only (read and written by the report functions, which jsii does not
 * export): not in the jsii assembly.
 *
 * @jsii ignore
 */
export interface ReportNetwork {
  readonly verdict: string;
  readonly findings: ReportFinding[];
}

/**
 * A connector as the JSON report writes it.
 *
 * TypeScript and JavaScript only (read and written by the report functions, which jsii does not
 * export): not in the jsii assembly.
 *
 * @jsii ignore
 */
export interface ReportConnector {
  readonly name: string;
  readonly verdict: string;
  readonly findings: ReportFinding[];
}

/**
 * An acknowledgement that matched nothing, as the JSON report writes it.
 *
 * TypeScript and JavaScript only (read and written by the report functions, which jsii does not
 * export): not in the jsii assembly.
 *
 * @jsii ignore
 */
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
 *
 * TypeScript and JavaScript only (read and written by the report functions, which jsii does not
 * export): not in the jsii assembly.
 *
 * @jsii ignore
 */
export interface Report {
  /** The service judged for, when not SMS. */
  readonly target?: string;
  /** The date of the OS matrix the MGN rules judge by. */
  readonly matrixDate?: string;
  readonly summary: AssessmentSummary;
  readonly vms: ReportVm[];
  readonly connectors: ReportConnector[];
  /** MGN: the staging network's findings (MGN-CON2, MGN-CON4). */
  readonly network?: ReportNetwork;
  readonly unusedAcknowledgements?: ReportUnusedAcknowledgement[];
  /** Acknowledgements of another pack's rules that do not count here: listed, never applied. */
  readonly notCarried?: NotCarriedAcknowledgement[];
  /** The organisation rule packs that judged with the service's pack, in order. */
  readonly organizationPacks?: string[];
  /** The rules those packs added or changed (a raised severity, an unacknowledgeable error), as they judged. */
  readonly organizationRules?: ReportRule[];
}

/**
 * A rule's catalogue entry as the JSON report writes it.
 *
 * TypeScript and JavaScript only (read and written by the report functions, which jsii does not
 * export): not in the jsii assembly.
 *
 * @jsii ignore
 */
export interface ReportRule {
  readonly id: string;
  readonly section: string;
  readonly severity: string;
  readonly hard: boolean;
  /** The organisation pack that made the rule hard. */
  readonly hardBy?: string;
  readonly title: string;
  readonly explanation: string;
  readonly remediation: string;
}

/** A rule as the JSON report writes it. */
export function reportRule(rule: RuleInfo): ReportRule {
  return {
    id: rule.id, section: rule.section, severity: rule.severity, hard: rule.hard, ...(rule.hardBy !== undefined ? { hardBy: rule.hardBy } : {}),
    title: rule.title, explanation: rule.explanation, remediation: rule.remediation,
  };
}

function reportFinding(f: Finding): ReportFinding {
  const out: { -readonly [K in keyof ReportFinding]: ReportFinding[K] } = {
    rule: f.rule, severity: f.severity, outcome: f.outcome, message: f.message, acknowledged: f.acknowledged,
  };
  if (f.acknowledgedVia !== undefined) {
    out.acknowledgedVia = f.acknowledgedVia;
  }
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
  const details = v.details;
  return {
    name: v.name,
    verdict: v.verdict,
    license: v.license ?? null,
    ...(details !== undefined ? {
      tenancy: details.tenancy ?? null,
      ...(details.evaluationDate !== undefined ? { evaluationDate: details.evaluationDate } : {}),
      ...(details.replicationMethod !== undefined ? { replicationMethod: details.replicationMethod } : {}),
    } : {}),
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

/** The network as the JSON report writes it. */
export function reportNetwork(n: NetworkAssessment): ReportNetwork {
  return { verdict: n.verdict, findings: n.findings.map(reportFinding) };
}

/** The fields before `summary`: the target and the matrix date, for packs other than SMS. */
export function reportHead(assessment: PlanAssessment): { target?: string; matrixDate?: string } {
  return {
    ...(assessment.target !== undefined ? { target: assessment.target } : {}),
    ...(assessment.matrixDate !== undefined ? { matrixDate: assessment.matrixDate } : {}),
  };
}

/** Builds the JSON report from an assessment. */
export function toReport(assessment: PlanAssessment): Report {
  return {
    ...reportHead(assessment),
    summary: { ...assessment.summary },
    vms: assessment.vms.map(reportVm),
    connectors: assessment.connectors.map(reportConnector),
    ...(assessment.network !== undefined ? { network: reportNetwork(assessment.network) } : {}),
    ...(assessment.unusedAcknowledgements.length > 0 ? { unusedAcknowledgements: assessment.unusedAcknowledgements.map((a) => ({ ...a })) } : {}),
    ...(assessment.notCarried !== undefined && assessment.notCarried.length > 0 ? { notCarried: assessment.notCarried.map((a) => ({ ...a })) } : {}),
    ...(assessment.organizationPacks !== undefined ? { organizationPacks: [...assessment.organizationPacks] } : {}),
    ...(assessment.organizationRules !== undefined ? { organizationRules: assessment.organizationRules.map(reportRule) } : {}),
  };
}
