import { readCsv, sniffDelimiter } from '../../../lib/importers/rvtools/csv';
import { FileKind, fileKind } from '../../../lib/importers/rvtools/file-kind';
import { HeaderMap, headerKey } from '../../../lib/importers/rvtools/headers';
import { RvTab, tabByHeaders, tabInFileName } from '../../../lib/importers/rvtools/tabs';
import { addressForm, dottedVersion, mibToGiB, parseBoolean, parseNumber, parseText, splitList } from '../../../lib/importers/rvtools/values';
import { VDISK_4X, VHOST_4X, VINFO_4X, VNETWORK_4X, VPARTITION_4X, VSOURCE_4X, columns3x } from './fixtures/columns';

describe('values (inventory-formats.md §5)', () => {
  test.each([
    ['16384', 16384], ['"16,384"'.replace(/"/g, ''), 16384], ['1.048.576', 1048576], ['16 384', 16384], ['16\u00a0384', 16384],
    ['0.5', 0.5], ['1,5', 1.5], ['1234.5', 1234.5], ['-3', -3], ['1.5E+3', 1500], [' 42 ', 42],
    ['', undefined], ['n/a', undefined], ['16,38', 16.38], ['1,2345', 1.2345], ['1,234,56', undefined],
  ])('parseNumber(%j) is %j', (text, value) => {
    // GIVEN the input above; WHEN it is read; THEN:
    expect(parseNumber(text)).toBe(value);
  });

  test('mibToGiB divides binary MiB by 1024 and gives nothing for empty or negative cells', () => {
    // GIVEN the input above; WHEN it is read; THEN:
    expect(mibToGiB('16,384')).toBe(16);
    expect(mibToGiB('1536')).toBe(1.5);
    expect(mibToGiB('')).toBeUndefined();
    expect(mibToGiB('-1')).toBeUndefined();
  });

  test.each([
    ['True', true], ['False', false], ['TRUE', true], ['FALSE', false], ['Yes', true], ['no', false], ['1', true], ['0', false],
    ['', undefined], [' ', undefined], ['maybe', undefined],
  ])('parseBoolean(%j) is %j', (text, value) => {
    // GIVEN the input above; WHEN it is read; THEN:
    expect(parseBoolean(text)).toBe(value);
  });

  test('parseText trims and treats empty as unknown', () => {
    // GIVEN the input above; WHEN it is read; THEN:
    expect(parseText('  a ')).toBe('a');
    expect(parseText('   ')).toBeUndefined();
    expect(parseText(undefined)).toBeUndefined();
  });

  test('splitList splits address lists joined with ", "', () => {
    // GIVEN the input above; WHEN it is read; THEN:
    expect(splitList('10.0.0.1, fe80::1, 2001:db8::5')).toEqual(['10.0.0.1', 'fe80::1', '2001:db8::5']);
    expect(splitList('')).toEqual([]);
  });

  test.each([
    ['192.0.2.1', 'ipv4'], ['10.0.0.255', 'ipv4'], ['fe80::250:56ff:fe01:101', 'ipv6'], ['2001:db8::1', 'ipv6'], ['::1', 'ipv6'],
    ['fe80::1%ens192', 'ipv6'], ['::ffff:192.0.2.1', 'ipv6'], ['192.0.2.1/24', 'ipv4'],
    ['300.1.1.1', undefined], ['unknown', undefined], ['1::2::3', undefined],
  ])('addressForm(%s) is %s', (address, form) => {
    // GIVEN the input above; WHEN it is read; THEN:
    expect(addressForm(address)).toBe(form);
  });

  test('dottedVersion takes the first dotted number', () => {
    // GIVEN the input above; WHEN it is read; THEN:
    expect(dottedVersion('VMware ESXi 6.7.0 build-16316930')).toBe('6.7.0');
    expect(dottedVersion('6.5')).toBe('6.5');
    expect(dottedVersion('unknown')).toBeUndefined();
  });
});

describe('headers (inventory-formats.md §3)', () => {
  test('fold case and whitespace, and read MB as MiB and KB as KiB', () => {
    // GIVEN the input above; WHEN it is read; THEN:
    expect(headerKey('  Capacity   MB ')).toBe('capacity mib');
    expect(headerKey('Video Ram KB')).toBe('video ram kib');
    expect(headerKey('Free % ')).toBe('free %');
  });

  test('bind by name, never by position, and keep the first of two equal headers', () => {
    // GIVEN custom attributes, one of them repeated, before Datacenter
    const headers = new HeaderMap(['VM', 'Annotation', 'Owner', 'Owner ', 'Datacenter', 'Capacity MB', 'Disk Mode ']);
    // THEN
    expect(headers.index('Owner')).toBe(2);
    expect(headers.index('Capacity MiB')).toBe(5);
    expect(headers.index('disk mode')).toBe(6);
    expect(headers.index('Raw')).toBeUndefined();
    expect(headers.index('IPv4 Address', 'IP Address')).toBeUndefined();
  });

  test.each([
    [RvTab.VINFO, VINFO_4X], [RvTab.VDISK, VDISK_4X], [RvTab.VPARTITION, VPARTITION_4X], [RvTab.VNETWORK, VNETWORK_4X],
    [RvTab.VHOST, VHOST_4X], [RvTab.VSOURCE, VSOURCE_4X],
  ])('recognise %s from its 4.x and 3.x headers', (tab, columns) => {
    // GIVEN the input above; WHEN it is read; THEN:
    expect(tabByHeaders(new HeaderMap(columns))).toBe(tab);
    expect(tabByHeaders(new HeaderMap(columns3x(columns)))).toBe(tab);
  });

  test('do not take a vCPU or vMemory export for vInfo', () => {
    // GIVEN the input above; WHEN it is read; THEN:
    const common = ['VM', 'Powerstate', 'Template', 'OS according to the configuration file', 'OS according to the VMware Tools'];
    expect(tabByHeaders(new HeaderMap([...common, 'CPUs', 'Sockets', 'Cores p/s']))).toBeUndefined();
    expect(tabByHeaders(new HeaderMap([...common, 'Size MiB', 'Overhead']))).toBeUndefined();
  });

  test('read the tab from RVTools_tab<Tab>.csv file names', () => {
    // GIVEN the input above; WHEN it is read; THEN:
    expect(tabInFileName('RVTools_tabvInfo.csv')).toBe('vInfo');
    expect(tabInFileName('rvtools_tabvSC+VMK.CSV')).toBe('vSC+VMK');
    expect(tabInFileName('inventory.csv')).toBeUndefined();
  });
});

describe('CSV', () => {
  test.each([
    ['VM,Powerstate;x\n', ','], ['VM;Powerstate;Template\n', ';'], ['VM\tPowerstate\tTemplate\n', '\t'], ['"a;b",c\n', ','], ['VM\n', ','],
  ])('sniffs the delimiter of %j as %j', (text, delimiter) => {
    // GIVEN the input above; WHEN it is read; THEN:
    expect(sniffDelimiter(text)).toBe(delimiter);
  });

  test('reads quoted values with delimiters, doubled quotes and newlines, and stops at the first empty row', () => {
    // GIVEN
    const text = '\ufeffVM;Capacity MiB;Annotation\r\nweb-01;"16.384";"say ""hi""\r\nnext line"\r\n\r\n;;\r\nlate;1;x\r\n';
    // WHEN
    const content = readCsv(Buffer.from(text), 'x.csv');
    // THEN
    expect(content.delimiter).toBe(';');
    expect(content.headers.headers).toEqual(['VM', 'Capacity MiB', 'Annotation']);
    expect(content.rows).toEqual([{ row: 2, cells: ['web-01', '16.384', 'say "hi"\r\nnext line'] }]);
  });

  test('fails on text that is not valid CSV', () => {
    // GIVEN the input above; WHEN it is read; THEN:
    expect(() => readCsv(Buffer.from('VM,x\n"unclosed,1\n'), 'bad.csv')).toThrow(/^bad\.csv: not valid CSV \(/);
  });
});

describe('fileKind', () => {
  test('tells files apart by their first bytes', () => {
    // GIVEN the input above; WHEN it is read; THEN:
    expect(fileKind(new Uint8Array(0))).toBe(FileKind.EMPTY);
    expect(fileKind(Buffer.from('PK\x03\x04rest'))).toBe(FileKind.ZIP);
    expect(fileKind(Buffer.from('VM,Powerstate\n'))).toBe(FileKind.TEXT);
    expect(fileKind(Buffer.from([0xff, 0xfe, 0x56, 0x00]))).toBe(FileKind.TEXT);
    expect(fileKind(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00]))).toBe(FileKind.BINARY);
    const ole = (name: string) => Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(100), Buffer.from(name, 'utf16le')]);
    expect(fileKind(ole('EncryptedPackage'))).toBe(FileKind.ENCRYPTED_OOXML);
    expect(fileKind(ole('Workbook'))).toBe(FileKind.LEGACY_XLS);
    expect(fileKind(ole('WordDocument'))).toBe(FileKind.OTHER_OLE);
  });
});
