import { App, CfnParameter, CfnResource, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as iam from 'aws-cdk-lib/aws-iam';
import { MigrationIam, ReplicationJob, ReplicationServer, SmsMigrationError } from '../../../lib';
import { Props, RESOURCE_TYPE } from '../../../lib/sms/handler/api';

/** The logical ids of the users, by user name. */
function userIds(stack: Stack): Record<string, string> {
  const users = Template.fromStack(stack).findResources('AWS::IAM::User');
  return Object.fromEntries(Object.entries(users).map(([id, user]) => [user.Properties.UserName, id]));
}

/** The error that `define` throws. */
function errorOf(define: () => void): SmsMigrationError {
  try {
    define();
  } catch (e) {
    expect(SmsMigrationError.isSmsMigrationError(e)).toBe(true);
    return e as SmsMigrationError;
  }
  throw new Error('expected an error');
}

describe('MigrationIam', () => {
  test('defines nothing by default: jobs use SMS\'s service-linked role', () => {
    // GIVEN
    const stack = new Stack(new App(), 'Stack');

    // WHEN
    const migrationIam = new MigrationIam(stack, 'Iam');

    // THEN
    expect(stack.node.findAll().filter((construct) => CfnResource.isCfnResource(construct))).toEqual([]);
    expect(migrationIam.smsRole).toBeUndefined();
    expect(migrationIam.serviceLinkedRole).toBeUndefined();
    expect(migrationIam.serviceRole).toBeUndefined();
    expect(migrationIam.launchRole).toBeUndefined();
    expect(migrationIam.connectorUsers).toEqual([]);
  });

  test('defines the service-linked role when asked, and gives it to jobs', () => {
    // GIVEN
    const stack = new Stack(new App(), 'Stack');

    // WHEN
    const migrationIam = new MigrationIam(stack, 'Iam', { createServiceLinkedRole: true });
    new ReplicationJob(stack, 'Job', { server: ReplicationServer.fromServerId('s-12345678'), role: migrationIam.smsRole });

    // THEN
    const template = Template.fromStack(stack);
    template.resourceCountIs('AWS::IAM::ServiceLinkedRole', 1);
    // No role of SMS's own: only the handler's roles.
    expect(template.findResources('AWS::IAM::Role', {
      Properties: { AssumeRolePolicyDocument: { Statement: [{ Principal: { Service: 'sms.amazonaws.com' } }] } },
    })).toEqual({});
    const slrId = stack.getLogicalId(migrationIam.serviceLinkedRole!.node.defaultChild as iam.CfnServiceLinkedRole);
    expect(migrationIam.smsRole).toBe(migrationIam.serviceLinkedRole!.role);
    template.hasResourceProperties(RESOURCE_TYPE, { [Props.ROLE_NAME]: { Ref: slrId } });
  });

  test('defines a service role when jobs do not use the service-linked role', () => {
    // GIVEN
    const stack = new Stack(new App(), 'Stack');

    // WHEN
    const migrationIam = new MigrationIam(stack, 'Iam', { useServiceLinkedRole: false });

    // THEN
    const template = Template.fromStack(stack);
    template.resourceCountIs('AWS::IAM::ServiceLinkedRole', 0);
    template.resourceCountIs('AWS::IAM::Role', 1);
    template.hasResourceProperties('AWS::IAM::Role', {
      AssumeRolePolicyDocument: { Statement: [{ Principal: { Service: 'sms.amazonaws.com' } }] },
    });
    expect(migrationIam.serviceRole).toBeDefined();
    expect(migrationIam.smsRole).toBe(migrationIam.serviceRole!.role);
  });

  test('defines a user per connector, without access keys by default', () => {
    // GIVEN
    const stack = new Stack(new App(), 'Stack');

    // WHEN
    const migrationIam = new MigrationIam(stack, 'Iam', { connectors: ['vcenter-dc1', 'hyperv-dc2'] });

    // THEN
    const template = Template.fromStack(stack);
    expect(Object.keys(userIds(stack))).toEqual(['sms-connector-vcenter-dc1', 'sms-connector-hyperv-dc2']);
    template.resourceCountIs('AWS::IAM::AccessKey', 0);
    template.resourceCountIs('AWS::SecretsManager::Secret', 0);
    expect(migrationIam.connectorUsers.map((connector) => connector.node.id)).toEqual(['Connector-vcenter-dc1', 'Connector-hyperv-dc2']);
  });

  test('creates an access key and a secret per connector when asked', () => {
    // GIVEN
    const stack = new Stack(new App(), 'Stack');

    // WHEN
    const migrationIam = new MigrationIam(stack, 'Iam', { connectors: ['vcenter-dc1', 'hyperv-dc2'], connectorAccessKeys: true });

    // THEN
    const template = Template.fromStack(stack);
    template.resourceCountIs('AWS::IAM::AccessKey', 2);
    template.resourceCountIs('AWS::SecretsManager::Secret', 2);
    expect(template.toJSON().Outputs).toBeUndefined();
    expect(migrationIam.connectorUsers.every((connector) => connector.secret !== undefined)).toBe(true);
  });

  test('keeps the logical id of a connector\'s user when connectors are reordered or removed', () => {
    // GIVEN
    const before = new Stack(new App(), 'Stack');
    const after = new Stack(new App(), 'Stack');

    // WHEN
    new MigrationIam(before, 'Iam', { connectors: ['a', 'b', 'c'] });
    new MigrationIam(after, 'Iam', { connectors: ['c', 'a'] });

    // THEN
    const [beforeIds, afterIds] = [userIds(before), userIds(after)];
    expect(afterIds['sms-connector-a']).toBe(beforeIds['sms-connector-a']);
    expect(afterIds['sms-connector-c']).toBe(beforeIds['sms-connector-c']);
  });

  test('defines the launch role when asked', () => {
    // GIVEN
    const stack = new Stack(new App(), 'Stack');

    // WHEN
    const migrationIam = new MigrationIam(stack, 'Iam', { launchRole: true });

    // THEN
    Template.fromStack(stack).hasResourceProperties('AWS::IAM::Role', {
      AssumeRolePolicyDocument: { Statement: [{ Principal: { Service: 'cloudformation.amazonaws.com' } }] },
    });
    expect(migrationIam.launchRole).toBeDefined();
    expect(migrationIam.smsRole).toBeUndefined();
  });

  test('defines everything asked for together', () => {
    // GIVEN
    const stack = new Stack(new App(), 'Stack');

    // WHEN
    new MigrationIam(stack, 'Iam', { useServiceLinkedRole: false, connectors: ['dc1'], connectorAccessKeys: true, launchRole: true });

    // THEN
    const template = Template.fromStack(stack);
    template.resourceCountIs('AWS::IAM::Role', 2);
    template.resourceCountIs('AWS::IAM::User', 1);
    template.resourceCountIs('AWS::IAM::AccessKey', 1);
    template.resourceCountIs('AWS::SecretsManager::Secret', 1);
    template.resourceCountIs('AWS::IAM::ServiceLinkedRole', 0);
  });
});

describe('MigrationIam validation', () => {
  test('fails when the service-linked role is created but not used', () => {
    // GIVEN
    const stack = new Stack(new App(), 'Stack');

    // WHEN / THEN
    expect(() => new MigrationIam(stack, 'Iam', { createServiceLinkedRole: true, useServiceLinkedRole: false }))
      .toThrow(/createServiceLinkedRole true defines a service-linked role that no job uses when useServiceLinkedRole is false/);
  });

  test('fails when connector names repeat, ignoring case', () => {
    // GIVEN
    const stack = new Stack(new App(), 'Stack');

    // WHEN / THEN
    expect(() => new MigrationIam(stack, 'Iam', { connectors: ['dc1', 'dc2', 'DC1'] }))
      .toThrow(/connectors\[2\] 'DC1' repeats connectors\[0\] 'dc1' \(IAM user names ignore case\), give each connector a name of its own/);
  });

  test.each([
    ['is empty', '', /connectors\[1\] '' is empty/],
    ['has a space', 'dc 2', /connectors\[1\] 'dc 2' has characters that IAM user names cannot hold/],
    ['is longer than 50 characters', 'c'.repeat(51), /connectors\[1\] 'c{51}' is 51 characters long, use at most 50/],
  ])('fails when a connector name %s', (_, name, message) => {
    // GIVEN
    const stack = new Stack(new App(), 'Stack');

    // WHEN / THEN
    expect(() => new MigrationIam(stack, 'Iam', { connectors: ['dc1', name] })).toThrow(message);
  });

  test('fails when a connector name is a token', () => {
    // GIVEN
    const stack = new Stack(new App(), 'Stack');
    const name = new CfnParameter(stack, 'Connector').valueAsString;

    // WHEN / THEN
    expect(() => new MigrationIam(stack, 'Iam', { connectors: [name] }))
      .toThrow(/connectors\[0\] is a token, give the connector's name as a string/);
  });

  test('fails when several props are wrong, reporting them all, and defines nothing', () => {
    // GIVEN
    const stack = new Stack(new App(), 'Stack');

    // WHEN
    const error = errorOf(() => new MigrationIam(stack, 'Iam', {
      useServiceLinkedRole: false,
      createServiceLinkedRole: true,
      connectors: ['dc1', 'dc 2', 'dc1'],
      connectorAccessKeys: true,
      launchRole: true,
    }));

    // THEN
    expect(error.errorId).toBe('cdk-sms-migration:MultipleErrors');
    expect(error.details.map((detail) => detail.errorId)).toEqual([
      'cdk-sms-migration:ServiceLinkedRoleNotUsed',
      'cdk-sms-migration:InvalidConnectorName',
      'cdk-sms-migration:DuplicateConnectorName',
    ]);
    expect(error.constructPath).toBe('Stack/Iam');
    expect(stack.node.findChild('Iam').node.children).toHaveLength(0);
  });
});
