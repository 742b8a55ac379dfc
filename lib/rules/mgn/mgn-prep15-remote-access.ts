import { RuleResult, Severity, VmContext } from '../../assessment/rule';
import { describeOs, osFamily } from '../../plan/model/os';
import { OsFamily } from '../../plan/model/plan';
import { Checklist } from './facts/checklist';

/** What remote access is called on each family. */
function protocolOf(family: OsFamily | undefined): string {
  if (family === OsFamily.WINDOWS) {
    return 'RDP';
  }
  return family === OsFamily.LINUX ? 'SSH' : 'remote access (RDP or SSH)';
}

/**
 * RDP (Windows) or SSH (Linux) is enabled and the guest's firewall lets it in (a warning rule, any
 * family, any method; decided): otherwise only Systems Manager reaches the launched instance, for tests
 * and for the cutover's checks.
 *
 * Fails naming each of `guest.remoteAccessEnabled` and `guest.firewallAllowsRemoteAccess` that is false;
 * unknown when one is missing and none fails. Family `other`, or one that cannot be told, is judged the
 * same way and its protocol named as RDP or SSH.
 */
export function remoteAccess({ vm }: VmContext): RuleResult {
  const protocol = protocolOf(osFamily(vm.os));
  const os = describeOs(vm.os);
  const after = 'else only Systems Manager reaches the instance on EC2';
  const list = new Checklist(Severity.WARNING);
  const enabled = vm.guest?.remoteAccessEnabled;
  if (enabled == null) {
    list.unknown(`whether ${protocol} is enabled on ${os} is not recorded (guest.remoteAccessEnabled): enable it, ${after}`);
  } else if (enabled !== true) {
    list.fail(`${protocol} is not enabled on ${os} (guest.remoteAccessEnabled: ${String(enabled)}): enable it, ${after}`);
  }
  const allowed = vm.guest?.firewallAllowsRemoteAccess;
  if (allowed == null) {
    list.unknown(`whether the firewall of ${os} lets ${protocol} in is not recorded (guest.firewallAllowsRemoteAccess): `
      + `allow it, ${after}`);
  } else if (allowed !== true) {
    list.fail(`the firewall of ${os} does not let ${protocol} in (guest.firewallAllowsRemoteAccess: ${String(allowed)}): `
      + `allow it, ${after}`);
  }
  return list.result();
}
