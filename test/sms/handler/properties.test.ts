import { SmsLimits } from '../../../lib/private/sms-limits';
import { Props } from '../../../lib/sms/handler/api';
import { parseJobProperties, removalPolicyOf } from '../../../lib/sms/handler/properties';
import { vmProps } from './helpers';

const PREFIX = 'invalid properties for VM "web-01": ';

describe('properties', () => {
  test('converts the strings CloudFormation sends', () => {
    // WHEN
    const props = parseJobProperties(vmProps({
      [Props.SEED_TIME]: '2030-01-02T03:04:05.678Z', [Props.LICENSE_TYPE]: 'AWS', [Props.NUMBER_OF_RECENT_AMIS_TO_KEEP]: '0',
      [Props.ENCRYPTED]: 'true', [Props.KMS_KEY_ID]: 'alias/sms', [Props.ROLE_NAME]: 'sms', [Props.VM_MANAGER_NAME]: 'vc-01',
    }));

    // THEN
    expect(props).toEqual({
      selector: { vmName: 'web-01', vmManagerName: 'vc-01' },
      displayName: 'web-01',
      runOnce: false,
      frequencyHours: 12,
      seedTime: Date.UTC(2030, 0, 2, 3, 4, 5, 678),
      licenseType: 'AWS',
      numberOfRecentAmisToKeep: 0,
      encrypted: true,
      kmsKeyId: 'alias/sms',
      roleName: 'sms',
      description: 'web tier',
      removalPolicy: 'destroy',
    });
  });

  test('fills in defaults: auto license, seed when created, destroy, interval', () => {
    // WHEN
    const props = parseJobProperties({ [Props.SERVER_ID]: 's-1', [Props.FREQUENCY_HOURS]: '24' });

    // THEN
    expect(props).toEqual({
      selector: { serverId: 's-1' }, displayName: 's-1', runOnce: false, frequencyHours: 24, description: '', removalPolicy: 'destroy',
    });
  });

  test.each([
    [{ [Props.RUN_ONCE]: 'yes' }, 'RunOnce "yes" is not allowed, use "true" or "false"'],
    [{ [Props.FREQUENCY_HOURS]: '25' }, 'FrequencyHours "25" is not allowed, use a whole number from 1 to 24 (hours between runs)'],
    [{ [Props.FREQUENCY_HOURS]: '1.5' }, 'FrequencyHours "1.5" is not allowed, use a whole number from 1 to 24 (hours between runs)'],
    [{ [Props.FREQUENCY_HOURS]: undefined },
      'FrequencyHours is missing, use a whole number from 1 to 24 (hours between runs) unless RunOnce is "true"'],
    [{ [Props.RUN_ONCE]: 'true' }, 'FrequencyHours "12" is not allowed with RunOnce "true", leave it out for a one-time migration'],
    [{ [Props.SEED_TIME]: 'tomorrow' },
      'SeedTime "tomorrow" is not allowed, use an ISO 8601 date-time such as 2024-05-01T06:00:00Z (UTC when it has no zone), or leave it '
      + 'out to seed when the job is created'],
    [{ [Props.SEED_TIME]: '2024-02-30T06:00:00Z' },
      'SeedTime "2024-02-30T06:00:00Z" is not allowed, use an ISO 8601 date-time such as 2024-05-01T06:00:00Z (UTC when it has no zone), '
      + 'or leave it out to seed when the job is created'],
    [{ [Props.LICENSE_TYPE]: 'auto' }, 'LicenseType "auto" is not allowed, use "AWS" or "BYOL", or leave it out for automatic selection'],
    [{ [Props.NUMBER_OF_RECENT_AMIS_TO_KEEP]: '271' },
      'NumberOfRecentAmisToKeep "271" is not allowed, use a whole number from 0 to 270 (0 keeps every AMI)'],
    [{ [Props.NUMBER_OF_RECENT_AMIS_TO_KEEP]: '-1' },
      'NumberOfRecentAmisToKeep "-1" is not allowed, use a whole number from 0 to 270 (0 keeps every AMI)'],
    [{ [Props.ENCRYPTED]: 'TRUE' }, 'Encrypted "TRUE" is not allowed, use "true" or "false"'],
    [{ [Props.KMS_KEY_ID]: 'alias/sms' }, 'KmsKeyId "alias/sms" is not allowed without Encrypted "true"'],
    [{ [Props.ROLE_NAME]: 'arn:aws:iam::123456789012:role/sms' },
      'RoleName "arn:aws:iam::123456789012:role/sms" is not allowed, use the name of an IAM role (up to 64 letters, digits and +=,.@_-), '
      + 'not its ARN'],
    [{ [Props.REMOVAL_POLICY]: 'snapshot' }, 'RemovalPolicy "snapshot" is not allowed, use "destroy" or "retain"'],
    [{ [Props.VM_NAME]: undefined, [Props.VM_MANAGER_NAME]: 'vc-01' },
      'ServerId, VmName, VmPath or VmId is missing, give the server id or a VM to look up in the server catalog (VmManagerName only '
      + 'narrows a lookup)'],
  ])('fails when %j, naming the property, the value and what is allowed', (overrides, message) => {
    expect(() => parseJobProperties(vmProps(overrides))).toThrow(PREFIX + message);
  });

  test('reports every problem at once', () => {
    expect(() => parseJobProperties(vmProps({ [Props.FREQUENCY_HOURS]: '0', [Props.LICENSE_TYPE]: 'aws' }))).toThrow(
      `${PREFIX}FrequencyHours "0" is not allowed, use a whole number from 1 to 24 (hours between runs); LicenseType "aws" is not allowed, `
      + 'use "AWS" or "BYOL", or leave it out for automatic selection');
  });

  test('fails on a value that is not a scalar', () => {
    expect(() => parseJobProperties({ ...vmProps(), [Props.DESCRIPTION]: { text: 'x' } })).toThrow(
      `${PREFIX}Description {"text":"x"} is not allowed, use a single string value`);
  });

  test('reads the removal policy of a Delete leniently', () => {
    expect(removalPolicyOf(undefined)).toBe('destroy');
    expect(removalPolicyOf({ [Props.REMOVAL_POLICY]: 'retain' })).toBe('retain');
    expect(removalPolicyOf({ [Props.REMOVAL_POLICY]: 'RETAIN' })).toBe('unreadable');
  });
});

