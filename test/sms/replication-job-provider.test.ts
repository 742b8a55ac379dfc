import * as fs from 'fs';
import * as path from 'path';
import { App, CfnWaitConditionHandle, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import {
  HANDLER_SMS_ACTIONS, PROVIDER_ID, ReplicationJobProvider, handlerBundleDir,
} from '../../lib/sms/replication-job-provider';
import { HANDLER_NODE_MAJOR, Handlers } from '../../lib/sms/handler/api';

/** The statements of the policy attached to the handler role. */
function handlerStatements(stack: Stack, provider: ReplicationJobProvider): unknown[] {
  const roleId = stack.resolve((provider.handlerRole as iam.Role).roleName);
  const policies = Template.fromStack(stack).findResources('AWS::IAM::Policy', { Properties: { Roles: [roleId] } });
  expect(Object.keys(policies)).toHaveLength(1);
  return Object.values(policies)[0].Properties.PolicyDocument.Statement;
}

/** The statement that lets the handler write to the log group of `fn`. */
function logStatement(stack: Stack, fn: lambda.IFunction): unknown {
  return {
    Action: ['logs:CreateLogStream', 'logs:PutLogEvents'],
    Effect: 'Allow',
    Resource: stack.resolve((fn as lambda.Function).logGroup.logGroupArn),
  };
}

describe('handlerBundleDir', () => {
  test('names the folder where the build writes the handler bundle', () => {
    // WHEN
    const dir = handlerBundleDir();

    // THEN
    expect(dir).toBe(path.join(__dirname, '..', '..', 'lib', 'sms', 'handler', 'bundle'));
    expect(fs.existsSync(path.join(dir, 'index.js'))).toBe(true);
  });
});

describe('ReplicationJobProvider', () => {
  test('defines the onEvent and isComplete functions from the bundle, on the Node.js it is built for, with timeouts', () => {
    // GIVEN
    const stack = new Stack(new App(), 'Stack');

    // WHEN
    ReplicationJobProvider.of(stack);

    // THEN
    const template = Template.fromStack(stack);
    template.hasResourceProperties('AWS::Lambda::Function', {
      Handler: Handlers.ON_EVENT,
      Runtime: `nodejs${HANDLER_NODE_MAJOR}.x`,
      Timeout: 300,
      Environment: Match.absent(),
      LoggingConfig: { LogGroup: { Ref: Match.anyValue() } },
    });
    template.hasResourceProperties('AWS::Lambda::Function', {
      Handler: Handlers.IS_COMPLETE,
      Runtime: `nodejs${HANDLER_NODE_MAJOR}.x`,
      Timeout: 120,
      Environment: Match.absent(),
      LoggingConfig: { LogGroup: { Ref: Match.anyValue() } },
    });
  });

  test('keeps every log group for a month', () => {
    // GIVEN
    const stack = new Stack(new App(), 'Stack');

    // WHEN
    ReplicationJobProvider.of(stack);

    // THEN: the two handler functions', the framework's and its waiter state machine's
    const template = Template.fromStack(stack);
    template.resourceCountIs('AWS::Logs::LogGroup', 4);
    template.allResourcesProperties('AWS::Logs::LogGroup', { RetentionInDays: 30 });
    template.resourceCountIs('Custom::LogRetention', 0);
  });

  test('polls isComplete every 30 seconds for at most 45 minutes', () => {
    // GIVEN
    const stack = new Stack(new App(), 'Stack');

    // WHEN
    ReplicationJobProvider.of(stack);

    // THEN
    const definition = JSON.stringify(Template.fromStack(stack).findResources('AWS::StepFunctions::StateMachine'));
    expect(definition).toContain('\\"IntervalSeconds\\":30,\\"MaxAttempts\\":90,\\"BackoffRate\\":1');
  });

  test('runs on the newest Node.js Lambda runtime that aws-cdk-lib names', () => {
    // GIVEN the Node.js runtimes of the installed aws-cdk-lib, newest last
    const majors = lambda.Runtime.ALL.map((runtime) => /^nodejs(\d+)\.x$/.exec(runtime.name)?.[1])
      .filter((major): major is string => major !== undefined).map(Number).sort((a, b) => a - b);

    // THEN the handler's is the newest: when aws-cdk-lib names a newer one, move HANDLER_NODE_MAJOR
    // (runtime and bundle target alike) and rebuild
    expect(HANDLER_NODE_MAJOR).toBe(majors[majors.length - 1]);
  });

  test('logs every event of the waiter state machine to a log group of its own, without execution data', () => {
    // GIVEN
    const stack = new Stack(new App(), 'Stack');

    // WHEN
    const provider = ReplicationJobProvider.of(stack);

    // THEN
    const template = Template.fromStack(stack);
    const waiterLogs = provider.node.findChild('WaiterLogs') as logs.LogGroup;
    template.hasResourceProperties('AWS::StepFunctions::StateMachine', {
      LoggingConfiguration: {
        Destinations: [{ CloudWatchLogsLogGroup: { LogGroupArn: stack.resolve(waiterLogs.logGroupArn) } }],
        IncludeExecutionData: false,
        Level: 'ALL',
      },
    });
    template.hasResourceProperties('AWS::Logs::LogGroup', {
      LogGroupName: {
        'Fn::Join': ['', ['/aws/vendedlogs/states/cdk-sms-migration-waiter-', stack.resolve(provider.isCompleteHandler.functionName)]],
      },
      RetentionInDays: 30,
    });
  });

  test('runs the framework functions with roles of its own that may only log, besides what the framework grants', () => {
    // GIVEN
    const stack = new Stack(new App(), 'Stack');

    // WHEN
    const provider = ReplicationJobProvider.of(stack);

    // THEN no role has a managed policy, and the framework's roles log to the framework's group only
    const template = Template.fromStack(stack);
    template.allResourcesProperties('AWS::IAM::Role', { ManagedPolicyArns: Match.absent() });
    const frameworkLogs = stack.resolve((provider.node.findChild('FrameworkLogs') as logs.LogGroup).logGroupArn);
    const roles = template.findResources('AWS::IAM::Role', { Properties: { Description: Match.stringLikeRegexp('provider framework') } });
    expect(Object.keys(roles)).toHaveLength(2);
    for (const id of ['FrameworkOnEventRole', 'FrameworkIsCompleteRole']) {
      const role = provider.node.findChild(id) as iam.Role;
      expect(roles[stack.getLogicalId(role.node.defaultChild as iam.CfnRole)].Properties.Policies).toEqual([{
        PolicyName: 'Logs',
        PolicyDocument: {
          Version: '2012-10-17',
          Statement: [{ Action: ['logs:CreateLogStream', 'logs:PutLogEvents'], Effect: 'Allow', Resource: frameworkLogs }],
        },
      }]);
    }
    template.resourcePropertiesCountIs('AWS::Lambda::Function', {
      Role: { 'Fn::GetAtt': [stack.getLogicalId((provider.node.findChild('FrameworkOnEventRole') as iam.Role).node.defaultChild as iam.CfnRole), 'Arn'] },
    }, 1);
    template.resourcePropertiesCountIs('AWS::Lambda::Function', {
      Role: { 'Fn::GetAtt': [stack.getLogicalId((provider.node.findChild('FrameworkIsCompleteRole') as iam.Role).node.defaultChild as iam.CfnRole), 'Arn'] },
    }, 2);
  });

  test('acknowledges the SMS actions on every resource for cdk-nag, on the handler role only', () => {
    // GIVEN
    const stack = new Stack(new App(), 'Stack');

    // WHEN
    const provider = ReplicationJobProvider.of(stack);

    // THEN cdk-nag 2's metadata is on the role and its policy, and on no function
    const template = Template.fromStack(stack);
    const roleId = stack.getLogicalId((provider.handlerRole as iam.Role).node.defaultChild as iam.CfnRole);
    expect(template.toJSON().Resources[roleId].Metadata.cdk_nag.rules_to_suppress).toEqual([{
      id: 'AwsSolutions-IAM5', reason: expect.stringMatching(/^SMS has no resource-level permissions/), applies_to: ['Resource::*'],
    }]);
    expect(Object.values(template.findResources('AWS::Lambda::Function')).filter((fn) => fn.Metadata?.cdk_nag !== undefined)).toEqual([]);
  });

  test('is found again rather than defined twice in a stack', () => {
    // GIVEN
    const stack = new Stack(new App(), 'Stack');
    const first = ReplicationJobProvider.of(stack);
    const nested = new Construct(stack, 'Nested');

    // WHEN
    const second = ReplicationJobProvider.of(nested);

    // THEN
    expect(second).toBe(first);
    expect(stack.node.tryFindChild(PROVIDER_ID)).toBe(first);
    Template.fromStack(stack).resourcePropertiesCountIs('AWS::Lambda::Function', { Handler: Handlers.ON_EVENT }, 1);
  });

  test('is defined once in each stack', () => {
    // GIVEN
    const app = new App();
    const stack1 = new Stack(app, 'Stack1');
    const stack2 = new Stack(app, 'Stack2');

    // WHEN
    const provider1 = ReplicationJobProvider.of(stack1);
    const provider2 = ReplicationJobProvider.of(stack2);

    // THEN
    expect(provider2).not.toBe(provider1);
    Template.fromStack(stack1).resourcePropertiesCountIs('AWS::Lambda::Function', { Handler: Handlers.ON_EVENT }, 1);
    Template.fromStack(stack2).resourcePropertiesCountIs('AWS::Lambda::Function', { Handler: Handlers.ON_EVENT }, 1);
  });

  test('gives the handler role the five SMS actions on every resource, and logging, and nothing else', () => {
    // GIVEN
    const stack = new Stack(new App(), 'Stack');

    // WHEN
    const provider = ReplicationJobProvider.of(stack);

    // THEN
    expect(handlerStatements(stack, provider)).toEqual([
      { Action: HANDLER_SMS_ACTIONS, Effect: 'Allow', Resource: '*' },
      logStatement(stack, provider.onEventHandler),
      logStatement(stack, provider.isCompleteHandler),
    ]);
    expect(HANDLER_SMS_ACTIONS).toEqual([
      'sms:CreateReplicationJob', 'sms:UpdateReplicationJob', 'sms:DeleteReplicationJob', 'sms:GetReplicationJobs', 'sms:GetServers',
    ]);
    Template.fromStack(stack).hasResourceProperties('AWS::IAM::Role', {
      Description: 'Runs the cdk-sms-migration replication job handler',
      ManagedPolicyArns: Match.absent(),
      Policies: Match.absent(),
    });
  });

  test('lets the handler pass a role to SMS only, once however often it is asked', () => {
    // GIVEN
    const stack = new Stack(new App(), 'Stack');
    const provider = ReplicationJobProvider.of(stack);
    const role = new iam.Role(stack, 'SmsRole', { assumedBy: new iam.ServicePrincipal('sms.amazonaws.com') });

    // WHEN
    provider.allowPassRole(role);
    provider.allowPassRole(role);

    // THEN
    expect(handlerStatements(stack, provider)).toEqual([
      { Action: HANDLER_SMS_ACTIONS, Effect: 'Allow', Resource: '*' },
      logStatement(stack, provider.onEventHandler),
      logStatement(stack, provider.isCompleteHandler),
      {
        Action: 'iam:PassRole',
        Condition: { StringEquals: { 'iam:PassedToService': 'sms.amazonaws.com' } },
        Effect: 'Allow',
        Resource: { 'Fn::GetAtt': [stack.getLogicalId(role.node.defaultChild as iam.CfnRole), 'Arn'] },
      },
    ]);
  });

  test('fails when another construct has the provider id', () => {
    // GIVEN
    const stack = new Stack(new App(), 'Stack');
    new Construct(stack, PROVIDER_ID);

    // WHEN / THEN
    expect(() => ReplicationJobProvider.of(stack)).toThrow(/construct id cdk-sms-migration.ReplicationJobProvider is taken/);
  });

  test('fails when the handler bundle has not been built', () => {
    // GIVEN
    const stack = new Stack(new App(), 'Stack');
    const existsSync = jest.spyOn(fs, 'existsSync').mockReturnValue(false);

    try {
      // WHEN / THEN
      expect(() => ReplicationJobProvider.of(stack)).toThrow(/replication job handler bundle .*index\.js does not exist, run npm run build/);
    } finally {
      existsSync.mockRestore();
    }
  });
});

describe('ReplicationJobProvider shared by other stacks', () => {
  test('serves the jobs of another stack by its function\'s name, which depends on its stack without referencing it', () => {
    // GIVEN a shared provider and a stack it serves
    const app = new App();
    const providerStack = new Stack(app, 'Provider');
    const jobs = new Stack(app, 'Jobs');
    const provider = ReplicationJobProvider.shared(providerStack, 'jobs-provider-onEvent');

    // WHEN
    provider.serve(jobs);
    // (a job would be here: a stack without resources makes CDK's template validation print a warning)
    new CfnWaitConditionHandle(jobs, 'Placeholder');

    // THEN the served stack finds it, calls it by ARN and defines no provider of its own
    expect(ReplicationJobProvider.of(new Construct(jobs, 'Nested'))).toBe(provider);
    expect(jobs.resolve(provider.serviceTokenFor(jobs))).toEqual({
      'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':lambda:', { Ref: 'AWS::Region' }, ':', { Ref: 'AWS::AccountId' }, ':function:jobs-provider-onEvent']],
    });
    expect(provider.serviceTokenFor(providerStack)).toBe(provider.serviceToken);
    expect(jobs.node.tryFindChild(PROVIDER_ID)).toBeUndefined();
    expect(jobs.dependencies).toEqual([providerStack]);
    Template.fromStack(providerStack).hasResourceProperties('AWS::Lambda::Function', { FunctionName: 'jobs-provider-onEvent' });
  });

  test('fails to serve a stack when it has no function name', () => {
    // GIVEN a stack's own provider
    const app = new App();
    const provider = ReplicationJobProvider.of(new Stack(app, 'Stack1'));

    // WHEN / THEN
    expect(() => provider.serve(new Stack(app, 'Stack2'))).toThrow(/has no function name, it cannot serve stack Stack2/);
  });

  test('fails to let the handler pass a role defined in a stack it serves', () => {
    // GIVEN a role in a served stack
    const app = new App();
    const provider = ReplicationJobProvider.shared(new Stack(app, 'Provider'), 'jobs-provider-onEvent');
    const jobs = new Stack(app, 'Jobs');
    provider.serve(jobs);
    const role = new iam.Role(jobs, 'SmsRole', { assumedBy: new iam.ServicePrincipal('sms.amazonaws.com') });

    // WHEN / THEN
    expect(() => provider.allowPassRole(role)).toThrow(/role Jobs\/SmsRole is defined in stack Jobs, whose jobs use the provider of stack Provider/);
  });
});
