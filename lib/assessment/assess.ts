import { CONNECTOR_RULE_LIST, VM_RULES } from '../rules/sms';
import { Connector, Plan, PlanAcknowledgement, PlanDefaults, Vm } from '../plan/model/plan';
import { ConnectorContext, PlanFacts, VmContext } from './rule';
import { AcknowledgementBook } from './acknowledge';
import { applyRules } from './apply-rules';
import { resolveLicense } from '../rules/sms/license-resolution';
import { DEFAULT_JOB_QUOTA, planFacts } from '../rules/sms/plan-facts';
import { effectiveReplication } from '../rules/sms/replication-settings';
import { AssessmentPolicy, ConnectorAssessment, PlanAssessment, UnknownPolicy, Verdict, VmAssessment } from './types';
import { verdictOf } from './verdict';

/** Options for an assessment. */
export interface AssessOptions {
  /** How unknowns are reported. @default UnknownPolicy.WARN */
  readonly unknown?: UnknownPolicy;
  /** Warnings fail too. @default false */
  readonly strict?: boolean;
  /** The moment seed times are judged against. @default - now */
  readonly now?: Date;
  /** Concurrent replication jobs allowed in the plan's account and region (SMS-JOB4). @default 50 */
  readonly jobQuota?: number;
  /**
   * Replication jobs that other plans already have in the same account and region, counted before
   * this plan's VMs for SMS-JOB4 (a CDK app with several migrations in one account and region).
   *
   * @default 0
   */
  readonly jobsBefore?: number;
}

/** Options for assessing one VM on its own. */
export interface AssessVmOptions extends AssessOptions {
  /** The plan's defaults the VM's replication settings fall back on. @default - the library's defaults */
  readonly defaults?: PlanDefaults;
  /** The connector the VM uses. @default - none */
  readonly connector?: Connector;
  /** Plan-wide acknowledgements. @default - none */
  readonly acknowledge?: readonly PlanAcknowledgement[];
}

/** Options for assessing one connector on its own. */
export interface AssessConnectorOptions extends AssessOptions {
  /** Plan-wide acknowledgements. @default - none */
  readonly acknowledge?: readonly PlanAcknowledgement[];
}

function policyOf(options: AssessOptions): AssessmentPolicy {
  return { unknown: options.unknown ?? UnknownPolicy.WARN, strict: options.strict ?? false };
}

/** Assesses every VM and connector of a plan against every rule. Pure: no I/O. */
export function assessPlan(plan: Plan, options: AssessOptions = {}): PlanAssessment {
  const policy = policyOf(options);
  const now = options.now ?? new Date();
  const book = new AcknowledgementBook(plan.acknowledge);
  const facts = planFacts(plan.vms, options.jobQuota ?? DEFAULT_JOB_QUOTA, options.jobsBefore ?? 0);
  const connectors = new Map((plan.connectors ?? []).map((c) => [c.name, c] as const));

  const vms = plan.vms.map((vm) => {
    book.addVm(vm.name, vm.acknowledge);
    return assessVmWith(vm, plan.defaults, vm.connector !== undefined ? connectors.get(vm.connector) : undefined, facts, now, policy, book);
  });
  const connectorResults = (plan.connectors ?? []).map((c) => assessConnectorWith(c, policy, book));

  return {
    summary: {
      vms: vms.length,
      ready: vms.filter((v) => v.verdict === Verdict.READY).length,
      readyWithConditions: vms.filter((v) => v.verdict === Verdict.READY_WITH_CONDITIONS).length,
      notReady: vms.filter((v) => v.verdict === Verdict.NOT_READY).length,
      unknown: vms.filter((v) => v.verdict === Verdict.UNKNOWN).length,
    },
    vms,
    connectors: connectorResults,
    unusedAcknowledgements: book.unused(),
    policy,
  };
}

/** Assesses one VM on its own, as the only VM of its plan. */
export function assessVm(vm: Vm, options: AssessVmOptions = {}): VmAssessment {
  const book = new AcknowledgementBook(options.acknowledge);
  book.addVm(vm.name, vm.acknowledge);
  const facts = planFacts([vm], options.jobQuota ?? DEFAULT_JOB_QUOTA);
  return assessVmWith(vm, options.defaults, options.connector, facts, options.now ?? new Date(), policyOf(options), book);
}

/** Assesses one connector on its own. */
export function assessConnector(connector: Connector, options: AssessConnectorOptions = {}): ConnectorAssessment {
  return assessConnectorWith(connector, policyOf(options), new AcknowledgementBook(options.acknowledge));
}

function assessVmWith(
  vm: Vm, defaults: PlanDefaults | undefined, connector: Connector | undefined, plan: PlanFacts,
  now: Date, policy: AssessmentPolicy, book: AcknowledgementBook,
): VmAssessment {
  const replication = effectiveReplication(vm.replication, defaults);
  const license = resolveLicense(vm.os, replication.licenseType);
  const ctx: VmContext = { vm, replication, license, connector, plan, now };
  const findings = applyRules(VM_RULES, (rule) => rule.check(ctx), vm.name, policy, book);
  return { name: vm.name, verdict: verdictOf(findings), license, findings, vm };
}

function assessConnectorWith(connector: Connector, policy: AssessmentPolicy, book: AcknowledgementBook): ConnectorAssessment {
  const ctx: ConnectorContext = { connector };
  const findings = applyRules(CONNECTOR_RULE_LIST, (rule) => rule.check(ctx), connector.name, policy, book);
  return { name: connector.name, verdict: verdictOf(findings), findings, connector };
}
