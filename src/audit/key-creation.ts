/**
 * Evidence of intent (docs/design.md §10), the I/O: each flagged key's `CreateAccessKey` event from CloudTrail's
 * event history (`LookupEvents`), and, when that event's session could have made the user too, the
 * user's `CreateUser` / `CreateLoginProfile` events. What they mean is decided in evaluate/intent.ts;
 * the lookups are steered by those decisions (the windows, which event is the key's), which is why this
 * module is in audit/ (it joins collect and evaluate), not collect/ (facts only).
 *
 * - Where: IAM is a global service, its events are in the partition's IAM region (us-east-1, cn-north-1,
 *   us-gov-west-1), with the account's own credentials (the member role, or the audit role for its own
 *   account).
 * - How: one lookup attribute per call (CloudTrail's rule): `ResourceName` = the key id, in a window of
 *   minutes around the key's creation (one small page); then `ResourceName` = the user name from before
 *   the user's creation to after the key, keeping only `CreateUser` / `CreateLoginProfile` (newest first:
 *   it stops at the user's latest `CreateUser` before the key, which every later event precedes). Keys
 *   older than CloudTrail's 90 days make no call.
 * - How fast: at most 2 calls per second per account (LookupEvents' limit) — a token bucket on every
 *   HTTP attempt, the SDK's retries included (a middleware after the retry middleware), on an injected
 *   clock and sleep; at most `maxCalls` pages per account (default 50), and `MAX_PAGES` per lookup.
 *   Keys are looked up one after the other, in the order given.
 * - Errors never fail the account: AccessDenied gives every remaining key `no permission
 *   (cloudtrail:LookupEvents)` and one note naming the permission; throttling is retried by the SDK's
 *   retry strategy (awsClientConfig's), and when it still fails the remaining keys are `throttled`; any
 *   other error, `lookup failed`. The first such error stops the account's lookups (each further call
 *   would wait out the same retries).
 */
import {
  CloudTrailClient,
  paginateLookupEvents,
  type LookupEventsCommandInput,
} from '@aws-sdk/client-cloudtrail';
import type {
  AwsCredentialIdentityProvider,
  FinalizeHandler,
  FinalizeHandlerArguments,
  MetadataBearer,
} from '@smithy/types';
import type { Partition } from '../model.js';
import { awsClientConfig, type AwsClientDeps } from '../credentials/aws-config.js';
import { awsErrorName, classifyAwsError } from '../aws/errors.js';
import { operation } from '../aws/operations.js';
import type { Timeouts } from '../timeouts.js';
import { sleep as realSleep } from '../clock.js';
import { code, note, type Note } from '../notes.js';
import {
  UNKNOWN_REASONS,
  USER_CREATION_EVENTS,
  createsUserBy,
  keyCreationFromEvents,
  keyEventWindow,
  unknownKeyCreation,
  userEventsWindow,
  type KeyCreation,
  type LookupWindow,
  type UnknownReason,
} from '../evaluate/intent.js';

const LOOKUP_EVENTS = operation('LookupEvents');

/** LookupEvents' limit: two calls per second, per account, per region. */
export const LOOKUPS_PER_SECOND = 2;
/** LookupEvents calls (pages) per account at most, by default. */
export const DEFAULT_MAX_CALLS = 50;
/** Pages per lookup at most: a key's window holds one page; a user's events rarely more than two. */
export const MAX_PAGES = 4;
/** LookupEvents' largest page. */
const PAGE_SIZE = 50;

/** The region whose event history holds IAM's events (a global service's home region). */
export function cloudTrailRegion(partition: Partition): string {
  switch (partition) {
    case 'aws-cn':
      return 'cn-north-1';
    case 'aws-us-gov':
      return 'us-gov-west-1';
    default:
      return 'us-east-1';
  }
}

/**
 * A token bucket: at most `ratePerSecond` takes per second, `burst` at once. With `burst` 1, takes are
 * at least 1/rate apart, so no second (any window of 1,000 ms) holds more than `ratePerSecond`. Takes
 * wait their turn in order.
 */
