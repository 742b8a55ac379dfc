/**
 * When a replication job's first (seed) replication starts.
 *
 * SMS accepts a seed time from now up to 30 days ahead; a time already past starts the seed
 * replication as soon as the job is created. SMS cannot change the seed time of a job that exists:
 * a later deployment with a different seed time in the future moves the job's next run to it
 * (`nextReplicationRunStartTime`), and one in the past changes nothing (the seed has started).
 *
 * There is deliberately no "now": a time computed at synth would change at every synth and touch
 * the job at every deployment. Use `whenCreated()` to start at once.
 *
 * @example
 * SeedTime.whenCreated();
 * SeedTime.atIso('2026-12-01T02:00:00Z');
 * SeedTime.at(new Date(Date.UTC(2026, 11, 1, 2)));
 */
export class SeedTime {
  /**
   * Start the seed replication at a given time.
   *
   * @param date the time; it must be a valid date
   */
  public static at(date: Date): SeedTime {
    // An invalid Date has no ISO form (toISOString throws): keep its text, so that the job reports it
    // together with any other problem in its props.
    const time = date.getTime();
    return new SeedTime(Number.isNaN(time) ? String(date) : new Date(time).toISOString());
  }

  /**
   * Start the seed replication at a time written in ISO 8601.
   *
   * A date-time without a zone offset is read as UTC, wherever the app is synthesized.
   *
   * @param isoDateTime an ISO 8601 date-time such as `2026-12-01T02:00:00Z` or `2026-12-01T03:00:00+01:00`
   */
  public static atIso(isoDateTime: string): SeedTime {
    return new SeedTime(isoDateTime);
  }

  /**
   * Start the seed replication when the job is created.
   */
  public static whenCreated(): SeedTime {
    return new SeedTime(undefined);
  }

  /**
   * The seed time as given, in ISO 8601.
   *
   * @default - none: the seed replication starts when the job is created
   */
  public readonly isoDateTime?: string;

  private constructor(isoDateTime: string | undefined) {
    this.isoDateTime = isoDateTime;
  }
}
