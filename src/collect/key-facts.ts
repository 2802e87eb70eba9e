/**
 * Live confirmation of the keys a credential report flagged (DESIGN §1): the report can be hours old,
 * so each flagged key is checked against the live API before it is reported.
 *
 * Per flagged user: `ListAccessKeys` (key id, exact `CreateDate`, `Status`) and `ListUserTags` (for the
 * exemption tag; paginated only when truncated). Per flagged key: `GetAccessKeyLastUsed`. Never a walk
 * over all users. A key deleted, deactivated or used since the report (or whose user was deleted) is
 * dropped and counted in `resolvedSinceReport`.
 */
import {
  GetAccessKeyLastUsedCommand,
  ListAccessKeysCommand,
  ListUserTagsCommand,
  type AccessKeyMetadata,
  type IAMClient,
} from '@aws-sdk/client-iam';
import type { Finding } from '../model.js';
import { toIsoSecond } from '../evaluate/evaluate.js';
import { NO_SUCH_ENTITY, atStep, awsErrorName } from '../aws/errors.js';
import { mapWithConcurrency } from './pool.js';

export interface EnrichOptions {
  /** Flagged users confirmed at once (each runs up to two calls, then one per flagged key). */
  concurrency: number;
  /** The report's `GeneratedTime`: a key used after it is "used since the report". */
  reportGeneratedAt: Date;
  /**
   * The rule's "unnecessary" test, applied again to the live last use: AWS's last-used data can reach
   * the report late, so a key the report shows unused may have been used recently all along.
   */
  unused: { asOf: number; unusedDays: number };
}

export interface EnrichResult {
  /** The confirmed findings, in the order given, with `accessKeyId` and live last-use filled in. */
  findings: Finding[];
  /** User ARN -> IAM tags, for every flagged user that still exists. */
  tags: Map<string, Record<string, string>>;
  /** Flagged keys that were deleted, deactivated or used since the report (or whose user is gone). */
  resolvedSinceReport: number;
}

/**
 * Like `Promise.all`, but rejects (with the first error, in order) only once every promise has
 * settled: no call of a failed account keeps running after its audit returned.
 */
export async function settleAll<T>(promises: Promise<T>[]): Promise<T[]> {
  const results = await Promise.allSettled(promises);
  const failed = results.find((r) => r.status === 'rejected');
  if (failed) throw failed.reason;
  return results.map((r) => (r as PromiseFulfilledResult<T>).value);
}

/** `settleAll` for two promises of different types. */
export async function settleBoth<A, B>(a: Promise<A>, b: Promise<B>): Promise<[A, B]> {
  const [ra, rb] = await Promise.allSettled([a, b]);
  if (ra.status === 'rejected') throw ra.reason;
  if (rb.status === 'rejected') throw rb.reason;
  return [ra.value, rb.value];
}

function isNoSuchEntity(err: unknown): boolean {
  return NO_SUCH_ENTITY.has(awsErrorName(err));
}

const DAY_MS = 86_400_000;

function second(ms: number): number {
  return Math.floor(ms / 1000);
}

/** `N/A` and empty strings from the API are "unknown". */
function known(value: string | undefined): string | null {
  return value === undefined || value === '' || value === 'N/A' ? null : value;
}

/**
 * The live key of a report slot: the listed key created in the same second as the slot's
 * `last_rotated`; when both keys share that second, the earlier-listed one is slot 1.
 */
