import { fail, notApplicable, pass, RuleResult, VmContext } from '../../assessment/rule';
import type { MgnVmContext } from './context';
import { MgnQuotas } from './facts/quotas';

const LIMIT = MgnQuotas.SERVERS_PER_APPLICATION;

/**
 * The VM's application has room for it: at most 200 source servers per application, counted in plan
 * order; those past the 200th fail. Every VM has an application (its own, else its wave's name, else
 * `default`), so the rule is never unknown; n/a for an unscheduled VM, which is not deployed.
 */
export function serversPerApplication(ctx: VmContext): RuleResult {
  const { vm, plan } = ctx as MgnVmContext;
  const quotas = plan.quotasOf(vm);
  const counted = quotas.counted.get(vm.name);
  if (counted === undefined) {
    return notApplicable();
  }
  if (counted.positionInApplication <= LIMIT) {
    return pass();
  }
  const size = quotas.applicationSize.get(counted.application) ?? counted.positionInApplication;
  return fail(`application ${counted.application} has ${size} source servers and ${vm.name} is number `
    + `${counted.positionInApplication} in plan order: past MGN's limit of ${LIMIT} source servers per application`);
}
