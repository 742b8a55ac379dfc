/**
 * Checks the props of a `ReplicationJob` and writes them as the properties of its custom resource.
 *
 * Every property value is a string, as the handler receives them from CloudFormation anyway: the
 * template then reads as the handler sees it. Unresolved tokens are never judged, only passed on.
 */
import { Duration, RemovalPolicy, Token, Tokenization } from 'aws-cdk-lib';
import { SmsMigrationErrorDetail } from '../errors';
import { LicenseChoice } from '../plan/model/plan';
import { LicenseType } from './license-type';
import { LicenseTypes, Props, RemovalPolicies } from './handler/api';
import { ReplicationJobProps } from './replication-job-props';
import { ReplicationFrequency } from './replication-frequency';
import { DATE_TIME_EXAMPLE, parseDateTime } from '../private/date-time';
import { SmsLimits } from '../private/sms-limits';

/** The interval a job gets when none is given. */
const DEFAULT_FREQUENCY = ReplicationFrequency.every(Duration.hours(SmsLimits.DEFAULT_FREQUENCY_HOURS));
/** What the handler is sent for each license choice: SMS's value, or nothing for auto (SMS then chooses). */
const LICENSE_TYPE_VALUES: Record<LicenseChoice, string | undefined> = {
  [LicenseChoice.AUTO]: undefined,
  [LicenseChoice.AWS]: LicenseTypes.AWS,
  [LicenseChoice.BYOL]: LicenseTypes.BYOL,
};
const { MIN_FREQUENCY_HOURS, MAX_FREQUENCY_HOURS, MIN_AMIS_TO_KEEP, MAX_AMIS_TO_KEEP } = SmsLimits;
/** A server catalog id: `s-` and letters or digits (the SMS model has no pattern; the guide shows `s-12345678`). */
const SERVER_ID = /^s-[0-9a-zA-Z]+$/;

/** The props' problems, every one of them, in the order of the props. */
export function validateReplicationJobProps(props: ReplicationJobProps): SmsMigrationErrorDetail[] {
  const errors: SmsMigrationErrorDetail[] = [];
  const fail = (name: string, message: string) => errors.push({ errorId: `cdk-sms-migration:${name}`, message });

  const server = props.server;
  if (server.serverId !== undefined && !Token.isUnresolved(server.serverId) && !SERVER_ID.test(server.serverId)) {
    fail('InvalidServerId', `server id '${server.serverId}' is not an SMS server catalog id such as s-12345678, `
      + 'select a VM with ReplicationServer.fromVmName(), fromVmPath() or fromVmId() instead');
  }
  const selectors: Array<[string, string | undefined]> = [
    ['VM name', server.vmName], ['VM path', server.vmPath], ['VM id', server.vmId], ['VM manager id', server.vmManagerId],
    ['VM manager name', server.vmManagerName],
  ];
  for (const [what, value] of selectors) {
    if (isBlank(value)) {
      fail('EmptyServerSelector', `server ${what} '${value}' is empty, give the name the connector reports`);
    }
  }

  const interval = (props.frequency ?? DEFAULT_FREQUENCY).interval;
  if (interval !== undefined && !interval.isUnresolved()) {
    const hours = interval.toHours({ integral: false });
    if (!(Number.isInteger(hours) && hours >= MIN_FREQUENCY_HOURS && hours <= MAX_FREQUENCY_HOURS)) {
      fail('FrequencyOutOfRange', `frequency ${hours} hours is not a whole number of hours from ${MIN_FREQUENCY_HOURS} `
        + `to ${MAX_FREQUENCY_HOURS}, use ReplicationFrequency.every(Duration.hours(${MIN_FREQUENCY_HOURS}..${MAX_FREQUENCY_HOURS})) or ReplicationFrequency.once()`);
    }
  } else if (interval !== undefined && !isInHours(interval)) {
    fail('FrequencyTokenNotInHours', `frequency ${interval.toString()} comes from a token in another unit than hours, `
      + 'use Duration.hours() for a frequency from a token');
  }

  const seed = props.seedTime?.isoDateTime;
  if (seed !== undefined && !Token.isUnresolved(seed) && parseDateTime(seed) === undefined) {
    fail('InvalidSeedTime', `seedTime '${seed}' is not a valid ISO 8601 date-time, such as ${DATE_TIME_EXAMPLE}`);
  }

  const amis = props.numberOfRecentAmisToKeep;
  if (amis !== undefined && !Token.isUnresolved(amis) && !(Number.isInteger(amis) && amis >= MIN_AMIS_TO_KEEP && amis <= MAX_AMIS_TO_KEEP)) {
    fail('AmisToKeepOutOfRange', `numberOfRecentAmisToKeep ${amis} is not a whole number from ${MIN_AMIS_TO_KEEP} to ${MAX_AMIS_TO_KEEP} (${SmsLimits.KEEP_EVERY_AMI} keeps every AMI)`);
  }

  if (props.encryptionKey !== undefined && props.encrypted === false) {
    fail('EncryptionKeyWithoutEncryption', 'encrypted false contradicts encryptionKey, which encrypts the AMIs: leave encrypted out or set it to true');
  }

  if (isBlank(props.displayName)) {
    fail('EmptyDisplayName', `displayName '${props.displayName}' is empty, give a name or leave it out`);
  }

  const removalPolicy = props.removalPolicy;
  if (removalPolicy !== undefined && removalPolicy !== RemovalPolicy.DESTROY && removalPolicy !== RemovalPolicy.RETAIN) {
    fail('UnsupportedRemovalPolicy', `removalPolicy ${removalPolicyName(removalPolicy)} is not supported for a replication job, `
      + 'use RemovalPolicy.DESTROY or RemovalPolicy.RETAIN');
  }

  return errors;
}

