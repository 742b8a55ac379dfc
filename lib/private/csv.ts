/**
 * CSV as RFC 4180 writes it: fields separated by commas, records ended by CRLF, and a field quoted
 * when it holds a comma, a double quote, a CR or a LF, with each double quote inside doubled.
 *
 * The files are opened in spreadsheets, so a field is also made safe to open there: one that starts
 * like a formula gets a leading single quote, and control characters are written visibly.
 */
import { visibleControls } from './visible-controls';

const CRLF = '\r\n';
const NEEDS_QUOTES = /[",\r\n]/;

/**
 * What a spreadsheet reads as the start of a formula (`=`, `+`, `-`, `@`, or a tab or CR before one):
 * OWASP's list for CSV injection (https://owasp.org/www-community/attacks/CSV_Injection).
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One field, quoted only when it has to be. A field that starts like a formula (a connector named
 * `=HYPERLINK(...)`) starts with a single quote instead, which spreadsheets show as text; control
 * characters are written as visible `\uXXXX` escapes, as the reports write them.
 */
export function csvField(value: string): string {
  const text = visibleControls(FORMULA_START.test(value) ? `'${value}` : value);
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A whole file: the header record, then one record per row, every record ended by CRLF. */
export function csvDocument(header: string[], rows: string[][]): string {
  return [header, ...rows].map((record) => record.map(csvField).join(',') + CRLF).join('');
}
