import { strToU8, zipSync } from 'fflate';
import { fastScan } from '../../../lib/importers/xlsx/fast-xml';
import { columnIndex, resolveTarget, XlsxWorkbook } from '../../../lib/importers/xlsx/xlsx-reader';
import { readXml } from '../../../lib/importers/xlsx/xml';
import { FastXmlUnsupported, XmlHandlers } from '../../../lib/importers/xlsx/xml-api';
import { inflateEntries, listZip } from '../../../lib/importers/xlsx/zip';
import { sampleGrids, xlsxFromGrids } from '../rvtools/fixtures/generate';

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const STRICT = 'http://purl.oclc.org/ooxml/spreadsheetml/main';
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG = 'http://schemas.openxmlformats.org/package/2006/relationships';

interface PackageOptions {
  readonly sheetXml: string;
  readonly sharedStrings?: string;
  /** The sheet's relationship target, as written in workbook.xml.rels. @default 'worksheets/sheet1.xml' */
  readonly target?: string;
  readonly sheetPart?: string;
  readonly sheetName?: string;
  readonly bom?: boolean;
}

/** A minimal package with one sheet. */
function pkg(options: PackageOptions): Uint8Array {
  const enc = (text: string) => strToU8(options.bom ? `\ufeff${text}` : text);
  const files: Record<string, Uint8Array> = {
    '_rels/.rels': enc(`<Relationships xmlns="${PKG}"><Relationship Id="r1" Type="${R}/officeDocument" Target="xl/workbook.xml"/></Relationships>`),
    'xl/workbook.xml': enc(`<workbook xmlns="${MAIN}" xmlns:r="${R}"><sheets><sheet name="${options.sheetName ?? 'vInfo'}" sheetId="1" r:id="rIdA"/></sheets></workbook>`),
    'xl/_rels/workbook.xml.rels': enc(`<Relationships xmlns="${PKG}"><Relationship Id="rIdA" Type="${R}/worksheet" Target="${options.target ?? 'worksheets/sheet1.xml'}"/>`
      + (options.sharedStrings ? `<Relationship Id="rIdS" Type="${R}/sharedStrings" Target="sharedStrings.xml"/>` : '') + '</Relationships>'),
    [options.sheetPart ?? 'xl/worksheets/sheet1.xml']: enc(options.sheetXml),
  };
  if (options.sharedStrings) {
    files['xl/sharedStrings.xml'] = enc(options.sharedStrings);
  }
  return zipSync(files);
}

function sheet(rows: string, ns = MAIN): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${ns}"><sheetData>${rows}</sheetData></worksheet>`;
}

/** The header and rows of the only sheet, as arrays of text. */
function read(data: Uint8Array): { header: readonly string[]; rows: (readonly string[])[]; numbers: number[] } {
  const workbook = XlsxWorkbook.open(data, 'test.xlsx');
  const table = workbook.readSheet(workbook.sheets[0]);
  return { header: table.headers, rows: table.rows.map((r) => r.cells), numbers: table.rows.map((r) => r.row) };
}

