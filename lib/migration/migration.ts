import * as fs from 'fs';
import * as path from 'path';
import { Annotations, attachCustomSynthesis, Aspects, IAspect, RemovalPolicy, Stack, StackProps, Token } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Construct, IConstruct } from 'constructs';
import { ConnectorFirewallRules } from '../network/connector-firewall-rules-construct';
import { assessPlan } from '../rules';
import { PlanAssessment, UnknownPolicy } from '../assessment/types';
import { SmsMigrationError } from '../errors';
import { MigrationPlan } from './migration-plan';
import { Plan, PlanAcknowledgement, Vm } from '../plan/model/plan';
import { findRule } from '../rules';
import { Severity } from '../assessment/rule';
import { isReportFormat, REPORT_FILE_EXTENSIONS, renderReport, ReportFormat } from '../report/format';
import { ReplicationJob } from '../sms/replication-job';
import { jobPropsFor } from './plan-job-props';
import {
  assessmentPluginRegistered, cdkAcknowledgementsAbove, cdkAcknowledgementsOn, recordCdkAcknowledgement,
} from '../validation/cdk-acknowledgements';
import { refusedAcknowledgementErrors, synthesisFindings } from '../validation/synthesis-findings';
import { recordSynthesizedMigration } from '../validation/synthesized-migrations';
import { shardCount, shardOf } from './shards';

/** The migrations of each app, in construction order: SMS-JOB4 counts jobs per account and Region. */
const MIGRATIONS_OF_APP = new WeakMap<IConstruct, Migration[]>();

/** The wave of VMs whose plan entry names none: assessed and reported, never deployed. */
const UNSCHEDULED = '';

/** Properties of a `Migration`. */
export interface MigrationProps {
  /** The migration plan: `MigrationPlan.fromFile('plan.json')` or `MigrationPlan.fromPlan({...})`. */
  readonly plan: MigrationPlan;

  /**
   * The waves to define stacks for. VMs of other waves, and VMs the plan schedules in no wave, are
   * assessed and reported but not deployed, and their findings do not fail synthesis.
   *
   * @default - every wave the plan names
   */
  readonly waves?: string[];

  /**
   * Properties for every wave stack, such as the account and Region (`env`). A plan is one account
   * and Region: the SMS quota of concurrent jobs (SMS-JOB4) is counted over it.
   *
   * @default - environment-agnostic stacks
   */
  readonly stackProps?: StackProps;

  /**
   * The start of every wave stack's name: `<prefix>-<wave>`, and `<prefix>-<wave>-<n>` for the shards
   * of a wave that needs several stacks.
   *
   * @default - the construct's id
   */
  readonly stackNamePrefix?: string;

  /**
   * The IAM role SMS uses for every job.
   *
   * @default - SMS's service-linked role
   */
  readonly role?: iam.IRole;

  /**
   * What happens to a job removed from the plan, or when a wave stack is deleted.
   *
   * @default RemovalPolicy.DESTROY
   */
  readonly removalPolicy?: RemovalPolicy;

  /**
   * How a rule that cannot decide for a missing fact is reported: as a warning (the VM's verdict is
   * `unknown`, synthesis goes on), or as an error (synthesis fails).
   *
   * @default UnknownPolicy.WARN
   */
  readonly unknownPolicy?: UnknownPolicy;

  /**
   * The concurrent replication jobs SMS allows in the plan's account and Region (SMS-JOB4); raise it
   * when AWS Support has raised the quota.
   *
   * @default 50
   */
  readonly jobQuota?: number;

  /**
   * The most replication jobs one stack holds, at most 450. CloudFormation allows 500 resources per
   * stack; each job is one, and each stack carries the handler's resources (about 20) besides.
   *
   * @default 400
   */
  readonly jobsPerStack?: number;

  /**
   * How many stacks each wave is split into. A VM's stack follows from its name alone, so adding
   * or removing VMs never moves another VM between stacks while this number stays the same; set it
   * for waves that grow, since the automatic count doubles when a wave outgrows it (moving about
   * half of its VMs, each of which then replicates anew).
   *
   * @default - as few as hold the wave: 1, 2, 4, ... stacks, each filled to three quarters of `jobsPerStack` at most
   */
  readonly shardsPerWave?: number;

