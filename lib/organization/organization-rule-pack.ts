import { Severity } from '../assessment/rule';
import { ErrorCollector } from '../errors';
import { PlanDefaults, PlanTarget } from '../plan/model/plan';
import { shippedRulePacks } from '../rules/packs';
import { defaultsProblems, mergeDefaults } from './defaults';
import { IOrganizationVmRule } from './organization-vm-rule';
import { SEVERITIES_TEXT, severityRank, shown, vmRuleProblems } from './pack-shape';

/** A rule whose severity an organisation raises. */
export interface SeverityRaise {
  /** The rule id: one of the library's (`SMS-NET1`) or of an organisation pack. */
  readonly ruleId: string;
  /** The severity its failures are reported at, never lower than the rule's own. */
  readonly severity: Severity;
}

/**
 * An organisation's rule pack as the assessment reads it. `OrganizationRulePack` is one; any object of
 * this shape is one too (the `cdk-sms` command checks a pack file's export by its shape).
 */
export interface IOrganizationRulePack {
  /** The pack's name, as reports and messages name it: `Example Corp`. */
  readonly name: string;
  /** The services whose assessments the pack applies to. */
  readonly targets: PlanTarget[];
  /** The organisation's own rules over each VM, in catalogue order. */
  readonly vmRules: IOrganizationVmRule[];
  /** The rules whose severity the pack raises. */
  readonly severityRaises: SeverityRaise[];
  /** The ids of the rules whose errors the pack makes unacknowledgeable. */
  readonly unacknowledgeableRules: string[];
  /**
   * Values beneath the plan's own `defaults`: the plan's win field by field.
   *
   * @default - none
   */
  readonly defaults?: PlanDefaults;
}

/** Properties of an `OrganizationRulePack`. */
export interface OrganizationRulePackProps {
  /** The pack's name, as reports and messages name it: `Example Corp`. */
  readonly name: string;
  /**
   * The services whose assessments the pack applies to: `PlanTarget.SMS`, `PlanTarget.MGN` or both.
   *
   * @default - both
   */
  readonly targets?: PlanTarget[];
}

const ALL_TARGETS: readonly PlanTarget[] = [PlanTarget.SMS, PlanTarget.MGN];

/**
 * An organisation's policies over the library's rules: rules of its own, the library's rules made
 * stricter (a higher severity, an error that can no longer be acknowledged), and defaults beneath the
 * plan's. Give packs to a `Migration` (`rulePacks`) or to `cdk-sms assess --pack`: they apply in the
 * order given, each to the services it targets.
 *
 * Rule ids must be new: the library's prefixes (`SMS-`, `MGN-`) are refused, and two packs applied
 * together may not declare the same id. A severity can only be raised (info, warning, error), never
 * lowered.
 *
 * @example
 * const pack = new OrganizationRulePack({ name: 'Example Corp' });
 * pack.raiseSeverity('SMS-NET1', Severity.ERROR);
 * pack.makeUnacknowledgeable('SMS-PREP1');
 * pack.addDefaults({ replication: { frequencyHours: 6 } });
 */
export class OrganizationRulePack implements IOrganizationRulePack {
  /** The pack's name. */
  public readonly name: string;

  /** The services whose assessments the pack applies to. */
  public readonly targets: PlanTarget[];

  private readonly rules: IOrganizationVmRule[] = [];
  private readonly raises = new Map<string, Severity>();
  private readonly unacknowledgeable = new Set<string>();
  private ownDefaults?: PlanDefaults;

  constructor(props: OrganizationRulePackProps) {
    const errors = new ErrorCollector();
    if (typeof props?.name !== 'string' || props.name.trim() === '') {
      errors.add('cdk-sms-migration:InvalidRulePack', `name must be a text that is not empty, got ${shown(props?.name)}`);
    }
    const targets = props?.targets ?? [...ALL_TARGETS];
    if (!Array.isArray(targets) || targets.length === 0 || targets.some((t) => !ALL_TARGETS.includes(t))) {
      errors.add('cdk-sms-migration:InvalidRulePack',
        `targets must be one or more of PlanTarget.SMS, PlanTarget.MGN, got ${shown(props?.targets)}`);
    }
    errors.throwIfAny();
    this.name = props.name;
    this.targets = [...new Set(targets)];
  }

  /** The organisation's own rules over each VM, in the order added. */
  public get vmRules(): IOrganizationVmRule[] {
    return [...this.rules];
  }

  /** The rules whose severity the pack raises, in the order raised. */
  public get severityRaises(): SeverityRaise[] {
    return [...this.raises].map(([ruleId, severity]) => ({ ruleId, severity }));
  }

  /** The ids of the rules the pack makes unacknowledgeable. */
  public get unacknowledgeableRules(): string[] {
    return [...this.unacknowledgeable];
  }

  /**
   * The defaults the pack sets beneath the plan's.
   *
   * @default - none
   */
  public get defaults(): PlanDefaults | undefined {
    return this.ownDefaults;
  }

  /** Whether the pack applies to assessments for this service. */
  public appliesTo(target: PlanTarget): boolean {
    return this.targets.includes(target);
  }

