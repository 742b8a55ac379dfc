/**
 * Array helpers for lists whose length comes from the input (rows, VMs, warnings). A spread into a call
 * (`list.push(...items)`, `Math.max(...values)`) passes every item as an argument, and V8 overflows the
 * stack somewhere past a hundred thousand of them: these loop instead.
 */

/** Appends every item to `target` and returns it. */
export function appendAll<T>(target: T[], items: readonly T[]): T[] {
  for (const item of items) {
    target.push(item);
  }
  return target;
}

/** The largest of the values, or `floor` when it is larger (or there are none). */
export function maxOf(values: Iterable<number>, floor: number): number {
  let max = floor;
  for (const value of values) {
    if (value > max) {
      max = value;
    }
  }
  return max;
}
