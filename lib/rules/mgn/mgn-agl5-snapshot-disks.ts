import { Disk, DiskFormat, DiskMode, ReplicationMethod } from '../../plan/model/plan';
import { fail, pass, RuleResult, unknown, VmContext } from '../../assessment/rule';
import { disksNotRecorded, disksWhere, listDisks, vmwareOnly } from '../sms/facts/disks';
import { MgnVmContext } from './context';
import { methodGate } from './facts/method-gate';

const REQUIREMENT = 'agentless replication ships VMware snapshots, which leave out independent disks and physical-mode RDMs; '
  + 'a virtual-mode RDM that snapshots include may be acknowledged';

const INDEPENDENT: ReadonlySet<string> = new Set([DiskMode.INDEPENDENT_PERSISTENT, DiskMode.INDEPENDENT_NONPERSISTENT]);

function missedBySnapshots(disk: Disk): boolean {
  return (disk.mode != null && INDEPENDENT.has(disk.mode)) || disk.format === DiskFormat.RDM;
}

function lacksModeOrFormat(disk: Disk): boolean {
  return disk.mode == null || disk.format == null;
}

/**
 * [agentless] No disk is in independent mode (`disks[].mode` `independent-persistent`,
 * `independent-nonpersistent`) or a Raw Device Mapping (`disks[].format: rdm`): VMware snapshots, which
 * agentless replication ships, leave them out. An acknowledgeable error: a virtual-mode RDM is
 * snapshotted.
 *
 * Unknown without `disks`, or when a disk's mode or format is not recorded and no disk fails. n/a for
 * agent-based VMs and, judged on its own, off VMware (MGN-AGL1 fails those).
 */
export function agentlessSnapshotDisks(ctx: VmContext): RuleResult {
  const { vm } = ctx as MgnVmContext;
  const gate = methodGate(ctx as MgnVmContext, ReplicationMethod.AGENTLESS) ?? vmwareOnly(vm, REQUIREMENT);
  if (gate) {
    return gate;
  }
  const missed = disksWhere(vm, missedBySnapshots);
  if (missed === undefined) {
    return disksNotRecorded(REQUIREMENT);
  }
  if (missed.length > 0) {
    const items = missed.map((d) => {
      const independent = d.disk.mode != null && INDEPENDENT.has(d.disk.mode);
      const rdm = d.disk.format === DiskFormat.RDM;
      const what = [independent ? `in ${d.disk.mode} mode` : '', rdm ? 'a Raw Device Mapping (rdm)' : ''].filter((w) => w !== '').join(' and ');
      return `${d.label} is ${what}`;
    });
    return fail(`${items.join(', ')} (disks[].mode, disks[].format): ${REQUIREMENT}`);
  }
  const incomplete = disksWhere(vm, lacksModeOrFormat) ?? [];
  if (incomplete.length > 0) {
    return unknown(`the mode or format of ${listDisks(incomplete)} is not recorded (disks[].mode, disks[].format): ${REQUIREMENT}`);
  }
  return pass();
}
