import { checkFstab, FstabCheck } from './facts/guest';
import { RuleResult, VmContext } from '../../assessment/rule';

/**
 * The network, shared-folder and FUSE file-system types SMS disables in `/etc/fstab`, exactly as
 * RULES.md lists them; `fuse` and every `fuse.*` type count as FUSE.
 */
export const DISABLED_FSTAB_TYPES: readonly string[] = [
  'cifs', 'smbfs', 'vboxsf', 'sshfs', 'nfs', 'nfs4', 'glusterfs', 'ceph', 'davfs', 'fuse',
];

/** True for a type SMS disables; types compare case-insensitively. Exported for MGN-PREP17, which uses the same list. */
export function disabled(type: string): boolean {
  const folded = type.toLowerCase();
  return DISABLED_FSTAB_TYPES.includes(folded) || folded.startsWith('fuse.');
}

const REQUIREMENT = `Linux /etc/fstab entries of type ${DISABLED_FSTAB_TYPES.join(', ')} or fuse.* are disabled by SMS on import`;

// One object for every VM, not a literal (and closures) made per call.
const CHECK: FstabCheck = {
  field: 'type',
  offends: disabled,
  requirement: REQUIREMENT,
  failure: (offenders) => `/etc/fstab has network, shared-folder or FUSE entries (guest.fstab): ${offenders.join(', ')}; `
    + 'SMS disables them on import: restore those mounts on the instance after migration (only local file systems stay mounted)',
};

/**
 * No `/etc/fstab` entry of a Linux VM has a network, shared-folder or FUSE type (a warning rule).
 *
 * SMS disables such entries on import, so those mounts are missing on the instance until they are
 * restored. Local types (ext*, xfs, swap, reiserfs...), `proc`, `tmpfs` and the like pass. Fails listing
 * every offending entry; unknown when `guest.fstab` (or an entry's type) is missing; n/a on Windows and
 * on family `other`.
 */
export function fstabNetworkFileSystems({ vm }: VmContext): RuleResult {
  return checkFstab(vm, CHECK);
}
