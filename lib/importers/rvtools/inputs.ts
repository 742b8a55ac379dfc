import * as fs from 'fs';
import * as path from 'path';
import { ImportError, ImportIssue } from '../types';
import { XlsxWorkbook, ZipLimits } from '../xlsx';
import { readCsv } from './csv';
import { FileKind, fileKind } from './file-kind';
import { listHeaders, nearHeader } from './headers';
import { expectedColumns, missingColumns, missingOptionalColumns, missingOptionalWarning } from './columns';
import { dbColumnTab, isOtherTab, READ_TABS, RvTab, Table, tableOfSheet, tabByHeaders, tabByName, tabInFileName } from './tabs';
import { Warnings } from './warnings';
import { appendAll } from '../../private/arrays';

/**
 * Turns the files given to the importer into tables by tab: one xlsx workbook, or CSV exports (one
 * per tab, from the file name or the headers). Every structural problem of every file is collected
 * before anything is thrown, so one run reports them all.
 */

/** The tables of each tab, in file order. */
export type TablesByTab = Map<RvTab, Table[]>;

interface Loaded {
  readonly file: string;
  /** The file's bytes, dropped once the file is read: the tables hold what is needed of them. */
  data: Uint8Array | undefined;
  readonly kind: FileKind;
}

/** A loaded file whose bytes are at hand, being read. */
type Reading = Loaded & { readonly data: Uint8Array };

const XLSX_EXTENSIONS = /\.(xlsx|xlsm)$/i;

/** The files a path stands for: the path itself, or the `.csv` and `.xlsx` files of a folder. */
function expand(file: string): string[] {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    return [file];
  }
  if (!stat.isDirectory()) {
    return [file];
  }
  return fs.readdirSync(file).filter((name) => /\.(csv|xlsx|xlsm)$/i.test(name)).sort().map((name) => path.join(file, name));
}

