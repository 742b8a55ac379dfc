import { Duration } from 'aws-cdk-lib';
import { ReplicationFrequency } from '../../lib/sms/replication-frequency';

describe('ReplicationFrequency', () => {
  test('every() replicates on the interval given', () => {
    // GIVEN
    const interval = Duration.hours(6);

    // WHEN
    const frequency = ReplicationFrequency.every(interval);

    // THEN
    expect(frequency.runOnce).toBe(false);
    expect(frequency.interval).toBe(interval);
  });

  test('once() replicates once, without an interval', () => {
    // WHEN
    const frequency = ReplicationFrequency.once();

    // THEN
    expect(frequency.runOnce).toBe(true);
    expect(frequency.interval).toBeUndefined();
  });

  test('every() leaves the check of the interval to the job, so that errors are reported together', () => {
    // WHEN / THEN
    expect(() => ReplicationFrequency.every(Duration.hours(25))).not.toThrow();
  });
});
