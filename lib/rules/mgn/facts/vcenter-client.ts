import { Hypervisor } from '../../../plan/model/plan';
import { notApplicable, RuleResult } from '../../../assessment/rule';
import type { MgnConnectorContext } from '../context';

/**
 * The opening check of a rule over vCenter Clients (MGN-AGL2, MGN-AGL3, MGN-CON3): n/a for a
 * connector that serves no agentless VM, and for one that is not `vmware` (MGN-AGL1 fails each of its
 * agentless VMs instead); undefined when the rule goes on.
 */
export function vcenterClientGate(ctx: MgnConnectorContext): RuleResult | undefined {
  return ctx.servesAgentless && ctx.connector.hypervisor === Hypervisor.VMWARE ? undefined : notApplicable();
}