/**
 * The custom resource's properties, keyed by the constants of `api.ts`. Props that are left out are
 * absent, not empty. Call only with props that `validateReplicationJobProps` accepts.
 */
export function renderReplicationJobProperties(props: ReplicationJobProps): Record<string, string> {
  const properties: Record<string, string> = {};
  const set = (key: string, value: string | undefined) => {
    if (value !== undefined) {
      properties[key] = value;
    }
  };

  const server = props.server;
  set(Props.SERVER_ID, server.serverId);
  set(Props.VM_NAME, server.vmName);
  set(Props.VM_PATH, server.vmPath);
  set(Props.VM_ID, server.vmId);
  set(Props.VM_MANAGER_ID, server.vmManagerId);
  set(Props.VM_MANAGER_NAME, server.vmManagerName);
  set(Props.DISPLAY_NAME, props.displayName ?? server.displayName);

  const frequency = props.frequency ?? DEFAULT_FREQUENCY;
  set(Props.RUN_ONCE, String(frequency.runOnce));
  if (!frequency.runOnce && frequency.interval !== undefined) {
    set(Props.FREQUENCY_HOURS, Tokenization.stringifyNumber(frequency.interval.toHours()));
  }

  set(Props.SEED_TIME, normalizeSeedTime(props.seedTime?.isoDateTime));
  set(Props.LICENSE_TYPE, LICENSE_TYPE_VALUES[(props.licenseType ?? LicenseType.AUTO).choice]);
  if (props.numberOfRecentAmisToKeep !== undefined) {
    set(Props.NUMBER_OF_RECENT_AMIS_TO_KEEP, Tokenization.stringifyNumber(props.numberOfRecentAmisToKeep));
  }

  const encrypted = props.encrypted ?? props.encryptionKey !== undefined;
  set(Props.ENCRYPTED, String(encrypted));
  set(Props.KMS_KEY_ID, props.encryptionKey?.keyArn);
  // No role name means SMS's service-linked role.
  set(Props.ROLE_NAME, props.role?.roleName);
  set(Props.DESCRIPTION, props.description);
  set(Props.REMOVAL_POLICY, props.removalPolicy === RemovalPolicy.RETAIN ? RemovalPolicies.RETAIN : RemovalPolicies.DESTROY);

  return properties;
}

/**
 * The seed time in one unambiguous form, `2026-12-01T02:00:00.000Z`: a date-time without an offset is
 * UTC here but local time to `new Date()` in the handler, so it is not passed on as written.
 */
function normalizeSeedTime(seed: string | undefined): string | undefined {
  if (seed === undefined || Token.isUnresolved(seed)) {
    return seed;
  }
  const time = parseDateTime(seed);
  return time === undefined ? seed : new Date(time).toISOString();
}

/** Whether a duration from a token is in hours, the only unit it can be read in at synth. */
function isInHours(duration: Duration): boolean {
  try {
    duration.toHours();
    return true;
  } catch {
    return false;
  }
}

/** Whether a string is given, resolved, and has nothing but white space. */
function isBlank(value: string | undefined): boolean {
  return value !== undefined && !Token.isUnresolved(value) && value.trim() === '';
}

/** `RemovalPolicy.SNAPSHOT` for the value `snapshot`. */
function removalPolicyName(policy: RemovalPolicy): string {
  const entry = Object.entries(RemovalPolicy).find(([, value]) => value === policy);
  return entry === undefined ? String(policy) : `RemovalPolicy.${entry[0]}`;
}