  /**
   * The name, without extension, of the assessment reports written into the cloud assembly folder at
   * each synthesis. Each format adds its own extension: `.json`, `.md`, `.html`, `.junit.xml`, `.sarif`.
   *
   * @default - `<construct id>.sms-assessment`
   */
  readonly reportFileName?: string;

  /**
   * The formats of the assessment reports written beside each other into the cloud assembly folder at
   * each synthesis. An empty list writes none.
   *
   * @default - JSON, Markdown and HTML
   */
  readonly reportFormats?: ReportFormat[];

  /**
   * The name (without extension) of the connector firewall rules written beside it, as JSON and CSV,
   * for the network team: every rule each connector of the plan needs (SMS-CON6), and whether the
   * plan's declared rules already allow it.
   *
   * @default - `<construct id>.connector-firewall-rules`
   */
  readonly firewallRulesFileName?: string;
}

/** Options of an acknowledgement given in code. */
export interface AcknowledgeOptions {
  /**
   * Name globs (`*`, `?`) of the VMs (or connectors) it covers.
   *
   * @default - every VM and connector of the plan
   */
  readonly vms?: string[];
}

/**
 * A migration as a CDK app: one stack per wave (several for a large wave), one replication job per VM,
 * and every VM and connector assessed against every SMS rule at synthesis.
 *
 * An unacknowledged error (and, under `UnknownPolicy.ERROR`, an unknown) of a VM that is deployed
 * fails synthesis through the CDK's validation: `app.synth()` throws, `cdk synth` exits non-zero and
 * no cloud assembly is written. Warnings are annotations with the rule id
 * (`cdk-sms-migration:SMS-NET1`), which `cdk synth --strict` fails on and
 * `Annotations.of(scope).acknowledgeWarning()` silences. The assessment report is written into the
 * cloud assembly folder.
 *
 * Define it in an App or a Stage, not in a Stack: it defines the stacks.
 *
 * @example
 * const app = new App();
 * new Migration(app, 'Migration', { plan: MigrationPlan.fromFile('plan.json') });
 */
export class Migration extends Construct {
  /** The plan. */
  public readonly plan: Plan;

  /** The wave stacks, by wave name; a wave split into shards has several. */
  public readonly waveStacks: ReadonlyMap<string, Stack[]>;

  /** The replication jobs, by VM name. */
  public readonly jobs: ReadonlyMap<string, ReplicationJob>;

  /** Where the plan came from: its file, or the name given to a plan built in code. */
  public readonly planSource: string;

  private readonly props: MigrationProps;
  private readonly codeAcknowledgements: PlanAcknowledgement[] = [];
  private readonly scopedAcknowledgements: { scope: IConstruct; rule: string; reason: string }[] = [];
  private readonly scheduled: ReadonlySet<string>;
  private assessment?: PlanAssessment;

