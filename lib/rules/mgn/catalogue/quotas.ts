import { Severity } from '../../../assessment/rule';
import { RuleSubject, VmRule } from '../../../assessment/rule-pack';
import { activeServers } from '../mgn-quota1-active-servers';
import { sourceServers } from '../mgn-quota2-source-servers';
import { serversPerApplication } from '../mgn-quota3-servers-per-application';
import { applicationsAndWaves } from '../mgn-quota4-applications-and-waves';
import { launchJobs } from '../mgn-quota5-launch-jobs';
import { MgnRuleSection } from '../sections';

/** The MGN rules of this section, in MGN-RULES.md order. */
export const QUOTA_RULES: readonly VmRule[] = [
  {
    id: 'MGN-QUOTA1',
    section: MgnRuleSection.QUOTAS,
    severity: Severity.ERROR,
    hard: false,
    subject: RuleSubject.VM,
    title: 'At most 150 servers replicate at once per account and Region',
    explanation: 'MGN replicates at most 150 source servers at a time in an account and Region by default; servers beyond it '
      + 'are not replicated until others finish, so overlapping waves miss their cutover dates.',
    remediation: 'Spread the waves (waves[].replicationStart and cutoverDate) so that fewer servers replicate on any day, or '
      + 'have the quota raised through AWS Support and pass it as the assessment\'s jobQuota.',
    check: activeServers,
  },
  {
    id: 'MGN-QUOTA2',
    section: MgnRuleSection.QUOTAS,
    severity: Severity.ERROR,
    hard: false,
    subject: RuleSubject.VM,
    title: 'At most 4,000 source servers not archived per account and Region',
    explanation: 'MGN keeps at most 4,000 source servers that are not archived in an account and Region by default, and each '
      + 'vCenter Client adds every VM it discovers, migrated or not; servers past the quota cannot be added.',
    remediation: 'Record connectors[].inventoryVmCount for each vCenter Client; archive migrated source servers, narrow what '
      + 'the clients discover, split the plan across accounts or Regions, or have the quota raised through AWS Support.',
    check: sourceServers,
  },
  {
    id: 'MGN-QUOTA3',
    section: MgnRuleSection.QUOTAS,
    severity: Severity.ERROR,
    hard: true,
    subject: RuleSubject.VM,
    title: 'At most 200 source servers per application',
    explanation: 'MGN puts at most 200 source servers in one application; the import of further servers into it is refused.',
    remediation: 'Split the application: give some of its VMs another application (application).',
    check: serversPerApplication,
  },
  {
    id: 'MGN-QUOTA4',
    section: MgnRuleSection.QUOTAS,
    severity: Severity.ERROR,
    hard: true,
    subject: RuleSubject.VM,
    title: 'Applications, waves and source servers are within MGN\'s fixed limits',
    explanation: 'An account and Region hold at most 1,000 applications per wave, 200 applications and 200 waves not archived, '
      + 'and 50,000 source servers in all; MGN refuses to create more.',
    remediation: 'Merge applications or waves (application, wave), archive finished ones, or split the plan across accounts or '
      + 'Regions (mgn.accountId, mgn.region).',
    check: applicationsAndWaves,
  },
  {
    id: 'MGN-QUOTA5',
    section: MgnRuleSection.QUOTAS,
    severity: Severity.INFO,
    hard: false,
    subject: RuleSubject.VM,
    title: 'A wave launches in jobs of at most 200 servers, one after another',
    explanation: 'MGN launches at most 200 servers per job and across all its running jobs (20 jobs at once, one job per '
      + 'server), so a larger wave launches in several jobs that run in turn, and its cutover takes longer.',
    remediation: 'Plan the cutover window for the number of launch jobs, or keep waves at 200 VMs or fewer (wave).',
    check: launchJobs,
  },
];
