import { Vm } from './plan';

/**
 * How a plan's VMs fall into waves (INVENTORY.md, "Waves"): a wave is the set of VMs deployed
 * together. A plan in which no VM names a wave is one wave, deployed whole; in a plan that uses
 * waves, a VM that names none is unscheduled: assessed and reported, neither deployed nor counted
 * against the quota of concurrent jobs.
 */

/**
 * The name a migration gives the one wave of a plan in which no VM names a wave: its key in
 * `Migration.waves` (`Migration.waveStacksOf('all')`), its stacks' construct id (`Migration/all`) and name (`Migration-all`).
 */
export const WHOLE_PLAN_WAVE = 'all';

/** One wave of a plan. */
export interface PlanWave {
  /** The wave's name; undefined for the one wave of a plan in which no VM names a wave. */
  readonly name?: string;
  /** Its VMs, in plan order. */
  readonly vms: readonly Vm[];
}

/** A plan's VMs by wave. */
export interface PlanWaves {
  /** The waves, in the order the plan first names them (one, unnamed, when no VM names a wave). */
  readonly waves: readonly PlanWave[];
  /** The VMs without a wave of a plan that uses waves, in plan order. */
  readonly unscheduled: readonly Vm[];
}

/**
 * Whether a wave name names a wave. The plan loader refuses an empty or blank name; a plan that
 * reaches the library without the loader is read the same way, as naming none.
 */
export function namesWave(wave: string | undefined): wave is string {
  return typeof wave === 'string' && wave.trim() !== '';
}

/** Whether any VM of a plan names a wave: then a VM that names none is unscheduled. */
export function usesWaves(vms: readonly Pick<Vm, 'wave'>[]): boolean {
  return vms.some((vm) => namesWave(vm.wave));
}

/** A plan's VMs by wave, in plan order, and its unscheduled VMs. */
export function planWaves(vms: readonly Vm[]): PlanWaves {
  if (!usesWaves(vms)) {
    return { waves: vms.length > 0 ? [{ vms }] : [], unscheduled: [] };
  }
  const byName = new Map<string, Vm[]>();
  const unscheduled: Vm[] = [];
  for (const vm of vms) {
    if (!namesWave(vm.wave)) {
      unscheduled.push(vm);
      continue;
    }
    const members = byName.get(vm.wave);
    if (members) {
      members.push(vm);
    } else {
      byName.set(vm.wave, [vm]);
    }
  }
  return { waves: [...byName].map(([name, members]) => ({ name, vms: members })), unscheduled };
}
