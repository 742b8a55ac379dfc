import { Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as pipelines from 'aws-cdk-lib/pipelines';
import { UnknownPolicy } from '../../lib/assessment/types';
import { MigrationPlan } from '../../lib/migration/migration-plan';
import { MigrationPipeline } from '../../lib/pipeline/migration-pipeline';
import { Plan } from '../../lib/plan/model/plan';
import { useMgnBundle } from '../mgn/constructs/bundle';
import { planOf, readyLinuxVm } from '../helpers/fixtures';
import { buildSpecOf, ENV, MGN_EXAMPLE, newApp, outline, pipelineStack, SMS_EXAMPLE, source, stacksByStage, stagesOf } from './pipeline-shape';

useMgnBundle();

function waveVm(name: string, wave?: string): object {
  const vm = readyLinuxVm(name);
  if (wave === undefined) {
    delete vm.wave;
  } else {
    vm.wave = wave;
  }
  vm.source = { vmPath: `/DC1/vm/${name}`, vmId: `vm-${name}` };
  return vm;
}

const planInCode = (vms: object[], extra: object = {}): MigrationPlan => MigrationPlan.fromPlan(planOf(vms, extra) as Plan, 'plans/plan.json');

describe('MigrationPipeline on the SMS example', () => {
  const { stack, pipeline } = pipelineStack({ migration: { plan: MigrationPlan.fromFile(SMS_EXAMPLE) } });
  const template = Template.fromStack(stack);
  const stages = stagesOf(template);

  test('assesses first, then deploys the shared provider stack, then each wave in plan order, approving every wave after the first', () => {
    // THEN
    expect(outline(stages)).toEqual([
      'Source: org_migration',
      'Build: Synth',
      'Assess: Assess',
      'Assets: FileAssets',
      'Shared: Prepare Migration-provider, Deploy Migration-provider',
      'wave-1: Prepare Migration-wave-1, Deploy Migration-wave-1',
      'wave-2: Approve, Migration-wave-2.Prepare Migration-wave-2, Migration-wave-2.Deploy Migration-wave-2',
    ]);
    expect(pipeline.waves).toEqual(['wave-1', 'wave-2']);
    expect(pipeline.approvedWaves).toEqual(['wave-2']);
  });

  test('deploys no CloudFormation stack from two stages', () => {
    // THEN each stack name belongs to one stage
    const byStage = stacksByStage(stages);
    const names = Object.values(byStage).flat();
    expect(new Set(names).size).toBe(names.length);
    expect(byStage).toEqual(expect.objectContaining({ 'Shared': ['Migration-provider'], 'wave-1': ['Migration-wave-1'], 'wave-2': ['Migration-wave-2'] }));
  });

  test('runs cdk-sms assess on the plan file, JUnit as a CodeBuild test report and SARIF with it as the step\'s output', () => {
    // GIVEN the Assess action and its project
    const assess = stages.find((s) => s.name === 'Assess')!.actions[0];
    const reportGroups = Object.keys(template.findResources('AWS::CodeBuild::ReportGroup'));
    expect(reportGroups).toHaveLength(1);

    // THEN its commands write SARIF then JUnit, and the JUnit command's exit status is the step's
    const spec = buildSpecOf(template, assess.projectRef!);
    expect(spec.phases).toEqual({
      install: { commands: ['npm ci'] },
      build: {
        commands: [
          'mkdir -p cdk-sms-assessment',
          'npx cdk-sms assess examples/plan.json --format sarif --output cdk-sms-assessment/assessment.sarif --deployed wave-1,wave-2 || [ $? -eq 1 ]',
          'npx cdk-sms assess examples/plan.json --format junit --output cdk-sms-assessment/assessment.junit.xml --deployed wave-1,wave-2',
        ],
      },
    });
    // AND the JUnit file is a test report of the report group, which the project may write to
    expect(spec.reports).toEqual({
      [`GETATT:${reportGroups[0]}.Arn`]: { 'files': ['assessment.junit.xml'], 'base-directory': 'cdk-sms-assessment', 'file-format': 'JUNITXML' },
    });
    template.hasResourceProperties('AWS::CodeBuild::ReportGroup', { Type: 'TEST' });
    template.hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: {
        Statement: Match.arrayWith([{
          Action: ['codebuild:CreateReport', 'codebuild:UpdateReport', 'codebuild:BatchPutTestCases'],
          Effect: 'Allow',
          Resource: { 'Fn::GetAtt': [reportGroups[0], 'Arn'] },
        }]),
      },
    });
    // AND both reports are the action's output artifact
    expect(spec.artifacts).toEqual({ 'base-directory': 'cdk-sms-assessment', 'files': ['**/*'] });
    expect(assess.outputs).toHaveLength(1);
    expect(pipeline.planPath).toBe('examples/plan.json');
  });

  test('asks the approver for the wave, its size and the plan', () => {
    const approve = stages.find((s) => s.name === 'wave-2')!.actions[0];
    expect(approve).toEqual(expect.objectContaining({ category: 'Approval', runOrder: 1, comment: 'Deploy wave wave-2 of examples/plan.json (10 VMs)' }));
  });

  test('holds a Migration per stage: the shared stack alone, then each wave\'s stacks alone; unscheduled VMs in none', () => {
    expect(pipeline.sharedMigration.providerStack!.stackName).toBe('Migration-provider');
    expect(pipeline.sharedMigration.waves).toEqual([]);
    expect(pipeline.waveMigration('wave-1').providerStack).toBeUndefined();
    expect(pipeline.waveMigration('wave-2').waves).toEqual(['wave-2']);
    expect(pipeline.waveStage('wave-2').stageName).toBe('wave-2');
    for (const vm of ['legacy-01', 'legacy-02', 'hv-web-02', 'desk-02', 'ftp-01']) {
      expect(pipeline.waves.some((wave) => pipeline.waveMigration(wave).jobOf(vm) !== undefined)).toBe(false);
    }
    expect(() => pipeline.waveStage('wave-9')).toThrow(/the pipeline deploys no wave "wave-9" \(waves: wave-1, wave-2\)/);
  });
});

