import { Severity } from '../../../assessment/rule';
import { RuleSubject, VmRule } from '../../../assessment/rule-pack';
import { RuleSection } from '../sections';
import { supportedOs } from '../sms-os1-supported-os';
import { distributionVersion } from '../sms-os2-distribution-version';
import { architecture } from '../sms-os3-architecture';
import { windowsEdition } from '../sms-os4-windows-edition';
import { windowsServicePack } from '../sms-os5-windows-service-pack';
import { nanoServer } from '../sms-os6-nano-server';
import { windowsClientLanguage } from '../sms-os7-windows-client-language';
import { slesKernel } from '../sms-os8-sles-kernel';
import { customKernel } from '../sms-os9-custom-kernel';
import { windowsLanguage } from '../sms-os10-windows-language';
import { sharedByOs } from '../facts/os-profile';

/** Once SMS-OS1 says the OS is out, its version, edition and other details no longer matter. */
const AFTER_OS1: string[] = ['SMS-OS1'];

/** The operating-system rules, in catalogue order. */
export const OS_RULES: readonly VmRule[] = [
  {
    id: 'SMS-OS1',
    section: RuleSection.OPERATING_SYSTEM,
    severity: Severity.ERROR,
    hard: true,
    subject: RuleSubject.VM,
    title: 'The operating system is one SMS supports',
    explanation: 'SMS converts only the Windows releases and Linux distributions it lists; for any other OS it has no drivers '
      + 'or boot changes to apply, and the import is refused.',
    remediation: 'Upgrade or reinstall the guest on a supported OS (Windows Server 2003 to 2016, Windows 7 to 10, or a listed '
      + 'Linux distribution) before migrating, or move the workload another way. If the plan names the OS loosely, set '
      + 'os.name to windows-server, windows-client or the distribution and put the release in os.version.',
    check: sharedByOs(supportedOs),
  },
  {
    id: 'SMS-OS2',
    section: RuleSection.OPERATING_SYSTEM,
    severity: Severity.ERROR,
    hard: true,
    subject: RuleSubject.VM,
    title: 'The Linux version is in its distribution\'s supported set',
    explanation: 'Each distribution is supported only for the releases SMS was built and tested against; RHEL and CentOS 6.0, '
      + 'for one, lack drivers the conversion needs.',
    remediation: 'Update the guest to a listed release of its distribution (for example RHEL 6.0 to 6.1 or later), or record '
      + 'os.version precisely enough to judge (RHEL 7.3, not 7; Debian 7.8.0, not 7).',
    notApplicableAfter: AFTER_OS1,
    check: sharedByOs(distributionVersion),
  },
  {
    id: 'SMS-OS3',
    section: RuleSection.OPERATING_SYSTEM,
    severity: Severity.ERROR,
    hard: true,
    subject: RuleSubject.VM,
    title: 'The architecture is supported: 64-bit Linux, and 32-bit Windows only on the releases that allow it',
    explanation: 'SMS imports only 64-bit Linux images; for Windows, 32-bit guests are accepted only on Server 2003, 2003 R2, '
      + '2008 and on Windows 7 and 8.',
    remediation: 'Rebuild the guest as 64-bit (x86_64) and migrate that, or, for Windows, move to a release that SMS accepts '
      + 'as 32-bit.',
    notApplicableAfter: AFTER_OS1,
    check: sharedByOs(architecture),
  },
  {
    id: 'SMS-OS4',
    section: RuleSection.OPERATING_SYSTEM,
    severity: Severity.ERROR,
    hard: true,
    subject: RuleSubject.VM,
    title: 'The Windows edition is one SMS supports for the release',
    explanation: 'SMS lists the editions it supports per Windows release (Standard and Datacenter on every server release, '
      + 'Professional and Enterprise on every client release, and a few more on some); other editions such as Home, Web '
      + 'or Essentials are not imported.',
    remediation: 'Upgrade the guest to a supported edition of its release (for example Windows 10 Home to Professional), '
      + 'or correct os.edition if the plan recorded it wrongly.',
    notApplicableAfter: AFTER_OS1,
    check: sharedByOs(windowsEdition),
  },
  {
    id: 'SMS-OS5',
    section: RuleSection.OPERATING_SYSTEM,
    severity: Severity.ERROR,
    hard: true,
    subject: RuleSubject.VM,
    title: 'Windows Server 2003 has Service Pack 1 or later',
    explanation: 'SMS supports the original Windows Server 2003 only from Service Pack 1 on; 2003 R2 has no such condition.',
    remediation: 'Install Service Pack 1 or later (Service Pack 2 is the last) on the guest, then record it in os.servicePack.',
    notApplicableAfter: AFTER_OS1,
    check: sharedByOs(windowsServicePack),
  },
  {
    id: 'SMS-OS6',
    section: RuleSection.OPERATING_SYSTEM,
    severity: Severity.ERROR,
    hard: true,
    subject: RuleSubject.VM,
    title: 'Windows Server is not a Nano Server installation',
    explanation: 'SMS cannot import Nano Server installations: they lack the components its driver and boot changes rely on.',
    remediation: 'Migrate the workload to a full or Server Core installation first, or rebuild it on EC2.',
    notApplicableAfter: AFTER_OS1,
    check: sharedByOs(nanoServer),
  },
  {
    id: 'SMS-OS7',
    section: RuleSection.OPERATING_SYSTEM,
    severity: Severity.ERROR,
    hard: true,
    subject: RuleSubject.VM,
    title: 'A Windows client OS (7, 8, 8.1, 10) is US English (en-US)',
    explanation: 'SMS supports the Windows client releases only in their US English installations.',
    remediation: 'Migrate an en-US installation of the client OS instead (reinstall it in US English and move the workload and '
      + 'data over), or record os.language as en-US if the plan has it wrong.',
    notApplicableAfter: AFTER_OS1,
    check: sharedByOs(windowsClientLanguage),
  },
  {
    id: 'SMS-OS8',
    section: RuleSection.OPERATING_SYSTEM,
    severity: Severity.ERROR,
    hard: true,
    subject: RuleSubject.VM,
    title: 'SLES runs the kernel SMS validated for its release and service pack',
    explanation: 'SMS supports each SLES service pack only with the kernel builds it validated; the boot and driver changes '
      + 'it makes are tied to those kernels. A flavour suffix (-default, -xen, -pae) does not matter; a vendor or rebuilt '
      + 'kernel on a validated base is not validated.',
    remediation: 'Install and boot the validated kernel for the service pack (for example 3.0.101-63 on SLES 11 SP4), then '
      + 'record its release in os.kernel.',
    notApplicableAfter: ['SMS-OS1', 'SMS-OS2'],
    check: sharedByOs(slesKernel),
  },
  {
    id: 'SMS-OS9',
    section: RuleSection.OPERATING_SYSTEM,
    severity: Severity.WARNING,
    hard: false,
    subject: RuleSubject.VM,
    title: 'Linux runs its distribution\'s own kernel, not a custom one',
    explanation: 'SMS adds drivers and rebuilds the initial RAM disk for the distribution\'s kernels; a self-built or '
      + 'third-party kernel may not boot on EC2 afterwards.',
    remediation: 'Boot the distribution\'s default kernel before migrating, or acknowledge the risk and test the migrated '
      + 'instance before cutting over.',
    check: sharedByOs(customKernel),
  },
  {
    id: 'SMS-OS10',
    section: RuleSection.OPERATING_SYSTEM,
    severity: Severity.ERROR,
    hard: false,
    subject: RuleSubject.VM,
    title: 'Windows uses an English language pack (en or en-*)',
    explanation: 'Windows language packs written in UTF-16 or other non-ASCII characters cannot be imported, and AWS advises '
      + 'the English pack; other languages may still work, so the finding can be acknowledged.',
    remediation: 'Switch the guest to an English language pack before migrating, or acknowledge the finding with the reason '
      + 'you expect this language to import (for example a Latin-script pack tested in a pilot migration).',
    notApplicableAfter: AFTER_OS1,
    check: sharedByOs(windowsLanguage),
  },
];
