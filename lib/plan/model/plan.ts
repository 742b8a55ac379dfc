/**
 * The migration plan file: the VMs a team wants to move, the facts known about each, and how each
 * should be replicated. These types mirror the plan file format field for field; the JSON Schema
 * published with the package (`schema/plan.schema.json`) is the same contract for editors and tools.
 *
 * Every fact is optional unless noted: a missing fact makes the rules that need it report `unknown`.
 * Sizes are GiB (fractions allowed); versions are strings.
 */

import {
  Addressing, Architecture, Attestation, Bootloader, Datastore, DiskFormat, DiskMode, DiskProvisioning, FirewallEndpoint,
  FirewallProtocol, Firmware, Hypervisor, Installation, LicenseChoice, OsFamily, Pagefile, PartitionStyle, PlanTarget, ReplicationType,
} from './values';

import { ClientOs, DiskEncryption, KernelHeaders, MgnServerSettings, Paravirtualization, StagingDiskType, Wave } from './mgn';

export * from './values';
export * from './mgn';

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
  /** Whether replication repeats on an interval or runs once: interval or one-time. */
  readonly type?: ReplicationType;
  /** Hours between runs of an interval job (SMS accepts whole hours from 1 to 24). */
  readonly frequencyHours?: number;
  /** ISO 8601 date-time of the first (seed) replication; absent means when the job is created. */
  readonly seedTime?: string;
  /** The license the job asks for: auto, aws or byol. */
  readonly licenseType?: LicenseChoice;
  /** AMIs to keep; 0 or absent keeps every AMI. */
  readonly amisToKeep?: number;
  /** Whether the AMIs the job creates are encrypted. */
  readonly encrypted?: boolean;
  /** The KMS key (id, ARN or alias) that encrypts the AMIs; absent means the default EBS key when encrypted. */
  readonly kmsKeyId?: string;
  /** Whether the VM is prepared for enhanced networking (ENA) on EC2. */
  readonly enhancedNetworking?: boolean;
  /** License programmes the plan attests to for this job, which SMS cannot check itself. */
  readonly attestations?: Attestation[];
}

/** Plan-wide defaults. */
export interface PlanDefaults {
  /** Replication settings applied to every VM's replication, field by field, unless the VM says otherwise. */
  readonly replication?: ReplicationSettings;
  /** MGN settings applied to every VM's `mgn`, field by field, unless the VM says otherwise. @default - the library's */
  readonly mgn?: MgnServerSettings;
}

/** An outbound rule the connector's network allows. */
export interface EgressRule {
  /** The protocol: tcp, udp or icmp; required. */
  readonly protocol: FirewallProtocol;
  /** The port; absent means every port of the protocol. */
  readonly port?: number;
  /** Where the connector may connect to; required. */
  readonly destination: FirewallEndpoint;
}

/** An inbound rule the connector's network allows. */
export interface IngressRule {
  /** The protocol: tcp, udp or icmp; required. */
  readonly protocol: FirewallProtocol;
  /** The port on the connector, 1 to 65535; absent means every port of the protocol. */
  readonly port?: number;
  /** Where connections to the connector may come from; required. */
  readonly source: FirewallEndpoint;
}

/** The SMS connector: the on-premises appliance that replicates VMs. */
export interface Connector {
  /** The connector's name; required, not empty, and unique in the file. VMs refer to it in "connector". */
  readonly name: string;
  /** The hypervisor the connector serves: vmware or hyperv; required. */
  readonly hypervisor: Hypervisor;
  /** The vCenter Server version, such as 6.5. */
  readonly vcenterVersion?: string;
  /** The vCenter port the connector reaches; 443 when absent. */
  readonly vcenterPort?: number;
  /** The versions of the ESXi hosts the VMs run on, such as ["6.0", "6.5"]. */
  readonly esxiVersions?: string[];
  /** The Hyper-V host's operating system, such as windows-server-2016. */
  readonly hypervHostOs?: string;
  /** The Active Directory version the connector joins, such as 2012. */
  readonly activeDirectoryVersion?: string;
  /** The System Center Virtual Machine Manager version, such as 2016. */
  readonly scvmmVersion?: string;
  /** The memory given to the connector VM, in GiB. */
  readonly memoryGiB?: number;
  /** The disk size of the connector VM, in GiB. */
  readonly diskGiB?: number;
  /** How the connector's disk is provisioned: thin or thick. */
  readonly diskProvisioning?: DiskProvisioning;
  /** The outbound firewall rules declared for the connector; absent means not declared (the firewall rule reports unknown). */
  readonly egress?: EgressRule[];
  /** The inbound firewall rules declared for the connector (Hyper-V only). */
  readonly ingress?: IngressRule[];
  /** MGN: the OS of the vCenter Client VM this connector stands for. @default - unknown */
  readonly clientOs?: ClientOs;
  /** MGN: how many VMs the vCenter Client discovers, in the plan or not. @default - unknown */
  readonly inventoryVmCount?: number;
}

