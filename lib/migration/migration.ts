import { RemovalPolicy, Stack, Stage, Token } from 'aws-cdk-lib';
import { Construct, IConstruct } from 'constructs';
import { PlanAssessment, UnknownPolicy } from '../assessment/types';
import { SmsMigrationError } from '../errors';
import { ConnectorFirewallRules } from '../network/connector-firewall-rules-construct';
import type * as MgnFirewallRulesModule from '../network/mgn-firewall-rules-construct';
import { Plan, PlanTarget } from '../plan/model/plan';
import { planWaves } from '../plan/model/waves';
import { assessPlanWithRulePacks, IOrganizationRulePack } from '../organization';
import { organizationSetup } from '../organization/migration-packs';
import { ReplicationJob } from '../sms/replication-job';
import { ReplicationJobProvider, useProviderByName } from '../sms/replication-job-provider';
import type { MgnSourceServer } from '../mgn/mgn-source-server';
import type * as MgnStacksModule from './mgn-stacks';
import { cdkAcknowledgements, CodeAcknowledgements } from '../validation/acknowledgements';
import { IAssessedScope } from '../validation/assessed-scope';
import { SynthesisChecks } from '../validation/synthesis-checks';
import { AcknowledgeOptions, MigrationProps } from './migration-props';
import { MigrationStacks } from './migration-stacks';
import { jobPropsFor } from './plan-job-props';
import { DEFAULT_REPORT_FORMATS, reportPropProblems, writeReportFiles } from './report-files';
import { constructId, DEFAULT_JOBS_PER_STACK, layoutProviderStack, layoutWaveStacks, stackPropsIn } from './waves';
import { environmentKey, PlanEnvironment } from '../plan/model/environments';
import { maxOf } from '../private/arrays';
import { dayNumber } from '../rules/mgn/facts/days';

/* eslint-disable @typescript-eslint/no-require-imports */
/**
 * The MGN side of a migration, loaded when a plan targets MGN: the synth of an SMS plan needs none of
 * its constructs (nor their handlers' and runbook's modules).
 */
const mgnSide = (): typeof MgnStacksModule & typeof MgnFirewallRulesModule => ({
  ...require('./mgn-stacks') as typeof MgnStacksModule,
  ...require('../network/mgn-firewall-rules-construct') as typeof MgnFirewallRulesModule,
});
/* eslint-enable @typescript-eslint/no-require-imports */

/** The migrations of each app, in construction order: SMS-JOB4 counts jobs per account and Region. */
const MIGRATIONS_OF_APP = new WeakMap<IConstruct, Migration[]>();

/**
 * A migration as a CDK app: one stack per wave (several for a large wave), one replication job per VM,
 * and every VM and connector assessed against every rule of the plan's target at synthesis. The jobs
 * of every wave stack use one custom-resource provider, in a stack of its own (`Migration/Provider`,
 * named `<prefix>-provider`), which deploying a wave deploys first. A plan in
 * which no VM names a wave is one wave, `all`, deployed whole; in a plan that uses waves, a VM without
 * one is unscheduled: assessed and reported, neither deployed nor counted against the job quota.
 *
 * A plan that targets MGN (`"target": "mgn"`) is deployed through AWS Application Migration Service
 * instead: an account stack (`Migration/Mgn`, named `<prefix>-mgn`) with MGN's service roles, its
 * initialization, the staging area, the account templates and the custom-resource provider, and one
 * stack per deployed wave (`<prefix>-<wave>`) with the wave, its inventory import and one source server
 * per VM (README, "Deploy a plan through MGN").
 *
 * An unacknowledged error (and, under `UnknownPolicy.ERROR`, an unknown) of a VM that is deployed
 * fails synthesis through the CDK's validation: `app.synth()` throws, `cdk synth` exits non-zero and
 * no cloud assembly is written. Warnings are annotations with the rule id
 * (`cdk-sms-migration:SMS-NET1`), which `cdk synth --strict` fails on and
 * `Annotations.of(scope).acknowledgeWarning()` silences. The assessment report is written into the
 * cloud assembly folder.
 *
 * Define it in an App or a Stage, not in a Stack: it defines the stacks. `stacks` defines only the
 * shared stacks or only the wave stacks, for a pipeline that deploys them in stages of their own
 * (`MigrationPipeline`).
 *
 * @example
 * const app = new App();
 * new Migration(app, 'Migration', { plan: MigrationPlan.fromFile('plan.json') });
 */
