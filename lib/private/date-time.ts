/**
 * Strict parsing of ISO 8601 date-times: the library's one date grammar, for the seed time of a plan
 * (`replication.seedTime`), of the `ReplicationJob` construct (`SeedTime.atIso`) and of its handler.
 *
 * `Date.parse` is too lenient to judge a plan with: it rolls `2026-02-30` over into March and reads a
 * date-time without an offset in the local zone of whatever machine runs the assessment. Here the
 * calendar is checked field by field, and a date-time without an offset is read as UTC, so the same
 * plan gives the same result everywhere.
 *
 * The replication-job handler bundles this file (lib/sms/handler imports it), so it stays a leaf: it
 * imports nothing.
 */

/**
 * The extended ISO 8601 date-time form (the RFC 3339 profile, as JSON Schema's `date-time` has it):
 * `2026-12-01T02:00:00Z`, `2026-12-01T02:00Z`, `2026-12-01T02:00:00.5+02:00`, `2026-12-01T02:00:00+0200`.
 *
 * In full: a four-digit year (0000 to 9999, taken as written: `0050` is the year 50, not 1950), `T` or
 * `t`, hours and minutes, optional seconds, an optional fraction of a second after `.` or `,` of 1 to 9
 * digits (cut to whole milliseconds, not rounded), and an optional offset: `Z`, `z`, `+hh`, `+hhmm` or
 * `+hh:mm` (or `-`). Surrounding white space is ignored. Not accepted: a date alone, a space for the `T`,
 * the basic form without `-` and `:`, expanded years (`+010000`), week or ordinal dates, hour 24, leap
 * second 60, an offset of 24 hours or more.
 */
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?([Zz]|[+-]\d{2}(?::?\d{2})?)?$/;

/** One example of the accepted form, for messages. */
export const DATE_TIME_EXAMPLE = '2026-12-01T02:00:00Z';

/** A date-time read by the grammar above. */
export interface ReadDateTime {
  /** The instant, in milliseconds since the epoch. */
  readonly epochMs: number;
  /** True when the text gives its zone (`Z` or an offset); false when it is read as UTC for want of one. */
  readonly zoned: boolean;
}

/**
 * The instant an ISO 8601 date-time names, in milliseconds since the epoch, or undefined when the
 * text is not a valid date-time (a date alone, a day that the month lacks, hour 24, free text).
 */
export function parseDateTime(text: string): number | undefined {
  return readDateTime(text)?.epochMs;
}

/**
 * A date-time and whether it gives its zone, or undefined when the text is not one. A plan file asks
 * for the zone (a time written without one means different instants to different readers); code may
 * leave it out (`SeedTime.atIso`, read as UTC).
 */
export function readDateTime(text: string): ReadDateTime | undefined {
  const match = DATE_TIME.exec(String(text).trim());
  if (!match) {
    return undefined;
  }
  const [year, month, day, hour, minute] = match.slice(1, 6).map(Number);
  const second = match[6] === undefined ? 0 : Number(match[6]);
  const millis = match[7] === undefined ? 0 : Math.floor(Number(`0.${match[7]}`) * 1000);
  if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59) {
    return undefined;
  }
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > daysInMonth) {
    return undefined;
  }
  const offset = parseOffset(match[8]);
  if (offset === undefined) {
    return undefined;
  }
  const utc = new Date(0);
  utc.setUTCFullYear(year, month - 1, day);
  utc.setUTCHours(hour, minute, second, millis);
  return { epochMs: utc.getTime() - offset * 60_000, zoned: match[8] !== undefined };
}

/** The zone offset in minutes east of UTC; 0 for `Z` or no offset; undefined when out of range. */
function parseOffset(text: string | undefined): number | undefined {
  if (text === undefined || text.toUpperCase() === 'Z') {
    return 0;
  }
  const sign = text.startsWith('-') ? -1 : 1;
  const digits = text.slice(1).replace(':', '');
  const hours = Number(digits.slice(0, 2));
  const minutes = digits.length > 2 ? Number(digits.slice(2)) : 0;
  if (hours > 23 || minutes > 59) {
    return undefined;
  }
  return sign * (hours * 60 + minutes);
}
