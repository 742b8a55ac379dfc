import { fail, pass, RuleResult, VmContext } from '../../assessment/rule';

/**
 * The VM's job is within the concurrent replication job quota of its account and region.
 *
 * VMs are counted in plan order, whatever their waves or other findings, after the jobs other plans
 * of the same account and region already count (a CDK app with several migrations): the VM at the
 * quota's position passes, the next one fails. The quota can be raised through AWS Support, so the failure
 * can be acknowledged. The engine numbers every VM, so the rule is never unknown; a VM it did not
 * number is not counted.
 */
export function jobQuota({ vm, plan }: VmContext): RuleResult {
  const position = plan.position.get(vm.name);
  if (position === undefined || position <= plan.jobQuota) {
    return pass();
  }
  return fail(`${vm.name} is replication job ${position} in its account and region (counted in plan order), `
    + `past the quota of ${plan.jobQuota} concurrent replication jobs per account and region`);
}
