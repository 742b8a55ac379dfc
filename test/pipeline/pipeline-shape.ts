/**
 * Helpers of the pipeline tests: a pipeline stack on a temporary assembly folder, and what its
 * template says about the CodePipeline (stages and actions in order) and the assessment's build spec.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as pipelines from 'aws-cdk-lib/pipelines';
import { MigrationPipeline } from '../../lib/pipeline/migration-pipeline';
import { MigrationPipelineProps } from '../../lib/pipeline/migration-pipeline-props';

export const ROOT = path.join(__dirname, '..', '..');
export const SMS_EXAMPLE = path.join(ROOT, 'examples', 'plan.json');
export const MGN_EXAMPLE = path.join(ROOT, 'examples', 'plan-mgn.json');
export const ENV = { account: '123456789012', region: 'eu-west-1' };

const outdirs: string[] = [];

/** A new app on a temporary assembly folder, removed after the test file. */
export function newApp(): App {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cdk-sms-pipeline-'));
  outdirs.push(dir);
  return new App({ outdir: dir });
}

afterAll(() => {
  for (const dir of outdirs) {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

/** The source every test pipeline reads. */
export function source(): pipelines.CodePipelineSource {
  return pipelines.CodePipelineSource.connection('org/migration', 'main', {
    connectionArn: 'arn:aws:codestar-connections:eu-west-1:123456789012:connection/0a1b2c3d',
  });
}

/**
 * A `MigrationPipeline` in a stack of its own, with the settings that keep tests fast: no
 * self-mutation, one asset publishing action per asset type.
 */
export function pipelineStack(props: Omit<MigrationPipelineProps, 'input'> & Partial<Pick<MigrationPipelineProps, 'input'>>,
  app: App = newApp()): { stack: Stack; pipeline: MigrationPipeline } {
  const stack = new Stack(app, 'PipelineStack', { env: ENV });
  const pipeline = new MigrationPipeline(stack, 'MigrationPipeline', {
    ...(props.pipeline === undefined && props.synth === undefined ? { input: source(), selfMutation: false, publishAssetsInParallel: false } : {}),
    ...props,
  });
  return { stack, pipeline };
}

/** One action of the pipeline, as its template says. */
export interface ActionShape {
  readonly name: string;
  readonly runOrder: number;
  readonly category: string;
  readonly stackName?: string;
  readonly comment?: string;
  readonly projectRef?: string;
  readonly outputs: string[];
}

/** One stage of the pipeline. */
export interface StageShape {
  readonly name: string;
  readonly actions: ActionShape[];
}

interface CfnAction {
  Name: string;
  RunOrder: number;
  ActionTypeId: { Category: string };
  Configuration?: { StackName?: string; CustomData?: string; ProjectName?: { Ref?: string } };
  OutputArtifacts?: { Name: string }[];
}

/** The stages of the stack's CodePipeline, in order, with their actions in run order. */
export function stagesOf(template: Template): StageShape[] {
  const pipelines = Object.values(template.findResources('AWS::CodePipeline::Pipeline'));
  expect(pipelines).toHaveLength(1);
  const stages = pipelines[0].Properties.Stages as { Name: string; Actions: CfnAction[] }[];
  return stages.map((stage) => ({
    name: stage.Name,
    actions: [...stage.Actions].sort((a, b) => a.RunOrder - b.RunOrder).map((action) => ({
      name: action.Name,
      runOrder: action.RunOrder,
      category: action.ActionTypeId.Category,
      ...(action.Configuration?.StackName !== undefined ? { stackName: action.Configuration.StackName } : {}),
      ...(action.Configuration?.CustomData !== undefined ? { comment: action.Configuration.CustomData } : {}),
      ...(action.Configuration?.ProjectName?.Ref !== undefined ? { projectRef: action.Configuration.ProjectName.Ref } : {}),
      outputs: (action.OutputArtifacts ?? []).map((o) => o.Name),
    })),
  }));
}

/** `stage: action, action` lines, for an order at a glance. */
export function outline(stages: readonly StageShape[]): string[] {
  return stages.map((s) => `${s.name}: ${s.actions.map((a) => (a.stackName !== undefined ? `${a.name} ${a.stackName}` : a.name)).join(', ')}`);
}

/** The stack names each stage deploys, by stage. */
export function stacksByStage(stages: readonly StageShape[]): Record<string, string[]> {
  return Object.fromEntries(stages.map((s) => [s.name, [...new Set(s.actions.flatMap((a) => (a.stackName !== undefined ? [a.stackName] : [])))]]));
}

/**
 * The build spec of a CodeBuild project, parsed, with each CloudFormation reference written
 * `GETATT:<logical id>.<attribute>` or `REF:<logical id>`.
 */
export function buildSpecOf(template: Template, logicalId: string): Record<string, unknown> {
  const spec = template.toJSON().Resources[logicalId].Properties.Source.BuildSpec as unknown;
  const text = typeof spec === 'string' ? spec : ((spec as { 'Fn::Join': [string, unknown[]] })['Fn::Join'][1]).map((part) => {
    if (typeof part === 'string') {
      return part;
    }
    const ref = part as { 'Fn::GetAtt'?: [string, string]; 'Ref'?: string };
    return ref['Fn::GetAtt'] !== undefined ? `GETATT:${ref['Fn::GetAtt'].join('.')}` : `REF:${ref.Ref}`;
  }).join('');
  return JSON.parse(text) as Record<string, unknown>;
}