export class TokenBucket {
  private tokens: number;
  private last: number;
  private queue: Promise<void> = Promise.resolve();

  constructor(
    private readonly o: {
      ratePerSecond: number;
      burst: number;
      clock: () => number;
      sleep: (ms: number) => Promise<void>;
    },
  ) {
    this.tokens = o.burst;
    this.last = o.clock();
  }

  /** Resolves when a call may start. */
  take(): Promise<void> {
    const turn = this.queue.then(() => this.acquire());
    this.queue = turn.catch(() => undefined);
    return turn;
  }

  private async acquire(): Promise<void> {
    for (;;) {
      const now = this.o.clock();
      this.tokens = Math.min(this.o.burst, this.tokens + ((now - this.last) * this.o.ratePerSecond) / 1000);
      this.last = now;
      if (this.tokens >= 1) {
        this.tokens -= 1;
        return;
      }
      await this.o.sleep(Math.ceil(((1 - this.tokens) * 1000) / this.o.ratePerSecond));
    }
  }
}

/** A key the audit flagged, as the lookup needs it. */
export interface FlaggedKey {
  accessKeyId: string;
  userName: string;
  /** The key's `CreateDate`, epoch ms. */
  keyCreatedAt: number;
  /** The user's `CreateDate`, epoch ms, when known: it bounds the user's events' window. */
  userCreatedAt?: number | null;
}

export interface KeyCreationOptions {
  accountId: string;
  /** Credentials acting in the account (its member role, or the audit role for its own account). */
  credentials: AwsCredentialIdentityProvider;
  partition: Partition;
  keys: readonly FlaggedKey[];
  /** The role assumed into the account, named in the note of a denial; null: the signed-in identity. */
  roleArn?: string | null;
  /** Epoch ms now (CloudTrail's 90 days, the rate limit); default `Date.now`. */
  clock?: () => number;
  /** Waits `ms` on that clock; default a real timer. */
  sleep?: (ms: number) => Promise<void>;
  /** LookupEvents calls (pages) for this account at most; default 50. */
  maxCalls?: number;
  /** The account's rate limit, when several callers share one account; default a new 2/s bucket. */
  bucket?: TokenBucket;
  /** Settings of the AWS client (the SDK's retry strategy, timeouts); default the SDK's own. */
  aws?: AwsClientDeps & { timeouts?: Timeouts };
}

export interface KeyCreationResult {
  /** Per access key id, every key given. */
  keyCreations: Map<string, KeyCreation>;
  /** At most one per kind of gap (denied, throttled, failed, limit), for the summary. */
  notes: Note[];
  /** LookupEvents calls made (pages; the SDK's retries of one call are not counted). */
  calls: number;
}

/** Puts the bucket in front of every HTTP attempt of the client, retries included. */
function rateLimit(client: CloudTrailClient, bucket: TokenBucket): void {
  client.middlewareStack.addRelativeTo(
    <Output extends MetadataBearer>(next: FinalizeHandler<object, Output>) =>
      async (args: FinalizeHandlerArguments<object>) => {
        await bucket.take();
        return next(args);
      },
    { relation: 'after', toMiddleware: 'retryMiddleware', name: 'lookupEventsRateLimit', override: true },
  );
}

/** Why the account's lookups stopped, from the error that stopped them (the one AWS error classifier). */
function stopReason(err: unknown): UnknownReason {
  const { kind } = classifyAwsError(err);
  if (kind === 'access-denied') return UNKNOWN_REASONS.noPermission;
  if (kind === 'throttled') return UNKNOWN_REASONS.throttled;
  return UNKNOWN_REASONS.lookupFailed;
}

interface Lookup {
  client: CloudTrailClient;
  maxCalls: number;
  calls: number;
}

/** What one lookup (a series of pages) gave: events kept, and whether the call budget cut it short. */
interface Pages {
  events: Array<{ name: string; json: string }>;
  limited: boolean;
}

/**
 * The events of `ResourceName` = `name` in `window`, page by page, until `done` says so, the pages run
 * out, or a bound is reached. Only events whose name `keep` accepts are kept.
 */
