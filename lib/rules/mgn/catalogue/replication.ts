import { Severity } from '../../../assessment/rule';
import { RuleSubject, VmRule } from '../../../assessment/rule-pack';
import { replicationBounds } from '../mgn-rep1-replication-bounds';
import { customEncryptionKey } from '../mgn-rep2-custom-encryption-key';
import { oneSourceOneWave } from '../mgn-rep3-one-source-one-wave';
import { publicRouting } from '../mgn-rep4-public-routing';
import { smsSettingsIgnored } from '../mgn-rep5-sms-settings-ignored';
import { MgnRuleSection } from '../sections';

/** The MGN rules of this section, in MGN-RULES.md order. */
export const REPLICATION_RULES: readonly VmRule[] = [
  {
    id: 'MGN-REP1',
    section: MgnRuleSection.REPLICATION,
    severity: Severity.ERROR,
    hard: true,
    subject: RuleSubject.VM,
    title: 'Replication settings are within the bounds MGN\'s API accepts',
    explanation: 'MGN refuses a replication configuration whose bandwidth limit is not a whole number of Mbps from 0 to 10,000, '
      + 'and it sets a staging disk\'s volume type only on a disk it can address by device name; the deployment of the '
      + 'source server\'s settings fails otherwise.',
    remediation: 'Set mgn.replication.bandwidthThrottlingMbps (or defaults.mgn.replication) to a whole number from 0 (unthrottled) '
      + 'to 10000, and record disks[].deviceName (such as /dev/sda or c:0, as MGN names the disk) on every disk that sets '
      + 'mgn.stagingDiskType, or drop its stagingDiskType to keep auto.',
    check: replicationBounds,
  },
  {
    id: 'MGN-REP2',
    section: MgnRuleSection.REPLICATION,
    severity: Severity.ERROR,
    hard: true,
    subject: RuleSubject.VM,
    title: 'Custom staging-disk encryption names its KMS key, preferably by key ARN',
    explanation: 'With custom EBS encryption, MGN encrypts the staging disks with the key the configuration names; without one '
      + 'the configuration is refused. The library passes an alias as an alias ARN, and whether MGN accepts an alias in place '
      + 'of a key ARN is not verified.',
    remediation: 'Set mgn.replication.kmsKeyArn to the key ARN (arn:aws:kms:<region>:<account>:key/<id>), or set '
      + 'replication.encrypted true with replication.kmsKeyId, or set mgn.replication.ebsEncryption to default.',
    check: customEncryptionKey,
  },
  {
    id: 'MGN-REP3',
    section: MgnRuleSection.REPLICATION,
    severity: Severity.ERROR,
    hard: true,
    subject: RuleSubject.VM,
    title: 'Each vCenter VM is one agentless source, and each application is in one wave',
    explanation: 'The vCenter Client discovers each VM of its vCenter once, as one source server, so two plan VMs cannot both '
      + 'replicate it; and MGN links an application to a single wave, so an application whose servers the plan spreads over '
      + 'waves cannot be imported as written.',
    remediation: 'Remove or correct the duplicate VM entries (source.vmUuid, source.vmPath, connector), and move every VM of an '
      + 'application into the wave of its first VM, or give the VMs of other waves an application of their own (application).',
    check: oneSourceOneWave,
  },
  {
    id: 'MGN-REP4',
    section: MgnRuleSection.REPLICATION,
    severity: Severity.ERROR,
    hard: false,
    subject: RuleSubject.VM,
    title: 'Replication over the public route gives the replication servers a public IP',
    explanation: 'With public-ip data routing, the source sends its data to the replication servers\' public addresses; servers '
      + 'created without a public IP cannot be reached, and replication stalls.',
    remediation: 'Set mgn.replication.createPublicIp true (or in defaults.mgn.replication), or set dataPlaneRouting to private-ip '
      + 'over a VPN or Direct Connect.',
    check: publicRouting,
  },
  {
    id: 'MGN-REP5',
    section: MgnRuleSection.REPLICATION,
    severity: Severity.INFO,
    hard: false,
    subject: RuleSubject.VM,
    title: 'SMS-only replication settings are ignored under MGN',
    explanation: 'MGN replicates continuously and launches from the replicated disks: the SMS job\'s type, frequency, seed time, '
      + 'AMIs to keep and ENA preparation have no meaning there, and the plan keeps them only for SMS.',
    remediation: 'Nothing is needed; remove replication.type, frequencyHours, seedTime, amisToKeep and enhancedNetworking (and '
      + 'their defaults.replication) once the plan no longer targets SMS.',
    check: smsSettingsIgnored,
  },
];
