import { fail, pass, RuleResult, unknown, VmContext } from '../../assessment/rule';
import { indexedNics, ipv6Addresses, listNics, nicsNotRecorded } from './facts/network';

const REQUIREMENT = 'IPv6 is not supported, a VM without IPv6 addresses passes';

/**
 * No NIC has an IPv6 address: SMS does not carry IPv6 over. A warning.
 *
 * Every IPv6 address counts, link-local ones included, and so does an IPv6 address written in a NIC's
 * `ipv4` list. A NIC without an `ipv6` list (and no IPv6 address in `ipv4`) makes the rule unknown
 * unless another NIC fails; `ipv6: []` says it has none.
 */
export function noIpv6({ vm }: VmContext): RuleResult {
  const nics = indexedNics(vm);
  if (nics === undefined) {
    return nicsNotRecorded(REQUIREMENT);
  }
  const withIpv6 = nics.filter((n) => ipv6Addresses(n.nic).length > 0);
  if (withIpv6.length > 0) {
    const items = withIpv6.map((n) => `nic ${n.index + 1} has ${ipv6Addresses(n.nic).join(', ')}`);
    return fail(`${items.join('; ')}: ${REQUIREMENT}`);
  }
  const notRecorded = nics.filter((n) => !Array.isArray(n.nic.ipv6));
  if (notRecorded.length > 0) {
    return unknown(`the IPv6 addresses of ${listNics(notRecorded)} are not recorded (nics[].ipv6): ${REQUIREMENT}`);
  }
  return pass();
}
