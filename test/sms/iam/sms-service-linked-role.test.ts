import { App, CfnResource, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as iam from 'aws-cdk-lib/aws-iam';
import { ReplicationJob, ReplicationServer, SmsServiceLinkedRole } from '../../../lib';
import { Props, RESOURCE_TYPE } from '../../../lib/sms/handler/api';

/** The ARN of SMS's service-linked role in the stack's account, as the template writes it. */
const SLR_ARN_PREFIX = [
  'arn:', { Ref: 'AWS::Partition' }, ':iam::', { Ref: 'AWS::AccountId' }, ':role/aws-service-role/sms.amazonaws.com/',
];

describe('SmsServiceLinkedRole', () => {
  test('defines the service-linked role of sms.amazonaws.com, with nothing else', () => {
    // GIVEN
    const stack = new Stack(new App(), 'Stack');

    // WHEN
    new SmsServiceLinkedRole(stack, 'Slr');

    // THEN
    const template = Template.fromStack(stack);
    template.resourceCountIs('AWS::IAM::ServiceLinkedRole', 1);
    template.hasResourceProperties('AWS::IAM::ServiceLinkedRole', {
      AWSServiceName: 'sms.amazonaws.com',
      Description: Match.absent(),
      CustomSuffix: Match.absent(),
    });
    expect(Object.keys(template.toJSON().Resources)).toHaveLength(1);
  });

  test('names the role AWSServiceRoleForSMS', () => {
    // THEN
    expect(SmsServiceLinkedRole.ROLE_NAME).toBe('AWSServiceRoleForSMS');
  });

  test('gives a role read from the role resource, at the path of service-linked roles', () => {
    // GIVEN
    const stack = new Stack(new App(), 'Stack');

    // WHEN
    const slr = new SmsServiceLinkedRole(stack, 'Slr');

    // THEN
    const logicalId = stack.getLogicalId(slr.node.defaultChild as iam.CfnServiceLinkedRole);
    expect(stack.resolve(slr.role.roleName)).toEqual({ Ref: logicalId });
    expect(stack.resolve(slr.role.roleArn)).toEqual({ 'Fn::Join': ['', [...SLR_ARN_PREFIX, { Ref: logicalId }]] });
  });

  test('makes a job that uses the role wait for it', () => {
    // GIVEN
    const stack = new Stack(new App(), 'Stack');
    const slr = new SmsServiceLinkedRole(stack, 'Slr');

    // WHEN
    new ReplicationJob(stack, 'Job', { server: ReplicationServer.fromServerId('s-12345678'), role: slr.role });

    // THEN
    const logicalId = stack.getLogicalId(slr.node.defaultChild as iam.CfnServiceLinkedRole);
    Template.fromStack(stack).hasResourceProperties(RESOURCE_TYPE, { [Props.ROLE_NAME]: { Ref: logicalId } });
  });

  test('adds nothing when a grant is made to the role', () => {
    // GIVEN
    const stack = new Stack(new App(), 'Stack');
    const slr = new SmsServiceLinkedRole(stack, 'Slr');

    // WHEN
    slr.role.addToPrincipalPolicy(new iam.PolicyStatement({ actions: ['s3:GetObject'], resources: ['*'] }));

    // THEN
    Template.fromStack(stack).resourceCountIs('AWS::IAM::Policy', 0);
  });
});

describe('SmsServiceLinkedRole.fromAccount', () => {
  test('imports the role by its name, at the path of service-linked roles, defining nothing', () => {
    // GIVEN
    const stack = new Stack(new App(), 'Stack');

    // WHEN
    const role = SmsServiceLinkedRole.fromAccount(stack, 'Slr');

    // THEN
    expect(role.roleName).toBe('AWSServiceRoleForSMS');
    expect(stack.resolve(role.roleArn)).toEqual({ 'Fn::Join': ['', [...SLR_ARN_PREFIX.slice(0, -1),
      ':role/aws-service-role/sms.amazonaws.com/AWSServiceRoleForSMS']] });
    expect(stack.node.findAll().filter((construct) => CfnResource.isCfnResource(construct))).toEqual([]);
  });

  test('gives an immutable role', () => {
    // GIVEN
    const stack = new Stack(new App(), 'Stack');
    const role = SmsServiceLinkedRole.fromAccount(stack, 'Slr');

    // WHEN
    role.addToPrincipalPolicy(new iam.PolicyStatement({ actions: ['s3:GetObject'], resources: ['*'] }));

    // THEN
    expect(stack.node.findAll().filter((construct) => CfnResource.isCfnResource(construct))).toEqual([]);
  });

  test('passes the role name to a job that uses the role', () => {
    // GIVEN
    const stack = new Stack(new App(), 'Stack');
    const role = SmsServiceLinkedRole.fromAccount(stack, 'Slr');

    // WHEN
    new ReplicationJob(stack, 'Job', { server: ReplicationServer.fromServerId('s-12345678'), role });

    // THEN
    Template.fromStack(stack).hasResourceProperties(RESOURCE_TYPE, { [Props.ROLE_NAME]: 'AWSServiceRoleForSMS' });
  });
});
