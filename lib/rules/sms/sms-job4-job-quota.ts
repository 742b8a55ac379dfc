import { namesWave } from '../../plan/model/waves';
import { fail, notApplicable, pass, RuleResult, VmContext } from '../../assessment/rule';

/**
 * The VM's job is within the concurrent replication job quota of its account and region.
 *
 * A wave's jobs exist together, so the VMs of each wave are counted in plan order, whatever their other
 * findings, after the jobs other plans of the same account and region already hold (a CDK app with
 * several migrations): the VM at the quota's position passes, the next one fails. A plan in which no VM
 * names a wave is one wave. The quota can be raised through AWS Support, so the failure can be
 * acknowledged. The engine numbers every VM it counts, so the rule is never unknown; a VM it did not
 * number (unscheduled: no wave in a plan that uses waves) gets no job, and the rule is n/a.
 */
export function jobQuota({ vm, plan }: VmContext): RuleResult {
  const position = plan.position.get(vm.name);
  if (position === undefined) {
    return notApplicable();
  }
  if (position <= plan.jobQuota) {
    return pass();
  }
  const [wave, counted] = namesWave(vm.wave) ? [`wave ${vm.wave}`, 'counted in plan order'] : ['the plan', 'one wave: no VM names a wave; counted in plan order'];
  return fail(`${vm.name} is replication job ${position} of ${wave} in its account and region (${counted}), `
    + `past the quota of ${plan.jobQuota} concurrent replication jobs per account and region`);
}
