import { ReplicationMethod, Vm } from '../../../plan/model/plan';
import { namesWave } from '../../../plan/model/waves';
import { MgnPlanScope } from './plan-scope';

/** The names of other VMs that MGN-REP3 lists for a VM sharing its source; the rest are counted. */
export const SAME_SOURCE_NAMES = 5;

/** The other agentless VMs of the plan that name the same vCenter VM as one VM. */
export interface SameSource {
  /** The first few of them (SAME_SOURCE_NAMES), in plan order: those sharing its UUID first, then its path. */
  readonly others: readonly string[];
  /** How many there are in all. */
  readonly count: number;
}

/** An application's wave: that of its first VM in plan order that has one. */
export interface ApplicationWave {
  /** The wave's name. */
  readonly wave: string;
  /** The VM that fixed it. */
  readonly firstVm: string;
}

/**
 * The cross-VM facts of MGN-REP3, computed once per plan: the agentless VMs that name the same source
 * under one connector, and the wave each application belongs to.
 */
export interface MgnReplicationFacts {
  /** By VM name, for agentless VMs that share `source.vmUuid` or `source.vmPath` with another under their connector. */
  readonly sameSource: ReadonlyMap<string, SameSource>;
  /**
   * By application name, its wave: that of its first VM in plan order that names a wave. Unscheduled
   * VMs (no wave in a plan that uses waves) are not deployed and fix no wave; a plan in which no VM
   * names a wave is one wave, and none of its applications has an entry.
   */
  readonly applicationWave: ReadonlyMap<string, ApplicationWave>;
}

/** Finds the VMs that name the same source, and the wave of each application. */
export function replicationFacts(vms: readonly Vm[], scope: MgnPlanScope): MgnReplicationFacts {
  const applicationWave = new Map<string, ApplicationWave>();
  const keys: (readonly string[])[] = new Array(vms.length);
  // How many VMs name each key, and each pair of keys: most keys are named once, and get no list.
  const named = new Map<string, number>();
  const bothIds = new Map<string, number>();
  for (let i = 0; i < vms.length; i++) {
    const vm = vms[i];
    const settings = scope.settings(vm);
    if (namesWave(settings.wave) && !scope.unscheduled.has(vm) && !applicationWave.has(settings.application)) {
      applicationWave.set(settings.application, { wave: settings.wave, firstVm: vm.name });
    }
    const own = settings.replication.method === ReplicationMethod.AGENTLESS ? sourceKeys(vm) : NO_KEYS;
    keys[i] = own;
    for (const key of own) {
      named.set(key, (named.get(key) ?? 0) + 1);
    }
    if (own.length === 2) {
      const both = own.join('\u0001');
      bothIds.set(both, (bothIds.get(both) ?? 0) + 1);
    }
  }
  // The VMs of each key named more than once, in plan order.
  const groups = new Map<string, string[]>();
  for (let i = 0; i < vms.length; i++) {
    for (const key of keys[i]) {
      if ((named.get(key) ?? 0) > 1) {
        const names = groups.get(key);
        if (names) {
          names.push(vms[i].name);
        } else {
          groups.set(key, [vms[i].name]);
        }
      }
    }
  }
  // Per VM, the first few others and how many in all: listing every other VM of a large group for each
  // of its VMs would cost the group's size squared.
  const sameSource = new Map<string, SameSource>();
  for (let i = 0; i < vms.length; i++) {
    const own = keys[i];
    let count = 0;
    for (const key of own) {
      count += (named.get(key) ?? 1) - 1;
    }
    if (own.length === 2) {
      // The VMs that share both ids are in both groups: counted once.
      count -= (bothIds.get(own.join('\u0001')) ?? 1) - 1;
    }
    if (count > 0) {
      sameSource.set(vms[i].name, { others: othersOf(vms[i].name, own, groups), count });
    }
  }
  return { sameSource, applicationWave };
}

const NO_KEYS: readonly string[] = Object.freeze([]);

/**
 * The keys a VM's vCenter VM is known by under its connector (VMs without one form one group): its
 * UUID, compared without case (vSphere writes it in hex), and its inventory path, as written.
 */
function sourceKeys(vm: Vm): readonly string[] {
  const connector = vm.connector ?? '';
  const uuid = vm.source?.vmUuid?.trim().toLowerCase();
  const path = vm.source?.vmPath?.trim();
  const keys: string[] = [];
  if (uuid) {
    keys.push(`uuid\u0000${connector}\u0000${uuid}`);
  }
  if (path) {
    keys.push(`path\u0000${connector}\u0000${path}`);
  }
  return keys.length === 0 ? NO_KEYS : keys;
}

/** The first SAME_SOURCE_NAMES other VMs of a VM's groups, in group order, each once. */
function othersOf(name: string, keys: readonly string[], groups: ReadonlyMap<string, readonly string[]>): string[] {
  const others = new Set<string>();
  for (const key of keys) {
    for (const other of groups.get(key) ?? []) {
      if (others.size >= SAME_SOURCE_NAMES) {
        return [...others];
      }
      if (other !== name) {
        others.add(other);
      }
    }
  }
  return [...others];
}
