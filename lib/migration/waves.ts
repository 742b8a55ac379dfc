import { StackProps } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { SmsMigrationError } from '../errors';
import { environmentKey, environmentResolver, PlanEnvironment } from '../plan/model/environments';
import { Plan, Vm } from '../plan/model/plan';
import { namesWave, planWaves, WHOLE_PLAN_WAVE } from '../plan/model/waves';
import { fnv1a, shardCount, shardOf } from './shards';

/**
 * Which VMs a migration deploys and in which stacks: the plan's waves (those selected), each split
 * into shards when it holds more jobs than a stack should. A plan in which no VM names a wave is one
 * wave, `WHOLE_PLAN_WAVE`, deployed whole; in a plan that uses waves, the VMs without one are
 * unscheduled: assessed and reported, never deployed.
 */

export { WHOLE_PLAN_WAVE } from '../plan/model/waves';

/**
 * The construct id of a migration's provider stack (`Migration/Provider`): the custom-resource provider
 * that the jobs of every wave stack use.
 */
export const PROVIDER_STACK_ID = 'Provider';

/** The longest name of a Lambda function. */
const MAX_FUNCTION_NAME = 64;

/** The most jobs one stack holds when `jobsPerStack` is not given. */
export const DEFAULT_JOBS_PER_STACK = 400;

/** One stack of a wave. */
export interface WaveStackLayout {
  /** The wave. */
  readonly wave: string;
  /** The stack's construct id under the migration. */
  readonly id: string;
  /** The CloudFormation stack name. */
  readonly stackName: string;
  /** The stack's description, when the props give none. */
  readonly description: string;
  /** The VMs whose jobs it holds, in plan order. */
  readonly vms: readonly Vm[];
  /** The account and Region it is deployed in, as far as the plan and the migration name them. */
  readonly environment: PlanEnvironment;
}

/** The stack of a migration's custom-resource provider. */
export interface ProviderStackLayout {
  /** The stack's construct id under the migration. */
  readonly id: string;
  /** The CloudFormation stack name: `<prefix>-provider`. */
  readonly stackName: string;
  /** The stack's description, when the props give none. */
  readonly description: string;
  /**
   * The name of the provider framework's onEvent function, the service token of every job: unique in
   * the account and Region as the stack name is, since it is made from it.
   */
  readonly functionName: string;
}

/**
 * The stack of the custom-resource provider of a migration whose stack names start with `stackNamePrefix`.
 *
 * @param environment the account and Region of its wave stacks, when it is not the migration's own:
 *   its id and name then end with them (`Provider-123456789012-eu-west-1`)
 */
export function layoutProviderStack(stackNamePrefix: string, environment?: PlanEnvironment): ProviderStackLayout {
  const suffix = environment === undefined ? '' : `-${environmentSuffix(environment)}`;
  const name = stackName(`${stackNamePrefix}-provider${suffix}`);
  return {
    id: `${PROVIDER_STACK_ID}${suffix}`,
    stackName: name,
    description: 'The custom resource provider of the SMS replication jobs of every wave stack (cdk-sms-migration)',
    functionName: onEventFunctionName(name),
  };
}

/**
 * The construct id of a migration's MGN account stack (`Migration/Mgn`): MGN's service roles, its
 * initialization, staging area and account templates, and the provider every wave stack uses.
 */
export const MGN_ACCOUNT_STACK_ID = 'Mgn';

/**
 * The MGN account stack of a migration whose stack names start with `stackNamePrefix`: `<prefix>-mgn`.
 *
 * @param environment the account and Region of its wave stacks, when it is not the migration's own:
 *   its id and name then end with them (`Mgn-123456789012-eu-west-1`)
 */
export function layoutMgnAccountStack(stackNamePrefix: string, environment?: PlanEnvironment): ProviderStackLayout {
  const suffix = environment === undefined ? '' : `-${environmentSuffix(environment)}`;
  const name = stackName(`${stackNamePrefix}-mgn${suffix}`);
  return {
    id: `${MGN_ACCOUNT_STACK_ID}${suffix}`,
    stackName: name,
    description: 'AWS Application Migration Service in the account: service roles, initialization, staging area, templates and '
      + 'the custom resource provider of every wave stack (cdk-sms-migration)',
    functionName: onEventFunctionName(name),
  };
}

