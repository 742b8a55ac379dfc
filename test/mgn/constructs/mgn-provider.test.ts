import * as path from 'path';
import { App, CfnWaitConditionHandle, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Handlers } from '../../../lib/mgn/handler/api';
import * as bundle from '../../../lib/mgn/handler-bundle';
import { MGN_PROVIDER_ID, MgnProvider } from '../../../lib/mgn/mgn-provider';
import { HANDLER_NODE_MAJOR } from '../../../lib/sms/handler/api';
import { useMgnBundle } from './bundle';

const ENV = { account: '123456789012', region: 'eu-west-1' };
useMgnBundle();

/** The statements of the policy attached to the handler role. */
function handlerStatements(stack: Stack, provider: MgnProvider): Array<Record<string, unknown>> {
  const roleId = stack.resolve((provider.handlerRole as iam.Role).roleName);
  const policies = Template.fromStack(stack).findResources('AWS::IAM::Policy', { Properties: { Roles: [roleId] } });
  expect(Object.keys(policies)).toHaveLength(1);
  return Object.values(policies)[0].Properties.PolicyDocument.Statement;
}

/** A resolved value with the partition written out (`aws`), so that ARNs read as strings. */
function flat(value: unknown): unknown {
  if (Array.isArray(value)) {
    return value.map(flat);
  }
  if (value !== null && typeof value === 'object') {
    const object = value as Record<string, unknown>;
    const join = object['Fn::Join'] as [string, unknown[]] | undefined;
    if (join !== undefined) {
      return join[1].map((part) => ((part as { Ref?: string }).Ref === 'AWS::Partition' ? 'aws' : flat(part))).join(join[0]);
    }
    return Object.fromEntries(Object.entries(object).map(([k, v]) => [k, flat(v)]));
  }
  return value;
}

const MGN = (type: string): string => `arn:aws:mgn:eu-west-1:123456789012:${type}`;

