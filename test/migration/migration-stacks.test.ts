import * as fs from 'fs';
import * as path from 'path';
import { App, Stack, Stage } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as iam from 'aws-cdk-lib/aws-iam';
import { FindingOutcome } from '../../lib/assessment/types';
import { Migration } from '../../lib/migration/migration';
import { MigrationPlan } from '../../lib/migration/migration-plan';
import { MigrationStacks } from '../../lib/migration/migration-stacks';
import { Plan } from '../../lib/plan/model/plan';
import { planOf, readyLinuxVm } from '../helpers/fixtures';
import { useMgnBundle } from '../mgn/constructs/bundle';
import { useTempOutdirs } from '../helpers/temp-outdirs';

const MGN_EXAMPLE = path.join(__dirname, '..', '..', 'examples', 'plan-mgn.json');
useMgnBundle();
const tempOutdir = useTempOutdirs('cdk-sms-stacks-');

function waveVm(name: string, wave: string): object {
  const vm = readyLinuxVm(name);
  vm.wave = wave;
  vm.source = { vmPath: `/DC1/vm/${name}`, vmId: `vm-${name}` };
  return vm;
}

const smsPlan = (): MigrationPlan => MigrationPlan.fromPlan(planOf([waveVm('a-01', 'wave-1'), waveVm('a-02', 'wave-1'), waveVm('b-01', 'wave-2')]) as Plan);

/** The stacks of an app's cloud assembly, by artifact id, with their dependencies. */
function assemblyStacks(app: App): Map<string, string[]> {
  return new Map(app.synth().stacks.map((s) => [s.stackName, s.dependencies.filter((d) => d.manifest.type === 'aws:cloudformation:stack').map((d) => d.id)]));
}

describe('Migration stacks: SMS', () => {
  test('SHARED defines the provider stack alone, granted to pass the jobs\' role, and assesses the selected waves as deployed', () => {
    // GIVEN a role of the user's, imported by name
    const app = new App({ outdir: tempOutdir() });
    const role = iam.Role.fromRoleName(new Stack(app, 'Roles'), 'Role', 'sms-replication');

    // WHEN
    const migration = new Migration(app, 'Migration', { plan: smsPlan(), stacks: MigrationStacks.SHARED, role });

    // THEN no wave stack and no job; the provider stack may pass the role to SMS
    expect(migration.waves).toEqual([]);
    expect(migration.definedVms).toEqual([]);
    expect(migration.providerStack!.stackName).toBe('Migration-provider');
    expect([...assemblyStacks(app).keys()].sort()).toEqual(['Migration-provider', 'Roles']);
    Template.fromStack(migration.providerStack!).hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: { Statement: Match.arrayWith([Match.objectLike({
        Action: 'iam:PassRole', Condition: { StringEquals: { 'iam:PassedToService': 'sms.amazonaws.com' } },
      })]) },
    });
    expect(['a-01', 'a-02', 'b-01'].map((vm) => migration.isDeployed(vm))).toEqual([true, true, true]);
  });

  test('WAVES defines the wave stacks alone, which call the provider by name and depend on no stack, with the templates of ALL', () => {
    // GIVEN the same plan migrated whole, and in wave stacks alone
    const whole = new Migration(new App({ outdir: tempOutdir() }), 'Migration', { plan: smsPlan() });
    const app = new App({ outdir: tempOutdir() });

    // WHEN
    const migration = new Migration(app, 'Migration', { plan: smsPlan(), stacks: MigrationStacks.WAVES });

    // THEN no provider stack; the wave stacks depend on nothing
    expect(migration.providerStack).toBeUndefined();
    expect(assemblyStacks(app)).toEqual(new Map([['Migration-wave-1', []], ['Migration-wave-2', []]]));
    // AND each wave stack's template is the one ALL defines: jobs calling Migration-provider-onEvent by its ARN
    for (const wave of ['wave-1', 'wave-2']) {
      const template = Template.fromStack(migration.waveStacksOf(wave)[0]);
      expect(template.toJSON()).toEqual(Template.fromStack(whole.waveStacksOf(wave)[0]).toJSON());
    }
    const token = JSON.stringify(Template.fromStack(migration.waveStacksOf('wave-1')[0]).findResources('Custom::SmsReplicationJob'));
    expect(token).toContain(':function:Migration-provider-onEvent');
    expect(Template.fromStack(migration.waveStacksOf('wave-1')[0]).findResources('AWS::Lambda::Function')).toEqual({});
  });

  test('WAVES with one wave selected fails synthesis on that wave\'s errors only', () => {
    // GIVEN wave-2 holds a VM on an unsupported release
    const app = new App({ outdir: tempOutdir() });
    const broken = waveVm('b-02', 'wave-2') as { os: { version: string } };
    broken.os.version = '7.4';
    const plan = MigrationPlan.fromPlan(planOf([waveVm('a-01', 'wave-1'), broken]) as Plan);

    // WHEN wave-1 alone is defined
    new Migration(app, 'Migration', { plan, stacks: MigrationStacks.WAVES, waves: ['wave-1'] });

    // THEN synthesis succeeds
    expect(() => app.synth()).not.toThrow();
  });
});

