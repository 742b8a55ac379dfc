import { Outcome, RuleResult, Severity, VmContext } from '../assessment/rule';
import { IRulePack, Rule, RuleSubject, VmRule } from '../assessment/rule-pack';
import { ErrorCollector } from '../errors';
import { PlanDefaults, PlanTarget } from '../plan/model/plan';
import { mergeDefaults, organizationDefaults, withDefaultsBeneath } from './defaults';
import { IOrganizationRulePack, loweringMessage } from './organization-rule-pack';
import { IOrganizationVmRule } from './organization-vm-rule';
import { packShapeProblems, severityRank, shown } from './pack-shape';

/**
 * A service's pack with the organisation packs that apply to it.
 *
 * Part of the rule-pack contract, which is TypeScript only: its rules are functions, which jsii cannot
 * represent, so it is not in the jsii assembly (other languages give `OrganizationRulePack`s to `Migration`).
 *
 * @jsii ignore
 */
export interface ComposedRulePack {
  /** The pack the engine judges with. */
  readonly pack: IRulePack;
  /** The names of the organisation packs that apply, in order. */
  readonly names: string[];
  /** The catalogue entries the organisation packs added or changed, in catalogue order. */
  readonly changed: Rule[];
}

const OUTCOMES: ReadonlySet<string> = new Set(Object.values(Outcome));

/**
 * Checks the packs' shapes, and throws every problem at once.
 */
export function checkPackShapes(packs: readonly unknown[]): void {
  const errors = new ErrorCollector();
  if (!Array.isArray(packs)) {
    errors.add('cdk-sms-migration:InvalidRulePack', `rulePacks must be a list of organisation rule packs, got ${shown(packs)}`);
  } else {
    packs.forEach((pack, index) => packShapeProblems(pack).forEach((p) => errors.add('cdk-sms-migration:InvalidRulePack', `rulePacks[${index}]: ${p}`)));
  }
  errors.throwIfAny();
}

/**
 * A service's pack with organisation packs applied in order, each to the services it targets: their
 * rules after the service's (a later pack's after an earlier one's), severities raised, errors made
 * unacknowledgeable, and their defaults beneath the plan's. The service's pack is not changed; the
 * acknowledgements it carries over from another pack still do.
 *
 * Throws a `SmsMigrationError` naming the packs when a rule id is declared twice (by one pack, or by two
 * applied together), when a raise would lower a severity, or when a raise or an unacknowledgeable rule
 * names no rule of the service's pack or of the packs before.
 */
export function composeRulePack(base: IRulePack, packs: readonly IOrganizationRulePack[]): ComposedRulePack {
  checkPackShapes(packs);
  const applying = packs.filter((pack) => pack.targets.includes(base.target));
  if (applying.length === 0) {
    return { pack: base, names: [], changed: [] };
  }
  const errors = new ErrorCollector();
  const rules = new Map<string, Rule>(base.rules.map((rule) => [rule.id, rule] as const));
  const declaredBy = new Map<string, string>();
  const changed = new Set<string>();
  for (const org of applying) {
    for (const rule of org.vmRules) {
      const earlier = declaredBy.get(rule.id);
      if (rules.has(rule.id)) {
        errors.add('cdk-sms-migration:RuleIdCollision', earlier !== undefined
          ? `rule pack ${org.name}: rule id ${rule.id} is also a rule of rule pack ${earlier}: each rule id is declared once`
          : `rule pack ${org.name}: rule id ${rule.id} is a rule of ${base.service}: give the organisation's rules ids of their own`);
        continue;
      }
      declaredBy.set(rule.id, org.name);
      rules.set(rule.id, organizationRule(rule, org, base.target));
      changed.add(rule.id);
    }
    for (const raise of org.severityRaises) {
      const id = raise.ruleId.trim().toUpperCase();
      const rule = rules.get(id);
      if (rule === undefined) {
        unknownRule(errors, org, 'raiseSeverity', id, base);
        continue;
      }
      if (severityRank(raise.severity) < severityRank(rule.severity)) {
        errors.add('cdk-sms-migration:InvalidSeverityRaise', loweringMessage(org.name, id, rule.severity, raise.severity));
      } else if (raise.severity !== rule.severity) {
        rules.set(id, raised(rule, raise.severity));
        changed.add(id);
      }
    }
    for (const ruleId of org.unacknowledgeableRules) {
      const id = ruleId.trim().toUpperCase();
      const rule = rules.get(id);
      if (rule === undefined) {
        unknownRule(errors, org, 'makeUnacknowledgeable', id, base);
      } else if (!rule.hard) {
        rules.set(id, { ...rule, hard: true, hardBy: org.name });
        changed.add(id);
      }
    }
  }
  errors.throwIfAny();

  const all = [...rules.values()];
  const sections = [...base.sections];
  for (const rule of all) {
    if (!sections.includes(rule.section)) {
      sections.push(rule.section);
    }
  }
  // The engine keeps acknowledgements of the pack's own prefix; an organisation's rules have another,
  // so each is carried as itself.
  const carried = new Map(base.carriedAcknowledgements ?? []);
  for (const id of declaredBy.keys()) {
    carried.set(id, [id]);
  }
  const defaults = organizationDefaults(applying, base.target);
  const pack: IRulePack = {
    target: base.target,
    service: base.service,
    sections,
    rules: all,
    carriedAcknowledgements: carried,
    ...(base.matrixDate !== undefined ? { matrixDate: base.matrixDate } : {}),
    planFacts: (vms, options) => base.planFacts(vms,
      options.plan !== undefined ? { ...options, plan: withDefaultsBeneath(options.plan, defaults) } : options),
    vmContext: (vm, surroundings) => base.vmContext(vm, { ...surroundings, defaults: beneath(defaults, surroundings.defaults) }),
    connectorContext: (connector, facts) => base.connectorContext(connector, facts),
    ...(base.networkContext !== undefined ? { networkContext: (plan, facts) => base.networkContext!(plan, facts) } : {}),
    ...(base.vmDetails !== undefined ? { vmDetails: (ctx) => base.vmDetails!(ctx) } : {}),
  };
  return { pack, names: applying.map((org) => org.name), changed: all.filter((rule) => changed.has(rule.id)) };
}

