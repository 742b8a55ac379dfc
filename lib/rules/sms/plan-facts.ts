import { Vm } from '../../plan/model/plan';
import { SmsLimits } from '../../private/sms-limits';
import { PlanFacts } from '../../assessment/rule';

/** The SMS quota of concurrent replication jobs per account and region. */
export const DEFAULT_JOB_QUOTA = SmsLimits.DEFAULT_CONCURRENT_JOB_QUOTA;

/**
 * What the cross-VM rules need to know of the whole plan: which VMs name the same server
 * (SMS-JOB3) and where each VM stands in plan order (SMS-JOB4).
 *
 * Two VMs name the same server when they share a `source.serverId`, or a `source.vmId` under the same
 * connector (VMs without a connector count as one group). Positions start after `jobsBefore`, the
 * jobs other plans already count in the same account and region.
 */
export function planFacts(vms: readonly Vm[], jobQuota: number = DEFAULT_JOB_QUOTA, jobsBefore = 0): PlanFacts {
  const groups = new Map<string, string[]>();
  const keysOf = (vm: Vm): string[] => {
    const keys: string[] = [];
    if (vm.source?.serverId) {
      keys.push(`server\u0000${vm.source.serverId}`);
    }
    if (vm.source?.vmId) {
      keys.push(`vm\u0000${vm.connector ?? ''}\u0000${vm.source.vmId}`);
    }
    return keys;
  };
  for (const vm of vms) {
    for (const key of keysOf(vm)) {
      const names = groups.get(key);
      if (names) {
        names.push(vm.name);
      } else {
        groups.set(key, [vm.name]);
      }
    }
  }
  const sameServer = new Map<string, readonly string[]>();
  const position = new Map<string, number>();
  vms.forEach((vm, index) => {
    position.set(vm.name, jobsBefore + index + 1);
    const others = new Set<string>();
    for (const key of keysOf(vm)) {
      for (const name of groups.get(key)!) {
        if (name !== vm.name) {
          others.add(name);
        }
      }
    }
    sameServer.set(vm.name, [...others]);
  });
  return { sameServer, position, jobQuota };
}
