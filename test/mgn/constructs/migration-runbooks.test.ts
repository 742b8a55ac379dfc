import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { Migration, MigrationPlan } from '../../../lib';
import { MGN_WAVE_IDS } from '../../../lib/migration/mgn-stacks';
import { useMgnBundle, useRunbookBundle } from './bundle';

/** `mgnCutoverRunbooks`: a cutover runbook in each MGN wave stack, for that wave. */

const EXAMPLE = path.join(__dirname, '..', '..', '..', 'examples', 'plan-mgn.json');
const ENV = { account: '123456789012', region: 'eu-west-1' };
const outdirs: string[] = [];
useMgnBundle();
useRunbookBundle();
afterAll(() => outdirs.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

function migrate(runbooks?: boolean): Migration {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'mgn-runbooks-'));
  outdirs.push(outdir);
  return new Migration(new App({ outdir }), 'Migration', {
    plan: MigrationPlan.fromFile(EXAMPLE), waves: ['wave-1'], asOf: '2026-12-04', serverRefresh: 'fixed', stackProps: { env: ENV },
    ...(runbooks === undefined ? {} : { mgnCutoverRunbooks: runbooks }),
  });
}

describe('Migration mgnCutoverRunbooks', () => {
  test('adds one runbook to each wave stack, for its wave', () => {
    // GIVEN / WHEN
    const migration = migrate(true);

    // THEN
    const stack = migration.waveStacksOf('wave-1')[0];
    expect(stack.node.tryFindChild(MGN_WAVE_IDS.RUNBOOK)).toBeDefined();
    const template = Template.fromStack(stack);
    template.resourceCountIs('AWS::StepFunctions::StateMachine', 1);
    template.hasResourceProperties('AWS::StepFunctions::StateMachine', {
      DefinitionString: Match.objectLike({ 'Fn::Join': ['', Match.arrayWith([Match.stringLikeRegexp('"waveName":"wave-1"')])] }),
    });
    template.hasResourceProperties('AWS::Lambda::Function', { Description: Match.stringLikeRegexp('cutover runbook of wave wave-1') });
  });

  test('adds none by default', () => {
    const stack = migrate().waveStacksOf('wave-1')[0];
    Template.fromStack(stack).resourceCountIs('AWS::StepFunctions::StateMachine', 0);
  });
});