export class Migration extends Construct implements IAssessedScope {
  /** The plan. */
  public readonly plan: Plan;

  /**
   * The waves this migration defines stacks for, in plan order (`all` for a plan in which no VM names
   * a wave): `waveStacksOf` gives each one's stacks.
   */
  public readonly waves: string[];

  /**
   * The VMs whose replication job (SMS) or source server (MGN) this migration defines, in plan order:
   * `jobOf` and `sourceServerOf` give them.
   */
  public readonly definedVms: string[];

  /**
   * The accounts and Regions the deployed waves migrate into, as `<account>/<region>` (`*` for what
   * neither the plan nor `stackProps.env` names), the migration's own first: one provider stack (SMS,
   * `providerStackOf`) or MGN account stack (`mgnAccountStackOf`) each.
   */
  public readonly environments: string[];

  /**
   * The stack of the custom-resource provider that the jobs of every wave stack use (its handler's
   * functions, roles and log groups, the provider framework): each wave stack depends on it, without
   * referencing it, so a wave deploys on its own and the provider is deployed before it. Waves in
   * another account or Region use their own (`providerStackOf`).
   *
   * @default - none, when the migration deploys no wave
   */
  public readonly providerStack?: Stack;

  /**
   * The MGN account stack (`Migration/Mgn`, named `<prefix>-mgn`) of a plan that targets MGN: MGN's
   * service roles, its initialization, the staging area, the account templates and the custom-resource
   * provider every wave stack uses. Each wave stack depends on it without referencing it.
   *
   * @default - none, when the plan targets SMS
   */
  public readonly mgnAccountStack?: Stack;

  /** Where the plan came from: its file, or the name given to a plan built in code. */
  public readonly planSource: string;

  /**
   * Where findings about the plan and its connectors are annotated: the first wave stack (the
   * cloud assembly keeps only the annotations of constructs inside a stack).
   */
  public readonly annotationScope: IConstruct;

  /** The ids of the rules of the organisation rule packs (`rulePacks`), which acknowledgements may name. */
  public readonly organizationRuleIds: string[];

  /**
   * The replication job of each VM this migration defines one for, by VM name (what `IAssessedScope`
   * reads).
   *
   * @internal
   */
  public readonly _jobsByVm: ReadonlyMap<string, ReplicationJob>;

  private readonly waveStacksByWave: ReadonlyMap<string, Stack[]>;
  private readonly providerStacks: ReadonlyMap<string, Stack>;
  private readonly mgnAccountStacks: ReadonlyMap<string, Stack>;
  private readonly sourceServers: ReadonlyMap<string, MgnSourceServer>;
  private readonly props: MigrationProps;
  private readonly rulePacks: IOrganizationRulePack[];
  private readonly codeAcknowledgements: CodeAcknowledgements;
  private readonly scheduled: ReadonlySet<string>;
  private assessment?: PlanAssessment;

