import { Severity } from '../../../assessment/rule';
import { RuleSubject, VmRule } from '../../../assessment/rule-pack';
import { RuleSection } from '../sections';
import { linuxBootloader } from '../sms-boot1-linux-bootloader';
import { bootDiskMbr } from '../sms-boot2-boot-disk-mbr';
import { bootDiskSize } from '../sms-boot3-boot-disk-size';
import { rootOnBootDisk } from '../sms-boot4-root-on-boot-disk';
import { linuxRootFileSystem } from '../sms-fs1-linux-root-file-system';
import { linuxOtherFileSystems } from '../sms-fs2-linux-other-file-systems';
import { windowsNtfsVolumes } from '../sms-fs3-windows-ntfs-volumes';
import { linuxRootFreeSpace } from '../sms-free1-linux-root-free-space';
import { windowsRootFreeSpace } from '../sms-free2-windows-root-free-space';
import { sharedByOs } from '../facts/os-profile';

/** The boot and file-system rules (SMS-BOOT1 to SMS-BOOT4, SMS-FS1 to SMS-FS3), in catalogue order. */
export const BOOT_RULES: readonly VmRule[] = [
  {
    id: 'SMS-BOOT1',
    section: RuleSection.BOOT_AND_DISKS,
    severity: Severity.ERROR,
    hard: true,
    subject: RuleSubject.VM,
    title: 'A Linux VM boots with GRUB legacy or GRUB 2',
    explanation: 'SMS edits the GRUB configuration (default entry, timeout) to make the imported instance boot; '
      + 'it cannot do that for any other boot loader.',
    remediation: 'Switch the VM to GRUB or GRUB 2 (install it and regenerate its configuration) before replicating, '
      + 'and record it as os.bootloader.',
    check: sharedByOs(linuxBootloader),
  },
  {
    id: 'SMS-BOOT2',
    section: RuleSection.BOOT_AND_DISKS,
    severity: Severity.ERROR,
    hard: true,
    subject: RuleSubject.VM,
    title: 'The boot disk uses MBR partitioning and the VM boots through BIOS',
    explanation: 'SMS cannot import a VM that boots from a GPT partition table, and UEFI firmware always boots '
      + 'from GPT; only data disks may use GPT (SMS-DISK2).',
    remediation: 'Convert the boot disk to MBR and the firmware to BIOS (for example with a disk conversion tool '
      + 'while the VM is off), or rebuild the VM on a BIOS/MBR template.',
    check: bootDiskMbr,
  },
  {
    id: 'SMS-BOOT3',
    section: RuleSection.BOOT_AND_DISKS,
    severity: Severity.ERROR,
    hard: true,
    subject: RuleSubject.VM,
    title: 'The boot disk is at most 2 TiB (uncompressed)',
    explanation: 'The boot disk must use MBR, and an MBR partition table cannot address more than 2 TiB.',
    remediation: 'Shrink the boot disk to 2048 GiB or less, moving data to a separate (non-boot) disk first.',
    check: bootDiskSize,
  },
  {
    id: 'SMS-BOOT4',
    section: RuleSection.BOOT_AND_DISKS,
    severity: Severity.WARNING,
    hard: false,
    subject: RuleSubject.VM,
    title: 'The root volume is on the boot disk',
    explanation: 'An imported VM whose root partition sits on another virtual disk than the MBR may fail to boot.',
    remediation: 'Move the root (system) partition onto the disk that holds the MBR, or check that disks[].boot '
      + 'and the volume mounts in the plan describe the VM correctly.',
    check: rootOnBootDisk,
  },
  {
    id: 'SMS-FS1',
    section: RuleSection.BOOT_AND_DISKS,
    severity: Severity.ERROR,
    hard: true,
    subject: RuleSubject.VM,
    title: 'The Linux root volume uses ext2, ext3, ext4, Btrfs, JFS or XFS',
    explanation: 'SMS must mount the root file system to install drivers and rewrite configuration, and it can '
      + 'only do so for these file systems.',
    remediation: 'Move the root file system to one of ext2, ext3, ext4, Btrfs, JFS or XFS before replicating.',
    check: linuxRootFileSystem,
  },
  {
    id: 'SMS-FS2',
    section: RuleSection.BOOT_AND_DISKS,
    severity: Severity.WARNING,
    hard: false,
    subject: RuleSubject.VM,
    title: 'Other Linux volumes use ext2, ext3, ext4, Btrfs, JFS or XFS (swap exempt)',
    explanation: 'SMS supports only these file systems on Linux volumes; a volume in another one may not come '
      + 'across intact or may be left out of the instance\'s mounts.',
    remediation: 'Migrate the data to a volume in a supported file system, or acknowledge the finding after '
      + 'checking that the volume can be recreated or copied after the migration.',
    check: linuxOtherFileSystems,
  },
  {
    id: 'SMS-FS3',
    section: RuleSection.BOOT_AND_DISKS,
    severity: Severity.ERROR,
    hard: true,
    subject: RuleSubject.VM,
    title: 'Every Windows volume is NTFS',
    explanation: 'SMS imports Windows volumes only when they are formatted NTFS.',
    remediation: 'Convert FAT/FAT32 volumes to NTFS (convert.exe), or copy the data of ReFS and exFAT volumes onto '
      + 'NTFS volumes, before replicating.',
    check: windowsNtfsVolumes,
  },
];

/** The free-space rules (SMS-FREE1, SMS-FREE2), which RULES.md lists after the disk rules. */
export const FREE_SPACE_RULES: readonly VmRule[] = [
  {
    id: 'SMS-FREE1',
    section: RuleSection.BOOT_AND_DISKS,
    severity: Severity.ERROR,
    hard: false,
    subject: RuleSubject.VM,
    title: 'The Linux root volume has at least 250 MiB free',
    explanation: 'SMS installs drivers and other software on the root volume during import and needs 250 MiB '
      + 'of room there.',
    remediation: 'Free or add space on the root volume (clean package caches, logs, or grow the file system) '
      + 'until at least 250 MiB are free.',
    check: linuxRootFreeSpace,
  },
  {
    id: 'SMS-FREE2',
    section: RuleSection.BOOT_AND_DISKS,
    severity: Severity.ERROR,
    hard: false,
    subject: RuleSubject.VM,
    title: 'The Windows system volume has at least 6 GiB free',
    explanation: 'SMS installs drivers on the system volume during import and needs 6 GiB of room there.',
    remediation: 'Free or add space on the system volume (Disk Cleanup, move data off, or extend the volume) '
      + 'until at least 6 GiB are free.',
    check: windowsRootFreeSpace,
  },
];
