import * as path from 'path';
import { Stage } from 'aws-cdk-lib';
import * as codebuild from 'aws-cdk-lib/aws-codebuild';
import * as pipelines from 'aws-cdk-lib/pipelines';
import { Construct } from 'constructs';
import { UnknownPolicy } from '../assessment/types';
import { ErrorCollector, SmsMigrationError } from '../errors';
import { Migration } from '../migration/migration';
import { MigrationStacks } from '../migration/migration-stacks';
import { assessmentStep } from './assessment-step';
import { MigrationPipelineProps } from './migration-pipeline-props';
import { acknowledgePipelineFindings } from './nag-findings';
import { ASSESSMENT_STAGE, PipelineWave, pipelineWaves, SHARED_STAGE } from './pipeline-waves';

/** The id of the `Migration` in each stage when `migrationId` is not given. */
const DEFAULT_MIGRATION_ID = 'Migration';

/** The props that configure a pipeline the construct defines, and are refused with a pipeline of the user's. */
const OWN_PIPELINE_PROPS = [
  'synth', 'synthCommands', 'pipelineName', 'selfMutation', 'publishAssetsInParallel', 'crossAccountKeys', 'enableKeyRotation', 'codeBuildDefaults',
] as const;

/** The stage and the `Migration` of one wave. */
interface WaveStage {
  readonly stage: Stage;
  readonly migration: Migration;
}

/**
 * A CDK Pipelines pipeline that migrates a plan wave after wave.
 *
 * After the source, the synthesis and CDK Pipelines' own stages (`UpdatePipeline`, `Assets`), it has:
 *
 * 1. `Assess`: `cdk-sms assess` on the plan file, a CodeBuild action that writes JUnit (a CodeBuild
 *    test report) and SARIF (with the JUnit, the step's output, `assessmentOutput`); a plan with a
 *    not-ready VM or connector stops the pipeline here (the command's exit status);
 * 2. `Shared`: the stack every wave uses, deployed once: the SMS provider stack (`<prefix>-provider`)
 *    or the MGN account stack (`<prefix>-mgn`);
 * 3. one stage per wave, in the plan's order (`waves[]` first, then the order VMs name them; `all` for a
 *    plan in which no VM names a wave), each deploying that wave's stacks, after a manual approval for
 *    every wave but the first (`approveFirstWave`, `wavesWithoutApproval`).
 *
 * Each stage holds a `Migration` of the plan: the `Shared` stage's defines the shared stack alone
 * (`MigrationStacks.SHARED`), a wave's defines that wave's stacks alone (`MigrationStacks.WAVES`), so
 * that no CloudFormation stack is deployed by two stages. Stack names are those a `Migration` gives
 * with `cdk deploy` (`Migration-wave-1`). Every stage is assessed when the pipeline synthesizes, as a
 * `Migration` is.
 *
 * Define it in the pipeline's stack; the stages are synthesized when it is constructed (CDK
 * Pipelines synthesizes a stage when it is added), so acknowledge findings in the plan file.
 *
 * @example
 * const app = new App();
 * const stack = new Stack(app, 'MigrationPipeline', { env: { account: '123456789012', region: 'eu-west-1' } });
 * new MigrationPipeline(stack, 'Pipeline', {
 *   migration: { plan: MigrationPlan.fromFile('plan.json') },
 *   input: pipelines.CodePipelineSource.connection('org/migration', 'main', { connectionArn }),
 * });
 */
export class MigrationPipeline extends Construct {
  /** The pipeline: add stages or steps of your own to it before synthesis. */
  public readonly pipeline: pipelines.CodePipeline;

  /** The assessment step, the action of the `Assess` stage. */
  public readonly assessmentStep: pipelines.CodeBuildStep;

  /**
   * The assessment's output: `assessment.sarif` and `assessment.junit.xml`, for a step of your own
   * (upload to code scanning, say).
   */
  public readonly assessmentOutput: pipelines.FileSet;

  /** The CodeBuild report group that keeps the assessment's JUnit reports. */
  public readonly assessmentReportGroup: codebuild.IReportGroup;

  /** The `Shared` stage: the stack every wave uses. */
  public readonly sharedStage: Stage;

  /** The `Migration` of the `Shared` stage, which defines the shared stack alone. */
  public readonly sharedMigration: Migration;

  /** The waves the pipeline deploys, in the order of their stages. */
  public readonly waves: string[];

  /** The waves with a manual approval before them. */
  public readonly approvedWaves: string[];

  /** The file the assessment step reads, relative to the root of the source. */
  public readonly planPath: string;

  private readonly waveStages = new Map<string, WaveStage>();

