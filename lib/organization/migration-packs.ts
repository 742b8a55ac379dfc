import { IConstruct } from 'constructs';
import { MULTIPLE_ERRORS_ID, SmsMigrationError } from '../errors';
import { formatPlanIssue } from '../plan/load/plan-file-error';
import { Plan, PlanTarget } from '../plan/model/plan';
import { PlanPath } from '../plan/source/plan-path';
import { TextPosition } from '../plan/source/text-position';
import { rulePackFor } from '../rules/packs';
import { acknowledgementIssues, organizationRuleIds } from './assess';
import { checkPackShapes, composeRulePack } from './compose';
import { organizationDefaults, withDefaultsBeneath } from './defaults';
import { IOrganizationRulePack } from './organization-rule-pack';

/** A migration's organisation rule packs, checked, and what they make of its plan. */
export interface OrganizationSetup {
  /** The packs, in order. */
  readonly rulePacks: IOrganizationRulePack[];
  /** The plan with the packs' defaults beneath its own. */
  readonly plan: Plan;
  /** The ids of the packs' own rules. */
  readonly ruleIds: string[];
}

/**
 * Checks a migration's organisation rule packs against its plan before anything is defined: their
 * shapes, their composition with the pack of the plan's target (collisions, lowered severities, unknown
 * ids), and the plan's acknowledgements of rules of another prefix than the library's. Every problem is
 * thrown at once, on `scope`.
 */
export function organizationSetup(
  rulePacks: readonly IOrganizationRulePack[] | undefined, plan: Plan, source: string,
  locate: ((path: PlanPath) => TextPosition | undefined) | undefined, scope: IConstruct,
): OrganizationSetup {
  const packs = rulePacks ?? [];
  const target = plan.target ?? PlanTarget.SMS;
  try {
    checkPackShapes(packs);
    composeRulePack(rulePackFor(target), packs);
  } catch (e) {
    if (SmsMigrationError.isSmsMigrationError(e)) {
      throw new SmsMigrationError(e.errorId, e.message, scope, e.details);
    }
    throw e;
  }
  const issues = acknowledgementIssues(plan, packs, source, locate);
  if (issues.length > 0) {
    const lines = issues.map(formatPlanIssue);
    throw new SmsMigrationError(issues.length === 1 ? 'cdk-sms-migration:UnknownRule' : MULTIPLE_ERRORS_ID,
      issues.length === 1 ? lines[0] : [`found ${issues.length} errors:`, ...lines.map((l) => `- ${l}`)].join('\n'), scope,
      lines.map((message) => ({ errorId: 'cdk-sms-migration:UnknownRule', message })));
  }
  return {
    rulePacks: [...packs],
    plan: withDefaultsBeneath(plan, organizationDefaults(packs, target)),
    ruleIds: [...organizationRuleIds(packs)],
  };
}
