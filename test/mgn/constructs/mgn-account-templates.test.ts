import { App, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { MgnAccountTemplates } from '../../../lib/mgn/mgn-account-templates';
import { MgnInitialization } from '../../../lib/mgn/mgn-initialization';
import { MgnServiceRoles } from '../../../lib/mgn/mgn-service-roles';
import { desiredDefaults } from '../../../lib/mgn/server-settings';
import { BootMode, DataPlaneRouting, EbsEncryption, LaunchDisposition, RightSizing } from '../../../lib/plan/model/plan';
import { useMgnBundle } from './bundle';

const ENV = { account: '123456789012', region: 'eu-west-1' };
const CONTEXT = { stagingSubnetId: 'subnet-0a1b2c3d', replicationSecurityGroupId: 'sg-0library', partition: 'aws', ...ENV };
useMgnBundle();

describe('MgnAccountTemplates', () => {
  test('makes the replication and launch configuration templates from the library defaults, with the library\'s group only', () => {
    // GIVEN
    const stack = new Stack(new App(), 'Stack', { env: ENV });

    // WHEN
    new MgnAccountTemplates(stack, 'Templates', { defaults: desiredDefaults(undefined, CONTEXT) });

    // THEN every property
    const template = Template.fromStack(stack);
    template.resourceCountIs('AWS::MGN::ReplicationConfigurationTemplate', 1);
    template.hasResourceProperties('AWS::MGN::ReplicationConfigurationTemplate', {
      StagingAreaSubnetId: 'subnet-0a1b2c3d',
      AssociateDefaultSecurityGroup: false,
      ReplicationServersSecurityGroupsIDs: ['sg-0library'],
      ReplicationServerInstanceType: 't3.small',
      UseDedicatedReplicationServer: false,
      DefaultLargeStagingDiskType: 'GP3',
      EbsEncryption: 'DEFAULT',
      EbsEncryptionKeyArn: Match.absent(),
      BandwidthThrottling: 0,
      DataPlaneRouting: 'PRIVATE_IP',
      CreatePublicIP: false,
      StagingAreaTags: {},
    });
    template.resourceCountIs('AWS::MGN::LaunchConfigurationTemplate', 1);
    template.hasResourceProperties('AWS::MGN::LaunchConfigurationTemplate', {
      LaunchDisposition: 'STARTED',
      TargetInstanceTypeRightSizingMethod: 'BASIC',
      CopyPrivateIp: Match.absent(),
      CopyTags: Match.absent(),
      BootMode: 'USE_SOURCE',
      AssociatePublicIpAddress: false,
      Licensing: Match.absent(),
    });
  });

  test('takes the plan\'s defaults.mgn through the server settings\' mapping', () => {
    // GIVEN
    const stack = new Stack(new App(), 'Stack', { env: ENV });
    const defaults = desiredDefaults({
      mgn: {
        replication: {
          bandwidthThrottlingMbps: 200, dataPlaneRouting: DataPlaneRouting.PUBLIC_IP, createPublicIp: true,
          ebsEncryption: EbsEncryption.CUSTOM, kmsKeyArn: 'alias/staging', replicationServerInstanceType: 'm5.large',
          dedicatedReplicationServer: true, securityGroups: ['sg-0plan'],
        },
        launch: {
          rightSizing: RightSizing.NONE, bootMode: BootMode.UEFI, launchDisposition: LaunchDisposition.STOPPED,
          copyPrivateIp: true, associatePublicIp: true,
        },
      },
    }, CONTEXT);

    // WHEN
    new MgnAccountTemplates(stack, 'Templates', { defaults });

    // THEN
    const template = Template.fromStack(stack);
    template.hasResourceProperties('AWS::MGN::ReplicationConfigurationTemplate', {
      BandwidthThrottling: 200, DataPlaneRouting: 'PUBLIC_IP', CreatePublicIP: true, EbsEncryption: 'CUSTOM',
      EbsEncryptionKeyArn: 'arn:aws:kms:eu-west-1:123456789012:alias/staging', ReplicationServerInstanceType: 'm5.large',
      UseDedicatedReplicationServer: true, ReplicationServersSecurityGroupsIDs: ['sg-0plan'], AssociateDefaultSecurityGroup: false,
    });
    template.hasResourceProperties('AWS::MGN::LaunchConfigurationTemplate', {
      TargetInstanceTypeRightSizingMethod: 'NONE', BootMode: 'UEFI', LaunchDisposition: 'STOPPED', CopyPrivateIp: true,
      AssociatePublicIpAddress: true,
    });
  });

  test('fails when a setting CloudFormation requires is absent', () => {
    const stack = new Stack(new App(), 'Stack', { env: ENV });
    const defaults = desiredDefaults(undefined, { partition: 'aws', ...ENV });
    expect(() => new MgnAccountTemplates(stack, 'Templates', { defaults }))
      .toThrow(/defaults\.replication\.stagingAreaSubnetId is absent, CloudFormation requires it/);
  });
});

describe('MgnInitialization', () => {
  test('is a Custom::MgnInitialization of the stack\'s provider, after the service roles', () => {
    // GIVEN
    const stack = new Stack(new App(), 'Stack', { env: ENV });
    const roles = new MgnServiceRoles(stack, 'ServiceRoles');

    // WHEN
    const init = new MgnInitialization(stack, 'Initialization');
    init.node.addDependency(roles);

    // THEN
    const template = Template.fromStack(stack);
    template.resourceCountIs('Custom::MgnInitialization', 1);
    template.hasResource('Custom::MgnInitialization', {
      Properties: { ServiceToken: { 'Fn::GetAtt': [Match.stringLikeRegexp('frameworkonEvent'), 'Arn'] }, DisplayName: 'MGN initialization' },
      DependsOn: Match.arrayWith([Match.stringLikeRegexp('^ServiceRolesAgentRole')]),
    });
    expect(template.findResources('Custom::MgnInitialization', { DependsOn: Match.anyValue() })).not.toEqual({});
    const dependsOn = Object.values(template.findResources('Custom::MgnInitialization'))[0].DependsOn as string[];
    expect(dependsOn).toHaveLength(6);
  });
});
