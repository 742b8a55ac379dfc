import { fail, pass, RuleResult, VmContext } from '../../assessment/rule';

/**
 * No other VM of the plan names the same server: SMS allows one replication job per server.
 *
 * The engine finds the VMs that share a `source.serverId`, or a `source.vmId` under the same connector
 * (VMs without a connector form one group). Every VM of such a group fails, so each one's report names
 * the others. A VM with no source identifiers shares nothing, so the rule is never unknown.
 */
export function oneJobPerServer({ vm, plan }: VmContext): RuleResult {
  const others = plan.sameServer.get(vm.name) ?? [];
  if (others.length === 0) {
    return pass();
  }
  const ids: string[] = [];
  if (vm.source?.serverId) {
    ids.push(`source.serverId ${vm.source.serverId}`);
  }
  if (vm.source?.vmId) {
    const under = vm.connector;
    ids.push(`source.vmId ${vm.source.vmId} ${under === undefined ? 'with no connector' : `under connector ${under}`}`);
  }
  const server = ids.length === 0 ? 'the same server' : `the same server (${ids.join(', ')})`;
  return fail(`${server} is also named by ${others.join(', ')}: SMS allows one replication job per server`);
}
