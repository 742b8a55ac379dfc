import { App, CfnParameter, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import { ReplicationJob, ReplicationServer, SmsMigrationError, SmsServiceRole } from '../../../lib';
import { Props, RESOURCE_TYPE } from '../../../lib/sms/handler/api';

interface Statement {
  readonly Sid?: string;
  readonly Action: string | string[];
  readonly Resource: unknown;
  readonly Condition?: unknown;
}

/** The statements of the role's inline policy. */
function inlineStatements(stack: Stack): Statement[] {
  const [role] = Object.values(Template.fromStack(stack).findResources('AWS::IAM::Role'));
  const [policy] = role.Properties.Policies;
  return policy.PolicyDocument.Statement;
}

function actionsOf(statement: Statement): string[] {
  return typeof statement.Action === 'string' ? [statement.Action] : statement.Action;
}

/** An ARN of the stack's partition, as the template writes it. */
function arn(rest: string): unknown {
  return { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, rest]] };
}

describe('SmsServiceRole', () => {
  test('is trusted by SMS acting for the stack\'s account only', () => {
    // GIVEN
    const stack = new Stack(new App(), 'Stack');

    // WHEN
    new SmsServiceRole(stack, 'SmsRole');

    // THEN
    Template.fromStack(stack).hasResourceProperties('AWS::IAM::Role', {
      AssumeRolePolicyDocument: {
        Statement: [{
          Action: 'sts:AssumeRole',
          Effect: 'Allow',
          Principal: { Service: 'sms.amazonaws.com' },
          Condition: {
            StringEquals: { 'aws:SourceAccount': { Ref: 'AWS::AccountId' } },
            ArnLike: {
              'aws:SourceArn': { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':sms:*:', { Ref: 'AWS::AccountId' }, ':*']] },
            },
          },
        }],
      },
    });
  });

  test('has a generated name and a default description', () => {
    // GIVEN
    const stack = new Stack(new App(), 'Stack');

    // WHEN
    new SmsServiceRole(stack, 'SmsRole');

    // THEN
    Template.fromStack(stack).hasResourceProperties('AWS::IAM::Role', {
      RoleName: Match.absent(),
      Description: 'Assumed by AWS Server Migration Service to replicate servers into AMIs (cdk-sms-migration)',
      ManagedPolicyArns: Match.absent(),
    });
  });

  test('takes a name and a description', () => {
    // GIVEN
    const stack = new Stack(new App(), 'Stack');

    // WHEN
    new SmsServiceRole(stack, 'SmsRole', { roleName: 'sms', description: 'SMS replication' });

    // THEN
    Template.fromStack(stack).hasResourceProperties('AWS::IAM::Role', { RoleName: 'sms', Description: 'SMS replication' });
  });

  test('allows what replication jobs need, from AWS\'s ServerMigration_ServiceRole', () => {
    // GIVEN
    const stack = new Stack(new App(), 'Stack');

    // WHEN
    new SmsServiceRole(stack, 'SmsRole');

    // THEN
    const snapshots = arn(':ec2:*:*:snapshot/*');
    expect(inlineStatements(stack)).toEqual([
      {
        Sid: 'ReplicationJobs',
        Effect: 'Allow',
        Action: [
          'sms:CreateReplicationJob', 'sms:DeleteReplicationJob', 'sms:GetReplicationJobs', 'sms:GetReplicationRuns',
          'sms:GetServers', 'sms:ImportServerCatalog', 'sms:StartOnDemandReplicationRun', 'sms:UpdateReplicationJob',
        ],
        Resource: '*',
      },
      {
        Sid: 'ImportImagesAndReadEc2',
        Effect: 'Allow',
        Action: [
          'ec2:ImportImage', 'ec2:DescribeImportImageTasks', 'ec2:CopyImage', 'ec2:DeregisterImage', 'ec2:DescribeImages',
          'ec2:DescribeInstances', 'ec2:DescribeSnapshots', 'ec2:DescribeSnapshotAttribute', 'ec2:GetEbsEncryptionByDefault',
        ],
        Resource: '*',
      },
      {
        Sid: 'CopySmsSnapshots',
        Effect: 'Allow',
        Action: 'ec2:CopySnapshot',
        Resource: snapshots,
        Condition: { StringLike: { 'aws:RequestTag/SMSJobId': 'sms-*' } },
      },
      {
        Sid: 'TagCopiedSnapshots',
        Effect: 'Allow',
        Action: 'ec2:CreateTags',
        Resource: snapshots,
        Condition: { StringEquals: { 'ec2:CreateAction': 'CopySnapshot' } },
      },
      {
        Sid: 'ManageSmsSnapshots',
        Effect: 'Allow',
        Action: ['ec2:ModifySnapshotAttribute', 'ec2:DeleteSnapshot'],
        Resource: snapshots,
        Condition: { StringLike: { 'ec2:ResourceTag/SMSJobId': 'sms-*' } },
      },
      {
        Sid: 'SmsBuckets',
        Effect: 'Allow',
        Action: ['s3:CreateBucket', 's3:DeleteBucket', 's3:GetBucketAcl', 's3:GetBucketLocation', 's3:ListBucket', 's3:PutLifecycleConfiguration'],
        Resource: arn(':s3:::sms-app-*'),
      },
      {
        Sid: 'SmsObjects',
        Effect: 'Allow',
        Action: ['s3:GetObject', 's3:PutObject', 's3:PutObjectAcl', 's3:DeleteObject'],
        Resource: arn(':s3:::sms-app-*/*'),
      },
      { Sid: 'FindSmsBuckets', Effect: 'Allow', Action: 's3:ListAllMyBuckets', Resource: '*' },
      { Sid: 'ReadRoles', Effect: 'Allow', Action: 'iam:GetRole', Resource: '*' },
    ]);
  });

  test('allows nothing that only SMS applications need, and no wildcard action', () => {
    // GIVEN
    const stack = new Stack(new App(), 'Stack');

    // WHEN
    new SmsServiceRole(stack, 'SmsRole');

    // THEN
    const actions = inlineStatements(stack).flatMap(actionsOf);
    expect(actions.filter((action) => /^(cloudformation|ssm|resource-groups|applicationinsights):/.test(action))).toEqual([]);
    expect(actions).not.toContain('iam:PassRole');
    expect(actions).not.toContain('iam:GetInstanceProfile');
    expect(actions.filter((action) => action.endsWith(':*') || action === '*')).toEqual([]);
    expect(inlineStatements(stack).every((statement) => statement.Sid !== undefined)).toBe(true);
  });

  test('is the principal of its grants', () => {
    // GIVEN
    const stack = new Stack(new App(), 'Stack');

    // WHEN
    const smsRole = new SmsServiceRole(stack, 'SmsRole');

    // THEN
    expect(smsRole.grantPrincipal).toBe(smsRole.role);
    expect(smsRole.node.defaultChild).toBeDefined();
  });

  test('is passed by name to a job, which waits for its policies', () => {
    // GIVEN
    const stack = new Stack(new App(), 'Stack');
    const smsRole = new SmsServiceRole(stack, 'SmsRole');
    const key = new kms.Key(stack, 'Key');
    smsRole.grantEncryptionKey(key);

    // WHEN
    new ReplicationJob(stack, 'Job', { server: ReplicationServer.fromServerId('s-12345678'), role: smsRole.role, encryptionKey: key });

    // THEN
    const template = Template.fromStack(stack);
    const roleId = stack.getLogicalId((smsRole.role as iam.Role).node.defaultChild as iam.CfnRole);
    const policyId = Object.keys(template.findResources('AWS::IAM::Policy', { Properties: { Roles: [{ Ref: roleId }] } }))[0];
    template.hasResourceProperties(RESOURCE_TYPE, { [Props.ROLE_NAME]: { Ref: roleId } });
    const [job] = Object.values(template.findResources(RESOURCE_TYPE));
    expect(job.DependsOn).toEqual(expect.arrayContaining([roleId, policyId]));
  });
});

