import { Severity } from '../../../assessment/rule';
import { SmsLimits as L } from '../../../private/sms-limits';
import { RuleSubject, VmRule } from '../../../assessment/rule-pack';
import { RuleSection } from '../sections';
import { jobSettingsBounds } from '../sms-job1-job-settings-bounds';
import { encryptedAmis } from '../sms-job2-encrypted-amis';
import { oneJobPerServer } from '../sms-job3-one-job-per-server';
import { jobQuota } from '../sms-job4-job-quota';
import { vmotionDuringRuns } from '../sms-job5-vmotion-during-runs';

/** The replication job settings rules, in catalogue order. */
export const JOB_RULES: readonly VmRule[] = [
  {
    id: 'SMS-JOB1',
    section: RuleSection.REPLICATION_JOB,
    severity: Severity.ERROR,
    hard: true,
    subject: RuleSubject.VM,
    title: `Job settings are within SMS bounds: every ${L.MIN_FREQUENCY_HOURS}-${L.MAX_FREQUENCY_HOURS} whole hours, `
      + `${L.MIN_AMIS_TO_KEEP}-${L.MAX_AMIS_TO_KEEP} AMIs kept, seed at most ${L.MAX_SEED_DAYS_AHEAD} days ahead`,
    explanation: 'SMS rejects a job whose interval, AMI retention or seed time is outside what it accepts. A seed time already '
      + 'past is accepted, but the seed replication then starts as soon as the job is created.',
    remediation: `Set replication.frequencyHours to a whole number from ${L.MIN_FREQUENCY_HOURS} to ${L.MAX_FREQUENCY_HOURS}, `
      + `replication.amisToKeep to a whole number from ${L.MIN_AMIS_TO_KEEP} to ${L.MAX_AMIS_TO_KEEP}, and replication.seedTime to an `
      + `ISO 8601 date-time no more than ${L.MAX_SEED_DAYS_AHEAD} days ahead (or leave it out to start at once).`,
    check: jobSettingsBounds,
  },
  {
    id: 'SMS-JOB2',
    section: RuleSection.REPLICATION_JOB,
    severity: Severity.ERROR,
    hard: false,
    subject: RuleSubject.VM,
    title: 'The job does not create EBS-encrypted AMIs',
    explanation: 'SMS does not support AMIs whose volumes use EBS encryption.',
    remediation: 'Set replication.encrypted to false and encrypt copies of the AMIs after migration; acknowledge SMS-JOB2 '
      + 'only if encrypted jobs are known to work for you.',
    check: encryptedAmis,
  },
  {
    id: 'SMS-JOB3',
    section: RuleSection.REPLICATION_JOB,
    severity: Severity.ERROR,
    hard: true,
    subject: RuleSubject.VM,
    title: 'Only one replication job per server',
    explanation: 'SMS refuses a second replication job for a server that already has one, so two VMs naming the same server '
      + 'cannot both be migrated.',
    remediation: 'Correct source.serverId or source.vmId so each VM names its own server, or remove the duplicate VM from the plan.',
    check: oneJobPerServer,
  },
  {
    id: 'SMS-JOB4',
    section: RuleSection.REPLICATION_JOB,
    severity: Severity.ERROR,
    hard: false,
    subject: RuleSubject.VM,
    title: `At most ${L.DEFAULT_CONCURRENT_JOB_QUOTA} replication jobs per account and region`,
    explanation: `SMS allows ${L.DEFAULT_CONCURRENT_JOB_QUOTA} concurrent VM migrations per account and region by default; jobs past the quota cannot be `
      + 'created until it is raised. A wave\'s jobs exist together, so each wave is counted on its own, in plan order; a plan '
      + 'that names no wave is one wave, and unscheduled VMs (no wave in a plan that uses waves) are not counted.',
    remediation: 'Split the wave into smaller waves, or the plan across accounts or regions, or ask AWS Support to raise the '
      + 'quota and acknowledge SMS-JOB4 with the new limit as the reason.',
    check: jobQuota,
  },
  {
    id: 'SMS-JOB5',
    section: RuleSection.REPLICATION_JOB,
    severity: Severity.INFO,
    hard: false,
    subject: RuleSubject.VM,
    title: 'VMware: the VM is not moved (vMotion, Storage vMotion, DRS) while a replication run is active',
    explanation: 'SMS loses track of a VM that moves host or datastore during an upload and does not support cross-vCenter '
      + 'vMotion at all; moves between runs work when the connector\'s vCenter account has rights at the new place.',
    remediation: 'Set DRS and Storage DRS to manual for the VM during replication, schedule maintenance moves between runs, '
      + 'and grant the connector\'s vCenter account rights on any destination host, datastore and datacenter.',
    check: vmotionDuringRuns,
  },
];