/** The name of the onEvent function of a provider stack: `<stack name>-onEvent`, at most 64 characters. */
function onEventFunctionName(name: string): string {
  const suffix = '-onEvent';
  return name.length + suffix.length <= MAX_FUNCTION_NAME
    ? `${name}${suffix}`
    // A long stack name: its start, and a hash of the whole so that two long names stay apart.
    : `${name.slice(0, MAX_FUNCTION_NAME - suffix.length - 9)}-${fnv1a(name).toString(16).padStart(8, '0')}${suffix}`;
}

/** How the stacks of the waves are laid out. */
export interface WaveLayoutOptions {
  /** The waves to deploy. @default - every wave the plan names, or the whole plan when it names none */
  readonly waves?: readonly string[];
  /** The start of every stack name. */
  readonly stackNamePrefix: string;
  /** The most jobs a stack holds. */
  readonly jobsPerStack: number;
  /** The shards of every wave. @default - as few as hold the wave */
  readonly shardsPerWave?: number;
  /** Where the plan came from, for messages. */
  readonly planSource: string;
  /**
   * The migration's own account and Region (its stacks' `env`, where known): the environment of the VMs
   * that name none, nor their wave. @default - unnamed
   */
  readonly environment?: PlanEnvironment;
}

/** The VMs of one wave that migrate into one account and Region. */
export interface WaveEnvironmentGroup {
  /** The account and Region, the migration's own filling what the plan does not name. */
  readonly environment: PlanEnvironment;
  /** Whether it is the migration's own environment. */
  readonly home: boolean;
  /** Its VMs, in plan order. */
  readonly vms: readonly Vm[];
}

/**
 * The VMs of a wave by the account and Region each migrates into (README, "Several accounts and
 * Regions"), in order of first appearance.
 */
export function byEnvironment(plan: Plan, vms: readonly Vm[], home: PlanEnvironment = {}): WaveEnvironmentGroup[] {
  const environmentOf = environmentResolver(plan.waves, home);
  const homeKey = environmentKey(home);
  const groups = new Map<string, { environment: PlanEnvironment; home: boolean; vms: Vm[] }>();
  for (const vm of vms) {
    const environment = environmentOf(vm);
    const key = environmentKey(environment);
    let group = groups.get(key);
    if (group === undefined) {
      group = { environment, home: key === homeKey, vms: [] };
      groups.set(key, group);
    }
    group.vms.push(vm);
  }
  return [...groups.values()];
}

/**
 * The props of a stack in `environment` (another account or Region than the migration's own): its
 * account and Region, the migration's filling what it does not name. Undefined: the props as they are.
 */
export function stackPropsIn(stackProps: StackProps | undefined, environment: PlanEnvironment | undefined): StackProps {
  if (environment === undefined) {
    return { ...stackProps };
  }
  return {
    ...stackProps,
    env: { account: environment.account ?? stackProps?.env?.account, region: environment.region ?? stackProps?.env?.region },
  };
}

/** `<account>-<region>`, `any` for what is not named: what the ids and names of another environment's stacks end with. */
export function environmentSuffix(environment: PlanEnvironment): string {
  return `${environment.account ?? 'any'}-${environment.region ?? 'any'}`;
}

/**
 * The stacks the deployed waves need, in plan order of their waves, with the VMs of each.
 *
 * @throws SmsMigrationError when `waves` names a wave no VM is in, when a shard would hold more than
 * `jobsPerStack` jobs, or when two waves make the same stack name
 */