describe('MigrationPipeline on the MGN example', () => {
  const { stack } = pipelineStack({ migration: { plan: MigrationPlan.fromFile(MGN_EXAMPLE), asOf: '2026-12-04', serverRefresh: 'fixed' } });
  const template = Template.fromStack(stack);
  const stages = stagesOf(template);

  test('deploys the MGN account stack once, in the Shared stage, then each wave\'s stack', () => {
    expect(outline(stages)).toEqual([
      'Source: org_migration',
      'Build: Synth',
      'Assess: Assess',
      'Assets: FileAssets',
      'Shared: Prepare Migration-mgn, Deploy Migration-mgn',
      'wave-1: Prepare Migration-wave-1, Deploy Migration-wave-1',
      'wave-2: Approve, Migration-wave-2.Prepare Migration-wave-2, Migration-wave-2.Deploy Migration-wave-2',
    ]);
  });

  test('assesses on the migration\'s day, and gives the approver the wave\'s dates', () => {
    const spec = buildSpecOf(template, stages.find((s) => s.name === 'Assess')!.actions[0].projectRef!) as { phases: { build: { commands: string[] } } };
    expect(spec.phases.build.commands.slice(1)).toEqual([
      'npx cdk-sms assess examples/plan-mgn.json --format sarif --output cdk-sms-assessment/assessment.sarif --deployed wave-1,wave-2 --as-of 2026-12-04 '
        + '|| [ $? -eq 1 ]',
      'npx cdk-sms assess examples/plan-mgn.json --format junit --output cdk-sms-assessment/assessment.junit.xml --deployed wave-1,wave-2 '
        + '--as-of 2026-12-04',
    ]);
    expect(stages.find((s) => s.name === 'wave-2')!.actions[0].comment)
      .toBe('Deploy wave wave-2 of examples/plan-mgn.json (1 VM, replication from 2027-02-15, cutover 2027-03-27)');
  });
});

