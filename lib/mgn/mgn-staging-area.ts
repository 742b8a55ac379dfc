import { Annotations, Fn, Stack, Token } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as cr from 'aws-cdk-lib/custom-resources';
import { Construct } from 'constructs';
import { ErrorCollector } from '../errors';
import { acknowledgeNagFindings } from '../private/nag-acknowledgements';
import { privateSubnets } from './staging-subnet';

/** Where source servers send replication data to the replication servers. */
const REPLICATION_PORT = 1500;
/** HTTPS, on which the replication servers reach MGN, EC2 and S3. */
const HTTPS_PORT = 443;
/** How long the flow logs of the staging area's own VPC are kept, as the landing zone's. */
const FLOW_LOG_RETENTION = logs.RetentionDays.ONE_YEAR;

/** Properties of an `MgnStagingArea`. */
export interface MgnStagingAreaProps {
  /**
   * The VPC of the staging subnet, in which the replication security group is defined.
   *
   * @default - the VPC of `stagingSubnetId`, looked up at deployment (`ec2:DescribeSubnets`); without
   * `stagingSubnetId`, a new VPC with one private isolated subnet, flow logs, and endpoints for MGN, EC2 and S3
   */
  readonly vpc?: ec2.IVpc;

  /**
   * The staging subnet (`subnet-` id), where MGN launches the replication servers: the plan's
   * `mgn.network.stagingSubnet`.
   *
   * @default - the first private subnet of `vpc`, or the subnet of the VPC the staging area defines
   */
  readonly stagingSubnetId?: string;

  /**
   * The source networks (CIDRs, IPv4 or IPv6) allowed to send replication data (tcp 1500): the plan's
   * `mgn.network.sourceCidrs`.
   *
   * @default - none: the security group lets nothing in, and a warning says so
   */
  readonly sourceCidrs?: string[];
}

/**
 * The staging area of AWS Application Migration Service: the subnet its replication servers run in and
 * a security group the library owns for them, used instead of MGN's default group (which lets tcp 1500
 * in from anywhere). The group lets tcp 1500 in from the source networks only, and lets out tcp 443
 * only: replication servers reach MGN, EC2 and S3 on 443 and need nothing else.
 *
 * When it defines the VPC (no `vpc`, no `stagingSubnetId`), the VPC has one private isolated subnet
 * in one Availability Zone (10.0.0.0/16: give your own VPC when it would overlap the source networks),
 * no NAT gateway, flow logs kept a year, and interface endpoints for MGN and EC2 and a gateway endpoint
 * for S3, which is how the replication servers reach those three on 443 without internet access. The
 * source networks still need a route to it (VPN, Direct Connect or a transit gateway), which is theirs.
 *
 * @example
 * new MgnStagingArea(this, 'StagingArea', { sourceCidrs: ['10.20.0.0/16'] });
 */
export class MgnStagingArea extends Construct implements ec2.IConnectable {
  /** The staging subnet's id. */
  public readonly stagingSubnetId: string;

  /** The replication servers' security group. */
  public readonly securityGroup: ec2.ISecurityGroup;

  /** The connections of the replication security group. */
  public readonly connections: ec2.Connections;

  /**
   * The VPC the staging area defined.
   *
   * @default - none, when `vpc` or `stagingSubnetId` was given
   */
  public readonly vpc?: ec2.Vpc;

  constructor(scope: Construct, id: string, props: MgnStagingAreaProps = {}) {
    super(scope, id);

    const errors = new ErrorCollector(this);
    const sourceCidrs = props.sourceCidrs ?? [];
    sourceCidrs.forEach((cidr, index) => {
      if (!Token.isUnresolved(cidr) && !/^[0-9A-Fa-f.:]+\/\d{1,3}$/.test(cidr)) {
        errors.add('cdk-sms-migration:InvalidSourceCidr', `sourceCidrs[${index}] ${JSON.stringify(cidr)} is not a CIDR, such as 10.20.0.0/16`);
      } else if (!Token.isUnresolved(cidr) && /\/0+$/.test(cidr)) {
        errors.add('cdk-sms-migration:ReplicationFromAnywhere',
          `sourceCidrs[${index}] ${cidr} lets replication traffic in from the whole internet, give the source networks`);
      }
    });
    const ownSubnets = props.vpc !== undefined && props.stagingSubnetId === undefined ? privateSubnets(props.vpc) : [];
    if (props.vpc !== undefined && props.stagingSubnetId === undefined && ownSubnets.length === 0) {
      errors.add('cdk-sms-migration:NoStagingSubnet', `vpc ${props.vpc.node.path} has no private or isolated subnet, give stagingSubnetId`);
    }
    errors.throwIfAny();

    let vpc = props.vpc;
    let subnetId = props.stagingSubnetId ?? ownSubnets[0]?.subnetId;
    if (vpc === undefined && subnetId !== undefined) {
      vpc = this.vpcOfSubnet(subnetId);
    } else if (vpc === undefined) {
      const created = this.defineVpc();
      this.vpc = created;
      vpc = created;
      subnetId = created.isolatedSubnets[0].subnetId;
    }
    this.stagingSubnetId = subnetId!;

    const group = new ec2.SecurityGroup(this, 'ReplicationSecurityGroup', {
      vpc,
      allowAllOutbound: false,
      description: 'MGN replication servers (cdk-sms-migration): tcp 1500 from the source networks, tcp 443 out',
    });
    for (const cidr of sourceCidrs) {
      const peer = cidr.includes(':') ? ec2.Peer.ipv6(cidr) : ec2.Peer.ipv4(cidr);
      group.addIngressRule(peer, ec2.Port.tcp(REPLICATION_PORT), `Replication data from ${cidr}`);
    }
    group.addEgressRule(ec2.Peer.anyIpv4(), ec2.Port.tcp(HTTPS_PORT), 'MGN, EC2 and S3 on 443');
    if (sourceCidrs.length === 0) {
      Annotations.of(this).addWarningV2('cdk-sms-migration:NoSourceCidrs',
        'no source CIDRs are given (plan mgn.network.sourceCidrs): the replication security group lets nothing in, '
        + 'and no source server can replicate until a rule allows tcp 1500 from it');
    }
    if (this.vpc !== undefined) {
      this.addEndpoints(this.vpc, group);
    }
    this.securityGroup = group;
    this.connections = new ec2.Connections({ securityGroups: [group] });
  }

