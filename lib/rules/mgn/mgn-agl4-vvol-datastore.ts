import { ReplicationMethod } from '../../plan/model/plan';
import { RuleResult, VmContext } from '../../assessment/rule';
import { judgeNoVvol, vmwareOnly } from '../sms/facts/disks';
import { MgnVmContext } from './context';
import { methodGate } from './facts/method-gate';

const REQUIREMENT = 'agentless replication does not support VMware Virtual Volumes (vvol); vmfs, nfs and vsan datastores are fine';

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
  return judgeNoVvol(vm, REQUIREMENT);
}
