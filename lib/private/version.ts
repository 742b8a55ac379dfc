/**
 * Numeric version handling shared by the rules.
 *
 * Versions in plan files are text written by people and importers: `5.10`, `14.04.5`, `11 SP3`,
 * `3.0.101-63-default`. Comparing them as strings gets `5.10 < 5.9` wrong, so every comparison goes
 * through the numeric components parsed here.
 */

/** A parsed version: its numeric components, most significant first. */
export type VersionParts = readonly number[];

/**
 * Parses a version's numeric components: `5.10` is [5, 10], `11 SP3` is [11, 3], `7` is [7].
 *
 * Returns undefined when the text holds no number at all.
 */
export function parseVersion(text: string | undefined): VersionParts | undefined {
  if (text == null) {
    return undefined;
  }
  // "11 SP3", "11-SP3" and "11sp3" mean service pack 3 of release 11, the same as "11.3".
  const normalized = String(text).trim().toLowerCase().replace(/[\s_-]*sp\s*(\d+)/g, '.$1');
  const match = normalized.match(/^\D*?(\d+(?:\.\d+)*)/);
  if (!match) {
    return undefined;
  }
  return match[1].split('.').map((part) => Number(part));
}

/** Compares two parsed versions numerically; missing trailing components count as 0. */
export function compareVersions(a: VersionParts, b: VersionParts): number {
  const length = Math.max(a.length, b.length);
  for (let i = 0; i < length; i++) {
    const diff = (a[i] ?? 0) - (b[i] ?? 0);
    if (diff !== 0) {
      return diff < 0 ? -1 : 1;
    }
  }
  return 0;
}

/** An inclusive range of versions, written as text (`5.1`-`5.11`). */
export interface VersionRange {
  readonly from: string;
  readonly to: string;
}

interface ParsedRange {
  readonly from: VersionParts;
  readonly to: VersionParts;
  readonly precision: number;
}

// Rules pass the same constant ranges for every VM: parse each once.
const PARSED_RANGES = new WeakMap<VersionRange, ParsedRange>();

function parsedRange(range: VersionRange): ParsedRange {
  let parsed = PARSED_RANGES.get(range);
  if (!parsed) {
    const from = parseVersion(range.from)!;
    const to = parseVersion(range.to)!;
    parsed = { from, to, precision: Math.max(from.length, to.length) };
    PARSED_RANGES.set(range, parsed);
  }
  return parsed;
}

/** Where a version stands against a set of ranges. */
export type RangeMatch = 'inside' | 'outside' | 'ambiguous';

/**
 * Places a version against inclusive ranges.
 *
 * A version written with fewer components than the ranges' bounds stands for every version that
 * starts with it: `7` is any of 7.0, 7.1, ... 7.9. It is `inside` only when all of those are inside,
 * `outside` when none are, and `ambiguous` otherwise (the rule then reports unknown rather than guess).
 * Components beyond the bounds' precision are ignored, so a point release such as Ubuntu 14.04.5
 * counts as 14.04.
 */
export function matchRanges(version: VersionParts, ranges: readonly VersionRange[]): RangeMatch {
  let sawPartial = false;
  for (const range of ranges) {
    const { from, to, precision } = parsedRange(range);
    const v = version.slice(0, precision);
    if (v.length >= precision) {
      if (compareVersions(v, from) >= 0 && compareVersions(v, to) <= 0) {
        return 'inside';
      }
      continue;
    }
    // A shorter version is a prefix: compare only the components it has.
    const fromPrefix = from.slice(0, v.length);
    const toPrefix = to.slice(0, v.length);
    if (compareVersions(v, fromPrefix) < 0 || compareVersions(v, toPrefix) > 0) {
      continue;
    }
    sawPartial = true;
  }
  return sawPartial ? 'ambiguous' : 'outside';
}

/** Writes ranges for a message: `5.1-5.11, 6.1-6.9`; a single-version range is written once. */
export function formatRanges(ranges: readonly VersionRange[]): string {
  return ranges.map((r) => (r.from === r.to ? r.from : `${r.from}-${r.to}`)).join(', ');
}

/**
 * Parses a Linux kernel release for comparison, dropping the flavour suffix
 * (`3.0.101-63-default` and `3.0.101-63-xen` are both [3, 0, 101, 63]).
 *
 * Returns undefined when the text holds no number.
 */
export function parseKernel(text: string | undefined): VersionParts | undefined {
  if (text == null) {
    return undefined;
  }
  const match = String(text).trim().match(/^(\d+(?:\.\d+)*)(?:-(\d+(?:\.\d+)*))?/);
  if (!match) {
    return undefined;
  }
  const base = match[1].split('.').map(Number);
  const release = match[2] ? match[2].split('.').map(Number) : [];
  return [...base, ...release];
}
