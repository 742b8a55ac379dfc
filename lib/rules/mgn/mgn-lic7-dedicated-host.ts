import { describeOs } from '../../plan/model/os';
import { Tenancy } from '../../plan/model/plan';
import { fail, pass, RuleResult, Severity, VmContext } from '../../assessment/rule';
import type { MgnVmContext } from './context';
import { LicenseClass } from './facts/licensing';
import { byolReason, isRuleResult, windowsByol } from './facts/windows-byol';

const REQUIREMENT = 'a Windows VM licensed BYOL launches on a Dedicated Host (launch.tenancy host)';

/**
 * A Windows VM that resolves to BYOL launches on a Dedicated Host: Microsoft's license terms do not let
 * a brought license run on shared (`default`) or Dedicated Instance (`dedicated`) tenancy, and MGN
 * launches such a copy on `host` tenancy only.
 *
 * Fails (error) when `launch.tenancy` is `default` or `dedicated`. A warning when the tenancy is
 * `host` but neither `launch.hostId` nor `launch.hostResourceGroupArn` names where: EC2 then needs a
 * host with auto-placement and room. n/a when the VM launches license included, for Linux and family
 * `other`; unknown when the family cannot be told.
 */
export function dedicatedHost(ctx: VmContext): RuleResult {
  const mgn = ctx as MgnVmContext;
  const licensing = windowsByol(mgn, REQUIREMENT);
  if (isRuleResult(licensing)) {
    return licensing;
  }
  const { vm } = mgn;
  const launch = mgn.mgn.launch;
  if (licensing.tenancy !== Tenancy.HOST) {
    const alternative = licensing.licenseClass === LicenseClass.WINDOWS_SERVER ? ', or license it with replication.licenseType aws' : '';
    return fail(`${describeOs(vm.os)} with ${byolReason(mgn)} has launch.tenancy ${licensing.tenancy}: ${REQUIREMENT}; `
      + `set launch.tenancy host${alternative}`);
  }
  if (isBlank(launch.hostId) && isBlank(launch.hostResourceGroupArn)) {
    return fail(`${describeOs(vm.os)} with ${byolReason(mgn)} launches on tenancy host, but neither launch.hostId nor `
      + 'launch.hostResourceGroupArn is set: EC2 must find a Dedicated Host with auto-placement and room, or the launch fails',
    Severity.WARNING);
  }
  return pass();
}

function isBlank(value: string | undefined): boolean {
  return value === undefined || String(value).trim() === '';
}
