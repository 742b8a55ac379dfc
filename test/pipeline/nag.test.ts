/**
 * What the library acknowledges of cdk-nag's AwsSolutions findings in a pipeline it does not define
 * wholly: the assessment's project alone in a pipeline of the user's, and nothing a prop avoids.
 * (test/nag/aws-solutions.test.ts checks the pipeline the construct defines.)
 */
import { App, Stack } from 'aws-cdk-lib';
import * as pipelines from 'aws-cdk-lib/pipelines';
import { AwsSolutionsChecks } from 'cdk-nag';
import { MigrationPlan } from '../../lib/migration/migration-plan';
import { MigrationPipeline } from '../../lib/pipeline/migration-pipeline';
import { ENV, newApp, pipelineStack, SMS_EXAMPLE, source } from './pipeline-shape';

/** The rules the pack finds unacknowledged under `stack`, by the path of the resource. */
function findings(stack: Stack): { rule: string; path: string }[] {
  (stack.node.root as App).synth();
  return new AwsSolutionsChecks().validateScope(stack).violations
    .flatMap((v) => v.violatingResources.map((r) => ({ rule: v.ruleName, path: r.constructPath ?? '' })));
}

describe('cdk-nag in a MigrationPipeline', () => {
  test('in a pipeline of the user\'s, the assessment\'s project is acknowledged, and nothing of the user\'s', () => {
    // GIVEN the user's pipeline, whose artifacts have no key of their own
    const stack = new Stack(newApp(), 'Own', { env: ENV });
    const own = new pipelines.CodePipeline(stack, 'Pipeline', {
      selfMutation: false,
      synth: new pipelines.ShellStep('Synth', { input: source(), commands: ['npm ci', 'npx cdk synth'] }),
    });

    // WHEN
    new MigrationPipeline(stack, 'Migration', { migration: { plan: MigrationPlan.fromFile(SMS_EXAMPLE) }, pipeline: own });

    // THEN the assessment's role has nothing left but what a key would avoid; the user's synth role keeps its findings
    const found = findings(stack);
    expect(found.filter((f) => f.path.includes('/Assess/')).map((f) => f.rule)).toEqual(['AwsSolutions-CB4']);
    expect(found.some((f) => f.path.includes('/Synth/') && f.rule.startsWith('AwsSolutions-IAM5'))).toBe(true);
  });

  test('leaves AwsSolutions-CB4 to the user who turns crossAccountKeys off, and acknowledges no key findings then', () => {
    // GIVEN / WHEN
    const { stack } = pipelineStack({ migration: { plan: MigrationPlan.fromFile(SMS_EXAMPLE) }, crossAccountKeys: false });

    // THEN every CodeBuild project is flagged for its key, and nothing else is
    const found = findings(stack);
    expect(new Set(found.map((f) => f.rule))).toEqual(new Set(['AwsSolutions-CB4']));
    expect(found.length).toBeGreaterThanOrEqual(2);
  });
});
