import { parse } from 'csv-parse/sync';
import * as fc from 'fast-check';
import { CSV_BOUNDS } from '../../lib/importers/import-file';
import { readPlainCsv } from '../../lib/importers/rvtools/plain-csv';
import { SheetReader } from '../../lib/importers/xlsx/sheet-reader';
import { readXml } from '../../lib/importers/xlsx/xml';

/**
 * The importers read plain text on fast paths that must give exactly what the libraries behind them
 * give, or decline and leave the text to them. Random texts, fixed seed: wherever a fast path answers,
 * its answer is the library's.
 */

const SEED = 20261205;
const RUNS = Number(process.env.FUZZ_RUNS ?? 3000);

/** What csv-parse reads with the importer's options, or the error it throws. */
function csvParse(text: string, delimiter: string): string[][] | Error {
  try {
    return parse(text, { delimiter, bom: true, relax_column_count: true, skip_empty_lines: true, ...CSV_BOUNDS }) as string[][];
  } catch (e) {
    return e as Error;
  }
}

/** Pieces that make CSV texts plain and broken alike: delimiters, quotes, every line ending, a BOM, a lone surrogate. */
const PIECE = fc.constantFrom('a', 'b', 'VM', ' ', ',', ';', '\t', '"', '""', '\n', '\r\n', '\r', 'é', '名', '\uFEFF', '\ud800', '');

/** A plain CSV: quoted or bare fields, one line ending throughout. */
const PLAIN_CSV = fc.record({
  rows: fc.array(fc.array(fc.oneof(
    fc.stringMatching(/^[A-Za-z0-9 .:-]{0,8}$/),
    fc.stringMatching(/^[A-Za-z0-9 ,;".-]{0,8}$/).map((s) => `"${s.replace(/"/g, '""')}"`),
  ), { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 8 }),
  eol: fc.constantFrom('\n', '\r\n'),
  delimiter: fc.constantFrom(',', ';'),
}).map(({ rows, eol, delimiter }) => ({ text: rows.map((r) => r.join(delimiter)).join(eol) + eol, delimiter }));

describe('the plain CSV fast path gives csv-parse\'s records or declines', () => {
  test('on texts of random pieces', () => {
    fc.assert(fc.property(fc.array(PIECE, { maxLength: 40 }), fc.constantFrom(',', ';', '\t'), (pieces, delimiter) => {
      const text = pieces.join('');
      const fast = readPlainCsv(text, delimiter, CSV_BOUNDS.to - 1, CSV_BOUNDS.max_record_size);
      if (fast !== undefined) {
        expect(fast).toEqual(csvParse(text, delimiter));
      }
    }), { seed: SEED, numRuns: RUNS });
  });

  test('on plain CSV, which it reads itself', () => {
    let answered = 0;
    fc.assert(fc.property(PLAIN_CSV, ({ text, delimiter }) => {
      const fast = readPlainCsv(text, delimiter, CSV_BOUNDS.to - 1, CSV_BOUNDS.max_record_size);
      if (fast !== undefined) {
        answered++;
        expect(fast).toEqual(csvParse(text, delimiter));
      }
    }), { seed: SEED, numRuns: RUNS });
    // The fast path is taken for plain text: otherwise this test would check nothing.
    expect(answered).toBeGreaterThan(RUNS * 0.9);
  });
});

/** Cells the fast path read in one call, over every sheet read: the test checks something only if it is taken. */
let plainCells = 0;

/** What a sheet reader makes of a worksheet's XML, read on the fast path or by saxes alone; or the error. */
function readSheet(xml: string, fast: boolean): unknown {
  let reader: SheetReader | undefined;
  try {
    readXml(Buffer.from(xml, 'utf8'), () => {
      reader = new SheetReader(['shared 0', 'shared & 1', '']);
      const cell = reader.handlers.cell;
      return cell === undefined ? reader.handlers : {
        ...reader.handlers,
        cell: (ref, type, value) => {
          plainCells++;
          cell(ref, type, value);
        },
      };
    }, { fast });
    return { header: reader?.header, headerRow: reader?.headerRow, rows: reader?.rows };
  } catch (e) {
    return { error: (e as Error).name };
  }
}

/** Cells in the forms real writers use, plain and not: shared, inline, typed, empty, escaped, odd attribute order. */
const CELL = fc.tuple(
  fc.constantFrom('', ' r="A1"', ' r="B1"', ' r="C2"', ' r="AA9"', ' r="b1"'),
  fc.constantFrom('', ' t="s"', ' t="str"', ' t="n"', ' t="b"', ' t="inlineStr"', ' t="e"'),
  fc.constantFrom('', ' s="3"'),
  fc.constantFrom('<v>0</v>', '<v>1</v>', '<v>2</v>', '<v>12.5</v>', '<v>a &amp; b</v>', '<v>&#x41;&#66;</v>', '<v></v>', '<v/>',
    '<v>x<![CDATA[<y>]]></v>', '<is><t>inline</t></is>', '<is><r><t>a</t></r><rPh><t>ph</t></rPh></is>', '', ' <v> 7 </v> '),
  fc.boolean(),
).map(([r, t, style, body, swap]) => {
  const attributes = swap ? `${style}${t}${r}` : `${r}${style}${t}`;
  return body === '' ? `<c${attributes}/>` : `<c${attributes}>${body}</c>`;
});

const SHEET = fc.array(fc.array(CELL, { maxLength: 5 }), { minLength: 1, maxLength: 6 })
  .map((rows) => '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    + '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
    + rows.map((cells, i) => `<row r="${i + 1}">${cells.join('')}</row>`).join('')
    + '</sheetData></worksheet>');

describe('the plain-cell fast path of the sheet reader gives what saxes gives', () => {
  test('on worksheets of random cells', () => {
    let withHeader = 0;
    fc.assert(fc.property(SHEET, (xml) => {
      const fast = readSheet(xml, true);
      expect(fast).toEqual(readSheet(xml, false));
      if ((fast as { header?: unknown }).header !== undefined) {
        withHeader++;
      }
    }), { seed: SEED, numRuns: RUNS });
    // Most sheets have a header row, and thousands of cells went through the fast path.
    expect(withHeader).toBeGreaterThan(RUNS / 2);
    expect(plainCells).toBeGreaterThan(RUNS);
  });
});
