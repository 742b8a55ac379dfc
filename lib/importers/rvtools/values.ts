/**
 * Cell values as RVTools writes them (inventory-formats.md §5): text in CSV, numbers and booleans in
 * raw workbooks, and the same values re-typed by whoever re-saved the file.
 */

const MIB_PER_GIB = 1024;

/** Trims a cell; an empty cell is undefined (an unknown, never a default). */
export function parseText(cell: string | undefined): string | undefined {
  if (cell == null) {
    return undefined;
  }
  const text = cell.trim();
  return text === '' ? undefined : text;
}

const TRUE_WORDS: ReadonlySet<string> = new Set(['true', 'yes', '1']);
const FALSE_WORDS: ReadonlySet<string> = new Set(['false', 'no', '0']);

/**
 * A boolean cell: `True`/`False` (raw RVTools and CSV), `TRUE`/`FALSE` (re-saved), `Yes`/`No`, or an
 * xlsx boolean (the reader gives `TRUE`/`FALSE`). Empty or anything else is undefined.
 */
export function parseBoolean(cell: string | undefined): boolean | undefined {
  const text = parseText(cell)?.toLowerCase();
  if (text === undefined) {
    return undefined;
  }
  if (TRUE_WORDS.has(text)) {
    return true;
  }
  return FALSE_WORDS.has(text) ? false : undefined;
}

/** Digits in groups of three after one to three leading digits: `16,384`, `1.048.576`, `16 384`. */
const GROUPED = /^\d{1,3}(?:([,.\u00a0\u202f ']))\d{3}(?:\1\d{3})*$/;
/** A plain number with at most one decimal separator, either `.` or `,`: `512`, `0.5`, `1,5`. */
const PLAIN = /^\d+(?:[.,]\d+)?$/;

/**
 * A number as RVTools cells hold it: an xlsx number (`16384`, `0.5`), or CSV text that may carry
 * thousands separators (`"16,384"`, `16.384` from a locale that groups with dots, `16 384`).
 *
 * A value whose separators make three-digit groups is read as grouped: in these columns (whole MiB)
 * `16.384` is sixteen thousand, not sixteen. Anything else that is not a plain number is undefined.
 */
export function parseNumber(cell: string | undefined): number | undefined {
  const text = parseText(cell);
  if (text === undefined) {
    return undefined;
  }
  const negative = text.startsWith('-');
  const digits = negative ? text.slice(1) : text;
  let value: number | undefined;
  if (GROUPED.test(digits)) {
    value = Number(digits.replace(/[^\d]/g, ''));
  } else if (PLAIN.test(digits)) {
    value = Number(digits.replace(',', '.'));
  } else if (/^\d+(?:\.\d+)?e[+-]?\d+$/i.test(digits)) {
    // An xlsx number cell can be written in exponent form.
    value = Number(digits);
  }
  if (value === undefined || !Number.isFinite(value)) {
    return undefined;
  }
  return negative ? -value : value;
}

/**
 * A size in MiB (RVTools' `… MiB` columns, and the same binary MiB under their pre-4.1.2 `… MB`
 * names) as GiB. Undefined when the cell is empty, not a number, or negative.
 */
export function mibToGiB(cell: string | undefined): number | undefined {
  const mib = parseNumber(cell);
  if (mib === undefined || mib < 0) {
    return undefined;
  }
  return mib / MIB_PER_GIB;
}

/** A list cell (`IPv4 Address`, `Disk Path`): values joined with `, ` (some tools use `;` or newlines). */
export function splitList(cell: string | undefined): string[] {
  const text = parseText(cell);
  if (text === undefined) {
    return [];
  }
  return text.split(/[,;\s]+/).filter((item) => item !== '');
}

const IPV4 = /^(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(?:\.(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;
const IPV6 = /^[0-9a-f:.]+(?:%[\w.-]+)?$/i;

/** The form of an address: `ipv4`, `ipv6`, or undefined for something that is neither. */
export function addressForm(address: string): 'ipv4' | 'ipv6' | undefined {
  const text = address.replace(/\/\d+$/, '');
  if (IPV4.test(text)) {
    return 'ipv4';
  }
  return text.includes(':') && IPV6.test(text) && (text.match(/::/g) ?? []).length <= 1 ? 'ipv6' : undefined;
}

/**
 * A vSphere version from text such as `VMware ESXi 6.7.0 build-16316930` or `6.5.0`: the first
 * dotted number (`6.7.0`). Undefined when there is none.
 */
export function dottedVersion(cell: string | undefined): string | undefined {
  const match = parseText(cell)?.match(/(\d+(?:\.\d+)+)/);
  return match ? match[1] : undefined;
}
