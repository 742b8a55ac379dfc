import { ArnFormat, AspectPriority, Aspects, Stack } from 'aws-cdk-lib';
import * as codebuild from 'aws-cdk-lib/aws-codebuild';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as pipelines from 'aws-cdk-lib/pipelines';
import { IConstruct } from 'constructs';
import { acknowledgeNagFindings, NagAcknowledgement, resourceFinding } from '../private/nag-acknowledgements';

/**
 * The cdk-nag AwsSolutions findings that CDK Pipelines forces on a pipeline, acknowledged finding by
 * finding on the role or bucket concerned (README, "cdk-nag"). Everything here is CDK Pipelines' or
 * aws-cdk-lib's own grant; what a prop can avoid is not acknowledged (a CodeBuild project without a
 * KMS key, AwsSolutions-CB4, under `crossAccountKeys: false`).
 */

/** Why each kind of finding is there. Plain ASCII, as cdk-nag 2 needs. */
const REASONS = {
  ARTIFACTS: 'CDK Pipelines grants its roles read or read and write on the objects of the artifact bucket, whose keys each pipeline '
    + 'execution generates',
  ARTIFACT_KEY: 'CDK Pipelines grants its roles the use of the artifact bucket key; kms:ReEncrypt* and kms:GenerateDataKey* are the '
    + 'action groups the aws-cdk-lib key grants name',
  PROJECT_LOGS: 'aws-cdk-lib grants each CodeBuild project the streams of its own log group and the report groups named after it, '
    + 'which CodeBuild creates at build time',
  ASSET_ROLE: 'CDK Pipelines shares one role among its asset publishing projects, made before their names are known: it may write '
    + 'any CodeBuild log and report and start their builds',
  SELF_MUTATION_ROLES: 'CDK Pipelines self-mutation assumes the CDK bootstrap roles, chosen by their aws-cdk:bootstrap-role tag',
  SELF_MUTATION_READS: 'CDK Pipelines self-mutation calls cloudformation:DescribeStacks and s3:ListBucket, which it needs on any stack and bucket as cdk deploy does',
  ARTIFACT_BUCKET_LOGS: 'CDK Pipelines defines its artifact bucket without server access logs and offers no setting for them; the bucket '
    + 'is encrypted, refuses plain HTTP and serves the pipeline roles only',
} as const;

/** The wildcard actions of the artifact bucket's grants (read, or read and write) and of its key's. */
const ARTIFACT_ACTIONS = ['s3:GetObject*', 's3:GetBucket*', 's3:List*', 's3:DeleteObject*', 's3:Abort*'];
const ARTIFACT_KEY_ACTIONS = ['kms:ReEncrypt*', 'kms:GenerateDataKey*'];

/** The actions the default policy of a role allows. */
function policyActions(role: iam.Role): Set<string> {
  const policy = role.node.tryFindChild('DefaultPolicy');
  const document = policy instanceof iam.Policy ? policy.document.toJSON() as { Statement?: { Action?: string | string[] }[] } : {};
  return new Set((document.Statement ?? []).flatMap((statement) => [statement.Action ?? []].flat()));
}

/** The acknowledgements of the grants of the artifact bucket and its key that a role holds. */
function artifactAcknowledgements(role: iam.Role, bucketObjects: string): NagAcknowledgement[] {
  const actions = policyActions(role);
  const artifacts = ARTIFACT_ACTIONS.filter((action) => actions.has(action)).map((action) => `Action::${action}`);
  const keys = ARTIFACT_KEY_ACTIONS.filter((action) => actions.has(action)).map((action) => `Action::${action}`);
  return [
    ...(artifacts.length > 0 ? [{ id: 'AwsSolutions-IAM5', appliesTo: [...artifacts, bucketObjects], reason: REASONS.ARTIFACTS }] : []),
    ...(keys.length > 0 ? [{ id: 'AwsSolutions-IAM5', appliesTo: keys, reason: REASONS.ARTIFACT_KEY }] : []),
  ];
}

