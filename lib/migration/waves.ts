import { IConstruct } from 'constructs';
import { SmsMigrationError } from '../errors';
import { Plan, Vm } from '../plan/model/plan';
import { namesWave, planWaves } from '../plan/model/waves';
import { fnv1a, shardCount, shardOf } from './shards';

/**
 * Which VMs a migration deploys and in which stacks: the plan's waves (those selected), each split
 * into shards when it holds more jobs than a stack should. A plan in which no VM names a wave is one
 * wave, `WHOLE_PLAN_WAVE`, deployed whole; in a plan that uses waves, the VMs without one are
 * unscheduled: assessed and reported, never deployed.
 */

/**
 * The name a migration gives the one wave of a plan in which no VM names a wave: its key in
 * `Migration.waveStacks`, its stacks' construct id (`Migration/all`) and name (`Migration-all`).
 */
export const WHOLE_PLAN_WAVE = 'all';

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

/** The stack of the custom-resource provider of a migration whose stack names start with `stackNamePrefix`. */
export function layoutProviderStack(stackNamePrefix: string): ProviderStackLayout {
  const name = stackName(`${stackNamePrefix}-provider`);
  return {
    id: PROVIDER_STACK_ID,
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

/** The MGN account stack of a migration whose stack names start with `stackNamePrefix`: `<prefix>-mgn`. */
export function layoutMgnAccountStack(stackNamePrefix: string): ProviderStackLayout {
  const name = stackName(`${stackNamePrefix}-mgn`);
  return {
    id: MGN_ACCOUNT_STACK_ID,
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
  for (const [wave, vms] of byWave) {
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
      const suffix = shards > 1 ? `-${index + 1}` : '';
      const name = stackName(`${options.stackNamePrefix}-${wave}${suffix}`);
      const clash = wavesByStackName.get(name);
      if (clash !== undefined) {
        throw new SmsMigrationError('cdk-sms-migration:StackNameClash',
          `waves "${clash}" and "${wave}" both make the stack name ${name} (stack names keep letters, digits and hyphens), `
          + 'rename one of the waves', scope);
      }
      const id = `${constructId(wave)}${suffix}`;
      if (name === provider.stackName || id === provider.id) {
        throw new SmsMigrationError('cdk-sms-migration:StackNameClash',
          `wave "${wave}" makes the stack ${id} (${name}), which is the migration's provider stack, rename the wave`, scope);
      }
      wavesByStackName.set(name, wave);
      layouts.push({
        wave,
        id,
        stackName: name,
        description: `SMS replication jobs of ${whole ? 'the plan, which names no waves' : `wave ${wave}`}`
          + `${shards > 1 ? ` (stack ${index + 1} of ${shards})` : ''}`,
        vms: members,
      });
    });
  }
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
  for (const [wave, vms] of deployedWaves(plan, options, scope)) {
    const whole = !namesWave(vms[0]?.wave);
    if (vms.length > MAX_MGN_WAVE_VMS) {
      throw new SmsMigrationError('cdk-sms-migration:WaveTooLarge',
        `wave ${wave} has ${vms.length} VMs, more than one MGN wave stack holds (${MAX_MGN_WAVE_VMS}): split it into several waves`, scope);
    }
    const name = stackName(`${options.stackNamePrefix}-${wave}`);
    const clash = wavesByStackName.get(name);
    if (clash !== undefined) {
      throw new SmsMigrationError('cdk-sms-migration:StackNameClash',
        `waves "${clash}" and "${wave}" both make the stack name ${name} (stack names keep letters, digits and hyphens), `
        + 'rename one of the waves', scope);
    }
    const id = constructId(wave);
    if (name === account.stackName || id === account.id) {
      throw new SmsMigrationError('cdk-sms-migration:StackNameClash',
        `wave "${wave}" makes the stack ${id} (${name}), which is the migration's MGN account stack, rename the wave`, scope);
    }
    wavesByStackName.set(name, wave);
    layouts.push({
      wave,
      id,
      stackName: name,
      description: `MGN source servers of ${whole ? 'the plan, which names no waves' : `wave ${wave}`} (cdk-sms-migration)`,
      vms,
    });
  }
  return layouts;
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
