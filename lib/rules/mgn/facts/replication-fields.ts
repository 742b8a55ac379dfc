import { MgnReplicationSettings, ReplicationSettings, Vm } from '../../../plan/model/plan';
import type { MgnPlanFacts } from '../context';

/** MGN's bounds on a replication configuration (the API's `UpdateReplicationConfiguration`). */
export const MgnReplicationLimits = Object.freeze({
  /** The highest bandwidth limit, in Mbps; 0 is unthrottled. */
  MAX_BANDWIDTH_THROTTLING_MBPS: 10_000,
});

/**
 * Where a VM's MGN replication setting is written, for messages: its own `mgn.replication.<key>`, else
 * `defaults.mgn.replication.<key>` when the plan's defaults set it, else its own path (the library's
 * default applies).
 */
export function mgnReplicationField(vm: Vm, plan: MgnPlanFacts, key: keyof MgnReplicationSettings): string {
  if (vm.mgn?.replication?.[key] === undefined && plan.scope.plan?.defaults?.mgn?.replication?.[key] !== undefined) {
    return `defaults.mgn.replication.${key}`;
  }
  return `mgn.replication.${key}`;
}

/** Where a VM's SMS replication setting is written: `replication.<key>`, else `defaults.replication.<key>` when only the defaults set it. */
export function smsReplicationField(vm: Vm, plan: MgnPlanFacts, key: keyof ReplicationSettings): string {
  if (vm.replication?.[key] === undefined && plan.scope.plan?.defaults?.replication?.[key] !== undefined) {
    return `defaults.replication.${key}`;
  }
  return `replication.${key}`;
}
