import { environmentKey, environmentResolver, PlanEnvironment } from '../../plan/model/environments';
import { Plan, Vm } from '../../plan/model/plan';
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
 * is counted on its own, and within it each account and Region (the quota is theirs): from 1, after
 * `jobsBefore` (the jobs other plans already hold at once) in `environment`, the migration's own; a plan
 * in which no VM names a wave is one wave. The unscheduled VMs of a plan that uses waves (no wave of
 * their own) are not deployed, so they get no position.
 *
 * @param plan the plan, whose `waves[]` may name accounts and Regions
 * @param environment the account and Region of the VMs that name none, nor their wave
 */
export function planFacts(vms: readonly Vm[], jobQuota: number = DEFAULT_JOB_QUOTA, jobsBefore = 0, plan?: Pick<Plan, 'waves'>,
  environment: PlanEnvironment = {}): PlanFacts {
  // Each VM's keys, made once: the first loop groups by them, the second reads the groups back.
  const keys: (readonly string[])[] = new Array(vms.length);
  const groups = new Map<string, string[]>();
  const bothIds = new Map<string, number>();
  for (let i = 0; i < vms.length; i++) {
    const vm = vms[i];
    const own = keysOf(vm);
    keys[i] = own;
    for (const key of own) {
      const names = groups.get(key);
      if (names) {
        names.push(vm.name);
      } else {
        groups.set(key, [vm.name]);
      }
    }
    if (own.length === 2) {
      const both = own.join('\u0000');
      bothIds.set(both, (bothIds.get(both) ?? 0) + 1);
    }
  }
  const position = new Map<string, number>();
  const environmentOf = environmentResolver(plan?.waves, environment);
  const own = environmentKey(environment);
  for (const wave of planWaves(vms).waves) {
    // The resolver gives one object per environment: counted by it, keyed once.
    const counts = new Map<PlanEnvironment, number>();
    for (const vm of wave.vms) {
      const env = environmentOf(vm);
      const count = (counts.get(env) ?? (environmentKey(env) === own ? jobsBefore : 0)) + 1;
      counts.set(env, count);
      position.set(vm.name, count);
    }
  }
  // Per VM, the first few others by name and how many there are in all: listing every other VM for
  // every VM of one group costs its size squared (10,000 VMs naming one server: 100 million names).
  const sameServer = new Map<string, readonly string[]>();
  const sameServerCount = new Map<string, number>();
  for (let i = 0; i < vms.length; i++) {
    const vm = vms[i];
    const own = keys[i];
    // The two groups of a VM with both ids share the VMs that have both the same ids as it: counted once.
    let count = 0;
    for (const key of own) {
      count += groups.get(key)!.length - 1;
    }
    if (own.length === 2) {
      count -= bothIds.get(own.join('\u0000'))! - 1;
    }
    // Most VMs name a server no other VM names: they share one empty list.
    sameServer.set(vm.name, count === 0 ? NO_OTHERS : othersOf(vm.name, own, groups));
    sameServerCount.set(vm.name, count);
  }
  return { sameServer, sameServerCount, position, jobQuota };
}

const NO_OTHERS: readonly string[] = Object.freeze([]);

/** The keys a VM's server is known by: its server id, its VM id under its connector (none, one or both). */
function keysOf(vm: Vm): readonly string[] {
  const serverId = vm.source?.serverId;
  const vmId = vm.source?.vmId;
  if (serverId && vmId) {
    return [`server\u0000${serverId}`, `vm\u0000${vm.connector ?? ''}\u0000${vmId}`];
  }
  if (serverId) {
    return [`server\u0000${serverId}`];
  }
  return vmId ? [`vm\u0000${vm.connector ?? ''}\u0000${vmId}`] : NO_OTHERS;
}

/** The first SAME_SERVER_NAMES other VMs of a VM's groups, in group order, each once. */
function othersOf(name: string, keys: readonly string[], groups: ReadonlyMap<string, readonly string[]>): string[] {
  const others = new Set<string>();
  for (const key of keys) {
    for (const other of groups.get(key)!) {
      if (others.size >= SAME_SERVER_NAMES) {
        break;
      }
      if (other !== name) {
        others.add(other);
      }
    }
  }
  return [...others];
}
