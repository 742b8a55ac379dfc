import { App, CfnResource, Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import {
  LicenseType, ReplicationFrequency, ReplicationJob, ReplicationServer, SeedTime,
} from '../../lib';
import { HANDLER_SMS_ACTIONS, PROVIDER_ID, ReplicationJobProvider } from '../../lib/sms/replication-job-provider';
import { Data, Handlers, Props, RESOURCE_TYPE, RemovalPolicies } from '../../lib/sms/handler/api';

const SERVER = ReplicationServer.fromServerId('s-12345678');

/** The logical id of a construct's CloudFormation resource. */
function logicalId(stack: Stack, construct: { node: { defaultChild?: unknown } }): string {
  return stack.getLogicalId(construct.node.defaultChild as iam.CfnRole);
}

/** The iam:PassRole statements of the handler role's policy. */
function passRoleStatements(stack: Stack): unknown[] {
  const provider = ReplicationJobProvider.of(stack);
  const roleRef = stack.resolve((provider.handlerRole as iam.Role).roleName);
  const [policy] = Object.values(Template.fromStack(stack).findResources('AWS::IAM::Policy', { Properties: { Roles: [roleRef] } }));
  const statements = policy.Properties.PolicyDocument.Statement as Array<{ Action: unknown }>;
  return statements.filter((statement) => statement.Action === 'iam:PassRole');
}

describe('ReplicationJob', () => {
  test('sends the defaults: every 12 hours, seeded when created, auto license, every AMI kept, not encrypted, the SLR', () => {
    // GIVEN
    const stack = new Stack(new App(), 'Stack');

    // WHEN
    new ReplicationJob(stack, 'Job', { server: SERVER });

    // THEN
    Template.fromStack(stack).hasResource(RESOURCE_TYPE, {
      Properties: {
        ServiceToken: Match.anyValue(),
        [Props.SERVER_ID]: 's-12345678',
        [Props.VM_NAME]: Match.absent(),
        [Props.VM_PATH]: Match.absent(),
        [Props.VM_ID]: Match.absent(),
        [Props.VM_MANAGER_NAME]: Match.absent(),
        [Props.DISPLAY_NAME]: 's-12345678',
        [Props.RUN_ONCE]: 'false',
        [Props.FREQUENCY_HOURS]: '12',
        [Props.SEED_TIME]: Match.absent(),
        [Props.LICENSE_TYPE]: Match.absent(),
        [Props.NUMBER_OF_RECENT_AMIS_TO_KEEP]: Match.absent(),
        [Props.ENCRYPTED]: 'false',
        [Props.KMS_KEY_ID]: Match.absent(),
        [Props.ROLE_NAME]: Match.absent(),
        [Props.DESCRIPTION]: Match.absent(),
        [Props.REMOVAL_POLICY]: RemovalPolicies.DESTROY,
      },
      DeletionPolicy: 'Delete',
      UpdateReplacePolicy: 'Delete',
    });
  });

  test('sends every prop', () => {
    // GIVEN
    const stack = new Stack(new App(), 'Stack');
    const key = new kms.Key(stack, 'Key');
    const role = new iam.Role(stack, 'SmsRole', { assumedBy: new iam.ServicePrincipal('sms.amazonaws.com') });

    // WHEN
    new ReplicationJob(stack, 'Job', {
      server: ReplicationServer.fromVmName('web01', 'vcenter01.example.com'),
      frequency: ReplicationFrequency.once(),
      seedTime: SeedTime.atIso('2026-12-01T03:00:00+01:00'),
      licenseType: LicenseType.BYOL,
      numberOfRecentAmisToKeep: 5,
      encryptionKey: key,
      role,
      description: 'web tier',
      removalPolicy: RemovalPolicy.RETAIN,
      displayName: 'Web 01',
    });

    // THEN
    Template.fromStack(stack).hasResource(RESOURCE_TYPE, {
      Properties: {
        ServiceToken: Match.anyValue(),
        [Props.SERVER_ID]: Match.absent(),
        [Props.VM_NAME]: 'web01',
        [Props.VM_MANAGER_NAME]: 'vcenter01.example.com',
        [Props.DISPLAY_NAME]: 'Web 01',
        [Props.RUN_ONCE]: 'true',
        [Props.FREQUENCY_HOURS]: Match.absent(),
        [Props.SEED_TIME]: '2026-12-01T02:00:00.000Z',
        [Props.LICENSE_TYPE]: 'BYOL',
        [Props.NUMBER_OF_RECENT_AMIS_TO_KEEP]: '5',
        [Props.ENCRYPTED]: 'true',
        [Props.KMS_KEY_ID]: { 'Fn::GetAtt': [logicalId(stack, key), 'Arn'] },
        [Props.ROLE_NAME]: { Ref: logicalId(stack, role) },
        [Props.DESCRIPTION]: 'web tier',
        [Props.REMOVAL_POLICY]: RemovalPolicies.RETAIN,
      },
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
    });
  });

  test.each([
    ['VM path', ReplicationServer.fromVmPath('/dc1/vm/web/web01'), Props.VM_PATH, '/dc1/vm/web/web01'],
    ['VM id', ReplicationServer.fromVmId('vm-123'), Props.VM_ID, 'vm-123'],
  ])('selects the server by %s, and names it by it', (_, server, key, value) => {
    // GIVEN
    const stack = new Stack(new App(), 'Stack');

    // WHEN
    new ReplicationJob(stack, 'Job', { server });

    // THEN
    Template.fromStack(stack).hasResourceProperties(RESOURCE_TYPE, {
      [key]: value,
      [Props.DISPLAY_NAME]: value,
      [Props.SERVER_ID]: Match.absent(),
      [Props.VM_MANAGER_NAME]: Match.absent(),
    });
  });

  test.each([
    ['AWS', LicenseType.AWS, 'AWS'],
    ['BYOL', LicenseType.BYOL, 'BYOL'],
    ['AUTO', LicenseType.AUTO, Match.absent()],
  ])('sends license type %s', (_, licenseType, expected) => {
    // GIVEN
    const stack = new Stack(new App(), 'Stack');

    // WHEN
    new ReplicationJob(stack, 'Job', { server: SERVER, licenseType });

    // THEN
    Template.fromStack(stack).hasResourceProperties(RESOURCE_TYPE, { [Props.LICENSE_TYPE]: expected });
  });

  test.each([
    [Duration.hours(1), '1'],
    [Duration.hours(24), '24'],
    [Duration.minutes(360), '6'],
  ])('sends an interval of %s as whole hours', (interval, hours) => {
    // GIVEN
    const stack = new Stack(new App(), 'Stack');

    // WHEN
    new ReplicationJob(stack, 'Job', { server: SERVER, frequency: ReplicationFrequency.every(interval) });

    // THEN
    Template.fromStack(stack).hasResourceProperties(RESOURCE_TYPE, { [Props.RUN_ONCE]: 'false', [Props.FREQUENCY_HOURS]: hours });
  });

  test('sends a seed time given as a Date in UTC', () => {
    // GIVEN
    const stack = new Stack(new App(), 'Stack');

    // WHEN
    new ReplicationJob(stack, 'Job', { server: SERVER, seedTime: SeedTime.at(new Date(Date.UTC(2026, 11, 1, 2, 30))) });

    // THEN
    Template.fromStack(stack).hasResourceProperties(RESOURCE_TYPE, { [Props.SEED_TIME]: '2026-12-01T02:30:00.000Z' });
  });

  test('reads a seed time without an offset as UTC', () => {
    // GIVEN
    const stack = new Stack(new App(), 'Stack');

    // WHEN
    new ReplicationJob(stack, 'Job', { server: SERVER, seedTime: SeedTime.atIso('2026-12-01T02:00') });

    // THEN
    Template.fromStack(stack).hasResourceProperties(RESOURCE_TYPE, { [Props.SEED_TIME]: '2026-12-01T02:00:00.000Z' });
  });

  test('encrypts with the account default EBS key when encrypted without a key', () => {
    // GIVEN
    const stack = new Stack(new App(), 'Stack');

    // WHEN
    new ReplicationJob(stack, 'Job', { server: SERVER, encrypted: true });

    // THEN
    Template.fromStack(stack).hasResourceProperties(RESOURCE_TYPE, { [Props.ENCRYPTED]: 'true', [Props.KMS_KEY_ID]: Match.absent() });
  });

  test('passes the ARN of an imported encryption key', () => {
    // GIVEN
    const stack = new Stack(new App(), 'Stack');
    const arn = 'arn:aws:kms:us-west-2:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab';
    const key = kms.Key.fromKeyArn(stack, 'Key', arn);

    // WHEN
    new ReplicationJob(stack, 'Job', { server: SERVER, encryptionKey: key, encrypted: true });

    // THEN
    Template.fromStack(stack).hasResourceProperties(RESOURCE_TYPE, { [Props.ENCRYPTED]: 'true', [Props.KMS_KEY_ID]: arn });
  });

  test('applies RemovalPolicy.DESTROY when asked', () => {
    // GIVEN
    const stack = new Stack(new App(), 'Stack');

    // WHEN
    new ReplicationJob(stack, 'Job', { server: SERVER, removalPolicy: RemovalPolicy.DESTROY });

    // THEN
    Template.fromStack(stack).hasResource(RESOURCE_TYPE, {
      Properties: Match.objectLike({ [Props.REMOVAL_POLICY]: RemovalPolicies.DESTROY }),
      DeletionPolicy: 'Delete',
      UpdateReplacePolicy: 'Delete',
    });
  });

  test('exposes the job id as the resource ref and the server id as an attribute', () => {
    // GIVEN
    const stack = new Stack(new App(), 'Stack');

    // WHEN
    const job = new ReplicationJob(stack, 'Job', { server: SERVER });

    // THEN
    const id = stack.getLogicalId(job.node.findChild('Resource').node.defaultChild as iam.CfnRole);
    expect(stack.resolve(job.replicationJobId)).toEqual({ Ref: id });
    expect(stack.resolve(job.serverId)).toEqual({ 'Fn::GetAtt': [id, Data.SERVER_ID] });
  });
});

describe('ReplicationJob provider', () => {
  test('is one provider and one onEvent function for every job of a stack', () => {
    // GIVEN
    const stack = new Stack(new App(), 'Stack');

    // WHEN
    for (const name of ['web01', 'web02', 'db01']) {
      new ReplicationJob(stack, name, { server: ReplicationServer.fromVmName(name) });
    }

    // THEN
    const template = Template.fromStack(stack);
    template.resourceCountIs(RESOURCE_TYPE, 3);
    template.resourcePropertiesCountIs('AWS::Lambda::Function', { Handler: Handlers.ON_EVENT }, 1);
    template.resourcePropertiesCountIs('AWS::Lambda::Function', { Handler: Handlers.IS_COMPLETE }, 1);
    template.resourceCountIs('AWS::StepFunctions::StateMachine', 1);
    const tokens = Object.values(template.findResources(RESOURCE_TYPE)).map((r) => JSON.stringify(r.Properties.ServiceToken));
    expect(new Set(tokens).size).toBe(1);
  });

  test('is another provider in another stack', () => {
    // GIVEN
    const app = new App();
    const stack1 = new Stack(app, 'Stack1');
    const stack2 = new Stack(app, 'Stack2');

    // WHEN
    new ReplicationJob(stack1, 'Job', { server: SERVER });
    new ReplicationJob(stack2, 'Job', { server: ReplicationServer.fromServerId('s-87654321') });

    // THEN
    for (const stack of [stack1, stack2]) {
      expect(stack.node.tryFindChild(PROVIDER_ID)).toBeInstanceOf(ReplicationJobProvider);
      Template.fromStack(stack).resourcePropertiesCountIs('AWS::Lambda::Function', { Handler: Handlers.ON_EVENT }, 1);
    }
  });

  test('gives the handler no iam:PassRole without a custom role', () => {
    // GIVEN
    const stack = new Stack(new App(), 'Stack');

    // WHEN
    new ReplicationJob(stack, 'Job', { server: SERVER });

    // THEN
    expect(passRoleStatements(stack)).toEqual([]);
    Template.fromStack(stack).hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: { Statement: Match.arrayWith([{ Action: HANDLER_SMS_ACTIONS, Effect: 'Allow', Resource: '*' }]) },
    });
  });

  test('lets the handler pass exactly the custom roles used, to SMS only', () => {
    // GIVEN
    const stack = new Stack(new App(), 'Stack');
    const role1 = new iam.Role(stack, 'SmsRole1', { assumedBy: new iam.ServicePrincipal('sms.amazonaws.com') });
    const role2 = new iam.Role(stack, 'SmsRole2', { assumedBy: new iam.ServicePrincipal('sms.amazonaws.com') });
    new iam.Role(stack, 'Unused', { assumedBy: new iam.ServicePrincipal('sms.amazonaws.com') });

    // WHEN
    new ReplicationJob(stack, 'Job1', { server: SERVER, role: role1 });
    new ReplicationJob(stack, 'Job2', { server: ReplicationServer.fromServerId('s-2'), role: role1 });
    new ReplicationJob(stack, 'Job3', { server: ReplicationServer.fromServerId('s-3'), role: role2 });
    new ReplicationJob(stack, 'Job4', { server: ReplicationServer.fromServerId('s-4') });

    // THEN
    const passRole = (role: iam.Role) => ({
      Action: 'iam:PassRole',
      Condition: { StringEquals: { 'iam:PassedToService': 'sms.amazonaws.com' } },
      Effect: 'Allow',
      Resource: { 'Fn::GetAtt': [logicalId(stack, role), 'Arn'] },
    });
    expect(passRoleStatements(stack)).toEqual([passRole(role1), passRole(role2)]);
  });

  test('creates the job after the custom role and its policies', () => {
    // GIVEN
    const stack = new Stack(new App(), 'Stack');
    const role = new iam.Role(stack, 'SmsRole', { assumedBy: new iam.ServicePrincipal('sms.amazonaws.com') });
    role.addToPolicy(new iam.PolicyStatement({ actions: ['ec2:DescribeImages'], resources: ['*'] }));

    // WHEN
    new ReplicationJob(stack, 'Job', { server: SERVER, role });

    // THEN
    const policyId = stack.getLogicalId(role.node.findChild('DefaultPolicy').node.defaultChild as iam.CfnPolicy);
    Template.fromStack(stack).hasResource(RESOURCE_TYPE, { DependsOn: Match.arrayWith([policyId, logicalId(stack, role)]) });
  });
});

