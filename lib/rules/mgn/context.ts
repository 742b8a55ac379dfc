import { ConnectorContext, PlanFacts, VmContext } from '../../assessment/rule';
import { EgressRule, ReplicationMethod, Vm } from '../../plan/model/plan';
import { MgnLicensing } from './facts/licensing';
import { MgnPlanScope } from './facts/plan-scope';
import { MgnQuotaFacts } from './facts/quotas';
import { MgnReplicationFacts } from './facts/replication-facts';
import { EffectiveMgnLaunch, EffectiveMgnReplication } from './facts/settings';

/**
 * What the MGN pack knows of the whole plan: its scope and the cross-VM facts, computed once.
 *
 * Part of the rule-pack contract, which is TypeScript only: its rules are functions, which jsii cannot
 * represent, so it is not in the jsii assembly (other languages assess through `Migration`).
 *
 * @jsii ignore
 */
export interface MgnPlanFacts extends PlanFacts {
  readonly scope: MgnPlanScope;
  /** Connectors (by name) that serve at least one agentless VM: AGL2, AGL3 and CON3 judge them. */
  readonly agentlessConnectors: ReadonlySet<string>;
  /**
   * The quota facts of the account and Region a VM migrates into (its own, else its wave's, else the
   * plan's `mgn.accountId` and `mgn.region`, else the migration's): each quota is counted per account
   * and Region.
   */
  quotasOf(vm: Vm): MgnQuotaFacts;
  readonly replicationFacts: MgnReplicationFacts;
}

/**
 * A VM's MGN facts after defaults.
 *
 * Part of the rule-pack contract, which is TypeScript only: its rules are functions, which jsii cannot
 * represent, so it is not in the jsii assembly (other languages assess through `Migration`).
 *
 * @jsii ignore
 */
export interface MgnVmFacts {
  readonly method: ReplicationMethod;
  readonly replication: EffectiveMgnReplication;
  readonly launch: EffectiveMgnLaunch;
  /** License and tenancy; undefined for family `other` or an unknown family (LIC rules n/a or unknown). */
  readonly licensing?: MgnLicensing;
  /** The day the OS matrix judges the VM on: its wave's cutover, never before the assessment day. */
  readonly evaluationDate: string;
  /** The VM's outbound rules: its own `mgn.egress`, else `mgn.network.sourceEgress`; undefined when neither is declared. */
  readonly egress?: readonly EgressRule[];
  /** Where `egress` comes from, for messages. */
  readonly egressField: string;
  /** Its application: `application`, else its wave, else `default`. */
  readonly application: string;
}

/**
 * Everything an MGN VM rule may look at.
 *
 * Part of the rule-pack contract, which is TypeScript only: its rules are functions, which jsii cannot
 * represent, so it is not in the jsii assembly (other languages assess through `Migration`).
 *
 * @jsii ignore
 */
export interface MgnVmContext extends VmContext {
  readonly mgn: MgnVmFacts;
  readonly plan: MgnPlanFacts;
}

/**
 * Everything an MGN connector rule may look at.
 *
 * Part of the rule-pack contract, which is TypeScript only: its rules are functions, which jsii cannot
 * represent, so it is not in the jsii assembly (other languages assess through `Migration`).
 *
 * @jsii ignore
 */
export interface MgnConnectorContext extends ConnectorContext {
  readonly plan?: MgnPlanFacts;
  /** Whether some VM of the plan replicates agentless under this connector. */
  readonly servesAgentless: boolean;
}
