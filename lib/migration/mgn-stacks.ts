import * as crypto from 'crypto';
import { RemovalPolicy, Stack, StackProps, Token } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { Construct } from 'constructs';
import { SmsMigrationError } from '../errors';
import { importCsvFor } from '../mgn/import-csv';
import { MgnAccountTemplates } from '../mgn/mgn-account-templates';
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
import { MigrationStacks } from './migration-stacks';
import { constructId, layoutMgnAccountStack, layoutMgnWaveStacks, WaveLayoutOptions, WaveStackLayout } from './waves';

/** What a `Migration` gives the MGN stacks. */
export interface MgnStackOptions {
  readonly stackProps?: StackProps;
  readonly stagingVpc?: ec2.IVpc;
  readonly stagingSubnetId?: string;
  readonly serviceRoles: boolean;
  readonly serverRemovalPolicy: RemovalPolicy;
  readonly serverRefresh?: string;
  /** Which stacks to define: the account stack, the wave stacks, or both. */
  readonly stacks: MigrationStacks;
}

/** The stacks of an MGN migration and what they hold. */
export interface MgnStacks {
  /** The account stack; none with `MigrationStacks.WAVES`. */
  readonly accountStack?: Stack;
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
} as const;

/**
 * Defines an MGN migration's stacks under `scope`: the account stack (`<prefix>-mgn`: service roles,
 * provider, initialization, staging area, templates) and one stack per deployed wave (`<prefix>-<wave>`:
 * the wave, its import, a source server per VM), each depending on the account stack without
 * referencing it. `options.stacks` leaves out the wave stacks (`SHARED`), or the account stack (`WAVES`):
 * the wave stacks then call its provider by name and depend on nothing.
 */
export function defineMgnStacks(scope: Construct, plan: Plan, layoutOptions: WaveLayoutOptions, options: MgnStackOptions): MgnStacks {
  const layouts = layoutMgnWaveStacks(plan, layoutOptions, scope);
  const network = plan.mgn?.network;
  const planSubnet = network?.stagingSubnet;
  if (planSubnet !== undefined && options.stagingSubnetId !== undefined && planSubnet !== options.stagingSubnetId) {
    throw new SmsMigrationError('cdk-sms-migration:StagingSubnetConflict',
      `mgnStagingSubnetId ${options.stagingSubnetId} differs from the plan's mgn.network.stagingSubnet ${planSubnet}, give one of them`, scope);
  }

  const accountLayout = layoutMgnAccountStack(layoutOptions.stackNamePrefix);
  const waveVms = layouts.flatMap((layout) => layout.vms.map((vm) => vm.name));
  if (options.stacks === MigrationStacks.WAVES) {
    // The account stack is deployed apart (a pipeline's first stage): its staging subnet as it would choose it.
    const subnetId = planSubnet ?? options.stagingSubnetId ?? (options.stagingVpc !== undefined ? stagingSubnetOf(options.stagingVpc) : undefined);
    const byName = (stack: Stack): void => useMgnProviderByName(stack, accountLayout.functionName);
    return { ...defineWaveStacks(scope, plan, layouts, options, subnetId, byName), waveVms };
  }
  const accountStack = new Stack(scope, accountLayout.id, {
    ...options.stackProps,
    stackName: accountLayout.stackName,
    description: options.stackProps?.description ?? accountLayout.description,
  });
  const provider = MgnProvider.shared(accountStack, accountLayout.functionName);
  const initialization = new MgnInitialization(accountStack, ACCOUNT_IDS.INITIALIZATION);
  if (options.serviceRoles) {
    initialization.node.addDependency(new MgnServiceRoles(accountStack, ACCOUNT_IDS.SERVICE_ROLES));
  }
  const stagingArea = new MgnStagingArea(accountStack, ACCOUNT_IDS.STAGING_AREA, {
    vpc: options.stagingVpc,
    stagingSubnetId: planSubnet ?? options.stagingSubnetId,
    sourceCidrs: network?.sourceCidrs,
  });
  const templates = new MgnAccountTemplates(accountStack, ACCOUNT_IDS.TEMPLATES, {
    defaults: desiredDefaults(plan.defaults, {
      stagingSubnetId: stagingArea.stagingSubnetId,
      replicationSecurityGroupId: stagingArea.securityGroup.securityGroupId,
      partition: accountStack.partition,
      account: accountStack.account,
      region: accountStack.region,
    }),
  });
  templates.node.addDependency(initialization);

  if (options.stacks === MigrationStacks.SHARED) {
    return { accountStack, waveStacks: new Map(), sourceServers: new Map(), waveVms };
  }
  return {
    accountStack,
    ...defineWaveStacks(scope, plan, layouts, options, stagingArea.stagingSubnetId, (stack) => provider.serve(stack)),
    waveVms,
  };
}

/**
 * The wave stacks: the wave, its import, a source server per VM. `useProvider` makes the stack's
 * resources find the provider of the account stack.
 */
function defineWaveStacks(scope: Construct, plan: Plan, layouts: readonly WaveStackLayout[], options: MgnStackOptions,
  stagingSubnetId: string | undefined, useProvider: (stack: Stack) => void): Pick<MgnStacks, 'waveStacks' | 'sourceServers'> {
  const waveStacks = new Map<string, Stack[]>();
  const sourceServers = new Map<string, MgnSourceServer>();
  // One value for every server of the synthesis: each deploy looks for every server again.
  const refresh = options.serverRefresh ?? crypto.randomUUID();
  const waveDescriptions = new Map((plan.waves ?? []).map((w) => [w.name, w.description] as const));
  for (const layout of layouts) {
    const stack = new Stack(scope, layout.id, {
      ...options.stackProps,
      stackName: layout.stackName,
      description: options.stackProps?.description ?? layout.description,
    });
    useProvider(stack);
    waveStacks.set(layout.wave, [stack]);
    const settings = layout.vms.map((vm) => settingsOf(vm, plan.defaults));
    const wave = new MgnWave(stack, MGN_WAVE_IDS.WAVE, {
      waveName: layout.wave,
      applications: [...new Set(settings.map((s) => s.application))],
      description: waveDescriptions.get(layout.wave),
    });
    const file = importCsvFor(layout.vms, plan.defaults);
    const waits: Construct[] = [wave];
    if (file.rowVms.length > 0) {
      waits.push(new MgnImport(stack, MGN_WAVE_IDS.IMPORT, { csv: file.csv, rowVms: file.rowVms, fileName: `${stack.artifactId}.mgn-import` }));
    }
    // The staging subnet and the library's security group are the account stack's: a server takes them
    // from the replication template when MGN adds it. Written here, they would be cross-stack references
    // that lock the account stack; a subnet the plan names is written, being no reference.
    const context = {
      ...(stagingSubnetId === undefined || Token.isUnresolved(stagingSubnetId) ? {} : { stagingSubnetId }),
      partition: stack.partition,
      account: stack.account,
      region: stack.region,
    };
    layout.vms.forEach((vm, index) => {
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
  return { waveStacks, sourceServers };
}
