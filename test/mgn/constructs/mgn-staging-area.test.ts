import { App, Stack } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { MgnStagingArea } from '../../../lib/mgn/mgn-staging-area';

const ENV = { account: '123456789012', region: 'eu-west-1' };

function newStack(): Stack {
  return new Stack(new App(), 'Stack', { env: ENV });
}

/** The library's replication security group, as the template holds it. */
function replicationGroup(stack: Stack): Record<string, unknown> {
  const groups = Template.fromStack(stack).findResources('AWS::EC2::SecurityGroup', {
    Properties: { GroupDescription: Match.stringLikeRegexp('^MGN replication servers') },
  });
  expect(Object.keys(groups)).toHaveLength(1);
  return Object.values(groups)[0].Properties;
}

describe('MgnStagingArea', () => {
  test('lets tcp 1500 in from each source network only, and tcp 443 out only', () => {
    // GIVEN
    const stack = newStack();
    const vpc = new ec2.Vpc(stack, 'Vpc');

    // WHEN
    new MgnStagingArea(stack, 'StagingArea', { vpc, stagingSubnetId: 'subnet-0a1b2c3d', sourceCidrs: ['10.20.0.0/16', '2001:db8::/32'] });

    // THEN
    const group = replicationGroup(stack);
    expect(group.SecurityGroupIngress).toEqual([
      { CidrIp: '10.20.0.0/16', Description: 'Replication data from 10.20.0.0/16', FromPort: 1500, IpProtocol: 'tcp', ToPort: 1500 },
      { CidrIpv6: '2001:db8::/32', Description: 'Replication data from 2001:db8::/32', FromPort: 1500, IpProtocol: 'tcp', ToPort: 1500 },
    ]);
    expect(group.SecurityGroupEgress).toEqual([
      { CidrIp: '0.0.0.0/0', Description: 'MGN, EC2 and S3 on 443', FromPort: 443, IpProtocol: 'tcp', ToPort: 443 },
    ]);
    expect(stack.resolve(group.VpcId)).toEqual(stack.resolve(vpc.vpcId));
    Annotations.fromStack(stack).hasNoWarning('*', Match.anyValue());
  });

  test('uses the subnet given, in the VPC given, defining no VPC and looking nothing up', () => {
    // GIVEN
    const stack = newStack();
    const vpc = new ec2.Vpc(stack, 'Vpc');

    // WHEN
    const area = new MgnStagingArea(stack, 'StagingArea', { vpc, stagingSubnetId: 'subnet-0a1b2c3d', sourceCidrs: ['10.20.0.0/16'] });

    // THEN
    expect(area.stagingSubnetId).toBe('subnet-0a1b2c3d');
    expect(area.vpc).toBeUndefined();
    Template.fromStack(stack).resourceCountIs('Custom::AWS', 0);
    Template.fromStack(stack).resourceCountIs('AWS::EC2::VPCEndpoint', 0);
  });

  test('takes the first private subnet of the VPC given when no subnet is', () => {
    const stack = newStack();
    const vpc = new ec2.Vpc(stack, 'Vpc');
    const area = new MgnStagingArea(stack, 'StagingArea', { vpc, sourceCidrs: ['10.20.0.0/16'] });
    expect(area.stagingSubnetId).toBe(vpc.privateSubnets[0].subnetId);
  });

  test('looks up the VPC of a subnet given by id alone at deployment, and defines the group in it', () => {
    // GIVEN
    const stack = newStack();

    // WHEN
    new MgnStagingArea(stack, 'StagingArea', { stagingSubnetId: 'subnet-0a1b2c3d', sourceCidrs: ['10.20.0.0/16'] });

    // THEN
    const template = Template.fromStack(stack);
    template.hasResourceProperties('Custom::AWS', {
      Create: Match.serializedJson(Match.objectLike({
        service: 'EC2', action: 'describeSubnets', parameters: { SubnetIds: ['subnet-0a1b2c3d'] }, outputPaths: ['Subnets.0.VpcId'],
      })),
    });
    template.hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: { Statement: [{ Action: 'ec2:DescribeSubnets', Effect: 'Allow', Resource: '*' }], Version: '2012-10-17' },
    });
    const lookup = Object.keys(template.findResources('Custom::AWS'))[0];
    expect(replicationGroup(stack).VpcId).toEqual({ 'Fn::GetAtt': [lookup, 'Subnets.0.VpcId'] });
    template.resourceCountIs('AWS::EC2::VPC', 0);
  });

  test('defines a small VPC of its own with flow logs and endpoints for MGN, EC2 and S3 when given no network', () => {
    // GIVEN
    const stack = newStack();

    // WHEN
    const area = new MgnStagingArea(stack, 'StagingArea', { sourceCidrs: ['10.20.0.0/16'] });

    // THEN one isolated subnet, no NAT, no internet gateway
    const template = Template.fromStack(stack);
    template.resourceCountIs('AWS::EC2::VPC', 1);
    template.resourceCountIs('AWS::EC2::Subnet', 1);
    template.resourceCountIs('AWS::EC2::NatGateway', 0);
    template.resourceCountIs('AWS::EC2::InternetGateway', 0);
    template.hasResourceProperties('AWS::EC2::FlowLog', { TrafficType: 'ALL' });
    template.hasResourceProperties('AWS::Logs::LogGroup', { RetentionInDays: 365 });
    expect(area.vpc).toBeDefined();
    expect(area.stagingSubnetId).toBe(area.vpc!.isolatedSubnets[0].subnetId);
    // AND the endpoints: interface endpoints for MGN and EC2 that let in the replication servers only, a gateway for S3
    template.hasResourceProperties('AWS::EC2::VPCEndpoint', {
      ServiceName: 'com.amazonaws.eu-west-1.mgn', VpcEndpointType: 'Interface', PrivateDnsEnabled: true,
    });
    template.hasResourceProperties('AWS::EC2::VPCEndpoint', { ServiceName: 'com.amazonaws.eu-west-1.ec2', VpcEndpointType: 'Interface' });
    template.hasResourceProperties('AWS::EC2::VPCEndpoint', {
      ServiceName: { 'Fn::Join': ['', ['com.amazonaws.', { Ref: 'AWS::Region' }, '.s3']] }, VpcEndpointType: 'Gateway',
    });
    const groupId = Object.keys(template.findResources('AWS::EC2::SecurityGroup', {
      Properties: { GroupDescription: Match.stringLikeRegexp('^MGN replication servers') },
    }))[0];
    template.resourceCountIs('AWS::EC2::SecurityGroupIngress', 2);
    template.allResourcesProperties('AWS::EC2::SecurityGroupIngress', {
      IpProtocol: 'tcp', FromPort: 443, ToPort: 443, SourceSecurityGroupId: { 'Fn::GetAtt': [groupId, 'GroupId'] },
    });
    template.allResourcesProperties('AWS::EC2::SecurityGroupEgress', {
      IpProtocol: 'tcp', FromPort: 443, ToPort: 443, GroupId: { 'Fn::GetAtt': [groupId, 'GroupId'] },
    });
  });

  test('warns, and lets nothing in, when no source network is given', () => {
    // GIVEN / WHEN
    const stack = newStack();
    new MgnStagingArea(stack, 'StagingArea', { stagingSubnetId: 'subnet-0a1b2c3d', vpc: new ec2.Vpc(stack, 'Vpc') });

    // THEN
    expect(replicationGroup(stack).SecurityGroupIngress).toBeUndefined();
    Annotations.fromStack(stack).hasWarning('/Stack/StagingArea', Match.stringLikeRegexp('no source CIDRs are given .*lets nothing in'));
  });

  test('fails when a source network is not a CIDR, or is the whole internet', () => {
    const stack = newStack();
    expect(() => new MgnStagingArea(stack, 'StagingArea', { stagingSubnetId: 'subnet-0a', sourceCidrs: ['10.20.0.0', '0.0.0.0/0'] }))
      .toThrow(/sourceCidrs\[0\] "10\.20\.0\.0" is not a CIDR[\s\S]*sourceCidrs\[1\] 0\.0\.0\.0\/0 lets replication traffic in from the whole/);
  });

  test('fails when the VPC given has no private subnet and no subnet is given', () => {
    const stack = newStack();
    const vpc = new ec2.Vpc(stack, 'Vpc', { subnetConfiguration: [{ name: 'Public', subnetType: ec2.SubnetType.PUBLIC }] });
    expect(() => new MgnStagingArea(stack, 'StagingArea', { vpc })).toThrow(/vpc Stack\/Vpc has no private or isolated subnet, give stagingSubnetId/);
  });
});
