/**
 * audit/key-creation.ts against a local CloudTrail speaking LookupEvents' real protocol
 * (helpers/cloudtrail-server.ts), reached through the SDK's own `AWS_ENDPOINT_URL_CLOUDTRAIL`.
 *
 * Nothing really waits: the client's token bucket and the server run on one fake clock (the bucket's
 * sleep moves it), and the SDK's retry strategy is its adaptive one with no backoff and no client-side
 * rate limiter, injected as the action injects it (`aws.retryStrategy`).
 */
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { AdaptiveRetryStrategy } from '@smithy/core/retry';
import { UNKNOWN_REASONS, type KeyCreation } from '../../../src/evaluate/intent.js';
import {
  DEFAULT_MAX_CALLS,
  MAX_PAGES,
  TokenBucket,
  cloudTrailRegion,
  lookUpKeyCreations,
  type FlaggedKey,
  type KeyCreationOptions,
} from '../../../src/audit/key-creation.js';
import { DEFAULT_TIMEOUTS } from '../../../src/timeouts.js';
import { noteText } from '../../../src/notes.js';
import {
  LOOKUP_EVENTS_SMITHY_TARGET,
  accessDeniedError,
  startCloudTrail,
  throttlingError,
  type CloudTrailServer,
  type LookupCall,
} from '../../helpers/cloudtrail-server.js';
import {
  ACCOUNT,
  CASES,
  NOW,
  assumedRole,
  assumedRoleSdk,
  cli,
  cloudFormation,
  consoleAdmin,
  createUser,
  selfMade,
  tagUser,
  terraform,
  updateAccessKey,
  type Case,
} from '../../fixtures/cloudtrail-events.js';

const OTHER_ACCOUNT = '444455556666';
const ROLE = `arn:aws:iam::${ACCOUNT}:role/iam-initial-access-key-audit-member`;
const ATTEMPTS = 4;

/** One fake clock for the client's bucket and the server. */
let now = NOW;
let sleeps: number[] = [];
const clock = () => now;
const sleep = async (ms: number) => {
  sleeps.push(ms);
  now += ms;
};

let server: CloudTrailServer;
let savedEndpoint: string | undefined;

beforeEach(async () => {
  now = NOW;
  sleeps = [];
  server = await startCloudTrail({
    clock,
    accountOf: (keyId) => (keyId === 'AKIDOTHERACCOUNT' ? OTHER_ACCOUNT : ACCOUNT),
  });
  savedEndpoint = process.env.AWS_ENDPOINT_URL_CLOUDTRAIL;
  process.env.AWS_ENDPOINT_URL_CLOUDTRAIL = server.endpoint;
});

afterEach(async () => {
  if (savedEndpoint === undefined) delete process.env.AWS_ENDPOINT_URL_CLOUDTRAIL;
  else process.env.AWS_ENDPOINT_URL_CLOUDTRAIL = savedEndpoint;
  await server.stop();
});

/** The SDK's adaptive strategy as in production, without its real-time waits. */
function noWaitRetries(maxAttempts: number): AdaptiveRetryStrategy {
  return new AdaptiveRetryStrategy(maxAttempts, {
    backoff: { setDelayBase: () => undefined, computeNextBackoffDelay: () => 0 },
    rateLimiter: { getSendToken: async () => undefined, updateClientSendingRate: () => undefined },
  });
}

const keyOf = (c: Case): FlaggedKey => ({
  accessKeyId: c.accessKeyId,
  userName: c.userName,
  keyCreatedAt: c.keyCreatedAt,
  userCreatedAt: c.userCreatedAt,
});

function run(keys: FlaggedKey[], opts: Partial<KeyCreationOptions> = {}) {
  return lookUpKeyCreations({
    accountId: ACCOUNT,
    credentials: async () => ({ accessKeyId: 'AKIDAUDITACCOUNT', secretAccessKey: 'not-a-secret' }),
    partition: 'aws',
    roleArn: ROLE,
    keys,
    clock,
    sleep,
    aws: { retryStrategy: noWaitRetries, timeouts: { ...DEFAULT_TIMEOUTS, awsMaxAttempts: ATTEMPTS } },
    ...opts,
  });
}

