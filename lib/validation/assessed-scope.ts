import { IConstruct } from 'constructs';
import { PlanAssessment } from '../assessment/types';

/**
 * A construct whose VMs are assessed at synthesis: a `Migration`, or a `ReplicationJobAssessment`
 * that gives a standalone job its VM's facts. The synthesis checks, the validation plugin and the
 * report files read every such construct the same way.
 *
 * Internal to the library (not exported from its entry point), and so left out of the jsii assembly.
 *
 * @jsii ignore
 */
export interface IAssessedScope extends IConstruct {
  /** How messages name where the plan came from: its file, or the name of a plan built in code. */
  readonly planSource: string;

  /**
   * The assessment, with every acknowledgement given so far. Made once, at the first call (synthesis
   * calls it); later acknowledgements are not taken into account.
   */
  assess(): PlanAssessment;

  /**
   * The replication job of each VM this app deploys, by VM name (`@internal` on the classes: a map,
   * which jsii cannot represent).
   */
  readonly _jobsByVm: ReadonlyMap<string, IConstruct>;

  /**
   * Where findings about the plan and its connectors are annotated: a construct inside a stack, since
   * the cloud assembly keeps only the annotations of those.
   */
  readonly annotationScope: IConstruct;

  /**
   * The ids of the organisation rule packs' rules the assessment judges with: acknowledgements may name
   * them besides the library's.
   *
   * @default - none
   */
  readonly organizationRuleIds?: string[];

  /** Whether a VM is deployed by this app: the errors of VMs that are not only inform. */
  isDeployed(vmName: string): boolean;
}
