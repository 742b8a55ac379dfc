import { CustomResource, Duration, IResource, RemovalPolicy, Resource, Stack } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { ErrorCollector, SmsMigrationError } from '../errors';
import { SmsLimits } from '../private/sms-limits';
import { LicenseType } from './license-type';
import { jobServiceToken } from './replication-job-provider';
import { renderReplicationJobProperties, validateReplicationJobProps } from './replication-job-properties';
import { Data, RESOURCE_TYPE } from './handler/api';
import { ReplicationFrequency } from './replication-frequency';
import { ReplicationJobProps } from './replication-job-props';
import { SeedTime } from './seed-time';

/**
 * An AWS Server Migration Service replication job.
 */
export interface IReplicationJob extends IResource {
  /**
   * The id of the replication job, such as `sms-job-12345678`.
   *
   * @attribute
   */
  readonly replicationJobId: string;

  /**
   * The id of the server the job replicates, such as `s-12345678`.
   *
   * @attribute
   */
  readonly serverId: string;
}

/**
 * The identifiers of a replication job defined elsewhere.
 */
export interface ReplicationJobAttributes {
  /**
   * The id of the replication job, such as `sms-job-12345678`.
   */
  readonly replicationJobId: string;

  /**
   * The id of the server the job replicates, such as `s-12345678`.
   */
  readonly serverId: string;
}

/**
 * What a replication job and an imported one share.
 */
abstract class ReplicationJobBase extends Resource implements IReplicationJob {
  public abstract readonly replicationJobId: string;
  public abstract readonly serverId: string;
}

/**
 * An AWS Server Migration Service replication job: SMS replicates a VM from the server catalog into
 * AMIs, once or on an interval.
 *
 * The job is a custom resource (`Custom::SmsReplicationJob`) served by one provider per stack,
 * whatever the number of jobs (in a `Migration`, by the provider of its provider stack). Its physical
 * id is the replication job id.
 *
 * @example
 * new ReplicationJob(this, 'Web01', {
 *   server: ReplicationServer.fromVmName('web01'),
 *   frequency: ReplicationFrequency.every(Duration.hours(6)),
 *   licenseType: LicenseType.BYOL,
 * });
 */
export class ReplicationJob extends ReplicationJobBase {
  /**
   * Imports a replication job by its id.
   *
   * The job's `serverId` is not known: reading it throws. Use `fromReplicationJobAttributes` to give it.
   */
  public static fromReplicationJobId(scope: Construct, id: string, replicationJobId: string): IReplicationJob {
    class Import extends ReplicationJobBase {
      public readonly replicationJobId = replicationJobId;

      public get serverId(): string {
        throw new SmsMigrationError('cdk-sms-migration:ServerIdNotKnown',
          `serverId of imported replication job ${replicationJobId} is not known, import it with ReplicationJob.fromReplicationJobAttributes`, this);
      }
    }
    return new Import(scope, id);
  }

  /**
   * Imports a replication job by its id and the id of the server it replicates.
   */
  public static fromReplicationJobAttributes(scope: Construct, id: string, attrs: ReplicationJobAttributes): IReplicationJob {
    class Import extends ReplicationJobBase {
      public readonly replicationJobId = attrs.replicationJobId;
      public readonly serverId = attrs.serverId;
    }
    return new Import(scope, id);
  }

  /**
   * The id of the replication job, such as `sms-job-12345678`.
   *
   * @attribute
   */
  public readonly replicationJobId: string;

  /**
   * The id of the server the job replicates, such as `s-12345678` (found at deployment when the
   * server was selected by VM).
   *
   * @attribute
   */
  public readonly serverId: string;

  /** How often the job replicates the server. */
  public readonly frequency: ReplicationFrequency;

  /** When the seed replication starts. */
  public readonly seedTime: SeedTime;

  /** The license of the AMIs the job creates. */
  public readonly licenseType: LicenseType;

  /**
   * How many of the most recent AMIs the job keeps.
   *
   * @default - every AMI is kept
   */
  public readonly numberOfRecentAmisToKeep?: number;

  /** Whether the AMIs the job creates are encrypted. */
  public readonly encrypted: boolean;

  constructor(scope: Construct, id: string, props: ReplicationJobProps) {
    super(scope, id);

    const errors = new ErrorCollector(this);
    for (const detail of validateReplicationJobProps(props)) {
      errors.add(detail.errorId, detail.message);
    }
    errors.throwIfAny();

    const removalPolicy = props.removalPolicy ?? RemovalPolicy.DESTROY;
    const resource = new CustomResource(this, 'Resource', {
      serviceToken: jobServiceToken(this, props.role),
      resourceType: RESOURCE_TYPE,
      properties: renderReplicationJobProperties(props),
      removalPolicy,
    });
    if (props.role !== undefined && Stack.of(props.role) === Stack.of(this)) {
      // A Ref to the role orders it before the job, but not the policies attached to it, which SMS
      // needs from its first call. (A role of another stack is deployed whole before this one.)
      resource.node.addDependency(props.role);
    }

    this.replicationJobId = resource.ref;
    this.serverId = resource.getAttString(Data.SERVER_ID);
    this.frequency = props.frequency ?? ReplicationFrequency.every(Duration.hours(SmsLimits.DEFAULT_FREQUENCY_HOURS));
    this.seedTime = props.seedTime ?? SeedTime.whenCreated();
    this.licenseType = props.licenseType ?? LicenseType.AUTO;
    this.numberOfRecentAmisToKeep = props.numberOfRecentAmisToKeep;
    this.encrypted = props.encrypted ?? props.encryptionKey !== undefined;
  }
}
