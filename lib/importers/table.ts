import type * as CsvParse from 'csv-parse/sync';
import { findJsonSyntaxError } from '../plan/source/json-scan';
import { JsonLocator } from '../plan/source/json-index';
import { positionAt } from '../plan/source/text-position';
import { ImportError } from './types';
import { csvBoundsProblem, CSV_BOUNDS } from './import-file';

// csv-parse/sync is loaded when first needed, not with the library: a synth that imports nothing does not pay for it.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const csvParse = (): typeof CsvParse => require('csv-parse/sync') as typeof CsvParse;

/** One data row of a table. */
export interface TableRow {
  /** 1-based row number, the header being row 1 (for JSON, the line the object starts on). */
  readonly row: number;
  /** Cell text by normalised header (see normaliseHeader); an empty cell is absent. */
  readonly cells: ReadonlyMap<string, string>;
}

/** A CSV export, or a JSON array of flat objects, read by header name. */
export interface Table {
  readonly file: string;
  /** The headers as written (trimmed), in file order, the first of any repeated header only. */
  readonly headers: readonly string[];
  /** Normalised headers, for detection. */
  readonly keys: ReadonlySet<string>;
  readonly rows: readonly TableRow[];
  /** JSON exports (`ConvertTo-Json`) write enums as numbers, CSV exports as names. */
  readonly json: boolean;
}

/** Header text for lookup: trimmed, inner whitespace collapsed, case-folded (inventory-formats §3). */
export function normaliseHeader(header: string): string {
  return header.trim().replace(/\s+/g, ' ').toLowerCase();
}

/** The first of several headers (aliases) that has a value in the row. */
export function cell(row: TableRow, ...headers: string[]): string | undefined {
  for (const header of headers) {
    const value = row.cells.get(normaliseHeader(header));
    if (value !== undefined) {
      return value;
    }
  }
  return undefined;
}

/** True when the table has one of the headers. */
export function hasHeader(table: Table, ...headers: string[]): boolean {
  return headers.some((h) => table.keys.has(normaliseHeader(h)));
}

/** The delimiter a header line uses: the most frequent of `,` `;` and tab outside quotes (`,` on a tie or none). */
export function sniffDelimiter(headerLine: string): string {
  const counts: Record<string, number> = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  for (const c of headerLine) {
    if (c === '"') {
      quoted = !quoted;
    } else if (!quoted && c in counts) {
      counts[c]++;
    }
  }
  return [';', '\t'].reduce((best, d) => (counts[d] > counts[best] ? d : best), ',');
}

/**
 * Reads CSV text: a leading `#TYPE` line (Windows PowerShell 5.1 `Export-Csv`) is skipped, the
 * delimiter is sniffed from the header, a BOM is dropped, and reading stops at the first row whose
 * cells are all empty.
 *
 * @throws ImportError when the text has no header row or is not CSV
 */
export function parseCsvTable(file: string, text: string): Table {
  let body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (/^#TYPE\b/i.test(body)) {
    const end = body.indexOf('\n');
    body = end === -1 ? '' : body.slice(end + 1);
  }
  const firstLine = body.replace(/^(\s*\r?\n)+/, '').split(/\r?\n/, 1)[0] ?? '';
  let records: string[][];
  try {
    records = csvParse().parse(body, {
      delimiter: sniffDelimiter(firstLine),
      bom: true,
      relax_column_count: true,
      skip_empty_lines: true,
      ...CSV_BOUNDS,
    }) as string[][];
  } catch (e) {
    const bounds = csvBoundsProblem(file, undefined, e);
    if (bounds) {
      throw new ImportError([bounds]);
    }
    const error = e as { records?: number; message?: string };
    const row = typeof error.records === 'number' ? error.records + 1 : undefined;
    const message = (error.message ?? String(e)).replace(/\.$/, '');
    throw new ImportError([{ file, row, message: `not valid CSV: ${message[0].toLowerCase()}${message.slice(1)}` }]);
  }
  if (records.length === 0) {
    throw new ImportError([{ file, message: 'file has no header row' }]);
  }
  const tooMany = csvBoundsProblem(file, records);
  if (tooMany) {
    throw new ImportError([tooMany]);
  }
  const seen = new Map<string, number>();
  const headers: string[] = [];
  records[0].forEach((raw, index) => {
    const key = normaliseHeader(raw);
    if (key !== '' && !seen.has(key)) {
      seen.set(key, index);
      headers.push(raw.trim());
    }
  });
  const rows: TableRow[] = [];
  for (let r = 1; r < records.length; r++) {
    const cells = new Map<string, string>();
    for (const [key, index] of seen) {
      const value = (records[r][index] ?? '').trim();
      if (value !== '') {
        cells.set(key, value);
      }
    }
    if (cells.size === 0) {
      break;
    }
    rows.push({ row: r + 1, cells });
  }
  return { file, headers, keys: new Set(seen.keys()), rows, json: false };
}

