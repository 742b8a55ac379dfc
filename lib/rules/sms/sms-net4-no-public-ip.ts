import { fail, RuleResult, VmContext } from '../../assessment/rule';
import { Nic } from '../../plan/model/plan';
import { ipv4Addresses, isPublicIpv4, nicsWhere } from './facts/network';

const REMINDER = 'the migrated instance gets no public IP address, whatever the subnet\'s auto-assign setting: '
  + 'allocate an Elastic IP and associate it with the instance to reach it from outside the VPC';

// The reminder every VM without a public address gets: one frozen result, so one shared finding too.
const NO_PUBLIC_ADDRESS = Object.freeze(fail(REMINDER));

function hasPublicIpv4(nic: Nic): boolean {
  return Array.isArray(nic.ipv4) && nic.ipv4.some(isPublicIpv4Entry);
}

/** An entry of `ipv4` that is a public IPv4 address (an entry holding a `:` is IPv6, see ipv4Addresses). */
function isPublicIpv4Entry(address: unknown): boolean {
  const text = String(address);
  return !text.includes(':') && isPublicIpv4(text);
}

/**
 * Info, a reminder for every VM: the migrated instance never gets a public IP address, even in a
 * subnet that auto-assigns them.
 *
 * No plan fact can make this false, so the rule always reports a fail at info severity (never pass,
 * never unknown, whatever is missing). When a NIC already has a publicly routable IPv4 address on
 * premises, the message names it: that VM is the one most likely to need an Elastic IP.
 */
export function noPublicIp({ vm }: VmContext): RuleResult {
  const nics = nicsWhere(vm, hasPublicIpv4) ?? [];
  if (nics.length === 0) {
    return NO_PUBLIC_ADDRESS;
  }
  const publicAddresses = nics.flatMap((n) => ipv4Addresses(n.nic)
    .filter(isPublicIpv4)
    .map((address) => `${address} (nic ${n.index + 1})`));
  const plural = publicAddresses.length > 1;
  return fail(`public ${plural ? 'addresses' : 'address'} ${publicAddresses.join(', ')} ${plural ? 'are' : 'is'} not kept: ${REMINDER}`);
}
