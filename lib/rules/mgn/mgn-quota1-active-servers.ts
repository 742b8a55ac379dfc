import { fail, notApplicable, pass, RuleResult, VmContext } from '../../assessment/rule';
import type { MgnVmContext } from './context';

/**
 * The VM is within the quota of actively replicating servers per account and Region (the pack's
 * `jobQuota`, 150 by default; adjustable, so the failure can be acknowledged).
 *
 * A VM replicates from its wave's `replicationStart` (else the assessment date) to its `cutoverDate`
 * inclusive (else for good); on a day with more servers replicating than the quota, those past it in
 * plan order fail, whatever their other findings. The message names the day on which the VM stands
 * furthest down the list. Days before the assessment date are not judged. Every counted VM has its
 * dates, so the rule is never unknown; an unscheduled VM is not deployed, and the rule is n/a.
 */
export function activeServers(ctx: VmContext): RuleResult {
  const { vm, plan } = ctx as MgnVmContext;
  const counted = plan.quotasOf(vm).counted.get(vm.name);
  if (counted === undefined) {
    return notApplicable();
  }
  const busiest = counted.busiestDay;
  if (busiest === undefined || busiest.rank <= plan.jobQuota) {
    return pass();
  }
  return fail(`on ${busiest.day}, ${busiest.count} servers replicate at once (each from its wave's replicationStart, else the `
    + `assessment date, to its cutoverDate) and ${vm.name} is number ${busiest.rank} in plan order: past the quota of `
    + `${plan.jobQuota} actively replicating servers per account and Region`);
}