describe('MgnProvider', () => {
  test('defines the onEvent and isComplete functions from the bundle, on the Node.js it is built for', () => {
    // GIVEN
    const stack = new Stack(new App(), 'Stack', { env: ENV });

    // WHEN
    const provider = MgnProvider.of(stack);

    // THEN
    const template = Template.fromStack(stack);
    template.hasResourceProperties('AWS::Lambda::Function', { Handler: Handlers.ON_EVENT, Runtime: `nodejs${HANDLER_NODE_MAJOR}.x`, Timeout: 300 });
    template.hasResourceProperties('AWS::Lambda::Function', { Handler: Handlers.IS_COMPLETE, Runtime: `nodejs${HANDLER_NODE_MAJOR}.x`, Timeout: 120 });
    expect(provider.node.id).toBe(MGN_PROVIDER_ID);
    expect(MgnProvider.of(stack)).toBe(provider);
    // handler and framework log groups kept a month
    template.allResourcesProperties('AWS::Logs::LogGroup', { RetentionInDays: 30 });
  });

  test('gives the handler role what MGN-API.md §8.3 lists, statement by statement, and the import objects', () => {
    // GIVEN
    const stack = new Stack(new App(), 'Stack', { env: ENV });

    // WHEN
    const provider = MgnProvider.of(stack);

    // THEN
    const statements = flat(handlerStatements(stack, provider).filter((s) => s.Sid !== undefined));
    expect(statements).toEqual([
      { Sid: 'Init', Effect: 'Allow', Action: 'mgn:InitializeService', Resource: '*' },
      {
        Sid: 'InitIam', Effect: 'Allow',
        Action: ['iam:CreateInstanceProfile', 'iam:AddRoleToInstanceProfile', 'iam:GetInstanceProfile'],
        Resource: 'arn:aws:iam::123456789012:instance-profile/AWSApplicationMigration*',
      },
      {
        Sid: 'InitSlr', Effect: 'Allow', Action: 'iam:CreateServiceLinkedRole', Resource: '*',
        Condition: { StringEquals: { 'iam:AWSServiceName': 'mgn.amazonaws.com' } },
      },
      {
        Sid: 'Read', Effect: 'Allow', Resource: '*',
        Action: ['mgn:DescribeSourceServers', 'mgn:ListApplications', 'mgn:ListWaves', 'mgn:DescribeReplicationConfigurationTemplates',
          'mgn:DescribeLaunchConfigurationTemplates', 'mgn:ListImports', 'mgn:ListManagedAccounts', 'mgn:ListTagsForResource'],
      },
      {
        Sid: 'Create', Effect: 'Allow', Resource: '*',
        Action: ['mgn:CreateApplication', 'mgn:CreateWave', 'mgn:CreateReplicationConfigurationTemplate',
          'mgn:CreateLaunchConfigurationTemplate', 'mgn:StartImport'],
      },
      {
        Sid: 'TagOnCreate', Effect: 'Allow', Action: 'mgn:TagResource', Resource: MGN('*'),
        Condition: { StringEquals: { 'mgn:CreateAction': ['CreateApplication', 'CreateWave', 'CreateReplicationConfigurationTemplate',
          'CreateLaunchConfigurationTemplate', 'StartImport'] } },
      },
      {
        Sid: 'Mutate', Effect: 'Allow',
        Action: ['mgn:UpdateApplication', 'mgn:DeleteApplication', 'mgn:UpdateWave', 'mgn:DeleteWave',
          'mgn:AssociateSourceServers', 'mgn:DisassociateSourceServers', 'mgn:AssociateApplications', 'mgn:DisassociateApplications',
          'mgn:UpdateReplicationConfigurationTemplate', 'mgn:DeleteReplicationConfigurationTemplate',
          'mgn:UpdateLaunchConfigurationTemplate', 'mgn:DeleteLaunchConfigurationTemplate',
          'mgn:GetReplicationConfiguration', 'mgn:UpdateReplicationConfiguration', 'mgn:GetLaunchConfiguration', 'mgn:UpdateLaunchConfiguration',
          'mgn:UpdateSourceServer', 'mgn:UpdateSourceServerReplicationType', 'mgn:StartReplication', 'mgn:ListImportErrors',
          'mgn:TagResource', 'mgn:UntagResource'],
        Resource: ['source-server/*', 'application/*', 'wave/*', 'replication-configuration-template/*', 'launch-configuration-template/*',
          'import/*'].map(MGN),
      },
      { Sid: 'RemoveServer', Effect: 'Allow', Action: ['mgn:DisconnectFromService', 'mgn:MarkAsArchived'], Resource: MGN('source-server/*') },
      {
        Sid: 'LaunchTemplate', Effect: 'Allow',
        Action: ['ec2:CreateLaunchTemplateVersion', 'ec2:ModifyLaunchTemplate', 'ec2:DeleteLaunchTemplateVersions'],
        Resource: 'arn:aws:ec2:eu-west-1:123456789012:launch-template/*',
        Condition: { Null: { 'aws:ResourceTag/AWSApplicationMigrationServiceManaged': 'false' } },
      },
      { Sid: 'Ec2Read', Effect: 'Allow', Action: ['ec2:DescribeLaunchTemplateVersions', 'ec2:DescribeLaunchTemplates'], Resource: '*' },
      {
        Sid: 'ImportObject', Effect: 'Allow', Action: 's3:GetObject',
        Resource: 'arn:aws:s3:::cdk-hnb659fds-assets-123456789012-eu-west-1/*.csv',
      },
    ]);
    // AND beside them only the writes to its own two log groups
    const others = handlerStatements(stack, provider).filter((s) => s.Sid === undefined);
    expect(others).toHaveLength(2);
    expect(others.every((s) => JSON.stringify(s.Action) === JSON.stringify(['logs:CreateLogStream', 'logs:PutLogEvents']))).toBe(true);
  });

  test('reads the import objects of the assets bucket of the synthesizer\'s qualifier', () => {
    // GIVEN an app whose bootstrap qualifier is not the default
    const app = new App({ context: { '@aws-cdk/core:bootstrapQualifier': 'mig12345' } });
    const stack = new Stack(app, 'Stack', { env: ENV });

    // WHEN
    const provider = MgnProvider.of(stack);

    // THEN
    expect(flat(handlerStatements(stack, provider).find((s) => s.Sid === 'ImportObject')?.Resource))
      .toBe('arn:aws:s3:::cdk-mig12345-assets-123456789012-eu-west-1/*.csv');
  });

  test('is shared by name: a served stack calls its onEvent function by ARN, depends on its stack and holds no provider', () => {
    // GIVEN
    const app = new App();
    const accountStack = new Stack(app, 'Account', { env: ENV });
    const waveStack = new Stack(app, 'Wave', { env: ENV });
    new CfnWaitConditionHandle(waveStack, 'Placeholder');

    // WHEN
    const provider = MgnProvider.shared(accountStack, 'Migration-mgn-onEvent');
    provider.serve(waveStack);

    // THEN
    expect(MgnProvider.of(waveStack)).toBe(provider);
    expect(flat(waveStack.resolve(provider.serviceTokenFor(waveStack)))).toBe('arn:aws:lambda:eu-west-1:123456789012:function:Migration-mgn-onEvent');
    expect(waveStack.dependencies).toEqual([accountStack]);
    Template.fromStack(accountStack).hasResourceProperties('AWS::Lambda::Function', { FunctionName: 'Migration-mgn-onEvent' });
    Template.fromStack(waveStack).resourceCountIs('AWS::Lambda::Function', 0);
    expect(provider.serviceTokenFor(accountStack)).toBe(provider.serviceToken);
  });

  test('fails when a provider without a function name is asked to serve another stack', () => {
    const app = new App();
    const provider = MgnProvider.of(new Stack(app, 'A'));
    expect(() => provider.serve(new Stack(app, 'B'))).toThrow(/has no function name, it cannot serve stack B/);
  });

  test('fails when the bundle is missing, saying how to build it', () => {
    // GIVEN a bundle folder without index.js
    jest.spyOn(bundle, 'mgnHandlerBundleDir').mockReturnValueOnce(path.join(__dirname, 'no-such-dir'));

    // THEN
    expect(() => MgnProvider.of(new Stack(new App(), 'Stack'))).toThrow(/MGN handler bundle .*index\.js does not exist, run npm run build/);
  });

  test('fails when its id is taken by another construct', () => {
    const stack = new Stack(new App(), 'Stack');
    new iam.Role(stack, MGN_PROVIDER_ID, { assumedBy: new iam.AnyPrincipal() });
    expect(() => MgnProvider.of(stack)).toThrow(/construct id cdk-sms-migration\.MgnProvider is taken/);
  });

  test('uses roles of its own for the provider framework, logging to the framework log group only', () => {
    const stack = new Stack(new App(), 'Stack', { env: ENV });
    MgnProvider.of(stack);
    Template.fromStack(stack).hasResourceProperties('AWS::IAM::Role', {
      Description: 'Runs the onEvent function of the cdk-sms-migration MGN custom resource provider framework',
      ManagedPolicyArns: Match.absent(),
    });
    Template.fromStack(stack).hasResourceProperties('AWS::Logs::LogGroup', {
      LogGroupName: Match.objectLike({ 'Fn::Join': ['', Match.arrayWith(['/aws/vendedlogs/states/cdk-sms-migration-mgn-waiter-'])] }),
    });
  });
});
