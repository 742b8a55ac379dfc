import { parseDateTime } from '../../private/date-time';
import { SmsLimits } from '../../private/sms-limits';
import { LicenseTypes, Props, RemovalPolicies } from './api';
import { HandlerError } from '../../handler-common/errors';

/**
 * Reading the custom resource's properties. CloudFormation sends every scalar as a string (`12` arrives as
 * `"12"`, `true` as `"true"`), so each value is checked and converted here, and every problem is reported
 * at once, naming the property, the value received and what is allowed. An empty string counts as absent.
 */

/** SMS license types; absent means automatic (the member is left out of the SMS call). */
export type LicenseTypeValue = typeof LicenseTypes[keyof typeof LicenseTypes];

/** Values of the RemovalPolicy property. */
export type RemovalPolicyValue = typeof RemovalPolicies[keyof typeof RemovalPolicies];

/** How the server is named: its catalog id, or VM attributes to look up in the catalog. */
export interface ServerSelector {
  readonly serverId?: string;
  readonly vmName?: string;
  readonly vmPath?: string;
  readonly vmId?: string;
  /** The VM manager's id (`vmServerAddress.vmManagerId`): with `vmId`, it names the VM across vCenters. */
  readonly vmManagerId?: string;
  readonly vmManagerName?: string;
}

/** The properties, checked and converted. */
export interface JobProperties {
  readonly selector: ServerSelector;
  /** How messages name the VM. */
  readonly displayName: string;
  readonly runOnce: boolean;
  /** Hours between runs; undefined for a one-time migration. */
  readonly frequencyHours?: number;
  /** Epoch ms of the seed run; undefined means "when the job is created". */
  readonly seedTime?: number;
  /** Undefined means automatic. */
  readonly licenseType?: LicenseTypeValue;
  /** Undefined means keep every AMI. */
  readonly numberOfRecentAmisToKeep?: number;
  /** Undefined means not given (unencrypted). */
  readonly encrypted?: boolean;
  readonly kmsKeyId?: string;
  readonly roleName?: string;
  /** The user's description, without the ownership marker; '' when absent. */
  readonly description: string;
  readonly removalPolicy: RemovalPolicyValue;
}

const FREQUENCY_RANGE = { min: SmsLimits.MIN_FREQUENCY_HOURS, max: SmsLimits.MAX_FREQUENCY_HOURS };
const AMIS_TO_KEEP_RANGE = { min: SmsLimits.MIN_AMIS_TO_KEEP, max: SmsLimits.MAX_AMIS_TO_KEEP };
/** IAM role names: 1-64 of letters, digits and `+=,.@_-`. */
const ROLE_NAME = /^[\w+=,.@-]{1,64}$/;

/** Collects the problems of one set of properties. */
class PropertyReader {
  public readonly problems: string[] = [];

  constructor(private readonly raw: Readonly<Record<string, unknown>>) {}

  /** A scalar as a string; undefined when absent or empty. Numbers and booleans are accepted as their text. */
  public text(key: string): string | undefined {
    const value = this.raw[key];
    if (value === undefined || value === null || value === '') {
      return undefined;
    }
    if (typeof value === 'string') {
      return value;
    }
    if (typeof value === 'number' || typeof value === 'boolean') {
      return String(value);
    }
    this.problems.push(`${key} ${JSON.stringify(value)} is not allowed, use a single string value`);
    return undefined;
  }

  public boolean(key: string): boolean | undefined {
    const value = this.text(key);
    if (value === undefined || value === 'true' || value === 'false') {
      return value === undefined ? undefined : value === 'true';
    }
    this.problems.push(`${key} "${value}" is not allowed, use "true" or "false"`);
    return undefined;
  }

  public integer(key: string, range: { min: number; max: number }, what: string): number | undefined {
    const value = this.text(key);
    if (value === undefined) {
      return undefined;
    }
    const n = /^\d+$/.test(value) ? Number(value) : NaN;
    if (Number.isInteger(n) && n >= range.min && n <= range.max) {
      return n;
    }
    this.problems.push(`${key} "${value}" is not allowed, use a whole number from ${range.min} to ${range.max} (${what})`);
    return undefined;
  }

  public oneOf<T extends string>(key: string, allowed: readonly T[], absentHint: string): T | undefined {
    const value = this.text(key);
    if (value === undefined || (allowed as readonly string[]).includes(value)) {
      return value as T | undefined;
    }
    this.problems.push(`${key} "${value}" is not allowed, use ${allowed.map((a) => `"${a}"`).join(' or ')}${absentHint}`);
    return undefined;
  }
}

/** The display name: DisplayName, else the first VM selector, else the server id, else "unnamed". */
export function displayNameOf(raw: Readonly<Record<string, unknown>> | undefined): string {
  for (const key of [Props.DISPLAY_NAME, Props.VM_NAME, Props.VM_PATH, Props.VM_ID, Props.SERVER_ID]) {
    const value = raw?.[key];
    if ((typeof value === 'string' && value !== '') || typeof value === 'number') {
      return String(value);
    }
  }
  return 'unnamed';
}

/**
 * Checks and converts the properties of a Create or Update.
 *
 * @throws HandlerError listing every problem: `invalid properties for VM "web-01": FrequencyHours "0" is not allowed, ...`
 */