describe('ReplicationJob imports', () => {
  test('imports a job by id', () => {
    // GIVEN
    const stack = new Stack(new App(), 'Stack');

    // WHEN
    const job = ReplicationJob.fromReplicationJobId(stack, 'Job', 'sms-job-12345678');

    // THEN
    expect(job.replicationJobId).toBe('sms-job-12345678');
    expect(stack.node.findAll().filter(CfnResource.isCfnResource)).toEqual([]);
    expect(stack.node.tryFindChild(PROVIDER_ID)).toBeUndefined();
  });

  test('fails when the server id of a job imported by id is read', () => {
    // GIVEN
    const stack = new Stack(new App(), 'Stack');
    const job = ReplicationJob.fromReplicationJobId(stack, 'Job', 'sms-job-12345678');

    // WHEN / THEN
    expect(() => job.serverId).toThrow(/serverId of imported replication job sms-job-12345678 is not known/);
  });

  test('imports a job by attributes, passing them through unchanged', () => {
    // GIVEN
    const stack = new Stack(new App(), 'Stack');

    // WHEN
    const job = ReplicationJob.fromReplicationJobAttributes(stack, 'Job', { replicationJobId: 'sms-job-12345678', serverId: 's-12345678' });

    // THEN
    expect(job.replicationJobId).toBe('sms-job-12345678');
    expect(job.serverId).toBe('s-12345678');
    expect(stack.node.findAll().filter(CfnResource.isCfnResource)).toEqual([]);
  });
});
