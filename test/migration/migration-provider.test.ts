import { App, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Migration } from '../../lib/migration/migration';
import { MigrationPlan } from '../../lib/migration/migration-plan';
import { layoutProviderStack } from '../../lib/migration/waves';
import { Plan } from '../../lib/plan/model/plan';
import { Handlers } from '../../lib/sms/handler/api';
import { PROVIDER_ID } from '../../lib/sms/replication-job-provider';
import { planOf, readyLinuxVm } from '../helpers/fixtures';
import { useTempOutdirs } from '../helpers/temp-outdirs';

const tempOutdir = useTempOutdirs('cdk-sms-provider-');

function waveVm(name: string, wave: string): object {
  const vm = readyLinuxVm(name);
  vm.wave = wave;
  vm.source = { vmPath: `/DC1/vm/${name}`, vmId: `vm-${name}` };
  return vm;
}

const plan = (vms: object[]): MigrationPlan => MigrationPlan.fromPlan(planOf(vms) as Plan);

describe('Migration provider stack', () => {
  test('holds the one provider of every wave stack, which holds only jobs and depends on it without referencing it', () => {
    // GIVEN two waves, the first split into two stacks
    const app = new App({ outdir: tempOutdir() });

    // WHEN
    const migration = new Migration(app, 'Migration', {
      plan: plan([waveVm('a-01', 'wave-1'), waveVm('a-02', 'wave-1'), waveVm('b-01', 'wave-2')]),
      shardsPerWave: 2,
    });

    // THEN the provider is in Migration/Provider, named after its stack
    const providerStack = migration.providerStack!;
    expect(providerStack.node.path).toBe('Migration/Provider');
    expect(providerStack.stackName).toBe('Migration-provider');
    expect(providerStack.node.tryFindChild(PROVIDER_ID)).toBeDefined();
    const provider = Template.fromStack(providerStack);
    provider.resourcePropertiesCountIs('AWS::Lambda::Function', { Handler: Handlers.ON_EVENT }, 1);
    provider.hasResourceProperties('AWS::Lambda::Function', { FunctionName: 'Migration-provider-onEvent' });
    expect(provider.toJSON().Outputs).toBeUndefined();

    // THEN each wave stack holds its jobs and nothing else, and calls the provider by its function's ARN
    const waveStacks = migration.waves.flatMap((w) => migration.waveStacksOf(w));
    expect(waveStacks.length).toBeGreaterThanOrEqual(2);
    for (const stack of waveStacks) {
      expect(stack.node.tryFindChild(PROVIDER_ID)).toBeUndefined();
      expect(stack.dependencies).toEqual([providerStack]);
      const template = Template.fromStack(stack);
      expect(new Set(Object.values(template.toJSON().Resources).map((r) => (r as { Type: string }).Type))).toEqual(new Set(['Custom::SmsReplicationJob']));
      template.allResourcesProperties('Custom::SmsReplicationJob', {
        ServiceToken: { 'Fn::Join': ['', Match.arrayWith([':lambda:', ':function:Migration-provider-onEvent'])] },
      });
      expect(JSON.stringify(template.toJSON())).not.toMatch(/Fn::ImportValue/);
    }

    // THEN the cloud assembly orders the provider first, so that deploying a wave deploys it
    const assembly = app.synth();
    const providerArtifact = assembly.getStackArtifact(providerStack.artifactId);
    for (const stack of waveStacks) {
      expect(assembly.getStackArtifact(stack.artifactId).dependencies).toContain(providerArtifact);
    }
  });

  test('lets the handler pass the migration\'s role, in the provider stack', () => {
    // GIVEN a role of the user's stack
    const app = new App({ outdir: tempOutdir() });
    const roles = new Stack(app, 'Roles');
    const role = new iam.Role(roles, 'SmsRole', { assumedBy: new iam.ServicePrincipal('sms.amazonaws.com') });

    // WHEN
    const migration = new Migration(app, 'Migration', { plan: plan([waveVm('a-01', 'wave-1')]), role });

    // THEN the grant is the provider's, and the wave stack has no IAM of its own
    Template.fromStack(migration.providerStack!).hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: { Statement: Match.arrayWith([Match.objectLike({ Action: 'iam:PassRole' })]) },
    });
    Template.fromStack(migration.waveStacksOf('wave-1')[0]).resourceCountIs('AWS::IAM::Policy', 0);
  });

  test('fails when a wave would make the provider stack', () => {
    expect(() => new Migration(new App({ outdir: tempOutdir() }), 'Migration', { plan: plan([waveVm('a-01', 'provider')]) }))
      .toThrow(/wave "provider" makes the stack provider \(Migration-provider\), which is the migration's provider stack, rename the wave/);
    expect(() => new Migration(new App({ outdir: tempOutdir() }), 'Migration', { plan: plan([waveVm('a-01', 'Provider')]) }))
      .toThrow(/wave "Provider" makes the stack Provider/);
  });

  test('names the provider function within Lambda\'s 64 characters, apart for long prefixes that start alike', () => {
    // GIVEN two long prefixes that differ at the end
    const a = layoutProviderStack(`${'x'.repeat(70)}-a`);
    const b = layoutProviderStack(`${'x'.repeat(70)}-b`);

    // THEN
    expect(a.functionName.length).toBeLessThanOrEqual(64);
    expect(a.functionName).toMatch(/^[A-Za-z0-9-]+-onEvent$/);
    expect(a.functionName).not.toBe(b.functionName);
    expect(layoutProviderStack('Sms').functionName).toBe('Sms-provider-onEvent');
  });
});
