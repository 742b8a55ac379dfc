import { App, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { LandingZone, OsFamily, SmsMigrationError } from '../../lib';

/** The ingress rules of a security group, as CloudFormation gets them (inline). */
function ingressOf(stack: Stack, group: ec2.ISecurityGroup): unknown[] {
  const template = Template.fromStack(stack).toJSON();
  const logicalId = stack.getLogicalId(group.node.defaultChild as ec2.CfnSecurityGroup);
  return template.Resources[logicalId].Properties.SecurityGroupIngress ?? [];
}

describe('LandingZone', () => {
  test('defines a VPC across 2 zones with one NAT gateway, and two groups that let nothing in', () => {
    // GIVEN
    const stack = new Stack(new App(), 'Stack');

    // WHEN
    const landingZone = new LandingZone(stack, 'LandingZone');

    // THEN
    const template = Template.fromStack(stack);
    template.resourceCountIs('AWS::EC2::VPC', 1);
    template.resourceCountIs('AWS::EC2::Subnet', 4);
    template.resourceCountIs('AWS::EC2::NatGateway', 1);
    template.resourceCountIs('AWS::EC2::SecurityGroup', 2);
    template.resourceCountIs('AWS::EC2::SecurityGroupIngress', 0);
    template.resourceCountIs('AWS::EC2::EIP', 1); // the NAT gateway's, and no other
    template.hasResourceProperties('AWS::EC2::SecurityGroup', {
      GroupDescription: 'Migrated Windows instances (cdk-sms-migration): RDP from the remote-access peers',
      SecurityGroupIngress: Match.absent(),
      SecurityGroupEgress: [{ CidrIp: '0.0.0.0/0', IpProtocol: '-1', Description: 'Allow all outbound traffic by default' }],
    });
    template.hasResourceProperties('AWS::EC2::SecurityGroup', {
      GroupDescription: 'Migrated Linux instances (cdk-sms-migration): SSH from the remote-access peers',
      SecurityGroupIngress: Match.absent(),
    });
    expect(landingZone.vpcSubnets).toEqual({ subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS });
    expect(landingZone.vpc.selectSubnets(landingZone.vpcSubnets).subnets).toHaveLength(2);
    expect(landingZone.elasticIps).toEqual([]);
  });

  test('logs all the traffic of its own VPC to a log group kept for a year, and none of a VPC it is given', () => {
    // GIVEN
    const stack = new Stack(new App(), 'Stack');
    const vpc = new ec2.Vpc(stack, 'Vpc');

    // WHEN
    const landingZone = new LandingZone(stack, 'LandingZone');
    new LandingZone(stack, 'InGivenVpc', { vpc });

    // THEN one flow log, of the landing zone's own VPC
    const template = Template.fromStack(stack);
    template.resourceCountIs('AWS::EC2::FlowLog', 1);
    template.hasResourceProperties('AWS::EC2::FlowLog', {
      ResourceId: stack.resolve(landingZone.vpc.vpcId),
      ResourceType: 'VPC',
      TrafficType: 'ALL',
      LogDestinationType: 'cloud-watch-logs',
    });
    template.resourcePropertiesCountIs('AWS::Logs::LogGroup', { RetentionInDays: 365 }, 1);
  });

  test('with natGateways 0, defines no NAT gateway and launches into isolated subnets', () => {
    // GIVEN
    const stack = new Stack(new App(), 'Stack');

    // WHEN
    const landingZone = new LandingZone(stack, 'LandingZone', { natGateways: 0 });

    // THEN
    Template.fromStack(stack).resourceCountIs('AWS::EC2::NatGateway', 0);
    expect(landingZone.vpcSubnets).toEqual({ subnetType: ec2.SubnetType.PRIVATE_ISOLATED });
    expect(landingZone.vpc.isolatedSubnets).toHaveLength(2);
  });

  test('with natGateways 2, defines a NAT gateway per zone', () => {
    // GIVEN
    const stack = new Stack(new App(), 'Stack');

    // WHEN
    new LandingZone(stack, 'LandingZone', { natGateways: 2 });

    // THEN
    Template.fromStack(stack).resourceCountIs('AWS::EC2::NatGateway', 2);
  });

  test('uses the VPC and subnets it is given', () => {
    // GIVEN
    const stack = new Stack(new App(), 'Stack');
    const vpc = new ec2.Vpc(stack, 'Existing', { natGateways: 0 });
    const vpcSubnets = { subnetType: ec2.SubnetType.PUBLIC };

    // WHEN
    const landingZone = new LandingZone(stack, 'LandingZone', { vpc, vpcSubnets });

    // THEN
    Template.fromStack(stack).resourceCountIs('AWS::EC2::VPC', 1);
    Template.fromStack(stack).allResourcesProperties('AWS::EC2::SecurityGroup', { VpcId: stack.resolve(vpc.vpcId) });
    expect(landingZone.vpc).toBe(vpc);
    expect(landingZone.vpcSubnets).toBe(vpcSubnets);
  });

  test('launches into the private subnets of a VPC it is given, or its isolated ones when it has no private ones', () => {
    // GIVEN
    const stack = new Stack(new App(), 'Stack');
    const withEgress = new ec2.Vpc(stack, 'WithEgress');
    const isolated = new ec2.Vpc(stack, 'Isolated', { natGateways: 0 });

    // WHEN
    const first = new LandingZone(stack, 'First', { vpc: withEgress });
    const second = new LandingZone(stack, 'Second', { vpc: isolated });

    // THEN
    expect(first.vpcSubnets).toEqual({ subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS });
    expect(second.vpcSubnets).toEqual({ subnetType: ec2.SubnetType.PRIVATE_ISOLATED });
  });

  test('lets RDP into the Windows group and SSH into the Linux group from each peer, CIDR or prefix list', () => {
    // GIVEN
    const stack = new Stack(new App(), 'Stack');

    // WHEN
    const landingZone = new LandingZone(stack, 'LandingZone', {
      remoteAccessPeers: [ec2.Peer.ipv4('10.20.0.0/16'), ec2.Peer.prefixList('pl-0123456789abcdef0')],
    });

    // THEN the CIDR inline, the prefix list as a rule of its own (CloudFormation cannot inline one)
    expect(ingressOf(stack, landingZone.windowsSecurityGroup)).toEqual([
      { CidrIp: '10.20.0.0/16', Description: 'RDP from 10.20.0.0/16', FromPort: 3389, IpProtocol: 'tcp', ToPort: 3389 },
    ]);
    expect(ingressOf(stack, landingZone.linuxSecurityGroup)).toEqual([
      { CidrIp: '10.20.0.0/16', Description: 'SSH from 10.20.0.0/16', FromPort: 22, IpProtocol: 'tcp', ToPort: 22 },
    ]);
    const template = Template.fromStack(stack);
    template.resourceCountIs('AWS::EC2::SecurityGroupIngress', 2);
    template.hasResourceProperties('AWS::EC2::SecurityGroupIngress', {
      GroupId: stack.resolve(landingZone.windowsSecurityGroup.securityGroupId),
      SourcePrefixListId: 'pl-0123456789abcdef0', Description: 'RDP from pl-0123456789abcdef0', FromPort: 3389, IpProtocol: 'tcp', ToPort: 3389,
    });
    template.hasResourceProperties('AWS::EC2::SecurityGroupIngress', {
      GroupId: stack.resolve(landingZone.linuxSecurityGroup.securityGroupId),
      SourcePrefixListId: 'pl-0123456789abcdef0', Description: 'SSH from pl-0123456789abcdef0', FromPort: 22, IpProtocol: 'tcp', ToPort: 22,
    });
  });

  test('lets RDP and SSH in from anywhere when allowRemoteAccessFromAnywhere is set', () => {
    // GIVEN (CDK's template validation warns about the open ports on the console: they are what was asked for)
    const stack = new Stack(new App(), 'Stack');
    const consoleError = jest.spyOn(console, 'error').mockImplementation(() => undefined);

    // WHEN
    const landingZone = new LandingZone(stack, 'LandingZone', {
      remoteAccessPeers: [ec2.Peer.anyIpv4(), ec2.Peer.anyIpv6()],
      allowRemoteAccessFromAnywhere: true,
    });

    // THEN
    expect(ingressOf(stack, landingZone.windowsSecurityGroup)).toEqual([
      expect.objectContaining({ CidrIp: '0.0.0.0/0', FromPort: 3389 }),
      expect.objectContaining({ CidrIpv6: '::/0', FromPort: 3389 }),
    ]);
    consoleError.mockRestore();
  });

  test('adds no rule when allowRemoteAccessFromAnywhere is set without peers', () => {
    // GIVEN
    const stack = new Stack(new App(), 'Stack');

    // WHEN
    const landingZone = new LandingZone(stack, 'LandingZone', { allowRemoteAccessFromAnywhere: true });

    // THEN
    expect(ingressOf(stack, landingZone.windowsSecurityGroup)).toEqual([]);
    expect(ingressOf(stack, landingZone.linuxSecurityGroup)).toEqual([]);
  });

  test('blocks all outbound traffic when allowAllOutbound is false', () => {
    // GIVEN
    const stack = new Stack(new App(), 'Stack');

    // WHEN
    new LandingZone(stack, 'LandingZone', { allowAllOutbound: false });

    // THEN
    Template.fromStack(stack).allResourcesProperties('AWS::EC2::SecurityGroup', {
      SecurityGroupEgress: [Match.objectLike({ CidrIp: '255.255.255.255/32', Description: 'Disallow all traffic' })],
    });
  });

  test('connections cover both groups', () => {
    // GIVEN
    const stack = new Stack(new App(), 'Stack');
    const landingZone = new LandingZone(stack, 'LandingZone');

    // WHEN
    landingZone.connections.allowFrom(ec2.Peer.ipv4('10.30.0.0/16'), ec2.Port.tcp(443), 'HTTPS from the office');

    // THEN
    expect(landingZone.connections.securityGroups).toEqual([landingZone.windowsSecurityGroup, landingZone.linuxSecurityGroup]);
    for (const group of [landingZone.windowsSecurityGroup, landingZone.linuxSecurityGroup]) {
      expect(ingressOf(stack, group)).toEqual([expect.objectContaining({ CidrIp: '10.30.0.0/16', FromPort: 443 })]);
    }
  });

  test('securityGroupFor gives the group of each family', () => {
    // GIVEN
    const stack = new Stack(new App(), 'Stack');

    // WHEN
    const landingZone = new LandingZone(stack, 'LandingZone');

    // THEN
    expect(landingZone.securityGroupFor(OsFamily.WINDOWS)).toBe(landingZone.windowsSecurityGroup);
    expect(landingZone.securityGroupFor(OsFamily.LINUX)).toBe(landingZone.linuxSecurityGroup);
  });

  test('fails when securityGroupFor is asked for family other', () => {
    // GIVEN
    const landingZone = new LandingZone(new Stack(new App(), 'Stack'), 'LandingZone');

    // WHEN / THEN
    expect(() => landingZone.securityGroupFor(OsFamily.OTHER))
      .toThrow(/family other has no security group in the landing zone, use OsFamily.WINDOWS or OsFamily.LINUX/);
  });

  describe('addElasticIp', () => {
    test('adds a VPC Elastic IP tagged with the VM name', () => {
      // GIVEN
      const stack = new Stack(new App(), 'Stack');
      const landingZone = new LandingZone(stack, 'LandingZone', { natGateways: 0 });

      // WHEN
      const web = landingZone.addElasticIp('Web01', { vmName: 'web-01' });
      const db = landingZone.addElasticIp('Db01', { vmName: 'db-01' });

      // THEN
      const template = Template.fromStack(stack);
      template.resourceCountIs('AWS::EC2::EIP', 2);
      template.hasResourceProperties('AWS::EC2::EIP', { Domain: 'vpc', Tags: [{ Key: 'Name', Value: 'web-01' }] });
      template.hasResourceProperties('AWS::EC2::EIP', { Domain: 'vpc', Tags: [{ Key: 'Name', Value: 'db-01' }] });
      expect(landingZone.elasticIps).toEqual([web, db]);
      expect(web.node.path).toBe('Stack/LandingZone/ElasticIps/Web01');
    });

    test('fails when vmName is empty', () => {
      // GIVEN
      const landingZone = new LandingZone(new Stack(new App(), 'Stack'), 'LandingZone');

      // WHEN / THEN
      expect(() => landingZone.addElasticIp('Web01', { vmName: ' ' })).toThrow(/vmName ' ' is empty, give the name the migration plan gives the VM/);
    });

    test('fails when the VM already has an Elastic IP', () => {
      // GIVEN
      const landingZone = new LandingZone(new Stack(new App(), 'Stack'), 'LandingZone');
      landingZone.addElasticIp('Web01', { vmName: 'web-01' });

      // WHEN / THEN
      expect(() => landingZone.addElasticIp('Web01Again', { vmName: 'web-01' })).toThrow(/vmName web-01 already has an Elastic IP/);
      expect(landingZone.elasticIps).toHaveLength(1);
    });
  });

  describe('validation', () => {
    test.each([
      ['ec2.Peer.anyIpv4()', ec2.Peer.anyIpv4(), '0.0.0.0/0'],
      ['ec2.Peer.anyIpv6()', ec2.Peer.anyIpv6(), '::/0'],
      ['a /0 CIDR', ec2.Peer.ipv4('0.0.0.0/0'), '0.0.0.0/0'],
    ])('fails when a remote-access peer is %s', (_what, peer, range) => {
      // GIVEN
      const stack = new Stack(new App(), 'Stack');

      // WHEN / THEN
      expect(() => new LandingZone(stack, 'LandingZone', { remoteAccessPeers: [ec2.Peer.ipv4('10.0.0.0/8'), peer] }))
        .toThrow(`remoteAccessPeers[1] ${range} lets RDP and SSH in from the whole internet, give your own ranges `
          + 'with ec2.Peer.ipv4() or ec2.Peer.prefixList(), or set allowRemoteAccessFromAnywhere: true');
    });

    test('fails when natGateways is given with a VPC', () => {
      // GIVEN
      const stack = new Stack(new App(), 'Stack');
      const vpc = new ec2.Vpc(stack, 'Existing');

      // WHEN / THEN
      expect(() => new LandingZone(stack, 'LandingZone', { vpc, natGateways: 2 }))
        .toThrow(/natGateways 2 applies only to the VPC the landing zone defines, leave it out when giving vpc/);
    });

    test.each([3, -1, 1.5])('fails when natGateways is %s', (natGateways) => {
      // GIVEN
      const stack = new Stack(new App(), 'Stack');

      // WHEN / THEN
      expect(() => new LandingZone(stack, 'LandingZone', { natGateways }))
        .toThrow(new RegExp(`natGateways ${natGateways} is not a whole number from 0 to 2`));
    });

    test('fails when the VPC given has no private subnets and no vpcSubnets are given', () => {
      // GIVEN
      const stack = new Stack(new App(), 'Stack');
      const vpc = new ec2.Vpc(stack, 'PublicOnly', { subnetConfiguration: [{ name: 'Public', subnetType: ec2.SubnetType.PUBLIC }] });

      // WHEN / THEN
      expect(() => new LandingZone(stack, 'LandingZone', { vpc }))
        .toThrow(/vpc Stack\/PublicOnly has no private or isolated subnets, give vpcSubnets/);
    });

    test('fails with every problem at once, before defining anything', () => {
      // GIVEN
      const stack = new Stack(new App(), 'Stack');

      // WHEN
      let error: unknown;
      try {
        new LandingZone(stack, 'LandingZone', { natGateways: 5, remoteAccessPeers: [ec2.Peer.anyIpv4()] });
      } catch (e) {
        error = e;
      }

      // THEN
      expect(SmsMigrationError.isSmsMigrationError(error)).toBe(true);
      const smsError = error as SmsMigrationError;
      expect(smsError.errorId).toBe('cdk-sms-migration:MultipleErrors');
      expect(smsError.constructPath).toBe('Stack/LandingZone');
      expect(smsError.details.map((d) => d.errorId))
        .toEqual(['cdk-sms-migration:InvalidNatGateways', 'cdk-sms-migration:RemoteAccessFromAnywhere']);
      expect(stack.node.findChild('LandingZone').node.children).toEqual([]);
    });
  });
});
