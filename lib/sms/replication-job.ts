import { Annotations, Aspects, CustomResource, IResource, RemovalPolicy, Resource, Stack, Token } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import { Construct, IConstruct } from 'constructs';
import { assessVm } from '../rules';
import { LicenseChoice, PlanDefaults, ReplicationType, Vm } from '../plan/model/plan';
import { vmSynthesisFindings } from '../validation/synthesis-findings';
import { ErrorCollector, SmsMigrationError } from '../errors';
import { LicenseType } from './license-type';
import { ReplicationJobProvider } from './replication-job-provider';
import { renderReplicationJobProperties, validateReplicationJobProps } from './replication-job-properties';
import { Data, RESOURCE_TYPE } from './handler/api';
import { ReplicationFrequency } from './replication-frequency';
import { ReplicationServer } from './replication-server';
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

  /**
   * What is known of the VM, in the plan file's structure. When given, the VM is assessed against
   * every SMS rule at synthesis, as a `Migration` assesses a plan's VMs: an unacknowledged error fails
   * synthesis, and warnings are annotations with the rule id.
   *
   * @default - the VM is not assessed
   */
  readonly vm?: Vm;

  /**
   * The plan's defaults the VM's replication settings fall back on when it is assessed.
   *
   * @default - the library's defaults
   */
  readonly planDefaults?: PlanDefaults;
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
 * whatever the number of jobs. Its physical id is the replication job id.
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

  constructor(scope: Construct, id: string, props: ReplicationJobProps) {
    super(scope, id);

    const errors = new ErrorCollector(this);
    for (const detail of validateReplicationJobProps(props)) {
      errors.add(detail.errorId, detail.message);
    }
    errors.throwIfAny();

    const provider = ReplicationJobProvider.of(this);
    if (props.role !== undefined) {
      provider.allowPassRole(props.role);
    }

    const removalPolicy = props.removalPolicy ?? RemovalPolicy.DESTROY;
    const resource = new CustomResource(this, 'Resource', {
      serviceToken: provider.serviceToken,
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

    if (props.vm !== undefined) {
      const vm = jobAsPlanned(props.vm, props);
      let assessed: ReturnType<typeof vmSynthesisFindings> | undefined;
      const findings = (): ReturnType<typeof vmSynthesisFindings> => {
        assessed ??= vmSynthesisFindings(assessVm(vm, { defaults: props.planDefaults }));
        return assessed;
      };
      this.node.addValidation({ validate: () => findings().errors });
      Aspects.of(this).add({
        visit: (node: IConstruct) => {
          if (node === this) {
            for (const warning of findings().warnings) {
              Annotations.of(this).addWarningV2(`cdk-sms-migration:${warning.rule}`, warning.message);
            }
          }
        },
      });
    }
  }
}

/**
 * The VM with the replication settings this job actually has, so that the job rules judge the job
 * (its frequency, license, AMIs and encryption), not what the facts say besides.
 */
function jobAsPlanned(vm: Vm, props: ReplicationJobProps): Vm {
  const runOnce = props.frequency?.runOnce ?? false;
  const interval = props.frequency?.interval;
  const hours = interval === undefined ? 12 : interval.toHours({ integral: false });
  return {
    ...vm,
    replication: {
      ...vm.replication,
      type: runOnce ? ReplicationType.ONE_TIME : ReplicationType.INTERVAL,
      ...(runOnce || Token.isUnresolved(hours) ? {} : { frequencyHours: hours }),
      licenseType: (props.licenseType ?? LicenseType.AUTO).name.toLowerCase() as LicenseChoice,
      amisToKeep: props.numberOfRecentAmisToKeep,
      encrypted: props.encrypted ?? props.encryptionKey !== undefined,
    },
  };
}