function beneath(organization: PlanDefaults | undefined, plan: PlanDefaults | undefined): PlanDefaults | undefined {
  return mergeDefaults(organization, plan);
}

/** A raise or an unacknowledgeable rule that names no rule: fine for the library's rules of another service. */
function unknownRule(errors: ErrorCollector, org: IOrganizationRulePack, method: string, id: string, base: IRulePack): void {
  const prefix = `${base.target.toUpperCase()}-`;
  if (/^(SMS|MGN)-/.test(id) && !id.startsWith(prefix)) {
    // A rule of the other service: the pack targets both, and this one is not judged here.
    return;
  }
  errors.add('cdk-sms-migration:UnknownRule', `rule pack ${org.name}: ${method} ${id}: ${id} is not a rule of ${base.service} `
    + 'nor of an organisation pack applied before (or with) it');
}

/** A rule whose failures are reported at least at `severity`. */
function raised(rule: Rule, severity: Severity): Rule {
  if (rule.subject !== RuleSubject.VM) {
    // Connector and network rules report at their rule's severity: nothing bands them below it.
    return { ...rule, severity } as Rule;
  }
  const check = rule.check;
  const rank = severityRank(severity);
  return {
    ...rule,
    severity,
    // A result banded below the rule's severity (SMS-CON1 above vCenter 6.5) is reported at the raised one.
    check: (ctx: VmContext) => {
      const result = check(ctx);
      return result.severity !== undefined && severityRank(result.severity) < rank ? { ...result, severity } : result;
    },
  };
}

/** An organisation's rule as the engine runs it: its result checked against the contract. */
function organizationRule(rule: IOrganizationVmRule, org: IOrganizationRulePack, target: PlanTarget): VmRule {
  return {
    id: rule.id,
    section: rule.section,
    severity: rule.severity,
    hard: rule.hard === true,
    ...(rule.hard === true ? { hardBy: org.name } : {}),
    subject: RuleSubject.VM,
    title: rule.title,
    explanation: rule.explanation,
    remediation: rule.remediation,
    check: (ctx) => checkedResult(rule.check(ctx.vm, {
      target,
      now: ctx.now,
      replication: ctx.replication,
      ...(ctx.license !== undefined ? { license: ctx.license } : {}),
    }), org),
  };
}

/**
 * An organisation rule's result, when it keeps the contract: an outcome of the four, and a message for a
 * fail or an unknown. Anything else stops the assessment, naming the pack (the engine adds the rule and
 * the VM).
 */
function checkedResult(result: RuleResult, org: IOrganizationRulePack): RuleResult {
  if (result === null || typeof result !== 'object' || !OUTCOMES.has(result.outcome)) {
    throw new Error(`rule pack ${org.name}: the check returned ${shown(result)}, not a rule result: return pass(), fail(message), `
      + 'unknown(message) or notApplicable()');
  }
  if ((result.outcome === Outcome.FAIL || result.outcome === Outcome.UNKNOWN)
    && (typeof result.message !== 'string' || result.message.trim() === '')) {
    throw new Error(`rule pack ${org.name}: the check returned ${result.outcome} without a message: a fail or an unknown names the fact `
      + 'judged and what would pass');
  }
  if (result.severity !== undefined && severityRank(result.severity) < 0) {
    throw new Error(`rule pack ${org.name}: the check returned severity ${shown(result.severity)}: one of info, warning, error`);
  }
  return result;
}
