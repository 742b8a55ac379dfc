import { Token } from 'aws-cdk-lib';
import { Construct, IConstruct } from 'constructs';
import { PlanAssessment, UnknownPolicy } from '../assessment/types';
import { PlanDefaults, ReplicationType, Vm } from '../plan/model/plan';
import { assessPlan } from '../rules/packs';
import { ReplicationJob } from '../sms/replication-job';
import { cdkAcknowledgements } from './acknowledgements';
import { IAssessedScope } from './assessed-scope';
import { SynthesisChecks } from './synthesis-checks';

/** Properties of a `ReplicationJobAssessment`. */
export interface ReplicationJobAssessmentProps {
  /** What is known of the VM the job replicates, in the plan file's structure. */
  readonly vm: Vm;

  /**
   * The plan's defaults the VM's replication settings fall back on, for what the job itself does not
   * say (a seed time, attestations, enhanced networking).
   *
   * @default - the library's defaults
   */
  readonly planDefaults?: PlanDefaults;

  /**
   * How a rule that cannot decide for a missing fact is reported: as a warning, or as an error that
   * fails synthesis.
   *
   * @default UnknownPolicy.WARN
   */
  readonly unknownPolicy?: UnknownPolicy;
}

/**
 * Assesses a replication job defined on its own (outside a `Migration`) against every SMS rule at
 * synthesis, from what is known of its VM, exactly as a `Migration` assesses a plan's VMs: an
 * unacknowledged error fails synthesis, warnings are annotations on the job with the rule id, and
 * the findings appear in CDK's validation report when `SmsAssessmentPlugin` is registered.
 *
 * The job's own settings (frequency, license, AMIs to keep, encryption) are judged, not what the VM's
 * facts say besides. Acknowledgements come from the VM's `acknowledge` list, or from
 * `Validations.of(scope).acknowledge()` on the job or above it.
 *
 * @example
 * const job = new ReplicationJob(stack, 'Web01', { server: ReplicationServer.fromVmName('web-01') });
 * new ReplicationJobAssessment(job, 'Assessment', { vm: { name: 'web-01', hypervisor: Hypervisor.VMWARE, os: { ... } } });
 */
export class ReplicationJobAssessment extends Construct implements IAssessedScope {
  /** How messages name the facts judged. */
  public readonly planSource: string;

  /**
   * The job, under the VM's name (what `IAssessedScope` reads).
   *
   * @internal
   */
  public readonly _jobsByVm: ReadonlyMap<string, IConstruct>;

  /** The job: findings are annotated on it. */
  public readonly annotationScope: IConstruct;

  private readonly job: ReplicationJob;
  private readonly props: ReplicationJobAssessmentProps;
  private assessment?: PlanAssessment;

  constructor(scope: ReplicationJob, id: string, props: ReplicationJobAssessmentProps) {
    super(scope, id);
    this.job = scope;
    this.props = props;
    this.planSource = `the VM facts of ${scope.node.path}`;
    this._jobsByVm = new Map([[props.vm.name, scope]]);
    this.annotationScope = scope;
    SynthesisChecks.attach(this);
  }

  /** The assessment of the VM with the job's settings, made once (synthesis calls it). */
  public assess(): PlanAssessment {
    if (!this.assessment) {
      const vm = jobAsPlanned(this.props.vm, this.job);
      this.assessment = assessPlan({ version: 1, defaults: this.props.planDefaults, vms: [vm] }, {
        unknown: this.props.unknownPolicy ?? UnknownPolicy.WARN,
        acknowledgements: cdkAcknowledgements(this, this._jobsByVm).acknowledgements,
      });
    }
    return this.assessment;
  }

  /** The job's VM is deployed by the job's stack. */
  public isDeployed(vmName: string): boolean {
    return this._jobsByVm.has(vmName);
  }
}

/**
 * The VM with the replication settings the job actually has, so that the job rules judge the job
 * (its frequency, license, AMIs and encryption), not what the facts say besides.
 */
function jobAsPlanned(vm: Vm, job: ReplicationJob): Vm {
  const runOnce = job.frequency.runOnce;
  const hours = job.frequency.interval?.toHours({ integral: false });
  return {
    ...vm,
    replication: {
      ...vm.replication,
      type: runOnce ? ReplicationType.ONE_TIME : ReplicationType.INTERVAL,
      ...(runOnce || hours === undefined || Token.isUnresolved(hours) ? {} : { frequencyHours: hours }),
      licenseType: job.licenseType.choice,
      amisToKeep: job.numberOfRecentAmisToKeep,
      encrypted: job.encrypted,
    },
  };
}
