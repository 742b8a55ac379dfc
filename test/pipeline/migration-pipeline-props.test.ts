import { Stack } from 'aws-cdk-lib';
import * as pipelines from 'aws-cdk-lib/pipelines';
import { SmsMigrationError } from '../../lib/errors';
import { MigrationPlan } from '../../lib/migration/migration-plan';
import { MigrationStacks } from '../../lib/migration/migration-stacks';
import { MigrationPipeline } from '../../lib/pipeline/migration-pipeline';
import { OrganizationRulePack } from '../../lib/organization';
import { Plan } from '../../lib/plan/model/plan';
import { planOf, readyLinuxVm } from '../helpers/fixtures';
import { ENV, newApp, pipelineStack, SMS_EXAMPLE, source } from './pipeline-shape';

function waveVm(name: string, wave: string): object {
  const vm = readyLinuxVm(name);
  vm.wave = wave;
  vm.source = { vmPath: `/DC1/vm/${name}`, vmId: `vm-${name}` };
  return vm;
}

const twoWaves = (): MigrationPlan => MigrationPlan.fromPlan(planOf([waveVm('a-01', 'wave-1'), waveVm('b-01', 'wave-2')]) as Plan, 'plans/plan.json');

/** The error a construction throws, for its id and details. */
function errorOf(build: () => unknown): SmsMigrationError {
  try {
    build();
  } catch (e) {
    if (SmsMigrationError.isSmsMigrationError(e)) {
      return e;
    }
    throw e;
  }
  throw new Error('no error was thrown');
}

