import { LicenseChoice, PlanDefaults, ReplicationSettings, ReplicationType } from '../../plan/model/plan';
import { SmsLimits } from '../../private/sms-limits';
import { EffectiveReplication } from '../../assessment/rule';

/** The library's defaults for what neither a VM nor the plan's `defaults.replication` says. */
export const LIBRARY_REPLICATION_DEFAULTS: EffectiveReplication = Object.freeze({
  type: ReplicationType.INTERVAL,
  frequencyHours: SmsLimits.DEFAULT_FREQUENCY_HOURS,
  licenseType: LicenseChoice.AUTO,
  encrypted: false,
  enhancedNetworking: false,
  attestations: [],
});

/**
 * Merges a VM's replication settings over the plan's defaults and the library's, field by field.
 */
export function effectiveReplication(own: ReplicationSettings | undefined, defaults: PlanDefaults | undefined): EffectiveReplication {
  const plan = defaults?.replication ?? {};
  const vm = own ?? {};
  const base = LIBRARY_REPLICATION_DEFAULTS;
  return {
    type: vm.type ?? plan.type ?? base.type,
    frequencyHours: vm.frequencyHours ?? plan.frequencyHours ?? base.frequencyHours,
    seedTime: vm.seedTime ?? plan.seedTime,
    licenseType: vm.licenseType ?? plan.licenseType ?? base.licenseType,
    amisToKeep: vm.amisToKeep ?? plan.amisToKeep,
    encrypted: vm.encrypted ?? plan.encrypted ?? base.encrypted,
    kmsKeyId: vm.kmsKeyId ?? plan.kmsKeyId,
    enhancedNetworking: vm.enhancedNetworking ?? plan.enhancedNetworking ?? base.enhancedNetworking,
    attestations: vm.attestations ?? plan.attestations ?? base.attestations,
  };
}
