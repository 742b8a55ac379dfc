import { fail, pass, RuleResult, VmContext } from '../../assessment/rule';
import type { MgnVmContext } from './context';

const NO_SUBNET: RuleResult = Object.freeze(fail('launch.subnet is not set (VM or defaults.mgn.launch): MGN launches into a '
  + 'subnet of the Region\'s default VPC, and the launch fails where there is none; set launch.subnet to a subnet- id'));

/**
 * `launch.subnet` is set: without one MGN launches into the default VPC, which may not be where the
 * workload belongs, and fails in a Region without a default VPC. A warning.
 *
 * Never unknown: a subnet not written is a choice (the default VPC), not a missing fact.
 */
export function launchSubnet(ctx: VmContext): RuleResult {
  const { mgn } = ctx as MgnVmContext;
  const subnet = mgn.launch.subnet;
  return subnet === undefined || String(subnet).trim() === '' ? NO_SUBNET : pass();
}
