/**
 * SMS's bounds and defaults for a replication job, written once for the whole library: the handler of
 * `Custom::SmsReplicationJob` (which bundles this file, so it must stay a leaf and import nothing), the
 * `ReplicationJob` construct and the SMS rules all read them from here.
 *
 * Every bound is inclusive. Messages quote the constants instead of repeating the numbers, so that a
 * change here reaches every message. None of these bounds is in the SMS API model (it has no ranges):
 * they are those of the user guide and console (sms-api.md §7, "Quotas and limits"), which SMS enforces.
 *
 * @see https://docs.aws.amazon.com/server-migration-service/latest/userguide/server-migration.html
 *
 * @example
 * if (hours < SmsLimits.MIN_FREQUENCY_HOURS || hours > SmsLimits.MAX_FREQUENCY_HOURS) {
 *   fail(`frequency ${hours} h is not allowed, use ${SmsLimits.MIN_FREQUENCY_HOURS} to ${SmsLimits.MAX_FREQUENCY_HOURS} whole hours`);
 * }
 */
export const SmsLimits = Object.freeze({
  /**
   * The shortest interval between two runs of an interval job (`frequency`), in whole hours.
   *
   * SMS takes the interval as a whole number of hours; a one-time job (`runOnce`) has none.
   */
  MIN_FREQUENCY_HOURS: 1,

  /**
   * The longest interval between two runs of an interval job (`frequency`), in whole hours.
   */
  MAX_FREQUENCY_HOURS: 24,

  /**
   * The interval, in hours, of an interval job whose interval is not chosen.
   *
   * This is the library's default (the construct's and the plan's), not an SMS API default: SMS itself
   * only runs a job on an interval when the request gives one.
   */
  DEFAULT_FREQUENCY_HOURS: 12,

  /**
   * The fewest recent AMIs a job can be told to keep (`numberOfRecentAmisToKeep`).
   *
   * Beware: it is also {@link SmsLimits.KEEP_EVERY_AMI}. 0 does not mean "keep none".
   */
  MIN_AMIS_TO_KEEP: 0,

  /**
   * The most recent AMIs a job can be told to keep (`numberOfRecentAmisToKeep`); SMS deletes older ones.
   */
  MAX_AMIS_TO_KEEP: 270,

  /**
   * The `numberOfRecentAmisToKeep` with which SMS keeps every AMI the job creates (the same as leaving the
   * member out). UpdateReplicationJob cannot unset the member: sending this value is how a job goes back
   * to keeping all.
   */
  KEEP_EVERY_AMI: 0,

  /**
   * How far ahead the seed (first) replication may be scheduled (`seedReplicationTime`), in days from
   * now. A time already past is not refused: the seed replication starts when the job is created.
   */
  MAX_SEED_DAYS_AHEAD: 30,

  /**
   * The default quota of concurrent replication jobs (VM migrations) per AWS account and Region.
   *
   * A service quota that AWS raises on request: a default to assume, not a fixed bound.
   */
  DEFAULT_CONCURRENT_JOB_QUOTA: 50,
} as const);
