import { fail, notApplicable, pass, RuleResult, unknown, VmContext } from '../../assessment/rule';
import { ipv4Addresses, nicsNotRecorded } from '../sms/facts/network';
import type { MgnVmContext } from './context';
import { cidrContains, cidrSize, parseIpv4Address, parseIpv4Cidr } from './facts/ipv4';

const REQUIREMENT = 'with launch.copyPrivateIp the first NIC\'s first IPv4 must lie in launch.subnetCidr';

/** The addresses EC2 keeps for itself in every subnet: the first four and the last. */
const RESERVED_AT_START = 4;
/** Subnets smaller than this cannot exist in a VPC (/28 is the smallest); reservations are not judged there. */
const SMALLEST_SUBNET = 16;

/**
 * With `launch.copyPrivateIp` the instance launches with the source's primary private IPv4 (the first
 * NIC's first IPv4), so that address must lie in the launch subnet (`launch.subnetCidr`) and not be one
 * of the five addresses EC2 reserves there; otherwise the launch fails.
 *
 * n/a without `copyPrivateIp` (after defaults: true when the first NIC is static). Unknown when the
 * address or the subnet's CIDR is not recorded, or cannot be read.
 */
export function privateIpInSubnet(ctx: VmContext): RuleResult {
  const { mgn, vm } = ctx as MgnVmContext;
  if (!mgn.launch.copyPrivateIp) {
    return notApplicable();
  }
  if (!Array.isArray(vm.nics)) {
    return nicsNotRecorded(REQUIREMENT);
  }
  const first = vm.nics.length > 0 ? vm.nics[0] : undefined;
  const written = first !== undefined && first !== null ? ipv4Addresses(first)[0] : undefined;
  const cidrText = mgn.launch.subnetCidr == null ? '' : String(mgn.launch.subnetCidr).trim();
  const missing: string[] = [];
  if (first === undefined || first === null) {
    missing.push('the VM lists no network interface (nics)');
  } else if (written === undefined) {
    missing.push('nic 1 has no IPv4 address recorded (nics[0].ipv4)');
  }
  if (cidrText === '') {
    missing.push('the launch subnet\'s CIDR is not recorded (launch.subnetCidr)');
  }
  if (missing.length > 0) {
    return unknown(`${missing.join(' and ')}: ${REQUIREMENT}`);
  }
  const addressText = written ?? '';
  const address = parseIpv4Address(addressText);
  if (address === undefined) {
    return unknown(`nic 1's first IPv4 ${addressText} (nics[0].ipv4) is not a dotted-quad IPv4 address: ${REQUIREMENT}`);
  }
  const cidr = parseIpv4Cidr(cidrText);
  if (cidr === undefined) {
    return unknown(`launch.subnetCidr ${cidrText} is not an IPv4 CIDR block such as 10.1.2.0/24: ${REQUIREMENT}`);
  }
  if (!cidrContains(cidr, address)) {
    return fail(`nic 1's first IPv4 ${addressText} is outside launch.subnetCidr ${cidrText}: ${REQUIREMENT}, `
      + 'or the launch fails (launch in a subnet that holds it, or set launch.copyPrivateIp false)');
  }
  const size = cidrSize(cidr);
  const offset = address - cidr.network;
  if (size >= SMALLEST_SUBNET && (offset < RESERVED_AT_START || offset === size - 1)) {
    return fail(`nic 1's first IPv4 ${addressText} is one of the addresses EC2 reserves in launch.subnetCidr ${cidrText} `
      + '(the first four and the last): the launch cannot assign it (set launch.copyPrivateIp false, or re-address the source)');
  }
  return pass();
}
