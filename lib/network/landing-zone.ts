import { Token } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { ErrorCollector, SmsMigrationError } from '../errors';
import { OsFamily } from '../plan/model/plan';

/** RDP, which SMS-PREP3/PREP4 make the guest accept. */
const RDP_PORT = 3389;
/** SSH, which SMS-PREP5/PREP6 make the guest accept. */
const SSH_PORT = 22;
/** The Availability Zones a landing zone's own VPC spans. */
const MAX_AZS = 2;
/** One NAT gateway for the landing zone's own VPC: see `natGateways`. */
const DEFAULT_NAT_GATEWAYS = 1;
/** How long the flow logs of the landing zone's own VPC are kept: a year, enough to look back over a whole migration. */
const FLOW_LOG_RETENTION = logs.RetentionDays.ONE_YEAR;
/** The id of the scope that holds the Elastic IPs, so that they never clash with the landing zone's own children. */
const ELASTIC_IPS_ID = 'ElasticIps';

/**
 * Options for an Elastic IP of the landing zone.
 */
export interface ElasticIpOptions {
  /**
   * The name of the VM whose migrated instance gets the address, as the migration plan gives it.
   *
   * The address is tagged `Name` with it, so that the console and a later launch step can tell
   * which instance it belongs to. One address per VM.
   */
  readonly vmName: string;
}

/**
 * Properties of a `LandingZone`.
 */
export interface LandingZoneProps {
  /**
   * The VPC the migrated instances are launched in.
   *
   * @default - a new VPC across 2 Availability Zones, with a public and a private subnet in each
   * (10.0.0.0/16: give your own VPC when it would overlap the on-premises ranges you route to), and
   * flow logs of all its traffic in a CloudWatch Logs group kept for a year
   */
  readonly vpc?: ec2.IVpc;

  /**
   * How many NAT gateways the landing zone's own VPC has, from 0 to 2. Only for the VPC the landing
   * zone defines: with `vpc`, it is an error.
   *
   * One NAT gateway gives the private subnets of both zones the outbound access a freshly migrated
   * instance needs (OS updates, the SSM agent, license activation of BYOL software) for the price of
   * one gateway rather than one per zone; the cost is that a zone outage also cuts the other zone's
   * outbound access, which a migration landing zone can live with. Use 2 for a zone-independent
   * setup, or 0 for no outbound access at all (the private subnets are then isolated).
   *
   * @default 1
   */
  readonly natGateways?: number;

  /**
   * The subnets the migrated instances are launched in.
   *
   * @default - the VPC's private subnets: those with outbound access if it has any, else its isolated ones
   */
  readonly vpcSubnets?: ec2.SubnetSelection;

  /**
   * Where RDP (tcp 3389, to Windows instances) and SSH (tcp 22, to Linux instances) may come from:
   * on-premises or VPN ranges with `ec2.Peer.ipv4()`, managed prefix lists with
   * `ec2.Peer.prefixList()`, or security groups such as a bastion's.
   *
   * `ec2.Peer.anyIpv4()`, `ec2.Peer.anyIpv6()` and any other /0 range are rejected unless
   * `allowRemoteAccessFromAnywhere` is true.
   *
   * @default - no remote access: neither security group lets anything in
   */
  readonly remoteAccessPeers?: ec2.IPeer[];

  /**
   * Whether `remoteAccessPeers` may open RDP and SSH to the whole internet (a /0 range).
   *
   * Setting it adds no rule by itself: it only lets a /0 peer through.
   *
   * @default false
   */
  readonly allowRemoteAccessFromAnywhere?: boolean;

  /**
   * Whether the security groups allow all outbound traffic.
   *
   * @default true
   */
  readonly allowAllOutbound?: boolean;
}

/**
 * The network migrated instances land in: a VPC and subnets, a security group per operating-system
 * family that lets RDP or SSH in from the peers you name, and Elastic IPs for the VMs that must be
 * reachable from outside.
 *
 * SMS produces AMIs, not instances: the landing zone defines no instance. It is where the team
 * launches the AMIs a replication job creates, and what a later launch step uses (`vpc`,
 * `vpcSubnets`, `securityGroupFor()`, `elasticIps`).
 *
 * Nothing is open to the world by default: without `remoteAccessPeers` no ingress rule is added.
 * The guest must accept the connection too (rules SMS-PREP3 to SMS-PREP6: RDP or SSH enabled, and
 * allowed by the host firewall); these groups are the AWS side of it.
 *
 * @example
 * const landingZone = new LandingZone(this, 'LandingZone', {
 *   remoteAccessPeers: [ec2.Peer.ipv4('10.20.0.0/16'), ec2.Peer.prefixList('pl-0123456789abcdef0')],
 * });
 * landingZone.addElasticIp('Web01Address', { vmName: 'web-01' });
 */
