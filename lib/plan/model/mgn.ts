/**
 * The plan file's additions for AWS Application Migration Service (MGN): the settings of the
 * `mgn` blocks (plan, `defaults.mgn`, per VM and per disk), the waves with their dates, and the value
 * sets they use. INVENTORY.md, "MGN target (additions)", is the contract; every field is optional.
 */

/** How MGN replicates a VM: an agent in the guest, or the vCenter Client's snapshots (agentless). */
export enum ReplicationMethod {
  AGENT = 'agent',
  AGENTLESS = 'agentless',
}

/** The EBS volume type of a replicated disk on the staging area. */
export enum StagingDiskType {
  AUTO = 'auto',
  GP2 = 'gp2',
  GP3 = 'gp3',
  IO1 = 'io1',
  IO2 = 'io2',
  SC1 = 'sc1',
  ST1 = 'st1',
  STANDARD = 'standard',
}

/** The EBS volume type of large replicated disks. */
export enum LargeStagingDiskType {
  GP2 = 'gp2',
  GP3 = 'gp3',
  ST1 = 'st1',
}

/** How replication data reaches the replication servers. */
export enum DataPlaneRouting {
  PRIVATE_IP = 'private-ip',
  PUBLIC_IP = 'public-ip',
}

/** How the staging disks are encrypted. */
export enum EbsEncryption {
  DEFAULT = 'default',
  CUSTOM = 'custom',
}

/** Whether MGN picks the instance type (basic) or the launch template does (none). */
export enum RightSizing {
  NONE = 'none',
  BASIC = 'basic',
}

/** The boot mode of the launched instance. */
export enum BootMode {
  LEGACY_BIOS = 'legacy-bios',
  UEFI = 'uefi',
  USE_SOURCE = 'use-source',
}

/** Where the launched instance runs. */
export enum Tenancy {
  DEFAULT = 'default',
  DEDICATED = 'dedicated',
  HOST = 'host',
}

/** Whether the launched instance is started. */
export enum LaunchDisposition {
  STARTED = 'started',
  STOPPED = 'stopped',
}

/** Whether the kernel headers for the running kernel are installed. */
export enum KernelHeaders {
  MATCHING = 'matching',
  MISSING = 'missing',
  SYMLINK = 'symlink',
}

/** How far a guest is paravirtualized. */
export enum Paravirtualization {
  NONE = 'none',
  PARTIAL = 'partial',
  FULL = 'full',
}

/** The encryption of the OS disk. */
export enum DiskEncryption {
  NONE = 'none',
  BITLOCKER = 'bitlocker',
  LUKS = 'luks',
  OTHER = 'other',
}

/** Replication settings of one source server (MGN's replication configuration). */
export interface MgnReplicationSettings {
  /** How the VM replicates. @default agent */
  readonly method?: ReplicationMethod;
  /** Bandwidth limit in Mbps, a whole number 0-10,000; 0 is unthrottled. @default 0 */
  readonly bandwidthThrottlingMbps?: number;
  /** How replication data reaches the staging area. @default private-ip */
  readonly dataPlaneRouting?: DataPlaneRouting;
  /** Whether replication servers get a public IP. @default false */
  readonly createPublicIp?: boolean;
  /** The EBS type of large staging disks. @default gp3 */
  readonly largeStagingDiskType?: LargeStagingDiskType;
  /** How staging disks are encrypted. @default custom when a key is named, else default */
  readonly ebsEncryption?: EbsEncryption;
  /** The KMS key (key ARN, alias ARN or `alias/name`) of `custom` encryption. @default - SMS `kmsKeyId` when `encrypted` */
  readonly kmsKeyArn?: string;
  /** The replication servers' instance type. @default t3.small */
  readonly replicationServerInstanceType?: string;
  /** Whether the server gets a replication server of its own. @default false */
  readonly dedicatedReplicationServer?: boolean;
  /** User-owned security groups of the replication servers (`sg-` ids). @default - the library-owned group */
  readonly securityGroups?: string[];
}

/** Launch settings of one source server (MGN's launch configuration and EC2 launch template). */
export interface MgnLaunchSettings {
  /** The EC2 instance type. @default - MGN's right-sizing choice */
  readonly instanceType?: string;
  /** Whether MGN picks the instance type. @default basic without instanceType, else none */
  readonly rightSizing?: RightSizing;
  /** The subnet to launch in (`subnet-` id). @default - the default VPC */
  readonly subnet?: string;
  /** The CIDR of that subnet, for MGN-NET3. @default - unknown */
  readonly subnetCidr?: string;
  /** Security groups of the instance (`sg-` ids). @default - the subnet VPC's default group */
  readonly securityGroups?: string[];
  /** Whether the instance keeps the source's primary private IPv4. @default true when the first NIC is static */
  readonly copyPrivateIp?: boolean;
  /** Whether the instance gets a public IPv4. @default false */
  readonly associatePublicIp?: boolean;
  /** The instance's boot mode. @default use-source */
  readonly bootMode?: BootMode;
  /** The instance's tenancy. @default host for Windows BYOL, else default */
  readonly tenancy?: Tenancy;
  /** The Dedicated Host to launch on. @default - none */
  readonly hostId?: string;
  /** The host resource group to launch in. @default - none */
  readonly hostResourceGroupArn?: string;
  /** Whether the launched instance is started. @default started */
  readonly launchDisposition?: LaunchDisposition;
  /** Whether MGN's post-launch actions run. @default false */
  readonly postLaunchActions?: boolean;
}

/** A VM's (or the plan default's) MGN settings. */
export interface MgnServerSettings {
  /** Replication settings; missing fields come from `defaults.mgn.replication`. @default - the defaults */
  readonly replication?: MgnReplicationSettings;
  /** Launch settings; missing fields come from `defaults.mgn.launch`. @default - the defaults */
  readonly launch?: MgnLaunchSettings;
}

/** A wave with its dates. */
export interface Wave {
  /** The wave's name, as VMs name it in `wave`; required. */
  readonly name: string;
  /** The first day of replication, `YYYY-MM-DD` (UTC). @default - the assessment date */
  readonly replicationStart?: string;
  /** The cutover day, `YYYY-MM-DD` (UTC). @default - none */
  readonly cutoverDate?: string;
  /** What the wave is. @default - none */
  readonly description?: string;
  /**
   * The AWS account the wave's VMs migrate into (12 digits): its stacks are deployed there and its
   * quotas counted there.
   *
   * @default - the plan's (`mgn.accountId` in an MGN plan), else the stacks' own
   */
  readonly account?: string;
  /**
   * The Region the wave's VMs migrate into: its stacks are deployed there and its quotas counted there.
   *
   * @default - the plan's (`mgn.region` in an MGN plan), else the stacks' own
   */
  readonly region?: string;
}

/** The vCenter Client VM's OS. */
export interface ClientOs {
  /** `ubuntu`, `amazon-linux`, `rhel`, ... */
  readonly name?: string;
  /** Its version, such as 22.04. */
  readonly version?: string;
}
