import { Severity } from '../../../assessment/rule';
import { RuleSubject, VmRule } from '../../../assessment/rule-pack';
import { linuxInstallerBasics } from '../mgn-prep1-linux-installer-basics';
import { kernelHeaders } from '../mgn-prep2-kernel-headers';
import { tmpMount } from '../mgn-prep3-tmp-mount';
import { linuxPackages } from '../mgn-prep4-linux-packages';
import { windowsWmi } from '../mgn-prep5-windows-wmi';
import { windowsDotNet } from '../mgn-prep6-windows-dotnet';
import { windowsUpdates } from '../mgn-prep7-windows-updates';
import { windowsAutoSleep } from '../mgn-prep8-windows-auto-sleep';
import { windowsDriveLetters } from '../mgn-prep9-windows-drive-letters';
import { diskEncryption } from '../mgn-prep10-disk-encryption';
import { paravirtualization } from '../mgn-prep11-paravirtualization';
import { stableMac } from '../mgn-prep12-stable-mac';
import { noDrsAgent } from '../mgn-prep13-no-drs-agent';
import { antivirus } from '../mgn-prep14-antivirus';
import { remoteAccess } from '../mgn-prep15-remote-access';
import { fstabKernelDeviceNames } from '../mgn-prep16-fstab-kernel-device-names';
import { fstabNetworkFileSystems } from '../mgn-prep17-fstab-network-file-systems';
import { MgnRuleSection } from '../sections';

const SECTION = MgnRuleSection.GUEST_PREPARATION;

