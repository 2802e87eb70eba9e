/**
 * Decisions on the live facts of the flagged keys (docs/design.md §1), pure: which listed key is the key of a
 * report slot, and whether a flagged key still fails (its rule's live confirmation) or is resolved since
 * the report (deleted, deactivated, or used since). The facts come from collect/key-facts.ts.
 */
import type { Finding, KeyLastUse, ListedKey } from '../model.js';
import { toIsoSecond } from './evaluate.js';
import { ruleOf } from './rules/index.js';

function second(ms: number): number {
  return Math.floor(ms / 1000);
}

/**
 * The live key of a report slot: the listed key created in the same second as the slot's
 * `last_rotated`; when both keys share that second, the earlier-listed one is slot 1.
 */
export function keyForSlot<K extends ListedKey>(keys: K[], keyCreatedAt: string, slot: 1 | 2): K | null {
  return keyCreatedIn(keys, Date.parse(keyCreatedAt), slot);
}

function keyCreatedIn<K extends ListedKey>(keys: K[], createdAtMs: number, slot: 1 | 2): K | null {
  const want = second(createdAtMs);
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

/** The outcome of matching a slot whose creation time the report does not have. */
export type UnknownSlotMatch<K extends ListedKey = ListedKey> =
  | { kind: 'key'; key: K }
  /** Every key is accounted for by another slot: the flagged key was deleted since the report. */
  | { kind: 'gone' }
  /** More than one key could be it: no guess, the finding stays without a key id. */
  | { kind: 'ambiguous' };

/**
 * The live key of a slot whose `last_rotated` is `N/A`: the only listed key that neither another
 * flagged slot matched (`taken`) nor the other slot's report time names.
 */
export function keyForUnknownSlot<K extends ListedKey>(
  keys: K[],
  taken: ReadonlySet<string>,
  otherSlotCreatedAt: number | null,
  otherSlot: 1 | 2,
): UnknownSlotMatch<K> {
  const other = otherSlotCreatedAt === null ? null : keyCreatedIn(keys, otherSlotCreatedAt, otherSlot);
  const left = keys.filter(
    (k) => k.AccessKeyId !== undefined && !taken.has(k.AccessKeyId) && k.AccessKeyId !== other?.AccessKeyId,
  );
  if (left.length === 0) return { kind: 'gone' };
  if (left.length > 1) return { kind: 'ambiguous' };
  return { kind: 'key', key: left[0] as K };
}

/** The report's `access_key_N_last_rotated` of both slots of one user (epoch ms, null for `N/A`). */
export type ReportKeyTimes = readonly [number | null, number | null];

/** What to do with one flagged slot of a user, given the user's live keys. */
export type SlotMatch =
  /** Confirm this Active key's last use; `finding` has the live creation time when the report had none. */
  | { kind: 'confirm'; accessKeyId: string; finding: Finding }
  /** No such key any more, or inactive: resolved since the report. */
  | { kind: 'resolved' }
  /** The report has no creation time and two keys could be it: reported as the report has it, no key id. */
  | { kind: 'ambiguous' };

/**
 * A finding whose creation time the report lacks takes the matched live key's `CreateDate` (the
 * location stays `key-created-unknown-slotN`, so the alert is the same one offline and live).
 */
function withLiveCreation(f: Finding, key: ListedKey): Finding {
  if (f.keyCreatedAt !== null || key.CreateDate === undefined) return f;
  const created = key.CreateDate.getTime();
  const userCreated = Date.parse(f.userCreatedAt);
  return {
    ...f,
    keyCreatedAt: toIsoSecond(created),
    setupGapSeconds: Number.isNaN(userCreated) ? null : Math.round(Math.abs(created - userCreated) / 1000),
  };
}

function toMatch(f: Finding, key: ListedKey | null): SlotMatch {
  if (!key?.AccessKeyId || key.Status !== 'Active') return { kind: 'resolved' };
  return { kind: 'confirm', accessKeyId: key.AccessKeyId, finding: withLiveCreation(f, key) };
}

/**
 * For each flagged finding of one user, what to do with it (see SlotMatch). Two flagged slots created
 * in the same second, one key deleted since: the remaining key is confirmed once (for the first slot);
 * findings of several rules on one slot are each confirmed.
 * A slot without a creation time (`N/A`) is matched last, to the one key no other slot accounts for
 * (`reportTimes`: by the finding's location, the report's times of both slots of the row it came from;
 * a user listed twice may have rows that disagree).
 */
export function keysToConfirm(
  findings: Finding[],
  keys: ListedKey[],
  reportTimes: ReadonlyMap<string, ReportKeyTimes> | undefined,
): SlotMatch[] {
  const taken = new Set<string>();
  /** Key id -> the slot that took it (another rule's finding on that slot takes it too). */
  const takenBy = new Map<string, 1 | 2>();
  const matches: (SlotMatch | null)[] = findings.map((f) => {
    if (f.keyCreatedAt === null) return null; // matched below, once the dated slots took theirs
    const key = keyForSlot(keys, f.keyCreatedAt, f.keySlot);
    if (!key?.AccessKeyId) return { kind: 'resolved' };
    const slot = takenBy.get(key.AccessKeyId);
    if (slot !== undefined && slot !== f.keySlot) return { kind: 'resolved' };
    taken.add(key.AccessKeyId);
    takenBy.set(key.AccessKeyId, f.keySlot);
    return toMatch(f, key);
  });
  /** An undated slot's match, for the findings of the other rules on that slot. */
  const undated = new Map<1 | 2, UnknownSlotMatch>();
  return findings.map((f, i) => {
    const dated = matches[i];
    if (dated) return dated;
    const otherSlot = f.keySlot === 1 ? 2 : 1;
    let m = undated.get(f.keySlot);
    if (!m) {
      m = keyForUnknownSlot(keys, taken, reportTimes?.get(f.location)?.[otherSlot - 1] ?? null, otherSlot);
      undated.set(f.keySlot, m);
      if (m.kind === 'key' && m.key.AccessKeyId) taken.add(m.key.AccessKeyId);
    }
    if (m.kind === 'ambiguous') return { kind: 'ambiguous' };
    if (m.kind === 'gone') return { kind: 'resolved' };
    return toMatch(f, m.key);
  });
}

export interface ConfirmContext {
  /** The report's `GeneratedTime`, epoch ms: a key used after it is "used since the report". */
  reportGeneratedAt: number;
  /** The rule's unused test, applied again to the live last use (AWS's data can reach the report late). */
  asOf: number;
  unusedDays: number;
}

/**
 * The confirmed finding of a flagged key and its live last use (its rule's confirmation), or null when it
 * is resolved since the report.
 */
export function confirmFinding(
  finding: Finding,
  accessKeyId: string,
  use: KeyLastUse,
  ctx: ConfirmContext,
): Finding | null {
  const reason = ruleOf(finding).confirm(finding, use, ctx);
  if (reason === null) return null;
  if (use.usedAt === null) return { ...finding, reason, accessKeyId };
  return {
    ...finding,
    reason,
    accessKeyId,
    keyLastUsedAt: toIsoSecond(use.usedAt),
    keyLastUsedService: use.service,
    keyLastUsedRegion: use.region,
  };
}
