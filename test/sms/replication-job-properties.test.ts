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

  test('passes every identity of a VM known several ways, for the handler to look up by the most certain first', () => {
    // GIVEN a VM imported from RVTools: its vCenter's UUID, its MoRef, its catalog path and its name
    const server = ReplicationServer.fromVm({
      vmManagerId: '5E1F8C2A-0001-4B6E-9C11-000000000001', vmId: 'vm-101', vmPath: '/Datacenters/DC1/vm/web/web-01', vmName: 'web-01',
    });

    // WHEN
    const properties = renderReplicationJobProperties({ server });

    // THEN
    expect(properties).toMatchObject({
      [Props.VM_MANAGER_ID]: '5E1F8C2A-0001-4B6E-9C11-000000000001', [Props.VM_ID]: 'vm-101',
      [Props.VM_PATH]: '/Datacenters/DC1/vm/web/web-01', [Props.VM_NAME]: 'web-01', [Props.DISPLAY_NAME]: 'web-01',
    });
    expect(properties[Props.SERVER_ID]).toBeUndefined();
  });
});
