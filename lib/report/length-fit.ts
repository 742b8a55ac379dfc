/**
 * Fits a text report within a length by leaving rows out, least important first.
 *
 * The report is a tree: fixed text, droppable rows, and groups (a table's heading and header, a
 * `<details>` and its closing tag) that are written only while one of their rows is. Dropping a row
 * updates the length in place, so a report of any size is fitted in one pass instead of being
 * rendered again per row. `O` is what a row is counted as when it is left out (the last line of the
 * report names those counts).
 */

/** A row that may be left out. */
export interface FitRow<O> {
  readonly text: string;
  /** Lower tiers are left out first; within a tier, later rows first. */
  readonly tier: number;
  readonly omission: O;
  kept: boolean;
  parent?: FitGroup<O>;
}

/** Text written around its rows, only while one of them is kept. */
export interface FitGroup<O> {
  readonly head: string;
  readonly tail: string;
  readonly children: readonly FitPart<O>[];
  kept: number;
  parent?: FitGroup<O>;
}

/** Fixed text, a row or a group. */
export type FitPart<O> = string | FitRow<O> | FitGroup<O>;

/** A row of the given tier, counted as `omission` when left out. */
export function keep<O>(text: string, tier: number, omission: O): FitRow<O> {
  return { text, tier, omission, kept: true };
}

/** A group of parts, with text before and after them. */
export function group<O>(head: string, children: readonly FitPart<O>[], tail = ''): FitGroup<O> {
  return { head, tail, children, kept: 0 };
}

/** Links parents, counts rows, collects them in document order, and returns the length of what would be written. */
function link<O>(parts: readonly FitPart<O>[], parent: FitGroup<O> | undefined, rows: FitRow<O>[]): number {
  let length = 0;
  for (const part of parts) {
    if (typeof part === 'string') {
      length += part.length;
    } else if ('text' in part) {
      part.parent = parent;
      rows.push(part);
      length += part.text.length;
    } else {
      part.parent = parent;
      const before = rows.length;
      const inner = link(part.children, part, rows);
      part.kept = rows.length - before;
      length += part.kept > 0 ? part.head.length + inner + part.tail.length : 0;
    }
  }
  return length;
}

/** Drops a row and returns how many characters that saves, its emptied groups included. */
function drop<O>(target: FitRow<O>): number {
  target.kept = false;
  let saved = target.text.length;
  for (let g = target.parent; g !== undefined; g = g.parent) {
    g.kept -= 1;
    if (g.kept === 0) {
      saved += g.head.length + g.tail.length;
    }
  }
  return saved;
}

function write<O>(parts: readonly FitPart<O>[], out: string[]): void {
  for (const part of parts) {
    if (typeof part === 'string') {
      out.push(part);
    } else if ('text' in part) {
      if (part.kept) {
        out.push(part.text);
      }
    } else if (part.kept > 0) {
      out.push(part.head);
      write(part.children, out);
      out.push(part.tail);
    }
  }
}

/**
 * Writes the parts whole when they fit within `maxLength`; otherwise leaves rows out, least important
 * first, until they fit together with the last line `notice` makes of what was left out.
 *
 * Throws when even leaving every row out does not make them fit.
 */
export function fitWithin<O>(parts: readonly FitPart<O>[], maxLength: number, notice: (omitted: ReadonlyMap<O, number>) => string): string {
  const rows: FitRow<O>[] = [];
  let length = link(parts, undefined, rows);
  const out: string[] = [];
  if (length <= maxLength) {
    write(parts, out);
    return out.join('');
  }
  const order = rows.map((_, i) => i).sort((a, b) => rows[a].tier - rows[b].tier || b - a);
  const omitted = new Map<O, number>();
  for (const index of order) {
    const target = rows[index];
    length -= drop(target);
    omitted.set(target.omission, (omitted.get(target.omission) ?? 0) + 1);
    const last = notice(omitted);
    if (length + last.length <= maxLength) {
      write(parts, out);
      out.push(last);
      return out.join('');
    }
  }
  throw new Error(`the report's fixed text alone is longer than ${maxLength} characters`);
}
