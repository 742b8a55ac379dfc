import type { ResponseLaunchTemplateData } from '@aws-sdk/client-ec2';
import type { LaunchConfiguration, ReplicationConfiguration } from '@aws-sdk/client-mgn';
import { DesiredLaunch, DesiredLaunchTemplate, DesiredReplication, DesiredServer } from './desired';

/**
 * What differs between a server's settings in MGN (and EC2) and what the plan wants: pure, no SDK calls;
 * the handler applies only what differs, and `cdk-sms status` shows it. A member the desired settings
 * leave out never differs. Lists (security groups) compare as sets.
 */

/** One setting that differs. */
export interface SettingDifference {
  /** Which configuration: `replication`, `launch` or `launchTemplate`. */
  readonly section: 'replication' | 'launch' | 'launchTemplate';
  /** The desired.ts member (`copyPrivateIp`, `subnetId`, ...). */
  readonly member: string;
  /** The server's value, as text (`(none)` when absent). */
  readonly current: string;
  /** The plan's value, as text. */
  readonly desired: string;
}

/** The server's settings as MGN and EC2 return them; a section left out is not compared. */
export interface CurrentServerSettings {
  readonly replication?: ReplicationConfiguration;
  readonly launch?: LaunchConfiguration;
  /** The `LaunchTemplateData` of the default version of the server's EC2 launch template. */
  readonly launchTemplate?: ResponseLaunchTemplateData;
}

type Value = string | number | boolean | readonly string[] | undefined;

const NONE = '(none)';

function text(value: Value): string {
  if (value === undefined) {
    return NONE;
  }
  return Array.isArray(value) ? `[${[...value].sort().join(', ')}]` : String(value);
}

function same(current: Value, desired: Value): boolean {
  if (Array.isArray(desired) || Array.isArray(current)) {
    const a = Array.isArray(current) ? [...new Set(current as readonly string[])].sort() : [];
    const b = Array.isArray(desired) ? [...new Set(desired as readonly string[])].sort() : [];
    return Array.isArray(current) === Array.isArray(desired) ? a.join('\n') === b.join('\n') : b.length === 0 && a.length === 0;
  }
  return current === desired;
}

function compare<D extends object>(section: SettingDifference['section'], desired: D, currentOf: (member: keyof D) => Value): SettingDifference[] {
  const out: SettingDifference[] = [];
  for (const [member, value] of Object.entries(desired) as Array<[keyof D & string, Value]>) {
    if (value === undefined) {
      continue;
    }
    const current = currentOf(member);
    if (!same(current, value)) {
      out.push({ section, member, current: text(current), desired: text(value) });
    }
  }
  return out;
}

/** The replication members that differ. */
export function replicationDifferences(current: ReplicationConfiguration, desired: DesiredReplication): SettingDifference[] {
  return compare('replication', desired, (member) => current[member] as Value);
}

/** The launch members that differ (`licensingOsByol` is `licensing.osByol`). */
export function launchDifferences(current: LaunchConfiguration, desired: DesiredLaunch): SettingDifference[] {
  return compare('launch', desired, (member) => (member === 'licensingOsByol' ? current.licensing?.osByol : current[member] as Value));
}

/** The network interface the template's settings are about: device index 0 (or the only one). */
export function primaryInterface(data: ResponseLaunchTemplateData): NonNullable<ResponseLaunchTemplateData['NetworkInterfaces']>[number] | undefined {
  const list = data.NetworkInterfaces ?? [];
  return list.find((n) => (n.DeviceIndex ?? 0) === 0) ?? undefined;
}

/** The launch-template members that differ. An absent tenancy is EC2's `default`. */
export function launchTemplateDifferences(data: ResponseLaunchTemplateData, desired: DesiredLaunchTemplate): SettingDifference[] {
  const nic = primaryInterface(data);
  const currentOf = (member: keyof DesiredLaunchTemplate): Value => {
    switch (member) {
      case 'instanceType': return data.InstanceType;
      case 'subnetId': return nic?.SubnetId;
      case 'securityGroupIds': return nic?.Groups;
      case 'associatePublicIpAddress': return nic?.AssociatePublicIpAddress;
      case 'tenancy': return data.Placement?.Tenancy ?? 'default';
      case 'hostId': return data.Placement?.HostId;
      case 'hostResourceGroupArn': return data.Placement?.HostResourceGroupArn;
    }
  };
  return compare('launchTemplate', desired, currentOf);
}

/** Every member that differs, of the sections given in `current`. */
export function settingsDifferences(current: CurrentServerSettings, desired: DesiredServer): SettingDifference[] {
  return [
    ...current.replication ? replicationDifferences(current.replication, desired.replication) : [],
    ...current.launch ? launchDifferences(current.launch, desired.launch) : [],
    ...current.launchTemplate ? launchTemplateDifferences(current.launchTemplate, desired.launchTemplate) : [],
  ];
}
