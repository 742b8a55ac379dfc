import { fail, notApplicable, pass, RuleResult, unknown, VmContext } from '../../assessment/rule';
import type { MgnVmContext } from './context';
import { MgnQuotas } from './facts/quotas';
import { thousands } from '../../private/thousands';

const LIMIT = MgnQuotas.SOURCE_SERVERS_NOT_ARCHIVED;
const LIMIT_TEXT = `the quota of ${thousands(LIMIT)} source servers not archived per account and Region`;

/** The first few names of a list, then how many more. */
function firstNames(names: readonly string[]): string {
  return names.length > 5 ? `${names.slice(0, 5).join(', ')} and ${names.length - 5} more` : names.join(', ');
}

/**
 * The VM is within the quota of source servers not archived per account and Region (adjustable).
 *
 * The VMs each vCenter Client (a connector serving agentless VMs) discovers outside the plan count
 * first (its `inventoryVmCount` less the plan's VMs on it), then the plan's VMs in order; those past the
 * quota fail. Unknown when a client lacks `inventoryVmCount`, unless the VM is past the quota even
 * without that client's share. n/a for an unscheduled VM, which is not deployed.
 */
export function sourceServers(ctx: VmContext): RuleResult {
  const { vm, plan } = ctx as MgnVmContext;
  const quotas = plan.quotasOf(vm);
  const counted = quotas.counted.get(vm.name);
  if (counted === undefined) {
    return notApplicable();
  }
  const { discoveredOutside, clientsWithoutCount } = quotas;
  const position = discoveredOutside + counted.position;
  const after = discoveredOutside > 0 ? `, after the ${discoveredOutside} VMs the vCenter Clients discover outside the plan` : '';
  if (position > LIMIT) {
    return fail(`${vm.name} is source server ${position} in plan order${after}: past ${LIMIT_TEXT}`);
  }
  if (clientsWithoutCount.length > 0) {
    const clients = clientsWithoutCount.length === 1 ? `vCenter Client ${clientsWithoutCount[0]} has` : `vCenter Clients ${firstNames(clientsWithoutCount)} have`;
    return unknown(`${clients} no connectors[].inventoryVmCount: the VMs discovered outside the plan count toward ${LIMIT_TEXT}, `
      + `and ${vm.name} is at least source server ${position}`);
  }
  return pass();
}
