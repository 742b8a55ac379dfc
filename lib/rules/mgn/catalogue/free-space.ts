import { Severity } from '../../../assessment/rule';
import { RuleSubject, VmRule } from '../../../assessment/rule-pack';
import { linuxRootFreeSpace } from '../mgn-free1-linux-root-free-space';
import { linuxTmpFreeSpace } from '../mgn-free2-linux-tmp-free-space';
import { linuxBootFreeSpace } from '../mgn-free3-linux-boot-free-space';
import { windowsFreeSpace } from '../mgn-free4-windows-free-space';
import { freeMemory } from '../mgn-free5-free-memory';
import { MgnRuleSection } from '../sections';

/** The MGN rules of this section, in MGN-RULES.md order. */
export const FREE_SPACE_RULES: readonly VmRule[] = [
  {
    id: 'MGN-FREE1',
    section: MgnRuleSection.FREE_SPACE,
    severity: Severity.ERROR,
    hard: false,
    subject: RuleSubject.VM,
    title: 'Agent-based Linux has at least 2 GiB free on /',
    explanation: 'The replication agent installs itself and its working files on the root volume and stops when it lacks 2 GiB '
      + 'there; when /tmp is a directory of /, the installer\'s files land on the same volume, so 3 GiB is the safer margin.',
    remediation: 'Free space on / (or grow the volume) before installing the agent, and record disks[].volumes[].freeGiB of the '
      + 'volume mounted at /.',
    check: linuxRootFreeSpace,
  },
  {
    id: 'MGN-FREE2',
    section: MgnRuleSection.FREE_SPACE,
    severity: Severity.ERROR,
    hard: false,
    subject: RuleSubject.VM,
    title: 'Agent-based Linux has at least 1 GiB free on the volume holding /tmp',
    explanation: 'The agent installer unpacks itself in /tmp and needs 1 GiB free there; the volume mounted at /tmp holds it, '
      + 'or / when /tmp has no volume of its own.',
    remediation: 'Free space on /tmp\'s volume (or on / when /tmp is part of it) before installing the agent, and record its '
      + 'disks[].volumes[].freeGiB.',
    check: linuxTmpFreeSpace,
  },
  {
    id: 'MGN-FREE3',
    section: MgnRuleSection.FREE_SPACE,
    severity: Severity.ERROR,
    hard: false,
    subject: RuleSubject.VM,
    title: 'Agent-based Linux with a separate /boot volume has at least 50 MiB free on it',
    explanation: 'The agent adds files to /boot for the conversion; with less than 50 MiB free on a separate /boot volume its '
      + 'install fails.',
    remediation: 'Remove old kernels (or grow /boot) to free at least 50 MiB, and record disks[].volumes[].freeGiB of the volume '
      + 'mounted at /boot.',
    check: linuxBootFreeSpace,
  },
  {
    id: 'MGN-FREE4',
    section: MgnRuleSection.FREE_SPACE,
    severity: Severity.ERROR,
    hard: false,
    subject: RuleSubject.VM,
    title: 'Windows has at least 2 GiB free on the system volume, and the agent 2 GiB on the Program Files (x86) volume',
    explanation: 'MGN needs 2 GiB free on the Windows system volume to launch the converted copy, whatever the method; the agent '
      + 'also needs 2 GiB on the volume holding Program Files (x86), so a system volume holding both is safer with 4 GiB.',
    remediation: 'Free space on the system volume (and on the Program Files (x86) volume) before replicating; record '
      + 'disks[].volumes[].freeGiB, and guest.programFilesVolume when Program Files (x86) is not on the system volume.',
    check: windowsFreeSpace,
  },
  {
    id: 'MGN-FREE5',
    section: MgnRuleSection.FREE_SPACE,
    severity: Severity.ERROR,
    hard: false,
    subject: RuleSubject.VM,
    title: 'Agent-based replication has at least 300 MiB of free memory',
    explanation: 'The replication agent runs on the source server and needs 300 MiB of free memory; with less it cannot keep '
      + 'up with the writes it replicates, or does not start.',
    remediation: 'Free memory on the guest (stop services or add memory) before installing the agent, and record '
      + 'guest.freeMemoryGiB.',
    check: freeMemory,
  },
];