describe('MigrationPipeline waves and approvals', () => {
  test('orders the stages as the plan lists its waves, whatever the order VMs name them; unlisted waves last', () => {
    // GIVEN VMs that name wave-b, extra and wave-a in that order, and a plan that lists wave-a, then wave-b
    const plan = planInCode([waveVm('b-01', 'wave-b'), waveVm('x-01', 'extra'), waveVm('a-01', 'wave-a'), waveVm('b-02', 'wave-b')],
      { waves: [{ name: 'wave-a' }, { name: 'wave-b' }] });

    // WHEN
    const { stack, pipeline } = pipelineStack({ migration: { plan, waves: ['extra', 'wave-b', 'wave-a'] }, planPath: 'plans/plan.json' });

    // THEN
    expect(pipeline.waves).toEqual(['wave-a', 'wave-b', 'extra']);
    expect(outline(stagesOf(Template.fromStack(stack))).slice(5)).toEqual([
      'wave-a: Prepare Migration-wave-a, Deploy Migration-wave-a',
      'wave-b: Approve, Migration-wave-b.Prepare Migration-wave-b, Migration-wave-b.Deploy Migration-wave-b',
      'extra: Approve, Migration-extra.Prepare Migration-extra, Migration-extra.Deploy Migration-extra',
    ]);
  });

  test('deploys a plan without waves as one wave, all, which approveFirstWave approves', () => {
    // GIVEN a plan in which no VM names a wave
    const plan = planInCode([waveVm('a-01'), waveVm('a-02')]);

    // WHEN
    const { stack, pipeline } = pipelineStack({ migration: { plan }, planPath: 'plans/plan.json', approveFirstWave: true });

    // THEN
    expect(pipeline.waves).toEqual(['all']);
    expect(outline(stagesOf(Template.fromStack(stack))).slice(2)).toEqual([
      'Assess: Assess',
      'Assets: FileAssets',
      'Shared: Prepare Migration-provider, Deploy Migration-provider',
      'all: Approve, Migration-all.Prepare Migration-all, Migration-all.Deploy Migration-all',
    ]);
  });

  test('leaves out the approval of the waves named in wavesWithoutApproval', () => {
    // GIVEN three waves
    const plan = planInCode([waveVm('a-01', 'wave-1'), waveVm('b-01', 'wave-2'), waveVm('c-01', 'wave-3')]);

    // WHEN
    const { stack, pipeline } = pipelineStack({ migration: { plan }, planPath: 'plans/plan.json', wavesWithoutApproval: ['wave-2'] });

    // THEN
    expect(pipeline.approvedWaves).toEqual(['wave-3']);
    const stages = stagesOf(Template.fromStack(stack));
    expect(stages.filter((s) => s.actions.some((a) => a.category === 'Approval')).map((s) => s.name)).toEqual(['wave-3']);
  });

  test('names a wave\'s stage as CodePipeline and CDK allow', () => {
    const plan = planInCode([waveVm('a-01', '1st wave'), waveVm('b-01', 'wave 2/db')]);
    const { pipeline } = pipelineStack({ migration: { plan }, planPath: 'plans/plan.json', approveFirstWave: true });
    expect(pipeline.waveStage('1st wave').stageName).toBe('wave-1st-wave');
    expect(pipeline.waveStage('wave 2/db').stageName).toBe('wave-2-db');
  });

  test('passes the strict and unknown policies on to the assessment, and quotes the plan path', () => {
    const plan = planInCode([waveVm('a-01', 'wave-1')]);
    const { stack } = pipelineStack({
      migration: { plan, unknownPolicy: UnknownPolicy.ERROR }, planPath: 'plans/my plan.json', strictAssessment: true,
    });
    const template = Template.fromStack(stack);
    const spec = buildSpecOf(template, stagesOf(template).find((s) => s.name === 'Assess')!.actions[0].projectRef!) as {
      phases: { build: { commands: string[] } };
    };
    expect(spec.phases.build.commands[2])
      .toBe('npx cdk-sms assess \'plans/my plan.json\' --format junit --output cdk-sms-assessment/assessment.junit.xml --deployed wave-1 '
        + '--strict --unknown error');
  });
});

