import {
  BootMode, DataPlaneRouting, EbsEncryption, Hypervisor, LargeStagingDiskType, LaunchDisposition, PlanDefaults, RightSizing, Vm,
} from '../plan/model/plan';
import { resolveMgnLicensing } from '../rules/mgn/facts/licensing';
import { settingsOf, VmSettings } from '../rules/mgn/facts/vm-settings';
import { DesiredLaunch, DesiredReplication, DesiredServer } from './handler/desired';

/**
 * What a plan VM's source server must hold in MGN (`DesiredServer`), from the VM's settings merged with
 * `defaults.mgn` and the library's defaults by the MGN rule pack (`settingsOf`): the deployed server is
 * the one the rules judged. Pure: no constructs, so the values the account templates and the servers
 * get are tested without synthesis.
 */

/** Where the replication servers of the deployment run, and the account and Region of key ARNs. */
export interface ServerSettingsContext {
  /** The staging subnet (`stagingAreaSubnetId`). @default - left as the server has it */
  readonly stagingSubnetId?: string;
  /**
   * The library-owned replication security group, used when the plan names none
   * (`mgn.replication.securityGroups`). @default - left as the server has it
   */
  readonly replicationSecurityGroupId?: string;
  /** The partition, account and Region that turn `alias/name` and bare key ids into KMS ARNs. */
  readonly partition: string;
  readonly account: string;
  readonly region: string;
}

/** The MGN API's values of the plan's enums (MGN-API.md §3.2, §3.3). */
const DATA_PLANE_ROUTING: Record<DataPlaneRouting, string> = {
  [DataPlaneRouting.PRIVATE_IP]: 'PRIVATE_IP',
  [DataPlaneRouting.PUBLIC_IP]: 'PUBLIC_IP',
};
const LARGE_STAGING_DISK_TYPE: Record<LargeStagingDiskType, string> = {
  [LargeStagingDiskType.GP2]: 'GP2',
  [LargeStagingDiskType.GP3]: 'GP3',
  [LargeStagingDiskType.ST1]: 'ST1',
};
const EBS_ENCRYPTION: Record<EbsEncryption, string> = {
  [EbsEncryption.DEFAULT]: 'DEFAULT',
  [EbsEncryption.CUSTOM]: 'CUSTOM',
};
const RIGHT_SIZING: Record<RightSizing, string> = {
  [RightSizing.NONE]: 'NONE',
  [RightSizing.BASIC]: 'BASIC',
};
const BOOT_MODE: Record<BootMode, string> = {
  [BootMode.LEGACY_BIOS]: 'LEGACY_BIOS',
  [BootMode.UEFI]: 'UEFI',
  [BootMode.USE_SOURCE]: 'USE_SOURCE',
};
const LAUNCH_DISPOSITION: Record<LaunchDisposition, string> = {
  [LaunchDisposition.STARTED]: 'STARTED',
  [LaunchDisposition.STOPPED]: 'STOPPED',
};

/** What a VM's source server must hold: replication, launch configuration and EC2 launch template. */
export function desiredServerFor(vm: Vm, defaults: PlanDefaults | undefined, context: ServerSettingsContext): DesiredServer {
  const settings = settingsOf(vm, defaults);
  // The licensing the MGN rules judged (MGN-LIC*): osByol and tenancy by the table, `launch.tenancy` over it.
  const licensing = resolveMgnLicensing(vm.os, settings.sms.licenseType, settings.launch.tenancy);
  const launch = settings.launch;
  const tenancy = licensing?.tenancy ?? launch.tenancy;
  return {
    replication: desiredReplication(settings, context),
    launch: {
      ...desiredLaunch(settings, settings.launch.copyPrivateIp),
      ...(licensing !== undefined ? { licensingOsByol: licensing.osByol } : {}),
    },
    launchTemplate: {
      ...(launch.instanceType !== undefined ? { instanceType: launch.instanceType } : {}),
      ...(launch.subnet !== undefined ? { subnetId: launch.subnet } : {}),
      ...(launch.securityGroups !== undefined ? { securityGroupIds: [...launch.securityGroups] } : {}),
      associatePublicIpAddress: launch.associatePublicIp,
      ...(tenancy !== undefined ? { tenancy } : {}),
      ...(launch.hostId !== undefined ? { hostId: launch.hostId } : {}),
      ...(launch.hostResourceGroupArn !== undefined ? { hostResourceGroupArn: launch.hostResourceGroupArn } : {}),
    },
  };
}

