/**
 * Decisions on the live facts of the flagged keys (DESIGN §1), pure: which listed key is the key of a
 * report slot, and whether a flagged key still fails or is resolved since the report (deleted,
 * deactivated, or used since). The facts come from collect/key-facts.ts.
 */
import type { Finding, KeyLastUse, ListedKey } from '../model.js';
import { toIsoSecond, unnecessaryReason } from './evaluate.js';

function second(ms: number): number {
  return Math.floor(ms / 1000);
}

/**
 * The live key of a report slot: the listed key created in the same second as the slot's
 * `last_rotated`; when both keys share that second, the earlier-listed one is slot 1.
 */
export function keyForSlot<K extends ListedKey>(keys: K[], keyCreatedAt: string, slot: 1 | 2): K | null {
  const want = second(Date.parse(keyCreatedAt));
  const same = keys.filter((k) => k.CreateDate !== undefined && second(k.CreateDate.getTime()) === want);
  if (same.length === 1) return same[0] ?? null;
  if (same.length === 2) return (slot === 1 ? same[0] : same[1]) ?? null;
  // A CreateDate with sub-second digits can round into the next second on the way (the SDK keeps
  // milliseconds): accept the one key within a second of the report's time, never a guess between two.
  const near = keys.filter(
    (k) => k.CreateDate !== undefined && Math.abs(k.CreateDate.getTime() - want * 1_000) <= 1_000,
  );
  return near.length === 1 ? (near[0] ?? null) : null;
}

/**
 * For each flagged finding of one user, the id of the Active key to confirm, or null when the slot is
 * resolved already (no such key any more, or inactive). Two flagged slots created in the same second,
 * one key deleted since: the remaining key is confirmed once (for the first slot).
 */
export function keysToConfirm(findings: Finding[], keys: ListedKey[]): (string | null)[] {
  const taken = new Set<string>();
  return findings.map((f) => {
    const key = keyForSlot(keys, f.keyCreatedAt, f.keySlot);
    if (!key?.AccessKeyId || taken.has(key.AccessKeyId)) return null;
    taken.add(key.AccessKeyId);
    return key.Status === 'Active' ? key.AccessKeyId : null;
  });
}

export interface ConfirmContext {
  /** The report's `GeneratedTime`, epoch ms: a key used after it is "used since the report". */
  reportGeneratedAt: number;
  /** The rule's unused test, applied again to the live last use (AWS's data can reach the report late). */
  asOf: number;
  unusedDays: number;
}

/** The confirmed finding of a flagged key and its live last use, or null when it is resolved since the report. */
export function confirmFinding(
  finding: Finding,
  accessKeyId: string,
  use: KeyLastUse,
  ctx: ConfirmContext,
): Finding | null {
  if (use.usedAt === null) return { ...finding, accessKeyId };
  const usedSecond = second(use.usedAt);
  const reportUsedSecond = finding.keyLastUsedAt === null ? null : second(Date.parse(finding.keyLastUsedAt));
  // Used since the report: after its generation and after the last use the report recorded.
  if (
    usedSecond > second(ctx.reportGeneratedAt) &&
    (reportUsedSecond === null || usedSecond > reportUsedSecond)
  )
    return null;
  // The same test as the rule, on the live date: a key used within `unused-days` is not unnecessary
  // (with unused-days 0 only never-used keys fail, so any use resolves it).
  if (unnecessaryReason(use.usedAt, ctx.asOf, ctx.unusedDays) === null) return null;
  return {
    ...finding,
    reason: 'unused',
    accessKeyId,
    keyLastUsedAt: toIsoSecond(use.usedAt),
    keyLastUsedService: use.service,
    keyLastUsedRegion: use.region,
  };
}