  constructor(scope: Construct, id: string, props: MigrationProps) {
    super(scope, id);
    // Up to the nearest Stage (an App is one): a Stage inside a stack, as pipelines define them, is an assembly of its own.
    for (let s: IConstruct | undefined = scope; s && !Stage.isStage(s); s = s.node.scope) {
      if (Stack.isStack(s)) {
        throw new SmsMigrationError('cdk-sms-migration:MigrationInStack',
          `a Migration defines its own stacks, define it in an App or a Stage, not in stack ${s.node.path}`, this);
      }
    }
    this.validateProps(props);
    this.props = props;
    // The organisation packs' defaults lie beneath the plan's: the plan deployed is the plan judged.
    const organization = organizationSetup(props.rulePacks, props.plan.plan, props.plan.source, props.plan._locate, this);
    this.plan = organization.plan;
    this.rulePacks = organization.rulePacks;
    this.organizationRuleIds = organization.ruleIds;
    this.planSource = props.plan.source;
    this.codeAcknowledgements = new CodeAcknowledgements(this, this.organizationRuleIds);

    const stackNamePrefix = props.stackNamePrefix ?? id;
    // A plan that targets MGN is assessed and reported with MGN's rules and deployed through MGN's stacks.
    const mgn = this.plan.target === PlanTarget.MGN;
    const definedStacks = props.stacks ?? MigrationStacks.ALL;
    const layoutOptions = {
      waves: props.waves,
      stackNamePrefix,
      jobsPerStack: props.jobsPerStack ?? DEFAULT_JOBS_PER_STACK,
      shardsPerWave: props.shardsPerWave,
      planSource: this.planSource,
      environment: this.homeEnvironment,
    };
    const layouts = mgn ? [] : layoutWaveStacks(this.plan, layoutOptions, this);
    const { defineMgnStacks, MgnFirewallRules } = mgn ? mgnSide() : { defineMgnStacks: undefined, MgnFirewallRules: undefined };
    const mgnStacks = defineMgnStacks ? defineMgnStacks(this, this.plan, layoutOptions, {
      stackProps: props.stackProps,
      stagingVpc: props.mgnStagingVpc,
      stagingSubnetId: props.mgnStagingSubnetId,
      serviceRoles: props.mgnServiceRoles ?? true,
      serverRemovalPolicy: props.serverRemovalPolicy ?? RemovalPolicy.RETAIN,
      serverRefresh: props.serverRefresh,
      stacks: definedStacks,
      // The commands that install the agent on the deployed waves' agent VMs, for the people who run them.
      installCommands: {
        fileName: `${id}.mgn-install-commands`,
        installationRoleArn: props.mgnInstallationRoleArn,
        endpoint: props.mgnAgentEndpoints?.mgn,
        s3Endpoint: props.mgnAgentEndpoints?.s3,
      },
      cutoverRunbooks: props.mgnCutoverRunbooks ?? false,
    }) : undefined;
    const stacks = mgnStacks?.waveStacks ?? new Map<string, Stack[]>();
    const jobs = new Map<string, ReplicationJob>();
    const scheduled = new Set<string>();
    // One provider for every wave stack of an account and Region, rather than one in each: its five
    // functions, roles, log groups and state machine cost as much synthesis (and CloudFormation
    // validation) as hundreds of jobs. The migration's own environment's comes first.
    const providers = new Map<string, ReplicationJobProvider>();
    const providerStacks = new Map<string, Stack>();
    const homeKey = environmentKey(this.homeEnvironment);
    const providerLayoutOf = (environment: PlanEnvironment) =>
      layoutProviderStack(stackNamePrefix, environmentKey(environment) === homeKey ? undefined : environment);
    const providerFor = (environment: PlanEnvironment): ReplicationJobProvider => {
      const key = environmentKey(environment);
      let provider = providers.get(key);
      if (provider === undefined) {
        const providerLayout = providerLayoutOf(environment);
        const providerStack = new Stack(this, providerLayout.id, {
          ...stackPropsIn(props.stackProps, key === homeKey ? undefined : environment),
          stackName: providerLayout.stackName,
          description: props.stackProps?.description ?? providerLayout.description,
        });
        provider = ReplicationJobProvider.shared(providerStack, providerLayout.functionName);
        if (definedStacks === MigrationStacks.SHARED && props.role !== undefined) {
          // The jobs, defined elsewhere, pass this role to SMS through this provider.
          provider.allowPassRole(props.role);
        }
        providers.set(key, provider);
        providerStacks.set(key, providerStack);
      }
      return provider;
    };
    if (layouts.length > 0 && definedStacks !== MigrationStacks.WAVES) {
      providerFor(this.homeEnvironment);
    }
    for (const layout of layouts) {
      if (definedStacks === MigrationStacks.SHARED) {
        // The provider serves these VMs' jobs, whose stacks are defined elsewhere: assessed as deployed.
        providerFor(layout.environment);
        layout.vms.forEach((vm) => scheduled.add(vm.name));
        continue;
      }
      const home = environmentKey(layout.environment) === homeKey;
      const stack = new Stack(this, layout.id, {
        ...stackPropsIn(props.stackProps, home ? undefined : layout.environment),
        stackName: layout.stackName,
        description: props.stackProps?.description ?? layout.description,
      });
      if (definedStacks === MigrationStacks.WAVES) {
        // The shared stacks are deployed apart (a pipeline's first stage): their providers are called by name.
        useProviderByName(stack, providerLayoutOf(layout.environment).functionName);
      } else {
        providerFor(layout.environment).serve(stack);
      }
      stacks.set(layout.wave, [...(stacks.get(layout.wave) ?? []), stack]);
      for (const vm of layout.vms) {
        scheduled.add(vm.name);
        const jobProps = jobPropsFor(stack, vm, this.plan, props);
        if (jobProps) {
          jobs.set(vm.name, new ReplicationJob(stack, constructId(vm.name), jobProps));
        }
      }
    }
    if (mgnStacks) {
      // The deployed waves' VMs: those whose errors fail synthesis.
      for (const vmName of mgnStacks.waveVms) {
        scheduled.add(vmName);
      }
    }
    this.waveStacksByWave = stacks;
    this.waves = [...stacks.keys()];
    this._jobsByVm = jobs;
    this.providerStack = providerStacks.get(homeKey);
    this.providerStacks = providerStacks;
    this.mgnAccountStack = mgnStacks?.accountStack;
    this.mgnAccountStacks = mgnStacks?.accountStacks ?? new Map();
    this.sourceServers = mgnStacks?.sourceServers ?? new Map();
    this.definedVms = [...jobs.keys(), ...this.sourceServers.keys()];
    this.environments = [...providerStacks.keys(), ...this.mgnAccountStacks.keys()];
    this.scheduled = scheduled;
    this.annotationScope = [...stacks.values()][0]?.[0] ?? this.mgnAccountStack ?? this.providerStack ?? this;

    if (MgnFirewallRules) {
      new MgnFirewallRules(this, 'MgnFirewallRules', { plan: this.plan, fileName: props.firewallRulesFileName ?? `${id}.mgn-firewall-rules` });
    } else if ((this.plan.connectors ?? []).length > 0) {
      new ConnectorFirewallRules(this, 'ConnectorFirewallRules', {
        connectors: this.plan.connectors!,
        fileName: props.firewallRulesFileName ?? `${id}.connector-firewall-rules`,
      });
    }

    const others = MIGRATIONS_OF_APP.get(this.node.root) ?? [];
    MIGRATIONS_OF_APP.set(this.node.root, [...others, this]);

    const reportBase = props.reportFileName ?? `${id}.${mgn ? 'mgn' : 'sms'}-assessment`;
    const formats = props.reportFormats ?? DEFAULT_REPORT_FORMATS;
    SynthesisChecks.attach(this, (outdir) => writeReportFiles(outdir, reportBase, formats,
      [{ file: this.planSource, assessment: this.assess(), locate: props.plan._locate }]));
  }

