import { Severity } from '../../../assessment/rule';
import { RuleSubject, VmRule } from '../../../assessment/rule-pack';
import { RuleSection } from '../sections';
import { hypervGeneration } from '../sms-hv1-hyperv-generation';
import { hypervDiskFormat } from '../sms-hv2-hyperv-disk-format';
import { hypervMixedDiskFormats } from '../sms-hv3-hyperv-mixed-disk-formats';
import { hypervRhel5Vhdx } from '../sms-hv4-hyperv-rhel5-vhdx';
import { p2vConversion } from '../sms-hv5-p2v-conversion';
import { hvmAmi } from '../sms-hv6-hvm-ami';
import { sharedByOs } from '../facts/os-profile';

/** The hypervisor rules, in catalogue order. */
export const HYPERVISOR_RULES: readonly VmRule[] = [
  {
    id: 'SMS-HV1',
    section: RuleSection.HYPERVISOR,
    severity: Severity.ERROR,
    hard: true,
    subject: RuleSubject.VM,
    title: 'A Hyper-V VM is Generation 1',
    explanation: 'SMS replicates only Generation 1 Hyper-V and SCVMM VMs; Generation 2 VMs (UEFI, GPT boot) '
      + 'cannot be migrated.',
    remediation: 'Rebuild the workload on a Generation 1 VM (a VM\'s generation cannot be changed in place), '
      + 'then replicate that VM.',
    check: hypervGeneration,
  },
  {
    id: 'SMS-HV2',
    section: RuleSection.HYPERVISOR,
    severity: Severity.ERROR,
    hard: true,
    subject: RuleSubject.VM,
    title: 'Every disk of a Hyper-V VM is VHD or VHDX',
    explanation: 'On Hyper-V and SCVMM, SMS reads VHD and VHDX disk images only.',
    remediation: 'Convert every other disk to VHD or VHDX (for example with Convert-VHD or a V2V tool) '
      + 'and attach it to the VM in place of the original.',
    check: hypervDiskFormat,
  },
  {
    id: 'SMS-HV3',
    section: RuleSection.HYPERVISOR,
    severity: Severity.ERROR,
    hard: true,
    subject: RuleSubject.VM,
    title: 'A Hyper-V VM does not mix VHD and VHDX disks',
    explanation: 'SMS rejects VMs whose disks are partly VHD and partly VHDX.',
    remediation: 'Convert the disks to a single format with Convert-VHD (all VHD for RHEL 5, see SMS-HV4).',
    check: hypervMixedDiskFormats,
  },
  {
    id: 'SMS-HV4',
    section: RuleSection.HYPERVISOR,
    severity: Severity.ERROR,
    hard: true,
    subject: RuleSubject.VM,
    title: 'RHEL 5 on Hyper-V is not on a VHDX disk',
    explanation: 'SMS does not support any version of RHEL 5 on Hyper-V when a VHDX disk backs it.',
    remediation: 'Convert the VM\'s VHDX disks to VHD (Convert-VHD) before replicating.',
    check: hypervRhel5Vhdx,
  },
  {
    id: 'SMS-HV5',
    section: RuleSection.HYPERVISOR,
    severity: Severity.ERROR,
    hard: true,
    subject: RuleSubject.VM,
    title: 'The VM was not created by a P2V conversion',
    explanation: 'SMS does not support VMs made by copying an installation from a physical machine into a VM; '
      + 'their drivers and boot configuration are not what it expects.',
    remediation: 'Migrate the physical server another way (for example AWS Application Migration Service), or '
      + 'rebuild the workload on a VM installed as a VM.',
    check: p2vConversion,
  },
  {
    id: 'SMS-HV6',
    section: RuleSection.HYPERVISOR,
    severity: Severity.INFO,
    hard: false,
    subject: RuleSubject.VM,
    title: 'SMS creates HVM AMIs only, never paravirtual ones',
    explanation: 'Every AMI SMS produces uses hardware virtualization (HVM); Linux PVHVM drivers inside the VM '
      + 'are supported.',
    remediation: 'Nothing to change on the VM: choose instance types that support HVM and do not plan on PV AMIs.',
    check: sharedByOs(hvmAmi),
  },
];
