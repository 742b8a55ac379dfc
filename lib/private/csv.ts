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
  return quotedField(visibleControls(FORMULA_START.test(value) ? `'${value}` : value));
}

/**
 * One field exactly as given, quoted only when RFC 4180 needs it: for files a program reads back
 * value for value (an MGN import), where a spreadsheet's quote or an escape would change the value.
 */
export function quotedField(value: string): string {
  return NEEDS_QUOTES.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** A whole file: the header record, then one record per row, every record ended by CRLF. */
export function csvDocument(header: string[], rows: string[][], field: (value: string) => string = csvField): string {
  return [header, ...rows].map((record) => record.map(field).join(',') + CRLF).join('');
}