export function parseJobProperties(raw: Readonly<Record<string, unknown>> | undefined): JobProperties {
  const reader = new PropertyReader(raw ?? {});
  const selector = readSelector(reader);
  const runOnce = reader.boolean(Props.RUN_ONCE) ?? false;
  const frequencyHours = readFrequency(reader, runOnce);
  const seedTime = readSeedTime(reader);
  const licenseType = reader.oneOf<LicenseTypeValue>(Props.LICENSE_TYPE, [LicenseTypes.AWS, LicenseTypes.BYOL], ', or leave it out for automatic selection');
  const numberOfRecentAmisToKeep = reader.integer(Props.NUMBER_OF_RECENT_AMIS_TO_KEEP, AMIS_TO_KEEP_RANGE,
    `${SmsLimits.KEEP_EVERY_AMI} keeps every AMI`);
  const encrypted = reader.boolean(Props.ENCRYPTED);
  const kmsKeyId = reader.text(Props.KMS_KEY_ID);
  if (kmsKeyId !== undefined && encrypted !== true) {
    reader.problems.push(`${Props.KMS_KEY_ID} "${kmsKeyId}" is not allowed without ${Props.ENCRYPTED} "true"`);
  }
  const roleName = reader.text(Props.ROLE_NAME);
  if (roleName !== undefined && !ROLE_NAME.test(roleName)) {
    reader.problems.push(`${Props.ROLE_NAME} "${roleName}" is not allowed, use the name of an IAM role (up to 64 letters, digits `
      + 'and +=,.@_-), not its ARN');
  }
  const description = reader.text(Props.DESCRIPTION) ?? '';
  const removalPolicy = reader.oneOf<RemovalPolicyValue>(Props.REMOVAL_POLICY, [RemovalPolicies.DESTROY, RemovalPolicies.RETAIN],
    '') ?? RemovalPolicies.DESTROY;
  const displayName = displayNameOf(raw);
  if (reader.problems.length > 0) {
    throw new HandlerError(`invalid properties for VM "${displayName}": ${reader.problems.join('; ')}`);
  }
  return {
    selector, displayName, runOnce, frequencyHours, seedTime, licenseType, numberOfRecentAmisToKeep, encrypted, kmsKeyId, roleName,
    description, removalPolicy,
  };
}

/** Like {@link parseJobProperties}, but undefined instead of an error (for the previous properties of an Update). */
export function tryParseJobProperties(raw: Readonly<Record<string, unknown>> | undefined): JobProperties | undefined {
  try {
    return parseJobProperties(raw);
  } catch {
    return undefined;
  }
}

/**
 * The removal policy for a Delete, read leniently: absent means destroy (the CustomResource default); an
 * unreadable value means retain, because a Delete must not fail, and must not destroy what it is unsure of.
 */
export function removalPolicyOf(raw: Readonly<Record<string, unknown>> | undefined): RemovalPolicyValue | 'unreadable' {
  const value = raw?.[Props.REMOVAL_POLICY];
  if (value === undefined || value === null || value === '') {
    return RemovalPolicies.DESTROY;
  }
  return value === RemovalPolicies.DESTROY || value === RemovalPolicies.RETAIN ? value : 'unreadable';
}

/** RunOnce read leniently (the previous properties of an Update): only "true" is true. */
export function runOnceOf(raw: Readonly<Record<string, unknown>> | undefined): boolean {
  const value = raw?.[Props.RUN_ONCE];
  return value === 'true' || value === true;
}

function readSelector(reader: PropertyReader): ServerSelector {
  const serverId = reader.text(Props.SERVER_ID);
  const vmName = reader.text(Props.VM_NAME);
  const vmPath = reader.text(Props.VM_PATH);
  const vmId = reader.text(Props.VM_ID);
  const vmManagerName = reader.text(Props.VM_MANAGER_NAME);
  const vmManagerId = reader.text(Props.VM_MANAGER_ID);
  if (serverId !== undefined) {
    // The construct knows the catalog id: nothing to look up, VM attributes are only for messages.
    return { serverId };
  }
  if (vmName === undefined && vmPath === undefined && vmId === undefined) {
    reader.problems.push(`${Props.SERVER_ID}, ${Props.VM_NAME}, ${Props.VM_PATH} or ${Props.VM_ID} is missing, give the server id `
      + `or a VM to look up in the server catalog${vmManagerName === undefined && vmManagerId === undefined ? ''
        : ` (${vmManagerName !== undefined ? Props.VM_MANAGER_NAME : Props.VM_MANAGER_ID} only narrows a lookup)`}`);
  }
  return { vmName, vmPath, vmId, vmManagerId, vmManagerName };
}

function readFrequency(reader: PropertyReader, runOnce: boolean): number | undefined {
  const raw = reader.text(Props.FREQUENCY_HOURS);
  if (runOnce) {
    if (raw !== undefined) {
      reader.problems.push(`${Props.FREQUENCY_HOURS} "${raw}" is not allowed with ${Props.RUN_ONCE} "true", leave it out for a `
        + 'one-time migration');
    }
    return undefined;
  }
  const hours = reader.integer(Props.FREQUENCY_HOURS, FREQUENCY_RANGE, 'hours between runs');
  if (raw === undefined) {
    reader.problems.push(`${Props.FREQUENCY_HOURS} is missing, use a whole number from ${FREQUENCY_RANGE.min} to ${FREQUENCY_RANGE.max} `
      + `(hours between runs) unless ${Props.RUN_ONCE} is "true"`);
  }
  return hours;
}

function readSeedTime(reader: PropertyReader): number | undefined {
  const raw = reader.text(Props.SEED_TIME);
  if (raw === undefined) {
    return undefined;
  }
  // The library's one ISO 8601 grammar, the one the construct checked the seed time with. The construct
  // sends `new Date(...).toISOString()` (`2030-01-02T03:04:05.678Z`); a token resolved at deploy time
  // arrives as written, in any form that grammar accepts.
  const at = parseDateTime(raw);
  if (at === undefined) {
    reader.problems.push(`${Props.SEED_TIME} "${raw}" is not allowed, use an ISO 8601 date-time such as `
      + '2024-05-01T06:00:00Z (UTC when it has no zone), or leave it out to seed when the job is created');
  }
  return at;
}
