import { Severity } from '../../../assessment/rule';
import { RuleSubject, VmRule } from '../../../assessment/rule-pack';
import { linuxBootloader } from '../mgn-boot1-linux-bootloader';
import { secureBootOff } from '../mgn-boot2-secure-boot-off';
import { gptGrub2PcModules } from '../mgn-boot3-gpt-grub2-pc-modules';
import { bootVolumeOneDisk } from '../mgn-boot4-boot-volume-one-disk';
import { bootModeFirmware } from '../mgn-boot5-boot-mode-firmware';
import { diskSize } from '../mgn-disk1-disk-size';
import { MgnRuleSection } from '../sections';

/** The MGN rules of this section, in MGN-RULES.md order. */
export const BOOT_RULES: readonly VmRule[] = [
  {
    id: 'MGN-BOOT1',
    section: MgnRuleSection.BOOT_AND_DISKS,
    severity: Severity.ERROR,
    hard: true,
    subject: RuleSubject.VM,
    title: 'Linux boots with GRUB legacy or GRUB 2',
    explanation: 'To make the copy boot on EC2, MGN edits the GRUB configuration and rebuilds the boot files; it knows no other '
      + 'boot loader (LILO, syslinux, systemd-boot), so such a server cannot be converted, whether the agent or the vCenter '
      + 'client replicates it.',
    remediation: 'Move the guest to GRUB 2 (or GRUB legacy) before replicating, then record it in os.bootloader (grub or grub2).',
    check: linuxBootloader,
  },
  {
    id: 'MGN-BOOT2',
    section: MgnRuleSection.BOOT_AND_DISKS,
    severity: Severity.ERROR,
    hard: true,
    subject: RuleSubject.VM,
    title: 'Linux has Secure Boot turned off',
    explanation: 'MGN does not support Linux servers booting with UEFI Secure Boot: the boot changes of the conversion are not '
      + 'signed, so the launched copy would not start.',
    remediation: 'Turn Secure Boot off in the VM\'s firmware settings before replicating, then record guest.secureBoot: false.',
    check: secureBootOff,
  },
  {
    id: 'MGN-BOOT3',
    section: MgnRuleSection.BOOT_AND_DISKS,
    severity: Severity.ERROR,
    hard: false,
    subject: RuleSubject.VM,
    title: 'Linux with a GPT boot disk has package grub2-pc-modules installed',
    explanation: 'When the boot disk uses a GPT partition table, MGN needs the GRUB 2 PC modules to reinstall the boot loader '
      + 'on the copy; without them the launched instance does not boot.',
    remediation: 'Install grub2-pc-modules on the guest (for example yum install grub2-pc-modules) and list it in guest.packages; '
      + 'record the boot disk\'s disks[].partitionStyle if it is not.',
    check: gptGrub2PcModules,
  },
  {
    id: 'MGN-BOOT4',
    section: MgnRuleSection.BOOT_AND_DISKS,
    severity: Severity.ERROR,
    hard: true,
    subject: RuleSubject.VM,
    title: 'The Linux boot volume sits on one disk',
    explanation: 'MGN does not support a boot volume (/ or /boot) spread over several disks, as an LVM volume over two '
      + 'physical volumes can be: the conversion cannot make such a copy bootable.',
    remediation: 'Move / and /boot onto a single disk before replicating (for example pvmove the extents off the second disk), '
      + 'then record guest.bootSpansDisks: false and each volume on its disk.',
    check: bootVolumeOneDisk,
  },
  {
    id: 'MGN-BOOT5',
    section: MgnRuleSection.BOOT_AND_DISKS,
    severity: Severity.WARNING,
    hard: false,
    subject: RuleSubject.VM,
    title: 'An explicit launch boot mode matches the VM\'s firmware',
    explanation: 'MGN launches the copy in the boot mode the launch settings name; a BIOS guest launched as UEFI, or the other '
      + 'way round, is converted for a firmware it was not installed for and may not boot.',
    remediation: 'Set mgn.launch.bootMode (or defaults.mgn.launch.bootMode) to use-source, or to the mode matching firmware '
      + '(legacy-bios for bios, uefi for uefi); record firmware if it is missing.',
    check: bootModeFirmware,
  },
  {
    id: 'MGN-DISK1',
    section: MgnRuleSection.BOOT_AND_DISKS,
    severity: Severity.ERROR,
    hard: true,
    subject: RuleSubject.VM,
    title: 'Every disk is at most 16,384 GiB (16 TiB)',
    explanation: 'The MGN installer refuses to replicate a disk larger than 16 TiB. AWS writes the limit as 16 TB, so a disk '
      + 'above 14,901.16 GiB (16 TB read decimally) is reported as a warning: close to, or past, the limit depending on the reading.',
    remediation: 'Split the data of a larger disk over several disks of at most 16,384 GiB (or shrink it) before replicating, and '
      + 'record each disk\'s disks[].sizeGiB.',
    check: diskSize,
  },
];
