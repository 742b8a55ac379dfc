import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import { ReplicationFrequency } from '../../lib/sms/replication-frequency';
import { ReplicationServer } from '../../lib/sms/replication-server';
import { SeedTime } from '../../lib/sms/seed-time';
import { renderReplicationJobProperties, validateReplicationJobProps } from '../../lib/sms/replication-job-properties';
import { Props } from '../../lib/sms/handler/api';

describe('validateReplicationJobProps', () => {
  test('finds nothing in the smallest props', () => {
    // WHEN
    const errors = validateReplicationJobProps({ server: ReplicationServer.fromServerId('s-12345678') });

    // THEN
    expect(errors).toEqual([]);
  });

  test('finds every problem, in the order of the props, each with its own id', () => {
    // GIVEN
    const props = {
      server: ReplicationServer.fromServerId('web01'),
      frequency: ReplicationFrequency.every(Duration.hours(0)),
      seedTime: SeedTime.atIso('soon'),
      numberOfRecentAmisToKeep: -1,
      displayName: ' ',
      removalPolicy: RemovalPolicy.SNAPSHOT,
    };

    // WHEN
    const errors = validateReplicationJobProps(props);

    // THEN
    expect(errors.map((error) => error.errorId)).toEqual([
      'cdk-sms-migration:InvalidServerId',
      'cdk-sms-migration:FrequencyOutOfRange',
      'cdk-sms-migration:InvalidSeedTime',
      'cdk-sms-migration:AmisToKeepOutOfRange',
      'cdk-sms-migration:EmptyDisplayName',
      'cdk-sms-migration:UnsupportedRemovalPolicy',
    ]);
    for (const { message } of errors) {
      expect(message).toMatch(/^[a-z]/);
      expect(message).not.toMatch(/\.$/);
    }
  });
});

describe('renderReplicationJobProperties', () => {
  test('writes every value as a string, as the handler receives it', () => {
    // GIVEN
    const props = {
      server: ReplicationServer.fromServerId('s-12345678'),
      frequency: ReplicationFrequency.every(Duration.hours(4)),
      numberOfRecentAmisToKeep: 10,
      encrypted: true,
    };

    // WHEN
    const properties = renderReplicationJobProperties(props);

    // THEN
    expect(properties).toEqual({
      [Props.SERVER_ID]: 's-12345678',
      [Props.DISPLAY_NAME]: 's-12345678',
      [Props.RUN_ONCE]: 'false',
      [Props.FREQUENCY_HOURS]: '4',
      [Props.NUMBER_OF_RECENT_AMIS_TO_KEEP]: '10',
      [Props.ENCRYPTED]: 'true',
      [Props.REMOVAL_POLICY]: 'destroy',
    });
  });
});