/** What each fixture's key comes out as. */
function expected(c: Case, kc: Partial<KeyCreation>): KeyCreation {
  const key = c.events.find((e) => e.eventName === 'CreateAccessKey')!;
  return {
    by: null,
    self: false,
    sameSessionAsUserCreation: null,
    via: null,
    eventTime: key.eventTime,
    eventId: key.eventID,
    unknownReason: null,
    ...kc,
  };
}

const EXPECTED: Array<[() => Case, Partial<KeyCreation>]> = [
  [consoleAdmin, { by: 'assumed-role/Admin/bob', via: 'console', sameSessionAsUserCreation: true }],
  [
    terraform,
    { by: 'assumed-role/terraform-deploy/GitHubActions', via: 'terraform', sameSessionAsUserCreation: true },
  ],
  [
    cloudFormation,
    { by: 'assumed-role/cfn-exec/AWSCloudFormation', via: 'cloudformation', sameSessionAsUserCreation: true },
  ],
  [cli, { by: 'user/admin-frank', via: 'cli', sameSessionAsUserCreation: false }],
  [selfMade, { by: 'user/ivan', self: true, via: 'sdk' }],
  [assumedRoleSdk, { by: 'assumed-role/Admin/bob', via: 'sdk', sameSessionAsUserCreation: false }],
];

/** At most `n` calls of one account in any second of the server's clock. */
function maxPerSecond(calls: LookupCall[]): number {
  return Math.max(0, ...calls.map((c) => calls.filter((d) => d.at >= c.at && d.at < c.at + 1000).length));
}

const attribute = (c: LookupCall) =>
  c.attributes.map((a) => `${a.AttributeKey}=${a.AttributeValue}`).join(',');

describe('lookUpKeyCreations: each way a key gets made', () => {
  it('gives each fixture’s exact keyCreation, one lookup attribute per call, at most 2 calls a second', async () => {
    const cases = CASES.map((make) => make());
    server.addEvents(
      ACCOUNT,
      cases.flatMap((c) => c.events),
    );
    const r = await run(cases.map(keyOf));

    expect([...r.keyCreations.entries()]).toEqual(
      EXPECTED.map(([make, kc]) => [make().accessKeyId, expected(make(), kc)]),
    );
    expect(r.notes).toEqual([]);
    // the key of each case, then its user's events where the key's session can have made the user
    // (not the self-made key); every call found what it asked for on its first page
    expect(server.calls.map(attribute)).toEqual([
      'ResourceName=AKIAIOSFODNN7CONSOLE',
      'ResourceName=carol',
      'ResourceName=AKIAIOSFODNN7TERRAFO',
      'ResourceName=dave',
      'ResourceName=AKIAIOSFODNN7CFNSTAK',
      'ResourceName=erin',
      'ResourceName=AKIAIOSFODNN7CLIMADE',
      'ResourceName=grace',
      'ResourceName=AKIAIOSFODNN7SELFMAD',
      'ResourceName=AKIAIOSFODNN7ROLESDK',
      'ResourceName=mallory',
    ]);
    expect(r.calls).toBe(11);
    for (const c of server.calls) {
      expect(c).toMatchObject({
        target: LOOKUP_EVENTS_SMITHY_TARGET,
        region: 'us-east-1',
        maxResults: 50,
        status: 200,
      });
      expect(c.nextToken).toBeNull();
    }
    // the rate limit, measured on the server's (the injected) clock: never throttled
    expect(maxPerSecond(server.calls)).toBe(2);
    expect(server.calls.every((c) => c.error === null)).toBe(true);
    expect(sleeps.every((ms) => ms === 500)).toBe(true);
    expect(sleeps).toHaveLength(10);
  });

  it('asks for a window of minutes around the key, and from the user’s creation to after the key', async () => {
    const c = consoleAdmin();
    server.addEvents(ACCOUNT, c.events);
    await run([keyOf(c)]);
    const [keyCall, userCall] = server.calls as [LookupCall, LookupCall];
    expect([keyCall.startTime, keyCall.endTime]).toEqual([
      c.keyCreatedAt - 300_000,
      c.keyCreatedAt + 300_000,
    ]);
    expect([userCall.startTime, userCall.endTime]).toEqual([
      c.userCreatedAt - 300_000,
      c.keyCreatedAt + 1_800_000,
    ]);
  });

  it('without the user’s creation time, the session’s start bounds the user’s events', async () => {
    const c = consoleAdmin();
    server.addEvents(ACCOUNT, c.events);
    const r = await run([{ ...keyOf(c), userCreatedAt: null }]);
    expect(r.keyCreations.get(c.accessKeyId)?.sameSessionAsUserCreation).toBe(true);
    const signIn = c.userCreatedAt - 20 * 60_000;
    expect(server.calls[1]?.startTime).toBe(signIn - 300_000);
  });

  it('makes no call for the user’s events when the key’s session started after the user existed', async () => {
    const c = assumedRoleSdk(+7);
    server.addEvents(ACCOUNT, c.events);
    const r = await run([keyOf(c)]);
    expect(r.keyCreations.get(c.accessKeyId)).toEqual(
      expected(c, { by: 'assumed-role/Admin/bob', via: 'sdk', sameSessionAsUserCreation: null }),
    );
    expect(server.calls.map(attribute)).toEqual(['ResourceName=AKIAIOSFODNN7ROLESDK']);
  });

  it.each([
    ['aws-cn', 'cn-north-1'],
    ['aws-us-gov', 'us-gov-west-1'],
    ['aws', 'us-east-1'],
  ] as const)('%s: IAM’s events are in %s', async (partition, region) => {
    expect(cloudTrailRegion(partition)).toBe(region);
    const c = selfMade();
    server.addEvents(ACCOUNT, c.events);
    const r = await run([keyOf(c)], { partition });
    expect(r.keyCreations.get(c.accessKeyId)?.by).toBe('user/ivan');
    expect(server.calls.map((call) => call.region)).toEqual([region]);
  });
});

