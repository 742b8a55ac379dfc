import { PlanFactsOptions } from '../../assessment/rule-pack';
import { environmentResolver, PlanEnvironment } from '../../plan/model/environments';
import { Plan, ReplicationMethod, Vm } from '../../plan/model/plan';
import { MgnPlanFacts } from './context';
import { utcDay } from './facts/days';
import { planScope } from './facts/plan-scope';
import { MgnQuotaFacts, quotaFacts } from './facts/quotas';
import { replicationFacts } from './facts/replication-facts';

/** MGN's default quota of actively replicating servers (MGN-QUOTA1). */
export const MGN_ACTIVE_SERVER_QUOTA = 150;

/** The MGN pack's facts of a plan (or of VMs judged on their own). */
export function mgnPlanFacts(vms: readonly Vm[], options: PlanFactsOptions): MgnPlanFacts {
  const plan: Plan | undefined = options.plan;
  const scope = planScope(vms, plan, utcDay(options.now ?? new Date()));
  const agentlessConnectors = new Set<string>();
  const position = new Map<string, number>();
  vms.forEach((vm, index) => {
    position.set(vm.name, index + 1);
    if (vm.connector !== undefined && scope.settings(vm).replication.method === ReplicationMethod.AGENTLESS) {
      agentlessConnectors.add(vm.connector);
    }
  });
  return {
    sameServer: new Map(),
    position,
    jobQuota: options.jobQuota ?? MGN_ACTIVE_SERVER_QUOTA,
    scope,
    agentlessConnectors,
    quotasOf: quotasByEnvironment(vms, options, scope, agentlessConnectors),
    replicationFacts: replicationFacts(vms, scope),
  };
}

/**
 * The quota facts of each account and Region the VMs migrate into, counted apart: a VM's own `account`
 * and `region`, else its wave's, else the plan's `mgn.accountId` and `mgn.region`, else the migration's
 * (`options.environment`). A vCenter Client's discoveries count where its first agentless VM goes.
 */
function quotasByEnvironment(vms: readonly Vm[], options: PlanFactsOptions, scope: MgnPlanFacts['scope'],
  agentlessConnectors: ReadonlySet<string>): (vm: Vm) => MgnQuotaFacts {
  const plan = options.plan;
  const environmentOf = environmentResolver(plan?.waves, {
    account: plan?.mgn?.accountId ?? options.environment?.account,
    region: plan?.mgn?.region ?? options.environment?.region,
  });
  // The resolver gives one object per environment: the groups are keyed by it.
  const groups = new Map<PlanEnvironment, { vms: Vm[]; clients: Set<string> }>();
  const clientSeen = new Set<string>();
  for (const vm of vms) {
    const env = environmentOf(vm);
    let group = groups.get(env);
    if (group === undefined) {
      group = { vms: [], clients: new Set() };
      groups.set(env, group);
    }
    group.vms.push(vm);
    if (vm.connector !== undefined && agentlessConnectors.has(vm.connector) && !clientSeen.has(vm.connector)
      && scope.settings(vm).replication.method === ReplicationMethod.AGENTLESS) {
      clientSeen.add(vm.connector);
      group.clients.add(vm.connector);
    }
  }
  if (groups.size <= 1) {
    // One account and Region: the common case, counted as one.
    const quotas = quotaFacts(vms, scope, agentlessConnectors);
    return () => quotas;
  }
  const byEnvironment = new Map([...groups].map(([env, group]) => [env, quotaFacts(group.vms, scope, group.clients)] as const));
  return (vm: Vm) => byEnvironment.get(environmentOf(vm))!;
}