export class LandingZone extends Construct implements ec2.IConnectable {
  /** The VPC the migrated instances are launched in. */
  public readonly vpc: ec2.IVpc;

  /** The subnets the migrated instances are launched in. */
  public readonly vpcSubnets: ec2.SubnetSelection;

  /** The security group of migrated Windows instances: RDP (tcp 3389) from each remote-access peer. */
  public readonly windowsSecurityGroup: ec2.ISecurityGroup;

  /** The security group of migrated Linux instances: SSH (tcp 22) from each remote-access peer. */
  public readonly linuxSecurityGroup: ec2.ISecurityGroup;

  /** The connections of both security groups: a rule allowed here applies to Windows and Linux instances alike. */
  public readonly connections: ec2.Connections;

  private readonly eips: ec2.CfnEIP[] = [];
  private readonly eipVmNames = new Set<string>();

  constructor(scope: Construct, id: string, props: LandingZoneProps = {}) {
    super(scope, id);

    const errors = new ErrorCollector(this);
    validateNetwork(props, errors);
    validateRemoteAccessPeers(props, errors);
    errors.throwIfAny();

    const natGateways = props.natGateways ?? DEFAULT_NAT_GATEWAYS;
    this.vpc = props.vpc ?? new ec2.Vpc(this, 'Vpc', {
      maxAzs: MAX_AZS,
      natGateways,
      subnetConfiguration: [
        { name: 'Public', subnetType: ec2.SubnetType.PUBLIC, cidrMask: 24 },
        // A private subnet with egress needs a NAT gateway: without one, it is isolated.
        { name: 'Private', subnetType: natGateways > 0 ? ec2.SubnetType.PRIVATE_WITH_EGRESS : ec2.SubnetType.PRIVATE_ISOLATED, cidrMask: 24 },
      ],
      // What reached the migrated instances, and what they reached: the first thing to read when a
      // cut-over goes wrong, and what cdk-nag (AwsSolutions-VPC7) asks of every VPC.
      flowLogs: {
        FlowLog: {
          destination: ec2.FlowLogDestination.toCloudWatchLogs(new logs.LogGroup(this, 'FlowLogs', { retention: FLOW_LOG_RETENTION })),
          trafficType: ec2.FlowLogTrafficType.ALL,
        },
      },
    });
    this.vpcSubnets = props.vpcSubnets ?? defaultSubnets(this.vpc)!;

    const allowAllOutbound = props.allowAllOutbound ?? true;
    const windows = new ec2.SecurityGroup(this, 'WindowsSecurityGroup', {
      vpc: this.vpc,
      allowAllOutbound,
      description: 'Migrated Windows instances (cdk-sms-migration): RDP from the remote-access peers',
    });
    const linux = new ec2.SecurityGroup(this, 'LinuxSecurityGroup', {
      vpc: this.vpc,
      allowAllOutbound,
      description: 'Migrated Linux instances (cdk-sms-migration): SSH from the remote-access peers',
    });
    for (const peer of props.remoteAccessPeers ?? []) {
      windows.addIngressRule(peer, ec2.Port.tcp(RDP_PORT), `RDP from ${peer.uniqueId}`);
      linux.addIngressRule(peer, ec2.Port.tcp(SSH_PORT), `SSH from ${peer.uniqueId}`);
    }
    this.windowsSecurityGroup = windows;
    this.linuxSecurityGroup = linux;
    this.connections = new ec2.Connections({ securityGroups: [windows, linux] });
  }

  /**
   * The Elastic IPs added with `addElasticIp()`, in the order they were added.
   */
  public get elasticIps(): ec2.CfnEIP[] {
    return [...this.eips];
  }

  /**
   * The security group a migrated instance of this family joins.
   *
   * Family `other` has none: the landing zone only knows how Windows and Linux are reached.
   */
  public securityGroupFor(family: OsFamily): ec2.ISecurityGroup {
    switch (family) {
      case OsFamily.WINDOWS:
        return this.windowsSecurityGroup;
      case OsFamily.LINUX:
        return this.linuxSecurityGroup;
      default:
        throw new SmsMigrationError('cdk-sms-migration:NoSecurityGroupForFamily',
          `family ${family} has no security group in the landing zone, use OsFamily.WINDOWS or OsFamily.LINUX`, this);
    }
  }