describe('XlsxWorkbook', () => {
  test('reads every cell type: shared, inline and formula strings, booleans, numbers, dates, errors', () => {
    // GIVEN
    const strings = `<sst xmlns="${MAIN}"><si><t>VM</t></si><si><t xml:space="preserve"> web-01 </t></si></sst>`;
    const xml = sheet('<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="inlineStr"><is><t>Inline</t></is></c><c r="C1" t="str"><f>A1</f><v>Formula</v></c>'
      + '<c r="D1" t="b"><v>1</v></c><c r="E1"><v>16384</v></c><c r="F1" t="d"><v>2024-01-02T03:04:05</v></c><c r="G1" t="e"><v>#N/A</v></c><c r="H1" t="n"><v>0.5</v></c></row>'
      + '<row r="2"><c r="A2" t="s"><v>1</v></c><c r="D2" t="b"><v>0</v></c></row>');
    // WHEN
    const { header, rows } = read(pkg({ sheetXml: xml, sharedStrings: strings }));
    // THEN
    expect(header).toEqual(['VM', 'Inline', 'Formula', 'TRUE', '16384', '2024-01-02T03:04:05', '', '0.5']);
    expect(rows).toEqual([[' web-01 ', '', '', 'FALSE']]);
  });

  test('reads a typed cell without a value as empty, for every type (raw RVTools 4.7 writes <c t="s"/> for empty text)', () => {
    // GIVEN shared string 0 is "VM", and row 2 holds a cell of each type with no value
    const strings = `<sst xmlns="${MAIN}"><si><t>VM</t></si><si><t>Folder</t></si></sst>`;
    const types = ['s', 'n', 'b', 'd', 'e', 'str', 'inlineStr'];
    const header = types.map((t, i) => `<c r="${String.fromCharCode(65 + i)}1" t="inlineStr"><is><t>${t}</t></is></c>`).join('');
    const empty = types.map((t, i) => `<c r="${String.fromCharCode(65 + i)}2" t="${t}"/>`).join('')
      + '<c r="H2" t="s"><v></v></c><c r="I2" t="s"><v> </v></c><c r="J2" t="inlineStr"><is/></c><c r="K2" t="s"><v>1</v></c>';
    // WHEN
    const { rows } = read(pkg({ sheetXml: sheet(`<row r="1">${header}</row><row r="2">${empty}</row>`), sharedStrings: strings }));
    // THEN nothing reads as the first shared string
    expect(rows).toEqual([['', '', '', '', '', '', '', '', '', '', 'Folder']]);
  });

  test('joins rich-text runs and skips phonetic runs, in shared and inline strings, and decodes _xHHHH_ escapes', () => {
    // GIVEN
    const strings = `<sst xmlns="${MAIN}"><si><r><rPr><b/></rPr><t>web</t></r><r><t>-01</t></r><rPh sb="0" eb="1"><t>ウェブ</t></rPh></si>`
      + '<si><t>line_x000D__x000A_two</t></si></sst>';
    const xml = sheet('<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c>'
      + '<c r="C1" t="inlineStr"><is><r><t>in</t></r><r><t>line</t></r><rPh><t>x</t></rPh></is></c></row>');
    // WHEN / THEN
    expect(read(pkg({ sheetXml: xml, sharedStrings: strings })).header).toEqual(['web-01', 'line\r\ntwo', 'inline']);
  });

  test('places cells by their reference, and reads cells and rows without one in order', () => {
    // GIVEN the input above; WHEN it is read; THEN:
    const xml = sheet('<row r="1"><c r="A1" t="inlineStr"><is><t>a</t></is></c><c r="AB1" t="inlineStr"><is><t>ab</t></is></c></row>'
      + '<row><c t="inlineStr"><is><t>x</t></is></c><c t="inlineStr"><is><t>y</t></is></c></row>');
    const { header, rows, numbers } = read(pkg({ sheetXml: xml }));
    expect(header).toHaveLength(28);
    expect(header[27]).toBe('ab');
    expect(rows).toEqual([['x', 'y']]);
    expect(numbers).toEqual([2]);
  });

  test('stops at the first fully empty row, and at a gap in row numbers', () => {
    // GIVEN
    const cell = (ref: string, text: string) => `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;
    const padded = sheet(`<row r="1">${cell('A1', 'VM')}</row><row r="2">${cell('A2', 'a')}</row><row r="3"><c r="A3" s="1"/></row><row r="4">${cell('A4', 'late')}</row>`);
    const gap = sheet(`<row r="1">${cell('A1', 'VM')}</row><row r="2">${cell('A2', 'a')}</row><row r="4">${cell('A4', 'late')}</row>`);
    // WHEN / THEN
    expect(read(pkg({ sheetXml: padded })).rows).toEqual([['a']]);
    expect(read(pkg({ sheetXml: gap })).rows).toEqual([['a']]);
  });

  test('takes the first non-empty row as the header', () => {
    // GIVEN the input above; WHEN it is read; THEN:
    const xml = sheet('<row r="1"/><row r="2"><c r="A2" t="inlineStr"><is><t>VM</t></is></c></row><row r="3"><c r="A3" t="inlineStr"><is><t>a</t></is></c></row>');
    expect(read(pkg({ sheetXml: xml }))).toEqual({ header: ['VM'], rows: [['a']], numbers: [3] });
  });

  test.each([
    ['relative', 'worksheets/sheet1.xml', 'xl/worksheets/sheet1.xml'],
    ['absolute', '/xl/worksheets/sheet1.xml', 'xl/worksheets/sheet1.xml'],
    ['parent-relative', '../xl/data/Sheet1.xml', 'xl/data/Sheet1.xml'],
  ])('follows %s relationship targets', (_kind, target, part) => {
    // GIVEN the input above; WHEN it is read; THEN:
    const xml = sheet('<row r="1"><c r="A1" t="inlineStr"><is><t>VM</t></is></c></row>');
    expect(read(pkg({ sheetXml: xml, target, sheetPart: part })).header).toEqual(['VM']);
  });

  test('reads namespace-prefixed, BOM-prefixed parts and strict SpreadsheetML', () => {
    // GIVEN the input above; WHEN it is read; THEN:
    const prefixed = `<x:worksheet xmlns:x="${MAIN}"><x:sheetData><x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>VM</x:t></x:is></x:c></x:row></x:sheetData></x:worksheet>`;
    expect(read(pkg({ sheetXml: prefixed, bom: true })).header).toEqual(['VM']);
    expect(read(pkg({ sheetXml: sheet('<row r="1"><c r="A1" t="inlineStr"><is><t>VM</t></is></c></row>', STRICT) })).header).toEqual(['VM']);
  });

  test('decodes entities and character references in text', () => {
    // GIVEN the input above; WHEN it is read; THEN:
    const xml = sheet('<row r="1"><c r="A1" t="inlineStr"><is><t>a &amp; b &lt;c&gt; &#65;&#x42; &quot;q&quot; &apos;</t></is></c></row>');
    expect(read(pkg({ sheetXml: xml })).header).toEqual(['a & b <c> AB "q" \'']);
  });

  test('reads parts the fast reader leaves to saxes (CDATA, DOCTYPE, single quotes, inner namespaces) the same way', () => {
    // GIVEN the input above; WHEN it is read; THEN:
    const cases = [
      sheet('<row r="1"><c r="A1" t="inlineStr"><is><t><![CDATA[VM <x>]]></t></is></c></row>'),
      `<!DOCTYPE worksheet><worksheet xmlns="${MAIN}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>VM &lt;x&gt;</t></is></c></row></sheetData></worksheet>`,
      sheet('<row r=\'1\'><c r=\'A1\' t=\'inlineStr\'><is><t>VM &lt;x&gt;</t></is></c></row>'),
      sheet('<row r="1"><c r="A1" t="inlineStr" xmlns:y="urn:y"><is><t>VM &lt;x&gt;</t></is></c></row>'),
    ];
    for (const xml of cases) {
      expect(read(pkg({ sheetXml: xml })).header).toEqual(['VM <x>']);
    }
  });

  test('finds sheets by name, case-insensitively, in workbook order', () => {
    // GIVEN the input above; WHEN it is read; THEN:
    const data = xlsxFromGrids([{ name: 'vInfo', rows: [['VM']] }, { name: 'vSC_VMK', rows: [] }, { name: 'VDISK', rows: [['Disk']] }], 'raw');
    const workbook = XlsxWorkbook.open(data, 'x.xlsx');
    expect(workbook.sheets.map((s) => s.name)).toEqual(['vInfo', 'vSC_VMK', 'VDISK']);
    expect(workbook.sheet('vdisk')?.name).toBe('VDISK');
    expect(workbook.sheet('vHost')).toBeUndefined();
  });
});

