import { csvDocument, csvField } from '../../lib/private/csv';

describe('csv', () => {
  test('leaves plain fields unquoted', () => {
    // GIVEN / WHEN / THEN
    expect(csvField('dc1-connector')).toBe('dc1-connector');
    expect(csvField('')).toBe('');
  });

  test('quotes a field with a comma, a quote or a line break, doubling the quotes', () => {
    // GIVEN / WHEN / THEN
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('line\nbreak')).toBe('"line\nbreak"');
    expect(csvField('cr\rhere')).toBe('"cr\rhere"');
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
