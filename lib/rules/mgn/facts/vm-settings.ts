import { PlanDefaults, Vm } from '../../../plan/model/plan';
import { EffectiveReplication } from '../../../assessment/rule';
import { effectiveReplication } from '../../sms/replication-settings';
import { EffectiveMgnLaunch, EffectiveMgnReplication, effectiveMgnLaunch, effectiveMgnReplication } from './settings';

/** A VM's MGN settings after defaults, with its application and wave. */
export interface VmSettings {
  /** The SMS replication settings after defaults: `licenseType`, `attestations` and the key keep their meaning. */
  readonly sms: EffectiveReplication;
  readonly replication: EffectiveMgnReplication;
  readonly launch: EffectiveMgnLaunch;
  /** `application`, else its wave, else `default`. */
  readonly application: string;
  /** Its wave's name, when it names one. */
  readonly wave?: string;
}

/** The application a VM belongs to: its own, else its wave, else `default` (INVENTORY.md). */
export function applicationOf(vm: Vm): string {
  return vm.application ?? vm.wave ?? 'default';
}

/** A VM's MGN settings after defaults. */
export function settingsOf(vm: Vm, defaults: PlanDefaults | undefined): VmSettings {
  const sms = effectiveReplication(vm.replication, defaults);
  return {
    sms,
    replication: effectiveMgnReplication(vm, defaults, sms),
    launch: effectiveMgnLaunch(vm, defaults),
    application: applicationOf(vm),
    ...(vm.wave !== undefined ? { wave: vm.wave } : {}),
  };
}