  /**
   * The stacks of a wave this migration defines (a wave split into shards has several), in order.
   *
   * @param wave the wave's name, one of `waves` (`all` for a plan in which no VM names a wave)
   * @returns none when the migration defines no stack for the wave
   */
  public waveStacksOf(wave: string): Stack[] {
    return [...(this.waveStacksByWave.get(wave) ?? [])];
  }

  /**
   * The replication job of a VM (SMS).
   *
   * @param vmName the VM's name in the plan
   * @returns undefined when the migration defines no job for the VM (a VM of a wave it does not
   * deploy, an unscheduled VM, or a plan that targets MGN)
   */
  public jobOf(vmName: string): ReplicationJob | undefined {
    return this._jobsByVm.get(vmName);
  }

  /**
   * The MGN source server of a VM (MGN).
   *
   * @param vmName the VM's name in the plan
   * @returns undefined when the migration defines no source server for the VM (a VM of a wave it does
   * not deploy, an unscheduled VM, or a plan that targets SMS)
   */
  public sourceServerOf(vmName: string): MgnSourceServer | undefined {
    return this.sourceServers.get(vmName);
  }

  /**
   * The provider stack of an SMS plan for an account and Region.
   *
   * @param environment `<account>/<region>`, one of `environments`
   * @returns undefined when the migration defines no provider stack there (or the plan targets MGN)
   */
  public providerStackOf(environment: string): Stack | undefined {
    return this.providerStacks.get(environment);
  }

  /**
   * The MGN account stack of an MGN plan for an account and Region.
   *
   * @param environment `<account>/<region>`, one of `environments`
   * @returns undefined when the migration defines no account stack there (or the plan targets SMS)
   */
  public mgnAccountStackOf(environment: string): Stack | undefined {
    return this.mgnAccountStacks.get(environment);
  }

  /**
   * Acknowledges a rule's findings for the whole plan, or for the VMs (and connectors) whose names
   * match `options.vms`, with the reason every report keeps. A hard rule's error is refused: it stays
   * an error and the report says why.
   *
   * @param rule the rule id: `SMS-NET1`, or as CDK writes it, `cdk-sms-migration::SMS-NET1`
   */
  public acknowledge(rule: string, reason: string, options: AcknowledgeOptions = {}): void {
    this.codeAcknowledgements.acknowledge(rule, reason, options.vms);
  }

