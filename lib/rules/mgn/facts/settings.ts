import {
  Addressing, BootMode, DataPlaneRouting, EbsEncryption, LargeStagingDiskType, LaunchDisposition, MgnLaunchSettings,
  MgnReplicationSettings, PlanDefaults, ReplicationMethod, RightSizing, Tenancy, Vm,
} from '../../../plan/model/plan';
import { EffectiveReplication } from '../../../assessment/rule';

/** A VM's MGN replication settings once its own, `defaults.mgn.replication` and the library's are merged. */
export interface EffectiveMgnReplication {
  /** @default agent */
  readonly method: ReplicationMethod;
  /** @default 0 (unthrottled) */
  readonly bandwidthThrottlingMbps: number;
  /** @default private-ip */
  readonly dataPlaneRouting: DataPlaneRouting;
  /** @default false */
  readonly createPublicIp: boolean;
  /** @default gp3 */
  readonly largeStagingDiskType: LargeStagingDiskType;
  /** @default custom when a key is named (here, or SMS encrypted + kmsKeyId), else default */
  readonly ebsEncryption: EbsEncryption;
  /** The key of custom encryption: `kmsKeyArn`, else the SMS `kmsKeyId` when `encrypted`. @default - none */
  readonly kmsKeyArn?: string;
  /** Where the key came from, for messages. @default - none */
  readonly kmsKeyField?: 'kmsKeyArn' | 'kmsKeyId';
  /** @default t3.small */
  readonly replicationServerInstanceType: string;
  /** @default false */
  readonly dedicatedReplicationServer: boolean;
  /** User-owned replication security groups. @default - the library-owned group */
  readonly securityGroups?: readonly string[];
}

/** A VM's MGN launch settings once merged, tenancy not yet resolved (see licensing.ts). */
export interface EffectiveMgnLaunch {
  /** @default - MGN's choice */
  readonly instanceType?: string;
  /** @default basic without instanceType, else none */
  readonly rightSizing: RightSizing;
  /** Whether `rightSizing` was written (VM or defaults), rather than defaulted. */
  readonly rightSizingGiven: boolean;
  readonly subnet?: string;
  readonly subnetCidr?: string;
  readonly securityGroups?: readonly string[];
  /** @default true when the first NIC is static, else false */
  readonly copyPrivateIp: boolean;
  /** @default false */
  readonly associatePublicIp: boolean;
  /** @default use-source */
  readonly bootMode: BootMode;
  /** The tenancy written, if any (licensing.ts resolves the default). */
  readonly tenancy?: Tenancy;
  readonly hostId?: string;
  readonly hostResourceGroupArn?: string;
  /** @default started */
  readonly launchDisposition: LaunchDisposition;
  /** @default false */
  readonly postLaunchActions: boolean;
}

/** The library's defaults: INVENTORY.md, "MGN target (additions)". */
export const MGN_LIBRARY_DEFAULTS = Object.freeze({
  method: ReplicationMethod.AGENT,
  bandwidthThrottlingMbps: 0,
  dataPlaneRouting: DataPlaneRouting.PRIVATE_IP,
  createPublicIp: false,
  largeStagingDiskType: LargeStagingDiskType.GP3,
  replicationServerInstanceType: 't3.small',
  dedicatedReplicationServer: false,
  associatePublicIp: false,
  bootMode: BootMode.USE_SOURCE,
  launchDisposition: LaunchDisposition.STARTED,
  postLaunchActions: false,
});

/**
 * Merges a VM's `mgn.replication` over `defaults.mgn.replication` and the library's defaults, field by
 * field. The SMS settings `encrypted` and `kmsKeyId` (already merged in `sms`) name a key when
 * `kmsKeyArn` does not.
 */