  constructor(scope: Construct, id: string, props: MigrationPipelineProps) {
    super(scope, id);
    const migrationId = props.migrationId ?? DEFAULT_MIGRATION_ID;
    const plan = props.migration.plan;
    const waves = pipelineWaves(plan.plan, props.migration.waves, plan.source, this);
    const approved = this.validate(props, waves);
    const input = props.input ?? primaryInputOf(props.synth ?? props.pipeline?.synth);
    this.planPath = props.planPath ?? planFileOf(props)!;
    this.waves = waves.map((wave) => wave.name);
    this.approvedWaves = this.waves.filter((wave) => approved.has(wave));

    this.pipeline = props.pipeline ?? new pipelines.CodePipeline(this, 'Pipeline', {
      synth: props.synth ?? new pipelines.ShellStep('Synth', {
        input: props.input,
        installCommands: props.installCommands ?? ['npm ci'],
        commands: props.synthCommands ?? ['npx cdk synth'],
      }),
      pipelineName: props.pipelineName,
      selfMutation: props.selfMutation,
      publishAssetsInParallel: props.publishAssetsInParallel,
      // A customer-managed key, rotated, for the artifacts and every CodeBuild project (cdk-nag's
      // AwsSolutions-CB4 and KMS5), which deploying to another account needs anyway.
      crossAccountKeys: props.crossAccountKeys ?? true,
      enableKeyRotation: props.enableKeyRotation ?? props.crossAccountKeys ?? true,
      codeBuildDefaults: props.codeBuildDefaults,
    });

    this.assessmentReportGroup = props.assessmentReportGroup ?? new codebuild.ReportGroup(this, 'AssessmentReports');
    this.assessmentStep = assessmentStep(ASSESSMENT_STAGE, {
      input: input!,
      planPath: this.planPath,
      installCommands: props.installCommands ?? ['npm ci'],
      strict: props.strictAssessment ?? false,
      unknown: props.migration.unknownPolicy ?? UnknownPolicy.WARN,
      asOf: props.migration.asOf,
      deployedWaves: this.waves,
      packFiles: props.assessmentPackFiles ?? [],
      reportGroup: this.assessmentReportGroup,
    });
    this.assessmentOutput = this.assessmentStep.primaryOutput!;
    this.pipeline.addWave(ASSESSMENT_STAGE, { pre: [this.assessmentStep] });
    acknowledgePipelineFindings(this.pipeline, this.assessmentStep, props.pipeline === undefined);

    // The stages under a construct of their own, so that a wave's name never meets the id of another child.
    const stages = new Construct(this, 'Stages');
    this.sharedStage = new Stage(stages, SHARED_STAGE, { env: props.env });
    this.sharedMigration = new Migration(this.sharedStage, migrationId, { ...props.migration, stacks: MigrationStacks.SHARED });
    this.pipeline.addStage(this.sharedStage);

    for (const wave of waves) {
      const stage = new Stage(stages, wave.stageName, { env: props.env });
      const migration = new Migration(stage, migrationId, { ...props.migration, waves: [wave.name], stacks: MigrationStacks.WAVES });
      this.waveStages.set(wave.name, { stage, migration });
      const pre = approved.has(wave.name) ? [new pipelines.ManualApprovalStep('Approve', { comment: this.approvalComment(props, wave) })] : [];
      this.pipeline.addStage(stage, { pre });
    }
  }

  /** The stage that deploys a wave's stacks. */
  public waveStage(wave: string): Stage {
    return this.waveOf(wave).stage;
  }

  /** The `Migration` of a wave's stage, which defines that wave's stacks alone. */
  public waveMigration(wave: string): Migration {
    return this.waveOf(wave).migration;
  }

  private waveOf(wave: string): WaveStage {
    const found = this.waveStages.get(wave);
    if (found === undefined) {
      throw new SmsMigrationError('cdk-sms-migration:UnknownWave',
        `the pipeline deploys no wave "${wave}" (waves: ${this.waves.join(', ')})`, this);
    }
    return found;
  }

  /** What the approver reads: the wave, its size, the plan and the wave's dates. */
  private approvalComment(props: MigrationPipelineProps, wave: PipelineWave): string {
    const listed = props.migration.plan.plan.waves?.find((w) => w.name === wave.name);
    const dates = [
      ...(listed?.replicationStart !== undefined ? [`replication from ${listed.replicationStart}`] : []),
      ...(listed?.cutoverDate !== undefined ? [`cutover ${listed.cutoverDate}`] : []),
    ];
    const vms = `${wave.vms.length} VM${wave.vms.length === 1 ? '' : 's'}`;
    return `Deploy wave ${wave.name} of ${this.planPath} (${[vms, ...dates].join(', ')})`;
  }

