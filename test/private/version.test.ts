import { compareVersions, formatRanges, matchRanges, parseKernel, parseVersion } from '../../lib/private/version';

describe('parseVersion', () => {
  test.each([
    ['5.10', [5, 10]], ['14.04.5', [14, 4, 5]], ['11 SP3', [11, 3]], ['11-sp3', [11, 3]], ['11.3', [11, 3]], ['7', [7]],
    ['v2.1', [2, 1]],
  ])('reads %s', (text, parts) => {
    expect(parseVersion(text)).toEqual(parts);
  });

  test('is undefined without a number', () => {
    expect(parseVersion('latest')).toBeUndefined();
    expect(parseVersion(undefined)).toBeUndefined();
  });
});

describe('compareVersions', () => {
  test('compares numerically, not as text', () => {
    expect(compareVersions([5, 10], [5, 9])).toBe(1);
    expect(compareVersions([7], [7, 0])).toBe(0);
    expect(compareVersions([6, 9], [6, 10])).toBe(-1);
  });
});

describe('matchRanges', () => {
  const rhel = [{ from: '5.1', to: '5.11' }, { from: '6.1', to: '6.9' }, { from: '7.0', to: '7.3' }];

  test('places versions inside and outside, at both ends', () => {
    expect(matchRanges([5, 1], rhel)).toBe('inside');
    expect(matchRanges([5, 11], rhel)).toBe('inside');
    expect(matchRanges([5, 12], rhel)).toBe('outside');
    expect(matchRanges([6, 0], rhel)).toBe('outside');
    expect(matchRanges([7, 4], rhel)).toBe('outside');
  });

  test('ignores components beyond the list precision', () => {
    expect(matchRanges([14, 4, 5], [{ from: '14.04', to: '14.04' }])).toBe('inside');
  });

  test('treats a shorter version as every version that starts with it', () => {
    expect(matchRanges([7], rhel)).toBe('ambiguous');
    expect(matchRanges([8], rhel)).toBe('outside');
    expect(matchRanges([20], [{ from: '19', to: '21' }])).toBe('inside');
  });

  test('formats ranges for messages', () => {
    expect(formatRanges([...rhel, { from: '8.0.0', to: '8.0.0' }])).toBe('5.1-5.11, 6.1-6.9, 7.0-7.3, 8.0.0');
  });
});

describe('parseKernel', () => {
  test('drops the flavour suffix', () => {
    expect(parseKernel('3.0.101-63-default')).toEqual([3, 0, 101, 63]);
    expect(parseKernel('3.0.101-63-xen')).toEqual([3, 0, 101, 63]);
    expect(parseKernel('2.6.32.12-0.7-pae')).toEqual([2, 6, 32, 12, 0, 7]);
  });
});
