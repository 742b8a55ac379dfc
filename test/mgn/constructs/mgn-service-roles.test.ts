import { App, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { MGN_SERVICE_ROLES, MgnServiceRoles } from '../../../lib/mgn/mgn-service-roles';

const ENV = { account: '123456789012', region: 'eu-west-1' };

function managed(name: string): unknown {
  return { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, `:iam::aws:policy/${name}`]] };
}

const trust = (service: string): unknown => ({
  Statement: [{ Action: 'sts:AssumeRole', Effect: 'Allow', Principal: { Service: service } }],
  Version: '2012-10-17',
});

describe('MgnServiceRoles', () => {
  test('defines the six roles MGN expects, with their exact names, path, trust and managed policies, and nothing else', () => {
    // GIVEN
    const stack = new Stack(new App(), 'Stack', { env: ENV });

    // WHEN
    const roles = new MgnServiceRoles(stack, 'ServiceRoles');

    // THEN
    const template = Template.fromStack(stack);
    template.resourceCountIs('AWS::IAM::Role', 6);
    template.resourceCountIs('AWS::IAM::Policy', 0);
    const expected: [string, unknown, string[]][] = [
      ['AWSApplicationMigrationReplicationServerRole', trust('ec2.amazonaws.com'), ['service-role/AWSApplicationMigrationReplicationServerPolicy']],
      ['AWSApplicationMigrationConversionServerRole', trust('ec2.amazonaws.com'), ['service-role/AWSApplicationMigrationConversionServerPolicy']],
      ['AWSApplicationMigrationMGHRole', trust('mgn.amazonaws.com'), ['service-role/AWSApplicationMigrationMGHAccess']],
      ['AWSApplicationMigrationLaunchInstanceWithDrsRole', trust('ec2.amazonaws.com'),
        ['AmazonSSMManagedInstanceCore', 'service-role/AWSElasticDisasterRecoveryEc2InstancePolicy']],
      ['AWSApplicationMigrationLaunchInstanceWithSsmRole', trust('ec2.amazonaws.com'), ['AmazonSSMManagedInstanceCore']],
    ];
    for (const [roleName, assume, policies] of expected) {
      template.hasResourceProperties('AWS::IAM::Role', {
        RoleName: roleName,
        Path: '/service-role/',
        AssumeRolePolicyDocument: assume,
        ManagedPolicyArns: policies.map(managed),
        Policies: Match.absent(),
      });
    }
    expect(roles.roleNames).toEqual(MGN_SERVICE_ROLES.map((r) => r.roleName));
    expect(roles.roleOf('AWSApplicationMigrationAgentRole')!.node.id).toBe('AgentRole');
    expect(roles.roleOf('NoSuchRole')).toBeUndefined();
  });

  test('lets MGN assume the agent role for a source server of this account only, with its source identity', () => {
    // GIVEN
    const stack = new Stack(new App(), 'Stack', { env: ENV });

    // WHEN
    new MgnServiceRoles(stack, 'ServiceRoles');

    // THEN one statement: both actions, both conditions
    Template.fromStack(stack).hasResourceProperties('AWS::IAM::Role', {
      RoleName: 'AWSApplicationMigrationAgentRole',
      Path: '/service-role/',
      AssumeRolePolicyDocument: {
        Statement: [{
          Action: ['sts:AssumeRole', 'sts:SetSourceIdentity'],
          Condition: { StringLike: { 'sts:SourceIdentity': 's-*' }, StringEquals: { 'aws:SourceAccount': '123456789012' } },
          Effect: 'Allow',
          Principal: { Service: 'mgn.amazonaws.com' },
        }],
        Version: '2012-10-17',
      },
      ManagedPolicyArns: [managed('service-role/AWSApplicationMigrationAgentPolicy_v2')],
    });
  });

  test('holds the agent role to the deploying account in an environment-agnostic stack', () => {
    const stack = new Stack(new App(), 'Stack');
    new MgnServiceRoles(stack, 'ServiceRoles');
    Template.fromStack(stack).hasResourceProperties('AWS::IAM::Role', {
      RoleName: 'AWSApplicationMigrationAgentRole',
      AssumeRolePolicyDocument: { Statement: [Match.objectLike({ Condition: Match.objectLike({ StringEquals: { 'aws:SourceAccount': { Ref: 'AWS::AccountId' } } }) })] },
    });
  });
});
