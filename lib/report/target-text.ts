import { Finding, NotCarriedAcknowledgement, PlanAssessment, VmDetails } from '../assessment/types';
import { RuleInfo } from '../assessment/rule-info';
import { IRulePack } from '../assessment/rule-pack';
import { PlanTarget } from '../plan/model/plan';
import { rulePackFor, shippedRulePacksFor } from '../rules/packs';

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
  return shippedRulePacksFor(targets);
}

/** The short name of the service whose pack holds a rule: `SMS` for `SMS-NET1`. */
export function ruleService(rule: RuleInfo): string {
  return rule.id.split('-')[0];
}

/**
 * Why a hard rule's failure cannot be acknowledged, as a clause: `SMS itself rejects a VM that fails it`,
 * or, for a rule an organisation pack made hard, `the Example Corp rule pack makes it unacknowledgeable`.
 */
export function hardReason(rule: RuleInfo): string {
  return rule.hardBy !== undefined ? `the ${rule.hardBy} rule pack makes it unacknowledgeable` : `${ruleService(rule)} itself rejects a VM that fails it`;
}

/**
 * The rules of the packs these assessments were made for, as they judged: the library's catalogue in the
 * order of `RULE_PACKS`, each entry an organisation pack changed (a raised severity, an unacknowledgeable
 * error) in its changed form, then the organisation packs' own rules.
 */
export function catalogueOf(assessments: readonly PlanAssessment[]): RuleInfo[] {
  const organization = new Map<string, RuleInfo>();
  for (const rule of assessments.flatMap((a) => a.organizationRules ?? [])) {
    if (!organization.has(rule.id)) {
      organization.set(rule.id, rule);
    }
  }
  const shipped = packsOf(assessments).flatMap((pack) => pack.rules);
  const ids = new Set(shipped.map((rule) => rule.id));
  return [...shipped.map((rule) => organization.get(rule.id) ?? rule), ...[...organization.values()].filter((rule) => !ids.has(rule.id))];
}

/** The line naming the organisation rule packs an assessment was judged with, or undefined when none. */
export function organizationLine(assessment: PlanAssessment): string | undefined {
  const packs = assessment.organizationPacks ?? [];
  return packs.length === 0 ? undefined : `Organisation rule pack${packs.length === 1 ? '' : 's'}: ${packs.join(', ')}`;
}