describe('what makes no call', () => {
  it('a key older than CloudTrail’s 90 days', async () => {
    const old = { ...keyOf(cli()), keyCreatedAt: NOW - 91 * 86_400_000 };
    const r = await run([old]);
    expect(r.keyCreations.get(old.accessKeyId)).toMatchObject({
      unknownReason: "older than CloudTrail's 90 days",
      by: null,
      self: null,
    });
    expect(server.calls).toEqual([]);
    expect(r.calls).toBe(0);
    expect(r.notes).toEqual([]);
  });

  it('only the young keys of a mix are looked up', async () => {
    const c = selfMade();
    server.addEvents(ACCOUNT, c.events);
    const old = { ...keyOf(cli()), keyCreatedAt: NOW - 200 * 86_400_000 };
    const r = await run([old, keyOf(c)]);
    expect(r.keyCreations.get(old.accessKeyId)?.unknownReason).toBe(UNKNOWN_REASONS.olderThanCloudTrail);
    expect(r.keyCreations.get(c.accessKeyId)?.self).toBe(true);
    expect(server.calls.map(attribute)).toEqual(['ResourceName=AKIAIOSFODNN7SELFMAD']);
  });

  it('a key given twice is looked up once', async () => {
    const c = selfMade();
    server.addEvents(ACCOUNT, c.events);
    const r = await run([keyOf(c), keyOf(c)]);
    expect(r.keyCreations.size).toBe(1);
    expect(server.calls).toHaveLength(1);
  });
});

