import { Severity } from '../../../assessment/rule';
import { RuleSubject, VmRule } from '../../../assessment/rule-pack';
import { linuxLicense } from '../mgn-lic1-linux-license';
import { windowsClientLicense } from '../mgn-lic2-windows-client-license';
import { resolvedLicense } from '../mgn-lic3-resolved-license';
import { redhatCloudAccess } from '../mgn-lic4-redhat-cloud-access';
import { suseByos } from '../mgn-lic5-suse-byos';
import { microsoftByol } from '../mgn-lic6-microsoft-byol';
import { dedicatedHost } from '../mgn-lic7-dedicated-host';
import { MgnRuleSection } from '../sections';

/** The MGN rules of this section, in MGN-RULES.md order. */
export const LICENSE_RULES: readonly VmRule[] = [
  {
    id: 'MGN-LIC1',
    section: MgnRuleSection.LICENSING,
    severity: Severity.ERROR,
    hard: false,
    subject: RuleSubject.VM,
    title: 'A Linux VM is not set to a license from AWS (licenseType byol or auto)',
    explanation: 'MGN launches Linux with the subscription it already has (BYOL) and offers no license-included Linux; a plan '
      + 'asking for aws does not get it, and the instance carries the source\'s subscription obligations.',
    remediation: 'Set replication.licenseType to byol or auto, or acknowledge the finding when aws is kept knowingly (for a '
      + 'plan shared with another target).',
    check: linuxLicense,
  },
  {
    id: 'MGN-LIC2',
    section: MgnRuleSection.LICENSING,
    severity: Severity.ERROR,
    hard: true,
    subject: RuleSubject.VM,
    title: 'A Windows client OS is not set to a license from AWS (licenseType byol or auto)',
    explanation: 'AWS provides Windows licenses for server editions only: desktop editions launch with their own license on '
      + 'a Dedicated Host, and MGN has no license-included launch for them.',
    remediation: 'Set replication.licenseType to byol or auto (both resolve to BYOL for windows-client), and see MGN-LIC6 and '
      + 'MGN-LIC7 for what BYOL Windows needs.',
    check: windowsClientLicense,
  },
  {
    id: 'MGN-LIC3',
    section: MgnRuleSection.LICENSING,
    severity: Severity.INFO,
    hard: false,
    subject: RuleSubject.VM,
    title: 'The license and tenancy each VM launches with',
    explanation: 'MGN resolves the plan\'s licenseType per OS: Windows Server is license included unless byol, Windows client '
      + 'and Linux are BYOL; BYOL Windows launches on a Dedicated Host. The result decides the instance price and who answers '
      + 'for the license.',
    remediation: 'Nothing to fix. To choose, set replication.licenseType (aws, byol, auto) and mgn.launch.tenancy.',
    check: resolvedLicense,
  },
  {
    id: 'MGN-LIC4',
    section: MgnRuleSection.LICENSING,
    severity: Severity.WARNING,
    hard: false,
    subject: RuleSubject.VM,
    title: 'A RHEL VM is attested to use Red Hat Cloud Access (redhat-cloud-access)',
    explanation: 'MGN carries RHEL with its subscription; on AWS that subscription must be enrolled in Red Hat Cloud Access, '
      + 'which MGN cannot check, so the plan records it.',
    remediation: 'Enrol the subscription in Red Hat Cloud Access, then add redhat-cloud-access to replication.attestations.',
    check: redhatCloudAccess,
  },
  {
    id: 'MGN-LIC5',
    section: MgnRuleSection.LICENSING,
    severity: Severity.WARNING,
    hard: false,
    subject: RuleSubject.VM,
    title: 'A SLES VM is attested to use the SUSE Public Cloud Program (suse-byos)',
    explanation: 'MGN carries SLES with its subscription; on AWS it must be brought in through the SUSE Public Cloud Program '
      + '(BYOS), which MGN cannot check, so the plan records it.',
    remediation: 'Register the subscription with the SUSE Public Cloud Program, then add suse-byos to replication.attestations.',
    check: suseByos,
  },
  {
    id: 'MGN-LIC6',
    section: MgnRuleSection.LICENSING,
    severity: Severity.WARNING,
    hard: false,
    subject: RuleSubject.VM,
    title: 'A Windows VM licensed BYOL is attested for Microsoft BYOL, and is not the Datacenter: Azure Edition',
    explanation: 'A brought Windows license may run on AWS only on Dedicated Hosts, with keys of your own and under an eligible '
      + 'Microsoft agreement, none of which MGN can check; the Datacenter: Azure Edition is licensed for Azure, and bringing '
      + 'it elsewhere is restricted.',
    remediation: 'Confirm the conditions, then add microsoft-byol-dedicated-host, microsoft-byol-own-keys and '
      + 'microsoft-byol-eligible to replication.attestations; for an Azure Edition, check the terms with Microsoft or move to '
      + 'another edition, then acknowledge.',
    check: microsoftByol,
  },
  {
    id: 'MGN-LIC7',
    section: MgnRuleSection.LICENSING,
    severity: Severity.ERROR,
    hard: true,
    subject: RuleSubject.VM,
    title: 'A Windows VM licensed BYOL launches on a Dedicated Host (tenancy host)',
    explanation: 'MGN launches a BYOL Windows copy only on Dedicated Host tenancy, as Microsoft\'s terms require; shared or '
      + 'Dedicated Instance tenancy is refused. Without a named host or host resource group, EC2 must find a host with '
      + 'auto-placement and free capacity.',
    remediation: 'Leave mgn.launch.tenancy unset or set it to host, and set mgn.launch.hostId or mgn.launch.hostResourceGroupArn '
      + '(allocate the Dedicated Hosts first); for Windows Server, replication.licenseType aws launches license included instead.',
    check: dedicatedHost,
  },
];
