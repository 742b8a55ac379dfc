import { PlanEnvironment } from '../plan/model/environments';
import { Connector, Plan, PlanAcknowledgement, PlanDefaults, PlanTarget, Vm } from '../plan/model/plan';
import { planWaves } from '../plan/model/waves';
import { AcknowledgementBook, AcknowledgementRules } from './acknowledge';
import { applyRules, SharedFindings } from './apply-rules';
import { ConnectorRule, IRulePack, NetworkRule, RuleSubject, VmRule } from './rule-pack';
import { PlanFacts } from './rule';
import {
  AssessmentPolicy, ConnectorAssessment, GivenAcknowledgement, NetworkAssessment, PlanAssessment, UnknownPolicy, Verdict, VmAssessment,
} from './types';
import { verdictOf } from './verdict';

/** Options for an assessment. */
export interface AssessOptions {
  /** How unknowns are reported. @default UnknownPolicy.WARN */
  readonly unknown?: UnknownPolicy;
  /** Warnings fail too. @default false */
  readonly strict?: boolean;
  /** The moment seed times are judged against. @default - now */
  readonly now?: Date;
  /**
   * The service to judge for, whatever the plan's own `target` says.
   *
   * @default - the plan's `target`, else SMS
   */
  readonly target?: PlanTarget;
  /**
   * Acknowledgements given in code or with CDK's API, applied after the plan's own (a VM's own
   * acknowledgement of a rule still wins), and reported with where they were given when unused.
   *
   * @default - none
   */
  readonly acknowledgements?: GivenAcknowledgement[];
  /** Concurrent replication jobs allowed in the plan's account and region (SMS-JOB4). @default 50 */
  readonly jobQuota?: number;
  /**
   * Replication jobs that other plans already have at once in the same account and region, counted
   * before the VMs of each wave of this plan for SMS-JOB4 (a CDK app with several migrations in one
   * account and region).
   *
   * @default 0
   */
  readonly jobsBefore?: number;
  /**
   * The account and Region of the VMs that name none (nor does their wave, nor the plan): quotas are
   * counted per account and Region, so a wave that names the same account as this one counts with it.
   * `jobsBefore` counts in this environment.
   *
   * @default - the stacks' own, unnamed
   */
  readonly environment?: PlanEnvironment;
}

/** Options for assessing one VM on its own. */
export interface AssessVmOptions extends AssessOptions {
  /** The plan's defaults the VM's replication settings fall back on. @default - the library's defaults */
  readonly defaults?: PlanDefaults;
  /** The connector the VM uses. @default - none */
  readonly connector?: Connector;
  /** Plan-wide acknowledgements. @default - none */
  readonly acknowledge?: PlanAcknowledgement[];
}

/** Options for assessing one connector on its own. */
export interface AssessConnectorOptions extends AssessOptions {
  /** Plan-wide acknowledgements. @default - none */
  readonly acknowledge?: PlanAcknowledgement[];
}

/** The name a plan-wide acknowledgement's `vms` globs match for the network's findings. */
export const NETWORK_SUBJECT = 'network';

function policyOf(options: AssessOptions): AssessmentPolicy {
  return { unknown: options.unknown ?? UnknownPolicy.WARN, strict: options.strict ?? false };
}

/**
 * Assesses plans, VMs and connectors with one rule pack. Pure: no I/O, and the same input always
 * gives the same assessment (but for `now`, which defaults to the moment of the call).
 *
 * Part of the rule-pack contract, which is TypeScript only: its rules are functions, which jsii cannot
 * represent, so it is not in the jsii assembly (other languages assess through `Migration`).
 *
 * @jsii ignore
 */
export class RuleEngine {
  private readonly vmRules: readonly VmRule[];
  private readonly connectorRules: readonly ConnectorRule[];
  private readonly networkRules: readonly NetworkRule[];
  private readonly acknowledgementRules: AcknowledgementRules;

  /** @param pack the rules to judge with */
  constructor(public readonly pack: IRulePack) {
    this.vmRules = pack.rules.filter((r): r is VmRule => r.subject === RuleSubject.VM);
    this.connectorRules = pack.rules.filter((r): r is ConnectorRule => r.subject === RuleSubject.CONNECTOR);
    this.networkRules = pack.rules.filter((r): r is NetworkRule => r.subject === RuleSubject.NETWORK);
    const first = pack.rules[0]?.id ?? `${pack.target.toUpperCase()}-`;
    this.acknowledgementRules = { prefix: first.slice(0, first.indexOf('-') + 1), carried: pack.carriedAcknowledgements };
  }

