import * as fs from 'fs';
import * as path from 'path';
import { strToU8, zipSync } from 'fflate';
import { importRvtools } from '../../../lib/importers/rvtools';
import { ImportError } from '../../../lib/importers/types';
import { csvFromGrid, Grid, sampleGrids, writeCsvSet, writeWorkbook, xlsxFromGrids } from './fixtures/generate';
import { issuesOf, tempDir } from './helpers';

const { dir, cleanup } = tempDir();
afterAll(cleanup);

function write(name: string, data: Uint8Array | string): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, data);
  return file;
}

/** The sample grids with a header renamed in one tab. */
function renamed(tab: string, from: string, to: string): Grid[] {
  return sampleGrids({ era: '4x' }).map((g) => (g.name !== tab ? g : { name: g.name, rows: [g.rows[0].map((h) => (h === from ? to : h)), ...g.rows.slice(1)] }));
}

/** Sets the declared uncompressed size of a zip entry, in its local and central headers. */
function declareSize(zip: Uint8Array, entry: string, size: number): Uint8Array {
  const bytes = Buffer.from(zip);
  const name = Buffer.from(entry);
  for (let at = bytes.indexOf(name); at >= 0; at = bytes.indexOf(name, at + 1)) {
    if (at >= 46 && bytes.readUInt32LE(at - 46) === 0x02014b50) {
      bytes.writeUInt32LE(size, at - 46 + 24);
    }
    if (at >= 30 && bytes.readUInt32LE(at - 30) === 0x04034b50) {
      bytes.writeUInt32LE(size, at - 30 + 22);
    }
  }
  return bytes;
}

/** A fake OLE compound file with the named streams in its directory (UTF-16LE, as OLE stores them). */
function oleFile(...streams: string[]): Uint8Array {
  return Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(504), ...streams.map((s) => Buffer.from(s, 'utf16le')), Buffer.alloc(64)]);
}

