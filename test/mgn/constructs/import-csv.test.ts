import { IMPORT_COLUMNS, importCsvFor } from '../../../lib/mgn/import-csv';
import { Hypervisor, OsFamily, ReplicationMethod, Vm } from '../../../lib/plan/model/plan';

const HEADER = 'mgn:server:user-provided-id,mgn:server:platform,mgn:server:tag:cdk-sms-migration:vm\r\n';

function vm(name: string, family?: OsFamily, method?: ReplicationMethod): Vm {
  return {
    name,
    hypervisor: Hypervisor.VMWARE,
    ...(family !== undefined ? { os: { family } } : {}),
    ...(method !== undefined ? { mgn: { replication: { method } } } : {}),
  };
}

describe('importCsvFor', () => {
  test('writes one row per agent-based VM: user-provided id, platform from the OS family, and the VM tag', () => {
    // GIVEN
    const vms = [vm('web-01', OsFamily.LINUX), vm('app-01', OsFamily.WINDOWS), vm('odd-01', OsFamily.OTHER), vm('unknown-01')];

    // WHEN
    const file = importCsvFor(vms, undefined);

    // THEN
    expect(file.csv).toBe(`${HEADER}web-01,Linux,web-01\r\napp-01,Windows,app-01\r\nodd-01,,odd-01\r\nunknown-01,,unknown-01\r\n`);
    expect(file.rowVms).toEqual(['web-01', 'app-01', 'odd-01', 'unknown-01']);
  });

  test('names the columns as MGN reads them', () => {
    expect(Object.values(IMPORT_COLUMNS)).toEqual(['mgn:server:user-provided-id', 'mgn:server:platform', 'mgn:server:tag:cdk-sms-migration:vm']);
  });

  test('leaves agentless VMs out, by their own method or the defaults\'', () => {
    // GIVEN one agentless VM, and defaults that make the rest agentless but one
    const own = importCsvFor([vm('a', OsFamily.LINUX), vm('b', OsFamily.LINUX, ReplicationMethod.AGENTLESS)], undefined);
    const byDefault = importCsvFor([vm('a', OsFamily.LINUX), vm('c', OsFamily.LINUX, ReplicationMethod.AGENT)],
      { mgn: { replication: { method: ReplicationMethod.AGENTLESS } } });

    // THEN
    expect(own.rowVms).toEqual(['a']);
    expect(byDefault.rowVms).toEqual(['c']);
    expect(byDefault.csv).toBe(`${HEADER}c,Linux,c\r\n`);
  });

  test('is a header alone when every VM is agentless', () => {
    const file = importCsvFor([vm('b', OsFamily.LINUX, ReplicationMethod.AGENTLESS)], undefined);
    expect(file).toEqual({ csv: HEADER, rowVms: [] });
  });

  test('quotes names with commas, quotes and line breaks as RFC 4180 asks, keeping every character', () => {
    // GIVEN hostile names
    const names = ['a,b', 'say "hi"', 'two\nlines', 'cr\r\nlf'];

    // WHEN
    const file = importCsvFor(names.map((n) => vm(n, OsFamily.LINUX)), undefined);

    // THEN each is quoted, inner quotes doubled, and read back it is the name exactly
    expect(file.csv).toBe(`${HEADER}"a,b",Linux,"a,b"\r\n"say ""hi""",Linux,"say ""hi"""\r\n`
      + '"two\nlines",Linux,"two\nlines"\r\n"cr\r\nlf",Linux,"cr\r\nlf"\r\n');
    expect(parseCsv(file.csv).slice(1).map((row) => row[0])).toEqual(names);
    expect(file.rowVms).toEqual(names);
  });

  test('writes names that start like a formula unchanged: MGN, not a spreadsheet, reads the file, and the id must be the name', () => {
    // GIVEN names starting with = + - @
    const names = ['=HYPERLINK("http://x")', '+1', '-web', '@sum'];

    // WHEN
    const file = importCsvFor(names.map((n) => vm(n, OsFamily.WINDOWS)), undefined);

    // THEN no leading quote is added (it would rename the server); a field is quoted only for a quote or comma
    const rows = parseCsv(file.csv).slice(1);
    expect(rows.map((row) => row[0])).toEqual(names);
    expect(rows.map((row) => row[2])).toEqual(names);
    expect(file.csv).toContain('\r\n+1,Windows,+1\r\n');
  });
});

/** A strict RFC 4180 reader, to read the file back as MGN would. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') {
        quoted = false;
      } else {
        field += c;
      }
    } else if (c === '"') {
      quoted = true;
    } else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else {
      field += c;
    }
  }
  return rows;
}
