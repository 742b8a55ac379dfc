/**
 * CSV as RFC 4180 writes it: fields separated by commas, records ended by CRLF, and a field quoted
 * when it holds a comma, a double quote, a CR or a LF, with each double quote inside doubled.
 */

const CRLF = '\r\n';
const NEEDS_QUOTES = /[",\r\n]/;

/** One field, quoted only when it has to be. */
export function csvField(value: string): string {
  return NEEDS_QUOTES.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** A whole file: the header record, then one record per row, every record ended by CRLF. */
export function csvDocument(header: string[], rows: string[][]): string {
  return [header, ...rows].map((record) => record.map(csvField).join(',') + CRLF).join('');
}
