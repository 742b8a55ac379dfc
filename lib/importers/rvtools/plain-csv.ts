/**
 * A fast reader for plain CSV, the text RVTools writes: one line ending used throughout, fields
 * quoted only as a whole, doubled quotes inside quoted fields. csv-parse, which reads every byte
 * through its state machine, took three seconds over the tab exports of 10,000 VMs; this splits
 * lines and fields with indexOf and split.
 *
 * It gives exactly the records csv-parse gives with the importer's options (the delimiter, `bom`,
 * `relax_column_count`, `skip_empty_lines`, CSV_BOUNDS), or declines (undefined) whenever the text
 * is anything else: mixed or bare-`\r` line endings, a quote inside an unquoted field, text after a
 * closing quote, an unclosed quote, a byte order mark left in the text, an ill-formed UTF-16 string,
 * a record near the size limit, rows near the row limit. csv-parse then reads the text as before, so
 * every unusual file, and every error message, is still csv-parse's.
 */

const QUOTE = 0x22;

/** Where csv-parse would find records and what it would discover as the line ending; undefined when mixed. */
function lineEnding(text: string): string | undefined {
  if (text.indexOf('\r') < 0) {
    return '\n';
  }
  // Every `\r` must start a `\r\n` and every `\n` end one: csv-parse takes the first line ending it
  // meets outside quotes for the only one, which is then the same wherever it is met.
  for (let at = text.indexOf('\r'); at >= 0; at = text.indexOf('\r', at + 1)) {
    if (text.charCodeAt(at + 1) !== 0x0a) {
      return undefined;
    }
  }
  for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) {
    if (text.charCodeAt(at - 1) !== 0x0d) {
      return undefined;
    }
  }
  return '\r\n';
}

/**
 * The records of a CSV text as csv-parse reads them with a one-character `delimiter`, skipping empty
 * lines; undefined when the text is not plain (see above), or holds `maxRecords` records or more, or
 * a record of more than `maxRecordBytes / 3` characters (csv-parse counts UTF-8 bytes, at most three
 * a character).
 */
export function readPlainCsv(text: string, delimiter: string, maxRecords: number, maxRecordBytes: number): string[][] | undefined {
  // isWellFormed (ES2024) is in Node.js 20: csv-parse reads UTF-8 bytes, which turn a lone surrogate into U+FFFD.
  const wellFormed = (text as { isWellFormed?: () => boolean }).isWellFormed;
  if (delimiter.length !== 1 || text.charCodeAt(0) === 0xfeff || wellFormed === undefined || !wellFormed.call(text)) {
    return undefined;
  }
  const eol = lineEnding(text);
  if (eol === undefined) {
    return undefined;
  }
  const maxChars = Math.floor(maxRecordBytes / 3);
  const records: string[][] = [];
  const n = text.length;
  let pos = 0;
  // The next quote, remembered: searching from every line would run to the end of a file that has few.
  let quote = -1;
  while (pos < n) {
    let lineEnd = text.indexOf(eol, pos);
    if (lineEnd < 0) {
      lineEnd = n;
    }
    if (lineEnd === pos) {
      pos += eol.length;
      continue;
    }
    if (quote !== n && quote < pos) {
      quote = text.indexOf('"', pos);
      quote = quote < 0 ? n : quote;
    }
    let end: number;
    if (quote >= lineEnd) {
      records.push(text.slice(pos, lineEnd).split(delimiter));
      end = lineEnd;
    } else {
      const record: string[] = [];
      end = readQuotedRecord(text, pos, delimiter, eol, record);
      if (end < 0) {
        return undefined;
      }
      records.push(record);
    }
    if (end - pos > maxChars || records.length >= maxRecords) {
      return undefined;
    }
    pos = end + eol.length;
  }
  return records;
}

/**
 * Reads one record that holds a quote, from `start`, into `record`: the offset of its line ending
 * (or of the end of the text), or -1 when the record is not plain CSV.
 */
function readQuotedRecord(text: string, start: number, delimiter: string, eol: string, record: string[]): number {
  const n = text.length;
  let i = start;
  for (;;) {
    let next: number;
    if (text.charCodeAt(i) === QUOTE) {
      let value = '';
      let from = i + 1;
      for (;;) {
        const close = text.indexOf('"', from);
        if (close < 0) {
          return -1;
        }
        if (text.charCodeAt(close + 1) === QUOTE) {
          value += text.slice(from, close + 1);
          from = close + 2;
          continue;
        }
        value += text.slice(from, close);
        next = close + 1;
        break;
      }
      record.push(value);
    } else {
      let fieldEnd = text.indexOf(delimiter, i);
      const lineEnd = text.indexOf(eol, i);
      if (fieldEnd < 0 || (lineEnd >= 0 && lineEnd < fieldEnd)) {
        fieldEnd = lineEnd < 0 ? n : lineEnd;
      }
      const value = text.slice(i, fieldEnd);
      if (value.includes('"')) {
        return -1;
      }
      record.push(value);
      next = fieldEnd;
    }
    if (next >= n || text.startsWith(eol, next)) {
      return next;
    }
    if (text.charCodeAt(next) !== delimiter.charCodeAt(0)) {
      return -1;
    }
    i = next + 1;
  }
}
