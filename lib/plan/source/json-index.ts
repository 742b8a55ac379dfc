import { PlanPath } from './plan-path';
import { TextPosition } from './text-position';
import { SourceLocator } from './source-locator';

// These helpers walk text that JSON.parse has already accepted, so they check nothing: they only
// find where things start and end, as fast as the engine allows (indexOf for strings).

function skipSpace(text: string, pos: number): number {
  for (;;) {
    const c = text.charCodeAt(pos);
    if (c === 32 || c === 10 || c === 13 || c === 9) {
      pos++;
    } else {
      return pos;
    }
  }
}

/** The offset just after the string that starts (with its quote) at `pos`. */
function skipString(text: string, pos: number): number {
  let end = text.indexOf('"', pos + 1);
  for (;;) {
    // An escaped quote has an odd number of backslashes before it.
    let backslashes = 0;
    while (text.charCodeAt(end - 1 - backslashes) === 92) {
      backslashes++;
    }
    if (backslashes % 2 === 0) {
      return end + 1;
    }
    end = text.indexOf('"', end + 1);
  }
}

function stringAt(text: string, pos: number, end: number): string {
  const raw = text.slice(pos + 1, end - 1);
  return raw.includes('\\') ? (JSON.parse(`"${raw}"`) as string) : raw;
}

/** The offset just after the value that starts at `pos`. */
function skipValue(text: string, pos: number): number {
  const c = text.charCodeAt(pos);
  if (c === 34) {
    return skipString(text, pos);
  }
  if (c !== 123 && c !== 91) {
    // A number or a literal: runs to the next delimiter.
    while (pos < text.length) {
      const d = text.charCodeAt(pos);
      if (d === 44 || d === 125 || d === 93 || d === 32 || d === 10 || d === 13 || d === 9) {
        return pos;
      }
      pos++;
    }
    return pos;
  }
  let depth = 0;
  for (;;) {
    const d = text.charCodeAt(pos);
    if (d === 34) {
      pos = skipString(text, pos);
      continue;
    }
    if (d === 123 || d === 91) {
      depth++;
    } else if (d === 125 || d === 93) {
      depth--;
      if (depth === 0) {
        return pos + 1;
      }
    }
    pos++;
  }
}

/** One member of an object or element of an array: where its key (if any) and its value start. */
interface Member {
  readonly key?: string;
  readonly keyOffset?: number;
  readonly valueOffset: number;
}

/** The members of the object or array whose opening bracket is at `pos`. */
function members(text: string, pos: number): Member[] {
  const list: Member[] = [];
  const array = text.charCodeAt(pos) === 91;
  pos = skipSpace(text, pos + 1);
  if (text.charCodeAt(pos) === (array ? 93 : 125)) {
    return list;
  }
  for (;;) {
    if (array) {
      list.push({ valueOffset: pos });
    } else {
      const keyEnd = skipString(text, pos);
      const valueOffset = skipSpace(text, skipSpace(text, keyEnd) + 1);
      list.push({ key: stringAt(text, pos, keyEnd), keyOffset: pos, valueOffset });
      pos = valueOffset;
    }
    pos = skipSpace(text, skipValue(text, pos));
    if (text.charCodeAt(pos) !== 44) {
      return list;
    }
    pos = skipSpace(text, pos + 1);
  }
}

/** The last member with a key: the one JSON.parse keeps when a key is repeated. */
function lastWithKey(list: readonly Member[], key: string): Member | undefined {
  for (let i = list.length - 1; i >= 0; i--) {
    if (list[i].key === key) {
      return list[i];
    }
  }
  return undefined;
}

/**
 * Locates plan paths in JSON text that JSON.parse accepted, without a second full parse: each object
 * or array on the way is indexed (its members' offsets) the first time a path goes through it, so the
 * first lookup under `vms` costs one pass over the text and later ones only the VM they are in.
 */
export class JsonLocator implements SourceLocator {
  private readonly index = new Map<number, Member[]>();
  private lineStarts?: number[];

  constructor(private readonly text: string) {}

