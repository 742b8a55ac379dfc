import * as codebuild from 'aws-cdk-lib/aws-codebuild';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as pipelines from 'aws-cdk-lib/pipelines';
import { UnknownPolicy } from '../assessment/types';

/** The folder the assessment step writes its reports into, and the step's output. */
export const ASSESSMENT_DIR = 'cdk-sms-assessment';

/** The JUnit report, in `ASSESSMENT_DIR`: the CodeBuild test report. */
export const JUNIT_FILE = 'assessment.junit.xml';

/** The SARIF report, in `ASSESSMENT_DIR`. */
export const SARIF_FILE = 'assessment.sarif';

/** The exit status of `cdk-sms assess` when a VM or connector is not ready: the plan was read. */
const NOT_READY_STATUS = 1;

/** What the assessment step runs. */
export interface AssessmentStepOptions {
  /** The source it reads the plan from. */
  readonly input: pipelines.IFileSetProducer;
  /** The plan file, relative to the source's root. */
  readonly planPath: string;
  /** What installs the package that brings `cdk-sms`. */
  readonly installCommands: readonly string[];
  /** `--strict`. */
  readonly strict: boolean;
  /** `--unknown`. */
  readonly unknown: UnknownPolicy;
  /** `--as-of`. @default - the day the step runs */
  readonly asOf?: string;
  /** `--deployed`: the waves the pipeline deploys, whose VMs alone decide the step's exit status. */
  readonly deployedWaves: readonly string[];
  /** `--pack`: the organisation rule pack files, in order. */
  readonly packFiles: readonly string[];
  /** Where CodeBuild keeps the JUnit report. */
  readonly reportGroup: codebuild.IReportGroup;
}

/**
 * The commands of the assessment: the SARIF report, then the JUnit report, whose exit status is the
 * step's. The first command goes on when the plan has a not-ready VM (status 1, the second will fail
 * the same way after writing its report) and stops the step when the plan cannot be read (status 2).
 */
export function assessmentCommands(options: Pick<AssessmentStepOptions, 'planPath' | 'strict' | 'unknown' | 'asOf' | 'deployedWaves' | 'packFiles'>): string[] {
  const flags = [
    // As synthesis: only the VMs of the waves deployed fail the step; unscheduled ones are reported.
    '--deployed', shellWord(options.deployedWaves.join(',')),
    ...(options.strict ? ['--strict'] : []),
    ...(options.unknown === UnknownPolicy.ERROR ? ['--unknown', 'error'] : []),
    ...(options.asOf !== undefined ? ['--as-of', shellWord(options.asOf)] : []),
    ...options.packFiles.flatMap((file) => ['--pack', shellWord(file)]),
  ];
  const assess = (format: string, file: string): string =>
    ['npx', 'cdk-sms', 'assess', shellWord(options.planPath), '--format', format, '--output', `${ASSESSMENT_DIR}/${file}`, ...flags].join(' ');
  return [
    `mkdir -p ${ASSESSMENT_DIR}`,
    `${assess('sarif', SARIF_FILE)} || [ $? -eq ${NOT_READY_STATUS} ]`,
    assess('junit', JUNIT_FILE),
  ];
}

/**
 * The pipeline's first step: `cdk-sms assess` on the plan, a CodeBuild step whose exit status stops
 * the pipeline when a VM or connector is not ready; the JUnit report is a CodeBuild test report, and
 * both reports are the step's output.
 */
export function assessmentStep(id: string, options: AssessmentStepOptions): pipelines.CodeBuildStep {
  return new pipelines.CodeBuildStep(id, {
    input: options.input,
    installCommands: [...options.installCommands],
    commands: assessmentCommands(options),
    primaryOutputDirectory: ASSESSMENT_DIR,
    partialBuildSpec: codebuild.BuildSpec.fromObject({
      reports: {
        [options.reportGroup.reportGroupArn]: {
          'files': [JUNIT_FILE],
          'base-directory': ASSESSMENT_DIR,
          'file-format': 'JUNITXML',
        },
      },
    }),
    rolePolicyStatements: [new iam.PolicyStatement({
      actions: ['codebuild:CreateReport', 'codebuild:UpdateReport', 'codebuild:BatchPutTestCases'],
      resources: [options.reportGroup.reportGroupArn],
    })],
  });
}

/** A word for a POSIX shell: as it is when it needs no quoting, else in single quotes. */
export function shellWord(text: string): string {
  return /^[A-Za-z0-9_./:=@%+,-]+$/.test(text) ? text : `'${text.replace(/'/g, '\'\\\'\'')}'`;
}
