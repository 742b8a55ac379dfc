import { Connector, PlanTarget, ResolvedLicense, Vm } from '../plan/model/plan';
import { Severity } from './rule';
import { RuleInfo } from './rule-info';

/** A VM's or connector's readiness, like a migration assessment's. */
export enum Verdict {
  /** No findings above info. */
  READY = 'ready',
  /** Warnings, or acknowledged findings. */
  READY_WITH_CONDITIONS = 'ready-with-conditions',
  /** Any unacknowledged error. */
  NOT_READY = 'not-ready',
  /** No unacknowledged error, but a rule could not be decided for missing facts. */
  UNKNOWN = 'unknown',
}

/** How an unknown outcome (a missing fact) is reported. */
export enum UnknownPolicy {
  /** Unknowns are warnings: they make the verdict `unknown` but fail only under `strict`. */
  WARN = 'warn',
  /** Unknowns are errors: they make the verdict `not-ready`. */
  ERROR = 'error',
}

/** The outcomes that become findings. */
export enum FindingOutcome {
  FAIL = 'fail',
  UNKNOWN = 'unknown',
}

/** Where an acknowledgement was given: the plan, code, or CDK's own acknowledgement API. */
export enum AcknowledgementOrigin {
  /** The plan (its file, or the plan built in code): its top-level or a VM's `acknowledge` list. */
  PLAN = 'plan',
  /** Code: `Migration.acknowledge()` or `Migration.acknowledgeIn()`. */
  CODE = 'code',
  /** CDK: `Validations.of(scope).acknowledge()` on a construct above the VMs' jobs. */
  CDK = 'cdk',
}

/**
 * An acknowledgement given outside the plan's own lists (in code, or with CDK's API): for every VM
 * and connector, or for those whose names match `vms`.
 */
export interface GivenAcknowledgement {
  /** The rule id, such as `SMS-NET1`. */
  readonly rule: string;
  /** Why the finding is accepted; every report keeps it. */
  readonly reason: string;
  /** Name globs (`*`, `?`) of the VMs and connectors it covers. @default - every VM and connector */
  readonly vms?: string[];
  /** Where it was given. */
  readonly origin: AcknowledgementOrigin;
  /** The construct path it was given on or for (code and CDK). @default - none */
  readonly at?: string;
}

/** Where an acknowledgement was written. */
export enum AcknowledgementScope {
  /** In the VM's own `acknowledge` list. */
  VM = 'vm',
  /** In the plan's top-level `acknowledge` list. */
  PLAN = 'plan',
}

/** One rule's fail or unknown on one VM or connector. */
export interface Finding {
  /** The rule id. */
  readonly rule: string;
  /** The severity it is reported at, after the unknown policy and the rule's warning band. */
  readonly severity: Severity;
  readonly outcome: FindingOutcome;
  /** The fact judged and what would pass. */
  readonly message: string;
  /** True when an acknowledgement covers it. */
  readonly acknowledged: boolean;
  /**
   * The reason of the acknowledgement that covers it (or that tried to).
   *
   * @default - not acknowledged
   */
  readonly reason?: string;
  /** @default - not acknowledged */
  readonly acknowledgementScope?: AcknowledgementScope;
  /**
   * Why an acknowledgement was refused (a hard rule's error).
   *
   * @default - none refused
   */
  readonly note?: string;
  /**
   * The rule of another pack whose acknowledgement covers this finding (an SMS acknowledgement that
   * counts under MGN).
   *
   * @default - the acknowledgement names this finding's own rule
   */
  readonly acknowledgedVia?: string;
}

/** What reports show of a VM beyond its findings, when its pack has more to say. */
export interface VmDetails {
  /** The day the VM is judged on, `YYYY-MM-DD` (MGN: its wave's cutover, never before the assessment). @default - none */
  readonly evaluationDate?: string;
  /** How the VM replicates (MGN: `agent` or `agentless`). @default - none */
  readonly replicationMethod?: string;
  /** Where the migrated instance runs (MGN: `default`, `dedicated` or `host`). @default - none */
  readonly tenancy?: string;
}