/** A VM's own MGN block: its settings and its egress rules. */
export interface MgnVmSettings extends MgnServerSettings {
  /** Outbound rules of this VM, replacing `mgn.network.sourceEgress`. @default - the plan's */
  readonly egress?: EgressRule[];
}

/** The network MGN uses: the staging area, and what sources and the staging subnet may reach. */
export interface MgnNetwork {
  /** The staging subnet (`subnet-` id). @default - the construct's prop */
  readonly stagingSubnet?: string;
  /** The source networks (CIDRs), for the library-owned replication security group. @default - none */
  readonly sourceCidrs?: string[];
  /** Whether the staging subnet uses custom DNS. @default - unknown */
  readonly customDns?: boolean;
  /** Whether TLS is intercepted on the way to MGN. @default - unknown */
  readonly tlsInspection?: boolean;
  /** Outbound rules of the source servers. @default - unknown */
  readonly sourceEgress?: EgressRule[];
  /** Outbound rules of the staging subnet. @default - unknown */
  readonly stagingEgress?: EgressRule[];
  /** Inbound rules of the staging subnet. @default - unknown */
  readonly stagingIngress?: IngressRule[];
}

/** The plan's MGN block. */
export interface MgnPlanSettings {
  /** The AWS account (12 digits) whose quotas count. @default - the stack's */
  readonly accountId?: string;
  /** The Region code whose quotas count. @default - the stack's */
  readonly region?: string;
  /** The network MGN uses. @default - unknown */
  readonly network?: MgnNetwork;
}

/** Where the VM is in the source environment and in the SMS server catalog. */
export interface VmSource {
  /** The SMS server catalog id, such as s-12345678. */
  readonly serverId?: string;
  /**
   * The VM's inventory path as the SMS server catalog writes it (`vmServer.vmPath`), such as
   * /Datacenters/DC1/vm/web/web-01.
   */
  readonly vmPath?: string;
  /** The hypervisor's id of the VM, such as vm-1042 (a vCenter MoRef: unique only within its vCenter). */
  readonly vmId?: string;
  /**
   * The id of the VM manager that knows the VM by `vmId`: a vCenter's instance UUID (RVTools `VI SDK UUID`,
   * SMS `vmServer.vmServerAddress.vmManagerId`). With `vmId`, it names the VM across vCenters.
   */
  readonly vmManagerId?: string;
  /** MGN: the vSphere VM UUID (BIOS UUID), which agentless replication matches on. */
  readonly vmUuid?: string;
}

/** Operating-system facts. */
export interface OsFacts {
  /** The operating-system family: windows, linux or other. */
  readonly family?: OsFamily;
  /** `windows-server`, `windows-client`, `ubuntu`, `rhel`, `centos`, `sles`, `debian`, `oracle-linux`, `fedora`, or other text. */
  readonly name?: string;
  /** The operating-system version, as a string: 2012 R2, 8.1, 14.04.5, 11.3 (SLES 11 SP3; 11 SP3 is accepted). */
  readonly version?: string;
  /** The edition: standard, datacenter, enterprise, professional, ultimate, education, home, web, essentials, or any other text. */
  readonly edition?: string;
  /** The Windows installation option: full, core or nano. */
  readonly installation?: Installation;
  /** The Windows service pack number, such as 1. */
  readonly servicePack?: number;
  /** The guest architecture: x86_64 or x86. */
  readonly architecture?: Architecture;
  /** The Linux kernel release, as uname -r prints it, such as 3.10.0-514.el7.x86_64. */
  readonly kernel?: string;
  /** Whether the Linux kernel is a custom build rather than the distribution's. */
  readonly customKernel?: boolean;
  /** The operating-system language, such as en-US. */
  readonly language?: string;
  /** The Linux boot loader: grub, grub2, lilo, syslinux, systemd-boot or other. */
  readonly bootloader?: Bootloader;
}

