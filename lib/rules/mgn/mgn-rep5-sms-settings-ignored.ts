import { fail, pass, RuleResult, VmContext } from '../../assessment/rule';
import { ReplicationSettings } from '../../plan/model/plan';
import type { MgnVmContext } from './context';

/** The SMS replication settings that MGN has no use for. */
export const SMS_ONLY_SETTINGS: readonly (keyof ReplicationSettings)[] = Object.freeze(
  ['type', 'frequencyHours', 'seedTime', 'amisToKeep', 'enhancedNetworking'] as const,
);

// One result per set of fields: at most three choices (none, own, defaults) for five settings.
const REMINDERS = new Map<string, RuleResult>();

/**
 * A reminder that the SMS-only replication settings the VM has (its own `replication`, else the plan's
 * `defaults.replication`) are ignored: MGN replicates continuously and launches from the replicated
 * disks, with no schedule, seed time, AMIs or ENA preparation to set. Passes when none is present.
 * Presence is judged on the plan as written, so the rule is never unknown.
 */
export function smsSettingsIgnored(ctx: VmContext): RuleResult {
  const { vm, plan } = ctx as MgnVmContext;
  const defaults = plan.scope.plan?.defaults?.replication;
  const present: string[] = [];
  for (const key of SMS_ONLY_SETTINGS) {
    if (vm.replication?.[key] !== undefined) {
      present.push(`replication.${key}`);
    } else if (defaults?.[key] !== undefined) {
      present.push(`defaults.replication.${key}`);
    }
  }
  if (present.length === 0) {
    return pass();
  }
  const fields = present.join(', ');
  let result = REMINDERS.get(fields);
  if (result === undefined) {
    result = Object.freeze(fail(`${fields} ${present.length === 1 ? 'is an SMS setting' : 'are SMS settings'} that MGN ignores: `
      + 'it replicates continuously and launches from the replicated disks'));
    REMINDERS.set(fields, result);
  }
  return result;
}