  /**
   * The VPC of a subnet known by id only: looked up at deployment, since synthesis cannot tell it and
   * the security group must be in it.
   */
  private vpcOfSubnet(subnetId: string): ec2.IVpc {
    const lookup = new cr.AwsCustomResource(this, 'StagingSubnetVpc', {
      onUpdate: {
        service: 'EC2',
        action: 'describeSubnets',
        parameters: { SubnetIds: [subnetId] },
        outputPaths: ['Subnets.0.VpcId'],
        physicalResourceId: cr.PhysicalResourceId.of(subnetId),
      },
      // DescribeSubnets takes no resource ARN.
      policy: cr.AwsCustomResourcePolicy.fromSdkCalls({ resources: cr.AwsCustomResourcePolicy.ANY_RESOURCE }),
      installLatestAwsSdk: false,
    });
    acknowledgeNagFindings(this, [{
      id: 'AwsSolutions-IAM5',
      appliesTo: ['Resource::*'],
      reason: 'The staging subnet VPC lookup calls ec2:DescribeSubnets, which takes no resource ARN',
    }]);
    // The function behind every AwsCustomResource of the stack, which aws-cdk-lib defines with its own role.
    const lookupFunction = Stack.of(this).node.tryFindChild(`AWS${cr.AwsCustomResource.PROVIDER_FUNCTION_UUID.replace(/-/g, '')}`);
    if (lookupFunction !== undefined) {
      acknowledgeNagFindings(lookupFunction, [{
        id: 'AwsSolutions-IAM4',
        appliesTo: ['Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole'],
        reason: 'aws-cdk-lib gives the function of its AwsCustomResource the managed AWSLambdaBasicExecutionRole, with no way to change it',
      }]);
    }
    return ec2.Vpc.fromVpcAttributes(this, 'StagingVpc', {
      vpcId: lookup.getResponseField('Subnets.0.VpcId'),
      availabilityZones: Fn.getAzs(),
    });
  }

  /** A small VPC of its own: one isolated subnet, flow logs, and the endpoints replication servers use. */
  private defineVpc(): ec2.Vpc {
    const vpc = new ec2.Vpc(this, 'Vpc', {
      maxAzs: 1,
      natGateways: 0,
      subnetConfiguration: [{ name: 'Staging', subnetType: ec2.SubnetType.PRIVATE_ISOLATED, cidrMask: 24 }],
      // What reached the replication servers and what they reached, as the landing zone's VPC keeps it
      // (and as cdk-nag's AwsSolutions-VPC7 asks of every VPC).
      flowLogs: {
        FlowLog: {
          destination: ec2.FlowLogDestination.toCloudWatchLogs(new logs.LogGroup(this, 'FlowLogs', { retention: FLOW_LOG_RETENTION })),
          trafficType: ec2.FlowLogTrafficType.ALL,
        },
      },
    });
    return vpc;
  }

  /**
   * The endpoints of the staging area's own VPC: replication servers reach MGN, EC2 and S3 on 443, and
   * the isolated subnet has no other way out. The interface endpoints let in the replication servers only.
   */
  private addEndpoints(vpc: ec2.Vpc, group: ec2.ISecurityGroup): void {
    for (const [id, service] of [
      ['MgnEndpoint', ec2.InterfaceVpcEndpointAwsService.APPLICATION_MIGRATION_SERVICE],
      ['Ec2Endpoint', ec2.InterfaceVpcEndpointAwsService.EC2],
    ] as const) {
      vpc.addInterfaceEndpoint(id, { service, open: false }).connections.allowDefaultPortFrom(group, 'MGN replication servers');
    }
    vpc.addGatewayEndpoint('S3Endpoint', { service: ec2.GatewayVpcEndpointAwsService.S3 });
  }
}
