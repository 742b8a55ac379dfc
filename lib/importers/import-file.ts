import * as fs from 'fs';
import { ImportError, ImportIssue, ImportWarning } from './types';
import { describeFsError } from '../private/fs-errors';

/** The largest export an importer reads: 256 MiB, as for plan files. */
export const MAX_IMPORT_BYTES = 256 * 1024 * 1024;

/** The most data rows a CSV export may hold: as many as an Excel sheet (1,048,576 rows, the header among them). */
export const MAX_TABLE_ROWS = 1_048_575;

/** The longest CSV record read, in characters: a row of an export is a few kilobytes at most. */
export const MAX_RECORD_CHARS = 1024 * 1024;

/** CSV parsing options that bound the work: stop one record past the row limit, refuse an endless record. */
export const CSV_BOUNDS = { to: MAX_TABLE_ROWS + 2, max_record_size: MAX_RECORD_CHARS } as const;

/**
 * The problem with CSV records read with CSV_BOUNDS (undefined when they are within the limits), or with
 * csv-parse's error for a record over MAX_RECORD_CHARS.
 */
export function csvBoundsProblem(file: string, records: readonly unknown[] | undefined, error?: unknown): ImportIssue | undefined {
  if ((error as { code?: string } | undefined)?.code === 'CSV_MAX_RECORD_SIZE') {
    const row = (error as { records?: number }).records;
    return { file, ...(typeof row === 'number' ? { row: row + 1 } : {}),
      message: `a row is longer than ${MAX_RECORD_CHARS} characters, far more than any export writes: the file is not an export (or a quote is never closed)` };
  }
  if (records !== undefined && records.length > MAX_TABLE_ROWS + 1) {
    return { file, message: `the file has more than ${MAX_TABLE_ROWS} rows, the most an export may hold (as many as an Excel sheet): split it` };
  }
  return undefined;
}

/**
 * Why a file cannot be imported before it is even opened: missing, a directory (unless
 * `allowDirectory`: the RVTools importer reads a folder of CSVs), empty, or too large. Undefined when
 * it can be read. The CLI checks every file this way first, so that every importer reports these the
 * same way and all of them at once.
 */
export function importFileProblem(file: string, allowDirectory = false): ImportIssue | undefined {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch (error) {
    return { file, message: describeFsError(error, 'export file') };
  }
  if (stat.isDirectory()) {
    return allowDirectory ? undefined : { file, message: 'is a directory, not an export file' };
  }
  if (stat.isFile() && stat.size === 0) {
    return { file, message: 'file is empty (0 bytes)' };
  }
  if (stat.isFile() && stat.size > MAX_IMPORT_BYTES) {
    return { file, message: `file is ${stat.size} bytes, above the ${MAX_IMPORT_BYTES} bytes an export may hold` };
  }
  return undefined;
}

/** An export's text, and what reading it had to assume. */
export interface ImportText {
  readonly text: string;
  /** A file read as Windows-1252 because it is not UTF-8 (Windows PowerShell 5.1 `-Encoding Default`). */
  readonly warnings: ImportWarning[];
}

/** True when every other byte is zero, as in UTF-16LE text of ASCII characters written without a BOM. */
function looksUtf16Le(bytes: Buffer): boolean {
  const n = Math.min(bytes.length - (bytes.length % 2), 200);
  if (n < 4) {
    return false;
  }
  for (let i = 0; i < n; i += 2) {
    if (bytes[i + 1] !== 0 || bytes[i] === 0) {
      return false;
    }
  }
  return true;
}

/**
 * Reads an export as text. Windows tools write several encodings, so this takes UTF-8 with or without
 * a BOM, UTF-16 with a BOM (what `>` writes in Windows PowerShell 5.1) or without one, and, for a file
 * that is not valid UTF-8, Windows-1252 (with a warning). Archives and binary files are refused.
 *
 * @throws ImportError when the file cannot be read, is empty, or is not text
 */
export function readImportText(file: string): ImportText {
  const problem = importFileProblem(file);
  if (problem) {
    throw new ImportError([problem]);
  }
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch (error) {
    throw new ImportError([{ file, message: describeFsError(error, 'export file') }]);
  }
  return decodeImportBytes(file, bytes);
}

/** Decodes the bytes of an export (see readImportText). */
export function decodeImportBytes(file: string, bytes: Buffer): ImportText {
  const refuse = (message: string): never => {
    throw new ImportError([{ file, message }]);
  };
  if (bytes.length === 0) {
    refuse('file is empty (0 bytes)');
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), warnings: [] };
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), warnings: [] };
  }
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) {
    refuse('file is a zip archive or an Excel workbook, not a CSV or JSON export');
  }
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) {
    refuse('file is a gzip archive, not a CSV or JSON export: decompress it first');
  }
  if (looksUtf16Le(bytes)) {
    return { text: new TextDecoder('utf-16le').decode(bytes), warnings: [] };
  }
  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    refuse(`file is binary (it holds a NUL byte at offset ${nul}), not a CSV or JSON export`);
  }
  const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(start)), warnings: [] };
  } catch {
    return {
      text: new TextDecoder('windows-1252').decode(bytes),
      warnings: [{ file, message: 'file is not UTF-8: read as Windows-1252 (save it as UTF-8 if names look wrong)' }],
    };
  }
}
