import { appendAll, maxOf } from '../../lib/private/arrays';
import { clipValue, clipValues, MAX_SHOWN_VALUE } from '../../lib/private/clip';

describe('clip', () => {
  test('leaves a value of up to 200 characters whole', () => {
    expect(clipValue('x'.repeat(MAX_SHOWN_VALUE))).toBe('x'.repeat(200));
  });

  test('cuts a longer value to 200 characters, the last an ellipsis', () => {
    // GIVEN / WHEN
    const clipped = clipValue('x'.repeat(100 * 1024 * 1024));
    // THEN
    expect(clipped).toBe(`${'x'.repeat(199)}…`);
  });

  test('never cuts a surrogate pair in half', () => {
    expect(clipValue(`${'x'.repeat(198)}😀tail`)).toBe(`${'x'.repeat(198)}…`);
  });

  test('cuts each long quoted value and each long run without spaces in a message, and keeps the rest', () => {
    // GIVEN
    const name = 'N'.repeat(5000);
    // WHEN
    const message = clipValues(`duplicate VM name "${name} with spaces" (first at line 3) and ${name}: fix it`);
    // THEN
    expect(message).toBe(`duplicate VM name "${'N'.repeat(199)}…" (first at line 3) and ${'N'.repeat(199)}…: fix it`);
  });
});

describe('arrays', () => {
  test('appends and finds the largest of more items than a call can take as arguments', () => {
    // GIVEN 500,000 numbers, which `push(...items)` and `Math.max(...items)` overflow the stack with
    const items = Array.from({ length: 500_000 }, (_, i) => i);
    // WHEN / THEN
    expect(appendAll([-1], items)).toHaveLength(500_001);
    expect(maxOf(items, 0)).toBe(499_999);
    expect(maxOf([], 4)).toBe(4);
  });
});
