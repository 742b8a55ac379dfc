import { Severity } from '../../../assessment/rule';
import { ConnectorRule, RuleSubject, VmRule } from '../../../assessment/rule-pack';
import { agentlessVmware } from '../mgn-agl1-vmware-connector';
import { agentlessVcenterVersion } from '../mgn-agl2-vcenter-version';
import { vcenterClientOs } from '../mgn-agl3-client-os';
import { agentlessVvol } from '../mgn-agl4-vvol-datastore';
import { agentlessSnapshotDisks } from '../mgn-agl5-snapshot-disks';
import { agentlessRuns } from '../mgn-agl6-agentless-runs';
import { MgnRuleSection } from '../sections';

/** Once MGN-AGL1 says an agentless VM is not under a VMware vCenter Client, the other agentless rules no longer matter. */
const AFTER_AGL1: string[] = ['MGN-AGL1'];

/** The MGN rules of this section, in MGN-RULES.md order. */
export const AGENTLESS_RULES: readonly (VmRule | ConnectorRule)[] = [
  {
    id: 'MGN-AGL1',
    section: MgnRuleSection.AGENTLESS,
    severity: Severity.ERROR,
    hard: true,
    subject: RuleSubject.VM,
    title: 'Agentless: the VM runs on VMware under a vmware connector (its vCenter Client)',
    explanation: 'Agentless replication is the vCenter Client shipping VMware snapshots: MGN only discovers VMs through a vCenter '
      + 'Client installed in a VMware environment, and has no agentless path for Hyper-V or physical servers.',
    remediation: 'Name the vCenter Client that discovers the VM in connector, declared in connectors[] with hypervisor vmware; '
      + 'for a VM off VMware, replicate with the agent (mgn.replication.method agent).',
    check: agentlessVmware,
  },
  {
    id: 'MGN-AGL2',
    section: MgnRuleSection.AGENTLESS,
    severity: Severity.ERROR,
    hard: true,
    subject: RuleSubject.CONNECTOR,
    title: 'Agentless: the vCenter Client\'s vCenter is 6.7, 7.0 or 8.0',
    explanation: 'The vCenter Client works only with these vCenter releases, whatever their update level; it cannot register '
      + 'with older vCenters or replicate from them.',
    remediation: 'Upgrade vCenter to 6.7, 7.0 or 8.0 and record it in vcenterVersion, or replicate its VMs with the agent.',
    check: agentlessVcenterVersion,
  },
  {
    id: 'MGN-AGL3',
    section: MgnRuleSection.AGENTLESS,
    severity: Severity.ERROR,
    hard: true,
    subject: RuleSubject.CONNECTOR,
    title: 'Agentless: the vCenter Client VM runs Ubuntu 18.04-22.04, Amazon Linux 2 or RHEL 8.x',
    explanation: 'MGN ships the vCenter Client installer for these Linux releases only; on any other OS it does not install.',
    remediation: 'Install the vCenter Client on a VM running one of these releases and record it in clientOs (name, version).',
    check: vcenterClientOs,
  },
  {
    id: 'MGN-AGL4',
    section: MgnRuleSection.AGENTLESS,
    severity: Severity.WARNING,
    hard: false,
    subject: RuleSubject.VM,
    title: 'Agentless: no disk is on a Virtual Volumes (vvol) datastore',
    explanation: 'MGN does not support agentless replication of VMs on VMware Virtual Volumes; some setups work, but AWS '
      + 'does not stand behind them.',
    remediation: 'Storage vMotion the disks to a vmfs, nfs or vsan datastore (disks[].datastore), replicate the VM with the agent, '
      + 'or test a run and acknowledge the warning.',
    notApplicableAfter: AFTER_AGL1,
    check: agentlessVvol,
  },
  {
    id: 'MGN-AGL5',
    section: MgnRuleSection.AGENTLESS,
    severity: Severity.ERROR,
    hard: false,
    subject: RuleSubject.VM,
    title: 'Agentless: no disk is in independent mode or a Raw Device Mapping',
    explanation: 'Agentless replication copies what VMware snapshots hold, and snapshots leave out independent disks and '
      + 'physical-mode RDMs: their data would be missing on AWS.',
    remediation: 'Switch the disks to persistent mode (disks[].mode), convert physical-mode RDMs to VMDKs, or replicate the VM '
      + 'with the agent; acknowledge a virtual-mode RDM, which snapshots include.',
    notApplicableAfter: AFTER_AGL1,
    check: agentlessSnapshotDisks,
  },
  {
    id: 'MGN-AGL6',
    section: MgnRuleSection.AGENTLESS,
    severity: Severity.INFO,
    hard: false,
    subject: RuleSubject.VM,
    title: 'Agentless: snapshot runs limit vMotion and DRS, and ship 50 VMs at a time',
    explanation: 'A VM moved while its snapshot ships breaks the run, and one moved to another vCenter leaves its client; '
      + 'VMware ships at most 50 VMs at once and queues the rest, and cutover waits for the next fresh snapshot.',
    remediation: 'Pause DRS moves of the VMs during runs, keep them in one vCenter, and plan waves and cutover windows for the '
      + 'queue and the final snapshot.',
    notApplicableAfter: AFTER_AGL1,
    check: agentlessRuns,
  },
];
