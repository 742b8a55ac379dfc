/**
 * Seeded pseudo-random numbers, so that ids, the catalog and injected faults repeat from run to run.
 *
 * Each consumer takes its own stream (`createRng(seed, 'faults')`), so adding a fault rule never shifts
 * the ids a test sees.
 */

/** A function returning a number in [0, 1). */
export type Rng = () => number;

/** Hashes a seed and a stream name into a 32-bit integer (FNV-1a). */
export function hashSeed(seed: number | string, stream: string): number {
  const text = `${seed}:${stream}`;
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** mulberry32: small, fast and good enough for test data. */
export function mulberry32(state: number): Rng {
  let a = state >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A PRNG stream derived from a seed. */
export function createRng(seed: number | string, stream: string): Rng {
  return mulberry32(hashSeed(seed, stream));
}

/** An integer in [min, max]. */
export function intBetween(rng: Rng, min: number, max: number): number {
  return min + Math.floor(rng() * (max - min + 1));
}

/** One element of a non-empty list. */
export function pick<T>(rng: Rng, items: readonly T[]): T {
  return items[Math.floor(rng() * items.length)];
}

/** `n` lower-case hex digits. */
export function hex(rng: Rng, n: number): string {
  let out = '';
  for (let i = 0; i < n; i++) {
    out += Math.floor(rng() * 16).toString(16);
  }
  return out;
}

/** `n` decimal digits. */
export function digits(rng: Rng, n: number): string {
  let out = '';
  for (let i = 0; i < n; i++) {
    out += Math.floor(rng() * 10).toString();
  }
  return out;
}

/** A version-4-looking UUID. */
export function uuid(rng: Rng): string {
  const h = hex(rng, 32);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20)}`;
}
