import { App, CfnParameter, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as iam from 'aws-cdk-lib/aws-iam';
import { ConnectorCredentialsKey, ConnectorUser, SmsMigrationError } from '../../../lib';

/** The logical id of the only resource of `type`. */
function onlyLogicalId(template: Template, type: string): string {
  const ids = Object.keys(template.findResources(type));
  expect(ids).toHaveLength(1);
  return ids[0];
}

describe('ConnectorUser', () => {
  test('defines a user named after the connector, with the managed connector policy only', () => {
    // GIVEN
    const stack = new Stack(new App(), 'Stack');

    // WHEN
    new ConnectorUser(stack, 'Connector', { connectorName: 'vcenter-dc1' });

    // THEN
    const template = Template.fromStack(stack);
    template.hasResourceProperties('AWS::IAM::User', {
      UserName: 'sms-connector-vcenter-dc1',
      ManagedPolicyArns: [{ 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':iam::aws:policy/ServerMigrationConnector']] }],
      Policies: Match.absent(),
    });
    template.resourceCountIs('AWS::IAM::Policy', 0);
  });

  test('creates no access key and no secret by default', () => {
    // GIVEN
    const stack = new Stack(new App(), 'Stack');

    // WHEN
    const connector = new ConnectorUser(stack, 'Connector', { connectorName: 'vcenter-dc1' });

    // THEN
    const template = Template.fromStack(stack);
    template.resourceCountIs('AWS::IAM::AccessKey', 0);
    template.resourceCountIs('AWS::SecretsManager::Secret', 0);
    expect(connector.secret).toBeUndefined();
  });

  test('keeps the access key it is asked for in a secret, as JSON', () => {
    // GIVEN
    const stack = new Stack(new App(), 'Stack');

    // WHEN
    const connector = new ConnectorUser(stack, 'Connector', { connectorName: 'vcenter-dc1', createAccessKey: true });

    // THEN
    const template = Template.fromStack(stack);
    const userId = onlyLogicalId(template, 'AWS::IAM::User');
    const keyId = onlyLogicalId(template, 'AWS::IAM::AccessKey');
    template.hasResourceProperties('AWS::IAM::AccessKey', { UserName: { Ref: userId }, Status: Match.absent() });
    template.hasResourceProperties('AWS::SecretsManager::Secret', {
      Description: 'Access key of the IAM user of SMS connector vcenter-dc1 (cdk-sms-migration)',
      SecretString: {
        'Fn::Join': ['', [
          `{"${ConnectorCredentialsKey.ACCESS_KEY_ID}":"`, { Ref: keyId },
          `","${ConnectorCredentialsKey.SECRET_ACCESS_KEY}":"`, { 'Fn::GetAtt': [keyId, 'SecretAccessKey'] },
          '"}',
        ]],
      },
    });
    expect(connector.secret).toBeDefined();
  });

  test('writes the secret access key nowhere but the secret, and has no outputs', () => {
    // GIVEN
    const stack = new Stack(new App(), 'Stack');

    // WHEN
    new ConnectorUser(stack, 'Connector', { connectorName: 'vcenter-dc1', createAccessKey: true });

    // THEN
    const template = Template.fromStack(stack);
    expect(template.toJSON().Outputs).toBeUndefined();
    const secretId = onlyLogicalId(template, 'AWS::SecretsManager::Secret');
    const resources = template.toJSON().Resources as Record<string, unknown>;
    const holders = Object.entries(resources)
      .filter(([, resource]) => JSON.stringify(resource).includes('SecretAccessKey'))
      .map(([id]) => id);
    expect(holders).toEqual([secretId]);
  });

  test('lets a grantee read the credentials', () => {
    // GIVEN
    const stack = new Stack(new App(), 'Stack');
    const connector = new ConnectorUser(stack, 'Connector', { connectorName: 'vcenter-dc1', createAccessKey: true });
    const admin = new iam.Role(stack, 'Admin', { assumedBy: new iam.AccountRootPrincipal() });

    // WHEN
    const grant = connector.grantReadCredentials(admin);

    // THEN
    expect(grant.success).toBe(true);
    const template = Template.fromStack(stack);
    template.hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: {
        Statement: [{
          Effect: 'Allow',
          Action: ['secretsmanager:GetSecretValue', 'secretsmanager:DescribeSecret'],
          Resource: { Ref: onlyLogicalId(template, 'AWS::SecretsManager::Secret') },
        }],
      },
      Roles: [{ Ref: stack.getLogicalId(admin.node.defaultChild as iam.CfnRole) }],
    });
  });

  test('is the principal of its grants', () => {
    // GIVEN
    const stack = new Stack(new App(), 'Stack');

    // WHEN
    const connector = new ConnectorUser(stack, 'Connector', { connectorName: 'vcenter-dc1' });

    // THEN
    expect(connector.grantPrincipal).toBe(connector.user);
  });

  test('accepts a connector name of 50 characters with every allowed sign', () => {
    // GIVEN
    const stack = new Stack(new App(), 'Stack');
    const connectorName = `c_+=,.@-${'c'.repeat(42)}`;

    // WHEN
    new ConnectorUser(stack, 'Connector', { connectorName });

    // THEN
    Template.fromStack(stack).hasResourceProperties('AWS::IAM::User', { UserName: `sms-connector-${connectorName}` });
  });

  test('accepts a connector name from a token', () => {
    // GIVEN
    const stack = new Stack(new App(), 'Stack');
    const connectorName = new CfnParameter(stack, 'ConnectorName').valueAsString;

    // WHEN
    new ConnectorUser(stack, 'Connector', { connectorName });

    // THEN
    Template.fromStack(stack).hasResourceProperties('AWS::IAM::User', {
      UserName: { 'Fn::Join': ['', ['sms-connector-', { Ref: 'ConnectorName' }]] },
    });
  });
});

