import { RuleResult, VmContext } from '../../assessment/rule';
import { judgeNoVvol, vmwareOnly } from './facts/disks';

const REQUIREMENT = 'AWS does not support migrating VMware Virtual Volumes (vvol), though some setups work; '
  + 'vmfs, nfs and vsan datastores are not affected';

/**
 * VMware: a disk on a Virtual Volumes (VVol) datastore is outside what AWS supports, although some
 * setups migrate fine, so it is a warning.
 *
 * n/a on Hyper-V. A disk whose datastore is not recorded makes the rule unknown unless another disk
 * is on VVol.
 */
export function vvolDatastore({ vm }: VmContext): RuleResult {
  const gate = vmwareOnly(vm, REQUIREMENT);
  if (gate) {
    return gate;
  }
  return judgeNoVvol(vm, REQUIREMENT);
}
