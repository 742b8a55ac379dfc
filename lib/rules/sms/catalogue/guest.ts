import { Severity } from '../../../assessment/rule';
import { RuleSubject, VmRule } from '../../../assessment/rule-pack';
import { RuleSection } from '../sections';
import { antivirusDisabled } from '../sms-prep1-antivirus-disabled';
import { cdromDisconnected } from '../sms-prep2-cdrom-disconnected';
import { windowsRdpEnabled } from '../sms-prep3-windows-rdp-enabled';
import { windowsFirewallAllowsRdp } from '../sms-prep4-windows-firewall-allows-rdp';
import { linuxSshEnabled } from '../sms-prep5-linux-ssh-enabled';
import { linuxFirewallAllowsSsh } from '../sms-prep6-linux-firewall-allows-ssh';
import { dotNetUpgrade } from '../sms-prep7-dotnet-upgrade';
import { windowsPagefileFixed } from '../sms-prep8-windows-pagefile-fixed';
import { hotfixKb2922223 } from '../sms-prep9-hotfix-kb2922223';
import { hotfixKb2800213 } from '../sms-prep10-hotfix-kb2800213';
import { fstabKernelDeviceNames } from '../sms-prep11-fstab-kernel-device-names';
import { fstabNetworkFileSystems } from '../sms-prep12-fstab-network-file-systems';
import { importModifications } from '../sms-prep13-import-modifications';
import { sharedByOs } from '../facts/os-profile';

