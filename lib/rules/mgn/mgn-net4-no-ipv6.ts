import { RuleResult, VmContext } from '../../assessment/rule';
import { judgeNoIpv6 } from '../sms/facts/network';

const REQUIREMENT = 'MGN does not carry IPv6 addresses over, a VM without IPv6 addresses passes';

/**
 * No NIC has an IPv6 address: MGN launches with IPv4 addressing only, so IPv6 addresses are not carried
 * over. A warning.
 *
 * Every IPv6 address counts, link-local ones included, and so does an IPv6 address written in a NIC's
 * `ipv4` list. `nics` absent is unknown; so is a NIC without an `ipv6` list (and no IPv6 address in
 * `ipv4`), unless another NIC fails, as in SMS-NET2, whose acknowledgement carries here.
 */
export function noIpv6({ vm }: VmContext): RuleResult {
  return judgeNoIpv6(vm, REQUIREMENT);
}
