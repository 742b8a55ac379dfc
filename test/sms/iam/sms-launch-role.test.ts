import { App, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { SmsLaunchRole } from '../../../lib';

describe('SmsLaunchRole', () => {
  test('is trusted by CloudFormation and has the managed launch policy, and nothing else', () => {
    // GIVEN
    const stack = new Stack(new App(), 'Stack');

    // WHEN
    const launchRole = new SmsLaunchRole(stack, 'LaunchRole');

    // THEN
    const template = Template.fromStack(stack);
    template.hasResourceProperties('AWS::IAM::Role', {
      AssumeRolePolicyDocument: {
        Statement: [{ Action: 'sts:AssumeRole', Effect: 'Allow', Principal: { Service: 'cloudformation.amazonaws.com' } }],
      },
      ManagedPolicyArns: [
        { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':iam::aws:policy/service-role/ServerMigrationServiceLaunchRole']] },
      ],
      Policies: Match.absent(),
      RoleName: Match.absent(),
      Description: 'Used by CloudFormation to launch AWS Server Migration Service applications (cdk-sms-migration)',
    });
    template.resourceCountIs('AWS::IAM::Policy', 0);
    expect(launchRole.grantPrincipal).toBe(launchRole.role);
  });

  test('takes a name and a description', () => {
    // GIVEN
    const stack = new Stack(new App(), 'Stack');

    // WHEN
    new SmsLaunchRole(stack, 'LaunchRole', { roleName: 'sms-launch', description: 'launches apps' });

    // THEN
    Template.fromStack(stack).hasResourceProperties('AWS::IAM::Role', { RoleName: 'sms-launch', Description: 'launches apps' });
  });

  test('fails when roleName is not an IAM role name', () => {
    // GIVEN
    const stack = new Stack(new App(), 'Stack');

    // WHEN / THEN
    expect(() => new SmsLaunchRole(stack, 'LaunchRole', { roleName: 'sms launch' }))
      .toThrow(/roleName 'sms launch' is not an IAM role name/);
  });

  test('fails when description is longer than 1000 characters', () => {
    // GIVEN
    const stack = new Stack(new App(), 'Stack');

    // WHEN / THEN
    expect(() => new SmsLaunchRole(stack, 'LaunchRole', { description: 'd'.repeat(1001) }))
      .toThrow(/description is 1001 characters long, IAM allows at most 1000/);
  });
});