  constructor(scope: Construct, id: string, props: MigrationProps) {
    super(scope, id);
    for (let s: IConstruct | undefined = scope; s; s = s.node.scope) {
      if (Stack.isStack(s)) {
        throw new SmsMigrationError('cdk-sms-migration:MigrationInStack',
          `a Migration defines its own stacks, define it in an App or a Stage, not in stack ${s.node.path}`, this);
      }
    }
    this.validateProps(props);
    this.props = props;
    this.plan = props.plan.plan;
    this.planSource = props.plan.source;

    const selected = props.waves ? new Set(props.waves) : undefined;
    const byWave = new Map<string, Vm[]>();
    for (const vm of this.plan.vms) {
      const wave = vm.wave ?? UNSCHEDULED;
      if (wave === UNSCHEDULED || (selected && !selected.has(wave))) {
        continue;
      }
      byWave.set(wave, [...(byWave.get(wave) ?? []), vm]);
    }
    for (const wave of selected ?? []) {
      if (!byWave.has(wave)) {
        throw new SmsMigrationError('cdk-sms-migration:UnknownWave',
          `waves names "${wave}", which no VM of ${props.plan.source} is in (waves: ${[...new Set(this.plan.vms.map((v) => v.wave).filter((w) => w))].join(', ') || 'none'})`, this);
      }
    }

    const stacks = new Map<string, Stack[]>();
    const jobs = new Map<string, ReplicationJob>();
    const scheduled = new Set<string>();
    const capacity = props.jobsPerStack ?? 400;
    // Stack names keep only letters, digits and hyphens: two waves may come out the same, and their
    // stacks would then be deployed as one, each replacing the other's jobs.
    const wavesByStackName = new Map<string, string>();
    for (const [wave, vms] of byWave) {
      const shards = props.shardsPerWave ?? shardCount(vms.length, capacity);
      const waveStacks: Stack[] = [];
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
            + `set shardsPerWave to at least ${Math.ceil(vms.length / capacity) * 2}`, this);
        }
        const suffix = shards > 1 ? `-${index + 1}` : '';
        const name = stackName(`${props.stackNamePrefix ?? id}-${wave}${suffix}`);
        const clash = wavesByStackName.get(name);
        if (clash !== undefined) {
          throw new SmsMigrationError('cdk-sms-migration:StackNameClash',
            `waves "${clash}" and "${wave}" both make the stack name ${name} (stack names keep letters, digits and hyphens), `
            + 'rename one of the waves', this);
        }
        wavesByStackName.set(name, wave);
        const stack = new Stack(this, `${constructId(wave)}${suffix}`, {
          ...props.stackProps,
          stackName: name,
          description: props.stackProps?.description
            ?? `SMS replication jobs of wave ${wave}${shards > 1 ? ` (stack ${index + 1} of ${shards})` : ''}`,
        });
        waveStacks.push(stack);
        for (const vm of members) {
          scheduled.add(vm.name);
          const jobProps = jobPropsFor(stack, vm, this.plan, props);
          if (jobProps) {
            jobs.set(vm.name, new ReplicationJob(stack, constructId(vm.name), jobProps));
          }
        }
      });
      stacks.set(wave, waveStacks);
    }
    this.waveStacks = stacks;
    this.jobs = jobs;
    this.scheduled = scheduled;

    if ((this.plan.connectors ?? []).length > 0) {
      new ConnectorFirewallRules(this, 'ConnectorFirewallRules', {
        connectors: this.plan.connectors!,
        fileName: props.firewallRulesFileName ?? `${id}.connector-firewall-rules`,
      });
    }

    const others = MIGRATIONS_OF_APP.get(this.node.root) ?? [];
    MIGRATIONS_OF_APP.set(this.node.root, [...others, this]);

    Aspects.of(this).add(new AnnotateFindings(this));
    this.node.addValidation({ validate: () => this.synthesisErrors() });
    const reportBase = props.reportFileName ?? `${id}.sms-assessment`;
    const formats = [...new Set(props.reportFormats ?? [ReportFormat.JSON, ReportFormat.MARKDOWN, ReportFormat.HTML])];
    attachCustomSynthesis(this, {
      onSynthesize: (session) => {
        recordSynthesizedMigration(session.outdir, this);
        const sources = [{ file: props.plan.source, assessment: this.assess(), locate: props.plan._locate }];
        for (const format of formats) {
          fs.writeFileSync(path.join(session.outdir, `${reportBase}${REPORT_FILE_EXTENSIONS[format]}`), renderReport(format, sources));
        }
      },
    });
  }

  /**
   * Acknowledges a rule's findings for the whole plan, or for the VMs (and connectors) whose names
   * match `options.vms`, with the reason every report keeps. A hard rule's error is refused: it stays
   * an error and the report says why.
   */
  public acknowledge(rule: string, reason: string, options: AcknowledgeOptions = {}): void {
    this.checkAcknowledgement(rule, reason);
    this.codeAcknowledgements.push({ rule, reason, ...(options.vms ? { vms: options.vms } : {}) });
  }

  /**
   * Acknowledges a rule's findings for every VM whose replication job is under `scope` (a wave stack,
   * a job), with the reason every report keeps.
   */
  public acknowledgeIn(scope: IConstruct, rule: string, reason: string): void {
    this.checkAcknowledgement(rule, reason);
    this.scopedAcknowledgements.push({ scope, rule, reason });
  }

  /**
   * The assessment of the plan, with every acknowledgement given so far. Made once, at the first
   * call after construction (synthesis calls it); later acknowledgements are not taken into account.
   */
  public assess(): PlanAssessment {
    if (!this.assessment) {
      const scoped = this.scopedAcknowledgements.map((ack) => ({
        rule: ack.rule,
        reason: ack.reason,
        vms: [...this.jobs].filter(([, job]) => job.node.path === ack.scope.node.path
          || job.node.path.startsWith(`${ack.scope.node.path}/`)).map(([name]) => escapeGlob(name)),
      }));
      const plan: Plan = {
        ...this.plan,
        acknowledge: [...(this.plan.acknowledge ?? []), ...this.codeAcknowledgements, ...scoped, ...this.cdkAcknowledgements()],
      };
      // Migrations defined earlier in the app for the same account and Region hold jobs too.
      const earlier = MIGRATIONS_OF_APP.get(this.node.root) ?? [];
      const jobsBefore = earlier.slice(0, earlier.indexOf(this))
        .filter((other) => other.environmentKey === this.environmentKey)
        .reduce((count, other) => count + other.plan.vms.length, 0);
      this.assessment = assessPlan(plan, {
        unknown: this.props.unknownPolicy ?? UnknownPolicy.WARN,
        jobQuota: this.props.jobQuota,
        jobsBefore,
      });
    }
    return this.assessment;
  }

  /**
   * The account and Region the plan's jobs run in, as far as synthesis knows them: migrations with the
   * same key share SMS's quota of concurrent jobs. Environment-agnostic migrations share one key.
   */
  public get environmentKey(): string {
    const env = this.props.stackProps?.env;
    const known = (value: string | undefined): string => (value === undefined || Token.isUnresolved(value) ? '*' : value);
    return `${known(env?.account)}/${known(env?.region)}`;
  }

  /** Whether a VM's job is defined here (its wave is deployed by this app). */
  public isDeployed(vmName: string): boolean {
    return this.scheduled.has(vmName);
  }

  private synthesisErrors(): string[] {
    const isDeployed = (vm: string): boolean => this.isDeployed(vm);
    const unknownRules = [...new Set([this, ...this.jobs.values()].flatMap((scope) => cdkAcknowledgementsAbove(scope))
      .filter((ack) => !findRule(ack.rule)).map((ack) => ack.rule))];
    const unknown = unknownRules.map((rule) => `an acknowledgement recorded with Validations.acknowledge() names ${rule}, which is not a rule id: `
      + '`cdk-sms rules` lists them');
    if (!assessmentPluginRegistered(this)) {
      return [...unknown, ...synthesisFindings(this.assess(), isDeployed, this.props.plan.source).errors];
    }
    // The validation plugin reports every finding, after CDK's validation of the tree: failing here
    // would stop synthesis before its report. A hard rule's error that someone tried to acknowledge
    // stays here, since CDK's report would list it as acknowledged.
    return [...unknown, ...refusedAcknowledgementErrors(this.assess(), isDeployed)];
  }

  /**
   * The acknowledgements of this library's rules recorded with CDK's own API
   * (`Validations.of(scope).acknowledge()`): on the migration or above it, for the whole plan; on a
   * wave stack or a job, for the VMs whose jobs are below it.
   */
  private cdkAcknowledgements(): PlanAcknowledgement[] {
    const known = (ack: { rule: string }): boolean => findRule(ack.rule) !== undefined;
    const planWide = cdkAcknowledgementsAbove(this).filter(known).map((ack) => ({ rule: ack.rule, reason: ack.reason }));
    const byRuleAndReason = new Map<string, PlanAcknowledgement & { vms: string[] }>();
    for (const [vmName, job] of this.jobs) {
      const below = job.node.scopes.slice(job.node.scopes.indexOf(this) + 1).flatMap(cdkAcknowledgementsOn).filter(known);
      for (const ack of below) {
        const key = `${ack.rule}\u0000${ack.reason}`;
        const entry = byRuleAndReason.get(key) ?? { rule: ack.rule, reason: ack.reason, vms: [] };
        entry.vms.push(escapeGlob(vmName));
        byRuleAndReason.set(key, entry);
      }
    }
    return [...planWide, ...byRuleAndReason.values()];
  }

  /**
   * Adds the warnings of the assessment as annotations: on each VM's job, or (connectors, the plan)
   * on the first wave stack.
   *
   * Called once, by the aspect at synthesis: a second call would repeat every annotation.
   *
   * @internal
   */
  public _annotate(): void {
    const assessment = this.assess();
    if (assessmentPluginRegistered(this)) {
      // The validation plugin reports the findings. So that CDK's report lists what the plan
      // acknowledges as acknowledged (with the reason) rather than as violations, the plan's
      // acknowledgements are recorded the way CDK records its own.
      for (const vm of assessment.vms) {
        const job = this.jobs.get(vm.name);
        const recorded = new Set<string>();
        for (const finding of vm.findings) {
          if (job && finding.acknowledged && finding.severity !== Severity.INFO && !recorded.has(finding.rule)) {
            recorded.add(finding.rule);
            recordCdkAcknowledgement(job, finding.rule, finding.reason ?? '');
          }
        }
      }
      return;
    }
    const { warnings, notes } = synthesisFindings(assessment, (vm) => this.isDeployed(vm), this.props.plan.source);
    // The cloud assembly keeps only the annotations of constructs inside a stack: one on this construct
    // would be dropped, unseen by `cdk synth` and by `--strict`.
    const fallback: IConstruct = [...this.waveStacks.values()][0]?.[0] ?? this;
    for (const warning of warnings) {
      const target = (warning.vm !== undefined ? this.jobs.get(warning.vm) : undefined) ?? fallback;
      Annotations.of(target).addWarningV2(`cdk-sms-migration:${warning.rule}`, warning.message);
    }
    for (const note of notes) {
      Annotations.of(fallback).addInfo(note);
    }
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
    if (props.reportFileName !== undefined && !/^[^/\\]+$/.test(props.reportFileName)) {
      problems.push(`reportFileName must be a file name without a folder, got "${props.reportFileName}"`);
    }
    for (const format of props.reportFormats ?? []) {
      if (!isReportFormat(format)) {
        problems.push(`reportFormats holds "${format}", which is not a ReportFormat: use ${Object.values(ReportFormat).join(', ')}`);
      }
    }
    if (problems.length > 0) {
      throw new SmsMigrationError('cdk-sms-migration:InvalidMigrationProps', problems.join('; '), this);
    }
  }

  private checkAcknowledgement(rule: string, reason: string): void {
    if (!findRule(rule)) {
      throw new SmsMigrationError('cdk-sms-migration:UnknownRule', `${rule} is not a rule id: \`cdk-sms rules\` lists them`, this);
    }
    if (String(reason ?? '').trim() === '') {
      throw new SmsMigrationError('cdk-sms-migration:AcknowledgementWithoutReason',
        `acknowledging ${rule} needs a reason, which every report keeps`, this);
    }
  }
}

/** Adds the assessment's annotations once, when aspects run at synthesis. */
class AnnotateFindings implements IAspect {
  private done = false;

  constructor(private readonly migration: Migration) {}

  public visit(node: IConstruct): void {
    if (node === this.migration && !this.done) {
      this.done = true;
      this.migration._annotate();
    }
  }
}

/** A construct id from a VM or wave name: `/` is the one character construct ids cannot hold. */
function constructId(name: string): string {
  return name.replace(/\//g, '_');
}

/** A CloudFormation stack name: letters, digits and hyphens, starting with a letter, at most 128. */
function stackName(text: string): string {
  const cleaned = text.replace(/[^A-Za-z0-9-]+/g, '-').replace(/-+/g, '-').replace(/^[^A-Za-z]+/, '').replace(/-$/, '');
  return (cleaned || 'Migration').slice(0, 128);
}

/** A VM name as a glob that matches only itself. */
function escapeGlob(name: string): string {
  // The engine's globs know only * and ?: a name holding them is matched by a ? in their place.
  return name.replace(/[*?]/g, '?');
}

