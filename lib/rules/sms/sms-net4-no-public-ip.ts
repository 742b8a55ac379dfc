import { fail, RuleResult, VmContext } from '../../assessment/rule';
import { indexedNics, ipv4Addresses, isPublicIpv4 } from './facts/network';

const REMINDER = 'the migrated instance gets no public IP address, whatever the subnet\'s auto-assign setting: '
  + 'allocate an Elastic IP and associate it with the instance to reach it from outside the VPC';

/**
 * Info, a reminder for every VM: the migrated instance never gets a public IP address, even in a
 * subnet that auto-assigns them.
 *
 * No plan fact can make this false, so the rule always reports a fail at info severity (never pass,
 * never unknown, whatever is missing). When a NIC already has a publicly routable IPv4 address on
 * premises, the message names it: that VM is the one most likely to need an Elastic IP.
 */
export function noPublicIp({ vm }: VmContext): RuleResult {
  const nics = indexedNics(vm) ?? [];
  const publicAddresses = nics.flatMap((n) => ipv4Addresses(n.nic)
    .filter(isPublicIpv4)
    .map((address) => `${address} (nic ${n.index + 1})`));
  if (publicAddresses.length > 0) {
    const plural = publicAddresses.length > 1;
    return fail(`public ${plural ? 'addresses' : 'address'} ${publicAddresses.join(', ')} ${plural ? 'are' : 'is'} not kept: ${REMINDER}`);
  }
  return fail(REMINDER);
}