describe('ConnectorUser validation', () => {
  test('fails when connectorName is empty', () => {
    // GIVEN
    const stack = new Stack(new App(), 'Stack');

    // WHEN / THEN
    expect(() => new ConnectorUser(stack, 'Connector', { connectorName: '' }))
      .toThrow(/connectorName '' is empty, give the name of the SMS connector/);
  });

  test.each([
    ['a space', 'vcenter dc1'],
    ['a slash', 'dc1/vcenter'],
    ['a colon', 'dc1:vcenter'],
    ['a letter outside ASCII', 'vcenter-\u00e9'],
  ])('fails when connectorName has %s', (_, connectorName) => {
    // GIVEN
    const stack = new Stack(new App(), 'Stack');

    // WHEN / THEN
    expect(() => new ConnectorUser(stack, 'Connector', { connectorName }))
      .toThrow(new RegExp(`connectorName '${connectorName}' has characters that IAM user names cannot hold, use letters, digits and`));
  });

  test('fails when connectorName is longer than 50 characters', () => {
    // GIVEN
    const stack = new Stack(new App(), 'Stack');
    const connectorName = 'c'.repeat(51);

    // WHEN / THEN
    expect(() => new ConnectorUser(stack, 'Connector', { connectorName }))
      .toThrow(new RegExp(`connectorName '${connectorName}' is 51 characters long, use at most 50 \\(the IAM user name sms-connector-<name> holds at most 64\\)`));
  });

  test('fails when connectorName has several problems, reporting them all, and defines nothing', () => {
    // GIVEN
    const stack = new Stack(new App(), 'Stack');
    let error: unknown;

    // WHEN
    try {
      new ConnectorUser(stack, 'Connector', { connectorName: `${'c'.repeat(50)} dc1`, createAccessKey: true });
    } catch (e) {
      error = e;
    }

    // THEN
    expect(SmsMigrationError.isSmsMigrationError(error)).toBe(true);
    expect((error as SmsMigrationError).details.map((detail) => detail.errorId)).toEqual([
      'cdk-sms-migration:InvalidConnectorName',
      'cdk-sms-migration:ConnectorNameTooLong',
    ]);
    expect(stack.node.findChild('Connector').node.children).toHaveLength(0);
  });

  test('fails when credentials are granted without an access key', () => {
    // GIVEN
    const stack = new Stack(new App(), 'Stack');
    const connector = new ConnectorUser(stack, 'Connector', { connectorName: 'vcenter-dc1' });
    const admin = new iam.Role(stack, 'Admin', { assumedBy: new iam.AccountRootPrincipal() });

    // WHEN / THEN
    expect(() => connector.grantReadCredentials(admin))
      .toThrow(/connector user Stack\/Connector has no access key to read, set createAccessKey to true/);
  });
});