describe('SeedTime', () => {
  const seedTimeOf = (text: string) => parseJobProperties(vmProps({ [Props.SEED_TIME]: text })).seedTime;

  test.each([
    // What the construct sends: new Date(...).toISOString().
    [new Date(Date.UTC(2030, 0, 2, 3, 4, 5, 678)).toISOString(), Date.UTC(2030, 0, 2, 3, 4, 5, 678)],
    ['2024-05-01T06:00:00Z', Date.UTC(2024, 4, 1, 6)],
    ['2024-05-01T06:00Z', Date.UTC(2024, 4, 1, 6)],
    ['2024-05-01T08:00:00+02:00', Date.UTC(2024, 4, 1, 6)],
    ['2024-05-01T01:30:00-0430', Date.UTC(2024, 4, 1, 6)],
    ['2024-05-01T06:00:00.123456Z', Date.UTC(2024, 4, 1, 6, 0, 0, 123)],
    ['2024-02-29T00:00:00Z', Date.UTC(2024, 1, 29)],
    ['2024-05-01T06:00:00', Date.UTC(2024, 4, 1, 6)],
    // Read since the handler shares the library's grammar (lib/private/date-time.ts), as the construct does.
    ['2024-05-01t06:00:00z', Date.UTC(2024, 4, 1, 6)],
    ['2024-05-01T06:00:00,5Z', Date.UTC(2024, 4, 1, 6, 0, 0, 500)],
    ['2024-05-01T08:00:00+02', Date.UTC(2024, 4, 1, 6)],
    ['0050-01-01T00:00:00Z', new Date('0050-01-01T00:00:00Z').getTime()],
  ])('reads %s', (text, expected) => {
    // WHEN
    const seedTime = seedTimeOf(text);

    // THEN
    expect(seedTime).toBe(expected);
  });

  test.each(['2023-02-29T00:00:00Z', '2024-13-01T00:00:00Z', '2024-05-01T24:00:00Z', '2024-05-01', '2024-05-01 06:00:00Z', '1714543200',
    '2024-05-01T06:00:00+25:00'])('fails on %s', (text) => {
    // WHEN / THEN
    expect(() => seedTimeOf(text)).toThrow(`${PREFIX}SeedTime "${text}" is not allowed, use an ISO 8601 date-time`);
  });
});

describe('bounds', () => {
  test.each([
    [Props.FREQUENCY_HOURS, SmsLimits.MIN_FREQUENCY_HOURS, SmsLimits.MAX_FREQUENCY_HOURS],
    [Props.NUMBER_OF_RECENT_AMIS_TO_KEEP, SmsLimits.MIN_AMIS_TO_KEEP, SmsLimits.MAX_AMIS_TO_KEEP],
  ])('%s takes SMS\'s bounds from sms-limits, both included', (key, min, max) => {
    // WHEN
    const read = (value: number) => parseJobProperties(vmProps({ [key]: String(value) }));

    // THEN
    expect(() => read(min)).not.toThrow();
    expect(() => read(max)).not.toThrow();
    expect(() => read(min - 1)).toThrow(`use a whole number from ${min} to ${max}`);
    expect(() => read(max + 1)).toThrow(`use a whole number from ${min} to ${max}`);
  });
});
