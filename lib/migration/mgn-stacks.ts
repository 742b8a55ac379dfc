import * as crypto from 'crypto';
import { RemovalPolicy, Stack, StackProps, Token } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { Construct } from 'constructs';
import { SmsMigrationError } from '../errors';
import { importCsvFor } from '../mgn/import-csv';
import { MgnAccountTemplates } from '../mgn/mgn-account-templates';
import { MgnCutoverRunbook } from '../mgn/mgn-cutover-runbook';
import { MgnImport } from '../mgn/mgn-import';
import { MgnInitialization } from '../mgn/mgn-initialization';
import { MgnProvider, useMgnProviderByName } from '../mgn/mgn-provider';
import { MgnServiceRoles } from '../mgn/mgn-service-roles';
import { MgnSourceServer } from '../mgn/mgn-source-server';
import { MgnStagingArea } from '../mgn/mgn-staging-area';
import { stagingSubnetOf } from '../mgn/staging-subnet';
import { MgnWave } from '../mgn/mgn-wave';
import { desiredDefaults, desiredServerFor } from '../mgn/server-settings';
import { Plan, ReplicationMethod } from '../plan/model/plan';
import { settingsOf } from '../rules/mgn/facts/vm-settings';
import { environmentKey, PlanEnvironment } from '../plan/model/environments';
import { MgnInstallCommands } from '../mgn/source/install-commands-construct';
import { MigrationStacks } from './migration-stacks';
import { constructId, environmentSuffix, layoutMgnAccountStack, layoutMgnWaveStacks, stackPropsIn, WaveLayoutOptions } from './waves';

/** What a `Migration` gives the MGN stacks. */
export interface MgnStackOptions {
  readonly stackProps?: StackProps;
  readonly stagingVpc?: ec2.IVpc;
  readonly stagingSubnetId?: string;
  readonly serviceRoles: boolean;
  readonly serverRemovalPolicy: RemovalPolicy;
  readonly serverRefresh?: string;
  /** A cutover runbook in each wave stack. @default false */
  readonly cutoverRunbooks?: boolean;
  /** Which stacks to define: the account stacks, the wave stacks, or both. @default MigrationStacks.ALL */
  readonly stacks?: MigrationStacks;
  /**
   * The install commands of the deployed agent VMs, one file per account and Region: `fileName` for the
   * migration's own, `<fileName>-<account>-<region>` for another's. @default - none written
   */
  readonly installCommands?: InstallCommandsOptions;
}

/** What the install commands of an MGN migration are written with. */
export interface InstallCommandsOptions {
  readonly fileName: string;
  readonly installationRoleArn?: string;
  readonly endpoint?: string;
  readonly s3Endpoint?: string;
}

/** The stacks of an MGN migration and what they hold. */
export interface MgnStacks {
  /** The account stack of the migration's own account and Region; none with `MigrationStacks.WAVES`. */
  readonly accountStack?: Stack;
  /** Every account stack, by environment key (`<account>/<region>`), the migration's own first. */
  readonly accountStacks: Map<string, Stack>;
  /** The environment key of each deployed VM's stacks, by VM name. */
  readonly vmEnvironments: Map<string, string>;
  readonly waveStacks: Map<string, Stack[]>;
  readonly sourceServers: Map<string, MgnSourceServer>;
  /** The names of the VMs of the deployed waves, whose stacks are defined or not (`MigrationStacks.SHARED`). */
  readonly waveVms: readonly string[];
}

/** The construct ids inside the MGN account stack. */
const ACCOUNT_IDS = {
  SERVICE_ROLES: 'ServiceRoles',
  INITIALIZATION: 'Initialization',
  STAGING_AREA: 'StagingArea',
  TEMPLATES: 'Templates',
} as const;

/** The construct ids inside a wave stack, beside one `MgnSourceServer` per VM (named for the VM). */
export const MGN_WAVE_IDS = {
  WAVE: 'cdk-sms-migration.MgnWave',
  IMPORT: 'cdk-sms-migration.MgnImport',
  RUNBOOK: 'CutoverRunbook',
} as const;

/**
 * Defines an MGN migration's stacks under `scope`: the account stack (`<prefix>-mgn`: service roles,
 * provider, initialization, staging area, templates) and one stack per deployed wave (`<prefix>-<wave>`:
 * the wave, its import, a source server per VM), each depending on the account stack without
 * referencing it.
 */
