import { fail, pass, RuleResult, VmContext } from '../../assessment/rule';
import { DataPlaneRouting } from '../../plan/model/plan';
import type { MgnVmContext } from './context';
import { mgnReplicationField } from './facts/replication-fields';

/**
 * Replication over the public route gives the replication servers a public IP: `dataPlaneRouting:
 * public-ip` needs `createPublicIp: true`. Both settings default (private-ip, false), so the rule is
 * never unknown.
 */
export function publicRouting(ctx: VmContext): RuleResult {
  const { vm, mgn, plan } = ctx as MgnVmContext;
  const { dataPlaneRouting, createPublicIp } = mgn.replication;
  if (dataPlaneRouting !== DataPlaneRouting.PUBLIC_IP || createPublicIp === true) {
    return pass();
  }
  return fail(`${mgnReplicationField(vm, plan, 'dataPlaneRouting')} is public-ip but `
    + `${mgnReplicationField(vm, plan, 'createPublicIp')} is ${String(createPublicIp)}: the replication servers need a public IP `
    + 'to be reached over the public route; set createPublicIp true or route over private-ip');
}
