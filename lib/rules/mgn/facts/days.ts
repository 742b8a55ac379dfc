/**
 * UTC days as the MGN pack counts them: `YYYY-MM-DD` strings, which sort and compare as text, and
 * whole-day arithmetic on them. A retirement date is the first unsupported day.
 */

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

/** The UTC day of a moment. */
export function utcDay(moment: Date): string {
  return moment.toISOString().slice(0, 10);
}

/** Days from `from` to `to` (negative when `to` is earlier); undefined when either is not a day. */
export function daysBetween(from: string, to: string): number | undefined {
  const a = dayNumber(from);
  const b = dayNumber(to);
  return a === undefined || b === undefined ? undefined : b - a;
}

/** The day `days` after `day`. */
export function addDays(day: string, days: number): string {
  const n = dayNumber(day);
  if (n === undefined) {
    throw new Error(`not a day: ${day}`);
  }
  return new Date((n + days) * MS_PER_DAY).toISOString().slice(0, 10);
}

/** Days since 1970-01-01 of a real calendar day, else undefined (2027-02-30 is not a day). */
export function dayNumber(day: string): number | undefined {
  const m = DAY.exec(day);
  if (!m) {
    return undefined;
  }
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  const back = new Date(ms);
  if (back.getUTCFullYear() !== Number(m[1]) || back.getUTCMonth() !== Number(m[2]) - 1 || back.getUTCDate() !== Number(m[3])) {
    return undefined;
  }
  return ms / MS_PER_DAY;
}

/** The later of two days. */
export function laterDay(a: string, b: string): string {
  return a >= b ? a : b;
}
