import { Severity } from '../rule';
import { RuleSection, RuleSubject, VmRule } from '../definition';
import * as os from '../os';

/** The operating-system rules, in catalogue order. */
export const OS_RULES: readonly VmRule[] = [
  {
    id: 'SMS-OS6',
    section: RuleSection.OPERATING_SYSTEM,
    severity: Severity.ERROR,
    hard: true,
    subject: RuleSubject.VM,
    title: 'Windows Server is not a Nano Server installation',
    explanation: 'SMS cannot import Nano Server installations: they lack the components its driver and boot changes rely on.',
    remediation: 'Migrate the workload to a full or Server Core installation first, or rebuild it on EC2.',
    notApplicableAfter: ['SMS-OS1'],
    check: os.nanoServer,
  },
];
