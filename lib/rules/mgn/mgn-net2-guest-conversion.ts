import { fail, RuleResult, VmContext } from '../../assessment/rule';
import type { MgnVmContext } from './context';

const CONVERSION = 'MGN\'s conversion changes the guest: it adjusts the boot loader, injects EC2 drivers, installs AWS cloud tools '
  + 'and resets networking to DHCP';

// An info rule fails on every VM; its message depends only on copyPrivateIp, so two shared results do.
const KEPT: RuleResult = Object.freeze(fail(`${CONVERSION}; the primary private IPv4 is kept (launch.copyPrivateIp true)`));
const NOT_KEPT: RuleResult = Object.freeze(fail(`${CONVERSION}; the instance gets a new private IPv4 from its subnet `
  + '(launch.copyPrivateIp false)'));

/**
 * Info: what MGN's conversion does to every VM it launches, and whether the primary private IPv4
 * survives it (`launch.copyPrivateIp`, by default true when the first NIC is static).
 *
 * Never unknown: `copyPrivateIp` always has a value after defaults.
 */
export function guestConversion(ctx: VmContext): RuleResult {
  const { mgn } = ctx as MgnVmContext;
  return mgn.launch.copyPrivateIp ? KEPT : NOT_KEPT;
}
