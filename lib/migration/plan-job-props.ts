import { Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import { Construct } from 'constructs';
import { effectiveReplication } from '../rules/sms/replication-settings';
import { LicenseType } from '../sms/license-type';
import { parseDateTime } from '../private/date-time';
import { SmsLimits } from '../private/sms-limits';
import { Plan, ReplicationType, Vm } from '../plan/model/plan';
import { ReplicationFrequency } from '../sms/replication-frequency';
import { ReplicationJobProps } from '../sms/replication-job-props';
import { ReplicationServer } from '../sms/replication-server';
import { SeedTime } from '../sms/seed-time';

/** What every job of a migration shares. */
export interface SharedJobProps {
  /** The role SMS uses. @default - SMS's service-linked role */
  readonly role?: iam.IRole;
  /** What happens to a job removed from the plan. @default RemovalPolicy.DESTROY */
  readonly removalPolicy?: RemovalPolicy;
}

/**
 * The replication job a plan's VM asks for: its own settings over the plan's defaults over the
 * library's. Returns undefined when a setting is outside what SMS accepts: rule SMS-JOB1 reports it
 * and fails synthesis, with the VM named, rather than the job's constructor throwing first.
 */
export function jobPropsFor(scope: Construct, vm: Vm, plan: Plan, props: SharedJobProps): ReplicationJobProps | undefined {
  const settings = effectiveReplication(vm.replication, plan.defaults);
  const interval = settings.type === ReplicationType.INTERVAL;
  const hours = settings.frequencyHours;
  if (interval && !(Number.isInteger(hours) && hours >= SmsLimits.MIN_FREQUENCY_HOURS && hours <= SmsLimits.MAX_FREQUENCY_HOURS)) {
    return undefined;
  }
  const amis = settings.amisToKeep;
  if (amis !== undefined && !(Number.isInteger(amis) && amis >= SmsLimits.MIN_AMIS_TO_KEEP && amis <= SmsLimits.MAX_AMIS_TO_KEEP)) {
    return undefined;
  }
  if (settings.seedTime !== undefined && parseDateTime(settings.seedTime) === undefined) {
    return undefined;
  }
  return {
    server: serverOf(vm),
    frequency: interval ? ReplicationFrequency.every(Duration.hours(settings.frequencyHours)) : ReplicationFrequency.once(),
    seedTime: settings.seedTime !== undefined ? SeedTime.atIso(settings.seedTime) : SeedTime.whenCreated(),
    licenseType: LicenseType.fromChoice(settings.licenseType),
    numberOfRecentAmisToKeep: settings.amisToKeep,
    encrypted: settings.encrypted,
    encryptionKey: settings.encrypted && settings.kmsKeyId !== undefined ? keyOf(scope, vm, settings.kmsKeyId) : undefined,
    role: props.role,
    removalPolicy: props.removalPolicy,
    description: vm.wave ? `${vm.name} (${vm.wave})` : vm.name,
    displayName: vm.name,
  };
}

/**
 * The server: its catalog id when the plan knows it, else the VM looked up in the catalog at deployment. A VM
 * whose vCenter id and MoRef the plan knows (an RVTools import) is looked up by them first, then by its path,
 * then by its name.
 */
function serverOf(vm: Vm): ReplicationServer {
  if (vm.source?.serverId) {
    return ReplicationServer.fromServerId(vm.source.serverId);
  }
  if (vm.source?.vmManagerId && vm.source.vmId) {
    return ReplicationServer.fromVm({ vmManagerId: vm.source.vmManagerId, vmId: vm.source.vmId, vmPath: vm.source.vmPath, vmName: vm.name });
  }
  if (vm.source?.vmPath) {
    return ReplicationServer.fromVmPath(vm.source.vmPath);
  }
  if (vm.source?.vmId) {
    return ReplicationServer.fromVmId(vm.source.vmId);
  }
  return ReplicationServer.fromVmName(vm.name);
}

/** The plan's `kmsKeyId`, an alias name or a key ARN, as a key. */
function keyOf(scope: Construct, vm: Vm, kmsKeyId: string): kms.IKey {
  const id = `${vm.name.replace(/\//g, '_')}Key`;
  if (kmsKeyId.startsWith('alias/')) {
    return kms.Alias.fromAliasName(scope, id, kmsKeyId);
  }
  if (kmsKeyId.startsWith('arn:')) {
    return kms.Key.fromKeyArn(scope, id, kmsKeyId);
  }
  return kms.Key.fromKeyArn(scope, id, Stack.of(scope).formatArn({ service: 'kms', resource: 'key', resourceName: kmsKeyId }));
}