  /** Checks the props, every problem at once; returns the waves with an approval before them. */
  private validate(props: MigrationPipelineProps, waves: readonly PipelineWave[]): Set<string> {
    const errors = new ErrorCollector(this);
    const invalid = (message: string): void => errors.add('cdk-sms-migration:InvalidMigrationPipelineProps', message);
    if (waves.length === 0) {
      // Only an empty selection gets here: the plan schema asks for a VM, and a plan that names no wave is one wave.
      invalid(`migration.waves selects no wave of ${props.migration.plan.source}, so the pipeline would deploy nothing`);
    }
    if (props.migration.stacks !== undefined) {
      invalid(`migration.stacks is the pipeline's to set (SHARED in its ${SHARED_STAGE} stage, WAVES in each wave's), `
        + `leave it out, got ${props.migration.stacks}`);
    }
    if (props.pipeline !== undefined) {
      const given = OWN_PIPELINE_PROPS.filter((name) => props[name] !== undefined);
      if (given.length > 0) {
        invalid(`${given.join(', ')} configure${given.length === 1 ? 's' : ''} a pipeline the construct defines, `
          + 'leave them out with pipeline (they are its own)');
      }
    } else if (props.input === undefined && props.synth === undefined) {
      invalid('give input (the source), synth or pipeline: the pipeline needs a source');
    }
    if (props.input === undefined && (props.synth !== undefined || props.pipeline !== undefined)
      && primaryInputOf(props.synth ?? props.pipeline?.synth) === undefined) {
      invalid('give input: the assessment step reads the plan from the source, and the synth step has no primary input to take it from');
    }
    const packFiles = props.assessmentPackFiles ?? [];
    if ((props.migration.rulePacks ?? []).length > 0 && packFiles.length === 0) {
      invalid('give assessmentPackFiles, the files of migration.rulePacks: the assessment step would judge without the '
        + 'organisation\'s rules that the synthesis applies');
    }
    for (const file of packFiles.filter((f) => f.trim() === '' || path.isAbsolute(f))) {
      invalid(`assessmentPackFiles must be paths relative to the root of the source, such as rules/org-pack.js, got ${JSON.stringify(file)}`);
    }
    if (props.planPath !== undefined && (props.planPath.trim() === '' || path.isAbsolute(props.planPath))) {
      invalid(`planPath must be a path relative to the root of the source, such as plans/plan.json, got ${JSON.stringify(props.planPath)}`);
    } else if (props.planPath === undefined && planFileOf(props) === undefined) {
      invalid(props.migration.plan._locate === undefined
        ? `planPath is needed: the plan was built in code (${props.migration.plan.source}), and the assessment step reads a plan file`
        : `planPath is needed: the plan file ${props.migration.plan.source} is outside the working directory ${process.cwd()}, `
          + 'the root of the source as far as synthesis knows it');
    }

    const names = waves.map((wave) => wave.name);
    const skipped = props.wavesWithoutApproval ?? [];
    const unknown = skipped.filter((wave) => !names.includes(wave));
    if (unknown.length > 0) {
      errors.add('cdk-sms-migration:UnknownWave', `wavesWithoutApproval names ${unknown.map((w) => `"${w}"`).join(', ')}, `
        + `which the pipeline does not deploy (waves: ${names.join(', ')})`);
    }
    if (props.approveFirstWave === true && names.length > 0 && skipped.includes(names[0])) {
      invalid(`approveFirstWave asks for an approval before the first wave, ${names[0]}, which wavesWithoutApproval leaves without one: give one of them`);
    }
    errors.throwIfAny();
    return new Set(names.filter((wave, index) => (index > 0 || props.approveFirstWave === true) && !skipped.includes(wave)));
  }
}

/** The primary input (the source) of a synth step that is a `ShellStep`. */
function primaryInputOf(step: pipelines.IFileSetProducer | undefined): pipelines.IFileSetProducer | undefined {
  return step instanceof pipelines.ShellStep ? step.inputs.find((input) => input.directory === '.')?.fileSet : undefined;
}

/**
 * The plan file, relative to the working directory of the synthesis (where `cdk synth` runs, the
 * root of the source), in `/` form; undefined for a plan built in code or a file outside that directory.
 */
function planFileOf(props: MigrationPipelineProps): string | undefined {
  const plan = props.migration.plan;
  if (plan._locate === undefined) {
    return undefined;
  }
  const relative = path.relative(process.cwd(), path.resolve(plan.source));
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) {
    return undefined;
  }
  return relative.split(path.sep).join('/');
}