  /** Assesses every VM and connector of a plan against every rule of the pack. */
  public assessPlan(plan: Plan, options: AssessOptions = {}): PlanAssessment {
    const policy = policyOf(options);
    const now = options.now ?? new Date();
    const book = new AcknowledgementBook(plan.acknowledge, options.acknowledgements, this.acknowledgementRules);
    const facts = this.pack.planFacts(plan.vms, {
      jobQuota: options.jobQuota, jobsBefore: options.jobsBefore, plan, now, environment: options.environment,
    });
    const connectors = new Map((plan.connectors ?? []).map((c) => [c.name, c] as const));

    const unscheduled = new Set(planWaves(plan.vms).unscheduled);
    // One pass, one policy: a finding made from a shared result serves every VM that gets that result.
    const shared: SharedFindings = new Map();
    const counts = new Map<Verdict, number>();
    const vms = plan.vms.map((vm) => {
      book.addVm(vm.name, vm.acknowledge);
      const connector = vm.connector !== undefined ? connectors.get(vm.connector) : undefined;
      const assessment = this.judgeVm(vm, plan.defaults, connector, facts, now, policy, book, shared);
      counts.set(assessment.verdict, (counts.get(assessment.verdict) ?? 0) + 1);
      return unscheduled.size > 0 && unscheduled.has(vm) ? { ...assessment, unscheduled: true } : assessment;
    });
    const connectorResults = (plan.connectors ?? []).map((c) => this.judgeConnector(c, policy, book, facts));
    const network = this.judgeNetwork(plan, facts, policy, book);
    const notCarried = book.notCarried();

    return {
      ...(this.pack.target !== PlanTarget.SMS ? { target: this.pack.target } : {}),
      ...(this.pack.matrixDate !== undefined ? { matrixDate: this.pack.matrixDate } : {}),
      ...(network !== undefined ? { network } : {}),
      ...(notCarried.length > 0 ? { notCarried } : {}),
      summary: {
        vms: vms.length,
        ready: counts.get(Verdict.READY) ?? 0,
        readyWithConditions: counts.get(Verdict.READY_WITH_CONDITIONS) ?? 0,
        notReady: counts.get(Verdict.NOT_READY) ?? 0,
        unknown: counts.get(Verdict.UNKNOWN) ?? 0,
      },
      vms,
      connectors: connectorResults,
      unusedAcknowledgements: book.unused(),
      policy,
    };
  }

  /** Assesses one VM on its own, as the only VM of its plan. */
  public assessVm(vm: Vm, options: AssessVmOptions = {}): VmAssessment {
    const book = new AcknowledgementBook(options.acknowledge, options.acknowledgements, this.acknowledgementRules);
    book.addVm(vm.name, vm.acknowledge);
    const now = options.now ?? new Date();
    const facts = this.pack.planFacts([vm], { jobQuota: options.jobQuota, now });
    return this.judgeVm(vm, options.defaults, options.connector, facts, now, policyOf(options), book);
  }

  /** Assesses one connector on its own. */
  public assessConnector(connector: Connector, options: AssessConnectorOptions = {}): ConnectorAssessment {
    const book = new AcknowledgementBook(options.acknowledge, options.acknowledgements, this.acknowledgementRules);
    return this.judgeConnector(connector, policyOf(options), book);
  }

  private judgeVm(
    vm: Vm, defaults: PlanDefaults | undefined, connector: Connector | undefined, plan: PlanFacts,
    now: Date, policy: AssessmentPolicy, book: AcknowledgementBook, shared?: SharedFindings,
  ): VmAssessment {
    const ctx = this.pack.vmContext(vm, { defaults, connector, plan, now });
    const findings = applyRules(this.vmRules, (rule) => rule.check(ctx), vm.name, policy, book, shared);
    const details = this.pack.vmDetails?.(ctx);
    return { name: vm.name, verdict: verdictOf(findings), license: ctx.license, findings, vm, ...(details !== undefined ? { details } : {}) };
  }

  private judgeConnector(connector: Connector, policy: AssessmentPolicy, book: AcknowledgementBook, facts?: PlanFacts): ConnectorAssessment {
    const ctx = this.pack.connectorContext(connector, facts);
    const findings = applyRules(this.connectorRules, (rule) => rule.check(ctx), connector.name, policy, book);
    return { name: connector.name, verdict: verdictOf(findings), findings, connector };
  }

  /** The network's findings, when the pack has network rules; acknowledged as the subject `network`. */
  private judgeNetwork(plan: Plan, facts: PlanFacts, policy: AssessmentPolicy, book: AcknowledgementBook): NetworkAssessment | undefined {
    if (this.networkRules.length === 0) {
      return undefined;
    }
    const ctx = this.pack.networkContext?.(plan, facts) ?? { plan, facts };
    const findings = applyRules(this.networkRules, (rule) => rule.check(ctx), NETWORK_SUBJECT, policy, book);
    return { verdict: verdictOf(findings), findings };
  }
}