describe('xlsx helpers', () => {
  test.each([['A1', 0], ['Z9', 25], ['AA10', 26], ['AB1', 27], ['XFD1048576', 16383], ['12', undefined]])('columnIndex(%s) is %s', (ref, index) => {
    // GIVEN the input above; WHEN it is read; THEN:
    expect(columnIndex(ref)).toBe(index);
  });

  test('resolveTarget resolves relative and absolute targets and folds case', () => {
    // GIVEN the input above; WHEN it is read; THEN:
    expect(resolveTarget('xl/workbook.xml', 'worksheets/Sheet1.xml')).toBe('xl/worksheets/sheet1.xml');
    expect(resolveTarget('xl/workbook.xml', '/xl/worksheets/sheet1.xml')).toBe('xl/worksheets/sheet1.xml');
    expect(resolveTarget('xl/workbook.xml', './../docProps/app.xml')).toBe('docprops/app.xml');
    expect(resolveTarget('', 'xl\\workbook.xml')).toBe('xl/workbook.xml');
  });
});

describe('the fast XML reader', () => {
  /** The events of a part, as text. */
  function events(data: Uint8Array, fast: boolean): string[] {
    const seen: string[] = [];
    readXml(data, (): XmlHandlers => ({
      open: (e) => seen.push(`<${e.uri}|${e.local} r=${e.attr('r')} t=${e.attr('t')} rid=${e.relationshipId()}`),
      close: (e) => seen.push(`</${e.local}`),
      text: (t) => seen.push(`#${t}`),
    }), { fast });
    return seen;
  }

  test('gives the same events as saxes for every part of both workbook styles', () => {
    // GIVEN the input above; WHEN it is read; THEN:
    for (const style of ['raw', 'resaved'] as const) {
      const zip = xlsxFromGrids(sampleGrids({ era: '4x' }), style);
      for (const [name, bytes] of inflateEntries(zip, listZip(zip))) {
        // The fast reader reads these parts itself; it does not hand them to saxes.
        expect(() => fastScan(new TextDecoder().decode(bytes), { open: () => undefined })).not.toThrow();
        expect([name, events(bytes, true)]).toEqual([name, events(bytes, false)]);
      }
    }
  });

  test('skips a `>` inside a quoted attribute value', () => {
    // GIVEN the input above; WHEN it is read; THEN:
    const seen: string[] = [];
    fastScan('<a x="1>2" y="3"><b/></a>', { open: (e) => seen.push(`${e.local}:${e.attr('x')}:${e.attr('y')}`) });
    expect(seen).toEqual(['a:1>2:3', 'b:undefined:undefined']);
  });

  test.each([
    ['an unmatched end tag', '<a><b></a></b>'],
    ['an unclosed element', '<a><b></b>'],
    ['text outside the root element', '<a/>text'],
    ['a second root element', '<a/><b/>'],
    ['an undeclared prefix y', '<a><y:b/></a>'],
    ['a DOCTYPE, CDATA section or unclosed comment', '<a><![CDATA[x]]></a>'],
    ['a namespace declared below the root', '<a><b xmlns="u"/></a>'],
    ['a single-quoted attribute value', "<a x='1'/>"],
    ['an unknown entity', '<a>&nbsp;</a>'],
  ])('leaves to saxes: %s', (reason, xml) => {
    // GIVEN the input above; WHEN it is read; THEN:
    expect(() => fastScan(xml, { open: () => undefined, text: () => undefined })).toThrow(new FastXmlUnsupported(reason));
  });
});
