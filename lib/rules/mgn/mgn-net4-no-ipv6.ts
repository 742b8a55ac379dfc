import { fail, pass, RuleResult, unknown, VmContext } from '../../assessment/rule';
import { Nic } from '../../plan/model/plan';
import { hasIpv6, ipv6Addresses, listNics, nicsNotRecorded, nicsWhere } from '../sms/facts/network';

const REQUIREMENT = 'MGN does not carry IPv6 addresses over, a VM without IPv6 addresses passes';

function lacksIpv6List(nic: Nic): boolean {
  return !Array.isArray(nic.ipv6);
}

/**
 * No NIC has an IPv6 address: MGN launches with IPv4 addressing only, so IPv6 addresses are not carried
 * over. A warning.
 *
 * Every IPv6 address counts, link-local ones included, and so does an IPv6 address written in a NIC's
 * `ipv4` list. `nics` absent is unknown; so is a NIC without an `ipv6` list (and no IPv6 address in
 * `ipv4`), unless another NIC fails, as in SMS-NET2, whose acknowledgement carries here.
 */
export function noIpv6({ vm }: VmContext): RuleResult {
  const withIpv6 = nicsWhere(vm, hasIpv6);
  if (withIpv6 === undefined) {
    return nicsNotRecorded(REQUIREMENT);
  }
  if (withIpv6.length > 0) {
    const items = withIpv6.map((n) => `nic ${n.index + 1} has ${ipv6Addresses(n.nic).join(', ')}`);
    return fail(`${items.join('; ')}: ${REQUIREMENT}`);
  }
  const notRecorded = nicsWhere(vm, lacksIpv6List) ?? [];
  if (notRecorded.length > 0) {
    return unknown(`the IPv6 addresses of ${listNics(notRecorded)} are not recorded (nics[].ipv6): ${REQUIREMENT}`);
  }
  return pass();
}