describe('errors: a note, never a failed account', () => {
  it('AccessDenied: every key unknown, one call, one note naming cloudtrail:LookupEvents', async () => {
    server.addEvents(
      ACCOUNT,
      CASES.flatMap((make) => make().events),
    );
    server.fail({ respond: accessDeniedError() });
    const keys = CASES.map((make) => keyOf(make()));
    const r = await run(keys);
    for (const k of keys) {
      expect(r.keyCreations.get(k.accessKeyId)).toEqual({
        by: null,
        self: null,
        sameSessionAsUserCreation: null,
        via: null,
        eventTime: null,
        eventId: null,
        unknownReason: 'no permission (cloudtrail:LookupEvents)',
      });
    }
    // a denial is not retried, and no further key is tried
    expect(server.calls).toHaveLength(1);
    expect(server.calls[0]).toMatchObject({ status: 403, error: 'AccessDeniedException' });
    expect(r.notes.map(noteText)).toEqual([
      `Account \`${ACCOUNT}\`: who made its 6 flagged keys is unknown: the role \`${ROLE}\` may not call ` +
        '`cloudtrail:LookupEvents` (in `us-east-1`). Allow it (the optional statement of docs/aws-setup.md; ' +
        "check service control policies too) to read each key's CreateAccessKey event; meanwhile the time " +
        'test alone decides.',
    ]);
  });

  it('AccessDenied on the user’s events: the key’s event stands, later keys are unknown', async () => {
    const [a, b] = [consoleAdmin(), terraform()];
    server.addEvents(ACCOUNT, [...a.events, ...b.events]);
    server.fail({ when: (c) => attribute(c) === 'ResourceName=carol', respond: accessDeniedError() });
    const r = await run([keyOf(a), keyOf(b)], { roleArn: null });
    expect(r.keyCreations.get(a.accessKeyId)).toEqual(
      expected(a, { by: 'assumed-role/Admin/bob', via: 'console', sameSessionAsUserCreation: null }),
    );
    expect(r.keyCreations.get(b.accessKeyId)?.unknownReason).toBe(UNKNOWN_REASONS.noPermission);
    expect(r.notes.map(noteText)).toEqual([
      expect.stringContaining('who made its 1 flagged key is unknown: the signed-in identity may not call'),
    ]);
    expect(server.calls).toHaveLength(2);
  });

  it('throttling is retried by the SDK, and the bucket paces the retries too (2 a second, fake clock)', async () => {
    const c = consoleAdmin();
    server.addEvents(ACCOUNT, c.events);
    const burst = server.fail({ times: 2, respond: throttlingError() });
    const r = await run([keyOf(c)]);
    expect(burst.hits).toBe(2);
    expect(r.keyCreations.get(c.accessKeyId)).toEqual(
      expected(c, { by: 'assumed-role/Admin/bob', via: 'console', sameSessionAsUserCreation: true }),
    );
    expect(server.calls.map((x) => [attribute(x), x.status])).toEqual([
      ['ResourceName=AKIAIOSFODNN7CONSOLE', 429],
      ['ResourceName=AKIAIOSFODNN7CONSOLE', 429],
      ['ResourceName=AKIAIOSFODNN7CONSOLE', 200],
      ['ResourceName=carol', 200],
    ]);
    // two pages were asked for; the SDK's retries are not counted against the budget
    expect(r.calls).toBe(2);
    expect(server.calls.map((x) => x.at - NOW)).toEqual([0, 500, 1000, 1500]);
    expect(maxPerSecond(server.calls)).toBe(2);
    expect(r.notes).toEqual([]);
  });

  it('the server enforces its own limit; when throttling outlasts the retries the keys are `throttled`', async () => {
    const cases = [consoleAdmin(), terraform(), cli()];
    server.addEvents(
      ACCOUNT,
      cases.flatMap((c) => c.events),
    );
    // a bucket that never waits: the calls come faster than 2 a second on the server's clock
    const eager = new TokenBucket({ ratePerSecond: 1000, burst: 1000, clock, sleep });
    const r = await run(cases.map(keyOf), { bucket: eager });
    // the first two calls pass, then every attempt of the third is throttled by the server
    expect(server.calls.map((x) => x.status)).toEqual([200, 200, ...Array(ATTEMPTS).fill(429)]);
    expect(r.keyCreations.get(cases[0]!.accessKeyId)?.sameSessionAsUserCreation).toBe(true);
    for (const c of cases.slice(1)) {
      expect(r.keyCreations.get(c.accessKeyId)?.unknownReason).toBe('throttled');
    }
    expect(r.notes.map(noteText)).toEqual([
      `Account \`${ACCOUNT}\`: CloudTrail kept throttling \`LookupEvents\` (2 calls per second per account, ` +
        'shared with other tools), so who made 2 flagged keys is unknown.',
    ]);
  });

  it('a server error after the SDK’s retries: `lookup failed` and a note with the error', async () => {
    const c = cli();
    server.addEvents(ACCOUNT, c.events);
    server.fail({ respond: { type: 'InternalFailure', message: 'boom', status: 500 } });
    const r = await run([keyOf(c), keyOf(selfMade())]);
    expect(server.calls).toHaveLength(ATTEMPTS);
    expect([...r.keyCreations.values()].map((kc) => kc.unknownReason)).toEqual([
      'lookup failed',
      'lookup failed',
    ]);
    expect(r.notes.map(noteText)).toEqual([
      `Account \`${ACCOUNT}\`: \`LookupEvents\` failed (\`InternalFailure\`), so who made 2 flagged keys is unknown.`,
    ]);
  });

  it('an unreadable event: `unreadable event`, not a crash', async () => {
    const c = cli();
    server.fail({
      respond: {
        status: 200,
        body: JSON.stringify({
          Events: [{ EventId: 'x', EventName: 'CreateAccessKey', CloudTrailEvent: '{"userIdentity": ' }],
        }),
      },
    });
    const r = await run([keyOf(c)]);
    expect(r.keyCreations.get(c.accessKeyId)?.unknownReason).toBe('unreadable event');
  });

  it('no event for the key (CloudTrail has not delivered it, or another region holds it)', async () => {
    const c = cli();
    const r = await run([keyOf(c)]);
    expect(r.keyCreations.get(c.accessKeyId)?.unknownReason).toBe('no CreateAccessKey event found');
    expect(server.calls).toHaveLength(1);
  });
});

