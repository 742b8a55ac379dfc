import { App, CfnResource, Stack, Validations } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { acknowledgeNagFindings, allVersionsFinding } from '../../lib/private/nag-acknowledgements';

const REASON = 'a reason of more than ten characters';

/** A role with a policy below it: two CloudFormation resources under one construct. */
function roleWithPolicy(stack: Stack): iam.Role {
  const role = new iam.Role(stack, 'Role', { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com') });
  role.addToPrincipalPolicy(new iam.PolicyStatement({ actions: ['sms:GetServers'], resources: ['*'] }));
  return role;
}

/** The `cdk_nag` metadata of every resource of the stack, by logical id. */
function cdkNagMetadata(stack: Stack): Record<string, unknown> {
  const resources: Record<string, { Metadata?: { cdk_nag?: unknown } }> = Template.fromStack(stack).toJSON().Resources;
  return Object.fromEntries(Object.entries(resources).map(([id, resource]) => [id, resource.Metadata?.cdk_nag]));
}

describe('acknowledgeNagFindings', () => {
  test('records a CDK acknowledgement per finding, as cdk-nag 3 reads them', () => {
    // GIVEN
    const stack = new Stack(new App(), 'Stack');
    const role = roleWithPolicy(stack);

    // WHEN
    acknowledgeNagFindings(role, [
      { id: 'AwsSolutions-IAM5', appliesTo: ['Resource::*', 'Action::sms:*'], reason: REASON },
      { id: 'AwsSolutions-IAM4', reason: REASON },
    ]);

    // THEN
    const recorded = role.node.metadata.filter((entry) => entry.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY).map((entry) => entry.data);
    expect(recorded).toEqual([
      { 'Annotation::AwsSolutions-IAM5[Resource::*]': REASON },
      { 'Annotation::AwsSolutions-IAM5[Action::sms:*]': REASON },
      { 'Annotation::AwsSolutions-IAM4': REASON },
    ]);
  });

  test('writes cdk-nag 2 suppressions to every resource below the construct, after those already there', () => {
    // GIVEN
    const stack = new Stack(new App(), 'Stack');
    const role = roleWithPolicy(stack);
    (role.node.defaultChild as CfnResource).addMetadata('cdk_nag', { rules_to_suppress: [{ id: 'AwsSolutions-IAM4', reason: REASON }] });
    new iam.Role(stack, 'Other', { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com') });

    // WHEN
    acknowledgeNagFindings(role, [{ id: 'AwsSolutions-IAM5', appliesTo: ['Resource::*'], reason: REASON }]);

    // THEN
    const iam5 = { id: 'AwsSolutions-IAM5', reason: REASON, applies_to: ['Resource::*'] };
    expect(cdkNagMetadata(stack)).toEqual({
      [stack.getLogicalId(role.node.defaultChild as CfnResource)]: { rules_to_suppress: [{ id: 'AwsSolutions-IAM4', reason: REASON }, iam5] },
      [stack.getLogicalId(role.node.findChild('DefaultPolicy').node.defaultChild as CfnResource)]: { rules_to_suppress: [iam5] },
      [stack.getLogicalId(stack.node.findChild('Other').node.defaultChild as CfnResource)]: undefined,
    });
  });

  test('fails when a reason is too short for cdk-nag 2, or not plain ASCII', () => {
    // GIVEN
    const stack = new Stack(new App(), 'Stack');
    const role = roleWithPolicy(stack);

    // WHEN / THEN
    expect(() => acknowledgeNagFindings(role, [{ id: 'AwsSolutions-IAM4', reason: 'too short' }])).toThrow(/AwsSolutions-IAM4 must be plain ASCII/);
    expect(() => acknowledgeNagFindings(role, [{ id: 'AwsSolutions-IAM4', reason: 'SMS has no resource-level permissions \u2014 none' }]))
      .toThrow(/plain ASCII of at least 10 characters/);
  });
});

describe('allVersionsFinding', () => {
  test('names the finding of a grant on every version of a function', () => {
    // GIVEN
    const stack = new Stack(new App(), 'Stack');
    const fn = new lambda.Function(stack, 'Fn', { code: lambda.Code.fromInline('exports.h = 1'), handler: 'index.h', runtime: lambda.Runtime.NODEJS_24_X });

    // WHEN
    const finding = allVersionsFinding(fn.functionArn, fn);

    // THEN
    expect(finding).toBe(`Resource::<${stack.getLogicalId(fn.node.defaultChild as lambda.CfnFunction)}.Arn>:*`);
  });

  test('fails for an ARN that is no attribute of a resource of the stack', () => {
    // GIVEN
    const stack = new Stack(new App(), 'Stack');

    // WHEN / THEN
    expect(() => allVersionsFinding('arn:aws:lambda:eu-west-1:123456789012:function:f', stack)).toThrow(/is not an attribute of a resource/);
  });
});
