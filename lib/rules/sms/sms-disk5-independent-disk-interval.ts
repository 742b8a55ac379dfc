import { Disk, DiskMode, ReplicationType } from '../../plan/model/plan';
import { fail, pass, RuleResult, unknown, VmContext } from '../../assessment/rule';
import { disksNotRecorded, disksWhere, listDisks, vmwareOnly } from './facts/disks';

const REQUIREMENT = 'interval replication needs every disk in persistent mode; '
  + 'independent disks can only be migrated one time (replication.type one-time)';

const INDEPENDENT: ReadonlySet<string> = new Set([DiskMode.INDEPENDENT_PERSISTENT, DiskMode.INDEPENDENT_NONPERSISTENT]);

function isIndependent(disk: Disk): boolean {
  return disk.mode != null && INDEPENDENT.has(disk.mode);
}

function lacksMode(disk: Disk): boolean {
  return disk.mode == null;
}

/**
 * VMware: a disk in independent mode (persistent or nonpersistent) cannot be replicated on an
 * interval, because VMware snapshots leave independent disks out.
 *
 * Judged on the effective replication type (the VM's, else `defaults.replication`, else interval): a
 * one-time migration passes without looking at the disks. n/a on Hyper-V. With interval replication,
 * a disk whose mode is not recorded makes the rule unknown unless another disk fails.
 */
export function independentDiskInterval({ vm, replication }: VmContext): RuleResult {
  const gate = vmwareOnly(vm, REQUIREMENT);
  if (gate) {
    return gate;
  }
  if (replication.type !== ReplicationType.INTERVAL) {
    return pass();
  }
  const independent = disksWhere(vm, isIndependent);
  if (independent === undefined) {
    return disksNotRecorded(REQUIREMENT);
  }
  if (independent.length > 0) {
    const items = independent.map((d) => `${d.label} is in ${d.disk.mode} mode`);
    return fail(`${items.join(', ')} and replication is interval: ${REQUIREMENT}`);
  }
  const noMode = disksWhere(vm, lacksMode)!;
  if (noMode.length > 0) {
    return unknown(`the mode of ${listDisks(noMode)} is not recorded (disks[].mode): ${REQUIREMENT}`);
  }
  return pass();
}
