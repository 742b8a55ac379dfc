import * as fs from 'fs';
import * as path from 'path';
import { App, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { Construct } from 'constructs';
import {
  HANDLER_SMS_ACTIONS, PROVIDER_ID, ReplicationJobProvider, handlerBundleDir,
} from '../../lib/sms/replication-job-provider';
import { Handlers } from '../../lib/sms/handler/api';

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
  test('defines the onEvent and isComplete functions from the bundle, on Node.js 22 with timeouts', () => {
    // GIVEN
    const stack = new Stack(new App(), 'Stack');

    // WHEN
    ReplicationJobProvider.of(stack);

    // THEN
    const template = Template.fromStack(stack);
    template.hasResourceProperties('AWS::Lambda::Function', {
      Handler: Handlers.ON_EVENT,
      Runtime: 'nodejs22.x',
      Timeout: 300,
      Environment: Match.absent(),
      LoggingConfig: { LogGroup: { Ref: Match.anyValue() } },
    });
    template.hasResourceProperties('AWS::Lambda::Function', {
      Handler: Handlers.IS_COMPLETE,
      Runtime: 'nodejs22.x',
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

    // THEN: the two handler functions' and the framework's
    const template = Template.fromStack(stack);
    template.resourceCountIs('AWS::Logs::LogGroup', 3);
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
