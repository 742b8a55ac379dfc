/**
 * The closed sets of values a plan's fields take (the enums of the plan file's JSON Schema), apart from
 * the structure that uses them (plan.ts).
 */

/**
 * The service a plan is migrated through, which selects the rule pack that judges it and the
 * constructs that deploy it. A plan has one target.
 */
export enum PlanTarget {
  /** AWS Server Migration Service. */
  SMS = 'sms',
  /** AWS Application Migration Service (AWS Transform MGN). */
  MGN = 'mgn',
}

/** The hypervisor a VM or a connector runs on. */
export enum Hypervisor {
  VMWARE = 'vmware',
  HYPERV = 'hyperv',
}

/** The operating-system family, which decides which rules apply. */
export enum OsFamily {
  WINDOWS = 'windows',
  LINUX = 'linux',
  OTHER = 'other',
}

/** Whether replication repeats on an interval or runs once. */
export enum ReplicationType {
  INTERVAL = 'interval',
  ONE_TIME = 'one-time',
}

/** The license a job asks for; `auto` lets SMS choose from the OS. */
export enum LicenseChoice {
  AUTO = 'auto',
  AWS = 'aws',
  BYOL = 'byol',
}

/** The license a job will get once `auto` is resolved. */
export enum ResolvedLicense {
  AWS = 'aws',
  BYOL = 'byol',
}

/** Attestations a plan records for license programmes that SMS cannot check itself. */
export enum Attestation {
  REDHAT_CLOUD_ACCESS = 'redhat-cloud-access',
  SUSE_BYOS = 'suse-byos',
  MICROSOFT_BYOL_DEDICATED_HOST = 'microsoft-byol-dedicated-host',
  MICROSOFT_BYOL_OWN_KEYS = 'microsoft-byol-own-keys',
  MICROSOFT_BYOL_ELIGIBLE = 'microsoft-byol-eligible',
}

/** The protocol of a declared connector firewall rule. */
export enum FirewallProtocol {
  TCP = 'tcp',
  UDP = 'udp',
  ICMP = 'icmp',
}

/** Named endpoints a connector firewall rule can point at. */
export enum FirewallEndpoint {
  DNS = 'dns',
  NTP = 'ntp',
  VCENTER = 'vcenter',
  ESXI = 'esxi',
  SCVMM = 'scvmm',
  HYPERV_HOST = 'hyperv-host',
  AMAZONAWS_COM = '*.amazonaws.com',
  AWS_AMAZON_COM = '*.aws.amazon.com',
  NTP_ORG = '*.ntp.org',
  /** MGN's Regional endpoint. */
  MGN = 'mgn',
  /** The S3 buckets MGN uses. */
  S3 = 's3',
  /** The Regional EC2 endpoint. */
  EC2 = 'ec2',
  /** MGN's staging subnet (its replication servers). */
  STAGING = 'staging',
  /** The source servers (an inbound rule of the staging subnet). */
  SOURCES = 'sources',
  ANY = 'any',
}

/** How the connector's disk is provisioned. */
export enum DiskProvisioning {
  THIN = 'thin',
  THICK = 'thick',
}

/** The Windows installation option. */
export enum Installation {
  FULL = 'full',
  CORE = 'core',
  NANO = 'nano',
}

/** The guest architecture. */
export enum Architecture {
  X86_64 = 'x86_64',
  X86 = 'x86',
}

/** The Linux boot loader. */
export enum Bootloader {
  GRUB = 'grub',
  GRUB2 = 'grub2',
  LILO = 'lilo',
  SYSLINUX = 'syslinux',
  SYSTEMD_BOOT = 'systemd-boot',
  OTHER = 'other',
}

/** The VM firmware. */
export enum Firmware {
  BIOS = 'bios',
  UEFI = 'uefi',
}

/** The image format of a virtual disk. */
export enum DiskFormat {
  VMDK = 'vmdk',
  RDM = 'rdm',
  SESPARSE = 'sesparse',
  VHD = 'vhd',
  VHDX = 'vhdx',
}

/** The VMware disk mode. */
export enum DiskMode {
  PERSISTENT = 'persistent',
  INDEPENDENT_PERSISTENT = 'independent-persistent',
  INDEPENDENT_NONPERSISTENT = 'independent-nonpersistent',
}

/** The kind of VMware datastore a disk lives on. */
export enum Datastore {
  VMFS = 'vmfs',
  NFS = 'nfs',
  VSAN = 'vsan',
  VVOL = 'vvol',
}

/** The partition table of a disk. */
export enum PartitionStyle {
  MBR = 'mbr',
  GPT = 'gpt',
}

/** How a NIC gets its IPv4 address. */
export enum Addressing {
  STATIC = 'static',
  DHCP = 'dhcp',
}

/** How the Windows page file is sized. */
export enum Pagefile {
  FIXED = 'fixed',
  SYSTEM_MANAGED = 'system-managed',
}
