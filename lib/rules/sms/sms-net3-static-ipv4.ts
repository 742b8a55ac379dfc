import { Addressing, Nic } from '../../plan/model/plan';
import { fail, pass, RuleResult, unknown, VmContext } from '../../assessment/rule';
import { listNics, nicsNotRecorded, nicsWhere } from './facts/network';

const OUTCOME = 'after migration the instance gets a private address from DHCP; NICs already on DHCP are unchanged';

function isStatic(nic: Nic): boolean {
  return nic.addressing === Addressing.STATIC;
}

function lacksAddressing(nic: Nic): boolean {
  return nic.addressing == null;
}

/**
 * Info: a NIC with a static IPv4 address gets a DHCP-assigned private address after migration, so
 * anything that relies on the old address (DNS records, firewall rules, clients) needs updating.
 *
 * Reported as a fail at info severity when some NIC is static, listing every static NIC with its
 * addresses; passes when every NIC uses DHCP. A NIC whose `addressing` is not recorded makes the rule
 * unknown unless another NIC is static.
 */
export function staticIpv4({ vm }: VmContext): RuleResult {
  const fixed = nicsWhere(vm, isStatic);
  if (fixed === undefined) {
    return nicsNotRecorded(OUTCOME);
  }
  if (fixed.length > 0) {
    return fail(`${listNics(fixed)} ${fixed.length > 1 ? 'use' : 'uses'} static IPv4 addressing: ${OUTCOME}`);
  }
  const notRecorded = nicsWhere(vm, lacksAddressing)!;
  if (notRecorded.length > 0) {
    return unknown(`the IPv4 addressing (static or dhcp) of ${listNics(notRecorded)} is not recorded (nics[].addressing): ${OUTCOME}`);
  }
  return pass();
}
