import type { Shard } from '../model.js';

/** Orders account ids numerically (12-digit ids; a longer digit string is the larger number). */
export function compareAccountIds(a: string, b: string): number {
  if (a.length !== b.length) return a.length - b.length;
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The K-th of N deterministic slices of an account list (DESIGN §3 `shard`, §7).
 *
 * Round-robin: the ids are de-duplicated and sorted numerically, then slice K (1-based) takes every
 * id whose 0-based position `p` has `p mod N = K - 1`. The slices for K = 1..N are disjoint, cover
 * every id, differ in size by at most one, and do not depend on the order the list arrived in (an
 * Organizations listing may come back in any order). `null` (no shard) returns the whole sorted list.
 */
export function selectShard(ids: string[], shard: Shard | null): string[] {
  const sorted = [...new Set(ids)].sort(compareAccountIds);
  if (shard === null) return sorted;
  const { index, total } = shard;
  if (!Number.isInteger(total) || total < 1 || !Number.isInteger(index) || index < 1 || index > total) {
    throw new RangeError(`invalid shard ${index}/${total}: K must be an integer from 1 to N`);
  }
  return sorted.filter((_, position) => position % total === index - 1);
}
