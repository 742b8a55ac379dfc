import { parseDateTime, readDateTime } from '../../lib/private/date-time';

describe('parseDateTime (SMS-JOB1 seed times)', () => {
  test.each([
    ['2026-12-01T02:00:00Z', '2026-12-01T02:00:00.000Z'],
    ['2026-12-01T02:00Z', '2026-12-01T02:00:00.000Z'],
    ['2026-12-01t02:00:00z', '2026-12-01T02:00:00.000Z'],
    ['2026-12-01T02:00:00.250Z', '2026-12-01T02:00:00.250Z'],
    ['2026-12-01T02:00:00+02:00', '2026-12-01T00:00:00.000Z'],
    ['2026-12-01T02:00:00+0200', '2026-12-01T00:00:00.000Z'],
    ['2026-12-01T02:00:00-05', '2026-12-01T07:00:00.000Z'],
    ['2026-12-01T02:00:00', '2026-12-01T02:00:00.000Z'],
    ['2028-02-29T00:00:00Z', '2028-02-29T00:00:00.000Z'],
  ])('reads %p', (text, iso) => {
    expect(new Date(parseDateTime(text)!).toISOString()).toBe(iso);
  });

  test.each([
    '2026-12-01',
    '2026-13-01T00:00:00Z',
    '2026-00-01T00:00:00Z',
    '2027-02-29T00:00:00Z',
    '2026-04-31T00:00:00Z',
    '2026-12-01T23:60:00Z',
    '2026-12-01T02:00:00+02:60',
    '2026-12-01 02:00:00Z',
    'next monday',
  ])('rejects %p', (text) => {
    expect(parseDateTime(text)).toBeUndefined();
  });
});

describe('readDateTime', () => {
  test.each([
    ['2026-12-01T02:00:00Z', true],
    ['2026-12-01T02:00:00z', true],
    ['2026-12-01T03:00:00+01:00', true],
    ['2026-12-01T03:00+01', true],
    ['2026-12-01T02:00:00', false],
    ['2026-12-01T02:00', false],
  ])('tells whether %p gives its zone (%p), and reads the same instant as parseDateTime', (text, zoned) => {
    // WHEN the text is read both ways
    const read = readDateTime(text);
    // THEN the zone is told, and the instant is the one parseDateTime gives
    expect(read?.zoned).toBe(zoned);
    expect(read?.epochMs).toBe(parseDateTime(text));
    expect(read?.epochMs).toBe(Date.UTC(2026, 11, 1, 2));
  });

  test('reads nothing from a text that is not a date-time', () => {
    expect(readDateTime('2026-02-30T02:00:00Z')).toBeUndefined();
  });
});