export function keyForSlot(
  keys: AccessKeyMetadata[],
  keyCreatedAt: string,
  slot: 1 | 2,
): AccessKeyMetadata | null {
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

async function listTags(iam: IAMClient, userName: string): Promise<Record<string, string>> {
  const tags: Record<string, string> = {};
  let marker: string | undefined;
  do {
    const out = await atStep('ListUserTags', () =>
      iam.send(new ListUserTagsCommand({ UserName: userName, Marker: marker })),
    );
    for (const t of out.Tags ?? []) if (t.Key !== undefined) tags[t.Key] = t.Value ?? '';
    marker = out.IsTruncated ? out.Marker : undefined;
  } while (marker);
  return tags;
}

async function listKeys(iam: IAMClient, userName: string): Promise<AccessKeyMetadata[] | null> {
  try {
    const out = await atStep('ListAccessKeys', () =>
      iam.send(new ListAccessKeysCommand({ UserName: userName })),
    );
    // A user has at most two keys: one page always holds them.
    return out.AccessKeyMetadata ?? [];
  } catch (err) {
    if (isNoSuchEntity(err)) return null;
    throw err;
  }
}

/** A user's tags, or null when the user was deleted since the report. */
async function userTags(iam: IAMClient, userName: string): Promise<Record<string, string> | null> {
  try {
    return await listTags(iam, userName);
  } catch (err) {
    if (isNoSuchEntity(err)) return null;
    throw err;
  }
}

/** The confirmed finding, or null when the key is resolved since the report. */
async function confirmKey(
  iam: IAMClient,
  finding: Finding,
  key: AccessKeyMetadata | null,
  generatedAtSecond: number,
  unused: EnrichOptions['unused'],
): Promise<Finding | null> {
  if (!key?.AccessKeyId || key.Status !== 'Active') return null;
  const accessKeyId = key.AccessKeyId;
  let lastUsed;
  try {
    const out = await atStep('GetAccessKeyLastUsed', () =>
      iam.send(new GetAccessKeyLastUsedCommand({ AccessKeyId: accessKeyId })),
    );
    lastUsed = out.AccessKeyLastUsed;
  } catch (err) {
    if (isNoSuchEntity(err)) return null; // deleted between the two calls
    throw err;
  }
  const usedAt = lastUsed?.LastUsedDate;
  if (usedAt === undefined) return { ...finding, accessKeyId };
  const usedSecond = second(usedAt.getTime());
  const reportUsedSecond = finding.keyLastUsedAt === null ? null : second(Date.parse(finding.keyLastUsedAt));
  // Used since the report: after its generation and after the last use the report recorded.
  if (usedSecond > generatedAtSecond && (reportUsedSecond === null || usedSecond > reportUsedSecond))
    return null;
  // The same test as the rule, on the live date: a key used within `unused-days` is not unnecessary
  // (with unused-days 0 only never-used keys fail, so any use resolves it).
  const stale = unused.unusedDays > 0 && unused.asOf - usedAt.getTime() > unused.unusedDays * DAY_MS;
  if (!stale) return null;
  return {
    ...finding,
    reason: 'unused',
    accessKeyId,
    keyLastUsedAt: toIsoSecond(usedAt.getTime()),
    keyLastUsedService: known(lastUsed?.ServiceName),
    keyLastUsedRegion: known(lastUsed?.Region),
  };
}

/** Confirms the flagged keys of one account against the live IAM API (see the module comment). */
export async function enrichFindings(
  iam: IAMClient,
  findings: Finding[],
  opts: EnrichOptions,
): Promise<EnrichResult> {
  const generatedAtSecond = second(opts.reportGeneratedAt.getTime());
  const byUser = new Map<string, Finding[]>();
  for (const f of findings) {
    const list = byUser.get(f.userArn);
    if (list) list.push(f);
    else byUser.set(f.userArn, [f]);
  }
  const tags = new Map<string, Record<string, string>>();
  const confirmed = new Map<Finding, Finding>();
  let resolved = 0;

  await mapWithConcurrency([...byUser.values()], opts.concurrency, async (userFindings) => {
    const first = userFindings[0] as Finding;
    const [keys, userTagMap] = await settleBoth(listKeys(iam, first.userName), userTags(iam, first.userName));
    if (keys === null || userTagMap === null) {
      resolved += userFindings.length; // the user was deleted since the report
      return;
    }
    tags.set(first.userArn, userTagMap);
    // Two flagged slots created in the same second, one key deleted since: the remaining key is
    // reported once (for the first slot), the other slot is resolved.
    const taken = new Set<string>();
    const matched = userFindings.map((f) => {
      const key = keyForSlot(keys, f.keyCreatedAt, f.keySlot);
      if (!key?.AccessKeyId || taken.has(key.AccessKeyId)) return null;
      taken.add(key.AccessKeyId);
      return key;
    });
    const results = await settleAll(
      userFindings.map((f, i) => confirmKey(iam, f, matched[i] ?? null, generatedAtSecond, opts.unused)),
    );
    userFindings.forEach((f, i) => {
      const r = results[i];
      if (r) confirmed.set(f, r);
      else resolved += 1;
    });
  });

  return {
    findings: findings.flatMap((f) => {
      const r = confirmed.get(f);
      return r ? [r] : [];
    }),
    tags,
    resolvedSinceReport: resolved,
  };
}