/** The assessment of one VM. */
export interface VmAssessment {
  readonly name: string;
  readonly verdict: Verdict;
  /** The license the job will get; undefined when the OS facts cannot decide it. */
  readonly license?: ResolvedLicense;
  readonly findings: Finding[];
  /** The VM as the plan gives it. */
  readonly vm: Vm;
  /**
   * True for a VM without a wave in a plan that uses waves: assessed and reported, but neither
   * deployed nor counted against the quota of concurrent jobs (INVENTORY.md, "Waves").
   *
   * @default false
   */
  readonly unscheduled?: boolean;
  /** What its pack says of it beyond its findings. @default - nothing more */
  readonly details?: VmDetails;
}

/** The assessment of one connector. */
export interface ConnectorAssessment {
  readonly name: string;
  readonly verdict: Verdict;
  readonly findings: Finding[];
  readonly connector: Connector;
}

/** An acknowledgement that matched no finding. */
export interface UnusedAcknowledgement {
  readonly rule: string;
  readonly reason: string;
  readonly scope: AcknowledgementScope;
  /** The VM whose list holds it (scope vm). @default - plan-wide */
  readonly vm?: string;
  /** The name globs that narrow it (scope plan). @default - every VM and connector */
  readonly vms?: string[];
  /** Where it was given, when not in the plan. @default AcknowledgementOrigin.PLAN */
  readonly origin?: AcknowledgementOrigin;
  /** The construct path it was given on or for (code and CDK). @default - none */
  readonly at?: string;
}

/** Counts of VMs by verdict. */
export interface AssessmentSummary {
  readonly vms: number;
  readonly ready: number;
  readonly readyWithConditions: number;
  readonly notReady: number;
  readonly unknown: number;
}

/** The assessment of the plan's network (MGN's staging area), judged once per plan. */
export interface NetworkAssessment {
  readonly verdict: Verdict;
  readonly findings: Finding[];
}

/** An acknowledgement of another pack's rule that does not count for this pack. */
export interface NotCarriedAcknowledgement {
  readonly rule: string;
  readonly reason: string;
  /** The VM whose list holds it. @default - plan-wide */
  readonly vm?: string;
}

/** The assessment of a whole plan. */
export interface PlanAssessment {
  /** The service the plan was judged for. @default PlanTarget.SMS */
  readonly target?: PlanTarget;
  /** The date of the pack's data (MGN's OS matrix), `YYYY-MM-DD`. @default - none */
  readonly matrixDate?: string;
  /** The network's assessment, when the pack judges one. @default - none */
  readonly network?: NetworkAssessment;
  /** Acknowledgements of another pack's rules that do not count here. @default - none */
  readonly notCarried?: NotCarriedAcknowledgement[];
  readonly summary: AssessmentSummary;
  readonly vms: VmAssessment[];
  readonly connectors: ConnectorAssessment[];
  readonly unusedAcknowledgements: UnusedAcknowledgement[];
  /** The policy it was made under. */
  readonly policy: AssessmentPolicy;
  /**
   * The names of the organisation rule packs that judged with the service's pack, in the order they applied.
   *
   * @default - none: the service's pack alone
   */
  readonly organizationPacks?: string[];
  /**
   * The catalogue entries the organisation rule packs added or changed, as they judged: the packs' own
   * rules, and the service's rules whose severity a pack raised or that a pack made unacknowledgeable.
   * Reports describe a rule by this list before the service's catalogue.
   *
   * @default - none
   */
  readonly organizationRules?: RuleInfo[];
}

/** How findings turn into verdicts and failures. */
export interface AssessmentPolicy {
  /** @default UnknownPolicy.WARN */
  readonly unknown: UnknownPolicy;
  /** Warnings (including unknowns reported as warnings) fail too. @default false */
  readonly strict: boolean;
}
