import { parse } from 'csv-parse/sync';
import * as fc from 'fast-check';
import { CSV_BOUNDS } from '../../lib/importers/import-file';
import { readPlainCsv } from '../../lib/importers/rvtools/plain-csv';

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
