import { LaunchTemplateKeys, Props } from './api';

/**
 * What a plan VM's source server must hold in MGN, typed: the constructs build it from the plan
 * (`lib/mgn/server-settings.ts`), write it into the resource's properties with {@link toProperties},
 * the handler reads it back with {@link fromProperties}, and `cdk-sms status` compares a server with it.
 * Member names are the MGN API's (and EC2's, for the launch template) so that no name is translated twice.
 * A member left out means "leave as the server has it". Imports only the contract: no SDK, no CDK.
 */

/** The replication configuration (`UpdateReplicationConfiguration`). */
export interface DesiredReplication {
  readonly bandwidthThrottling?: number;
  /** `PRIVATE_IP` or `PUBLIC_IP`. */
  readonly dataPlaneRouting?: string;
  readonly createPublicIP?: boolean;
  /** `GP2`, `GP3` or `ST1`. */
  readonly defaultLargeStagingDiskType?: string;
  /** `DEFAULT` or `CUSTOM`. */
  readonly ebsEncryption?: string;
  readonly ebsEncryptionKeyArn?: string;
  readonly replicationServerInstanceType?: string;
  readonly useDedicatedReplicationServer?: boolean;
  readonly associateDefaultSecurityGroup?: boolean;
  readonly replicationServersSecurityGroupsIDs?: string[];
  readonly stagingAreaSubnetId?: string;
}

/** The launch configuration (`UpdateLaunchConfiguration`); `licensingOsByol` is `licensing.osByol`. */
export interface DesiredLaunch {
  /** `STARTED` or `STOPPED`. */
  readonly launchDisposition?: string;
  /** `NONE` or `BASIC`. */
  readonly targetInstanceTypeRightSizingMethod?: string;
  readonly copyPrivateIp?: boolean;
  readonly copyTags?: boolean;
  /** `LEGACY_BIOS`, `UEFI` or `USE_SOURCE`. */
  readonly bootMode?: string;
  readonly licensingOsByol?: boolean;
}

/** What the default version of the server's EC2 launch template must hold. */
export interface DesiredLaunchTemplate {
  readonly instanceType?: string;
  readonly subnetId?: string;
  readonly securityGroupIds?: string[];
  readonly associatePublicIpAddress?: boolean;
  /** `default`, `dedicated` or `host`. */
  readonly tenancy?: string;
  readonly hostId?: string;
  readonly hostResourceGroupArn?: string;
}

/** Everything a server must hold. */
export interface DesiredServer {
  readonly replication: DesiredReplication;
  readonly launch: DesiredLaunch;
  readonly launchTemplate: DesiredLaunchTemplate;
}

/** A property value as CloudFormation hands it over: a string, or a list of strings. */
export type PropertyValue = string | readonly string[];

/** The three object properties of a `Custom::MgnSourceServer` (see api.ts), as the construct writes them. */
export interface DesiredProperties {
  readonly [Props.REPLICATION]: Record<string, PropertyValue>;
  readonly [Props.LAUNCH]: Record<string, PropertyValue>;
  readonly [Props.LAUNCH_TEMPLATE]: Record<string, PropertyValue>;
}

type Kind = 'string' | 'boolean' | 'number' | 'list';

const REPLICATION_KINDS: Record<keyof DesiredReplication, Kind> = {
  bandwidthThrottling: 'number',
  dataPlaneRouting: 'string',
  createPublicIP: 'boolean',
  defaultLargeStagingDiskType: 'string',
  ebsEncryption: 'string',
  ebsEncryptionKeyArn: 'string',
  replicationServerInstanceType: 'string',
  useDedicatedReplicationServer: 'boolean',
  associateDefaultSecurityGroup: 'boolean',
  replicationServersSecurityGroupsIDs: 'list',
  stagingAreaSubnetId: 'string',
};

const LAUNCH_KINDS: Record<keyof DesiredLaunch, Kind> = {
  launchDisposition: 'string',
  targetInstanceTypeRightSizingMethod: 'string',
  copyPrivateIp: 'boolean',
  copyTags: 'boolean',
  bootMode: 'string',
  licensingOsByol: 'boolean',
};

