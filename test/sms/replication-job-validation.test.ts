import { App, CfnParameter, Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as kms from 'aws-cdk-lib/aws-kms';
import { ReplicationFrequency, ReplicationJob, ReplicationServer, SeedTime, SmsMigrationError } from '../../lib';
import { PROVIDER_ID } from '../../lib/sms/replication-job-provider';
import { Props, RESOURCE_TYPE } from '../../lib/sms/handler/api';

const SERVER = ReplicationServer.fromServerId('s-12345678');

describe('ReplicationJob validation', () => {
  test.each([
    [Duration.hours(0), /frequency 0 hours is not a whole number of hours from 1 to 24/],
    [Duration.hours(25), /frequency 25 hours is not a whole number of hours from 1 to 24/],
    [Duration.hours(1.5), /frequency 1.5 hours is not a whole number of hours from 1 to 24/],
    [Duration.minutes(90), /frequency 1.5 hours is not a whole number of hours from 1 to 24/],
  ])('fails when frequency is %s', (interval, message) => {
    // GIVEN
    const stack = new Stack(new App(), 'Stack');

    // WHEN / THEN
    expect(() => new ReplicationJob(stack, 'Job', { server: SERVER, frequency: ReplicationFrequency.every(interval) })).toThrow(message);
  });

  test.each([
    [-1], [271], [2.5],
  ])('fails when numberOfRecentAmisToKeep is %s', (amis) => {
    // GIVEN
    const stack = new Stack(new App(), 'Stack');

    // WHEN / THEN
    expect(() => new ReplicationJob(stack, 'Job', { server: SERVER, numberOfRecentAmisToKeep: amis }))
      .toThrow(new RegExp(`numberOfRecentAmisToKeep ${amis} is not a whole number from 0 to 270`));
  });

  test.each([0, 270])('accepts numberOfRecentAmisToKeep %s', (amis) => {
    // GIVEN
    const stack = new Stack(new App(), 'Stack');

    // WHEN
    new ReplicationJob(stack, 'Job', { server: SERVER, numberOfRecentAmisToKeep: amis });

    // THEN
    Template.fromStack(stack).hasResourceProperties(RESOURCE_TYPE, { [Props.NUMBER_OF_RECENT_AMIS_TO_KEEP]: String(amis) });
  });

  test.each([
    ['a day the month lacks', SeedTime.atIso('2026-02-30T00:00:00Z'), /seedTime '2026-02-30T00:00:00Z' is not a valid ISO 8601 date-time/],
    ['free text', SeedTime.atIso('tomorrow'), /seedTime 'tomorrow' is not a valid ISO 8601 date-time/],
    ['a date alone', SeedTime.atIso('2026-12-01'), /seedTime '2026-12-01' is not a valid ISO 8601 date-time/],
    ['an invalid Date', SeedTime.at(new Date('not a date')), /seedTime 'Invalid Date' is not a valid ISO 8601 date-time/],
  ])('fails when the seed time is %s', (_, seedTime, message) => {
    // GIVEN
    const stack = new Stack(new App(), 'Stack');

    // WHEN / THEN
    expect(() => new ReplicationJob(stack, 'Job', { server: SERVER, seedTime })).toThrow(message);
  });

  test.each([
    [RemovalPolicy.SNAPSHOT, /removalPolicy RemovalPolicy.SNAPSHOT is not supported for a replication job/],
    [RemovalPolicy.RETAIN_ON_UPDATE_OR_DELETE, /removalPolicy RemovalPolicy.RETAIN_ON_UPDATE_OR_DELETE is not supported/],
  ])('fails when removalPolicy is %s', (removalPolicy, message) => {
    // GIVEN
    const stack = new Stack(new App(), 'Stack');

    // WHEN / THEN
    expect(() => new ReplicationJob(stack, 'Job', { server: SERVER, removalPolicy })).toThrow(message);
  });

  test('fails when encrypted is false with an encryption key', () => {
    // GIVEN
    const stack = new Stack(new App(), 'Stack');
    const key = new kms.Key(stack, 'Key');

    // WHEN / THEN
    expect(() => new ReplicationJob(stack, 'Job', { server: SERVER, encryptionKey: key, encrypted: false }))
      .toThrow(/encrypted false contradicts encryptionKey/);
  });

  test('fails when the server id is not a server catalog id', () => {
    // GIVEN
    const stack = new Stack(new App(), 'Stack');

    // WHEN / THEN
    expect(() => new ReplicationJob(stack, 'Job', { server: ReplicationServer.fromServerId('vm-123') }))
      .toThrow(/server id 'vm-123' is not an SMS server catalog id such as s-12345678/);
  });

  test.each([
    ['VM name', ReplicationServer.fromVmName(' ')],
    ['VM path', ReplicationServer.fromVmPath('')],
    ['VM id', ReplicationServer.fromVmId('')],
    ['VM manager name', ReplicationServer.fromVmName('web01', '')],
  ])('fails when the server %s is empty', (what, server) => {
    // GIVEN
    const stack = new Stack(new App(), 'Stack');

    // WHEN / THEN
    expect(() => new ReplicationJob(stack, 'Job', { server })).toThrow(new RegExp(`server ${what} '.*' is empty`));
  });

  test('fails when displayName is empty', () => {
    // GIVEN
    const stack = new Stack(new App(), 'Stack');

    // WHEN / THEN
    expect(() => new ReplicationJob(stack, 'Job', { server: SERVER, displayName: '' })).toThrow(/displayName '' is empty/);
  });

  test('fails when several props are wrong, reporting them all, and defines nothing', () => {
    // GIVEN
    const stack = new Stack(new App(), 'Stack');
    let error: unknown;

    // WHEN
    try {
      new ReplicationJob(stack, 'Job', {
        server: SERVER,
        frequency: ReplicationFrequency.every(Duration.hours(25)),
        numberOfRecentAmisToKeep: 271,
        removalPolicy: RemovalPolicy.SNAPSHOT,
      });
    } catch (e) {
      error = e;
    }

    // THEN
    expect(SmsMigrationError.isSmsMigrationError(error)).toBe(true);
    const smsError = error as SmsMigrationError;
    expect(smsError.message.split('\n')).toEqual([
      'found 3 errors:',
      expect.stringMatching(/^- frequency 25 hours is not a whole number of hours from 1 to 24/),
      expect.stringMatching(/^- numberOfRecentAmisToKeep 271 is not a whole number from 0 to 270/),
      expect.stringMatching(/^- removalPolicy RemovalPolicy.SNAPSHOT is not supported/),
    ]);
    expect(smsError.errorId).toBe('cdk-sms-migration:MultipleErrors');
    expect(smsError.constructPath).toBe('Stack/Job');
    expect(smsError.details.map((d) => d.errorId)).toEqual([
      'cdk-sms-migration:FrequencyOutOfRange', 'cdk-sms-migration:AmisToKeepOutOfRange', 'cdk-sms-migration:UnsupportedRemovalPolicy',
    ]);
    expect(stack.node.tryFindChild(PROVIDER_ID)).toBeUndefined();
    expect(stack.node.findChild('Job').node.children).toHaveLength(0);
  });

  test('records the error id and the construct path of a single error', () => {
    // GIVEN
    const stack = new Stack(new App(), 'Stack');

    // WHEN / THEN
    expect(() => new ReplicationJob(stack, 'Job', { server: SERVER, numberOfRecentAmisToKeep: 271 })).toThrow(expect.objectContaining({
      errorId: 'cdk-sms-migration:AmisToKeepOutOfRange',
      constructPath: 'Stack/Job',
    }));
  });

  test('skips checks on unresolved tokens and passes them on', () => {
    // GIVEN
    const stack = new Stack(new App(), 'Stack');
    const hours = new CfnParameter(stack, 'Hours', { type: 'Number' });
    const amis = new CfnParameter(stack, 'Amis', { type: 'Number' });
    const seed = new CfnParameter(stack, 'Seed');
    const serverId = new CfnParameter(stack, 'ServerId');
    const name = new CfnParameter(stack, 'Name');

    // WHEN
    new ReplicationJob(stack, 'Job', {
      server: ReplicationServer.fromServerId(serverId.valueAsString),
      frequency: ReplicationFrequency.every(Duration.hours(hours.valueAsNumber)),
      numberOfRecentAmisToKeep: amis.valueAsNumber,
      seedTime: SeedTime.atIso(seed.valueAsString),
      displayName: name.valueAsString,
    });

    // THEN
    Template.fromStack(stack).hasResourceProperties(RESOURCE_TYPE, {
      [Props.SERVER_ID]: { Ref: 'ServerId' },
      [Props.FREQUENCY_HOURS]: { Ref: 'Hours' },
      [Props.NUMBER_OF_RECENT_AMIS_TO_KEEP]: { Ref: 'Amis' },
      [Props.SEED_TIME]: { Ref: 'Seed' },
      [Props.DISPLAY_NAME]: { Ref: 'Name' },
    });
  });

  test('fails when a frequency from a token is not in hours', () => {
    // GIVEN
    const stack = new Stack(new App(), 'Stack');
    const minutes = new CfnParameter(stack, 'Minutes', { type: 'Number' });

    // WHEN / THEN
    const frequency = ReplicationFrequency.every(Duration.minutes(minutes.valueAsNumber));
    expect(() => new ReplicationJob(stack, 'Job', { server: SERVER, frequency }))
      .toThrow(/frequency .* comes from a token in another unit than hours, use Duration.hours\(\)/);
  });
});
