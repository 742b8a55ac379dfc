import { AssessOptions, RuleEngine } from '../assessment/engine';
import { PlanAssessment } from '../assessment/types';
import { PlanIssue } from '../plan/load/plan-file-error';
import { closest } from '../plan/load/suggest';
import { formatPlanPath, PlanPath } from '../plan/source/plan-path';
import { TextPosition } from '../plan/source/text-position';
import { Plan } from '../plan/model/plan';
import { assessPlan, knownRuleIds, rulePackFor } from '../rules/packs';
import { checkPackShapes, composeRulePack } from './compose';
import { IOrganizationRulePack } from './organization-rule-pack';

/**
 * Assesses a plan as `assessPlan` does, with organisation rule packs applied in order to the pack of the
 * service judged for (`options.target`, else the plan's `target`, else SMS): their rules, raised
 * severities, unacknowledgeable errors and defaults. The assessment names the packs that applied and
 * carries the catalogue entries they added or changed, which every report reads.
 *
 * @param rulePacks the organisation packs, in the order they apply; none gives `assessPlan`'s assessment
 */
export function assessPlanWithRulePacks(plan: Plan, rulePacks: readonly IOrganizationRulePack[], options: AssessOptions = {}): PlanAssessment {
  checkPackShapes(rulePacks);
  if (rulePacks.length === 0) {
    return assessPlan(plan, options);
  }
  const composed = composeRulePack(rulePackFor(options.target ?? plan.target), rulePacks);
  if (composed.names.length === 0) {
    return assessPlan(plan, options);
  }
  const assessment = new RuleEngine(composed.pack).assessPlan(plan, options);
  return { ...assessment, organizationPacks: composed.names, organizationRules: composed.changed };
}

/** The ids of the organisation packs' own rules, whichever service they target. */
export function organizationRuleIds(rulePacks: readonly IOrganizationRulePack[]): ReadonlySet<string> {
  return new Set(rulePacks.flatMap((pack) => pack.vmRules.map((rule) => rule.id)));
}

/**
 * The acknowledgements in a plan (its top-level list and each VM's) whose rule is neither the library's
 * nor an organisation pack's, as plan issues with their place in the file. The plan loader checks the
 * library's ids; those of another prefix are checked here, against the packs of the run.
 *
 * @param file how the issues name the plan
 * @param locate where a field is in the file, when the plan came from one
 */
export function acknowledgementIssues(
  plan: Plan, rulePacks: readonly IOrganizationRulePack[], file: string, locate?: (path: PlanPath) => TextPosition | undefined,
): PlanIssue[] {
  const organization = organizationRuleIds(rulePacks);
  // Asked id by id, the library's ids load only the pack that an id's prefix names; listed, every pack.
  const library = knownRuleIds();
  const issues: PlanIssue[] = [];
  const check = (list: ReadonlyArray<{ readonly rule: string }> | undefined, at: PlanPath): void => {
    (list ?? []).forEach((ack, index) => {
      const id = String(ack.rule).trim().toUpperCase();
      if (library.has(id) || organization.has(id)) {
        return;
      }
      const path = [...at, index, 'rule'];
      const near = closest(id, organization.size > 0 ? organization : library);
      const packs = rulePacks.length === 0 ? ' (no organisation rule pack is loaded)'
        : ` (not a rule of the library nor of the rule packs ${rulePacks.map((p) => p.name).join(', ')})`;
      const position = locate?.(path);
      issues.push({
        file, path: formatPlanPath(path), ...(position !== undefined ? { line: position.line, column: position.column } : {}),
        message: `"${ack.rule}" is not a rule id${near ? ` (did you mean "${near}"?)` : packs}`,
      });
    });
  };
  check(plan.acknowledge, ['acknowledge']);
  plan.vms.forEach((vm, index) => check(vm.acknowledge, ['vms', index, 'acknowledge']));
  return issues;
}
