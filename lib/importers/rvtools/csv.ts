import type * as CsvParse from 'csv-parse/sync';
import { ImportError } from '../types';
import { decodeText } from './file-kind';
import { HeaderMap } from './headers';
import { TableRow } from './tabs';
import { csvBoundsProblem, CSV_BOUNDS } from '../import-file';
import { readPlainCsv } from './plain-csv';

// csv-parse/sync is loaded when first needed, not with the library: a synth that imports nothing does not pay for it.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const csvParse = (): typeof CsvParse => require('csv-parse/sync') as typeof CsvParse;

/**
 * RVTools CSV exports (one file per tab): the delimiter is sniffed from the header row among `,`, `;`
 * and tab (locales whose decimal separator is a comma export with `;`), a UTF-8 or UTF-16 byte order
 * mark is dropped, and quoted values may hold delimiters, doubled quotes and newlines.
 */

/** A CSV file's header and data rows, up to the first fully empty row. */
export interface CsvContent {
  readonly headers: HeaderMap;
  readonly rows: readonly TableRow[];
  readonly delimiter: string;
}

const DELIMITERS = [',', ';', '\t'];

/**
 * The delimiter of the header row: the one of `,` `;` tab found most often outside quotes before the
 * first line break (a comma wins a tie; a single-column file is comma-separated).
 */
export function sniffDelimiter(text: string): string {
  const counts = new Map<string, number>(DELIMITERS.map((d) => [d, 0]));
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"') {
      quoted = !quoted;
    } else if (!quoted && (ch === '\n' || ch === '\r')) {
      break;
    } else if (!quoted && counts.has(ch)) {
      counts.set(ch, counts.get(ch)! + 1);
    }
  }
  let best = ',';
  for (const d of DELIMITERS) {
    if (counts.get(d)! > counts.get(best)!) {
      best = d;
    }
  }
  return best;
}

/**
 * Reads a CSV export. Row numbers count records, the header being row 1 (a quoted newline does not
 * start a new row).
 *
 * @throws ImportError when the text is not valid CSV
 */
export function readCsv(data: Uint8Array, file: string): CsvContent {
  const text = decodeText(data);
  const delimiter = sniffDelimiter(text);
  // Plain CSV is read by readPlainCsv, which gives csv-parse's records; anything else by csv-parse.
  let records = readPlainCsv(text, delimiter, CSV_BOUNDS.to - 1, CSV_BOUNDS.max_record_size);
  try {
    records ??= csvParse().parse(text, { delimiter, bom: true, relax_column_count: true, skip_empty_lines: true, ...CSV_BOUNDS }) as string[][];
  } catch (err) {
    throw new ImportError([csvBoundsProblem(file, undefined, err) ?? { file, message: `not valid CSV (${(err as Error).message})` }]);
  }
  const bounds = csvBoundsProblem(file, records);
  if (bounds) {
    throw new ImportError([bounds]);
  }
  const [header = [], ...data_] = records;
  const rows: TableRow[] = [];
  for (let i = 0; i < data_.length; i++) {
    const cells = data_[i];
    if (!cells.some((c) => c.trim() !== '')) {
      // The first fully empty row ends the table (Excel pads re-saved exports with `,,,` rows).
      break;
    }
    rows.push({ row: i + 2, cells });
  }
  return { headers: new HeaderMap(header), rows, delimiter };
}
