import { EffectiveReplication, RuleResult, Severity } from '../assessment/rule';
import { PlanTarget, ResolvedLicense, Vm } from '../plan/model/plan';

/** What an organisation's VM rule may look at besides the VM itself. */
export interface OrganizationVmContext {
  /** The service the VM is judged for: `sms` or `mgn`. */
  readonly target: PlanTarget;
  /** The moment of the assessment (synthesis, or `cdk-sms assess --as-of`). */
  readonly now: Date;
  /**
   * The VM's replication settings once its own, the plan's `defaults.replication`, the organisation
   * packs' defaults and the library's are merged, field by field.
   */
  readonly replication: EffectiveReplication;
  /**
   * The license the VM will get.
   *
   * @default - undecided: the OS facts cannot decide it
   */
  readonly license?: ResolvedLicense;
}

/**
 * A rule of an organisation's own over each VM: its catalogue entry and its check.
 *
 * The same contract as the library's rules: `check` is pure (no I/O, the same VM always gives the same
 * result) and returns pass, fail, unknown or n/a, with a message for a fail or an unknown that names the
 * fact judged and what would pass. A fact the rule needs that the plan leaves out gives unknown, never
 * a pass. A rule that throws, or returns anything else, stops the assessment with its id in the message.
 *
 * @example
 * const rule: IOrganizationVmRule = {
 *   id: 'ORG-TAG1', section: 'Organisation', severity: Severity.WARNING,
 *   title: 'The VM names its wave', explanation: '...', remediation: '...',
 *   check: (vm) => (vm.wave === undefined ? fail(`VM ${vm.name} names no wave`) : pass()),
 * };
 */
export interface IOrganizationVmRule {
  /**
   * The stable id, used in acknowledgements and reports: capital letters and digits, a hyphen, capital
   * letters and digits (`ORG-WIN2008`). The prefixes `SMS-` and `MGN-` are the library's.
   */
  readonly id: string;
  /** The section of the catalogue it is listed under, such as `Organisation policy`. */
  readonly section: string;
  /** The severity of a failure: an error fails `cdk synth` and `cdk-sms assess`, a warning annotates. */
  readonly severity: Severity;
  /**
   * Whether its error can never be acknowledged (in the plan, in code or with CDK's API).
   *
   * @default false
   */
  readonly hard?: boolean;
  /** One line: what the rule requires. */
  readonly title: string;
  /** Why it matters. */
  readonly explanation: string;
  /** What to do about a failure. */
  readonly remediation: string;
  /**
   * Judges one VM.
   *
   * @param vm the VM as the plan gives it
   * @param context the service judged for, the moment, the VM's settings after defaults and its license
   */
  check(vm: Vm, context: OrganizationVmContext): RuleResult;
}
