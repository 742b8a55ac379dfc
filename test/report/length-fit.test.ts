import { fitWithin, group, keep } from '../../lib/report/length-fit';

const notice = (omitted: ReadonlyMap<string, number>): string => `[-${[...omitted].map(([what, n]) => `${n} ${what}`).join(', ')}]`;

describe('fitWithin', () => {
  // GIVEN a title, a table of two low rows and a table of one high row
  const parts = () => [
    'T\n',
    group('<low>', [keep('aaaaaaaaaa\n', 0, 'low'), keep('bbbbbbbbbb\n', 0, 'low')], '</low>'),
    group('<high>', [keep('c\n', 1, 'high')], '</high>'),
  ];
  const whole = 'T\n<low>aaaaaaaaaa\nbbbbbbbbbb\n</low><high>c\n</high>';

  test('writes everything, without a notice, when it fits exactly', () => {
    expect(fitWithin(parts(), whole.length, notice)).toBe(whole);
  });

  test('leaves out the lowest tier first, its last row first, and says so', () => {
    const out = fitWithin(parts(), whole.length - 1, notice);
    expect(out).toBe('T\n<low>aaaaaaaaaa\n</low><high>c\n</high>[-1 low]');
    expect(out.length).toBeLessThanOrEqual(whole.length - 1);
  });

  test('drops a group\'s text with its last row', () => {
    const out = fitWithin(parts(), 'T\n<high>c\n</high>[-2 low]'.length, notice);
    expect(out).toBe('T\n<high>c\n</high>[-2 low]');
  });

  test('leaves out higher tiers only when the lower ones are gone', () => {
    expect(fitWithin(parts(), 'T\n[-2 low, 1 high]'.length, notice)).toBe('T\n[-2 low, 1 high]');
  });

  test('fails when the fixed text alone is too long', () => {
    expect(() => fitWithin(parts(), 3, notice)).toThrow(/longer than 3 characters/);
  });
});
