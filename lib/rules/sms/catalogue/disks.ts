import { Severity } from '../../../assessment/rule';
import { RuleSubject, VmRule } from '../../../assessment/rule-pack';
import { RuleSection } from '../sections';
import { diskCount } from '../sms-disk1-disk-count';
import { gptDataDiskSize } from '../sms-disk2-gpt-data-disk-size';
import { vmdkOnly } from '../sms-disk3-vmdk-only';
import { noSesparse } from '../sms-disk4-no-sesparse';
import { independentDiskInterval } from '../sms-disk5-independent-disk-interval';
import { vsanInterval } from '../sms-disk6-vsan-interval';
import { vvolDatastore } from '../sms-disk7-vvol-datastore';

/** The virtual-disk rules (SMS-DISK1 to SMS-DISK7), in catalogue order. */
export const DISK_RULES: readonly VmRule[] = [
  {
    id: 'SMS-DISK1',
    section: RuleSection.BOOT_AND_DISKS,
    severity: Severity.ERROR,
    hard: true,
    subject: RuleSubject.VM,
    title: 'At most 22 virtual disks are attached',
    explanation: 'SMS replicates each attached disk as a volume, and a replication job for a VM with more than 22 of them fails.',
    remediation: 'Detach disks the workload does not need, or consolidate data onto fewer, larger disks, so that 22 or fewer remain.',
    check: diskCount,
  },
  {
    id: 'SMS-DISK2',
    section: RuleSection.BOOT_AND_DISKS,
    severity: Severity.ERROR,
    hard: true,
    subject: RuleSubject.VM,
    title: 'Each non-boot GPT disk is at most 4 TiB (4096 GiB)',
    explanation: 'SMS accepts GPT partitioning on disks other than the boot disk, but only up to 4 TiB each; a larger GPT data disk cannot be imported.',
    remediation: 'Shrink the disk to 4096 GiB or less, or split its data across several disks of at most 4 TiB.',
    check: gptDataDiskSize,
  },
  {
    id: 'SMS-DISK3',
    section: RuleSection.BOOT_AND_DISKS,
    severity: Severity.ERROR,
    hard: true,
    subject: RuleSubject.VM,
    title: 'VMware: every disk is a VMDK image (no Raw Device Mapping, VHD or VHDX)',
    explanation: 'On VMware, SMS reads disks through VMDK snapshots only; a Raw Device Mapping or a VHD/VHDX file has no VMDK it can replicate.',
    remediation: 'Migrate RDM disks to VMDK (for example with Storage vMotion to a virtual disk, or by copying the data to a new VMDK) '
      + 'and convert VHD/VHDX files to VMDK before replication.',
    check: vmdkOnly,
  },
  {
    id: 'SMS-DISK4',
    section: RuleSection.BOOT_AND_DISKS,
    severity: Severity.ERROR,
    hard: true,
    subject: RuleSubject.VM,
    title: 'VMware: no disk uses the SEsparse delta format',
    explanation: 'SMS cannot read VMware SEsparse delta disks, so a VM with one cannot be replicated.',
    remediation: 'Consolidate or delete the snapshots that produce SEsparse deltas (or clone the VM to flat VMDKs) before replication.',
    check: noSesparse,
  },
  {
    id: 'SMS-DISK5',
    section: RuleSection.BOOT_AND_DISKS,
    severity: Severity.ERROR,
    hard: true,
    subject: RuleSubject.VM,
    title: 'VMware: no independent-mode disk when replicating on an interval',
    explanation: 'Interval replication works from VMware snapshots, and snapshots leave independent disks out, so only a one-time migration can carry them.',
    remediation: 'Switch the disk to persistent (dependent) mode, or set replication.type to one-time for this VM.',
    check: independentDiskInterval,
  },
  {
    id: 'SMS-DISK6',
    section: RuleSection.BOOT_AND_DISKS,
    severity: Severity.ERROR,
    hard: true,
    subject: RuleSubject.VM,
    title: 'VMware: a VM on a vSAN datastore uses one-time migration',
    explanation: 'SMS supports VMs on vSAN only with the one-time migration job type; interval replication of them is not supported.',
    remediation: 'Set replication.type to one-time for this VM, or move its disks off vSAN (Storage vMotion) before replication.',
    check: vsanInterval,
  },
  {
    id: 'SMS-DISK7',
    section: RuleSection.BOOT_AND_DISKS,
    severity: Severity.WARNING,
    hard: false,
    subject: RuleSubject.VM,
    title: 'VMware: no disk is on a Virtual Volumes (VVol) datastore',
    explanation: 'AWS does not support migrating VMs on VMware Virtual Volumes; some setups work, but a failure there gets no AWS support.',
    remediation: 'Move the disks to a VMFS, NFS or vSAN datastore (Storage vMotion) before replication, '
      + 'or test the migration and acknowledge this finding with the result.',
    check: vvolDatastore,
  },
];