/**
 * The account-wide settings of `defaults.mgn`: what a VM that sets nothing of its own gets, without
 * what depends on a VM (its OS's licensing and tenancy, its first NIC's addressing: `copyPrivateIp`
 * is left out), for the replication and launch configuration templates.
 */
export function desiredDefaults(defaults: PlanDefaults | undefined, context: ServerSettingsContext): DesiredServer {
  // A VM with nothing of its own: the merge gives exactly the defaults, through the one merge there is.
  const settings = settingsOf({ name: 'defaults', hypervisor: Hypervisor.VMWARE }, defaults);
  return {
    replication: desiredReplication(settings, context),
    launch: desiredLaunch(settings, defaults?.mgn?.launch?.copyPrivateIp),
    launchTemplate: { associatePublicIpAddress: settings.launch.associatePublicIp },
  };
}

function desiredReplication(settings: VmSettings, context: ServerSettingsContext): DesiredReplication {
  const replication = settings.replication;
  const groups = replication.securityGroups !== undefined
    ? [...replication.securityGroups]
    : context.replicationSecurityGroupId !== undefined ? [context.replicationSecurityGroupId] : undefined;
  const encryption = EBS_ENCRYPTION[replication.ebsEncryption];
  return {
    bandwidthThrottling: replication.bandwidthThrottlingMbps,
    dataPlaneRouting: DATA_PLANE_ROUTING[replication.dataPlaneRouting],
    createPublicIP: replication.createPublicIp,
    defaultLargeStagingDiskType: LARGE_STAGING_DISK_TYPE[replication.largeStagingDiskType],
    ebsEncryption: encryption,
    ...(replication.ebsEncryption === EbsEncryption.CUSTOM && replication.kmsKeyArn !== undefined
      ? { ebsEncryptionKeyArn: kmsKeyArn(replication.kmsKeyArn, context) } : {}),
    replicationServerInstanceType: replication.replicationServerInstanceType,
    useDedicatedReplicationServer: replication.dedicatedReplicationServer,
    // Never MGN's own group, which lets tcp 1500 in from anywhere: the library's, or the plan's.
    associateDefaultSecurityGroup: false,
    ...(groups !== undefined ? { replicationServersSecurityGroupsIDs: groups } : {}),
    ...(context.stagingSubnetId !== undefined ? { stagingAreaSubnetId: context.stagingSubnetId } : {}),
  };
}

/** The launch configuration; `copyPrivateIp` left out when undefined. */
function desiredLaunch(settings: VmSettings, copyPrivateIp: boolean | undefined): DesiredLaunch {
  const launch = settings.launch;
  return {
    launchDisposition: LAUNCH_DISPOSITION[launch.launchDisposition],
    targetInstanceTypeRightSizingMethod: RIGHT_SIZING[launch.rightSizing],
    ...(copyPrivateIp !== undefined ? { copyPrivateIp } : {}),
    bootMode: BOOT_MODE[launch.bootMode],
  };
}

/**
 * The ARN MGN takes (`ebsEncryptionKeyArn`, 20 to 2048 characters) of a key the plan names by ARN, by
 * `alias/name` (MGN-REP2's accepted forms) or, through the SMS `kmsKeyId`, by bare key id.
 */
export function kmsKeyArn(key: string, context: Pick<ServerSettingsContext, 'partition' | 'account' | 'region'>): string {
  if (key.startsWith('arn:')) {
    return key;
  }
  const resource = key.startsWith('alias/') ? key : `key/${key}`;
  return `arn:${context.partition}:kms:${context.region}:${context.account}:${resource}`;
}