  /**
   * Adds an Elastic IP (domain `vpc`) for a VM that must be reachable from outside the VPC.
   *
   * A migrated instance never gets a public IP address, whatever its subnet says (rule SMS-NET4): an
   * Elastic IP is the way in. Associate it with the instance when it is launched, in a public subnet
   * (`vpc.publicSubnets`), as the default `vpcSubnets` are private. An address costs money whether
   * or not it is associated; the returned resource takes `applyRemovalPolicy()` to keep the address
   * beyond the stack.
   */
  public addElasticIp(id: string, options: ElasticIpOptions): ec2.CfnEIP {
    const vmName = options.vmName;
    if (!Token.isUnresolved(vmName) && vmName.trim() === '') {
      throw new SmsMigrationError('cdk-sms-migration:EmptyVmName', `vmName '${vmName}' is empty, give the name the migration plan gives the VM`, this);
    }
    if (this.eipVmNames.has(vmName)) {
      throw new SmsMigrationError('cdk-sms-migration:DuplicateElasticIp',
        `vmName ${vmName} already has an Elastic IP in this landing zone, a migrated instance has a single network interface`, this);
    }
    const scope = (this.node.tryFindChild(ELASTIC_IPS_ID) as Construct | undefined) ?? new Construct(this, ELASTIC_IPS_ID);
    const eip = new ec2.CfnEIP(scope, id, {
      domain: 'vpc',
      tags: [{ key: 'Name', value: vmName }],
    });
    this.eipVmNames.add(vmName);
    this.eips.push(eip);
    return eip;
  }
}

/** `natGateways` only with the landing zone's own VPC, and within what its 2 zones can use; the default subnets exist. */
function validateNetwork(props: LandingZoneProps, errors: ErrorCollector): void {
  const natGateways = props.natGateways;
  if (natGateways !== undefined && props.vpc !== undefined) {
    errors.add('cdk-sms-migration:NatGatewaysWithVpc',
      `natGateways ${natGateways} applies only to the VPC the landing zone defines, leave it out when giving vpc`);
  } else if (natGateways !== undefined && Token.isUnresolved(natGateways)) {
    // The number of gateways decides the subnets' types at synth: a token cannot.
    errors.add('cdk-sms-migration:InvalidNatGateways', 'natGateways is a token, give a number from 0 to 2');
  } else if (natGateways !== undefined && !(Number.isInteger(natGateways) && natGateways >= 0 && natGateways <= MAX_AZS)) {
    errors.add('cdk-sms-migration:InvalidNatGateways',
      `natGateways ${natGateways} is not a whole number from 0 to ${MAX_AZS} (one per Availability Zone at most)`);
  }
  if (props.vpc !== undefined && props.vpcSubnets === undefined && defaultSubnets(props.vpc) === undefined) {
    errors.add('cdk-sms-migration:NoPrivateSubnets',
      `vpc ${props.vpc.node.path} has no private or isolated subnets, give vpcSubnets to launch migrated instances elsewhere`);
  }
}

/** No peer opens RDP and SSH to the whole internet unless that is asked for. */
function validateRemoteAccessPeers(props: LandingZoneProps, errors: ErrorCollector): void {
  if (props.allowRemoteAccessFromAnywhere === true) {
    return;
  }
  (props.remoteAccessPeers ?? []).forEach((peer, index) => {
    const range = anywhereRange(peer);
    if (range !== undefined) {
      errors.add('cdk-sms-migration:RemoteAccessFromAnywhere',
        `remoteAccessPeers[${index}] ${range} lets RDP and SSH in from the whole internet, give your own ranges `
        + 'with ec2.Peer.ipv4() or ec2.Peer.prefixList(), or set allowRemoteAccessFromAnywhere: true');
    }
  });
}

/** The /0 range a peer stands for (`0.0.0.0/0`, `::/0`, or any other prefix of length 0), if it is one. */
function anywhereRange(peer: ec2.IPeer): string | undefined {
  const config = peer.toIngressRuleConfig();
  return [config.cidrIp, config.cidrIpv6]
    .find((cidr): cidr is string => cidr !== undefined && !Token.isUnresolved(cidr) && /\/0+$/.test(cidr.trim()));
}

/** The VPC's private subnets: with outbound access if there are any, else isolated; none when it has neither. */
function defaultSubnets(vpc: ec2.IVpc): ec2.SubnetSelection | undefined {
  if (vpc.privateSubnets.length > 0) {
    return { subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS };
  }
  if (vpc.isolatedSubnets.length > 0) {
    return { subnetType: ec2.SubnetType.PRIVATE_ISOLATED };
  }
  return undefined;
}
