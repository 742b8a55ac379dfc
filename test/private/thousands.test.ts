import { thousands } from '../../lib/private/thousands';

describe('thousands', () => {
  test.each([0, 7, 12, 999, 1_000, 9_999, 50_000, 123_456, 1_000_000, 12_345_678, -1, -1_000, -987_654_321, Number.MAX_SAFE_INTEGER, -0])(
    'writes %p as toLocaleString(en-US) does', (n) => {
      expect(thousands(n)).toBe(n.toLocaleString('en-US'));
    });

  test('groups whole numbers by threes', () => {
    expect(thousands(1_234_567)).toBe('1,234,567');
    expect(thousands(-45_000)).toBe('-45,000');
  });

  test.each([1.5, 1234.5678, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 60])('leaves %p to toLocaleString', (n) => {
    expect(thousands(n)).toBe(n.toLocaleString('en-US'));
  });
});
