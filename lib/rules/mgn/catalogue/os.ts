import { Severity } from '../../../assessment/rule';
import { RuleSubject, VmRule } from '../../../assessment/rule-pack';
import { supportedOs } from '../mgn-os1-supported-os';
import { distributionVersion } from '../mgn-os2-distribution-version';
import { osRetirement } from '../mgn-os3-retirement';
import { architecture } from '../mgn-os4-architecture';
import { linuxKernel } from '../mgn-os5-linux-kernel';
import { nanoServer } from '../mgn-os6-nano-server';
import { MgnRuleSection } from '../sections';

/** Once MGN-OS1 says the OS is out of the matrix, its version, architecture and installation no longer matter. */
const AFTER_OS1: string[] = ['MGN-OS1'];

/** The MGN rules of this section, in MGN-RULES.md order. */
export const OS_RULES: readonly VmRule[] = [
  {
    id: 'MGN-OS1',
    section: MgnRuleSection.OPERATING_SYSTEM,
    severity: Severity.ERROR,
    hard: true,
    subject: RuleSubject.VM,
    title: 'The operating system is a distribution of MGN\'s OS matrix',
    explanation: 'MGN installs its agent and converts the boot only on the Windows and Linux distributions it lists; any '
      + 'other OS (Fedora, FreeBSD, family other) has no agent build or conversion, so replication or launch is refused.',
    remediation: 'Move the workload to a listed distribution before migrating, or migrate it another way. If the plan names '
      + 'the OS loosely, set os.name to windows-server, windows-client or the distribution (amazon-linux, rhel, centos, '
      + 'centos-stream, oracle-linux, rocky, almalinux, sles, ubuntu, debian) and make os.family agree with it.',
    check: supportedOs,
  },
  {
    id: 'MGN-OS2',
    section: MgnRuleSection.OPERATING_SYSTEM,
    severity: Severity.ERROR,
    hard: true,
    subject: RuleSubject.VM,
    title: 'The OS version is one MGN lists for its distribution',
    explanation: 'MGN supports each distribution only in the releases it tests its agent and conversion against; an '
      + 'older or newer release (Windows 8, RHEL 5, Debian 9) is not supported, whatever its retirement.',
    remediation: 'Upgrade the guest to a listed release of its distribution before migrating, or record os.version '
      + 'precisely (RHEL 8.6 rather than 8.x; Windows Server 2012 R2 as 2012 R2; SLES 12 SP3 as 12 SP3 or 12.3).',
    notApplicableAfter: AFTER_OS1,
    check: distributionVersion,
  },
  {
    id: 'MGN-OS3',
    section: MgnRuleSection.OPERATING_SYSTEM,
    severity: Severity.ERROR,
    hard: true,
    subject: RuleSubject.VM,
    title: 'The OS version is not retired from MGN by the VM\'s evaluation date',
    explanation: 'MGN drops older releases on announced dates; from a retirement date on it no longer replicates or '
      + 'launches them. The VM is judged on the later of its wave\'s cutover and the assessment date, and warned within '
      + 'a quarter (90 days) of the date.',
    remediation: 'Upgrade the guest to a release MGN still supports, or, within the warning band, plan the wave\'s '
      + 'cutoverDate before the retirement date and acknowledge the warning.',
    notApplicableAfter: ['MGN-OS1', 'MGN-OS2'],
    check: osRetirement,
  },
  {
    id: 'MGN-OS4',
    section: MgnRuleSection.OPERATING_SYSTEM,
    severity: Severity.ERROR,
    hard: true,
    subject: RuleSubject.VM,
    title: 'The guest is 64-bit x86 (x86_64)',
    explanation: 'Every release in MGN\'s matrix is supported as 64-bit x86 only; the agent and the conversion do not '
      + 'handle 32-bit or ARM guests.',
    remediation: 'Rebuild the workload on a 64-bit x86 guest and migrate that, or record os.architecture as x86_64 if '
      + 'the plan has it wrong.',
    notApplicableAfter: AFTER_OS1,
    check: architecture,
  },
  {
    id: 'MGN-OS5',
    section: MgnRuleSection.OPERATING_SYSTEM,
    severity: Severity.ERROR,
    hard: true,
    subject: RuleSubject.VM,
    title: 'The Linux kernel is 2.6.18-164 or later, not 4.9.256, and major 3 or later on Debian',
    explanation: 'MGN\'s agent and conversion need a kernel from 2.6.18-164 on (from major 3 on Debian); the agent '
      + 'installation is known to fail on kernel 4.9.256.',
    remediation: 'Update the guest to a newer kernel of its distribution (any other release than 4.9.256) and reboot into '
      + 'it before installing the agent, then record the running release (uname -r) in os.kernel.',
    check: linuxKernel,
  },
  {
    id: 'MGN-OS6',
    section: MgnRuleSection.OPERATING_SYSTEM,
    severity: Severity.ERROR,
    hard: false,
    subject: RuleSubject.VM,
    title: 'Windows Server is not a Nano Server installation',
    explanation: 'Nano Server lacks the .NET Framework the replication agent runs on, and MGN documents no conversion of '
      + 'it; the replicated server would not be expected to launch.',
    remediation: 'Move the workload to a full or Server Core installation before migrating, or acknowledge the finding '
      + 'with how you will migrate it (for example by rebuilding it on EC2). Record os.installation (full, core or nano) '
      + 'for Windows Server 2016 and later.',
    notApplicableAfter: AFTER_OS1,
    check: nanoServer,
  },
];