describe('pagination and bounds', () => {
  const noise = (c: Case, n: number, minutesAfter: number) =>
    Array.from({ length: n }, (_, i) =>
      updateAccessKey(c.userName, c.accessKeyId, i % 2 ? 'Active' : 'Inactive', {
        identity: assumedRole('Admin', 'bob', 'ASIAEXAMPLENOISE0001', c.userCreatedAt),
        time: c.keyCreatedAt + (minutesAfter * 60_000 * (i + 1)) / n,
        userAgent: 'AWS Internal',
        id: `d0000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
      }),
    );

  it('follows NextToken through short pages to the key’s event, and through the user’s events', async () => {
    const c = consoleAdmin();
    const tags = Array.from({ length: 2 }, (_, i) =>
      tagUser(c.userName, `team-${i}`, {
        identity: assumedRole('Admin', 'bob', 'ASIAEXAMPLECONSOLE02', c.userCreatedAt - 20 * 60_000),
        time: c.keyCreatedAt + (i + 1) * 60_000,
        userAgent: 'AWS Internal',
        console: true,
        id: `e0000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
      }),
    );
    server.addEvents(ACCOUNT, [...c.events, ...noise(c, 3, 4), ...tags]);
    server.pageLimit = 3;
    const r = await run([keyOf(c)]);
    expect(r.keyCreations.get(c.accessKeyId)).toEqual(
      expected(c, { by: 'assumed-role/Admin/bob', via: 'console', sameSessionAsUserCreation: true }),
    );
    // the key (newest first): 3 updates, then its creation on page 2; the user: 9 events, the
    // CreateUser last, on page 3 (updates and tags are read and dropped)
    expect(server.calls.map((x) => [attribute(x), x.nextToken === null, x.returned, x.more])).toEqual([
      ['ResourceName=AKIAIOSFODNN7CONSOLE', true, 3, true],
      ['ResourceName=AKIAIOSFODNN7CONSOLE', false, 1, false],
      ['ResourceName=carol', true, 3, true],
      ['ResourceName=carol', false, 3, true],
      ['ResourceName=carol', false, 3, false],
    ]);
    expect(r.calls).toBe(5);
  });

  it('stops at the user’s latest CreateUser before the key: no page beyond it', async () => {
    const c = consoleAdmin();
    // an earlier user of the same name, made (and deleted) minutes before
    const earlier = createUser(c.userName, {
      identity: assumedRole('Admin', 'eve', 'ASIAEXAMPLEEVE000001', c.userCreatedAt - 3_600_000),
      time: c.userCreatedAt - 3 * 60_000,
      userAgent: 'AWS Internal',
      console: true,
      id: 'f0000000-0000-4000-8000-000000000001',
    });
    server.addEvents(ACCOUNT, [...c.events, earlier]);
    server.pageLimit = 2;
    const r = await run([keyOf(c)]);
    expect(r.keyCreations.get(c.accessKeyId)?.sameSessionAsUserCreation).toBe(true);
    // newest first: the key and its tag, then the login profile and the CreateUser: done, though the
    // earlier CreateUser is still on a next page
    const userCalls = server.calls.filter((x) => attribute(x) === 'ResourceName=carol');
    expect(userCalls.map((x) => [x.returned, x.more])).toEqual([
      [2, true],
      [2, true],
    ]);
  });

  it(`reads at most ${MAX_PAGES} pages per lookup`, async () => {
    const c = cli();
    server.addEvents(ACCOUNT, [...c.events, ...noise(c, 10, 4)]);
    server.pageLimit = 2;
    const r = await run([keyOf(c)]);
    expect(r.keyCreations.get(c.accessKeyId)?.unknownReason).toBe('no CreateAccessKey event found');
    expect(server.calls).toHaveLength(MAX_PAGES);
  });

  it('an answer repeating its NextToken for ever does not loop', async () => {
    const c = cli();
    const endless = server.fail({ respond: { status: 200, body: '{"Events":[],"NextToken":"again"}' } });
    const r = await run([keyOf(c)]);
    expect(r.keyCreations.get(c.accessKeyId)?.unknownReason).toBe('no CreateAccessKey event found');
    expect(endless.hits).toBe(2);
    expect(r.calls).toBe(2);
  });

  it(`stops at ${DEFAULT_MAX_CALLS} calls per account by default, or the given bound: the rest “lookup limit reached”`, async () => {
    const cases = CASES.map((make) => make());
    server.addEvents(
      ACCOUNT,
      cases.flatMap((c) => c.events),
    );
    const r = await run(cases.map(keyOf), { maxCalls: 3 });
    expect(r.calls).toBe(3);
    expect(server.calls).toHaveLength(3);
    const [a, b, ...rest] = cases;
    expect(r.keyCreations.get(a!.accessKeyId)?.sameSessionAsUserCreation).toBe(true);
    // the second key's event was read; its user's events were not (the bound), so no session answer
    expect(r.keyCreations.get(b!.accessKeyId)).toEqual(
      expected(b!, { by: 'assumed-role/terraform-deploy/GitHubActions', via: 'terraform' }),
    );
    for (const c of rest)
      expect(r.keyCreations.get(c.accessKeyId)?.unknownReason).toBe('lookup limit reached');
    expect(r.notes.map(noteText)).toEqual([
      `Account \`${ACCOUNT}\`: who made 4 flagged keys is unknown: the lookups stop at 3 \`LookupEvents\` calls per account.`,
    ]);
  });

  it('two accounts at once: each keeps its own 2 calls a second', async () => {
    const mine = [consoleAdmin(), terraform(), cli()];
    const theirs = [cloudFormation(), selfMade(), assumedRoleSdk()];
    server.addEvents(
      ACCOUNT,
      mine.flatMap((c) => c.events),
    );
    server.addEvents(
      OTHER_ACCOUNT,
      theirs.flatMap((c) => c.events),
    );
    const [a, b] = await Promise.all([
      run(mine.map(keyOf)),
      run(theirs.map(keyOf), {
        accountId: OTHER_ACCOUNT,
        credentials: async () => ({ accessKeyId: 'AKIDOTHERACCOUNT', secretAccessKey: 'not-a-secret' }),
      }),
    ]);
    expect([...a.keyCreations.values()].every((kc) => kc.unknownReason === null)).toBe(true);
    expect([...b.keyCreations.values()].every((kc) => kc.unknownReason === null)).toBe(true);
    for (const account of [ACCOUNT, OTHER_ACCOUNT]) {
      const calls = server.calls.filter((x) => x.account === account);
      expect(calls.length).toBeGreaterThan(0);
      expect(maxPerSecond(calls)).toBeLessThanOrEqual(2);
    }
    expect(server.calls.every((x) => x.error === null)).toBe(true);
  });
});

describe('TokenBucket', () => {
  it('lets one call through at once, then one every 500 ms, in order', async () => {
    const bucket = new TokenBucket({ ratePerSecond: 2, burst: 1, clock, sleep });
    const times: number[] = [];
    await Promise.all(Array.from({ length: 5 }, () => bucket.take().then(() => times.push(now - NOW))));
    expect(times).toEqual([0, 500, 1000, 1500, 2000]);
  });

  it('a rested bucket holds no more than its burst', async () => {
    const bucket = new TokenBucket({ ratePerSecond: 2, burst: 1, clock, sleep });
    await bucket.take();
    now += 10_000;
    const start = now;
    await bucket.take();
    await bucket.take();
    expect(now - start).toBe(500);
  });
});
