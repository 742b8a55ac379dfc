import { RuleResult, VmContext } from '../../assessment/rule';
import { checkFstab, FstabCheck } from '../sms/facts/guest';
import { DISABLED_FSTAB_TYPES, disabled as networkOrFuse } from '../sms/sms-prep12-fstab-network-file-systems';

const REQUIREMENT = `Linux /etc/fstab entries of type ${DISABLED_FSTAB_TYPES.join(', ')} or fuse.* are not replicated by MGN `
  + 'and must be reachable from AWS';

// One object for every VM, not a literal (and closures) made per call.
const CHECK: FstabCheck = {
  field: 'type',
  offends: networkOrFuse,
  requirement: REQUIREMENT,
  failure: (offenders) => `/etc/fstab has network or FUSE file systems (guest.fstab): ${offenders.join(', ')}; `
    + 'MGN replicates only local disks: make those servers reachable from the instance\'s subnet, or migrate their data too',
};

/**
 * No `/etc/fstab` entry of a Linux VM is a network, shared-folder or FUSE file system (a warning rule,
 * any method): MGN replicates disks, not what they mount over the network, so those mounts must be
 * reachable from AWS. Uses SMS-PREP12's list of types.
 *
 * Fails listing every offending entry; unknown when `guest.fstab` (or an entry's type) is missing; n/a on
 * Windows and on family `other`.
 */
export function fstabNetworkFileSystems({ vm }: VmContext): RuleResult {
  return checkFstab(vm, CHECK);
}