describe('Migration stacks: MGN', () => {
  test('SHARED defines the account stack alone, with the install commands of the selected waves', () => {
    // GIVEN
    const outdir = tempOutdir();
    const app = new App({ outdir });

    // WHEN
    const migration = new Migration(app, 'Migration', {
      plan: MigrationPlan.fromFile(MGN_EXAMPLE), asOf: '2026-12-04', serverRefresh: 'fixed', stacks: MigrationStacks.SHARED,
    });

    // THEN
    expect(migration.waves).toEqual([]);
    expect(migration.definedVms).toEqual([]);
    expect([...assemblyStacks(app).keys()]).toEqual(['Migration-mgn']);
    const commands = fs.readFileSync(path.join(outdir, 'Migration.mgn-install-commands.md'), 'utf8');
    expect(commands).toMatch(/### web\\-01/);
    expect(commands).toMatch(/### db\\-02/);
    expect(commands).not.toMatch(/legacy\\-01/);
  });

  test('WAVES defines the wave stacks alone, calling the account stack\'s provider by name, with the templates of ALL', () => {
    // GIVEN the example migrated whole, and in wave stacks alone
    const props = { asOf: '2026-12-04', serverRefresh: 'fixed' };
    const whole = new Migration(new App({ outdir: tempOutdir() }), 'Migration', { plan: MigrationPlan.fromFile(MGN_EXAMPLE), ...props });
    const outdir = tempOutdir();
    const app = new App({ outdir });

    // WHEN
    const migration = new Migration(app, 'Migration', { plan: MigrationPlan.fromFile(MGN_EXAMPLE), ...props, stacks: MigrationStacks.WAVES });

    // THEN no account stack, no dependency, no install commands (the account stack's)
    expect(migration.mgnAccountStack).toBeUndefined();
    expect(assemblyStacks(app)).toEqual(new Map([['Migration-wave-1', []], ['Migration-wave-2', []]]));
    expect(fs.existsSync(path.join(outdir, 'Migration.mgn-install-commands.md'))).toBe(false);
    // AND the wave stacks are those ALL defines, their resources calling Migration-mgn-onEvent
    for (const wave of ['wave-1', 'wave-2']) {
      expect(Template.fromStack(migration.waveStacksOf(wave)[0]).toJSON()).toEqual(Template.fromStack(whole.waveStacksOf(wave)[0]).toJSON());
    }
    expect(JSON.stringify(Template.fromStack(migration.waveStacksOf('wave-1')[0]).findResources('Custom::MgnWave')))
      .toContain(':function:Migration-mgn-onEvent');
    expect(migration.definedVms).toEqual(['web-01', 'web-02', 'app-01', 'app-02', 'db-02']);
  });
});

describe('Migration in a pipeline\'s stages', () => {
  test('is defined in a Stage inside a stack, as pipelines define their stages', () => {
    // GIVEN a stage under a pipeline's stack
    const app = new App({ outdir: tempOutdir() });
    const stage = new Stage(new Stack(app, 'Pipeline'), 'wave-1');

    // WHEN / THEN
    expect(() => new Migration(stage, 'Migration', { plan: smsPlan(), waves: ['wave-1'] })).not.toThrow();
  });

  test('fails when defined in a stack inside a stage', () => {
    const stage = new Stage(new App({ outdir: tempOutdir() }), 'Stage');
    expect(() => new Migration(new Stack(stage, 'Stack'), 'Migration', { plan: smsPlan() }))
      .toThrow(/a Migration defines its own stacks, define it in an App or a Stage, not in stack Stage\/Stack/);
  });

  test('migrations of one plan do not count each other\'s jobs against the SMS quota; migrations of other plans do', () => {
    // GIVEN two waves of 30 VMs, one plan object, in one account and Region
    const vms = ['wave-1', 'wave-2'].flatMap((wave) => Array.from({ length: 30 }, (_, i) => waveVm(`${wave}-${i + 1}`, wave)));
    const env = { account: '111111111111', region: 'eu-west-1' };
    const over = (m: Migration): number => m.assess().vms.filter((v) => v.findings.some((f) => f.rule === 'SMS-JOB4' && f.outcome === FindingOutcome.FAIL)).length;
    const app = new App({ outdir: tempOutdir() });
    const plan = MigrationPlan.fromPlan(planOf(vms) as Plan);

    // WHEN the shared stage and each wave's stage hold a migration of that plan
    const stages = ['Shared', 'wave-1', 'wave-2'].map((id) => new Stage(app, id));
    const shared = new Migration(stages[0], 'Migration', { plan, stackProps: { env }, stacks: MigrationStacks.SHARED });
    const waves = ['wave-1', 'wave-2'].map((wave, i) => new Migration(stages[i + 1], 'Migration', {
      plan, stackProps: { env }, stacks: MigrationStacks.WAVES, waves: [wave],
    }));
    // AND another plan, equal but its own, is migrated in the same account and Region
    const other = new Migration(new Stage(app, 'Other'), 'Migration', { plan: MigrationPlan.fromPlan(planOf(vms) as Plan), stackProps: { env } });

    // THEN none of the pipeline's migrations fails SMS-JOB4; the other plan's is counted after them
    expect([shared, ...waves].map(over)).toEqual([0, 0, 0]);
    expect(over(other)).toBeGreaterThan(0);
  });
});