export function effectiveMgnReplication(vm: Vm, defaults: PlanDefaults | undefined, sms: EffectiveReplication): EffectiveMgnReplication {
  const own: MgnReplicationSettings = vm.mgn?.replication ?? {};
  const plan: MgnReplicationSettings = defaults?.mgn?.replication ?? {};
  const base = MGN_LIBRARY_DEFAULTS;
  const arn = own.kmsKeyArn ?? plan.kmsKeyArn;
  const smsKey = sms.encrypted && sms.kmsKeyId !== undefined && String(sms.kmsKeyId).trim() !== '' ? sms.kmsKeyId : undefined;
  const kmsKeyArn = arn ?? smsKey;
  const groups = own.securityGroups ?? plan.securityGroups;
  return {
    method: own.method ?? plan.method ?? base.method,
    bandwidthThrottlingMbps: own.bandwidthThrottlingMbps ?? plan.bandwidthThrottlingMbps ?? base.bandwidthThrottlingMbps,
    dataPlaneRouting: own.dataPlaneRouting ?? plan.dataPlaneRouting ?? base.dataPlaneRouting,
    createPublicIp: own.createPublicIp ?? plan.createPublicIp ?? base.createPublicIp,
    largeStagingDiskType: own.largeStagingDiskType ?? plan.largeStagingDiskType ?? base.largeStagingDiskType,
    ebsEncryption: own.ebsEncryption ?? plan.ebsEncryption ?? (kmsKeyArn !== undefined ? EbsEncryption.CUSTOM : EbsEncryption.DEFAULT),
    ...(kmsKeyArn !== undefined ? { kmsKeyArn, kmsKeyField: arn !== undefined ? 'kmsKeyArn' as const : 'kmsKeyId' as const } : {}),
    replicationServerInstanceType: own.replicationServerInstanceType ?? plan.replicationServerInstanceType ?? base.replicationServerInstanceType,
    dedicatedReplicationServer: own.dedicatedReplicationServer ?? plan.dedicatedReplicationServer ?? base.dedicatedReplicationServer,
    ...(groups !== undefined ? { securityGroups: groups } : {}),
  };
}

/** Merges a VM's `mgn.launch` over `defaults.mgn.launch` and the library's defaults, field by field. */
export function effectiveMgnLaunch(vm: Vm, defaults: PlanDefaults | undefined): EffectiveMgnLaunch {
  const own: MgnLaunchSettings = vm.mgn?.launch ?? {};
  const plan: MgnLaunchSettings = defaults?.mgn?.launch ?? {};
  const base = MGN_LIBRARY_DEFAULTS;
  const instanceType = own.instanceType ?? plan.instanceType;
  const rightSizing = own.rightSizing ?? plan.rightSizing;
  // A defaulted setting never makes a rule unknown: an unknown addressing is not static.
  const firstNicStatic = vm.nics?.[0]?.addressing === Addressing.STATIC;
  return {
    instanceType,
    rightSizing: rightSizing ?? (instanceType === undefined ? RightSizing.BASIC : RightSizing.NONE),
    rightSizingGiven: rightSizing !== undefined,
    subnet: own.subnet ?? plan.subnet,
    subnetCidr: own.subnetCidr ?? plan.subnetCidr,
    securityGroups: own.securityGroups ?? plan.securityGroups,
    copyPrivateIp: own.copyPrivateIp ?? plan.copyPrivateIp ?? firstNicStatic,
    associatePublicIp: own.associatePublicIp ?? plan.associatePublicIp ?? base.associatePublicIp,
    bootMode: own.bootMode ?? plan.bootMode ?? base.bootMode,
    tenancy: own.tenancy ?? plan.tenancy,
    hostId: own.hostId ?? plan.hostId,
    hostResourceGroupArn: own.hostResourceGroupArn ?? plan.hostResourceGroupArn,
    launchDisposition: own.launchDisposition ?? plan.launchDisposition ?? base.launchDisposition,
    postLaunchActions: own.postLaunchActions ?? plan.postLaunchActions ?? base.postLaunchActions,
  };
}