/** The findings of a CodeBuild project's role for its own logs and report groups. */
function projectLogFindings(project: codebuild.IProject): string[] {
  const stack = Stack.of(project);
  const arn = (service: string, resource: string, resourceName: string, arnFormat: ArnFormat): string =>
    resourceFinding(stack.formatArn({ service, resource, resourceName, arnFormat }), project);
  return [
    arn('logs', 'log-group', `/aws/codebuild/${project.projectName}:*`, ArnFormat.COLON_RESOURCE_NAME),
    arn('codebuild', 'report-group', `${project.projectName}-*`, ArnFormat.SLASH_RESOURCE_NAME),
  ];
}

/**
 * Acknowledges, once CDK Pipelines has built the pipeline (at synthesis), what it forces: on the whole
 * pipeline when `ownPipeline`, else on the assessment step's project alone (the rest is the user's).
 */
export function acknowledgePipelineFindings(pipeline: pipelines.CodePipeline, assessment: pipelines.CodeBuildStep, ownPipeline: boolean): void {
  let done = false;
  // After CDK Pipelines' own aspect (MUTATING), which builds the pipeline, and before cdk-nag's (DEFAULT).
  Aspects.of(pipeline).add({
    visit: (node: IConstruct) => {
      if (node === pipeline && !done) {
        done = true;
        acknowledgeBuilt(pipeline, assessment, ownPipeline);
      }
    },
  }, { priority: (AspectPriority.MUTATING + AspectPriority.DEFAULT) / 2 });
}

function acknowledgeBuilt(pipeline: pipelines.CodePipeline, assessment: pipelines.CodeBuildStep, ownPipeline: boolean): void {
  const bucket = pipeline.pipeline.artifactBucket;
  const bucketObjects = resourceFinding(`${bucket.bucketArn}/*`, pipeline);
  const projectRole = (project: codebuild.IProject): void => {
    acknowledgeNagFindings(project.role!, [{ id: 'AwsSolutions-IAM5', appliesTo: projectLogFindings(project), reason: REASONS.PROJECT_LOGS }]);
  };

  projectRole(assessment.project);
  if (!ownPipeline) {
    acknowledgeNagFindings(assessment.project.role!, artifactAcknowledgements(assessment.project.role as iam.Role, bucketObjects));
    return;
  }
  // Every role CDK Pipelines made: the pipeline's, its actions' (a source connection's), its projects'.
  for (const role of pipeline.node.findAll().filter((node): node is iam.Role => node instanceof iam.Role)) {
    const acks = artifactAcknowledgements(role, bucketObjects);
    if (acks.length > 0) {
      acknowledgeNagFindings(role, acks);
    }
  }
  projectRole(pipeline.synthProject);
  if (pipeline.selfMutationEnabled) {
    const project = pipeline.selfMutationProject;
    projectRole(project);
    const stack = Stack.of(pipeline);
    acknowledgeNagFindings(project.role!, [
      { id: 'AwsSolutions-IAM5', appliesTo: [resourceFinding(`arn:*:iam::${stack.account}:role/*`, pipeline)], reason: REASONS.SELF_MUTATION_ROLES },
      { id: 'AwsSolutions-IAM5', appliesTo: ['Resource::*'], reason: REASONS.SELF_MUTATION_READS },
    ]);
  }
  // The role CDK Pipelines makes for its file asset projects (none when the app has no file asset).
  const assetRole = pipeline.node.tryFindChild('Assets')?.node.tryFindChild('FileRole');
  if (assetRole !== undefined) {
    const stack = Stack.of(pipeline);
    const any = (service: string, resource: string, resourceName: string, arnFormat: ArnFormat): string =>
      resourceFinding(stack.formatArn({ service, resource, resourceName, arnFormat }), pipeline);
    acknowledgeNagFindings(assetRole, [{
      id: 'AwsSolutions-IAM5',
      appliesTo: [
        'Resource::*',
        any('logs', 'log-group', '/aws/codebuild/*', ArnFormat.COLON_RESOURCE_NAME),
        any('codebuild', 'report-group', '*', ArnFormat.SLASH_RESOURCE_NAME),
      ],
      reason: REASONS.ASSET_ROLE,
    }]);
  }
  acknowledgeNagFindings(bucket, [{ id: 'AwsSolutions-S1', reason: REASONS.ARTIFACT_BUCKET_LOGS }]);
}