export function defineMgnStacks(scope: Construct, plan: Plan, layoutOptions: WaveLayoutOptions, options: MgnStackOptions): MgnStacks {
  const layouts = layoutMgnWaveStacks(plan, layoutOptions, scope);
  const network = plan.mgn?.network;
  const planSubnet = network?.stagingSubnet;
  if (planSubnet !== undefined && options.stagingSubnetId !== undefined && planSubnet !== options.stagingSubnetId) {
    throw new SmsMigrationError('cdk-sms-migration:StagingSubnetConflict',
      `mgnStagingSubnetId ${options.stagingSubnetId} differs from the plan's mgn.network.stagingSubnet ${planSubnet}, give one of them`, scope);
  }

  const homeKey = environmentKey(layoutOptions.environment ?? {});
  const accounts = new Map<string, AccountStack>();
  // MGN's service roles have fixed names and IAM is global to an account: defined in the first
  // environment of each account only.
  const accountsWithRoles = new Set<string>();
  const accountFor = (environment: PlanEnvironment): AccountStack => {
    const key = environmentKey(environment);
    let found = accounts.get(key);
    if (found === undefined) {
      const home = key === homeKey;
      const roles = options.serviceRoles && !accountsWithRoles.has(environment.account ?? '*');
      accountsWithRoles.add(environment.account ?? '*');
      found = defineAccountStack(scope, plan, layoutOptions, options, home ? undefined : environment, roles);
      accounts.set(key, found);
    }
    return found;
  };
  const definedStacks = options.stacks ?? MigrationStacks.ALL;
  const homeAccount = definedStacks === MigrationStacks.WAVES ? undefined : accountFor(layoutOptions.environment ?? {});
  const waveVms = layouts.flatMap((layout) => layout.vms.map((vm) => vm.name));

  const waveStacks = new Map<string, Stack[]>();
  const sourceServers = new Map<string, MgnSourceServer>();
  const vmEnvironments = new Map<string, string>();
  // One value for every server of the synthesis: each deploy looks for every server again.
  const refresh = options.serverRefresh ?? crypto.randomUUID();
  const waveDescriptions = new Map((plan.waves ?? []).map((w) => [w.name, w.description] as const));
  for (const layout of layouts) {
    const key = environmentKey(layout.environment);
    const home = key === homeKey;
    if (definedStacks === MigrationStacks.SHARED) {
      // The account stacks alone: the waves' stacks are defined elsewhere (a pipeline's wave stages).
      accountFor(layout.environment);
      layout.vms.forEach((vm) => vmEnvironments.set(vm.name, key));
      continue;
    }
    const account = definedStacks === MigrationStacks.WAVES ? undefined : accountFor(layout.environment);
    const stack = new Stack(scope, layout.id, {
      ...stackPropsIn(options.stackProps, home ? undefined : layout.environment),
      stackName: layout.stackName,
      description: options.stackProps?.description ?? layout.description,
    });
    if (account !== undefined) {
      account.provider.serve(stack);
    } else {
      // The account stack is deployed apart (a pipeline's first stage): its provider called by name.
      useMgnProviderByName(stack, layoutMgnAccountStack(layoutOptions.stackNamePrefix, home ? undefined : layout.environment).functionName);
    }
    waveStacks.set(layout.wave, [...(waveStacks.get(layout.wave) ?? []), stack]);
    const settings = layout.vms.map((vm) => settingsOf(vm, plan.defaults));
    const wave = new MgnWave(stack, MGN_WAVE_IDS.WAVE, {
      waveName: layout.wave,
      applications: [...new Set(settings.map((s) => s.application))],
      description: waveDescriptions.get(layout.wave),
    });
    if (options.cutoverRunbooks === true) {
      new MgnCutoverRunbook(stack, MGN_WAVE_IDS.RUNBOOK, { waveName: layout.wave });
    }
    const file = importCsvFor(layout.vms, plan.defaults);
    const waits: Construct[] = [wave];
    if (file.rowVms.length > 0) {
      waits.push(new MgnImport(stack, MGN_WAVE_IDS.IMPORT, { csv: file.csv, rowVms: file.rowVms, fileName: `${stack.artifactId}.mgn-import` }));
    }
    // The staging subnet and the library's security group are the account stack's: a server takes them
    // from the replication template when MGN adds it. Written here, they would be cross-stack references
    // that lock the account stack; a subnet the plan names is written, being no reference.
    // Without the account stack, its staging subnet as it would choose it (another environment's is the
    // library VPC's, unknown here).
    const stagingSubnetId = account !== undefined ? account.stagingArea.stagingSubnetId
      : home ? planSubnet ?? options.stagingSubnetId ?? (options.stagingVpc !== undefined ? stagingSubnetOf(options.stagingVpc) : undefined)
        : undefined;
    const context = {
      ...(stagingSubnetId === undefined || Token.isUnresolved(stagingSubnetId) ? {} : { stagingSubnetId }),
      partition: stack.partition,
      account: stack.account,
      region: stack.region,
    };
    layout.vms.forEach((vm, index) => {
      vmEnvironments.set(vm.name, key);
      sourceServers.set(vm.name, new MgnSourceServer(stack, constructId(vm.name), {
        vmName: vm.name,
        replicationMethod: settings[index].replication.method === ReplicationMethod.AGENTLESS ? ReplicationMethod.AGENTLESS : ReplicationMethod.AGENT,
        applicationName: settings[index].application,
        settings: desiredServerFor(vm, plan.defaults, context),
        vmUuid: vm.source?.vmUuid,
        vmPath: vm.source?.vmPath,
        removalPolicy: options.serverRemovalPolicy,
        refresh,
        dependsOn: waits,
      }));
    });
  }
  if (options.installCommands !== undefined) {
    writeInstallCommands(plan, accounts, vmEnvironments, homeKey, options.installCommands);
  }
  return {
    accountStack: homeAccount?.stack,
    accountStacks: new Map([...accounts].map(([key, account]) => [key, account.stack] as const)),
    vmEnvironments,
    waveStacks,
    sourceServers,
    waveVms,
  };
}

