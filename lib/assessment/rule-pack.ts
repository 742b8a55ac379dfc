import { PlanEnvironment } from '../plan/model/environments';
import { Connector, Plan, PlanDefaults, PlanTarget, Vm } from '../plan/model/plan';
import { ConnectorCheck, ConnectorContext, NetworkCheck, NetworkContext, PlanFacts, VmCheck, VmContext } from './rule';
import { VmDetails } from './types';
import { RuleInfo, RuleSubject } from './rule-info';

// The catalogue entry lives in rule-info.ts, which the assessment's types read too (reports describe an
// organisation's rules from the assessment); it is part of this contract (the assessment's barrel exports it).
export { RuleSubject };

/**
 * A rule over VMs.
 *
 * Part of the rule-pack contract, which is TypeScript only: its rules are functions, which jsii cannot
 * represent, so it is not in the jsii assembly (other languages assess through `Migration`).
 *
 * @jsii ignore
 */
export interface VmRule extends RuleInfo {
  readonly subject: RuleSubject.VM;
  readonly check: VmCheck;
}

/**
 * A rule over connectors.
 *
 * Part of the rule-pack contract, which is TypeScript only: its rules are functions, which jsii cannot
 * represent, so it is not in the jsii assembly (other languages assess through `Migration`).
 *
 * @jsii ignore
 */
export interface ConnectorRule extends RuleInfo {
  readonly subject: RuleSubject.CONNECTOR;
  readonly check: ConnectorCheck;
}

/**
 * A rule over the plan's network, judged once per plan.
 *
 * Part of the rule-pack contract, which is TypeScript only: its rules are functions, which jsii cannot
 * represent, so it is not in the jsii assembly (other languages assess through `Migration`).
 *
 * @jsii ignore
 */
export interface NetworkRule extends RuleInfo {
  readonly subject: RuleSubject.NETWORK;
  readonly check: NetworkCheck;
}

/** Any rule of a catalogue. */
export type Rule = VmRule | ConnectorRule | NetworkRule;

/**
 * What the engine tells a pack about a plan before its VMs are judged.
 *
 * Part of the rule-pack contract, which is TypeScript only: its rules are functions, which jsii cannot
 * represent, so it is not in the jsii assembly (other languages assess through `Migration`).
 *
 * @jsii ignore
 */
export interface PlanFactsOptions {
  /**
   * The quota of concurrent jobs in the plan's account and Region.
   *
   * @default - the pack's own default (50 for SMS)
   */
  readonly jobQuota?: number;
  /**
   * Jobs that other plans already hold in the same account and Region, counted first.
   *
   * @default 0
   */
  readonly jobsBefore?: number;
  /**
   * The whole plan, for packs whose cross-VM facts read more than its VMs (waves and their dates,
   * connectors, plan-wide settings).
   *
   * @default - only the VMs are known (a VM judged on its own)
   */
  readonly plan?: Plan;
  /** The moment the assessment is made. @default - now */
  readonly now?: Date;
  /**
   * The account and Region of the VMs that name none, nor their wave, nor the plan: each quota is
   * counted per account and Region, and `jobsBefore` counts in this one.
   *
   * @default - the stacks' own, unnamed
   */
  readonly environment?: PlanEnvironment;
}

/**
 * What the engine knows of a VM's surroundings when it asks a pack for the VM's context.
 *
 * Part of the rule-pack contract, which is TypeScript only: its rules are functions, which jsii cannot
 * represent, so it is not in the jsii assembly (other languages assess through `Migration`).
 *
 * @jsii ignore
 */
export interface VmSurroundings {
  /** The plan's defaults. @default - none */
  readonly defaults?: PlanDefaults;
  /** The connector the VM names, when the plan declares it. @default - none */
  readonly connector?: Connector;
  /** The plan-wide facts the pack prepared. */
  readonly plan: PlanFacts;
  /** The moment the assessment is made. */
  readonly now: Date;
}

/**
 * A rule pack: the rules of one migration service and how they read a plan. The engine
 * (`RuleEngine`) runs any pack the same way: it asks the pack for the plan-wide facts and for each
 * VM's context, runs the rules in catalogue order (skipping a rule once one it depends on has
 * failed, `notApplicableAfter`), applies the acknowledgements and makes the verdicts. A new service
 * is a new pack; the engine does not change.
 *
 * Part of the rule-pack contract, which is TypeScript only: its rules are functions, which jsii cannot
 * represent, so it is not in the jsii assembly (other languages assess through `Migration`).
 *
 * @jsii ignore
 */
export interface IRulePack {
  /** The plan target that selects the pack. */
  readonly target: PlanTarget;
  /** The service, as reports name it: `AWS Server Migration Service`. */
  readonly service: string;
  /** The sections of the catalogue, in order; every rule's `section` is one of them. */
  readonly sections: readonly string[];
  /** Every rule, in catalogue order; ids are unique and start with the pack's prefix. */
  readonly rules: readonly Rule[];
  /** The facts the pack's cross-VM rules read (the same server twice, quotas), over a plan's VMs in order. */
  planFacts(vms: readonly Vm[], options: PlanFactsOptions): PlanFacts;
  /** Everything the pack's rules may look at for one VM: its effective settings and resolved license among them. */
  vmContext(vm: Vm, surroundings: VmSurroundings): VmContext;
  /**
   * Everything the pack's rules may look at for one connector.
   *
   * @param plan the plan-wide facts, when the connector is judged as part of a plan
   */
  connectorContext(connector: Connector, plan?: PlanFacts): ConnectorContext;
  /**
   * Everything the pack's network rules may look at. Required when the pack has rules whose
   * subject is `RuleSubject.NETWORK`.
   *
   * @default - the plan and the facts as they are
   */
  networkContext?(plan: Plan, facts: PlanFacts): NetworkContext;
  /**
   * What reports show of a VM beyond its findings (evaluation date, replication method, tenancy).
   *
   * @default - nothing more
   */
  vmDetails?(ctx: VmContext): VmDetails;
  /**
   * Acknowledgements of other packs' rules that count for this pack's rules: for a rule id of this
   * pack, the ids whose acknowledgement covers its findings (`acknowledgedVia`). An acknowledgement of
   * another pack's rule that no entry names is reported as not carried.
   *
   * @default - none carries
   */
  readonly carriedAcknowledgements?: ReadonlyMap<string, readonly string[]>;
  /**
   * The date of the data the pack's rules judge by (an OS matrix with retirement dates), `YYYY-MM-DD`,
   * printed in reports.
   *
   * @default - none
   */
  readonly matrixDate?: string;
}