/** A guest volume (partition) on a virtual disk. */
export interface Volume {
  /** `/`, `/data`, `swap` on Linux; `C:` on Windows. */
  readonly mount?: string;
  /** The file system, such as xfs, ext4, swap or ntfs. */
  readonly fileSystem?: string;
  /** The volume size, in GiB. */
  readonly sizeGiB?: number;
  /** The free space on the volume, in GiB. */
  readonly freeGiB?: number;
  /** Marks the Windows system volume when it is not `C:`. */
  readonly system?: boolean;
}

/** A virtual disk. */
export interface Disk {
  /** The disk's name on the hypervisor, such as Hard disk 1. */
  readonly name?: string;
  /** The disk size, in GiB. */
  readonly sizeGiB?: number;
  /** The disk image format: vmdk, rdm, sesparse, vhd or vhdx. */
  readonly format?: DiskFormat;
  /** The VMware disk mode: persistent, independent-persistent or independent-nonpersistent. */
  readonly mode?: DiskMode;
  /** The kind of datastore the disk lives on: vmfs, nfs, vsan or vvol. */
  readonly datastore?: Datastore;
  /** The partition table of the disk: mbr or gpt. */
  readonly partitionStyle?: PartitionStyle;
  /** This disk holds the MBR and boot loader. */
  readonly boot?: boolean;
  /** The guest volumes (partitions) on the disk. */
  readonly volumes?: Volume[];
  /** MGN's name of the disk: `/dev/sda`, `c:0`. */
  readonly deviceName?: string;
  /** MGN settings of the disk. */
  readonly mgn?: DiskMgnSettings;
}

/** MGN settings of one disk. */
export interface DiskMgnSettings {
  /** The staging EBS volume type. @default auto */
  readonly stagingDiskType?: StagingDiskType;
}

/** A virtual network interface. */
export interface Nic {
  /** The NIC's IPv4 addresses. */
  readonly ipv4?: string[];
  /** The NIC's IPv6 addresses. */
  readonly ipv6?: string[];
  /** How the NIC gets its IPv4 address: static or dhcp. */
  readonly addressing?: Addressing;
}

/** An `/etc/fstab` entry. */
export interface FstabEntry {
  /** The device field as written in /etc/fstab, such as UUID=..., LABEL=... or /dev/sdb1; required. */
  readonly device: string;
  /** The mount point, such as /data. */
  readonly mount?: string;
  /** The file system type, such as xfs. */
  readonly type?: string;
}

/** What is known of the guest's preparation. */
export interface GuestFacts {
  /** Whether antivirus software is enabled in the guest. */
  readonly antivirusEnabled?: boolean;
  /** Whether a CD-ROM or ISO image is connected to the VM. */
  readonly cdromConnected?: boolean;
  /** RDP on Windows, SSH on Linux. */
  readonly remoteAccessEnabled?: boolean;
  /** Whether the guest firewall allows the remote access (RDP or SSH) in. */
  readonly firewallAllowsRemoteAccess?: boolean;
  /** The newest .NET Framework version installed on a Windows guest, such as 4.6.2. */
  readonly dotNetVersion?: string;
  /** How the Windows page file is sized: fixed or system-managed. */
  readonly pagefile?: Pagefile;
  /** The Windows hotfixes (KB numbers) installed, such as KB2922223. */
  readonly hotfixes?: string[];
  /** The entries of a Linux guest's /etc/fstab. */
  readonly fstab?: FstabEntry[];
  /** MGN: whether headers for exactly the running kernel are installed. */
  readonly kernelHeaders?: KernelHeaders;
  /** MGN: the highest Python installed (such as 3.6), or `none`. */
  readonly pythonVersion?: string;
  /** MGN: whether the agent installer runs as root or a sudoer. */
  readonly sudo?: boolean;
  /** MGN: relevant installed packages, name to `version-release`; a package absent from a present map is not installed. */
  readonly packages?: Record<string, string>;
  /** MGN: whether `/tmp` is mounted read-write. */
  readonly tmpWritable?: boolean;
  /** MGN: whether `/tmp` is mounted with exec. */
  readonly tmpExec?: boolean;
  /** MGN: free memory, in GiB. */
  readonly freeMemoryGiB?: number;
  /** MGN: whether the guest uses LVM. */
  readonly lvm?: boolean;
  /** MGN: whether UEFI Secure Boot is on. */
  readonly secureBoot?: boolean;
  /** MGN: whether the boot volume spans several disks. */
  readonly bootSpansDisks?: boolean;
  /** MGN: how far the guest is paravirtualized. */
  readonly paravirtualization?: Paravirtualization;
  /** MGN: the OS disk's encryption. */
  readonly diskEncryption?: DiskEncryption;
  /** MGN: whether MAC addresses are stable across reboots. */
  readonly stableMac?: boolean;
  /** MGN: whether an Elastic Disaster Recovery agent is installed. */
  readonly drsAgentInstalled?: boolean;
  /** MGN: whether the WMI service runs (Windows). */
  readonly wmiRunning?: boolean;
  /** MGN: whether every available Windows update is installed. */
  readonly updatesCurrent?: boolean;
  /** MGN: whether automatic sleep is on (Windows 10, 11). */
  readonly autoSleepEnabled?: boolean;
  /** MGN: the mount holding Program Files (x86), such as `D:`; missing means the system volume. */
  readonly programFilesVolume?: string;
}