  public fieldPosition(path: PlanPath): TextPosition | undefined {
    const found = this.walk(path);
    return found ? this.positionAt(found.keyOffset ?? found.valueOffset) : undefined;
  }

  public valuePosition(path: PlanPath): TextPosition | undefined {
    const found = this.walk(path);
    return found ? this.positionAt(found.valueOffset) : undefined;
  }

  public scalarSource(path: PlanPath): string | undefined {
    const found = this.walk(path, true);
    if (!found) {
      return undefined;
    }
    // As the yaml parser gives it: a string's value, a number or literal as written.
    const c = this.text.charCodeAt(found.valueOffset);
    const end = skipValue(this.text, found.valueOffset);
    return c === 123 || c === 91 ? undefined : c === 34 ? stringAt(this.text, found.valueOffset, end) : this.text.slice(found.valueOffset, end);
  }

  /** The member at the end of the path, or the deepest one on it (unless `exact`). */
  private walk(path: PlanPath, exact = false): Member | undefined {
    const start = skipSpace(this.text, 0);
    if (start >= this.text.length) {
      return undefined;
    }
    let current: Member = { valueOffset: start };
    for (const segment of path) {
      const c = this.text.charCodeAt(current.valueOffset);
      if (c !== 123 && c !== 91) {
        return exact ? undefined : current;
      }
      let list = this.index.get(current.valueOffset);
      if (!list) {
        list = members(this.text, current.valueOffset);
        this.index.set(current.valueOffset, list);
      }
      const next = c === 91 ? (typeof segment === 'number' ? list[segment] : undefined) : lastWithKey(list, String(segment));
      if (!next) {
        return exact ? undefined : current;
      }
      current = next;
    }
    return current;
  }

  /** The line and column of a character offset (the line index is built on first use, then each lookup is a binary search). */
  public positionAt(offset: number): TextPosition {
    if (!this.lineStarts) {
      this.lineStarts = [0];
      for (let i = this.text.indexOf('\n'); i !== -1; i = this.text.indexOf('\n', i + 1)) {
        this.lineStarts.push(i + 1);
      }
    }
    // Binary search for the line that holds the offset.
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.lineStarts[mid] <= offset) {
        low = mid;
      } else {
        high = mid - 1;
      }
    }
    return { line: low + 1, column: offset - this.lineStarts[low] + 1 };
  }
}

/** What one pass over JSON text (that JSON.parse accepted) finds before anything walks the parsed data. */
export interface JsonShape {
  /**
   * The offset of the first `{` or `[` that opens a level deeper than the limit (the outermost object
   * is level 1), or -1 when there is none; the pass stops there.
   */
  readonly tooDeepAt: number;
  /** How many property names the text writes (its colons outside strings), all objects together. */
  readonly keys: number;
}

/**
 * Depth and key count of JSON text in one pass. Depth is checked before anything walks the parsed
 * data recursively, so that a file nested thousands of levels deep is refused with a message rather
 * than overflowing the stack; the key count, set against the parsed data's (`dataKeyCount`), tells
 * whether the text repeats a key, which JSON.parse silently resolves to the last.
 */
export function jsonShape(text: string, maxDepth: number): JsonShape {
  let depth = 0;
  let keys = 0;
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 34) {
      i = skipString(text, i);
      continue;
    }
    if (c === 58) {
      keys++;
    } else if (c === 123 || c === 91) {
      if (++depth > maxDepth) {
        return { tooDeepAt: i, keys };
      }
    } else if (c === 125 || c === 93) {
      depth--;
    }
    i++;
  }
  return { tooDeepAt: -1, keys };
}

/**
 * How many properties parsed data has, all objects together, or -1 when its objects and arrays nest
 * deeper than `maxDepth` (the outermost is level 1). JSON.parse does not recurse, so data nested
 * thousands of levels deep parses; this walk stops at the limit and never goes deeper, and it is the
 * first thing to walk the data.
 */
export function dataKeyCount(value: unknown, maxDepth: number = Infinity): number {
  return countKeys(value, maxDepth);
}

