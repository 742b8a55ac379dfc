/**
 * The migration plan file: the VMs a team wants to move, the facts known about each, and how each
 * should be replicated. These types mirror the plan file format field for field; the JSON Schema
 * published with the package (`schema/plan.schema.json`) is the same contract for editors and tools.
 *
 * Every fact is optional unless noted: a missing fact makes the rules that need it report `unknown`.
 * Sizes are GiB (fractions allowed); versions are strings.
 */

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

/** A rule acknowledgement: the rule id and why its finding is accepted. */
export interface Acknowledgement {
  /** The rule id, such as `SMS-NET1`. */
  readonly rule: string;
  /** Why the finding is accepted; required, and kept in every report. */
  readonly reason: string;
}

/** A plan-wide acknowledgement, optionally narrowed to VMs whose names match glob patterns. */
export interface PlanAcknowledgement extends Acknowledgement {
  /** Name globs (`*`, `?`) of the VMs (or connectors) it covers; absent means every VM and connector. */
  readonly vms?: string[];
}

/** Replication settings for one job; anything left out comes from `defaults.replication`. */
export interface ReplicationSettings {
  readonly type?: ReplicationType;
  /** Hours between runs of an interval job (SMS accepts whole hours from 1 to 24). */
  readonly frequencyHours?: number;
  /** ISO 8601 date-time of the first (seed) replication; absent means when the job is created. */
  readonly seedTime?: string;
  readonly licenseType?: LicenseChoice;
  /** AMIs to keep; 0 or absent keeps every AMI. */
  readonly amisToKeep?: number;
  readonly encrypted?: boolean;
  readonly kmsKeyId?: string;
  readonly enhancedNetworking?: boolean;
  readonly attestations?: Attestation[];
}

/** Plan-wide defaults. */
export interface PlanDefaults {
  readonly replication?: ReplicationSettings;
}

/** An outbound rule the connector's network allows. */
export interface EgressRule {
  readonly protocol: FirewallProtocol;
  /** The port; absent means every port of the protocol. */
  readonly port?: number;
  readonly destination: FirewallEndpoint;
}

/** An inbound rule the connector's network allows. */
export interface IngressRule {
  readonly protocol: FirewallProtocol;
  readonly port?: number;
  readonly source: FirewallEndpoint;
}

/** The SMS connector: the on-premises appliance that replicates VMs. */
export interface Connector {
  readonly name: string;
  readonly hypervisor: Hypervisor;
  readonly vcenterVersion?: string;
  /** The vCenter port the connector reaches; 443 when absent. */
  readonly vcenterPort?: number;
  readonly esxiVersions?: string[];
  readonly hypervHostOs?: string;
  readonly activeDirectoryVersion?: string;
  readonly scvmmVersion?: string;
  readonly memoryGiB?: number;
  readonly diskGiB?: number;
  readonly diskProvisioning?: DiskProvisioning;
  readonly egress?: EgressRule[];
  readonly ingress?: IngressRule[];
}

/** Where the VM is in the source environment and in the SMS server catalog. */
export interface VmSource {
  readonly serverId?: string;
  readonly vmPath?: string;
  readonly vmId?: string;
}

/** Operating-system facts. */
export interface OsFacts {
  readonly family?: OsFamily;
  /** `windows-server`, `windows-client`, `ubuntu`, `rhel`, `centos`, `sles`, `debian`, `oracle-linux`, `fedora`, or other text. */
  readonly name?: string;
  readonly version?: string;
  readonly edition?: string;
  readonly installation?: Installation;
  readonly servicePack?: number;
  readonly architecture?: Architecture;
  readonly kernel?: string;
  readonly customKernel?: boolean;
  readonly language?: string;
  readonly bootloader?: Bootloader;
}

/** A guest volume (partition) on a virtual disk. */
export interface Volume {
  /** `/`, `/data`, `swap` on Linux; `C:` on Windows. */
  readonly mount?: string;
  readonly fileSystem?: string;
  readonly sizeGiB?: number;
  readonly freeGiB?: number;
  /** Marks the Windows system volume when it is not `C:`. */
  readonly system?: boolean;
}

/** A virtual disk. */
export interface Disk {
  readonly name?: string;
  readonly sizeGiB?: number;
  readonly format?: DiskFormat;
  readonly mode?: DiskMode;
  readonly datastore?: Datastore;
  readonly partitionStyle?: PartitionStyle;
  /** This disk holds the MBR and boot loader. */
  readonly boot?: boolean;
  readonly volumes?: Volume[];
}

/** A virtual network interface. */
export interface Nic {
  readonly ipv4?: string[];
  readonly ipv6?: string[];
  readonly addressing?: Addressing;
}

/** An `/etc/fstab` entry. */
export interface FstabEntry {
  readonly device: string;
  readonly mount?: string;
  readonly type?: string;
}

/** What is known of the guest's preparation. */
export interface GuestFacts {
  readonly antivirusEnabled?: boolean;
  readonly cdromConnected?: boolean;
  /** RDP on Windows, SSH on Linux. */
  readonly remoteAccessEnabled?: boolean;
  readonly firewallAllowsRemoteAccess?: boolean;
  readonly dotNetVersion?: string;
  readonly pagefile?: Pagefile;
  readonly hotfixes?: string[];
  readonly fstab?: FstabEntry[];
}

/** One VM of the plan. */
export interface Vm {
  readonly name: string;
  readonly wave?: string;
  readonly hypervisor: Hypervisor;
  readonly connector?: string;
  readonly source?: VmSource;
  readonly os?: OsFacts;
  readonly firmware?: Firmware;
  readonly generation?: number;
  readonly createdByP2V?: boolean;
  readonly disks?: Disk[];
  readonly nics?: Nic[];
  readonly guest?: GuestFacts;
  readonly replication?: ReplicationSettings;
  readonly acknowledge?: Acknowledgement[];
}

/** A whole plan file. */
export interface Plan {
  /** The plan format version; always 1. */
  readonly version: number;
  readonly defaults?: PlanDefaults;
  readonly acknowledge?: PlanAcknowledgement[];
  readonly connectors?: Connector[];
  readonly vms: Vm[];
}
