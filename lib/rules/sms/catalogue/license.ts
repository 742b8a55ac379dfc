import { Severity, VmContext } from '../../../assessment/rule';
import { RuleSubject, VmRule } from '../../../assessment/rule-pack';
import { RuleSection } from '../sections';
import { linuxLicense } from '../sms-lic1-linux-license';
import { windowsClientLicense } from '../sms-lic2-windows-client-license';
import { resolvedLicense } from '../sms-lic3-resolved-license';
import { redhatCloudAccess } from '../sms-lic4-redhat-cloud-access';
import { suseByos } from '../sms-lic5-suse-byos';
import { microsoftByol } from '../sms-lic6-microsoft-byol';
import { sharedByOsAnd } from '../facts/os-profile';

/** What SMS-LIC1 and SMS-LIC2 read besides the OS: the license the job asks for. */
function licenseAsked({ replication }: VmContext): string | undefined {
  return typeof replication.licenseType === 'string' ? replication.licenseType : undefined;
}

/** What SMS-LIC3 reads besides the OS: the license asked for and the one it resolves to. */
function licenseAskedAndResolved(ctx: VmContext): string | undefined {
  const asked = licenseAsked(ctx);
  return asked === undefined || (ctx.license !== undefined && typeof ctx.license !== 'string') ? undefined : `${asked}|${ctx.license}`;
}

/** The licensing rules (per replication job), in catalogue order. */
export const LICENSE_RULES: readonly VmRule[] = [
  {
    id: 'SMS-LIC1',
    section: RuleSection.LICENSING,
    severity: Severity.ERROR,
    hard: true,
    subject: RuleSubject.VM,
    title: 'A Linux VM is licensed BYOL (license type byol or auto, never aws)',
    explanation: 'SMS brings Linux over with the subscription it already has; it offers no AWS-provided Linux license, '
      + 'so a job asking for one fails.',
    remediation: 'Set replication.licenseType to byol, or to auto (which SMS resolves to BYOL for Linux).',
    check: sharedByOsAnd(linuxLicense, licenseAsked),
  },
  {
    id: 'SMS-LIC2',
    section: RuleSection.LICENSING,
    severity: Severity.ERROR,
    hard: true,
    subject: RuleSubject.VM,
    title: 'A Windows client OS (7, 8, 8.1, 10) is licensed BYOL (license type byol or auto, never aws)',
    explanation: 'AWS provides Windows licenses for server editions only; a desktop OS keeps its own license, '
      + 'and a job asking for an AWS license fails.',
    remediation: 'Set replication.licenseType to byol, or to auto (which SMS resolves to BYOL for client OSes).',
    check: sharedByOsAnd(windowsClientLicense, licenseAsked),
  },
  {
    id: 'SMS-LIC3',
    section: RuleSection.LICENSING,
    severity: Severity.INFO,
    hard: false,
    subject: RuleSubject.VM,
    title: 'The license a job set to auto will get',
    explanation: 'With auto, SMS picks the license from the OS: an AWS license for Windows server OSes, BYOL for everything '
      + 'else. The choice decides the instance price and who answers for the license.',
    remediation: 'Nothing to fix. To choose the license yourself, set replication.licenseType to aws or byol.',
    check: sharedByOsAnd(resolvedLicense, licenseAskedAndResolved),
  },
  {
    id: 'SMS-LIC4',
    section: RuleSection.LICENSING,
    severity: Severity.WARNING,
    hard: false,
    subject: RuleSubject.VM,
    title: 'A RHEL VM is attested to use Red Hat Cloud Access (redhat-cloud-access)',
    explanation: 'A migrated RHEL instance may only run on a subscription enrolled in Red Hat Cloud Access; SMS cannot check '
      + 'the enrolment, so the plan has to record it.',
    remediation: 'Enrol the subscription in Red Hat Cloud Access, then add redhat-cloud-access to replication.attestations.',
    check: redhatCloudAccess,
  },
  {
    id: 'SMS-LIC5',
    section: RuleSection.LICENSING,
    severity: Severity.WARNING,
    hard: false,
    subject: RuleSubject.VM,
    title: 'A SLES VM is attested to use the SUSE Public Cloud Program (suse-byos)',
    explanation: 'A migrated SLES instance may only run on a subscription brought in through the SUSE Public Cloud Program '
      + '(BYOS); SMS cannot check it, so the plan has to record it.',
    remediation: 'Register the subscription with the SUSE Public Cloud Program, then add suse-byos to replication.attestations.',
    check: suseByos,
  },
  {
    id: 'SMS-LIC6',
    section: RuleSection.LICENSING,
    severity: Severity.WARNING,
    hard: false,
    subject: RuleSubject.VM,
    title: 'A Windows VM licensed BYOL is attested for Dedicated Hosts, own keys and an eligible Microsoft agreement',
    explanation: 'Bringing a Microsoft license earns Linux-rate pricing only on Dedicated Hosts, activated with your own keys, '
      + 'under an agreement (MSDN, Software Assurance per user) that allows it; otherwise the instance may breach the license terms.',
    remediation: 'Plan Dedicated Hosts and your key management, confirm eligibility with your Microsoft agreement, then add '
      + 'microsoft-byol-dedicated-host, microsoft-byol-own-keys and microsoft-byol-eligible to replication.attestations; '
      + 'or set replication.licenseType to aws for a Windows server OS.',
    check: microsoftByol,
  },
];
