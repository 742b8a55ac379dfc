import { Connector, Plan, PlanDefaults, Vm, Wave } from '../../../plan/model/plan';
import { planWaves } from '../../../plan/model/waves';
import { settingsOf, VmSettings } from './vm-settings';

/**
 * What the MGN pack knows of a plan before its facts are counted: the assessment day, the waves with
 * their dates, the connectors, and each VM's settings after defaults, wave and application.
 */
export interface MgnPlanScope {
  /** The plan, when the VMs are judged as a plan. @default - only the VMs */
  readonly plan?: Plan;
  /** The UTC day of the assessment (`--as-of`, the construct's `asOf`, else today). */
  readonly assessmentDate: string;
  /** The plan's `waves[]` by name. */
  readonly waves: ReadonlyMap<string, Wave>;
  /** The plan's connectors by name. */
  readonly connectors: ReadonlyMap<string, Connector>;
  /** VMs without a wave in a plan that uses waves: reported, not deployed, not counted. */
  readonly unscheduled: ReadonlySet<Vm>;
  /** Each VM's effective settings, application and wave. */
  settings(vm: Vm): VmSettings;
}

/** Builds the scope of a plan (or of VMs judged on their own). */
export function planScope(vms: readonly Vm[], plan: Plan | undefined, assessmentDate: string, defaults?: PlanDefaults): MgnPlanScope {
  const cache = new Map<Vm, VmSettings>();
  const planDefaults = plan?.defaults ?? defaults;
  return {
    plan,
    assessmentDate,
    waves: new Map((plan?.waves ?? []).map((w) => [w.name, w] as const)),
    connectors: new Map((plan?.connectors ?? []).map((c) => [c.name, c] as const)),
    unscheduled: new Set(planWaves(vms).unscheduled),
    settings(vm: Vm): VmSettings {
      let found = cache.get(vm);
      if (found === undefined) {
        found = settingsOf(vm, planDefaults);
        cache.set(vm, found);
      }
      return found;
    },
  };
}
