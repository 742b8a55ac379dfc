/*
 * How many terminal columns a text takes, for tables that line up whatever names they hold. East Asian
 * Wide and Fullwidth characters (CJK ideographs, Hangul, kana, fullwidth forms, most emoji) take two
 * columns; combining marks, zero-width characters and variation selectors take none; everything else one.
 * The ranges are those of Unicode's EastAsianWidth.txt (W and F), grouped; a terminal may differ on
 * characters of ambiguous width, which count one here as they do in most Western locales.
 */

/** Code point ranges, inclusive, of East Asian Wide (W) and Fullwidth (F) characters. */
const WIDE: ReadonlyArray<readonly [number, number]> = [
  [0x1100, 0x115f], [0x231a, 0x231b], [0x2329, 0x232a], [0x23e9, 0x23ec], [0x23f0, 0x23f0], [0x23f3, 0x23f3],
  [0x25fd, 0x25fe], [0x2614, 0x2615], [0x2648, 0x2653], [0x267f, 0x267f], [0x2693, 0x2693], [0x26a1, 0x26a1],
  [0x26aa, 0x26ab], [0x26bd, 0x26be], [0x26c4, 0x26c5], [0x26ce, 0x26ce], [0x26d4, 0x26d4], [0x26ea, 0x26ea],
  [0x26f2, 0x26f3], [0x26f5, 0x26f5], [0x26fa, 0x26fa], [0x26fd, 0x26fd], [0x2705, 0x2705], [0x270a, 0x270b],
  [0x2728, 0x2728], [0x274c, 0x274c], [0x274e, 0x274e], [0x2753, 0x2755], [0x2757, 0x2757], [0x2795, 0x2797],
  [0x27b0, 0x27b0], [0x27bf, 0x27bf], [0x2b1b, 0x2b1c], [0x2b50, 0x2b50], [0x2b55, 0x2b55],
  [0x2e80, 0x303e], [0x3041, 0x33ff], [0x3400, 0x4dbf], [0x4e00, 0x9fff], [0xa000, 0xa4cf], [0xa960, 0xa97f],
  [0xac00, 0xd7a3], [0xf900, 0xfaff], [0xfe10, 0xfe19], [0xfe30, 0xfe6f], [0xff00, 0xff60], [0xffe0, 0xffe6],
  [0x16fe0, 0x16fe4], [0x17000, 0x18cff], [0x1b000, 0x1b2ff], [0x1f004, 0x1f004], [0x1f0cf, 0x1f0cf],
  [0x1f18e, 0x1f18e], [0x1f191, 0x1f19a], [0x1f200, 0x1f251], [0x1f300, 0x1f64f], [0x1f680, 0x1f6ff],
  [0x1f7e0, 0x1f7eb], [0x1f90c, 0x1f9ff], [0x1fa70, 0x1faff], [0x20000, 0x2fffd], [0x30000, 0x3fffd],
];

/** Combining marks, zero-width characters and variation selectors: no column of their own. */
const ZERO_WIDTH = new RegExp('^[\\u0300-\\u036f\\u0483-\\u0489\\u0591-\\u05bd\\u0610-\\u061a\\u064b-\\u065f\\u0e31\\u0e34-\\u0e3a\\u0e47-\\u0e4e'
  + '\\u1ab0-\\u1aff\\u1dc0-\\u1dff\\u200b-\\u200f\\u20d0-\\u20ff\\ufe00-\\ufe0f\\ufe20-\\ufe2f\\ufeff]$', 'u');

function isWide(codePoint: number): boolean {
  let low = 0;
  let high = WIDE.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const [start, end] = WIDE[mid];
    if (codePoint < start) {
      high = mid - 1;
    } else if (codePoint > end) {
      low = mid + 1;
    } else {
      return true;
    }
  }
  return false;
}

/** The columns one character (a code point) takes: 0, 1 or 2. */
export function charWidth(char: string): number {
  const codePoint = char.codePointAt(0) ?? 0;
  if (codePoint < 0x300) {
    return 1;
  }
  if (ZERO_WIDTH.test(char) || (codePoint >= 0xe0100 && codePoint <= 0xe01ef)) {
    return 0;
  }
  return isWide(codePoint) ? 2 : 1;
}

/** The columns a text takes in a terminal. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const char of text) {
    width += charWidth(char);
  }
  return width;
}

/** The text padded with spaces at the end to `width` columns. */
export function padEndDisplay(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - displayWidth(text)));
}

/**
 * The text fitted to exactly `width` columns: padded, or cut with an ellipsis (never through a wide
 * character: a cut that would split one leaves a space instead).
 */
export function fitDisplay(text: string, width: number): string {
  if (displayWidth(text) <= width) {
    return padEndDisplay(text, width);
  }
  let out = '';
  let used = 0;
  for (const char of text) {
    const w = charWidth(char);
    if (used + w > width - 1) {
      break;
    }
    out += char;
    used += w;
  }
  return padEndDisplay(`${out}…`, width);
}