/**
 * The install commands of each account and Region's deployed agent VMs, in its account stack; another
 * environment's name the Region they register in.
 */
function writeInstallCommands(plan: Plan, accounts: ReadonlyMap<string, AccountStack>, vmEnvironments: ReadonlyMap<string, string>,
  homeKey: string, options: InstallCommandsOptions): void {
  for (const [key, account] of accounts) {
    const home = key === homeKey;
    new MgnInstallCommands(account.stack, 'InstallCommands', {
      plan: { ...plan, vms: plan.vms.filter((vm) => vmEnvironments.get(vm.name) === key) },
      fileName: home ? options.fileName : `${options.fileName}-${environmentSuffix(account.environment)}`,
      installationRoleArn: options.installationRoleArn,
      endpoint: options.endpoint,
      s3Endpoint: options.s3Endpoint,
      ...(!home && account.environment.region !== undefined ? { region: account.environment.region } : {}),
    });
  }
}

/** An MGN account stack and what its wave stacks use of it. */
interface AccountStack {
  readonly environment: PlanEnvironment;
  readonly stack: Stack;
  readonly provider: MgnProvider;
  readonly stagingArea: MgnStagingArea;
}

/**
 * The account stack of one account and Region: service roles (when `serviceRoles`), provider,
 * initialization, staging area and templates. The staging subnet the plan names and the `mgnStaging*`
 * props are the migration's own environment's: another environment (`environment` given) gets a staging
 * VPC of the library's.
 */
function defineAccountStack(scope: Construct, plan: Plan, layoutOptions: WaveLayoutOptions, options: MgnStackOptions,
  environment: PlanEnvironment | undefined, serviceRoles: boolean): AccountStack {
  const network = plan.mgn?.network;
  const accountLayout = layoutMgnAccountStack(layoutOptions.stackNamePrefix, environment);
  const stack = new Stack(scope, accountLayout.id, {
    ...stackPropsIn(options.stackProps, environment),
    stackName: accountLayout.stackName,
    description: options.stackProps?.description ?? accountLayout.description,
  });
  const provider = MgnProvider.shared(stack, accountLayout.functionName);
  const initialization = new MgnInitialization(stack, ACCOUNT_IDS.INITIALIZATION);
  if (serviceRoles) {
    initialization.node.addDependency(new MgnServiceRoles(stack, ACCOUNT_IDS.SERVICE_ROLES));
  }
  const home = environment === undefined;
  const stagingArea = new MgnStagingArea(stack, ACCOUNT_IDS.STAGING_AREA, {
    vpc: home ? options.stagingVpc : undefined,
    stagingSubnetId: home ? network?.stagingSubnet ?? options.stagingSubnetId : undefined,
    sourceCidrs: network?.sourceCidrs,
  });
  const templates = new MgnAccountTemplates(stack, ACCOUNT_IDS.TEMPLATES, {
    defaults: desiredDefaults(plan.defaults, {
      stagingSubnetId: stagingArea.stagingSubnetId,
      replicationSecurityGroupId: stagingArea.securityGroup.securityGroupId,
      partition: stack.partition,
      account: stack.account,
      region: stack.region,
    }),
  });
  templates.node.addDependency(initialization);
  return { environment: environment ?? layoutOptions.environment ?? {}, stack, provider, stagingArea };
}
