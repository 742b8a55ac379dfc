import { Vm } from '../../../plan/model/plan';
import { MgnPlanScope } from './plan-scope';

/**
 * The cross-VM facts of the replication rules (MGN-REP3: the same source twice under one connector,
 * an application spread over waves), computed once per plan. To be completed with those rules.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface MgnReplicationFacts {}

/** Finds the VMs that name the same source, and the applications spread over several waves. */
export function replicationFacts(_vms: readonly Vm[], _scope: MgnPlanScope): MgnReplicationFacts {
  return {};
}