describe('SmsServiceRole.grantEncryptionKey', () => {
  test('allows the key actions of EBS encryption, creating grants for AWS resources only', () => {
    // GIVEN
    const stack = new Stack(new App(), 'Stack');
    const smsRole = new SmsServiceRole(stack, 'SmsRole');
    const key = new kms.Key(stack, 'Key');

    // WHEN
    const grant = smsRole.grantEncryptionKey(key);

    // THEN
    expect(grant.success).toBe(true);
    const keyArn = { 'Fn::GetAtt': [stack.getLogicalId(key.node.defaultChild as kms.CfnKey), 'Arn'] };
    Template.fromStack(stack).hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: {
        Statement: [
          {
            Effect: 'Allow',
            Action: ['kms:Decrypt', 'kms:DescribeKey', 'kms:Encrypt', 'kms:GenerateDataKey', 'kms:GenerateDataKeyWithoutPlaintext',
              'kms:ReEncryptFrom', 'kms:ReEncryptTo'],
            Resource: keyArn,
          },
          {
            Effect: 'Allow',
            Action: 'kms:CreateGrant',
            Resource: keyArn,
            Condition: { Bool: { 'kms:GrantIsForAWSResource': true } },
          },
        ],
      },
      Roles: [{ Ref: stack.getLogicalId((smsRole.role as iam.Role).node.defaultChild as iam.CfnRole) }],
    });
  });

  test('allows a key of another account', () => {
    // GIVEN
    const stack = new Stack(new App(), 'Stack', { env: { account: '111111111111', region: 'us-west-2' } });
    const smsRole = new SmsServiceRole(stack, 'SmsRole');
    const key = kms.Key.fromKeyArn(stack, 'Key', 'arn:aws:kms:us-west-2:222222222222:key/1234abcd-12ab-34cd-56ef-1234567890ab');

    // WHEN
    const grant = smsRole.grantEncryptionKey(key);

    // THEN
    expect(grant.success).toBe(true);
    const keyArn = 'arn:aws:kms:us-west-2:222222222222:key/1234abcd-12ab-34cd-56ef-1234567890ab';
    Template.fromStack(stack).hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: {
        Statement: [
          {
            Action: ['kms:Decrypt', 'kms:DescribeKey', 'kms:Encrypt', 'kms:GenerateDataKey', 'kms:GenerateDataKeyWithoutPlaintext',
              'kms:ReEncryptFrom', 'kms:ReEncryptTo'],
            Resource: keyArn,
          },
          { Action: 'kms:CreateGrant', Resource: keyArn, Condition: { Bool: { 'kms:GrantIsForAWSResource': true } } },
        ],
      },
    });
  });
});

