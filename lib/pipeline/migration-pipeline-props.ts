import { Environment } from 'aws-cdk-lib';
import * as codebuild from 'aws-cdk-lib/aws-codebuild';
import * as pipelines from 'aws-cdk-lib/pipelines';
import { MigrationProps } from '../migration/migration-props';

/** Properties of a `MigrationPipeline`. */
export interface MigrationPipelineProps {
  /**
   * The migration the pipeline deploys: the props of the `Migration` each of its stages holds. `waves`
   * chooses the waves that get a stage (all of them by default), in the plan's order whatever the
   * order given; `stacks` is the pipeline's to set, leave it out.
   *
   * Give acknowledgements in the plan file: the assessment step reads the plan alone, so an
   * acknowledgement given in code would pass synthesis and still stop the pipeline.
   */
  readonly migration: MigrationProps;

  /**
   * The construct id of the `Migration` in each stage, the start of its stack names (unless
   * `migration.stackNamePrefix` says otherwise) and of its report files: keep the id of the app that
   * deployed the plan before, and the pipeline deploys the same stacks.
   *
   * @default 'Migration'
   */
  readonly migrationId?: string;

  /**
   * The source of the pipeline: the repository that holds the app and the plan, such as
   * `pipelines.CodePipelineSource.connection('org/repo', 'main', { connectionArn })`. The synthesis
   * (unless `synth` is given) and the assessment run on it.
   *
   * @default - the primary input of `synth` (or of the `pipeline`'s synth step); one of `input`, `synth`
   * and `pipeline` is needed
   */
  readonly input?: pipelines.IFileSetProducer;

  /**
   * The step that synthesizes the app, as `pipelines.CodePipelineProps.synth`; its output is the cloud
   * assembly.
   *
   * @default - a `ShellStep` named `Synth` on `input` that runs `installCommands`, then `synthCommands`
   */
  readonly synth?: pipelines.IFileSetProducer;

  /**
   * A pipeline of your own to add the assessment and the waves to, after the stages it has already.
   * The props that configure a pipeline (`synth`, `synthCommands`, `pipelineName`, `selfMutation`,
   * `publishAssetsInParallel`, `crossAccountKeys`, `enableKeyRotation`, `codeBuildDefaults`) are then
   * its own: leave them out.
   *
   * @default - a `pipelines.CodePipeline` is defined
   */
  readonly pipeline?: pipelines.CodePipeline;

  /**
   * The commands that install the project's packages, among them this library and its `cdk-sms`
   * command: the install phase of the default synth step and of the assessment step.
   *
   * @default ['npm ci']
   */
  readonly installCommands?: string[];

  /**
   * The commands of the default synth step, after `installCommands`; the cloud assembly must end up in `cdk.out`.
   *
   * @default ['npx cdk synth']
   */
  readonly synthCommands?: string[];

  /**
   * The name of the CodePipeline pipeline.
   *
   * @default - a name CloudFormation generates
   */
  readonly pipelineName?: string;

  /**
   * Whether the pipeline updates itself (the `UpdatePipeline` stage) before it deploys.
   *
   * @default true
   */
  readonly selfMutation?: boolean;

  /**
   * Whether assets are published by one CodeBuild action each, in parallel, rather than by one action per asset type.
   *
   * @default true
   */
  readonly publishAssetsInParallel?: boolean;

  /**
   * Whether the pipeline's artifacts and CodeBuild projects are encrypted with a customer-managed KMS
   * key, as deploying to other accounts needs (and cdk-nag's AwsSolutions pack asks). Without it they
   * are encrypted with S3's AWS managed key, and AwsSolutions-CB4 flags every CodeBuild project.
   *
   * @default true
   */
  readonly crossAccountKeys?: boolean;

  /**
   * Whether that KMS key is rotated every year.
   *
   * @default - the value of `crossAccountKeys`
   */
  readonly enableKeyRotation?: boolean;

  /**
   * The CodeBuild settings of every CodeBuild action of the pipeline (build image, compute, VPC,
   * policy statements), the assessment's included.
   *
   * @default - CDK Pipelines' defaults
   */
  readonly codeBuildDefaults?: pipelines.CodeBuildOptions;

  /**
   * The account and Region of the stages, for the stacks of `migration.stackProps` that name none.
   *
   * @default - the stacks' own `env`, else the pipeline's account and Region
   */
  readonly env?: Environment;

  /**
   * The plan file the assessment step reads, relative to the root of the source.
   *
   * @default - the file `migration.plan` was read from, relative to the working directory of the
   * synthesis (the root of the source, where `cdk synth` runs); needed for a plan built in code
   */
  readonly planPath?: string;

  /**
   * Whether the assessment stops the pipeline on warnings too (`cdk-sms assess --strict`), unknowns
   * reported as warnings included.
   *
   * @default false
   */
  readonly strictAssessment?: boolean;

  /**
   * The organisation rule pack files the assessment step loads (`cdk-sms assess --pack`), relative to the
   * root of the source, in order: the files whose packs `migration.rulePacks` holds, so that the step judges
   * as the synthesis does. Required when `migration.rulePacks` is given.
   *
   * @default - none
   */
  readonly assessmentPackFiles?: string[];

  /**
   * The CodeBuild report group that keeps the assessment's JUnit report.
   *
   * @default - a report group is defined, its reports kept when it is deleted
   */
  readonly assessmentReportGroup?: codebuild.IReportGroup;

  /**
   * Whether a manual approval comes before the first wave too.
   *
   * @default false
   */
  readonly approveFirstWave?: boolean;

  /**
   * The waves that deploy without a manual approval before them. Every wave after the first has one otherwise.
   *
   * @default - none: every wave after the first waits for an approval
   */
  readonly wavesWithoutApproval?: string[];
}
