import * as fs from 'fs';
import * as path from 'path';
import { importRvtools } from '../../../lib/importers/rvtools';
import { ImportResult } from '../../../lib/importers/types';
import { CsvDialect, csvFromGrid, Era, sampleGrids, writeCsvSet, writeWorkbook } from './fixtures/generate';
import { tempDir, vm } from './helpers';

const { dir, cleanup } = tempDir();
afterAll(cleanup);

const workbooks = new Map<Era, ImportResult>();
function fromWorkbook(era: Era): ImportResult {
  if (!workbooks.has(era)) {
    workbooks.set(era, importRvtools([writeWorkbook(dir, `reference-${era}.xlsx`, { style: 'raw', era })]));
  }
  return workbooks.get(era)!;
}

const DIALECTS: Record<string, CsvDialect> = {
  'comma, quoted "16,384" thousands': { delimiter: ',', groupSeparator: ',' },
  'semicolon with a UTF-8 BOM and "16.384" thousands': { delimiter: ';', bom: true, groupSeparator: '.' },
  'tab': { delimiter: '\t' },
  'comma, trailing spaces in headers, empty trailing rows': { delimiter: ',', trailingSpace: ['VM', 'Disk Mode', 'Capacity MiB', 'Capacity MB'], emptyTrailingRows: 3 },
};

describe.each(Object.entries(DIALECTS))('RVTools CSV exports, %s', (label, dialect) => {
  test.each(['4x', '3x'] as const)('give the same VMs and connectors as the workbook (%s columns)', (era) => {
    // GIVEN
    const files = writeCsvSet(path.join(dir, `${label.replace(/\W+/g, '-')}-${era}`), dialect, { era });
    // WHEN
    const result = importRvtools(files);
    // THEN
    expect(result.vms).toEqual(fromWorkbook(era).vms);
    expect(result.connectors).toEqual(fromWorkbook(era).connectors);
  });
});

describe('RVTools CSV exports', () => {
  const set = (name: string, dialect: CsvDialect = { delimiter: ',' }) => writeCsvSet(path.join(dir, name), dialect, { era: '4x' });

  test('count rows by record: a quoted value with a newline and "" does not shift row numbers', () => {
    // GIVEN the first VM's annotation spans two lines and holds doubled quotes
    const files = set('multiline');
    const vinfo = fs.readFileSync(files.find((f) => f.endsWith('RVTools_tabvInfo.csv'))!, 'utf8');
    expect(vinfo).toContain('"Front end, owner ""web team""\nsecond line"');
    // WHEN
    const result = importRvtools(files);
    // THEN the template is still reported on row 16 (the header is row 1)
    expect(result.warnings).toContainEqual({ file: files.find((f) => f.endsWith('RVTools_tabvInfo.csv')), sheet: 'vInfo', row: 16, message: 'tmpl-rhel7 is a template: skipped' });
  });

  test('tell the tab from the headers when the file name does not say it', () => {
    // GIVEN
    const read = /tabv(Info|Disk|Partition|Network|Host|Source)\.csv$/;
    const renamed = set('renamed').filter((file) => read.test(file)).map((file, i) => {
      // GIVEN the input above; WHEN it is read; THEN:
      const target = path.join(path.dirname(file), `export-${i}.csv`);
      fs.renameSync(file, target);
      return target;
    });
    // WHEN
    const result = importRvtools(renamed);
    // THEN
    expect(result.vms).toEqual(fromWorkbook('4x').vms);
  });

  test('read a folder as the CSV files in it', () => {
    // GIVEN
    const files = set('folder');
    // WHEN
    const result = importRvtools([path.dirname(files[0])]);
    // THEN
    expect(result.vms).toEqual(fromWorkbook('4x').vms);
  });

  test('skip the tabs the importer does not read, with a warning', () => {
    // WHEN
    const files = set('unread-tabs');
    const result = importRvtools(files);
    // THEN
    const vcpu = files.find((f) => f.endsWith('RVTools_tabvCPU.csv'));
    expect(result.warnings).toContainEqual({ file: vcpu, message: 'the vCPU tab is not read by this importer: file skipped' });
  });

  test('warn about each tab missing from the set, saying what is lost', () => {
    // GIVEN
    const files = set('partial').filter((f) => /tabv(Info|Disk)\.csv$/.test(f));
    // WHEN
    const result = importRvtools(files);
    // THEN
    const messages = result.warnings.map((w) => w.message);
    expect(messages).toEqual(expect.arrayContaining([
      'no vPartition export among the CSV files: volumes are not imported',
      'no vNetwork export among the CSV files: NICs are not imported',
      'no vHost export among the CSV files: ESXi versions are not imported',
    ]));
    expect(vm(result, 'db-rhel7').nics).toBeUndefined();
    expect(vm(result, 'db-rhel7').disks).toHaveLength(4);
  });

  test('read a UTF-16 export with its byte order mark', () => {
    // GIVEN
    const vinfo = sampleGrids({ era: '4x' }).find((g) => g.name === 'vInfo')!;
    const file = path.join(dir, 'RVTools_tabvInfo.csv');
    fs.writeFileSync(file, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(csvFromGrid(vinfo, { delimiter: ',' }), 'utf16le')]));
    // WHEN
    const result = importRvtools([file]);
    // THEN
    expect(result.vms).toHaveLength(15);
    expect(vm(result, 'db-rhel7').os?.name).toBe('rhel');
  });
});
