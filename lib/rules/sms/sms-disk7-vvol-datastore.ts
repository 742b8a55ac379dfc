import { Datastore, Disk } from '../../plan/model/plan';
import { fail, pass, RuleResult, unknown, VmContext } from '../../assessment/rule';
import { disksNotRecorded, disksWhere, lacksDatastore, listDisks, vmwareOnly } from './facts/disks';

const REQUIREMENT = 'AWS does not support migrating VMware Virtual Volumes (vvol), though some setups work; '
  + 'vmfs, nfs and vsan datastores are not affected';

function isOnVvol(disk: Disk): boolean {
  return disk.datastore === Datastore.VVOL;
}

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
  const onVvol = disksWhere(vm, isOnVvol);
  if (onVvol === undefined) {
    return disksNotRecorded(REQUIREMENT);
  }
  if (onVvol.length > 0) {
    return fail(`${listDisks(onVvol)} ${onVvol.length > 1 ? 'are' : 'is'} on a Virtual Volumes datastore: ${REQUIREMENT}`);
  }
  const noDatastore = disksWhere(vm, lacksDatastore)!;
  if (noDatastore.length > 0) {
    return unknown(`the datastore of ${listDisks(noDatastore)} is not recorded (disks[].datastore): ${REQUIREMENT}`);
  }
  return pass();
}
