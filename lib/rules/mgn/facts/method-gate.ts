import { notApplicable, RuleResult } from '../../../assessment/rule';
import { ReplicationMethod } from '../../../plan/model/plan';
import type { MgnVmContext } from '../context';

/**
 * The opening check of an [agent] or [agentless] rule (MGN-RULES.md, "Method"): n/a when the VM
 * replicates the other way, undefined when the rule goes on. The method is never unknown: it defaults
 * to `agent`.
 *
 * @example
 * const gate = methodGate(ctx, ReplicationMethod.AGENT);
 * if (gate) {
 *   return gate;
 * }
 */
export function methodGate(ctx: MgnVmContext, method: ReplicationMethod): RuleResult | undefined {
  return ctx.mgn.method === method ? undefined : notApplicable();
}