/** One VM of the plan. */
export interface Vm {
  /** The VM's name; required, not empty, and unique in the file. */
  readonly name: string;
  /**
   * The migration wave: VMs of one wave deploy together. Not empty. A plan in which no VM names a wave
   * is one wave, deployed whole; in a plan that uses waves, a VM without one is unscheduled (assessed
   * and reported, not deployed).
   */
  readonly wave?: string;
  /** The hypervisor the VM runs on: vmware or hyperv; required. */
  readonly hypervisor: Hypervisor;
  /** The name of the connector (declared in connectors) that replicates the VM. */
  readonly connector?: string;
  /** Where the VM is in the source environment and in the SMS server catalog. */
  readonly source?: VmSource;
  /** Facts about the guest operating system. */
  readonly os?: OsFacts;
  /** The VM firmware: bios or uefi. */
  readonly firmware?: Firmware;
  /** The Hyper-V VM generation, such as 1 or 2. */
  readonly generation?: number;
  /** Whether the VM was created by a physical-to-virtual (P2V) conversion. */
  readonly createdByP2V?: boolean;
  /** The VM's virtual disks; the one marked boot: true is the boot disk, else the first. */
  readonly disks?: Disk[];
  /** The VM's virtual network interfaces. */
  readonly nics?: Nic[];
  /** What is known of the guest's preparation for migration. */
  readonly guest?: GuestFacts;
  /** The VM's replication job settings; anything left out comes from defaults.replication. */
  readonly replication?: ReplicationSettings;
  /** Rule acknowledgements for this VM only. */
  readonly acknowledge?: Acknowledgement[];
  /** MGN: the application the VM belongs to. @default - its wave, else `default` */
  readonly application?: string;
  /** The AWS account the VM migrates into, where it differs from its wave's. @default - its wave's, else the plan's */
  readonly account?: string;
  /** The Region the VM migrates into, where it differs from its wave's. @default - its wave's, else the plan's */
  readonly region?: string;
  /** MGN: the VM's own settings and egress rules. @default - `defaults.mgn` */
  readonly mgn?: MgnVmSettings;
}

/** A whole plan file. */
export interface Plan {
  /** The plan format version; always 1. */
  readonly version: number;
  /**
   * The service the plan is migrated through: it selects the rules that judge it.
   *
   * @default PlanTarget.SMS
   */
  readonly target?: PlanTarget;
  /** Plan-wide defaults, applied to every VM unless the VM says otherwise. */
  readonly defaults?: PlanDefaults;
  /** Plan-wide rule acknowledgements; each may be narrowed to some VMs (or connectors) by name globs. */
  readonly acknowledge?: PlanAcknowledgement[];
  /** The SMS connectors (on-premises appliances) that replicate the VMs; a VM names its connector in "connector". */
  readonly connectors?: Connector[];
  /** The VMs to migrate; required, at least one. VM names are unique in the file. */
  readonly vms: Vm[];
  /** MGN: the account, Region and network. @default - none */
  readonly mgn?: MgnPlanSettings;
  /** The waves with their dates; a VM's `wave` names one. @default - waves without dates */
  readonly waves?: Wave[];
}
