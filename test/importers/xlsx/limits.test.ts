import { strToU8, zipSync } from 'fflate';
import { ImportError } from '../../../lib/importers/types';
import { MAX_CELL_CHARS, XlsxWorkbook } from '../../../lib/importers/xlsx/xlsx-reader';

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG = 'http://schemas.openxmlformats.org/package/2006/relationships';

/** A workbook of one sheet (vInfo) with these rows, and these shared strings. */
function workbook(rows: string, sharedStrings?: string): Uint8Array {
  return zipSync({
    '_rels/.rels': strToU8(`<Relationships xmlns="${PKG}"><Relationship Id="r1" Type="${R}/officeDocument" Target="xl/workbook.xml"/></Relationships>`),
    'xl/workbook.xml': strToU8(`<workbook xmlns="${MAIN}" xmlns:r="${R}"><sheets><sheet name="vInfo" sheetId="1" r:id="rIdA"/></sheets></workbook>`),
    'xl/_rels/workbook.xml.rels': strToU8(`<Relationships xmlns="${PKG}"><Relationship Id="rIdA" Type="${R}/worksheet" Target="worksheets/sheet1.xml"/>`
      + (sharedStrings ? `<Relationship Id="rIdS" Type="${R}/sharedStrings" Target="sharedStrings.xml"/>` : '') + '</Relationships>'),
    'xl/worksheets/sheet1.xml': strToU8(`<worksheet xmlns="${MAIN}"><sheetData>${rows}</sheetData></worksheet>`),
    ...(sharedStrings ? { 'xl/sharedStrings.xml': strToU8(sharedStrings) } : {}),
  });
}

/** The message of the ImportError that reading the only sheet throws. */
function refusal(data: Uint8Array): string {
  try {
    const book = XlsxWorkbook.open(data, 'RVTools.xlsx');
    book.readSheet(book.sheets[0]);
  } catch (e) {
    expect(e).toBeInstanceOf(ImportError);
    return (e as ImportError).message;
  }
  throw new Error('the workbook was read');
}

describe('xlsx cell limits', () => {
  test('refuses a shared string longer than Excel allows in a cell, before keeping it', () => {
    // GIVEN one shared string of 40,000 characters (the fuzzed file held one of 500 MiB)
    const strings = `<sst xmlns="${MAIN}"><si><t>VM</t></si><si><t>${'x'.repeat(40_000)}</t></si></sst>`;
    const rows = '<row r="1"><c r="A1" t="s"><v>0</v></c></row><row r="2"><c r="A2" t="s"><v>1</v></c></row>';
    // WHEN / THEN
    expect(refusal(workbook(rows, strings))).toBe('RVTools.xlsx: a shared string (in "xl/sharedStrings.xml") holds more than 32767 characters, '
      + 'the most Excel allows in a cell: the file is not a workbook RVTools or Excel wrote');
  });

  test('refuses an inline cell longer than Excel allows, naming the sheet and row', () => {
    // GIVEN
    const rows = '<row r="1"><c r="A1" t="inlineStr"><is><t>VM</t></is></c></row>'
      + `<row r="2"><c r="A2" t="inlineStr"><is><t>${'y'.repeat(MAX_CELL_CHARS + 1)}</t></is></c></row>`;
    // WHEN / THEN
    expect(refusal(workbook(rows))).toBe('RVTools.xlsx[vInfo]:2: a cell holds more than 32767 characters, the most Excel allows in a cell: '
      + 'the file is not a workbook RVTools or Excel wrote');
  });

  test('reads a cell of exactly the limit', () => {
    // GIVEN
    const rows = `<row r="1"><c r="A1" t="inlineStr"><is><t>VM</t></is></c></row><row r="2"><c r="A2" t="inlineStr"><is><t>${'z'.repeat(MAX_CELL_CHARS)}</t></is></c></row>`;
    // WHEN
    const book = XlsxWorkbook.open(workbook(rows), 'RVTools.xlsx');
    const table = book.readSheet(book.sheets[0]);
    // THEN
    expect(table.rows[0].cells[0]).toHaveLength(MAX_CELL_CHARS);
  });
});