/** The MGN rules of this section, in MGN-RULES.md order. */
export const GUEST_RULES: readonly VmRule[] = [
  {
    id: 'MGN-PREP1',
    section: SECTION,
    severity: Severity.ERROR,
    hard: false,
    subject: RuleSubject.VM,
    title: 'The Linux agent installer finds Python 2.4+ or 3.x, a DHCP client and root or sudo rights',
    explanation: 'The MGN agent installer for Linux is run by Python, configures networking for the launched instance with the '
      + 'guest\'s DHCP client, and installs a kernel driver and services, which takes root; missing any of these stops the '
      + 'installation.',
    remediation: 'Install Python (2.4 or later 2.x, or any 3.x) and the distribution\'s DHCP client (dhclient, dhcp-client or '
      + 'isc-dhcp-client), run the installer as root or a sudoer, and record guest.pythonVersion, guest.packages and guest.sudo.',
    check: linuxInstallerBasics,
  },
  {
    id: 'MGN-PREP2',
    section: SECTION,
    severity: Severity.ERROR,
    hard: false,
    subject: RuleSubject.VM,
    title: 'The headers of exactly the running Linux kernel are installed, not as a symlink',
    explanation: 'The agent installer builds its replication driver against the running kernel\'s headers; without them, '
      + 'or with a link to another kernel\'s headers, the driver does not build or load and the server never replicates.',
    remediation: 'Install the headers package for the kernel uname -r reports (kernel-devel on RHEL-like systems, '
      + 'linux-headers on Debian and Ubuntu; replace a symlinked headers folder with the real package), then record '
      + 'guest.kernelHeaders: matching.',
    check: kernelHeaders,
  },
  {
    id: 'MGN-PREP3',
    section: SECTION,
    severity: Severity.ERROR,
    hard: false,
    subject: RuleSubject.VM,
    title: 'Linux /tmp is mounted read-write and with exec',
    explanation: 'The agent installer unpacks its files into /tmp and runs them from there; a read-only or noexec /tmp '
      + 'makes the installation fail.',
    remediation: 'Remount /tmp read-write with exec for the installation (mount -o remount,rw,exec /tmp), and record '
      + 'guest.tmpWritable and guest.tmpExec.',
    check: tmpMount,
  },
  {
    id: 'MGN-PREP4',
    section: SECTION,
    severity: Severity.ERROR,
    hard: false,
    subject: RuleSubject.VM,
    title: 'The Linux packages the agent installer relies on are in place',
    explanation: 'On Rocky Linux 8 the installer cannot build its driver without elfutils-libelf-devel, and the other RHEL 8 '
      + 'family members need it as well; the installer fetches make, gcc, perl, tar, gawk and rpm from the distribution\'s '
      + 'repositories when they are missing, so an offline server fails; RHEL and Oracle Linux 9.0 to 9.4 with LVM need an '
      + 'lvm2 that is 2.03.23-1 or later for replication to work.',
    remediation: 'Install elfutils-libelf-devel on Rocky, RHEL, CentOS and Oracle Linux 8.x, install make gcc perl tar gawk rpm '
      + '(or make a repository reachable), update lvm2 to 2.03.23-1 or later on RHEL and Oracle Linux 9.0-9.4 with LVM, '
      + 'and record guest.packages and guest.lvm.',
    check: linuxPackages,
  },
  {
    id: 'MGN-PREP5',
    section: SECTION,
    severity: Severity.ERROR,
    hard: false,
    subject: RuleSubject.VM,
    title: 'The Windows Management Instrumentation service runs',
    explanation: 'The MGN agent on Windows reads the server\'s disks and configuration through WMI; with the service '
      + 'stopped or disabled the installation fails.',
    remediation: 'Set the Windows Management Instrumentation service (winmgmt) to start automatically and start it, '
      + 'then record guest.wmiRunning: true.',
    check: windowsWmi,
  },
  {
    id: 'MGN-PREP6',
    section: SECTION,
    severity: Severity.ERROR,
    hard: false,
    subject: RuleSubject.VM,
    title: 'Windows has .NET Framework 4.5 or later',
    explanation: 'The MGN agent for Windows runs on .NET Framework 4.5 or later, which MGN requires on Windows Server 2012 '
      + 'to 2025; on older servers and on client releases it is reported as a warning.',
    remediation: 'Install .NET Framework 4.5 or later (4.8 where the release allows) and record guest.dotNetVersion.',
    check: windowsDotNet,
  },
  {
    id: 'MGN-PREP7',
    section: SECTION,
    severity: Severity.WARNING,
    hard: false,
    subject: RuleSubject.VM,
    title: 'Windows has every available update installed',
    explanation: 'MGN asks for an up-to-date Windows before installing the agent: pending updates and their reboots can '
      + 'interrupt the installation or replication, and old components can keep the agent from running.',
    remediation: 'Install all available Windows updates (and reboot) before installing the agent, then record '
      + 'guest.updatesCurrent: true.',
    check: windowsUpdates,
  },
  {
    id: 'MGN-PREP8',
    section: SECTION,
    severity: Severity.WARNING,
    hard: false,
    subject: RuleSubject.VM,
    title: 'Automatic sleep is off on Windows 10 and 11',
    explanation: 'A client that goes to sleep stops replicating, and its replication lags or stalls until it wakes.',
    remediation: 'Set the power plan\'s sleep to Never while the server replicates, and record guest.autoSleepEnabled: false.',
    check: windowsAutoSleep,
  },
  {
    id: 'MGN-PREP9',
    section: SECTION,
    severity: Severity.ERROR,
    hard: false,
    subject: RuleSubject.VM,
    title: 'Every Windows volume has a drive letter',
    explanation: 'The MGN agent on Windows replicates volumes by drive letter and ignores volumes mounted in a folder, so '
      + 'their data would be missing on the launched instance.',
    remediation: 'Give each volume a drive letter (Disk Management or mountvol) and record it in disks[].volumes[].mount, '
      + 'such as D:.',
    check: windowsDriveLetters,
  },
  {
    id: 'MGN-PREP10',
    section: SECTION,
    severity: Severity.ERROR,
    hard: false,
    subject: RuleSubject.VM,
    title: 'The OS disk is not encrypted in the guest',
    explanation: 'MGN copies the disks block by block; a BitLocker or LUKS volume arrives still encrypted, and the launched '
      + 'instance cannot unlock it without the source\'s TPM or passphrase prompt, so it does not boot (decided).',
    remediation: 'Decrypt the OS volume before replication (suspending protection is not enough) and record '
      + 'guest.diskEncryption: none; use EBS encryption for the copy instead (mgn.replication.ebsEncryption).',
    check: diskEncryption,
  },
  {
    id: 'MGN-PREP11',
    section: SECTION,
    severity: Severity.ERROR,
    hard: true,
    subject: RuleSubject.VM,
    title: 'The server is not fully paravirtualized',
    explanation: 'MGN does not support fully paravirtualized servers: it converts hardware-virtualized guests (with '
      + 'paravirtual drivers at most) for EC2.',
    remediation: 'Migrate the server from a hardware-virtualized copy, or move the workload another way; record '
      + 'guest.paravirtualization as none, partial or full.',
    check: paravirtualization,
  },
  {
    id: 'MGN-PREP12',
    section: SECTION,
    severity: Severity.WARNING,
    hard: false,
    subject: RuleSubject.VM,
    title: 'MAC addresses stay the same across reboots',
    explanation: 'The MGN agent identifies the source server by its hardware, MAC addresses among it; when they change, '
      + 'replication stops and the agent must be reinstalled.',
    remediation: 'Give the VM fixed MAC addresses on the hypervisor for the whole migration, and record guest.stableMac: true.',
    check: stableMac,
  },
  {
    id: 'MGN-PREP13',
    section: SECTION,
    severity: Severity.ERROR,
    hard: false,
    subject: RuleSubject.VM,
    title: 'No AWS Elastic Disaster Recovery agent is installed',
    explanation: 'MGN does not install its agent on a server that already runs the Elastic Disaster Recovery agent; one '
      + 'replication agent per server.',
    remediation: 'Uninstall the Elastic Disaster Recovery agent (and stop its source server) before installing the MGN agent, '
      + 'and record guest.drsAgentInstalled: false.',
    check: noDrsAgent,
  },
  {
    id: 'MGN-PREP14',
    section: SECTION,
    severity: Severity.WARNING,
    hard: false,
    subject: RuleSubject.VM,
    title: 'No enabled antivirus or EDR software blocks the agent installer',
    explanation: 'Antivirus and endpoint detection software can quarantine the installer or refuse its driver and services, '
      + 'so the installation fails or replication stops (decided).',
    remediation: 'Allow-list the MGN agent\'s files, driver and services, or pause protection while installing, and record '
      + 'guest.antivirusEnabled.',
    check: antivirus,
  },
  {
    id: 'MGN-PREP15',
    section: SECTION,
    severity: Severity.WARNING,
    hard: false,
    subject: RuleSubject.VM,
    title: 'RDP (Windows) or SSH (Linux) is enabled and the guest firewall allows it',
    explanation: 'The launched test and cutover instances are checked by logging in; without RDP or SSH let in by the guest\'s '
      + 'own firewall, only Systems Manager reaches them (decided).',
    remediation: 'Enable RDP or SSH and allow it in the guest firewall before replication, and record '
      + 'guest.remoteAccessEnabled and guest.firewallAllowsRemoteAccess; or plan to reach the instance through Systems Manager.',
    check: remoteAccess,
  },
  {
    id: 'MGN-PREP16',
    section: SECTION,
    severity: Severity.WARNING,
    hard: false,
    subject: RuleSubject.VM,
    title: 'Linux /etc/fstab names no kernel devices',
    explanation: 'Kernel device names such as /dev/sdb1 change on EC2 (NVMe devices, another order), so an entry naming one '
      + 'may mount the wrong volume or stop the boot (decided).',
    remediation: 'Name each device in /etc/fstab by UUID=, LABEL=, PARTUUID=, /dev/disk/by-* or an LVM name, and record '
      + 'guest.fstab.',
    check: fstabKernelDeviceNames,
  },
  {
    id: 'MGN-PREP17',
    section: SECTION,
    severity: Severity.WARNING,
    hard: false,
    subject: RuleSubject.VM,
    title: 'Linux /etc/fstab mounts no network or FUSE file systems',
    explanation: 'MGN replicates the server\'s own disks only: NFS, CIFS, FUSE and similar mounts are not copied, and the '
      + 'launched instance mounts them only if their servers are reachable from AWS.',
    remediation: 'Make the file servers reachable from the launch subnet (or migrate them too), or remove the entries; '
      + 'record guest.fstab.',
    check: fstabNetworkFileSystems,
  },
];
