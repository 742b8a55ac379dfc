import { PlanFactsOptions } from '../../assessment/rule-pack';
import { Plan, ReplicationMethod, Vm } from '../../plan/model/plan';
import { MgnPlanFacts } from './context';
import { utcDay } from './facts/days';
import { planScope } from './facts/plan-scope';
import { quotaFacts } from './facts/quotas';
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
    quotas: quotaFacts(vms, scope, agentlessConnectors),
    replicationFacts: replicationFacts(vms, scope),
  };
}