function jsonCell(value: unknown): string | undefined {
  if (typeof value === 'string') {
    return value.trim() === '' ? undefined : value.trim();
  }
  if (typeof value === 'number' || typeof value === 'bigint') {
    return String(value);
  }
  if (typeof value === 'boolean') {
    return value ? 'True' : 'False';
  }
  // null, and nested objects and arrays (collections the export did not flatten), carry no cell.
  return undefined;
}

/**
 * Reads JSON text as `ConvertTo-Json` writes it: an array of flat objects, or one object. Nested
 * values are ignored; each row's number is the line its object starts on.
 *
 * @throws ImportError when the text is not JSON or not objects
 */
export function parseJsonTable(file: string, text: string): Table {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  let data: unknown;
  try {
    data = JSON.parse(body);
  } catch {
    throw jsonSyntaxError(file, body);
  }
  const items = Array.isArray(data) ? data : [data];
  const locator = new JsonLocator(body);
  const seen = new Map<string, string>();
  const rows: TableRow[] = [];
  items.forEach((item, index) => {
    const line = locator.valuePosition(Array.isArray(data) ? [index] : [])?.line ?? 1;
    if (item === null || typeof item !== 'object' || Array.isArray(item)) {
      throw new ImportError([{ file, row: line, message: `expected an object (one exported item), got ${describeJson(item)}` }]);
    }
    const cells = new Map<string, string>();
    for (const [name, value] of Object.entries(item as Record<string, unknown>)) {
      const key = normaliseHeader(name);
      if (!seen.has(key)) {
        seen.set(key, name.trim());
      }
      const text = jsonCell(value);
      if (text !== undefined && !cells.has(key)) {
        cells.set(key, text);
      }
    }
    rows.push({ row: line, cells });
  });
  return { file, headers: [...seen.values()], keys: new Set(seen.keys()), rows, json: true };
}

/** A JSON value's kind, for messages. */
export function describeJson(value: unknown): string {
  if (value === null) {
    return 'null';
  }
  if (Array.isArray(value)) {
    return 'an array';
  }
  return typeof value === 'object' ? 'an object' : `${typeof value} ${JSON.stringify(value)}`;
}

/** The ImportError for text JSON.parse refused, at the first syntax error's line and column. */
export function jsonSyntaxError(file: string, text: string): ImportError {
  const syntax = findJsonSyntaxError(text);
  if (!syntax) {
    return new ImportError([{ file, message: 'invalid JSON' }]);
  }
  const at = positionAt(text, syntax.offset);
  let message = `invalid JSON: ${syntax.message} (line ${at.line}, column ${at.column})`;
  if (/^[{[]/.test(text.slice(syntax.offset)) && findJsonSyntaxError(text.slice(0, syntax.offset)) === undefined) {
    message += ': the file holds several JSON documents one after another; put them in one JSON array';
  }
  return new ImportError([{ file, row: at.line, message }]);
}

/** True when the text (after a BOM and white space) starts as JSON does: `{` or `[`. */
export function looksLikeJson(text: string): boolean {
  return /^\uFEFF?\s*[{[]/.test(text);
}