/** Launch-template members and their property keys (`LaunchTemplateKeys`). */
const TEMPLATE_KEYS: Record<keyof DesiredLaunchTemplate, [string, Kind]> = {
  instanceType: [LaunchTemplateKeys.INSTANCE_TYPE, 'string'],
  subnetId: [LaunchTemplateKeys.SUBNET_ID, 'string'],
  securityGroupIds: [LaunchTemplateKeys.SECURITY_GROUP_IDS, 'list'],
  associatePublicIpAddress: [LaunchTemplateKeys.ASSOCIATE_PUBLIC_IP, 'boolean'],
  tenancy: [LaunchTemplateKeys.TENANCY, 'string'],
  hostId: [LaunchTemplateKeys.HOST_ID, 'string'],
  hostResourceGroupArn: [LaunchTemplateKeys.HOST_RESOURCE_GROUP_ARN, 'string'],
};

/** Writes what a server must hold as the resource's properties (scalars as strings, as CloudFormation would). */
export function toProperties(desired: DesiredServer): DesiredProperties {
  const write = (value: unknown): PropertyValue | undefined =>
    value === undefined ? undefined : Array.isArray(value) ? value.map(String) : String(value);
  const section = (values: object, keyOf: (member: string) => string): Record<string, PropertyValue> => {
    const out: Record<string, PropertyValue> = {};
    for (const [member, value] of Object.entries(values)) {
      const written = write(value);
      if (written !== undefined) {
        out[keyOf(member)] = written;
      }
    }
    return out;
  };
  return {
    [Props.REPLICATION]: section(desired.replication, (m) => m),
    [Props.LAUNCH]: section(desired.launch, (m) => m),
    [Props.LAUNCH_TEMPLATE]: section(desired.launchTemplate, (m) => TEMPLATE_KEYS[m as keyof DesiredLaunchTemplate][0]),
  };
}

/** A property the handler cannot read: names the property path and what was expected. */
export class DesiredPropertyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DesiredPropertyError';
  }
}

/**
 * Reads what a server must hold from the resource's properties; throws {@link DesiredPropertyError}
 * naming the property (`LaunchConfiguration.copyPrivateIp`) and what was expected. Unknown keys are refused.
 */
export function fromProperties(properties: Readonly<Record<string, unknown>>): DesiredServer {
  const replication = readSection<DesiredReplication>(properties, Props.REPLICATION, REPLICATION_KINDS, (k) => k);
  const launch = readSection<DesiredLaunch>(properties, Props.LAUNCH, LAUNCH_KINDS, (k) => k);
  const byKey = Object.fromEntries(Object.entries(TEMPLATE_KEYS).map(([member, [key, kind]]) => [key, [member, kind] as const]));
  const template = readSection<DesiredLaunchTemplate>(properties, Props.LAUNCH_TEMPLATE,
    Object.fromEntries(Object.values(TEMPLATE_KEYS).map(([key, kind]) => [key, kind])), (k) => byKey[k][0]);
  return { replication, launch, launchTemplate: template };
}

function readSection<T>(properties: Readonly<Record<string, unknown>>, name: string, kinds: Record<string, Kind>,
  memberOf: (key: string) => string): T {
  const raw = properties[name];
  if (raw === undefined) {
    return {} as T;
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new DesiredPropertyError(`${name} must be an object, got ${describe(raw)}`);
  }
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(raw as Record<string, unknown>)) {
    const kind = kinds[key];
    if (kind === undefined) {
      throw new DesiredPropertyError(`${name}.${key} is not a known setting; known: ${Object.keys(kinds).join(', ')}`);
    }
    out[memberOf(key)] = readValue(`${name}.${key}`, kind, value);
  }
  return out as T;
}

function readValue(path: string, kind: Kind, value: unknown): unknown {
  if (kind === 'list') {
    if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) {
      throw new DesiredPropertyError(`${path} must be a list of strings, got ${describe(value)}`);
    }
    return [...value];
  }
  const text = typeof value === 'string' ? value : typeof value === 'number' || typeof value === 'boolean' ? String(value) : undefined;
  if (text === undefined) {
    throw new DesiredPropertyError(`${path} must be a ${kind === 'string' ? 'string' : kind}, got ${describe(value)}`);
  }
  if (kind === 'boolean') {
    if (text !== 'true' && text !== 'false') {
      throw new DesiredPropertyError(`${path} must be "true" or "false", got ${JSON.stringify(text)}`);
    }
    return text === 'true';
  }
  if (kind === 'number') {
    if (!/^\d{1,15}$/.test(text)) {
      throw new DesiredPropertyError(`${path} must be a whole number, got ${JSON.stringify(text)}`);
    }
    return Number(text);
  }
  return text;
}

function describe(value: unknown): string {
  return Array.isArray(value) ? 'a list' : value === null ? 'null' : typeof value === 'object' ? 'an object' : JSON.stringify(value);
}
