import { fail, pass, RuleResult, VmContext } from '../../assessment/rule';
import { SAME_SERVER_NAMES } from './plan-facts';

/**
 * No other VM of the plan names the same server: SMS allows one replication job per server.
 *
 * The engine finds the VMs that share a `source.serverId`, or a `source.vmId` under the same connector
 * (VMs without a connector form one group). Every VM of such a group fails, so each one's report names
 * the others (the first five, then how many more). A VM with no source identifiers shares nothing, so the rule is never unknown.
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
  // A few names say which VMs to look at; thousands would make each VM's message as long as the plan.
  const total = Math.max(others.length, plan.sameServerCount?.get(vm.name) ?? 0);
  const shown = others.slice(0, SAME_SERVER_NAMES);
  const names = total > shown.length ? `${shown.join(', ')} and ${total - shown.length} other VM${total - shown.length === 1 ? '' : 's'}` : shown.join(', ');
  return fail(`${server} is also named by ${names}: SMS allows one replication job per server`);
}