function countKeys(value: unknown, levelsLeft: number): number {
  if (value === null || typeof value !== 'object') {
    return 0;
  }
  if (levelsLeft < 1) {
    return -1;
  }
  let count = 0;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const inner = countKeys(value[i], levelsLeft - 1);
      if (inner < 0) {
        return -1;
      }
      count += inner;
    }
  } else {
    // Parsed JSON holds plain objects only, so for-in sees exactly their own keys (and allocates no list).
    for (const key in value) {
      const inner = countKeys((value as Record<string, unknown>)[key], levelsLeft - 1);
      if (inner < 0) {
        return -1;
      }
      count += 1 + inner;
    }
  }
  return count;
}

/**
 * At least as many as the property names JSON text (that JSON.parse accepted) writes, found with the
 * engine's own search rather than a walk of every character: every colon whose nearest non-space
 * character before it is an unescaped quote. A key's colon always is one; a colon inside a string
 * only when the string starts with it (`":8080"`), which counts one too many and never one too few.
 * So when this equals the parsed data's key count, the text repeats no key.
 */
export function keyCountBound(text: string): number {
  let count = 0;
  for (let colon = text.indexOf(':'); colon !== -1; colon = text.indexOf(':', colon + 1)) {
    let at = colon - 1;
    let c = text.charCodeAt(at);
    while (c === 32 || c === 10 || c === 13 || c === 9) {
      c = text.charCodeAt(--at);
    }
    if (c === 34) {
      let backslashes = 0;
      while (text.charCodeAt(at - 1 - backslashes) === 92) {
        backslashes++;
      }
      if (backslashes % 2 === 0) {
        count++;
      }
    }
  }
  return count;
}

/**
 * True when JSON text repeats a key in some object: JSON.parse keeps only the last, so the parsed data
 * then has fewer properties than the text has keys. Counting is about a third of the cost of finding
 * the duplicates, and a bound found by search a seventh of counting, so the happy path only bounds.
 */
export function hasDuplicateJsonKeys(text: string, parsed: unknown): boolean {
  const dataKeys = dataKeyCount(parsed);
  return keyCountBound(text) !== dataKeys && jsonShape(text, Infinity).keys !== dataKeys;
}

/** A property name written twice in one object of JSON text that JSON.parse accepted (which keeps the last). */
export interface DuplicateKey {
  /** The path of the property. */
  readonly path: (string | number)[];
  /** Offset of the repeated key. */
  readonly offset: number;
  /** Offset of its first occurrence. */
  readonly firstOffset: number;
}

/**
 * Every duplicate property name in JSON text that JSON.parse accepted. One pass; only objects' keys
 * are kept, and only while the object is open.
 */
export function duplicateJsonKeys(text: string): DuplicateKey[] {
  const found: DuplicateKey[] = [];
  const walk = (pos: number, path: (string | number)[]): number => {
    const c = text.charCodeAt(pos);
    if (c !== 123 && c !== 91) {
      return skipValue(text, pos);
    }
    const array = c === 91;
    const keys = array ? undefined : new Map<string, number>();
    let index = 0;
    pos = skipSpace(text, pos + 1);
    if (text.charCodeAt(pos) === (array ? 93 : 125)) {
      return pos + 1;
    }
    for (;;) {
      let segment: string | number = index;
      if (keys) {
        const keyEnd = skipString(text, pos);
        const key = stringAt(text, pos, keyEnd);
        const first = keys.get(key);
        if (first === undefined) {
          keys.set(key, pos);
        } else {
          found.push({ path: [...path, key], offset: pos, firstOffset: first });
        }
        segment = key;
        pos = skipSpace(text, skipSpace(text, keyEnd) + 1);
      }
      path.push(segment);
      pos = skipSpace(text, walk(pos, path));
      path.pop();
      index++;
      if (text.charCodeAt(pos) !== 44) {
        return pos + 1;
      }
      pos = skipSpace(text, pos + 1);
    }
  };
  walk(skipSpace(text, 0), []);
  return found;
}
