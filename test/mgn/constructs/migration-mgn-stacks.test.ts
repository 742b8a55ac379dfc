import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, RemovalPolicy, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { Migration } from '../../../lib/migration/migration';
import { MigrationPlan } from '../../../lib/migration/migration-plan';
import { MigrationProps } from '../../../lib/migration/migration-props';
import { Plan } from '../../../lib/plan/model/plan';
import { useMgnBundle } from './bundle';

const EXAMPLE = path.join(__dirname, '..', '..', '..', 'examples', 'plan-mgn.json');
const ENV = { account: '123456789012', region: 'eu-west-1' };
const outdirs: string[] = [];
useMgnBundle();

afterAll(() => outdirs.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

function newApp(): App {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'mgn-migration-'));
  outdirs.push(outdir);
  return new App({ outdir });
}

function example(): Plan {
  return JSON.parse(fs.readFileSync(EXAMPLE, 'utf8')) as Plan;
}

/**
 * The example with its wave-2 errors fixed (a test that synthesizes wave-2 needs it): legacy-01's
 * retired CentOS left out, db-01's kernel headers installed, files-01 on a Dedicated Host.
 */
function readyExample(): MigrationPlan {
  const plan = example();
  const vms = plan.vms.filter((vm) => vm.name !== 'legacy-01').map((vm) => {
    // the example's not-ready VMs of wave-2, fixed and scheduled again
    if (vm.name === 'db-01') {
      return { ...vm, wave: 'wave-2', guest: { ...vm.guest, kernelHeaders: 'matching' } };
    }
    if (vm.name === 'files-01') {
      return { ...vm, wave: 'wave-2', mgn: { launch: { ...vm.mgn!.launch, tenancy: 'host', hostId: 'h-0123456789abcdef0' } } };
    }
    return vm;
  });
  return MigrationPlan.fromPlan({ ...plan, vms } as Plan, 'ready example');
}

function migrate(props: Partial<MigrationProps> = {}, plan: MigrationPlan = MigrationPlan.fromFile(EXAMPLE)): Migration {
  return new Migration(newApp(), 'Migration', { plan, asOf: '2026-12-04', serverRefresh: 'fixed', stackProps: { env: ENV }, ...props });
}

