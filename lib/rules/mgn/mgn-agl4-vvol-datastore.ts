import { Datastore, Disk, ReplicationMethod } from '../../plan/model/plan';
import { fail, pass, RuleResult, unknown, VmContext } from '../../assessment/rule';
import { disksNotRecorded, disksWhere, lacksDatastore, listDisks, vmwareOnly } from '../sms/facts/disks';
import { MgnVmContext } from './context';
import { methodGate } from './facts/method-gate';

const REQUIREMENT = 'agentless replication does not support VMware Virtual Volumes (vvol); vmfs, nfs and vsan datastores are fine';

function isOnVvol(disk: Disk): boolean {
  return disk.datastore === Datastore.VVOL;
}

/**
 * [agentless] No disk lives on a Virtual Volumes datastore (`disks[].datastore: vvol`): MGN does not
 * support snapshot shipping from VVols, so it is a warning.
 *
 * Unknown without `disks`, or when a disk's datastore is not recorded and no other disk is on VVol.
 * n/a for agent-based VMs and, judged on its own, off VMware (MGN-AGL1 fails those).
 */
export function agentlessVvol(ctx: VmContext): RuleResult {
  const { vm } = ctx as MgnVmContext;
  const gate = methodGate(ctx as MgnVmContext, ReplicationMethod.AGENTLESS) ?? vmwareOnly(vm, REQUIREMENT);
  if (gate) {
    return gate;
  }
  const onVvol = disksWhere(vm, isOnVvol);
  if (onVvol === undefined) {
    return disksNotRecorded(REQUIREMENT);
  }
  if (onVvol.length > 0) {
    return fail(`${listDisks(onVvol)} ${onVvol.length > 1 ? 'are' : 'is'} on a Virtual Volumes datastore (disks[].datastore vvol): ${REQUIREMENT}`);
  }
  const noDatastore = disksWhere(vm, lacksDatastore) ?? [];
  if (noDatastore.length > 0) {
    return unknown(`the datastore of ${listDisks(noDatastore)} is not recorded (disks[].datastore): ${REQUIREMENT}`);
  }
  return pass();
}