describe('MigrationPipeline props', () => {
  test('fails when migration.waves names a wave the plan does not have', () => {
    expect(() => pipelineStack({ migration: { plan: MigrationPlan.fromFile(SMS_EXAMPLE), waves: ['wave-1', 'wave-9'] } }))
      .toThrow(/waves names "wave-9", which no VM of .*plan\.json is in \(waves: wave-1, wave-2\)/);
  });

  test('fails when wavesWithoutApproval names a wave the pipeline does not deploy', () => {
    const error = errorOf(() => pipelineStack({
      migration: { plan: twoWaves(), waves: ['wave-2'] }, planPath: 'plans/plan.json', wavesWithoutApproval: ['wave-1', 'wave-3'],
    }));
    expect(error.errorId).toBe('cdk-sms-migration:UnknownWave');
    expect(error.message).toBe('wavesWithoutApproval names "wave-1", "wave-3", which the pipeline does not deploy (waves: wave-2)');
  });

  test('fails when approveFirstWave asks for an approval that wavesWithoutApproval leaves out', () => {
    expect(() => pipelineStack({ migration: { plan: twoWaves() }, planPath: 'plans/plan.json', approveFirstWave: true, wavesWithoutApproval: ['wave-1'] }))
      .toThrow(/approveFirstWave asks for an approval before the first wave, wave-1, which wavesWithoutApproval leaves without one/);
  });

  test('fails when migration.stacks is given: the pipeline sets it in each stage', () => {
    expect(() => pipelineStack({ migration: { plan: twoWaves(), stacks: MigrationStacks.WAVES }, planPath: 'plans/plan.json' }))
      .toThrow(/migration\.stacks is the pipeline's to set \(SHARED in its Shared stage, WAVES in each wave's\), leave it out, got waves/);
  });

  test('fails when migration.rulePacks is given without the files the assessment step loads, or with absolute ones', () => {
    const rulePacks = [new OrganizationRulePack({ name: 'Example Corp' })];
    expect(() => pipelineStack({ migration: { plan: twoWaves(), rulePacks }, planPath: 'plans/plan.json' }))
      .toThrow(/give assessmentPackFiles, the files of migration\.rulePacks: the assessment step would judge without the organisation's rules/);
    expect(() => pipelineStack({ migration: { plan: twoWaves(), rulePacks }, planPath: 'plans/plan.json', assessmentPackFiles: ['/abs/pack.js'] }))
      .toThrow(/assessmentPackFiles must be paths relative to the root of the source, such as rules\/org-pack\.js, got "\/abs\/pack\.js"/);
  });

  test('fails when the plan was built in code and no planPath says where its file is', () => {
    expect(() => pipelineStack({ migration: { plan: twoWaves() } }))
      .toThrow(/planPath is needed: the plan was built in code \(plans\/plan\.json\), and the assessment step reads a plan file/);
  });

  test('fails when planPath is absolute', () => {
    expect(() => pipelineStack({ migration: { plan: twoWaves() }, planPath: '/repo/plans/plan.json' }))
      .toThrow(/planPath must be a path relative to the root of the source, such as plans\/plan\.json, got "\/repo\/plans\/plan\.json"/);
  });

  test('fails without a source: no input, synth or pipeline', () => {
    const stack = new Stack(newApp(), 'PipelineStack', { env: ENV });
    expect(() => new MigrationPipeline(stack, 'MigrationPipeline', { migration: { plan: twoWaves() }, planPath: 'plans/plan.json' }))
      .toThrow(/give input \(the source\), synth or pipeline: the pipeline needs a source/);
  });

  test('fails when a synth step is given without input and has no primary input to read the plan from', () => {
    const synth = new pipelines.ShellStep('Synth', { commands: ['npx cdk synth'] });
    expect(() => pipelineStack({ migration: { plan: twoWaves() }, planPath: 'plans/plan.json', synth }))
      .toThrow(/give input: the assessment step reads the plan from the source, and the synth step has no primary input/);
  });

  test('fails when props that configure a pipeline are given with a pipeline of the user\'s', () => {
    // GIVEN the user's pipeline
    const stack = new Stack(newApp(), 'PipelineStack', { env: ENV });
    const own = new pipelines.CodePipeline(stack, 'Own', { synth: new pipelines.ShellStep('Synth', { input: source(), commands: ['npx cdk synth'] }) });

    // WHEN / THEN
    expect(() => new MigrationPipeline(stack, 'MigrationPipeline', {
      migration: { plan: twoWaves() }, planPath: 'plans/plan.json', pipeline: own, selfMutation: false, pipelineName: 'migration',
    })).toThrow(/pipelineName, selfMutation configure a pipeline the construct defines, leave them out with pipeline/);
  });

  test('fails when a wave makes the stage name of one of the pipeline\'s own stages, or of another wave', () => {
    // GIVEN waves named like the Shared stage, and two waves that make one stage name
    const plan = MigrationPlan.fromPlan(planOf([waveVm('a-01', 'shared'), waveVm('b-01', 'wave 1'), waveVm('c-01', 'wave-1')]) as Plan, 'plans/plan.json');

    // WHEN
    const error = errorOf(() => pipelineStack({ migration: { plan }, planPath: 'plans/plan.json' }));

    // THEN both are reported at once
    expect(error.errorId).toBe('cdk-sms-migration:MultipleErrors');
    expect(error.details.map((d) => d.message)).toEqual([
      expect.stringMatching(/^wave "shared" makes the pipeline stage name shared, which the pipeline's Shared stage has /),
      expect.stringMatching(/^wave "wave-1" makes the pipeline stage name wave-1, which wave "wave 1" has /),
    ]);
  });

  test('reports every problem of the props at once', () => {
    const error = errorOf(() => pipelineStack({
      migration: { plan: twoWaves(), stacks: MigrationStacks.SHARED }, planPath: '', wavesWithoutApproval: ['wave-9'],
    }));
    expect(error.details.map((d) => d.errorId)).toEqual([
      'cdk-sms-migration:InvalidMigrationPipelineProps', 'cdk-sms-migration:InvalidMigrationPipelineProps', 'cdk-sms-migration:UnknownWave',
    ]);
  });

  test('fails when migration.waves selects no wave', () => {
    expect(() => pipelineStack({ migration: { plan: twoWaves(), waves: [] }, planPath: 'plans/plan.json' }))
      .toThrow(/migration\.waves selects no wave of plans\/plan\.json, so the pipeline would deploy nothing/);
  });

  test('fails at construction when a VM of a deployed wave is not ready: CDK Pipelines synthesizes each stage as it is added', () => {
    // GIVEN wave-2 holds a VM on an unsupported RHEL release
    const broken = waveVm('b-02', 'wave-2') as { os: { version: string } };
    broken.os.version = '7.4';
    const plan = MigrationPlan.fromPlan(planOf([waveVm('a-01', 'wave-1'), broken]) as Plan, 'plans/plan.json');

    // WHEN / THEN
    expect(() => pipelineStack({ migration: { plan }, planPath: 'plans/plan.json' })).toThrow(/VM b-02: SMS-OS2 RHEL 7\.4 is not supported/);
  });
});
