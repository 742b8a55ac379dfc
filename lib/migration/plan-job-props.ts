import { Duration, Stack } from 'aws-cdk-lib';
import * as kms from 'aws-cdk-lib/aws-kms';
import { Construct } from 'constructs';
import { effectiveReplication } from '../rules/sms/replication-settings';
import { LicenseType } from '../sms/license-type';
import { LicenseChoice, Plan, ReplicationType, Vm } from '../plan/model/plan';
import { ReplicationFrequency } from '../sms/replication-frequency';
import { ReplicationJobProps } from '../sms/replication-job';
import { ReplicationServer } from '../sms/replication-server';
import { SeedTime } from '../sms/seed-time';
import type { MigrationProps } from './migration';

const LICENSES: Record<LicenseChoice, LicenseType> = {
  [LicenseChoice.AUTO]: LicenseType.AUTO,
  [LicenseChoice.AWS]: LicenseType.AWS,
  [LicenseChoice.BYOL]: LicenseType.BYOL,
};

/**
 * The replication job a plan's VM asks for: its own settings over the plan's defaults over the
 * library's. Returns undefined when a setting is outside what SMS accepts: rule SMS-JOB1 reports it
 * and fails synthesis, with the VM named, rather than the job's constructor throwing first.
 */
export function jobPropsFor(scope: Construct, vm: Vm, plan: Plan, props: MigrationProps): ReplicationJobProps | undefined {
  const settings = effectiveReplication(vm.replication, plan.defaults);
  const interval = settings.type === ReplicationType.INTERVAL;
  if (interval && !(Number.isInteger(settings.frequencyHours) && settings.frequencyHours >= 1 && settings.frequencyHours <= 24)) {
    return undefined;
  }
  if (settings.amisToKeep !== undefined && !(Number.isInteger(settings.amisToKeep) && settings.amisToKeep >= 0 && settings.amisToKeep <= 270)) {
    return undefined;
  }
  if (settings.seedTime !== undefined && Number.isNaN(Date.parse(settings.seedTime))) {
    return undefined;
  }
  return {
    server: serverOf(vm),
    frequency: interval ? ReplicationFrequency.every(Duration.hours(settings.frequencyHours)) : ReplicationFrequency.once(),
    seedTime: settings.seedTime !== undefined ? SeedTime.atIso(settings.seedTime) : SeedTime.whenCreated(),
    licenseType: LICENSES[settings.licenseType],
    numberOfRecentAmisToKeep: settings.amisToKeep,
    encrypted: settings.encrypted,
    encryptionKey: settings.encrypted && settings.kmsKeyId !== undefined ? keyOf(scope, vm, settings.kmsKeyId) : undefined,
    role: props.role,
    removalPolicy: props.removalPolicy,
    description: vm.wave ? `${vm.name} (${vm.wave})` : vm.name,
    displayName: vm.name,
  };
}

/** The server: its catalog id when the plan knows it, else the VM looked up in the catalog at deployment. */
function serverOf(vm: Vm): ReplicationServer {
  if (vm.source?.serverId) {
    return ReplicationServer.fromServerId(vm.source.serverId);
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
