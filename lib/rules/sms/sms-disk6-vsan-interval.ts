import { Datastore, Disk, ReplicationType } from '../../plan/model/plan';
import { fail, pass, RuleResult, unknown, VmContext } from '../../assessment/rule';
import { disksNotRecorded, disksWhere, lacksDatastore, listDisks, vmwareOnly } from './facts/disks';

const REQUIREMENT = 'a VM on a vSAN datastore can only be migrated one time (replication.type one-time)';

function isOnVsan(disk: Disk): boolean {
  return disk.datastore === Datastore.VSAN;
}

/**
 * VMware: a VM with a disk on a vSAN datastore supports only one-time migration, not interval
 * replication.
 *
 * Judged on the effective replication type: one-time passes without looking at the disks. n/a on
 * Hyper-V. With interval replication, a disk whose datastore is not recorded makes the rule unknown
 * unless another disk is on vSAN.
 */
export function vsanInterval({ vm, replication }: VmContext): RuleResult {
  const gate = vmwareOnly(vm, REQUIREMENT);
  if (gate) {
    return gate;
  }
  if (replication.type !== ReplicationType.INTERVAL) {
    return pass();
  }
  const onVsan = disksWhere(vm, isOnVsan);
  if (onVsan === undefined) {
    return disksNotRecorded(REQUIREMENT);
  }
  if (onVsan.length > 0) {
    return fail(`${listDisks(onVsan)} ${onVsan.length > 1 ? 'are' : 'is'} on vSAN and replication is interval: ${REQUIREMENT}`);
  }
  const noDatastore = disksWhere(vm, lacksDatastore)!;
  if (noDatastore.length > 0) {
    return unknown(`the datastore of ${listDisks(noDatastore)} is not recorded (disks[].datastore): ${REQUIREMENT}`);
  }
  return pass();
}
