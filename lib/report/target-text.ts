import { Finding, NotCarriedAcknowledgement, PlanAssessment, VmDetails } from '../assessment/types';
import { IRulePack, Rule } from '../assessment/rule-pack';
import { PlanTarget } from '../plan/model/plan';
import { RULE_PACKS, rulePackFor } from '../rules';

/*
 * Words every report uses alike for what a pack other than SMS adds to an assessment: the service and
 * its OS matrix's date, the network as a subject, the acknowledgements that cover a finding through
 * another pack's rule or do not carry at all, and a VM's details. An SMS assessment has none of them,
 * and its reports say nothing of them.
 */

/** Whether an assessment was made for SMS (its reports stay as they always were). */
export function isSmsAssessment(assessment: PlanAssessment): boolean {
  return assessment.target === undefined || assessment.target === PlanTarget.SMS;
}

/** The short name of the service an assessment was made for: `SMS`, `MGN`. */
export function serviceShortName(assessment: PlanAssessment): string {
  return (assessment.target ?? PlanTarget.SMS).toUpperCase();
}

/**
 * The line naming the service and the date of its OS matrix, for an assessment not made for SMS:
 * `Judged for AWS Application Migration Service; OS matrix of 2026-12-04`. Undefined for SMS.
 */
export function targetLine(assessment: PlanAssessment): string | undefined {
  if (isSmsAssessment(assessment)) {
    return undefined;
  }
  const service = rulePackFor(assessment.target).service;
  return `Judged for ${service}${assessment.matrixDate !== undefined ? `; OS matrix of ${assessment.matrixDate}` : ''}`;
}

/**
 * The title of a report over these assessments: `SMS migration assessment` when every one is for SMS
 * (as it always was), `MGN migration assessment` when every one is for MGN, else `Migration assessment`.
 */
export function reportTitle(assessments: readonly PlanAssessment[]): string {
  const services = new Set(assessments.map(serviceShortName));
  if (services.size === 0) {
    return 'SMS migration assessment';
  }
  return services.size === 1 ? `${[...services][0]} migration assessment` : 'Migration assessment';
}

/** How reports name the network as a subject. */
export const NETWORK_NAME = 'network';

/** The phrase a report adds to an acknowledgement given through another pack's rule: ` (via SMS-NET1)`. */
export function viaText(finding: Finding): string {
  return finding.acknowledgedVia !== undefined ? ` (via ${finding.acknowledgedVia})` : '';
}

/** Where a not-carried acknowledgement was written, as a cell says it: `VM web-01` or `plan-wide`. */
export function notCarriedPlace(ack: NotCarriedAcknowledgement, show: (text: string) => string = (t) => t): string {
  return ack.vm !== undefined ? `VM ${show(ack.vm)}` : 'plan-wide';
}

/** The sentence that goes with the list of not-carried acknowledgements. */
export function notCarriedSentence(assessment: PlanAssessment): string {
  const service = serviceShortName(assessment);
  return `They acknowledge rules of another service that do not carry over to ${service}: they are listed, never applied under ${service}.`;
}

/** An assessment's not-carried acknowledgements (none for SMS). */
export function notCarriedOf(assessment: PlanAssessment): readonly NotCarriedAcknowledgement[] {
  return assessment.notCarried ?? [];
}

/** Whether any VM of the assessment has details to show. */
export function hasVmDetails(assessment: PlanAssessment): boolean {
  return assessment.vms.some((vm) => vm.details !== undefined);
}

/** A VM's details as a short phrase: `agent, default tenancy, judged on 2027-02-13`; `-` when there are none. */
export function detailsText(details: VmDetails | undefined): string {
  if (details === undefined) {
    return '-';
  }
  const parts = [
    ...(details.replicationMethod !== undefined ? [details.replicationMethod] : []),
    ...(details.tenancy !== undefined ? [`${details.tenancy} tenancy`] : []),
    ...(details.evaluationDate !== undefined ? [`judged on ${details.evaluationDate}`] : []),
  ];
  return parts.length > 0 ? parts.join(', ') : '-';
}

/** The packs these assessments were made for, in the order of `RULE_PACKS`. */
export function packsOf(assessments: readonly PlanAssessment[]): IRulePack[] {
  const targets = new Set(assessments.map((a) => a.target ?? PlanTarget.SMS));
  if (targets.size === 0) {
    targets.add(PlanTarget.SMS);
  }
  return RULE_PACKS.filter((pack) => targets.has(pack.target));
}

/** The short name of the service whose pack holds a rule: `SMS` for `SMS-NET1`. */
export function ruleService(rule: Rule): string {
  return rule.id.split('-')[0];
}
