/**
 * ISO 8601 date-time parsing, strict: `2024-05-01T06:00:00Z`, `2024-05-01T08:00+02:00`,
 * `2024-05-01T06:00:00.250Z`. A date-time without a zone is read as UTC, as the construct's
 * `SeedTime.atIso` documents (never as the local time of wherever the code runs). `Date.parse` alone is
 * too lenient: it rolls `02-30` into March.
 */
const ISO_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:?\d{2})?$/;

/** Epoch milliseconds of an ISO 8601 date-time (UTC when it has no zone), or undefined when `text` is not one. */
export function parseIsoDateTime(text: string): number | undefined {
  const m = ISO_DATE_TIME.exec(text.trim());
  if (!m) {
    return undefined;
  }
  const [year, month, day, hour, minute] = [m[1], m[2], m[3], m[4], m[5]].map(Number);
  const second = m[6] === undefined ? 0 : Number(m[6]);
  const millis = m[7] === undefined ? 0 : Math.floor(Number(`0.${m[7]}`) * 1000);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month) || hour > 23 || minute > 59 || second > 59) {
    return undefined;
  }
  const offsetMinutes = zoneOffsetMinutes(m[8]);
  if (offsetMinutes === undefined) {
    return undefined;
  }
  return Date.UTC(year, month - 1, day, hour, minute, second, millis) - offsetMinutes * 60_000;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function zoneOffsetMinutes(zone: string | undefined): number | undefined {
  if (zone === undefined || zone === 'Z') {
    return 0;
  }
  const digits = zone.slice(1).replace(':', '');
  const hours = Number(digits.slice(0, 2));
  const minutes = Number(digits.slice(2));
  if (hours > 23 || minutes > 59) {
    return undefined;
  }
  return (zone[0] === '-' ? -1 : 1) * (hours * 60 + minutes);
}
