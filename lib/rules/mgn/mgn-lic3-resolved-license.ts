import { describeOs } from '../../plan/model/os';
import { familiesGate, LINUX_AND_WINDOWS } from '../../assessment/family-gate';
import { fail, notApplicable, RuleResult, VmContext } from '../../assessment/rule';
import type { MgnVmContext } from './context';

/**
 * Info: the license and tenancy each VM launches with, as MGN's table resolves the plan's
 * `replication.licenseType` (license included or BYOL, MGN's `osByol`) and `launch.tenancy` overrides
 * the tenancy. Reported on every Linux and Windows VM: the choice decides the price and who answers
 * for the license.
 *
 * n/a for family `other` (MGN licenses nothing there); unknown when the family cannot be told.
 */
export function resolvedLicense(ctx: VmContext): RuleResult {
  const { mgn, vm, replication } = ctx as MgnVmContext;
  const gate = familiesGate(vm, LINUX_AND_WINDOWS, 'each Linux or Windows VM launches license included or BYOL, on a tenancy');
  if (gate) {
    return gate;
  }
  const licensing = mgn.licensing;
  if (licensing === undefined) {
    // The gate lets through only families the table covers; kept for the type.
    return notApplicable();
  }
  const license = licensing.osByol ? 'BYOL (osByol true)' : 'license included (osByol false)';
  const tenancy = mgn.launch.tenancy !== undefined
    ? `tenancy ${licensing.tenancy} from launch.tenancy (the table's: ${licensing.tableTenancy})`
    : `tenancy ${licensing.tenancy}`;
  return fail(`${describeOs(vm.os)} with replication.licenseType ${replication.licenseType} launches ${license}, ${tenancy}`);
}
