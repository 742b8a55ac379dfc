import { RemovalPolicy } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import { LicenseType } from './license-type';
import { ReplicationFrequency } from './replication-frequency';
import { ReplicationServer } from './replication-server';
import { SeedTime } from './seed-time';

/**
 * Properties of a `ReplicationJob`.
 */
export interface ReplicationJobProps {
  /**
   * The server to replicate: a server catalog id, or a VM that is looked up in the catalog when the
   * job is deployed.
   *
   * Selecting another server replaces the job.
   */
  readonly server: ReplicationServer;

  /**
   * How often the server is replicated.
   *
   * The interval can be changed in place; switching between one-time and interval replication
   * replaces the job.
   *
   * @default ReplicationFrequency.every(Duration.hours(12))
   */
  readonly frequency?: ReplicationFrequency;

  /**
   * When the first (seed) replication starts, from now up to 30 days ahead.
   *
   * SMS cannot change a job's seed time: a later seed time in the future moves the job's next run
   * to it, and one in the past changes nothing.
   *
   * @default SeedTime.whenCreated()
   */
  readonly seedTime?: SeedTime;

  /**
   * The license of the AMIs the job creates.
   *
   * @default LicenseType.AUTO
   */
  readonly licenseType?: LicenseType;

  /**
   * How many of the most recent AMIs the job keeps, from 0 to 270; SMS deletes older ones. 0 keeps
   * every AMI.
   *
   * @default - every AMI is kept
   */
  readonly numberOfRecentAmisToKeep?: number;

  /**
   * The KMS key that encrypts the AMIs the job creates. Giving a key makes the AMIs encrypted.
   *
   * The role SMS uses must be allowed to use the key; that is not granted here, as SMS does not
   * document which key actions it needs.
   *
   * @default - the AMIs are encrypted with the account's default EBS key when `encrypted` is true, and
   * not encrypted otherwise
   */
  readonly encryptionKey?: kms.IKey;

  /**
   * Whether the AMIs the job creates are encrypted. Without `encryptionKey`, they are encrypted with
   * the account's default EBS key.
   *
   * SMS's own prerequisites advise against EBS-encrypted AMIs: check that encrypted jobs work for you
   * (rule SMS-JOB2).
   *
   * @default - true when `encryptionKey` is given, false otherwise
   */
  readonly encrypted?: boolean;

  /**
   * The IAM role SMS uses for the job. It must be trusted by `sms.amazonaws.com`.
   *
   * The handler is allowed to pass this role to SMS, and to no other service.
   *
   * @default - SMS's service-linked role, AWSServiceRoleForSMS
   */
  readonly role?: iam.IRole;

  /**
   * The description of the job. The handler appends a marker showing that the stack owns the job.
   *
   * @default - no description
   */
  readonly description?: string;

  /**
   * What happens to the job when it is removed from the stack or replaced.
   *
   * `RemovalPolicy.DESTROY` deletes the job; the AMIs it created are kept either way (SMS never
   * deletes them with the job). `RemovalPolicy.RETAIN` leaves the job running in SMS. SMS has
   * nothing to snapshot, so `RemovalPolicy.SNAPSHOT` is rejected.
   *
   * @default RemovalPolicy.DESTROY
   */
  readonly removalPolicy?: RemovalPolicy;

  /**
   * How errors at deployment name the server, such as the name the migration plan gives the VM.
   *
   * @default - the server id, or the VM name, path or id the server is selected by
   */
  readonly displayName?: string;

}