async function lookUp(
  l: Lookup,
  name: string,
  window: LookupWindow,
  keep: (eventName: string) => boolean,
  done: (kept: Pages['events']) => boolean,
): Promise<Pages> {
  const input: LookupEventsCommandInput = {
    LookupAttributes: [{ AttributeKey: 'ResourceName', AttributeValue: name }],
    StartTime: new Date(window.startTime),
    EndTime: new Date(window.endTime),
  };
  const pages = paginateLookupEvents({ client: l.client, pageSize: PAGE_SIZE, stopOnSameToken: true }, input);
  const events: Pages['events'] = [];
  for (let n = 0; n < MAX_PAGES; n++) {
    if (l.calls >= l.maxCalls) return { events, limited: true };
    l.calls++;
    const { value: page, done: finished } = await pages.next();
    if (finished || page === undefined) {
      l.calls--; // the paginator saw the same token again and made no call
      break;
    }
    for (const e of page.Events ?? []) {
      const eventName = e.EventName ?? '';
      if (keep(eventName) && typeof e.CloudTrailEvent === 'string') {
        events.push({ name: eventName, json: e.CloudTrailEvent });
      }
    }
    if (done(events) || !page.NextToken) break;
  }
  return { events, limited: false };
}

/** The key's `CreateAccessKey` event (its JSON), or why there is none. */
async function keyEvent(
  l: Lookup,
  key: FlaggedKey,
  window: LookupWindow,
): Promise<{ json: string } | { reason: UnknownReason }> {
  const derive = (json: string) =>
    keyCreationFromEvents({ accessKeyId: key.accessKeyId, userName: key.userName, keyEvent: json });
  const found = await lookUp(
    l,
    key.accessKeyId,
    window,
    (name) => name === 'CreateAccessKey',
    (kept) => kept.some((e) => derive(e.json).unknownReason === null),
  );
  const reasons = found.events.map((e) => ({ json: e.json, reason: derive(e.json).unknownReason }));
  const event = reasons.find((r) => r.reason === null);
  if (event) return { json: event.json };
  if (reasons.some((r) => r.reason === UNKNOWN_REASONS.unreadable))
    return { reason: UNKNOWN_REASONS.unreadable };
  return { reason: found.limited ? UNKNOWN_REASONS.lookupLimit : UNKNOWN_REASONS.notFound };
}

/** The user's `CreateUser` / `CreateLoginProfile` events, newest first, down to the latest CreateUser
 *  before the key (`keyTime`); null when the call budget ran out first. */
async function userEvents(
  l: Lookup,
  key: FlaggedKey,
  window: LookupWindow,
  keyTime: string,
): Promise<string[] | null> {
  const found = await lookUp(
    l,
    key.userName,
    window,
    (name) => USER_CREATION_EVENTS.has(name),
    (kept) => kept.some((e) => e.name === 'CreateUser' && createsUserBy(e.json, key.userName, keyTime)),
  );
  return found.limited ? null : found.events.map((e) => e.json);
}

/** One key: its event, then (when it can tell) the user's. Throws the SDK's error of a failed call. */
async function lookUpKey(
  l: Lookup,
  key: FlaggedKey,
  now: number,
): Promise<{ kc: KeyCreation; error?: unknown }> {
  const window = keyEventWindow(key.keyCreatedAt, now);
  if (window === null) return { kc: unknownKeyCreation(UNKNOWN_REASONS.olderThanCloudTrail) };
  const found = await keyEvent(l, key, window);
  if ('reason' in found) return { kc: unknownKeyCreation(found.reason) };
  const base = { accessKeyId: key.accessKeyId, userName: key.userName, keyEvent: found.json };
  const known = keyCreationFromEvents(base);
  const userWindow = userEventsWindow(found.json, { ...base, userCreatedAt: key.userCreatedAt ?? null, now });
  if (userWindow === null || known.eventTime === null) return { kc: known };
  try {
    const users = await userEvents(l, key, userWindow, known.eventTime);
    return { kc: keyCreationFromEvents({ ...base, userEvents: users }) };
  } catch (error) {
    // the key's event stands; what failed stops the account's further lookups
    return { kc: known, error };
  }
}

