import { Vm } from '../../../plan/model/plan';
import { MgnPlanScope } from './plan-scope';

/**
 * The cross-VM facts of the quota rules (MGN-QUOTA1 to MGN-QUOTA5), computed once per plan.
 * To be completed with the quota rules.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface MgnQuotaFacts {}

/** Counts the plan's VMs against MGN's quotas, in plan order. */
export function quotaFacts(_vms: readonly Vm[], _scope: MgnPlanScope): MgnQuotaFacts {
  return {};
}
