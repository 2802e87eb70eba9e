/**
 * The records this tool keeps in its own issue comments (docs/design.md §8): the only memory it writes.
 * Each record is one hidden line at the top of a comment the action posts; a comment may carry several
 * (a deactivation that also closes the issue). The line names the record's kind, the account and user of
 * the issue, and the keys it is about (location or a hash of an absurdly long one, and the key id when
 * known); the time of a record is NOT in it: it is the comment's `created_at`, which GitHub sets and
 * nobody can back-date. Whether a record counts (author, edits, account) is decided in
 * src/evaluate/evidence.ts; this module only writes and reads the line. Pure.
 */
import { createHash } from 'node:crypto';
import { identityOf } from './identity.js';

type RecordKind = 'seen' | 'restored' | 'deactivated' | 'closed' | 'moved';
type CloseReason = 'fixed' | 'exempted' | 'deactivated' | 'duplicate';

/** One key a record is about. */
export interface RecordKey {
  /**
   * The key's location, or `sha256:<hex>` of a location too long to carry ({@link locationRef}); for any
   * rule but the first, prefixed with `<ruleId>/` ({@link recordRef}).
   */
  ref: string;
  /** The access key id; null offline (the report has none). */
  keyId: string | null;
}

export interface IssueRecord {
  kind: RecordKind;
  accountId: string;
  /** The user key (ARN, or a hash) of the issue's marker when the record was written. */
  userKey: string;
  keys: RecordKey[];
  /** `closed`: why the issue was closed. */
  reason?: CloseReason;
  /** `deactivated`: false when the deactivation was recognised after its answer was lost. */
  confirmed?: boolean;
  /**
   * `seen` on a reopened issue: when the issue had been closed (GitHub's `closed_at`). What was reported
   * before that ended then; an alert created earlier does not count for the keys listed again.
   */
  endedAt?: string;
}

const PREFIX = '<!-- iam-initial-access-key:record v=1';
const KINDS: readonly RecordKind[] = ['seen', 'restored', 'deactivated', 'closed', 'moved'];
const REASONS: readonly CloseReason[] = ['fixed', 'exempted', 'deactivated', 'duplicate'];
/** Longest location carried verbatim; longer ones (no real IAM path is) are hashed. */
const MAX_REF = 512;
const KEY_ID = /^[A-Z0-9]{16,128}$/;
const ISO_SECOND = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;

/** The key id as records carry it: an AWS access key id, else null (the key is then known by its location). */
export function recordKeyId(id: string | null | undefined): string | null {
  return id && KEY_ID.test(id) ? id : null;
}

/** A location as records carry it: itself, or `sha256:<hex>` when it is longer than any real one. */
export function locationRef(location: string): string {
  if (location.length <= MAX_REF) return location;
  return `sha256:${createHash('sha256').update(location, 'utf8').digest('hex')}`;
}

/**
 * A finding's key as records carry it: its location ref under its rule's identity (src/evaluate/identity.ts:
 * the ref alone for the first rule, `<ruleId>/<ref>` for the others).
 */
export function recordRef(ruleId: string, location: string): string {
  return identityOf(ruleId, locationRef(location));
}

/** The hidden line of one record. Every value is percent-encoded or checked: nothing can end the comment. */
export function renderRecord(r: IssueRecord): string {
  const keys = r.keys.map((k) => `${encodeURIComponent(k.ref)}:${recordKeyId(k.keyId) ?? '-'}`).join(',');
  const extra = [
    r.reason ? ` reason=${r.reason}` : '',
    r.confirmed === false ? ' confirmed=no' : '',
    r.endedAt && ISO_SECOND.test(r.endedAt) ? ` ended=${r.endedAt}` : '',
  ].join('');
  return (
    `${PREFIX} kind=${r.kind} account=${encodeURIComponent(r.accountId)} ` +
    `user=${encodeURIComponent(r.userKey)} keys=${keys || '-'}${extra} -->`
  );
}

const LINE = new RegExp(
  `^${PREFIX.replace(/[.*+?^$()|[\]{}\\]/g, '\\$&')} kind=(\\S+) account=(\\S+) user=(\\S+) keys=(\\S+)((?: [a-z]+=\\S+)*) -->\\s*$`,
);

function parseLine(line: string): IssueRecord | null {
  const m = LINE.exec(line);
  if (!m) return null;
  const kind = m[1] as RecordKind;
  if (!KINDS.includes(kind)) return null;
  try {
    const accountId = decodeURIComponent(m[2] as string);
    const userKey = decodeURIComponent(m[3] as string);
    const keys: RecordKey[] = [];
    if (m[4] !== '-') {
      for (const entry of (m[4] as string).split(',')) {
        const i = entry.lastIndexOf(':');
        if (i <= 0) return null;
        const id = entry.slice(i + 1);
        if (id !== '-' && !KEY_ID.test(id)) return null;
        keys.push({ ref: decodeURIComponent(entry.slice(0, i)), keyId: id === '-' ? null : id });
      }
    }
    const record: IssueRecord = { kind, accountId, userKey, keys };
    for (const pair of (m[5] ?? '').trim().split(' ').filter(Boolean)) {
      const [name, value = ''] = pair.split('=', 2) as [string, string?];
      if (name === 'reason' && REASONS.includes(value as CloseReason)) record.reason = value as CloseReason;
      else if (name === 'confirmed' && value === 'no') record.confirmed = false;
      else if (name === 'ended' && ISO_SECOND.test(value) && !Number.isNaN(Date.parse(value)))
        record.endedAt = value;
      else return null;
    }
    return accountId && userKey ? record : null;
  } catch {
    return null; // a broken escape: not a record
  }
}

/** The records at the top of a comment (its first lines, before anything else); empty when none. */
export function parseRecords(body: string | null | undefined): IssueRecord[] {
  const out: IssueRecord[] = [];
  if (!body) return out;
  for (const line of body.replace(/^\uFEFF/, '').split(/\r?\n/)) {
    if (!line.startsWith(PREFIX)) break;
    const r = parseLine(line);
    if (r) out.push(r);
  }
  return out;
}

/** True when a comment's first line looks like a record (valid or not): worth a word when it is not trusted. */
export function looksLikeRecord(body: string | null | undefined): boolean {
  return (body ?? '').replace(/^\uFEFF/, '').startsWith(PREFIX);
}

/** A comment body: the records' lines, then the text people read. */
export function withRecords(records: readonly IssueRecord[], text: string): string {
  return [...records.map(renderRecord), text].join('\n');
}