function notesFor(
  opts: KeyCreationOptions,
  region: string,
  counts: Map<UnknownReason, number>,
  error: unknown,
): Note[] {
  const account = code(opts.accountId);
  const keys = (n: number) => (n === 1 ? '1 flagged key' : `${n} flagged keys`);
  const out: Note[] = [];
  const denied = counts.get(UNKNOWN_REASONS.noPermission) ?? 0;
  if (denied > 0) {
    const who = opts.roleArn ? note`the role ${code(opts.roleArn)}` : note`the signed-in identity`;
    out.push(
      note`Account ${account}: who made its ${keys(denied)} is unknown: ${who} may not call ${code(LOOKUP_EVENTS.iamAction)} (in ${code(region)}). Allow it (the optional statement of docs/aws-setup.md; check service control policies too) to read each key's CreateAccessKey event; meanwhile the time test alone decides.`,
    );
  }
  const throttled = counts.get(UNKNOWN_REASONS.throttled) ?? 0;
  if (throttled > 0) {
    out.push(
      note`Account ${account}: CloudTrail kept throttling ${code(LOOKUP_EVENTS.command)} (2 calls per second per account, shared with other tools), so who made ${keys(throttled)} is unknown.`,
    );
  }
  const failed = counts.get(UNKNOWN_REASONS.lookupFailed) ?? 0;
  if (failed > 0) {
    out.push(
      note`Account ${account}: ${code(LOOKUP_EVENTS.command)} failed (${code(awsErrorName(error).slice(0, 64))}), so who made ${keys(failed)} is unknown.`,
    );
  }
  const limited = counts.get(UNKNOWN_REASONS.lookupLimit) ?? 0;
  if (limited > 0) {
    out.push(
      note`Account ${account}: who made ${keys(limited)} is unknown: the lookups stop at ${opts.maxCalls ?? DEFAULT_MAX_CALLS} ${code(LOOKUP_EVENTS.command)} calls per account.`,
    );
  }
  return out;
}

/** Who made each flagged key of one account, from CloudTrail. Never throws for AWS's answers. */
export async function lookUpKeyCreations(opts: KeyCreationOptions): Promise<KeyCreationResult> {
  const clock = opts.clock ?? Date.now;
  const sleep = opts.sleep ?? ((ms: number) => realSleep(ms));
  const region = cloudTrailRegion(opts.partition);
  const bucket =
    opts.bucket ?? new TokenBucket({ ratePerSecond: LOOKUPS_PER_SECOND, burst: 1, clock, sleep });
  const client = new CloudTrailClient(
    awsClientConfig({ region, credentials: opts.credentials, ...opts.aws }),
  );
  rateLimit(client, bucket);
  const l: Lookup = { client, maxCalls: Math.max(0, opts.maxCalls ?? DEFAULT_MAX_CALLS), calls: 0 };
  const keyCreations = new Map<string, KeyCreation>();
  const counts = new Map<UnknownReason, number>();
  let stopped: UnknownReason | null = null;
  let error: unknown;
  try {
    for (const key of opts.keys) {
      if (keyCreations.has(key.accessKeyId)) continue;
      let kc: KeyCreation;
      if (stopped !== null) kc = unknownKeyCreation(stopped);
      else {
        try {
          const r = await lookUpKey(l, key, clock());
          kc = r.kc;
          if (r.error !== undefined) {
            error = r.error;
            stopped = stopReason(r.error);
          }
        } catch (err) {
          error = err;
          stopped = stopReason(err);
          kc = unknownKeyCreation(stopped);
        }
      }
      keyCreations.set(key.accessKeyId, kc);
      if (kc.unknownReason !== null) counts.set(kc.unknownReason, (counts.get(kc.unknownReason) ?? 0) + 1);
    }
  } finally {
    client.destroy();
  }
  return { keyCreations, notes: notesFor(opts, region, counts, error), calls: l.calls };
}