  /**
   * Acknowledges a rule's findings for every VM whose replication job is under `scope` (a wave stack,
   * a job), with the reason every report keeps.
   *
   * @param rule the rule id: `SMS-NET1`, or as CDK writes it, `cdk-sms-migration::SMS-NET1`
   */
  public acknowledgeIn(scope: IConstruct, rule: string, reason: string): void {
    this.codeAcknowledgements.acknowledgeIn(scope, rule, reason);
  }

  /**
   * The assessment of the plan, with every acknowledgement given so far. Made once, at the first
   * call after construction (synthesis calls it); later acknowledgements are not taken into account.
   */
  public assess(): PlanAssessment {
    if (!this.assessment) {
      // Migrations defined earlier in the app for the same account and Region hold jobs too: each of
      // them, at most its largest wave at once (a wave's jobs exist together, the waves one by one).
      // Those of the same plan are parts of this migration (the stages of a pipeline): their waves are
      // this plan's, which SMS-JOB4 counts already.
      const earlier = MIGRATIONS_OF_APP.get(this.node.root) ?? [];
      const jobsBefore = earlier.slice(0, earlier.indexOf(this))
        .filter((other) => other.environmentKey === this.environmentKey && other.plan !== this.plan)
        .reduce((count, other) => count + maxOf(planWaves(other.plan.vms).waves.map((w) => w.vms.length), 0), 0);
      this.assessment = assessPlanWithRulePacks(this.plan, this.rulePacks, {
        unknown: this.props.unknownPolicy ?? UnknownPolicy.WARN,
        ...(this.props.asOf !== undefined ? { now: new Date(dayNumber(this.props.asOf)! * 86_400_000) } : {}),
        jobQuota: this.props.jobQuota,
        jobsBefore,
        environment: this.homeEnvironment,
        acknowledgements: [
          ...this.codeAcknowledgements.resolve(this._jobsByVm),
          ...cdkAcknowledgements(this, this._jobsByVm, this.organizationRuleIds).acknowledgements,
        ],
      });
    }
    return this.assessment;
  }

  /**
   * The account and Region the plan's jobs run in, as far as synthesis knows them: migrations with the
   * same key share SMS's quota of concurrent jobs. Environment-agnostic migrations share one key.
   */
  public get environmentKey(): string {
    return environmentKey(this.homeEnvironment);
  }

  /**
   * The migration's own account and Region, as far as synthesis knows them (`stackProps.env`, tokens
   * left out): where the VMs go that name no account or Region, nor their wave.
   */
  private get homeEnvironment(): PlanEnvironment {
    const env = this.props.stackProps?.env;
    const known = (value: string | undefined): string | undefined => (value === undefined || Token.isUnresolved(value) ? undefined : value);
    return { account: known(env?.account), region: known(env?.region) };
  }

  /** Whether a VM's job is defined here (its wave is deployed by this app). */
  public isDeployed(vmName: string): boolean {
    return this.scheduled.has(vmName);
  }

  private validateProps(props: MigrationProps): void {
    const problems: string[] = [];
    const wholeAtLeast = (name: string, value: number | undefined, min: number, max = Infinity): void => {
      if (value !== undefined && (!Number.isInteger(value) || value < min || value > max)) {
        problems.push(`${name} must be a whole number from ${min}${max === Infinity ? '' : ` to ${max}`}, got ${value}`);
      }
    };
    wholeAtLeast('jobQuota', props.jobQuota, 1);
    wholeAtLeast('jobsPerStack', props.jobsPerStack, 1, 450);
    wholeAtLeast('shardsPerWave', props.shardsPerWave, 1, 100);
    problems.push(...reportPropProblems(props.reportFileName, props.reportFormats));
    if (props.asOf !== undefined && dayNumber(props.asOf) === undefined) {
      problems.push(`asOf must be a day written YYYY-MM-DD, such as 2027-02-13, got ${JSON.stringify(props.asOf)}`);
    }
    if (problems.length > 0) {
      throw new SmsMigrationError('cdk-sms-migration:InvalidMigrationProps', problems.join('; '), this);
    }
  }
}
