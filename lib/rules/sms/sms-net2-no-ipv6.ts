import { RuleResult, VmContext } from '../../assessment/rule';
import { judgeNoIpv6 } from './facts/network';

const REQUIREMENT = 'IPv6 is not supported, a VM without IPv6 addresses passes';

/**
 * No NIC has an IPv6 address: SMS does not carry IPv6 over. A warning.
 *
 * Every IPv6 address counts, link-local ones included, and so does an IPv6 address written in a NIC's
 * `ipv4` list. A NIC without an `ipv6` list (and no IPv6 address in `ipv4`) makes the rule unknown
 * unless another NIC fails; `ipv6: []` says it has none.
 */
export function noIpv6({ vm }: VmContext): RuleResult {
  return judgeNoIpv6(vm, REQUIREMENT);
}