describe('a Migration whose plan targets MGN', () => {
  test('defines the account stack and one stack per wave, named from the prefix, each wave depending on the account stack', () => {
    // WHEN
    const migration = migrate();

    // THEN
    const account = migration.mgnAccountStack!;
    expect(account.node.id).toBe('Mgn');
    expect(account.stackName).toBe('Migration-mgn');
    expect(migration.waves).toEqual(['wave-1', 'wave-2']);
    const [wave1, wave2] = migration.waves.map((w) => migration.waveStacksOf(w))
      .map((stacks) => { expect(stacks).toHaveLength(1); return stacks[0]; });
    expect([wave1.stackName, wave2.stackName]).toEqual(['Migration-wave-1', 'Migration-wave-2']);
    expect(wave1.dependencies).toEqual([account]);
    expect(wave2.dependencies).toEqual([account]);
    expect(migration.providerStack).toBeUndefined();
    expect(migration.definedVms.filter((vm) => migration.jobOf(vm) !== undefined)).toEqual([]);
    expect(migration.annotationScope).toBe(wave1);
  });

  test('puts MGN in the account stack: roles, provider by name, initialization after the roles, staging area, templates after it', () => {
    // WHEN
    const migration = migrate({ waves: ['wave-1'] });

    // THEN
    const template = Template.fromStack(migration.mgnAccountStack!);
    template.resourceCountIs('AWS::IAM::Role', 6 + 4 + 1); // service roles; handler and framework roles, waiter role; lookup function's role
    template.hasResourceProperties('AWS::Lambda::Function', { FunctionName: 'Migration-mgn-onEvent' });
    template.resourceCountIs('Custom::MgnInitialization', 1);
    const init = Object.keys(template.findResources('Custom::MgnInitialization'))[0];
    expect(Object.values(template.findResources('Custom::MgnInitialization'))[0].DependsOn).toHaveLength(6);
    template.hasResource('AWS::MGN::ReplicationConfigurationTemplate', {
      Properties: Match.objectLike({ StagingAreaSubnetId: 'subnet-0a1b2c3d4e5f60718', BandwidthThrottling: 200, AssociateDefaultSecurityGroup: false }),
      DependsOn: [init],
    });
    template.hasResource('AWS::MGN::LaunchConfigurationTemplate', { DependsOn: [init] });
    // the plan's source CIDRs open tcp 1500
    template.hasResourceProperties('AWS::EC2::SecurityGroup', {
      SecurityGroupIngress: [Match.objectLike({ CidrIp: '10.20.0.0/16', FromPort: 1500, ToPort: 1500 })],
    });
  });

  test('puts the wave, its import of the agent-based VMs and one source server per VM in each wave stack', () => {
    // WHEN
    const migration = migrate({}, readyExample());

    // THEN wave-1: web-01, web-02, app-01 by agent, app-02 agentless
    const wave1 = Template.fromStack(migration.waveStacksOf('wave-1')[0]);
    wave1.resourceCountIs('Custom::MgnWave', 1);
    wave1.hasResourceProperties('Custom::MgnWave', { WaveName: 'wave-1', Description: 'web and application tiers', Applications: ['web', 'app'] });
    wave1.resourceCountIs('Custom::MgnImport', 1);
    wave1.hasResourceProperties('Custom::MgnImport', { RowVms: ['web-01', 'web-02', 'app-01'] });
    wave1.resourceCountIs('Custom::MgnSourceServer', 4);
    expect(Object.keys(wave1.toJSON().Resources)).toHaveLength(6);
    wave1.hasResourceProperties('Custom::MgnSourceServer', {
      VmName: 'app-01', ReplicationMethod: 'agent', ApplicationName: 'app', Refresh: 'fixed', RemovalPolicy: 'retain',
      LaunchConfiguration: Match.objectLike({ licensingOsByol: 'true' }),
      LaunchTemplate: Match.objectLike({ InstanceType: 'm6i.xlarge', Tenancy: 'host',
        HostResourceGroupArn: 'arn:aws:resource-groups:eu-west-1:123456789012:group/windows-byol-hosts' }),
    });
    wave1.hasResourceProperties('Custom::MgnSourceServer', { VmName: 'app-02', ReplicationMethod: 'agentless' });
    // the import file holds the agent-based VMs only
    const csv = fs.readFileSync(path.join((migration.node.root as App).outdir, `${migration.waveStacksOf('wave-1')[0].artifactId}.mgn-import.csv`), 'utf8');
    expect(csv.split('\r\n').slice(1, -1)).toEqual(['web-01,Linux,web-01', 'web-02,Linux,web-02', 'app-01,Windows,app-01']);
    // AND each server waits for the wave and the import
    for (const resource of Object.values(wave1.findResources('Custom::MgnSourceServer'))) {
      expect(resource.DependsOn).toHaveLength(2);
    }
    // AND wave-2 holds its three VMs
    expect(migration.definedVms).toEqual(['web-01', 'web-02', 'app-01', 'app-02', 'db-01', 'db-02', 'files-01']);
    Template.fromStack(migration.waveStacksOf('wave-2')[0]).resourceCountIs('Custom::MgnSourceServer', 3);
  });

  test('references nothing of the account stack from a wave stack: no import, no output', () => {
    const migration = migrate({}, readyExample());
    const assembly = (migration.node.root as App).synth();
    expect(assembly.stacks).toHaveLength(3);
    for (const stack of assembly.stacks) {
      expect(JSON.stringify(stack.template)).not.toContain('Fn::ImportValue');
      expect(stack.template.Outputs).toBeUndefined();
    }
  });

  test('defines the selected waves only, and deploys (fails synthesis on) only their VMs', () => {
    // WHEN
    const migration = migrate({ waves: ['wave-1'] });

    // THEN
    expect(migration.waves).toEqual(['wave-1']);
    expect(migration.isDeployed('web-01')).toBe(true);
    expect(migration.isDeployed('legacy-01')).toBe(false);
    expect(() => (migration.node.root as App).synth()).not.toThrow();
  });

  test('fails when waves names a wave of no VM', () => {
    expect(() => migrate({ waves: ['wave-9'] })).toThrow(/waves names "wave-9", which no VM of .* is in \(waves: wave-1, wave-2\)/);
  });

  test('deploys a plan that names no waves as one wave, all, and never VMs without a wave in a plan that uses waves', () => {
    // GIVEN a plan without waves
    const plan = readyExample().plan;
    const noWaves = { ...plan, waves: undefined, vms: plan.vms.map((vm) => ({ ...vm, wave: undefined })) } as Plan;

    // WHEN
    const whole = migrate({}, MigrationPlan.fromPlan(JSON.parse(JSON.stringify(noWaves)) as Plan));

    // THEN
    expect(whole.waves).toEqual(['all']);
    Template.fromStack(whole.waveStacksOf('all')[0]).hasResourceProperties('Custom::MgnWave', { WaveName: 'all' });

    // GIVEN a plan whose last VM has no wave
    const partly = { ...plan, vms: plan.vms.map((vm, i) => (i === plan.vms.length - 1 ? { ...vm, wave: undefined } : vm)) } as Plan;
    const migration = migrate({}, MigrationPlan.fromPlan(JSON.parse(JSON.stringify(partly)) as Plan));
    expect(migration.sourceServerOf('files-01')).toBeUndefined();
    expect(migration.isDeployed('files-01')).toBe(false);
    expect(migration.sourceServerOf('db-02')).toBeDefined();
  });

  test('uses the props: stack name prefix, staging VPC, server removal policy, and no service roles', () => {
    // GIVEN a VPC of another stack
    const app = newApp();
    const network = new Stack(app, 'Network', { env: ENV });
    const vpc = new ec2.Vpc(network, 'Vpc');

    // WHEN
    const migration = new Migration(app, 'Migration', {
      plan: MigrationPlan.fromFile(EXAMPLE), asOf: '2026-12-04', waves: ['wave-1'], stackProps: { env: ENV }, stackNamePrefix: 'Mig',
      mgnStagingVpc: vpc, mgnServiceRoles: false, serverRemovalPolicy: RemovalPolicy.DESTROY, serverRefresh: 'r2',
    });

    // THEN
    const account = Template.fromStack(migration.mgnAccountStack!);
    expect(migration.mgnAccountStack!.stackName).toBe('Mig-mgn');
    account.hasResourceProperties('AWS::Lambda::Function', { FunctionName: 'Mig-mgn-onEvent' });
    account.resourceCountIs('Custom::AWS', 0);
    expect(Object.keys(account.findResources('AWS::IAM::Role', { Properties: { Path: '/service-role/' } }))).toEqual([]);
    expect(Object.values(account.findResources('Custom::MgnInitialization'))[0].DependsOn).toBeUndefined();
    Template.fromStack(migration.waveStacksOf('wave-1')[0]).hasResource('Custom::MgnSourceServer', {
      Properties: Match.objectLike({ RemovalPolicy: 'destroy', Refresh: 'r2' }),
      DeletionPolicy: 'Delete',
    });
  });

  test('takes the staging subnet from mgnStagingSubnetId when the plan names none, and fails when the two differ', () => {
    // GIVEN a plan without staging subnet
    const plan = example() as Plan;
    delete (plan.mgn!.network as { stagingSubnet?: string }).stagingSubnet;

    // WHEN
    const migration = migrate({ waves: ['wave-1'], mgnStagingSubnetId: 'subnet-0prop0000' }, MigrationPlan.fromPlan(plan));

    // THEN
    Template.fromStack(migration.mgnAccountStack!).hasResourceProperties('AWS::MGN::ReplicationConfigurationTemplate', {
      StagingAreaSubnetId: 'subnet-0prop0000',
    });
    expect(() => migrate({ mgnStagingSubnetId: 'subnet-0other' }))
      .toThrow(/mgnStagingSubnetId subnet-0other differs from the plan's mgn\.network\.stagingSubnet subnet-0a1b2c3d4e5f60718/);
  });

  test('defines a staging VPC of its own when neither the plan nor the props give a network', () => {
    const plan = example() as Plan;
    delete (plan.mgn!.network as { stagingSubnet?: string }).stagingSubnet;
    const migration = migrate({ waves: ['wave-1'] }, MigrationPlan.fromPlan(plan));
    const account = Template.fromStack(migration.mgnAccountStack!);
    account.resourceCountIs('AWS::EC2::VPC', 1);
    // the servers take the library's subnet and group from the template: no cross-stack reference
    const server = Object.values(Template.fromStack(migration.waveStacksOf('wave-1')[0]).findResources('Custom::MgnSourceServer'))[0];
    expect(server.Properties.ReplicationConfiguration.stagingAreaSubnetId).toBeUndefined();
    expect(server.Properties.ReplicationConfiguration.replicationServersSecurityGroupsIDs).toBeUndefined();
  });

  test('fails when a wave makes the account stack\'s name', () => {
    const plan = example();
    const clash = { ...plan, waves: undefined, vms: plan.vms.map((vm) => ({ ...vm, wave: 'mgn', application: 'x' })) } as Plan;
    expect(() => migrate({}, MigrationPlan.fromPlan(clash)))
      .toThrow(/wave "mgn" makes the stack mgn \(Migration-mgn\), which is the migration's MGN account stack/);
  });
});