describe('SmsServiceRole validation', () => {
  test.each([
    ['has a space', 'sms role'],
    ['has a slash', 'sms/role'],
    ['is empty', ''],
    ['is longer than 64 characters', 'r'.repeat(65)],
  ])('fails when roleName %s', (_, roleName) => {
    // GIVEN
    const stack = new Stack(new App(), 'Stack');

    // WHEN / THEN
    expect(() => new SmsServiceRole(stack, 'SmsRole', { roleName }))
      .toThrow(new RegExp(`roleName '${roleName}' is not an IAM role name, use 1 to 64 letters, digits and \\+ = , \\. @ _ -`));
  });

  test('accepts a role name of 64 characters with every allowed sign', () => {
    // GIVEN
    const stack = new Stack(new App(), 'Stack');
    const roleName = `sms_+=,.@-${'r'.repeat(54)}`;

    // WHEN
    new SmsServiceRole(stack, 'SmsRole', { roleName });

    // THEN
    Template.fromStack(stack).hasResourceProperties('AWS::IAM::Role', { RoleName: roleName });
  });

  test('accepts a role name from a token', () => {
    // GIVEN
    const stack = new Stack(new App(), 'Stack');
    const roleName = new CfnParameter(stack, 'RoleName').valueAsString;

    // WHEN
    new SmsServiceRole(stack, 'SmsRole', { roleName });

    // THEN
    Template.fromStack(stack).hasResourceProperties('AWS::IAM::Role', { RoleName: { Ref: 'RoleName' } });
  });

  test('fails when description is longer than 1000 characters', () => {
    // GIVEN
    const stack = new Stack(new App(), 'Stack');

    // WHEN / THEN
    expect(() => new SmsServiceRole(stack, 'SmsRole', { description: 'd'.repeat(1001) }))
      .toThrow(/description is 1001 characters long, IAM allows at most 1000/);
  });

  test('fails when description has characters IAM does not allow', () => {
    // GIVEN
    const stack = new Stack(new App(), 'Stack');

    // WHEN / THEN
    expect(() => new SmsServiceRole(stack, 'SmsRole', { description: 'migrates \u2192 EC2' }))
      .toThrow(/description 'migrates \u2192 EC2' has characters IAM does not allow in a role description/);
  });

  test('fails when several props are wrong, reporting them all, and defines nothing', () => {
    // GIVEN
    const stack = new Stack(new App(), 'Stack');
    let error: unknown;

    // WHEN
    try {
      new SmsServiceRole(stack, 'SmsRole', { roleName: 'sms role', description: 'd'.repeat(1001) });
    } catch (e) {
      error = e;
    }

    // THEN
    expect(SmsMigrationError.isSmsMigrationError(error)).toBe(true);
    const smsError = error as SmsMigrationError;
    expect(smsError.errorId).toBe('cdk-sms-migration:MultipleErrors');
    expect(smsError.details.map((detail) => detail.errorId)).toEqual([
      'cdk-sms-migration:InvalidRoleName',
      'cdk-sms-migration:RoleDescriptionTooLong',
    ]);
    expect(smsError.constructPath).toBe('Stack/SmsRole');
    expect(stack.node.findChild('SmsRole').node.children).toHaveLength(0);
  });
});