describe('importRvtools fails', () => {
  test('fails when a file is empty (0 bytes)', () => {
    // GIVEN
    const file = write('empty.xlsx', '');
    // WHEN
    const issues = issuesOf(() => importRvtools([file]));
    // THEN
    expect(issues).toEqual([{ file, message: 'the file is empty (0 bytes)' }]);
  });

  test('fails when a file does not exist', () => {
    // GIVEN the input above; WHEN it is read; THEN:
    const file = path.join(dir, 'missing.xlsx');
    expect(issuesOf(() => importRvtools([file]))).toEqual([{ file, message: 'no such file' }]);
  });

  test('fails when no file is given', () => {
    // GIVEN the input above; WHEN it is read; THEN:
    expect(() => importRvtools([])).toThrow(/no RVTools file given/);
  });

  test('fails when a file is neither xlsx nor CSV', () => {
    // GIVEN a PNG, a zip that is not a workbook, and text named .xlsx
    const png = write('picture.png', Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'));
    const zip = write('docs.xlsx', zipSync({ 'readme.txt': strToU8('hello') }));
    const text = write('notes.xlsx', 'just some text\n');
    // WHEN / THEN
    expect(issuesOf(() => importRvtools([png]))).toEqual([{ file: png, message: expect.stringMatching(/neither an xlsx workbook nor a CSV file/) }]);
    expect(issuesOf(() => importRvtools([zip])))
      .toEqual([{ file: zip, message: expect.stringMatching(/not an xlsx workbook \(it has no xl\/workbook\.xml part\)/) }]);
    expect(issuesOf(() => importRvtools([text]))).toEqual([{ file: text, message: expect.stringMatching(/named \.xlsx but holds text/) }]);
  });

  test('fails when the workbook is password-protected (an encrypted OLE package)', () => {
    // GIVEN the input above; WHEN it is read; THEN:
    const file = write('protected.xlsx', oleFile('EncryptionInfo', 'EncryptedPackage'));
    expect(issuesOf(() => importRvtools([file])))
      .toEqual([{ file, message: expect.stringMatching(/^the workbook is password-protected \(encrypted\)/) }]);
  });

  test('fails when the workbook is a legacy .xls', () => {
    // GIVEN the input above; WHEN it is read; THEN:
    const file = write('old.xls', oleFile('Workbook', 'SummaryInformation'));
    expect(issuesOf(() => importRvtools([file]))).toEqual([{ file, message: expect.stringMatching(/legacy Excel 97-2003 workbook \(\.xls/) }]);
  });

  test('fails when the zip archive is truncated', () => {
    // GIVEN
    const whole = fs.readFileSync(writeWorkbook(dir, 'whole.xlsx', { era: '4x', style: 'raw' }));
    const file = write('truncated.xlsx', whole.subarray(0, whole.length - 200));
    // WHEN
    const issues = issuesOf(() => importRvtools([file]));
    // THEN
    expect(issues).toEqual([{ file, message: expect.stringMatching(/^corrupted zip archive: the zip end-of-central-directory record is missing/) }]);
  });

  test('fails when an entry of the zip archive is damaged', () => {
    // GIVEN a workbook whose first sheet's compressed data is overwritten
    const zip = Buffer.from(xlsxFromGrids(sampleGrids({ era: '4x' }), 'resaved'));
    const at = zip.indexOf(Buffer.from('xl/worksheets/sheet1.xml')) + 'xl/worksheets/sheet1.xml'.length;
    zip.fill(0xff, at + 40, at + 400);
    const file = write('damaged.xlsx', zip);
    // WHEN
    const issues = issuesOf(() => importRvtools([file]));
    // THEN
    const damaged = /^corrupted zip archive: (the zip data is damaged|zip entry "xl\/worksheets\/sheet1.xml" inflates to)/;
    expect(issues).toEqual([{ file, message: expect.stringMatching(damaged) }]);
  });

  test('fails when an entry declares a huge size (a zip bomb), before inflating anything', () => {
    // GIVEN a tiny zip whose sheet declares almost 4 GiB
    const zip = declareSize(xlsxFromGrids([{ name: 'vInfo', rows: [['VM'], ['a']] }], 'raw'), 'xl/worksheets/sheet1.xml', 0xfffffff0);
    const file = write('bomb.xlsx', zip);
    expect(zip.length).toBeLessThan(4096);
    // WHEN
    const issues = issuesOf(() => importRvtools([file]));
    // THEN
    expect(issues).toEqual([{ file, message: 'unsafe zip archive: zip entry "xl/worksheets/sheet1.xml" declares 4294967280 bytes uncompressed (limit 536870912): '
      + 'refused as a possible zip bomb' }]);
  });

  test('fails when an entry is highly compressed beyond the limits, however honestly declared', () => {
    // GIVEN 24 MiB of zeros, deflated to a few KiB, under an 8 MiB limit
    const zeros = new Uint8Array(24 * 1024 * 1024);
    const file = write('zeros.xlsx', zipSync({ 'xl/worksheets/sheet1.xml': zeros, 'xl/workbook.xml': strToU8('<workbook/>') }));
    // WHEN
    const zipLimits = { maxEntries: 100, maxEntryBytes: 8 * 1024 * 1024, maxTotalBytes: 32 * 1024 * 1024 };
    const issues = issuesOf(() => importRvtools([file], { zipLimits }));
    // THEN
    const refused = /^unsafe zip archive: zip entry "xl\/worksheets\/sheet1.xml" declares 25165824 bytes uncompressed \(limit 8388608\)/;
    expect(issues).toEqual([{ file, message: expect.stringMatching(refused) }]);
  });

  test('fails when the entries together declare too much, or there are too many', () => {
    // GIVEN the input above; WHEN it is read; THEN:
    const file = writeWorkbook(dir, 'limits.xlsx', { era: '4x', style: 'raw' });
    expect(issuesOf(() => importRvtools([file], { zipLimits: { maxEntries: 100, maxEntryBytes: 1 << 20, maxTotalBytes: 50_000 } })))
      .toEqual([{ file, message: expect.stringMatching(/^unsafe zip archive: the archive declares more than 50000 bytes uncompressed in all/) }]);
    expect(issuesOf(() => importRvtools([file], { zipLimits: { maxEntries: 5, maxEntryBytes: 1 << 20, maxTotalBytes: 1 << 30 } })))
      .toEqual([{ file, message: 'unsafe zip archive: the archive declares 15 entries (at most 5 are read): refused as a possible zip bomb' }]);
  });

  test('fails when a declared size is more than deflate can produce', () => {
    // GIVEN 220 bytes that claim to inflate to 10 MB
    const zip = zipSync({ 'xl/workbook.xml': strToU8('<workbook/>'.repeat(20)) }, { level: 9 });
    const file = write('liar.xlsx', declareSize(zip, 'xl/workbook.xml', 10_000_000));
    expect(issuesOf(() => importRvtools([file])))
      .toEqual([{ file, message: expect.stringMatching(/more than deflate can produce: refused as a crafted archive$/) }]);
  });

  test('fails when a sheet is not well-formed XML', () => {
    // GIVEN
    const zip = zipSync({
      '[Content_Types].xml': strToU8('<Types/>'),
      'xl/workbook.xml': strToU8('<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
        + 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="vInfo" sheetId="1" r:id="rId1"/></sheets></workbook>'),
      'xl/_rels/workbook.xml.rels': strToU8('<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        + '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>'),
      'xl/worksheets/sheet1.xml': strToU8('<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>VM</t></is></c></row></sheetData>'),
    });
    const file = write('broken-xml.xlsx', zip);
    // WHEN
    const issues = issuesOf(() => importRvtools([file]));
    // THEN
    expect(issues).toEqual([{ file, sheet: 'vInfo', message: expect.stringMatching(/^the part "xl\/worksheets\/sheet1.xml" is not well-formed XML \(.+\): the file is damaged$/) }]);
  });

  test('fails when the workbook has no vInfo sheet, naming the sheets it has', () => {
    // GIVEN the input above; WHEN it is read; THEN:
    const file = write('no-vinfo.xlsx', xlsxFromGrids(sampleGrids({ era: '4x', omitTabs: ['vInfo'] }), 'raw'));
    expect(issuesOf(() => importRvtools([file]))).toEqual([{ file, message: 'the workbook has no vInfo sheet, so it is not an RVTools export '
      + '(sheets: "vCPU", "vDisk", "vPartition", "vNetwork", "vCD", "vHost", "vSource", "vMetaData")' }]);
  });

  test('fails when the vInfo sheet is empty, and only warns about other empty sheets', () => {
    // GIVEN the input above; WHEN it is read; THEN:
    const empty = write('empty-vinfo.xlsx', xlsxFromGrids(sampleGrids({ era: '4x', emptyTabs: ['vInfo'] }), 'raw'));
    expect(issuesOf(() => importRvtools([empty]))).toEqual([{ file: empty, sheet: 'vInfo', message: 'the vInfo sheet is empty (no header row)' }]);
    const partial = write('empty-vpartition.xlsx', xlsxFromGrids(sampleGrids({ era: '4x', emptyTabs: ['vPartition', 'vNetwork'] }), 'resaved'));
    expect(importRvtools([partial]).warnings).toEqual(expect.arrayContaining([
      { file: partial, sheet: 'vPartition', message: 'the vPartition sheet is empty: volumes are not imported' },
      { file: partial, sheet: 'vNetwork', message: 'the vNetwork sheet is empty: NICs are not imported' },
    ]));
  });

  test('fails when a required header is renamed, naming the header, the sheet and the headers found', () => {
    // GIVEN
    const file = write('renamed-vm.xlsx', xlsxFromGrids(renamed('vInfo', 'VM', 'VM Name'), 'raw'));
    // WHEN
    const issues = issuesOf(() => importRvtools([file]));
    // THEN
    expect(issues).toHaveLength(1);
    expect(issues[0]).toEqual({ file, sheet: 'vInfo', row: 1, header: 'VM', message: expect.stringMatching(/^required vInfo column is missing \(renamed to "VM Name"\?\); the headers found are "VM Name", "Powerstate", "Template", .* and \d+ more; the vInfo tab needs "VM"; it also reads "Template", .*"VI SDK Server"/) });
  });

  test('fails with every missing required header of every sheet at once', () => {
    // GIVEN vDisk without VM (renamed) and vHost without Host
    const grids = renamed('vDisk', 'VM', 'VM Label').map((g) => (g.name === 'vHost' ? { name: 'vHost', rows: [g.rows[0].filter((h) => h !== 'Host'), ...g.rows.slice(1)] } : g));
    const file = write('renamed-many.xlsx', xlsxFromGrids(grids, 'resaved'));
    // WHEN
    const issues = issuesOf(() => importRvtools([file]));
    // THEN
    expect(issues.map((i) => [i.sheet, i.row, i.header])).toEqual([['vDisk', 1, 'VM'], ['vHost', 1, 'Host']]);
    expect(issues[0].message).toMatch(/\(renamed to "VM Label"\?\)/);
    expect(issues[1].message).toMatch(/^required vHost column is missing( \(renamed to "[^"]+"\?\))?; the headers found are "Datacenter", /);
    expect(issues[1].message).toMatch(/; the vHost tab needs "Host"; it also reads "ESX Version", "VI SDK Server", "VI SDK UUID" or "vCenter UUID"$/);
  });

  test('imports a vHost tab without ESX Version (a trimmed export), with one warning naming the column', () => {
    // GIVEN
    const grids = sampleGrids({ era: '4x' }).map((g) => (g.name === 'vHost' ? { name: 'vHost', rows: g.rows.map((r) => r.filter((_, i) => g.rows[0][i] !== 'ESX Version')) } : g));
    const file = write('no-esx-version.xlsx', xlsxFromGrids(grids, 'raw'));
    // WHEN
    const result = importRvtools([file]);
    // THEN the VMs and connectors are imported; only the ESXi versions are unknown
    expect(result.vms).toHaveLength(15);
    expect(result.connectors.map((c) => [c.name, c.vcenterVersion, c.esxiVersions])).toEqual([
      ['vcenter01.example.com', '6.7.0', undefined], ['vcenter02.example.com', '6.5.0', undefined],
    ]);
    expect(result.warnings.filter((w) => w.sheet === 'vHost')).toEqual([
      { file, sheet: 'vHost', message: 'column "ESX Version" (ESXi versions of the connector) is missing from vHost: these facts are left unknown' },
    ]);
  });

  test('fails when a CSV is another tab than its name says', () => {
    // GIVEN vInfo content saved as the vDisk export
    const vinfo = sampleGrids({ era: '4x' }).find((g) => g.name === 'vInfo')!;
    const file = write('RVTools_tabvDisk.csv', csvFromGrid(vinfo, { delimiter: ',' }));
    // WHEN
    const issues = issuesOf(() => importRvtools([file]));
    // THEN
    expect(issues).toEqual([{ file, sheet: 'vDisk', row: 1, message: 'the file name says it is the vDisk tab, but its headers are those of vInfo' }]);
  });

  test('fails when a CSV is no tab the importer reads, and when no CSV is vInfo', () => {
    // GIVEN the input above; WHEN it is read; THEN:
    const other = write('other.csv', 'Name,Size\na,1\n');
    expect(issuesOf(() => importRvtools([other]))).toEqual([{ file: other, row: 1, message: 'the headers are not those of an RVTools tab this importer reads '
      + '(vInfo, vDisk, vPartition, vNetwork, vHost, vSource); the headers found are "Name", "Size"' }]);
    const disks = writeCsvSet(path.join(dir, 'no-vinfo'), { delimiter: ',' }, { era: '4x' }).filter((f) => f.endsWith('RVTools_tabvDisk.csv'));
    expect(issuesOf(() => importRvtools(disks))).toEqual([{ file: disks[0], message: 'none of the CSV files is a vInfo export, and the VMs come from vInfo' }]);
  });

  test('fails when a CSV was exported with database column names', () => {
    // GIVEN the input above; WHEN it is read; THEN:
    const file = write('db.csv', 'vInfoVMName,vInfoPowerstate,vInfoTemplate,vInfoOS\nweb-01,poweredOn,False,x\n');
    expect(issuesOf(() => importRvtools([file]))).toEqual([{ file, row: 1, message: 'the headers are RVTools database column names (vInfo…): export again without -DBColumnNames' }]);
  });

  test('fails when a workbook is mixed with CSV files, or two workbooks are given', () => {
    // GIVEN the input above; WHEN it is read; THEN:
    const workbook = writeWorkbook(dir, 'mixed.xlsx', { era: '4x', style: 'raw' });
    const csv = writeCsvSet(path.join(dir, 'mixed'), { delimiter: ',' }, { era: '4x' })[0];
    expect(issuesOf(() => importRvtools([workbook, csv]))).toEqual([{ file: csv, message: `CSV exports cannot be mixed with an xlsx workbook (${workbook}): give one workbook, or only CSV files` }]);
    const second = writeWorkbook(dir, 'second.xlsx', { era: '3x', style: 'raw' });
    expect(issuesOf(() => importRvtools([workbook, second]))).toEqual([{ file: second, message: `only one workbook can be imported at a time (also given: ${workbook})` }]);
  });

  test('fails with the problems of every file together', () => {
    // GIVEN an empty CSV, a CSV of the wrong tab and a vInfo export whose VM header was renamed
    const set = writeCsvSet(path.join(dir, 'together'), { delimiter: ';' }, { era: '4x' });
    const vinfo = set.find((f) => f.endsWith('RVTools_tabvInfo.csv'))!;
    fs.writeFileSync(vinfo, fs.readFileSync(vinfo, 'utf8').replace(/^VM;/, 'Virtual Machine;'));
    const empty = write('RVTools_tabvHost.csv', '');
    const wrong = path.join(dir, 'together', 'RVTools_tabvNetwork.csv');
    fs.copyFileSync(set.find((f) => f.endsWith('RVTools_tabvDisk.csv'))!, wrong);
    // WHEN
    let error: ImportError | undefined;
    try {
      importRvtools([...set.filter((f) => !f.endsWith('vHost.csv')), empty]);
    } catch (err) {
      error = err as ImportError;
    }
    // THEN
    expect(error).toBeInstanceOf(ImportError);
    expect(error!.issues.map((i) => [path.basename(i.file), i.sheet, i.row, i.header])).toEqual([
      ['RVTools_tabvHost.csv', undefined, undefined, undefined],
      ['RVTools_tabvInfo.csv', 'vInfo', 1, 'VM'],
      ['RVTools_tabvNetwork.csv', 'vNetwork', 1, undefined],
    ]);
    expect(error!.message.split('\n')).toHaveLength(3);
    expect(error!.message).toMatch(/RVTools_tabvInfo\.csv\[vInfo\]:1: column "VM": required vInfo column is missing/);
  });
});
