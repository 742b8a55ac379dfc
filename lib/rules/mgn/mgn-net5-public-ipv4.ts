import { fail, RuleResult, VmContext } from '../../assessment/rule';
import { Nic } from '../../plan/model/plan';
import { ipv4Addresses, isPublicIpv4, nicsWhere } from '../sms/facts/network';
import type { MgnVmContext } from './context';

const WITH = 'the instance gets a new public IPv4 from EC2 (launch.associatePublicIp true)';
const WITHOUT = 'the instance gets no public IPv4 (launch.associatePublicIp false): it is reached at private addresses only';

// An info rule fails on every VM: most VMs have no public address, and share one of two results.
const WITH_RESULT: RuleResult = Object.freeze(fail(WITH));
const WITHOUT_RESULT: RuleResult = Object.freeze(fail(WITHOUT));

function hasPublicIpv4(nic: Nic): boolean {
  return ipv4Addresses(nic).some(isPublicIpv4);
}

/**
 * Info: whether the instance gets a public IPv4, which only `launch.associatePublicIp` decides; a public
 * address the source holds is never carried over, and the message names it when a NIC has one.
 *
 * Never unknown: `associatePublicIp` defaults to false, and missing NICs only leave the source's public
 * addresses unnamed.
 */
export function publicIpv4(ctx: VmContext): RuleResult {
  const { mgn, vm } = ctx as MgnVmContext;
  const sourcePublic = nicsWhere(vm, hasPublicIpv4) ?? [];
  if (sourcePublic.length === 0) {
    return mgn.launch.associatePublicIp ? WITH_RESULT : WITHOUT_RESULT;
  }
  const addresses = sourcePublic.map((n) => `${ipv4Addresses(n.nic).filter(isPublicIpv4).join(', ')} (nic ${n.index + 1})`);
  return fail(`${mgn.launch.associatePublicIp ? WITH : WITHOUT}; the source's public IPv4 ${addresses.join(', ')} is not carried over`);
}
