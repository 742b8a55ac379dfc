import { Vm } from '../../plan/model/plan';
import { planWaves } from '../../plan/model/waves';
import { SmsLimits } from '../../private/sms-limits';
import { PlanFacts } from '../../assessment/rule';

/** The SMS quota of concurrent replication jobs per account and region. */
export const DEFAULT_JOB_QUOTA = SmsLimits.DEFAULT_CONCURRENT_JOB_QUOTA;

/** The names of other VMs that SMS-JOB3 lists for a VM; the rest are counted (PlanFacts.sameServerCount). */
export const SAME_SERVER_NAMES = 5;

/**
 * What the cross-VM rules need to know of the whole plan: which VMs name the same server
 * (SMS-JOB3) and where each VM stands in plan order among the VMs of its wave (SMS-JOB4).
 *
 * Two VMs name the same server when they share a `source.serverId`, or a `source.vmId` under the same
 * connector (VMs without a connector count as one group). A wave's jobs exist together, so each wave
 * is counted on its own, from 1 after `jobsBefore` (the jobs other plans already hold at once in the
 * same account and region); a plan in which no VM names a wave is one wave. The unscheduled VMs of a
 * plan that uses waves (no wave of their own) are not deployed, so they get no position.
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
  const bothIds = new Map<string, number>();
  for (const vm of vms) {
    const keys = keysOf(vm);
    for (const key of keys) {
      const names = groups.get(key);
      if (names) {
        names.push(vm.name);
      } else {
        groups.set(key, [vm.name]);
      }
    }
    if (keys.length === 2) {
      const both = keys.join('\u0000');
      bothIds.set(both, (bothIds.get(both) ?? 0) + 1);
    }
  }
  const position = new Map<string, number>();
  for (const wave of planWaves(vms).waves) {
    wave.vms.forEach((vm, index) => position.set(vm.name, jobsBefore + index + 1));
  }
  // Per VM, the first few others by name and how many there are in all: listing every other VM for
  // every VM of one group costs its size squared (10,000 VMs naming one server: 100 million names).
  const sameServer = new Map<string, readonly string[]>();
  const sameServerCount = new Map<string, number>();
  for (const vm of vms) {
    const keys = keysOf(vm);
    const others = new Set<string>();
    for (const key of keys) {
      for (const name of groups.get(key)!) {
        if (others.size >= SAME_SERVER_NAMES) {
          break;
        }
        if (name !== vm.name) {
          others.add(name);
        }
      }
    }
    // The two groups of a VM with both ids share the VMs that have both the same ids as it: counted once.
    let count = keys.reduce((sum, key) => sum + groups.get(key)!.length - 1, 0);
    if (keys.length === 2) {
      count -= bothIds.get(keys.join('\u0000'))! - 1;
    }
    sameServer.set(vm.name, [...others]);
    sameServerCount.set(vm.name, count);
  }
  return { sameServer, sameServerCount, position, jobQuota };
}
