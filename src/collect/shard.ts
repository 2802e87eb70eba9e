import type { Shard } from '../model.js';

/** Orders account ids numerically (12-digit ids; a longer digit string is the larger number). */
export function compareAccountIds(a: string, b: string): number {
  if (a.length !== b.length) return a.length - b.length;
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The K-th of N deterministic slices of an account list (docs/design.md §3 `shard`, §7).
 *
 * An account belongs to slice `(account id mod N) + 1`. The slices for K = 1..N are disjoint and cover
 * every id, whatever order the list arrived in (an Organizations listing may come back in any order),
 * and, unlike a split by position, an account stays in its slice when others join or leave the
 * organization: its code scanning alerts stay in the same shard's SARIF category and its issue stays
 * with the same shard. Account ids are random, so the slices come out about the same size. Anyone can
 * tell which shard audits an account. `null` (no shard) returns the whole list; both come sorted.
 */
export function selectShard(ids: string[], shard: Shard | null): string[] {
  const sorted = [...new Set(ids)].sort(compareAccountIds);
  if (shard === null) return sorted;
  const { index, total } = shard;
  if (!Number.isInteger(total) || total < 1 || !Number.isInteger(index) || index < 1 || index > total) {
    throw new RangeError(`invalid shard ${index}/${total}: K must be an integer from 1 to N`);
  }
  return sorted.filter((id) => shardOf(id, total) === index);
}

/** The 1-based slice of N that audits an account: (account id mod N) + 1. */
export function shardOf(accountId: string, total: number): number {
  return Number(BigInt(accountId) % BigInt(total)) + 1;
}
