import { Connector, LicenseChoice, Plan, ReplicationType, ResolvedLicense, Attestation, Vm } from '../plan/model/plan';

/** What a rule concluded about one subject. */
export enum Outcome {
  /** The facts the rule needs are known and meet the requirement. */
  PASS = 'pass',
  /** The facts are known and break the requirement. */
  FAIL = 'fail',
  /** A fact the rule needs is missing; never silently passed. */
  UNKNOWN = 'unknown',
  /** The rule does not apply to this subject. */
  NOT_APPLICABLE = 'n/a',
}

/** How much a finding matters. */
export enum Severity {
  /** The job would fail, or the VM is outside what SMS supports. */
  ERROR = 'error',
  /** It may fail, or something will change or be lost. */
  WARNING = 'warning',
  /** What SMS will do to the VM, worth knowing. */
  INFO = 'info',
}

/** The result of one rule on one subject. */
export interface RuleResult {
  /** The outcome. */
  readonly outcome: Outcome;
  /**
   * For a fail or unknown: the fact judged and what would pass, for example
   * `RHEL 7.4 is not supported (supported: 5.1-5.11, 6.1-6.9, 7.0-7.3)`.
   *
   * @default - no message (pass and n/a)
   */
  readonly message?: string;
  /**
   * A severity lower than the rule's, for a rule with a warning band (SMS-CON1 above vCenter 6.5).
   *
   * @default - the rule's own severity
   */
  readonly severity?: Severity;
}

// Most checks pass or do not apply: one shared, frozen result each keeps 10,000-VM plans from
// allocating a million identical objects.
const PASS: RuleResult = Object.freeze({ outcome: Outcome.PASS });
const NOT_APPLICABLE: RuleResult = Object.freeze({ outcome: Outcome.NOT_APPLICABLE });

/** Passes. */
export function pass(): RuleResult {
  return PASS;
}

/** Fails, naming the fact judged and what would pass; optionally at a lower severity than the rule's. */
export function fail(message: string, severity?: Severity): RuleResult {
  return severity ? { outcome: Outcome.FAIL, message, severity } : { outcome: Outcome.FAIL, message };
}

/** Cannot decide: names the missing fact and what would pass. */
export function unknown(message: string): RuleResult {
  return { outcome: Outcome.UNKNOWN, message };
}

/** Does not apply. */
export function notApplicable(): RuleResult {
  return NOT_APPLICABLE;
}

/**
 * A VM's replication settings once the VM's own, the plan's `defaults.replication` and the library's
 * defaults are merged, field by field.
 */
export interface EffectiveReplication {
  /** @default interval */
  readonly type: ReplicationType;
  /** @default 12 */
  readonly frequencyHours: number;
  /** @default - when the job is created */
  readonly seedTime?: string;
  /** @default auto */
  readonly licenseType: LicenseChoice;
  /** @default - SMS keeps every AMI */
  readonly amisToKeep?: number;
  /** @default false */
  readonly encrypted: boolean;
  /** @default - SMS's default key when encrypted */
  readonly kmsKeyId?: string;
  /** @default false */
  readonly enhancedNetworking: boolean;
  /** @default - none */
  readonly attestations: Attestation[];
}

/**
 * What the engine knows of the whole plan, for the rules that compare VMs with each other.
 *
 * Part of the rule-pack contract, which is TypeScript only: its rules are functions, which jsii cannot
 * represent, so it is not in the jsii assembly (other languages assess through `Migration`).
 *
 * @jsii ignore
 */
export interface PlanFacts {
  /**
   * Names of the other VMs that name the same server (same `source.serverId`, or the same
   * `source.vmId` under the same connector), by VM name: the first few in plan order, when a pack keeps
   * only those (a group of thousands would otherwise cost its size squared).
   */
  readonly sameServer: ReadonlyMap<string, readonly string[]>;
  /**
   * How many other VMs name the same server, by VM name, when `sameServer` lists only the first few.
   *
   * @default - as many as `sameServer` lists
   */
  readonly sameServerCount?: ReadonlyMap<string, number>;
  /**
   * 1-based position of each VM among the jobs of its wave, by name (SMS-JOB4 counts each wave in
   * plan order); none for a VM that is not counted (unscheduled: no wave in a plan that uses waves).
   */
  readonly position: ReadonlyMap<string, number>;
  /** Concurrent replication jobs allowed per account and region (SMS-JOB4). */
  readonly jobQuota: number;
}

/**
 * Everything a VM rule may look at. Rules are pure: the same context always gives the same result.
 *
 * Part of the rule-pack contract, which is TypeScript only: its rules are functions, which jsii cannot
 * represent, so it is not in the jsii assembly (other languages assess through `Migration`).
 *
 * @jsii ignore
 */
export interface VmContext {
  readonly vm: Vm;
  /** Replication settings after defaults. */
  readonly replication: EffectiveReplication;
  /** The license the job will get, or undefined when the OS facts cannot decide it. */
  readonly license?: ResolvedLicense;
  /** The connector the VM names, when the plan declares it. */
  readonly connector?: Connector;
  readonly plan: PlanFacts;
  /** The moment the assessment is made (synthesis time), for seed times. */
  readonly now: Date;
}

/**
 * Everything a connector rule may look at.
 *
 * Part of the rule-pack contract, which is TypeScript only: its rules are functions, which jsii cannot
 * represent, so it is not in the jsii assembly (other languages assess through `Migration`).
 *
 * @jsii ignore
 */
export interface ConnectorContext {
  readonly connector: Connector;
  /** The plan-wide facts the pack prepared. @default - none (a connector judged on its own) */
  readonly plan?: PlanFacts;
}

/**
 * Everything a rule over the plan's network (judged once per plan) may look at.
 *
 * Part of the rule-pack contract, which is TypeScript only: its rules are functions, which jsii cannot
 * represent, so it is not in the jsii assembly (other languages assess through `Migration`).
 *
 * @jsii ignore
 */
export interface NetworkContext {
  /** The plan. */
  readonly plan: Plan;
  /** The plan-wide facts the pack prepared. */
  readonly facts: PlanFacts;
}

/** A check over one VM. */
export type VmCheck = (ctx: VmContext) => RuleResult;

/** A check over one connector. */
export type ConnectorCheck = (ctx: ConnectorContext) => RuleResult;

/** A check over the plan's network. */
export type NetworkCheck = (ctx: NetworkContext) => RuleResult;
