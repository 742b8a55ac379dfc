import { Wave } from './mgn';
import { Vm } from './plan';
import { namesWave } from './waves';

/**
 * Where VMs migrate into (README, "Several accounts and Regions"): an AWS account and a Region, each
 * named by the VM, else by its wave (`waves[]`), else by the plan or the migration, field by field.
 * What nobody names is the stacks' own environment.
 */

/** An account and a Region, each undefined where nobody names it. */
export interface PlanEnvironment {
  /** The AWS account, 12 digits. @default - not named: the stacks' own */
  readonly account?: string;
  /** The Region, such as `eu-west-1`. @default - not named: the stacks' own */
  readonly region?: string;
}

/** What `environmentKey` writes for an account or a Region nobody names. */
export const UNNAMED = '*';

/** `<account>/<region>`, `*` for what is not named: environments with the same key are one. */
export function environmentKey(env: PlanEnvironment): string {
  return `${env.account ?? UNNAMED}/${env.region ?? UNNAMED}`;
}

/** The key of the environment nobody names: the stacks' own account and Region. */
export const DEFAULT_ENVIRONMENT_KEY = environmentKey({});

/**
 * The environment of each VM, field by field: the VM's `account` and `region`, else its wave's (in
 * `waves`), else `fallback` (the plan's `mgn.accountId` and `mgn.region` in an MGN plan, or the
 * migration's stacks). A VM without a wave (unscheduled, or in a plan that names none) takes
 * `fallback`. Results are shared between VMs with the same environment.
 */
export function environmentResolver(waves: readonly Wave[] | undefined, fallback: PlanEnvironment = {}): (vm: Vm) => PlanEnvironment {
  const cache = new Map<string, PlanEnvironment>();
  const intern = (account: string | undefined, region: string | undefined): PlanEnvironment => {
    const env = { account, region };
    const key = environmentKey(env);
    let known = cache.get(key);
    if (known === undefined) {
      known = Object.freeze(env);
      cache.set(key, known);
    }
    return known;
  };
  const byWave = new Map<string, PlanEnvironment>();
  for (const wave of waves ?? []) {
    if (!byWave.has(wave.name)) {
      byWave.set(wave.name, intern(wave.account ?? fallback.account, wave.region ?? fallback.region));
    }
  }
  const base = intern(fallback.account, fallback.region);
  return (vm: Vm): PlanEnvironment => {
    const waveEnv = namesWave(vm.wave) ? byWave.get(vm.wave) ?? base : base;
    if (vm.account === undefined && vm.region === undefined) {
      return waveEnv;
    }
    return intern(vm.account ?? waveEnv.account, vm.region ?? waveEnv.region);
  };
}
