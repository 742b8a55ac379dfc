import { describeOs, osFamily } from '../../plan/model/os';
import { OsFamily } from '../../plan/model/plan';
import { familiesGate, LINUX_AND_WINDOWS } from '../../assessment/family-gate';
import { fail, RuleResult, VmContext } from '../../assessment/rule';

/** What SMS changes inside a Linux VM when it imports it. */
const LINUX_CHANGES = 'it installs Citrix PV drivers (directly or in the initrd/initramfs), '
  + 'rewrites network scripts from static IPs to DHCP, '
  + 'edits /etc/fstab (device names to UUIDs, nofail where no UUID matches, invalid and non-standard entries commented out), '
  + 'and changes the GRUB default entry and timeout';

/** What SMS changes inside a Windows VM when it imports it. */
const WINDOWS_CHANGES = 'it changes registry settings to make the VM bootable on EC2';

const KEPT = 'each modified file keeps its original beside it under a new name';

/**
 * What SMS will change inside the VM on import (an info rule: its `fail` is the notice).
 *
 * No plan fact says whether a change will happen (SMS decides during import), so this is a reminder for
 * every Linux and Windows VM, listing the changes for its family: never unknown for a known family.
 * Unknown when the family cannot be told (the list depends on it); n/a for family `other`, where the
 * requirements say nothing.
 */
export function importModifications({ vm }: VmContext): RuleResult {
  const gate = familiesGate(vm, LINUX_AND_WINDOWS, 'what SMS changes on import depends on the family '
    + '(Linux: drivers, initrd, network scripts, fstab, GRUB; Windows: registry)');
  if (gate) {
    return gate;
  }
  const changes = osFamily(vm.os) === OsFamily.LINUX ? LINUX_CHANGES : WINDOWS_CHANGES;
  return fail(`SMS will modify ${describeOs(vm.os)} on import: ${changes}; ${KEPT}`);
}