export function layoutWaveStacks(plan: Plan, options: WaveLayoutOptions, scope: IConstruct): WaveStackLayout[] {
  const byWave = deployedWaves(plan, options, scope);
  const layouts: WaveStackLayout[] = [];
  // Stack names keep only letters, digits and hyphens: two waves may come out the same, and their
  // stacks would then be deployed as one, each replacing the other's jobs.
  const wavesByStackName = new Map<string, string>();
  const provider = layoutProviderStack(options.stackNamePrefix);
  for (const [wave, waveVms] of byWave) {
    const groups = byEnvironment(plan, waveVms, options.environment);
    for (const group of groups) {
      layouts.push(...layoutSmsWaveGroup(wave, group, groups.length > 1, options, provider, wavesByStackName, scope));
    }
  }
  return layouts;
}

/** The stacks of one wave's VMs in one account and Region: as many shards as hold them. */
function layoutSmsWaveGroup(wave: string, group: WaveEnvironmentGroup, split: boolean, options: WaveLayoutOptions,
  provider: ProviderStackLayout, wavesByStackName: Map<string, string>, scope: IConstruct): WaveStackLayout[] {
  const layouts: WaveStackLayout[] = [];
  const vms = group.vms;
  // A wave over several accounts or Regions has a stack (or shards) in each, named for it.
  const envSuffix = split ? `-${environmentSuffix(group.environment)}` : '';
  // The one wave of a plan that names none: its VMs name no wave (a named wave's all name it).
  const whole = !namesWave(vms[0]?.wave);
  const capacity = options.jobsPerStack;
  const shards = options.shardsPerWave ?? shardCount(vms.length, capacity);
  const shardVms: Vm[][] = Array.from({ length: shards }, () => []);
  for (const vm of vms) {
    shardVms[shardOf(vm.name, shards)].push(vm);
  }
  shardVms.forEach((members, index) => {
    if (members.length === 0) {
      return;
    }
    if (members.length > capacity) {
      throw new SmsMigrationError('cdk-sms-migration:WaveTooLarge',
        `wave ${wave} puts ${members.length} jobs in one stack, more than jobsPerStack (${capacity}): `
        + `set shardsPerWave to at least ${Math.ceil(vms.length / capacity) * 2}`, scope);
    }
    const suffix = `${envSuffix}${shards > 1 ? `-${index + 1}` : ''}`;
    const { id, name } = claimStackName(wave, suffix, options, { layout: provider, what: 'provider stack' }, wavesByStackName, scope);
    layouts.push({
      wave,
      id,
      stackName: name,
      description: `SMS replication jobs of ${whole ? 'the plan, which names no waves' : `wave ${wave}`}`
        + `${split ? ` in ${environmentSuffix(group.environment)}` : ''}${shards > 1 ? ` (stack ${index + 1} of ${shards})` : ''}`,
      vms: members,
      environment: group.environment,
    });
  });
  return layouts;
}

/**
 * The most VMs an MGN wave stack holds: one resource each, beside the wave's and the import's, under
 * CloudFormation's 500 resources per stack with room to spare.
 */
export const MAX_MGN_WAVE_VMS = 490;

/**
 * The stacks of an MGN migration's deployed waves, one per wave, in plan order: a wave is one
 * `Custom::MgnWave`, which two stacks cannot share.
 *
 * @throws SmsMigrationError when `waves` names a wave no VM is in, when a wave holds more than
 * `MAX_MGN_WAVE_VMS` VMs, or when two waves (or a wave and the account stack) make the same stack name
 */
export function layoutMgnWaveStacks(plan: Plan, options: WaveLayoutOptions, scope: IConstruct): WaveStackLayout[] {
  const account = layoutMgnAccountStack(options.stackNamePrefix);
  const wavesByStackName = new Map<string, string>();
  const layouts: WaveStackLayout[] = [];
  for (const [wave, waveVms] of deployedWaves(plan, options, scope)) {
    const groups = byEnvironment(plan, waveVms, options.environment);
    for (const group of groups) {
      layouts.push(layoutMgnWaveGroup(wave, group, groups.length > 1, options, account, wavesByStackName, scope));
    }
  }
  return layouts;
}

