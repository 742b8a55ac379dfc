import { AssessConnectorOptions, AssessOptions, AssessVmOptions, RuleEngine } from '../assessment/engine';
import { RuleInfo } from '../assessment/rule-info';
import { IRulePack, Rule } from '../assessment/rule-pack';
import { ConnectorAssessment, PlanAssessment, VmAssessment } from '../assessment/types';
import { Connector, Plan, PlanTarget, Vm } from '../plan/model/plan';
import { SMS_RULE_PACK } from './sms';
import { MGN_RULE_PACK } from './mgn';

/**
 * The rule packs this library ships, one per plan target. A new service adds its pack here; the
 * engine, the plan loader and the reports take it from this list.
 */
export const RULE_PACKS: readonly IRulePack[] = Object.freeze([SMS_RULE_PACK, MGN_RULE_PACK]);

const ENGINES = new Map(RULE_PACKS.map((pack) => [pack.target, new RuleEngine(pack)] as const));
const RULES_BY_ID = new Map(RULE_PACKS.flatMap((pack) => pack.rules).map((rule) => [rule.id, rule] as const));

/**
 * The pack that judges a plan of this target.
 *
 * @param target the plan's `target`; undefined means SMS, as in a plan file
 */
export function rulePackFor(target: PlanTarget | undefined): IRulePack {
  return engineFor(target).pack;
}

/** The engine of the pack that judges a plan of this target. */
function engineFor(target: PlanTarget | undefined): RuleEngine {
  const engine = ENGINES.get(target ?? PlanTarget.SMS);
  if (engine === undefined) {
    throw new Error(`no rule pack judges plans of target "${String(target)}" (targets: ${[...ENGINES.keys()].join(', ')})`);
  }
  return engine;
}

/** The rule with this id (case-insensitive) in any pack, or undefined. */
export function findRule(id: string): Rule | undefined {
  return RULES_BY_ID.get(String(id).trim().toUpperCase());
}

/**
 * The catalogue entry of a rule as it judged in an assessment: the entry an organisation rule pack added
 * or changed (a raised severity, an unacknowledgeable error), else the library's. Reports describe a
 * finding's rule with it.
 *
 * @param assessment the assessment the rule judged in; without it, the library's rules only
 */
export function assessedRule(id: string, assessment?: PlanAssessment): RuleInfo | undefined {
  const wanted = String(id).trim().toUpperCase();
  return assessment?.organizationRules?.find((rule) => rule.id === wanted) ?? RULES_BY_ID.get(wanted);
}

/** Every rule id of every pack: the ids an acknowledgement in a plan may name. */
export function knownRuleIds(): ReadonlySet<string> {
  return new Set(RULES_BY_ID.keys());
}

/**
 * Assesses every VM and connector of a plan against every rule of the pack its target selects
 * (`options.target`, else the plan's `target`, else SMS). Pure: no I/O.
 */
export function assessPlan(plan: Plan, options: AssessOptions = {}): PlanAssessment {
  return engineFor(options.target ?? plan.target).assessPlan(plan, options);
}

/** Assesses one VM on its own, as the only VM of its plan, with the pack of `options.target` (default SMS). */
export function assessVm(vm: Vm, options: AssessVmOptions = {}): VmAssessment {
  return engineFor(options.target).assessVm(vm, options);
}

/** Assesses one connector on its own, with the pack of `options.target` (default SMS). */
export function assessConnector(connector: Connector, options: AssessConnectorOptions = {}): ConnectorAssessment {
  return engineFor(options.target).assessConnector(connector, options);
}
