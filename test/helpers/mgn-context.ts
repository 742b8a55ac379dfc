import { MGN_RULE_PACK, MgnConnectorContext, MgnPlanFacts, MgnVmContext } from '../../lib/rules/mgn';
import { NetworkContext } from '../../lib/assessment/rule';
import { Connector, Plan, Vm } from '../../lib/plan/model/plan';

/** A fixed assessment moment for MGN tests: the OS matrix's own date. */
export const MGN_TEST_NOW = new Date('2026-12-04T12:00:00Z');

/** Options for building an MGN rule context in tests. */
export interface MgnContextOptions {
  /**
   * The rest of the plan, as JSON: `defaults`, `waves`, `mgn`, `connectors`, `acknowledge`, and other
   * `vms` (the VM judged is added at the end unless it is already among them, by name).
   */
  readonly plan?: object;
  /** @default MGN_TEST_NOW */
  readonly now?: Date;
}

function planOf(vm: Vm | undefined, options: MgnContextOptions): Plan {
  const rest = (options.plan ?? {}) as Partial<Plan>;
  const vms = [...(rest.vms ?? [])];
  if (vm !== undefined && !vms.some((v) => v.name === vm.name)) {
    vms.push(vm);
  }
  return { version: 1, target: 'mgn', ...rest, vms } as Plan;
}

function factsOf(plan: Plan, now: Date): MgnPlanFacts {
  return MGN_RULE_PACK.planFacts(plan.vms, { plan, now }) as MgnPlanFacts;
}

/**
 * Builds the context an MGN VM rule sees, from a VM written as in a plan file (plain JSON), through
 * the pack itself: the plan's facts, then the VM's context. `name` and `hypervisor` default to `vm-1`
 * and `vmware`.
 */
export function mgnVmContext(vm: object, options: MgnContextOptions = {}): MgnVmContext {
  const full = { name: 'vm-1', hypervisor: 'vmware', ...vm } as Vm;
  const now = options.now ?? MGN_TEST_NOW;
  const plan = planOf(full, options);
  const judged = plan.vms.find((v) => v.name === full.name)!;
  const connector = judged.connector !== undefined ? plan.connectors?.find((c) => c.name === judged.connector) : undefined;
  return MGN_RULE_PACK.vmContext(judged, { defaults: plan.defaults, connector, plan: factsOf(plan, now), now }) as MgnVmContext;
}

/** Builds the context an MGN connector rule sees: the connector (added to the plan's connectors) within the plan. */
export function mgnConnectorContext(connector: object, options: MgnContextOptions = {}): MgnConnectorContext {
  const full = { name: 'c-1', hypervisor: 'vmware', ...connector } as Connector;
  const base = planOf(undefined, options);
  const connectors = [...(base.connectors ?? []).filter((c) => c.name !== full.name), full];
  const plan = { ...base, connectors } as Plan;
  return MGN_RULE_PACK.connectorContext(full, factsOf(plan, options.now ?? MGN_TEST_NOW)) as MgnConnectorContext;
}

/** Builds the context an MGN network rule sees, from a plan written as JSON (`vms` may be left out). */
export function mgnNetworkContext(plan: object, now: Date = MGN_TEST_NOW): NetworkContext {
  const full = { version: 1, target: 'mgn', vms: [], ...plan } as Plan;
  const facts = factsOf(full, now);
  return MGN_RULE_PACK.networkContext?.(full, facts) ?? { plan: full, facts };
}