/** The guest-preparation rules (SMS-PREP1 to SMS-PREP13), in catalogue order. */
export const GUEST_RULES: readonly VmRule[] = [
  {
    id: 'SMS-PREP1',
    section: RuleSection.GUEST_PREPARATION,
    severity: Severity.ERROR,
    hard: false,
    subject: RuleSubject.VM,
    title: 'Antivirus and intrusion-detection software is disabled for the migration',
    explanation: 'Security software in the guest can interfere with the snapshots, drivers and boot changes SMS applies, '
      + 'so it has to be off while the VM is replicated and imported.',
    remediation: 'Disable antivirus and intrusion-detection services in the VM before the first replication, '
      + 'set guest.antivirusEnabled to false, and turn them back on once the instance runs on EC2.',
    check: antivirusDisabled,
  },
  {
    id: 'SMS-PREP2',
    section: RuleSection.GUEST_PREPARATION,
    severity: Severity.ERROR,
    hard: false,
    subject: RuleSubject.VM,
    title: 'No CD-ROM drive (virtual or physical) is connected',
    explanation: 'SMS requires every CD-ROM drive to be disconnected from the VM before it migrates it.',
    remediation: 'Disconnect the CD-ROM drives in the VM settings (vSphere "Connected" box or Hyper-V DVD drive set to None), '
      + 'then set guest.cdromConnected to false.',
    check: cdromDisconnected,
  },
  {
    id: 'SMS-PREP3',
    section: RuleSection.GUEST_PREPARATION,
    severity: Severity.ERROR,
    hard: false,
    subject: RuleSubject.VM,
    title: 'Windows: Remote Desktop (RDP) is enabled',
    explanation: 'RDP is the way into a migrated Windows instance: without it nobody can log on after the migration.',
    remediation: 'Enable Remote Desktop in System Properties (or set fDenyTSConnections to 0), then set guest.remoteAccessEnabled to true.',
    check: windowsRdpEnabled,
  },
  {
    id: 'SMS-PREP4',
    section: RuleSection.GUEST_PREPARATION,
    severity: Severity.ERROR,
    hard: false,
    subject: RuleSubject.VM,
    title: 'Windows: the host firewall allows RDP',
    explanation: 'An enabled RDP service is no use if Windows Firewall (or another host firewall) drops it: '
      + 'the instance would be unreachable after migration.',
    remediation: 'Enable the "Remote Desktop" inbound rules (TCP 3389) in the host firewall, '
      + 'then set guest.firewallAllowsRemoteAccess to true.',
    check: windowsFirewallAllowsRdp,
  },
  {
    id: 'SMS-PREP5',
    section: RuleSection.GUEST_PREPARATION,
    severity: Severity.ERROR,
    hard: false,
    subject: RuleSubject.VM,
    title: 'Linux: SSH is enabled',
    explanation: 'SSH is the way into a migrated Linux instance: without it nobody can log on after the migration.',
    remediation: 'Install and enable the SSH daemon so it starts at boot (for example systemctl enable --now sshd), '
      + 'then set guest.remoteAccessEnabled to true.',
    check: linuxSshEnabled,
  },
  {
    id: 'SMS-PREP6',
    section: RuleSection.GUEST_PREPARATION,
    severity: Severity.ERROR,
    hard: false,
    subject: RuleSubject.VM,
    title: 'Linux: the host firewall allows SSH',
    explanation: 'A running SSH daemon is no use if iptables (or firewalld, ufw...) drops it: '
      + 'the instance would be unreachable after migration.',
    remediation: 'Allow inbound TCP 22 in the host firewall and make the rule persistent, '
      + 'then set guest.firewallAllowsRemoteAccess to true.',
    check: linuxFirewallAllowsSsh,
  },
  {
    id: 'SMS-PREP7',
    section: RuleSection.GUEST_PREPARATION,
    severity: Severity.INFO,
    hard: false,
    subject: RuleSubject.VM,
    title: 'Windows: .NET Framework older than 4.5 is upgraded to 4.5 or later',
    explanation: 'SMS needs .NET Framework 4.5 or later in the guest and installs it during import when the VM has an older one.',
    remediation: 'Nothing is required; test applications pinned to an older .NET Framework, '
      + 'or install 4.5 or later yourself before migrating to control the upgrade.',
    check: dotNetUpgrade,
  },
  {
    id: 'SMS-PREP8',
    section: RuleSection.GUEST_PREPARATION,
    severity: Severity.ERROR,
    hard: false,
    subject: RuleSubject.VM,
    title: 'Windows: the page file has a fixed size',
    explanation: 'SMS installs drivers into the Windows guest during import, and that needs a fixed-size page file.',
    remediation: 'In System Properties > Advanced > Performance > Virtual memory, clear "Automatically manage" '
      + 'and set a custom initial and maximum size, then set guest.pagefile to fixed.',
    check: windowsPagefileFixed,
  },
  {
    id: 'SMS-PREP9',
    section: RuleSection.GUEST_PREPARATION,
    severity: Severity.ERROR,
    hard: false,
    subject: RuleSubject.VM,
    title: 'Windows 7, 8, 8.1, Server 2008, 2008 R2, 2012, 2012 R2: hotfix KB2922223 is applied',
    explanation: 'Without KB2922223 these releases cannot change the system time while the RealTimeIsUniversal registry entry '
      + '(hardware clock in UTC, as Windows instances on EC2 use it) is on, so SMS requires it.',
    remediation: 'Install KB2922223 from the Microsoft Update Catalog (or Windows Update), reboot, and add it to guest.hotfixes.',
    check: hotfixKb2922223,
  },
  {
    id: 'SMS-PREP10',
    section: RuleSection.GUEST_PREPARATION,
    severity: Severity.ERROR,
    hard: false,
    subject: RuleSubject.VM,
    title: 'Windows 7, Server 2008, 2008 R2: hotfix KB2800213 is applied',
    explanation: 'Without KB2800213 these releases can run at high CPU during a daylight-saving changeover, '
      + 'so SMS requires it before migration.',
    remediation: 'Install KB2800213 from the Microsoft Update Catalog (or Windows Update), reboot, and add it to guest.hotfixes.',
    check: hotfixKb2800213,
  },
  {
    id: 'SMS-PREP11',
    section: RuleSection.GUEST_PREPARATION,
    severity: Severity.WARNING,
    hard: false,
    subject: RuleSubject.VM,
    title: 'Linux: /etc/fstab names devices by UUID, label or LVM name, not kernel device names',
    explanation: 'Kernel device names (/dev/sda1, /dev/xvdf1, /dev/nvme0n1p2) change on EC2; SMS rewrites such entries to UUIDs, '
      + 'or adds nofail when it finds no match, which leaves a mount silently missing until fixed by hand.',
    remediation: 'Replace each listed device with UUID=... (see blkid), LABEL=, PARTUUID=, a /dev/disk/by-* path '
      + 'or an LVM name before migrating, and update guest.fstab.',
    check: fstabKernelDeviceNames,
  },
  {
    id: 'SMS-PREP12',
    section: RuleSection.GUEST_PREPARATION,
    severity: Severity.WARNING,
    hard: false,
    subject: RuleSubject.VM,
    title: 'Linux: /etc/fstab has no network, shared-folder or FUSE entries',
    explanation: 'SMS disables fstab entries of non-local types (cifs, smbfs, vboxsf, sshfs, nfs, nfs4, glusterfs, ceph, davfs, fuse) '
      + 'on import, so those mounts are missing on the instance.',
    remediation: 'Plan to re-enable the listed entries on the instance once their servers are reachable from the VPC, '
      + 'or move them to systemd automount units or the application configuration.',
    check: fstabNetworkFileSystems,
  },
  {
    id: 'SMS-PREP13',
    section: RuleSection.GUEST_PREPARATION,
    severity: Severity.INFO,
    hard: false,
    subject: RuleSubject.VM,
    title: 'SMS modifies the guest on import',
    explanation: 'To make the instance boot and be reachable, SMS changes Linux drivers and initrd, network scripts (static to DHCP), '
      + 'fstab and GRUB settings, or the Windows registry; each modified file keeps its original beside it.',
    remediation: 'Nothing is required; review the changed files on the instance (originals are kept under new names) '
      + 'and restore static addressing or fstab details where needed.',
    check: sharedByOs(importModifications),
  },
];
