/**
 * Stable assignment of VMs to the stacks of a wave.
 *
 * A VM's shard depends only on its name and the number of shards: adding or removing other VMs never
 * moves it, as long as the number of shards stays the same.
 */

/** FNV-1a, 32 bits: a fast, well-spread hash that is the same on every machine and Node.js version. */
export function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}

/** The 0-based shard of a VM among `shards`. */
export function shardOf(vmName: string, shards: number): number {
  return shards <= 1 ? 0 : fnv1a(vmName) % shards;
}

/**
 * How many shards a wave of `jobs` jobs needs when a stack holds at most `capacity`: a power of two,
 * so a wave only re-shards when it doubles past a threshold.
 */
export function shardCount(jobs: number, capacity: number): number {
  let shards = 1;
  while (jobs > shards * capacity * 0.75) {
    shards *= 2;
  }
  return shards;
}