/** The stack of one wave's VMs in one account and Region. */
function layoutMgnWaveGroup(wave: string, group: WaveEnvironmentGroup, split: boolean, options: WaveLayoutOptions,
  account: ProviderStackLayout, wavesByStackName: Map<string, string>, scope: IConstruct): WaveStackLayout {
  const vms = group.vms;
  const envSuffix = split ? `-${environmentSuffix(group.environment)}` : '';
  const whole = !namesWave(vms[0]?.wave);
  if (vms.length > MAX_MGN_WAVE_VMS) {
    throw new SmsMigrationError('cdk-sms-migration:WaveTooLarge',
      `wave ${wave} has ${vms.length} VMs, more than one MGN wave stack holds (${MAX_MGN_WAVE_VMS}): split it into several waves`, scope);
  }
  const { id, name } = claimStackName(wave, envSuffix, options, { layout: account, what: 'MGN account stack' }, wavesByStackName, scope);
  return {
    wave,
    id,
    stackName: name,
    description: `MGN source servers of ${whole ? 'the plan, which names no waves' : `wave ${wave}`}`
      + `${split ? ` in ${environmentSuffix(group.environment)}` : ''} (cdk-sms-migration)`,
    vms,
    environment: group.environment,
  };
}

/**
 * The construct id and stack name of a wave's stack (`suffix`: its environment and shard), claimed in
 * `wavesByStackName`. Stack names keep only letters, digits and hyphens: two waves may come out the same,
 * and their stacks would then be deployed as one, each replacing the other's resources.
 *
 * @throws SmsMigrationError when another wave, or the shared stack, has the name or the id
 */
function claimStackName(wave: string, suffix: string, options: WaveLayoutOptions, shared: { layout: ProviderStackLayout; what: string },
  wavesByStackName: Map<string, string>, scope: IConstruct): { id: string; name: string } {
  const name = stackName(`${options.stackNamePrefix}-${wave}${suffix}`);
  const clash = wavesByStackName.get(name);
  if (clash !== undefined) {
    throw new SmsMigrationError('cdk-sms-migration:StackNameClash',
      `waves "${clash}" and "${wave}" both make the stack name ${name} (stack names keep letters, digits and hyphens), `
      + 'rename one of the waves', scope);
  }
  const id = `${constructId(wave)}${suffix}`;
  if (name === shared.layout.stackName || id === shared.layout.id) {
    throw new SmsMigrationError('cdk-sms-migration:StackNameClash',
      `wave "${wave}" makes the stack ${id} (${name}), which is the migration's ${shared.what}, rename the wave`, scope);
  }
  wavesByStackName.set(name, wave);
  return { id, name };
}

/** The VMs of each deployed wave, in plan order. */
export function deployedWaves(plan: Plan, options: WaveLayoutOptions, scope: IConstruct): Map<string, Vm[]> {
  const selected = options.waves ? new Set(options.waves) : undefined;
  const byWave = new Map<string, Vm[]>();
  const waves = planWaves(plan.vms).waves;
  for (const wave of waves) {
    const name = wave.name ?? WHOLE_PLAN_WAVE;
    if (!selected || selected.has(name)) {
      byWave.set(name, [...wave.vms]);
    }
  }
  for (const wave of selected ?? []) {
    if (!byWave.has(wave)) {
      const named = waves.some((w) => w.name !== undefined)
        ? `waves: ${waves.map((w) => w.name).join(', ')}`
        : `it names no waves, so it is one wave, ${WHOLE_PLAN_WAVE}, deployed whole`;
      throw new SmsMigrationError('cdk-sms-migration:UnknownWave',
        `waves names "${wave}", which no VM of ${options.planSource} is in (${named})`, scope);
    }
  }
  return byWave;
}

/** A construct id from a VM or wave name: `/` is the one character construct ids cannot hold. */
export function constructId(name: string): string {
  return name.replace(/\//g, '_');
}

/** A CloudFormation stack name: letters, digits and hyphens, starting with a letter, at most 128. */
function stackName(text: string): string {
  const cleaned = text.replace(/[^A-Za-z0-9-]+/g, '-').replace(/-+/g, '-').replace(/^[^A-Za-z]+/, '').replace(/-$/, '');
  return (cleaned || 'Migration').slice(0, 128);
}