  /**
   * Adds a rule over each VM, after those added before.
   *
   * Fails when the id is not a new organisation id (`ORG-WIN2008`: not `SMS-` or `MGN-`, not added
   * before) or a field of the catalogue entry is missing.
   */
  public addVmRule(rule: IOrganizationVmRule): void {
    const problems = vmRuleProblems(rule, `rule pack ${this.name}: addVmRule`);
    if (problems.length === 0 && this.rules.some((r) => r.id === rule.id)) {
      problems.push(`rule pack ${this.name}: addVmRule: rule id ${rule.id} is already a rule of this pack`);
    }
    fail('cdk-sms-migration:InvalidOrganizationRule', problems);
    this.rules.push(rule);
  }

  /**
   * Raises a rule's severity: its failures are reported at least at `severity` (info, then warning,
   * then error; an error fails synthesis and `cdk-sms assess`). A lower severity is refused.
   *
   * The rule is one of the library's rules of a targeted service (checked now), or an organisation rule
   * of this pack or of a pack applied before it (checked when the packs are applied).
   *
   * @param ruleId the rule id, such as `SMS-NET1`
   */
  public raiseSeverity(ruleId: string, severity: Severity): void {
    const id = normalized(ruleId);
    const problems: string[] = [];
    if (severityRank(severity) < 0) {
      problems.push(`rule pack ${this.name}: raiseSeverity ${id}: severity must be one of ${SEVERITIES_TEXT}, got ${shown(severity)}`);
    } else {
      const current = this.raises.get(id) ?? this.rules.find((r) => r.id === id)?.severity ?? this.shippedRule(id, 'raiseSeverity', problems)?.severity;
      if (current !== undefined && severityRank(severity) < severityRank(current)) {
        problems.push(loweringMessage(this.name, id, current, severity));
      }
    }
    fail('cdk-sms-migration:InvalidSeverityRaise', problems);
    this.raises.set(id, severity);
  }

  /**
   * Makes a rule's error unacknowledgeable, as the library's hard rules: an acknowledgement of it (in
   * the plan, in code or with CDK's API) is refused, and every report says so. Its unknowns can still be
   * acknowledged.
   *
   * @param ruleId the rule id, such as `SMS-PREP1` or one of an organisation pack's
   */
  public makeUnacknowledgeable(ruleId: string): void {
    const id = normalized(ruleId);
    const problems: string[] = [];
    if (!this.rules.some((r) => r.id === id)) {
      this.shippedRule(id, 'makeUnacknowledgeable', problems);
    }
    fail('cdk-sms-migration:InvalidUnacknowledgeableRule', problems);
    this.unacknowledgeable.add(id);
  }

  /**
   * Sets values beneath the plan's own `defaults`, in the plan file's structure (`replication`,
   * `mgn.replication`, `mgn.launch`). The plan's values win field by field in each of these blocks, and a
   * VM's own settings win over both; a list (`attestations`, `securityGroups`) is one field. A second
   * call sets its fields over the first's. The values are checked as the plan's are.
   *
   * @example
   * pack.addDefaults({ replication: { frequencyHours: 6, licenseType: LicenseChoice.BYOL } });
   */
  public addDefaults(defaults: PlanDefaults): void {
    fail('cdk-sms-migration:InvalidOrganizationDefaults', defaultsProblems(defaults, `rule pack ${this.name}: addDefaults`));
    this.ownDefaults = mergeDefaults(this.ownDefaults, JSON.parse(JSON.stringify(defaults)) as PlanDefaults);
  }

  /**
   * The library's rule with this id, when it is one; a problem when it is of a service the pack does not
   * target, or when the id has the library's prefix but names no rule.
   */
  private shippedRule(id: string, method: string, problems: string[]): { severity: Severity } | undefined {
    for (const pack of shippedRulePacks()) {
      const rule = pack.rules.find((r) => r.id === id);
      if (rule !== undefined) {
        if (!this.targets.includes(pack.target)) {
          problems.push(`rule pack ${this.name}: ${method} ${id}: ${id} is a rule of ${pack.target}, which the pack does not target `
            + `(targets: ${this.targets.join(', ')})`);
        }
        return rule;
      }
    }
    if (/^(SMS|MGN)-/.test(id)) {
      problems.push(`rule pack ${this.name}: ${method} ${id}: ${id} is not a rule id (\`cdk-sms rules\` lists them)`);
    }
    return undefined;
  }
}

/** The message of a refused lowering. */
export function loweringMessage(pack: string, id: string, from: Severity, to: Severity): string {
  return `rule pack ${pack}: raiseSeverity ${id}: ${to} is lower than ${from}: a pack may raise a severity (info, warning, error), `
    + 'never lower it';
}

function normalized(id: string): string {
  return String(id ?? '').trim().toUpperCase();
}

/** Throws the problems found as one error (one line each). */
function fail(errorId: string, problems: readonly string[]): void {
  const errors = new ErrorCollector();
  for (const problem of problems) {
    errors.add(errorId, problem);
  }
  errors.throwIfAny();
}