describe('MigrationPipeline with a pipeline of the user\'s', () => {
  test('adds the assessment, the shared stack and the waves after the pipeline\'s stages, reading the plan from its synth step\'s input', () => {
    // GIVEN the user's pipeline
    const stack = new Stack(newApp(), 'Own', { env: ENV });
    const own = new pipelines.CodePipeline(stack, 'Pipeline', {
      selfMutation: false,
      synth: new pipelines.ShellStep('Synth', { input: source(), commands: ['npm ci', 'npx cdk synth'] }),
    });

    // WHEN
    const pipeline = new MigrationPipeline(stack, 'Migration', {
      migration: { plan: planInCode([waveVm('a-01', 'wave-1')]) }, pipeline: own, planPath: 'plans/plan.json',
    });

    // THEN the pipeline is the user's, with the migration's stages after its own
    expect(pipeline.pipeline).toBe(own);
    const stages = stagesOf(Template.fromStack(stack));
    expect(stages.map((s) => s.name)).toEqual(['Source', 'Build', 'Assess', 'Assets', 'Shared', 'wave-1']);
    // AND the assessment reads the source the synth step reads
    expect(stages.find((s) => s.name === 'Assess')!.actions[0].outputs).toHaveLength(1);
  });
});

describe('MigrationPipeline over several accounts and Regions', () => {
  // GIVEN wave-1 in the pipeline's own account and Region, wave-2 in another account and Region
  const other = { account: '222222222222', region: 'us-east-1' };
  const plan = planInCode([waveVm('a-01', 'wave-1'), waveVm('b-01', 'wave-2')], { waves: [{ name: 'wave-1' }, { name: 'wave-2', ...other }] });
  const { stack } = pipelineStack({ migration: { plan, stackProps: { env: ENV } }, planPath: 'plans/plan.json' });
  const template = Template.fromStack(stack);
  const stages = stagesOf(template);

  test('deploys the shared stack of each environment in the Shared stage, and each wave in its own', () => {
    const byStage = stacksByStage(stages);
    expect([...byStage.Shared].sort()).toEqual(['Migration-provider', 'Migration-provider-222222222222-us-east-1']);
    expect(byStage['wave-1']).toEqual(['Migration-wave-1']);
    expect(byStage['wave-2']).toEqual(['Migration-wave-2']);
  });

  test('deploys the other environment\'s stacks in its Region', () => {
    const raw = template.toJSON().Resources;
    const pipelineResource = Object.values(raw).find((r) => (r as { Type: string }).Type === 'AWS::CodePipeline::Pipeline') as {
      Properties: { Stages: Array<{ Name: string; Actions: Array<{ Name: string; Region?: string; Configuration?: { StackName?: string } }> }> };
    };
    const deployRegions = pipelineResource.Properties.Stages.flatMap((s) => s.Actions)
      .filter((a) => a.Name.startsWith('Deploy') || a.Name.endsWith('.Deploy'))
      .map((a) => [a.Configuration?.StackName, a.Region ?? ENV.region]);
    expect(deployRegions).toEqual(expect.arrayContaining([
      ['Migration-provider-222222222222-us-east-1', 'us-east-1'],
      ['Migration-wave-2', 'us-east-1'],
      ['Migration-wave-1', 'eu-west-1'],
    ]));
  });
});
