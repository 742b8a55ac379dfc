import { PlanFileError, parsePlan, PlanFormat } from '../plan';
import { MgnServerSettings } from '../plan/model/mgn';
import { Plan, PlanDefaults, PlanTarget } from '../plan/model/plan';
import { shown } from './pack-shape';

/*
 * Organisation defaults: values beneath the plan's own `defaults`. The plan's values win field by field,
 * in each of the three blocks (`defaults.replication`, `defaults.mgn.replication`, `defaults.mgn.launch`);
 * a list (`attestations`, `securityGroups`) is one field. Of several packs, a later one's values win.
 */

/** The fields of `over` that are set, over those of `under`. */
function fieldByField<T extends object>(under: T | undefined, over: T | undefined): T | undefined {
  if (under === undefined) {
    return over;
  }
  if (over === undefined) {
    return under;
  }
  const merged: Record<string, unknown> = { ...(under as Record<string, unknown>) };
  for (const [key, value] of Object.entries(over)) {
    if (value !== undefined) {
      merged[key] = value;
    }
  }
  return merged as T;
}

/** `over` merged over `under`, field by field in each block. */
export function mergeDefaults(under: PlanDefaults | undefined, over: PlanDefaults | undefined): PlanDefaults | undefined {
  if (under === undefined) {
    return over;
  }
  if (over === undefined) {
    return under;
  }
  const replication = fieldByField(under.replication, over.replication);
  const mgnReplication = fieldByField(under.mgn?.replication, over.mgn?.replication);
  const mgnLaunch = fieldByField(under.mgn?.launch, over.mgn?.launch);
  const mgn: MgnServerSettings | undefined = mgnReplication === undefined && mgnLaunch === undefined ? undefined : {
    ...(mgnReplication !== undefined ? { replication: mgnReplication } : {}),
    ...(mgnLaunch !== undefined ? { launch: mgnLaunch } : {}),
  };
  return { ...(replication !== undefined ? { replication } : {}), ...(mgn !== undefined ? { mgn } : {}) };
}

/** The defaults of the packs that apply to a target, a later pack's over an earlier one's. */
export function organizationDefaults(
  packs: ReadonlyArray<{ readonly targets: readonly PlanTarget[]; readonly defaults?: PlanDefaults }>, target: PlanTarget,
): PlanDefaults | undefined {
  return packs.filter((pack) => pack.targets.includes(target))
    .reduce<PlanDefaults | undefined>((all, pack) => mergeDefaults(all, pack.defaults), undefined);
}

/** The plan with organisation defaults beneath its own (the same object when there are none). */
export function withDefaultsBeneath(plan: Plan, defaults: PlanDefaults | undefined): Plan {
  if (defaults === undefined) {
    return plan;
  }
  return { ...plan, defaults: mergeDefaults(defaults, plan.defaults) };
}

/**
 * Every problem with defaults a pack sets, by the plan file's own schema (`defaults.replication.frequencyHours:
 * must be ...`), each starting with `where`.
 */
export function defaultsProblems(defaults: unknown, where: string): string[] {
  if (defaults === null || typeof defaults !== 'object' || Array.isArray(defaults)) {
    return [`${where}: defaults must be the plan's defaults (an object with replication and mgn), got ${shown(defaults)}`];
  }
  try {
    // The plan's schema checks the defaults as it checks a plan's: one VM makes the plan complete.
    parsePlan(JSON.stringify({ version: 1, defaults, vms: [{ name: 'vm', hypervisor: 'vmware' }] }), 'defaults', { format: PlanFormat.JSON });
    return [];
  } catch (e) {
    if (e instanceof PlanFileError) {
      return e.issues.map((issue) => `${where}: ${issue.path}: ${issue.message}`);
    }
    throw e;
  }
}