function load(file: string, issues: ImportIssue[]): Loaded | undefined {
  let data: Uint8Array;
  try {
    data = fs.readFileSync(file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    issues.push({ file, message: code === 'ENOENT' ? 'no such file' : `cannot be read (${(err as Error).message})` });
    return undefined;
  }
  const kind = fileKind(data);
  const problem = {
    [FileKind.EMPTY]: 'the file is empty (0 bytes)',
    [FileKind.ENCRYPTED_OOXML]: 'the workbook is password-protected (encrypted): save it again without a password, or export CSV',
    [FileKind.LEGACY_XLS]: 'this is a legacy Excel 97-2003 workbook (.xls, an OLE compound file): save it as .xlsx, or export CSV',
    [FileKind.OTHER_OLE]: 'this is an OLE compound file (such as a Word or Outlook file), not an xlsx workbook or a CSV file',
    [FileKind.BINARY]: 'this is neither an xlsx workbook nor a CSV file (it is binary and not a zip archive)',
    [FileKind.ZIP]: undefined,
    [FileKind.TEXT]: XLSX_EXTENSIONS.test(file) ? 'the file is named .xlsx but holds text, not a zip archive: it is not an xlsx workbook' : undefined,
  }[kind];
  if (problem !== undefined) {
    issues.push({ file, message: problem });
    return undefined;
  }
  return { file, data, kind };
}

/**
 * Checks a table's required columns and `-DBColumnNames` headers; pushes issues, true when usable. A usable
 * table that lacks optional columns gets one warning naming them all.
 */
function checkColumns(tab: RvTab, table: Table, issues: ImportIssue[], warnings: Warnings): boolean {
  const db = dbColumnTab(table.headers);
  if (db !== undefined) {
    issues.push({ file: table.file, sheet: table.sheet, row: table.headerRow, message: `the headers are RVTools database column names (${listHeaders(table.headers.found().slice(0, 3))}, …): `
      + 'export again without -DBColumnNames' });
    return false;
  }
  const missing = missingColumns(tab, table.headers);
  for (const header of missing) {
    const near = nearHeader(header, table.headers.found());
    issues.push({
      file: table.file, sheet: table.sheet, row: table.headerRow, header,
      message: `required ${tab} column is missing${near ? ` (renamed to "${near}"?)` : ''}; the headers found are ${listHeaders(table.headers.found())}`
        + `; ${expectedColumns(tab)}`,
    });
  }
  if (missing.length > 0) {
    return false;
  }
  const optional = missingOptionalColumns(tab, table.headers);
  if (optional.length > 0) {
    warnings.table(table, missingOptionalWarning(tab, optional));
  }
  return true;
}

function add(tables: TablesByTab, tab: RvTab, table: Table): void {
  tables.set(tab, [...(tables.get(tab) ?? []), table]);
}

function readWorkbook(loaded: Reading, limits: ZipLimits | undefined, tables: TablesByTab, issues: ImportIssue[], warnings: Warnings): void {
  const workbook = XlsxWorkbook.open(loaded.data, loaded.file, limits);
  for (const tab of READ_TABS) {
    const sheet = workbook.sheet(tab);
    if (sheet === undefined) {
      if (tab === RvTab.VINFO) {
        issues.push({ file: loaded.file, message: `the workbook has no vInfo sheet, so it is not an RVTools export (sheets: ${listHeaders(workbook.sheets.map((s) => s.name))})` });
        return;
      }
      warnings.file(loaded.file, `no ${tab} sheet: ${WHAT_IS_LOST[tab]}`);
      continue;
    }
    const table = tableOfSheet(workbook.readSheet(sheet));
    if (table.headers.found().length === 0) {
      if (tab === RvTab.VINFO) {
        issues.push({ file: loaded.file, sheet: sheet.name, message: 'the vInfo sheet is empty (no header row)' });
      } else {
        warnings.table(table, `the ${tab} sheet is empty: ${WHAT_IS_LOST[tab]}`);
      }
      continue;
    }
    if (checkColumns(tab, table, issues, warnings)) {
      add(tables, tab, table);
    }
  }
}

/** What the importer cannot tell without a tab, for warnings. */
const WHAT_IS_LOST: Readonly<Record<RvTab, string>> = {
  [RvTab.VINFO]: 'VMs are not imported',
  [RvTab.VDISK]: 'disks are not imported',
  [RvTab.VPARTITION]: 'volumes are not imported',
  [RvTab.VNETWORK]: 'NICs are not imported',
  [RvTab.VHOST]: 'ESXi versions are not imported',
  [RvTab.VSOURCE]: 'the vCenters are taken from "VI SDK Server", their versions from the major.minor of "VI SDK API Version" (RVTools before 4.3.1)',
};

function readCsvExport(loaded: Reading, tables: TablesByTab, issues: ImportIssue[], warnings: Warnings): void {
  const content = readCsv(loaded.data, loaded.file);
  const named = tabInFileName(path.basename(loaded.file));
  const byName = named === undefined ? undefined : tabByName(named);
  const byHeaders = tabByHeaders(content.headers);
  const table = (tab: string): Table => ({ file: loaded.file, sheet: tab, headers: content.headers, headerRow: 1, rows: content.rows });
  if (byName !== undefined) {
    if (byHeaders !== undefined && byHeaders !== byName) {
      issues.push({ file: loaded.file, sheet: byName, row: 1,
        message: `the file name says it is the ${byName} tab, but its headers are those of ${byHeaders}` });
      return;
    }
    if (checkColumns(byName, table(byName), issues, warnings)) {
      add(tables, byName, table(byName));
    }
    return;
  }
  if (named !== undefined && isOtherTab(named)) {
    if (byHeaders !== undefined) {
      issues.push({ file: loaded.file, sheet: named, row: 1,
        message: `the file name says it is the ${named} tab, but its headers are those of ${byHeaders}` });
    } else {
      warnings.file(loaded.file, `the ${named} tab is not read by this importer: file skipped`);
    }
    return;
  }
  if (byHeaders === undefined) {
    const db = dbColumnTab(content.headers);
    issues.push({ file: loaded.file, row: 1, message: db !== undefined
      ? `the headers are RVTools database column names (${db}…): export again without -DBColumnNames`
      : `the headers are not those of an RVTools tab this importer reads (${READ_TABS.join(', ')}); the headers found are `
        + listHeaders(content.headers.found()) });
    return;
  }
  if (checkColumns(byHeaders, table(byHeaders), issues, warnings)) {
    add(tables, byHeaders, table(byHeaders));
  }
}

/**
 * Reads the files into tables by tab.
 *
 * @throws ImportError with every structural problem found
 */
export function readInputs(files: readonly string[], warnings: Warnings, limits?: ZipLimits): TablesByTab {
  const issues: ImportIssue[] = [];
  const paths = files.flatMap(expand);
  if (paths.length === 0) {
    throw new ImportError([{ file: files[0] ?? '(none)', message: 'no RVTools file given: give one .xlsx workbook or the .csv exports of its tabs' }]);
  }
  const loaded = paths.map((file) => load(file, issues)).filter((l): l is Loaded => l !== undefined);
  const workbooks = loaded.filter((l) => l.kind === FileKind.ZIP);
  const csvs = loaded.filter((l) => l.kind === FileKind.TEXT);
  if (workbooks.length > 0 && csvs.length > 0) {
    issues.push({ file: csvs[0].file, message: `CSV exports cannot be mixed with an xlsx workbook (${workbooks[0].file}): give one workbook, or only CSV files` });
  }
  if (workbooks.length > 1) {
    issues.push({ file: workbooks[1].file, message: `only one workbook can be imported at a time (also given: ${workbooks[0].file})` });
  }
  const tables: TablesByTab = new Map();
  // Mixed or several workbooks: which data to read is unclear, so nothing is read.
  if (workbooks.length <= 1 && (workbooks.length === 0 || csvs.length === 0)) {
    for (const file of loaded) {
      const data = file.data!;
      // Every export read so far stays in memory as tables: its bytes need not as well.
      file.data = undefined;
      try {
        if (file.kind === FileKind.ZIP) {
          readWorkbook({ ...file, data }, limits, tables, issues, warnings);
        } else {
          readCsvExport({ ...file, data }, tables, issues, warnings);
        }
      } catch (err) {
        if (!(err instanceof ImportError)) {
          throw err;
        }
        appendAll(issues, err.issues);
      }
    }
    if (csvs.length > 0 && issues.length === 0) {
      const vinfo = tables.get(RvTab.VINFO);
      if (vinfo === undefined) {
        issues.push({ file: csvs[0].file, message: 'none of the CSV files is a vInfo export, and the VMs come from vInfo' });
      } else {
        for (const tab of READ_TABS.filter((t) => !tables.has(t))) {
          warnings.file(vinfo[0].file, `no ${tab} export among the CSV files: ${WHAT_IS_LOST[tab]}`);
        }
      }
    }
  }
  if (issues.length > 0) {
    throw new ImportError(issues);
  }
  return tables;
}
