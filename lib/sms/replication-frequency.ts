import { Duration } from 'aws-cdk-lib';

/**
 * How often a replication job replicates the server: on an interval, or once.
 *
 * SMS replicates every 1 to 24 whole hours, or runs a one-time migration. The interval is checked
 * by the `ReplicationJob` that uses it, so that every problem in its props is reported together.
 *
 * @example
 * ReplicationFrequency.every(Duration.hours(12));
 * ReplicationFrequency.once();
 */
export class ReplicationFrequency {
  /**
   * Replicate on an interval of 1 to 24 whole hours.
   *
   * The interval can be changed on a job that exists.
   *
   * @param interval the time between two replication runs, a whole number of hours from 1 to 24
   */
  public static every(interval: Duration): ReplicationFrequency {
    return new ReplicationFrequency(false, interval);
  }

  /**
   * Replicate once: a one-time migration.
   *
   * Switching a job between one-time and interval replication replaces it: SMS cannot change
   * `runOnce` on a job that exists, so a new job is created and the old one deleted.
   */
  public static once(): ReplicationFrequency {
    return new ReplicationFrequency(true);
  }

  /**
   * Whether the job replicates once (`runOnce`).
   */
  public readonly runOnce: boolean;

  /**
   * The time between two replication runs.
   *
   * @default - none, for a one-time migration
   */
  public readonly interval?: Duration;

  private constructor(runOnce: boolean, interval?: Duration) {
    this.runOnce = runOnce;
    this.interval = interval;
  }
}
