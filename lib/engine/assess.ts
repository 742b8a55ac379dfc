import { CONNECTOR_RULE_LIST, VM_RULES } from '../rules/catalog';
import { Rule } from '../rules/definition';
import { Connector, Plan, PlanAcknowledgement, PlanDefaults, Vm } from '../model/plan';
import { ConnectorContext, Outcome, PlanFacts, RuleResult, Severity, VmContext } from '../rules/rule';
import { AcknowledgementBook } from './acknowledge';
import { resolveLicense } from './license';
import { DEFAULT_JOB_QUOTA, planFacts } from './plan-facts';
import { effectiveReplication } from './replication';
import {
  AssessmentPolicy, ConnectorAssessment, Finding, FindingOutcome, PlanAssessment, UnknownPolicy, Verdict, VmAssessment,
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
  /** Concurrent replication jobs allowed in the plan's account and region (SMS-JOB4). @default 50 */
  readonly jobQuota?: number;
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
  const facts = planFacts(plan.vms, options.jobQuota ?? DEFAULT_JOB_QUOTA);
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

/**
 * Runs rules in catalogue order over one subject, skipping a rule (n/a) once a rule it depends on has
 * failed, and turns each fail or unknown into a finding.
 */
function applyRules<R extends Rule>(
  rules: readonly R[], run: (rule: R) => RuleResult, subject: string, policy: AssessmentPolicy, book: AcknowledgementBook,
): Finding[] {
  const findings: Finding[] = [];
  const failed = new Set<string>();
  for (const rule of rules) {
    if (rule.notApplicableAfter?.some((id) => failed.has(id))) {
      continue;
    }
    let result: RuleResult;
    try {
      result = run(rule);
    } catch (e) {
      throw new Error(`rule ${rule.id} could not judge ${subject}: ${(e as Error).message}`);
    }
    if (result.outcome === Outcome.PASS || result.outcome === Outcome.NOT_APPLICABLE) {
      continue;
    }
    if (result.outcome === Outcome.FAIL) {
      failed.add(rule.id);
    }
    findings.push(toFinding(rule, result, subject, policy, book));
  }
  return findings;
}

function toFinding(rule: Rule, result: RuleResult, subject: string, policy: AssessmentPolicy, book: AcknowledgementBook): Finding {
  const isUnknown = result.outcome === Outcome.UNKNOWN;
  let severity: Severity;
  if (rule.severity === Severity.INFO) {
    severity = Severity.INFO;
  } else if (isUnknown) {
    severity = policy.unknown === UnknownPolicy.ERROR ? Severity.ERROR : Severity.WARNING;
  } else {
    severity = result.severity ?? rule.severity;
  }
  const base = {
    rule: rule.id,
    severity,
    outcome: isUnknown ? FindingOutcome.UNKNOWN : FindingOutcome.FAIL,
    message: result.message ?? rule.title,
  };
  const ack = book.match(rule.id, subject);
  if (!ack) {
    return { ...base, acknowledged: false };
  }
  if (rule.hard && !isUnknown && severity === Severity.ERROR) {
    return {
      ...base,
      acknowledged: false,
      reason: ack.reason,
      acknowledgementScope: ack.scope,
      note: `${rule.id} is a hard rule: SMS itself rejects this, so its failure cannot be acknowledged`,
    };
  }
  return { ...base, acknowledged: true, reason: ack.reason, acknowledgementScope: ack.scope };
}
