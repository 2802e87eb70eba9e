import { expect, test } from '@jest/globals';
import {
  DeleteAccessKeyCommand,
  DeleteUserCommand,
  IAMClient,
  UpdateAccessKeyCommand,
} from '@aws-sdk/client-iam';
import type { Finding, RuleSettings } from '../../../src/model.js';
import { awsClientConfig } from '../../../src/credentials/aws-config.js';
import { fetchCredentialReport } from '../../../src/collect/credential-report.js';
import { confirmFindings } from '../../../src/audit/account.js';
import { keyForSlot, keyForUnknownSlot, keysToConfirm } from '../../../src/evaluate/confirm.js';
import { StepError, describeAwsError } from '../../../src/aws/errors.js';
import { accessDenied, lastUsedAt, throttling } from '../../helpers/aws-proxy.js';
import {
  compliantUsers,
  describeWithMoto,
  seedAccount,
  TEST_REGION,
  type SeedUser,
  type SeededAccount,
} from '../../helpers/moto.js';
import { liveStack } from '../../helpers/live-env.js';
import { evaluateReport } from '../../helpers/reports.js';

const RULE: RuleSettings = {
  scope: 'at-setup',
  setupWindowSeconds: 600,
  unusedDays: 90,
  exemptionTag: 'access-key-justification',
};
/** moto's GeneratedTime is 2015 and keys are created "now": measure `as-of` explicitly, after both. */
const AS_OF = Date.now() + 86_400_000;
/** Far enough for keys used "now" to be stale (more than 90 days unused). */
const LATE_AS_OF = Date.parse('2030-01-01T00:00:00Z');
const noSleep = { sleep: async () => {}, now: () => new Date() };
/** The rule's unused test as of LATE_AS_OF: any use seen in these tests is stale. */
const STALE_ALWAYS = { asOf: LATE_AS_OF, unusedDays: 90 };

let nextAccount = 300000000001;

describeWithMoto('enrichFindings against moto', () => {
  const stack = liveStack();

  /** Seeds an account, fetches and evaluates its report through the stack.aws, then clears the call log. */
  async function flagged(users: SeedUser[], asOf = AS_OF) {
    const accountId = String(nextAccount++);
    const seeded = await seedAccount(stack.moto.endpoint, accountId, users);
    stack.aws.registerKey(seeded.credentials.accessKeyId, accountId);
    const iam = new IAMClient(awsClientConfig({ region: TEST_REGION, credentials: seeded.credentials }));
    const { report, generatedAt } = await fetchCredentialReport(iam, noSleep);
    const findings = evaluateReport(report, RULE, asOf);
    stack.aws.resetCalls();
    const direct = new IAMClient({
      region: TEST_REGION,
      endpoint: stack.moto.endpoint,
      credentials: seeded.credentials,
    });
    return { accountId, seeded, iam, direct, findings, generatedAt };
  }

  function keyId(seeded: SeededAccount, user: string, i = 0): string {
    return seeded.users.get(user)?.keys[i]?.accessKeyId ?? '';
  }

  test('fills key ids and tags; calls only per flagged user and key, whatever the compliant users', async () => {
    const { accountId, seeded, iam, direct, findings, generatedAt } = await flagged([
      ...compliantUsers(12),
      { name: 'alice', password: true, keys: 1 },
      { name: 'bob', password: true, keys: 2 },
      {
        name: 'exempt',
        password: true,
        keys: 1,
        tags: { 'access-key-justification': 'break-glass; expires=2031-01-01', team: 'ops' },
      },
    ]);
    try {
      expect(findings.map((f) => `${f.userName}/${f.keySlot}`)).toEqual([
        'alice/1',
        'bob/1',
        'bob/2',
        'exempt/1',
      ]);
      const out = await confirmFindings(iam, findings, {
        concurrency: 3,
        reportGeneratedAt: generatedAt,
        unused: STALE_ALWAYS,
      });
      expect(out.resolvedSinceReport).toBe(0);
      expect(out.findings.map((f) => f.accessKeyId)).toEqual([
        keyId(seeded, 'alice'),
        keyId(seeded, 'bob', 0), // both bob's keys share a second: the earlier-listed is slot 1
        keyId(seeded, 'bob', 1),
        keyId(seeded, 'exempt'),
      ]);
      expect(out.findings.every((f) => f.keyLastUsedAt === null && f.keyLastUsedService === null)).toBe(true);
      expect(out.tags.get(seeded.users.get('exempt')!.arn)).toEqual({
        'access-key-justification': 'break-glass; expires=2031-01-01',
        team: 'ops',
      });
      expect(out.tags.get(seeded.users.get('alice')!.arn)).toEqual({});
      expect(out.tags.size).toBe(3);
      expect(stack.aws.counts(accountId)).toEqual({
        ListAccessKeys: 3,
        ListUserTags: 3,
        GetAccessKeyLastUsed: 4,
      });
      expect(stack.aws.count(undefined, accountId)).toBe(10);
    } finally {
      iam.destroy();
      direct.destroy();
    }
  });

  test('a key used since the report (live last use after GeneratedTime) is resolved', async () => {
    const { accountId, seeded, iam, direct, findings, generatedAt } = await flagged([
      { name: 'alice', password: true, keys: 1 },
      { name: 'carol', password: true, keys: 1 },
    ]);
    const used = new Date(generatedAt.getTime() + 3600_000);
    const fault = stack.aws.fault({
      match: {
        action: 'GetAccessKeyLastUsed',
        account: accountId,
        params: { AccessKeyId: keyId(seeded, 'carol') },
      },
      respond: lastUsedAt(used, 'ec2', 'eu-west-1'),
    });
    try {
      const out = await confirmFindings(iam, findings, {
        concurrency: 2,
        reportGeneratedAt: generatedAt,
        unused: STALE_ALWAYS,
      });
      expect(fault.hits).toBe(1);
      expect(out.findings.map((f) => f.userName)).toEqual(['alice']);
      expect(out.resolvedSinceReport).toBe(1);
    } finally {
      fault.remove();
      iam.destroy();
      direct.destroy();
    }
  });

  test('a key used before the report keeps its finding, with the live last use filled in', async () => {
    // moto reports the key used "now" and GeneratedTime 2015: the same use in the report and live.
    const { iam, direct, findings, generatedAt } = await flagged(
      [{ name: 'stale', password: true, keys: [{ use: true }] }],
      LATE_AS_OF,
    );
    try {
      expect(findings.map((f) => f.reason)).toEqual(['unused']);
      const out = await confirmFindings(iam, findings, {
        concurrency: 2,
        reportGeneratedAt: generatedAt,
        unused: STALE_ALWAYS,
      });
      expect(out.resolvedSinceReport).toBe(0);
      expect(out.findings).toHaveLength(1);
      expect(out.findings[0]?.keyLastUsedAt).toBe(findings[0]?.keyLastUsedAt);
      expect(out.findings[0]?.keyLastUsedService).toBe('sts');
      expect(out.findings[0]?.keyLastUsedRegion).toBe('us-east-1');
    } finally {
      iam.destroy();
      direct.destroy();
    }
  });

  test('a use the report missed (AWS last-used data lags) is judged by the rule on the live date', async () => {
    // the report says "never used", but GetAccessKeyLastUsed knows a use from before the report
    const { accountId, seeded, iam, direct, findings, generatedAt } = await flagged([
      { name: 'lagging', password: true, keys: 1 },
      { name: 'longago', password: true, keys: 1 },
    ]);
    const answer = (user: string, at: Date) =>
      stack.aws.fault({
        match: {
          action: 'GetAccessKeyLastUsed',
          account: accountId,
          when: (c) => c.params.AccessKeyId === seeded.users.get(user)?.keys[0]?.accessKeyId,
        },
        respond: lastUsedAt(at),
      });
    const faults = [
      answer('lagging', new Date(generatedAt.getTime() - 60_000)),
      answer('longago', new Date(generatedAt.getTime() - 200 * 86_400_000)),
    ];
    try {
      expect(findings.map((f) => f.reason)).toEqual(['never-used', 'never-used']);
      const out = await confirmFindings(iam, findings, {
        concurrency: 2,
        reportGeneratedAt: generatedAt,
        unused: { asOf: generatedAt.getTime(), unusedDays: 90 },
      });
      // used a minute before the report: not unnecessary; used 200 days before: unused, not never-used
      expect(out.findings.map((f) => [f.userName, f.reason])).toEqual([['longago', 'unused']]);
      expect(out.resolvedSinceReport).toBe(1);
      expect(faults.map((f) => f.hits)).toEqual([1, 1]);
    } finally {
      for (const f of faults) f.remove();
      iam.destroy();
      direct.destroy();
    }
  });

  test('keys deactivated or deleted, and users deleted, since the report are resolved', async () => {
    const { accountId, seeded, iam, direct, findings, generatedAt } = await flagged([
      { name: 'alice', password: true, keys: 1 },
      { name: 'deactivated', password: true, keys: 1 },
      { name: 'keydeleted', password: true, keys: 2 },
      { name: 'gone', password: true, keys: 1 },
    ]);
    await direct.send(
      new UpdateAccessKeyCommand({
        UserName: 'deactivated',
        AccessKeyId: keyId(seeded, 'deactivated'),
        Status: 'Inactive',
      }),
    );
    await direct.send(
      new DeleteAccessKeyCommand({ UserName: 'keydeleted', AccessKeyId: keyId(seeded, 'keydeleted', 1) }),
    );
    await direct.send(new DeleteUserCommand({ UserName: 'gone' }));
    try {
      expect(findings).toHaveLength(5);
      const out = await confirmFindings(iam, findings, {
        concurrency: 4,
        reportGeneratedAt: generatedAt,
        unused: STALE_ALWAYS,
      });
      // keydeleted: both keys shared a second; the one left is reported once (as the first slot), the
      // other slot is resolved.
      expect(out.findings.map((f) => `${f.userName}/${f.keySlot}/${f.accessKeyId}`)).toEqual([
        `alice/1/${keyId(seeded, 'alice')}`,
        `keydeleted/1/${keyId(seeded, 'keydeleted', 0)}`,
      ]);
      expect(out.resolvedSinceReport).toBe(3);
      expect([...out.tags.keys()].some((arn) => arn.endsWith('/gone'))).toBe(false);
      // no GetAccessKeyLastUsed for the inactive or deleted key, none for the deleted user
      expect(stack.aws.counts(accountId)).toEqual({
        ListAccessKeys: 4,
        ListUserTags: 4,
        GetAccessKeyLastUsed: 2,
      });
    } finally {
      iam.destroy();
      direct.destroy();
    }
  });

  test('ListUserTags is paginated only when truncated', async () => {
    const { accountId, seeded, iam, direct, findings, generatedAt } = await flagged([
      { name: 'paged', password: true, keys: 1, tags: { a: '1' } },
    ]);
    const page2 = stack.aws.fault({
      match: { action: 'ListUserTags', account: accountId, params: { Marker: 'page2' } },
      respond: {
        status: 200,
        body:
          '<ListUserTagsResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/"><ListUserTagsResult><Tags>' +
          '<member><Key>access-key-justification</Key><Value>vendor integration</Value></member></Tags>' +
          '<IsTruncated>false</IsTruncated></ListUserTagsResult><ResponseMetadata><RequestId>r2</RequestId>' +
          '</ResponseMetadata></ListUserTagsResponse>',
      },
    });
    const page1 = stack.aws.fault({
      match: { action: 'ListUserTags', account: accountId },
      times: 1,
      respond: {
        rewrite: (b) =>
          b.replace(
            '<IsTruncated>false</IsTruncated>',
            '<IsTruncated>true</IsTruncated><Marker>page2</Marker>',
          ),
      },
    });
    try {
      const out = await confirmFindings(iam, findings, {
        concurrency: 1,
        reportGeneratedAt: generatedAt,
        unused: STALE_ALWAYS,
      });
      expect(page1.hits).toBe(1);
      expect(page2.hits).toBe(1);
      expect(out.tags.get(seeded.users.get('paged')!.arn)).toEqual({
        a: '1',
        'access-key-justification': 'vendor integration',
      });
      expect(stack.aws.count('ListUserTags', accountId)).toBe(2);
    } finally {
      page1.remove();
      page2.remove();
      iam.destroy();
      direct.destroy();
    }
  });

  test('throttling is absorbed; AccessDenied on ListUserTags fails with a hint naming iam:ListUserTags', async () => {
    const { accountId, iam, direct, findings, generatedAt } = await flagged([
      { name: 'alice', password: true, keys: 1 },
    ]);
    const throttle = stack.aws.fault({
      match: { action: 'GetAccessKeyLastUsed', account: accountId },
      times: 1,
      respond: throttling(),
    });
    try {
      const ok = await confirmFindings(iam, findings, {
        concurrency: 1,
        reportGeneratedAt: generatedAt,
        unused: STALE_ALWAYS,
      });
      expect(ok.findings).toHaveLength(1);
      expect(throttle.hits).toBe(1);
      const denied = stack.aws.fault({
        match: { action: 'ListUserTags', account: accountId },
        respond: accessDenied('iam:ListUserTags'),
      });
      const err = await confirmFindings(iam, findings, {
        concurrency: 1,
        reportGeneratedAt: generatedAt,
        unused: STALE_ALWAYS,
      }).catch((e: unknown) => e);
      denied.remove();
      expect(err).toBeInstanceOf(StepError);
      const d = describeAwsError(err, { accountId, step: 'enrich' });
      expect(d.error).toContain(`ListUserTags in account ${accountId} failed: AccessDenied`);
      expect(d.hint).toContain('Allow iam:ListUserTags');
    } finally {
      throttle.remove();
      iam.destroy();
      direct.destroy();
    }
  });
  test('a key without a creation time (N/A) takes the one key no other slot accounts for, never a guess', async () => {
    const { seeded, iam, direct, findings, generatedAt } = await flagged([
      { name: 'alice', password: true, keys: 1 },
      { name: 'bob', password: true, keys: 2 },
      { name: 'carol', password: true, keys: 2 },
      { name: 'dave', password: true, keys: 1 },
    ]);
    // As `scope: any` flags an active key whose last_rotated is N/A: no time, the unknown location.
    const undated = (f: Finding): Finding => ({
      ...f,
      keyCreatedAt: null,
      setupGapSeconds: null,
      location: `${f.location.replace(/key-created-.*$/, '')}key-created-unknown-slot${f.keySlot}`,
    });
    const pick = (user: string, slot: 1 | 2) =>
      undated(findings.find((f) => f.userName === user && f.keySlot === slot)!);
    const bobSlot1 = findings.find((f) => f.userName === 'bob' && f.keySlot === 1)!;
    const input = [pick('alice', 1), pick('bob', 2), pick('carol', 2), pick('dave', 1)];
    try {
      await direct.send(new DeleteAccessKeyCommand({ UserName: 'dave', AccessKeyId: keyId(seeded, 'dave') }));
      const out = await confirmFindings(iam, input, {
        concurrency: 2,
        reportGeneratedAt: generatedAt,
        unused: STALE_ALWAYS,
        // by the location of the undated finding: bob's slot 1 is dated in the report (not flagged
        // here); carol's other slot is N/A too
        reportKeyTimes: new Map([
          [input[1]!.location, [Date.parse(bobSlot1.keyCreatedAt!), null] as const],
          [input[2]!.location, [null, null] as const],
        ]),
      });
      expect(out.findings.map((f) => [f.userName, f.accessKeyId])).toEqual([
        ['alice', keyId(seeded, 'alice')], // the user's only key
        ['bob', keyId(seeded, 'bob', 1)], // the key slot 1's time does not name
        ['carol', null], // two keys could be it: kept as the report has it, no key id
      ]);
      expect(out.resolvedSinceReport).toBe(1); // dave's only key was deleted since the report
      const [alice, , carol] = out.findings;
      // The live CreateDate fills the time in; the location stays the stable unknown one.
      expect(alice?.keyCreatedAt).toBe(findings.find((f) => f.userName === 'alice')?.keyCreatedAt);
      expect(typeof alice?.setupGapSeconds).toBe('number');
      expect(alice?.location).toMatch(/key-created-unknown-slot1$/);
      expect(carol).toEqual(input[2]);
    } finally {
      iam.destroy();
      direct.destroy();
    }
  });
});

test('keyForSlot: matches CreateDate to the slot at second precision; shared seconds by list order', () => {
  const k = (id: string, iso: string) => ({
    AccessKeyId: id,
    CreateDate: new Date(iso),
    Status: 'Active' as const,
  });
  const keys = [
    k('A', '2026-01-01T00:00:00.900Z'),
    k('B', '2026-01-01T00:00:00.100Z'),
    k('C', '2026-01-02T00:00:00Z'),
  ];
  expect(keyForSlot(keys, '2026-01-01T00:00:00Z', 1)?.AccessKeyId).toBe('A');
  expect(keyForSlot(keys, '2026-01-01T00:00:00Z', 2)?.AccessKeyId).toBe('B');
  expect(keyForSlot(keys, '2026-01-02T00:00:00Z', 2)?.AccessKeyId).toBe('C');
  expect(keyForSlot(keys, '2026-01-03T00:00:00Z', 1)).toBeNull();
  expect(keyForSlot([], '2026-01-01T00:00:00Z', 1)).toBeNull();
});

test('keyForSlot: a CreateDate rounded into the next second still finds its key, but never one of two', () => {
  const k = (id: string, iso: string) => ({
    AccessKeyId: id,
    CreateDate: new Date(iso),
    Status: 'Active' as const,
  });
  // moto sends microseconds: 00:00:00.9996 arrives as 00:00:01.000 once the SDK keeps milliseconds
  expect(keyForSlot([k('A', '2026-01-01T00:00:01.000Z')], '2026-01-01T00:00:00Z', 1)?.AccessKeyId).toBe('A');
  expect(keyForSlot([k('A', '2026-01-01T00:00:02.000Z')], '2026-01-01T00:00:00Z', 1)).toBeNull();
  const two = [k('A', '2026-01-01T00:00:01.000Z'), k('B', '2025-12-31T23:59:59.500Z')];
  expect(keyForSlot(two, '2026-01-01T00:00:00Z', 1)).toBeNull();
});

test('enrichFindings with no findings makes no call', async () => {
  const iam = { send: () => Promise.reject(new Error('no call expected')) } as unknown as IAMClient;
  const out = await confirmFindings(iam, [] as Finding[], {
    concurrency: 4,
    reportGeneratedAt: new Date(),
    unused: STALE_ALWAYS,
  });
  expect(out).toEqual({ findings: [], tags: new Map(), resolvedSinceReport: 0 });
});

test('keyForUnknownSlot: the only key left by the other slots, else gone or ambiguous', () => {
  const k = (id: string, iso: string) => ({
    AccessKeyId: id,
    CreateDate: new Date(iso),
    Status: 'Active' as const,
  });
  const a = k('A', '2026-01-01T00:00:00Z');
  const b = k('B', '2026-02-01T00:00:00Z');
  expect(keyForUnknownSlot([a], new Set(), null, 2)).toEqual({ kind: 'key', key: a });
  expect(keyForUnknownSlot([a, b], new Set(['A']), null, 2)).toEqual({ kind: 'key', key: b });
  expect(keyForUnknownSlot([a, b], new Set(), Date.parse('2026-01-01T00:00:00Z'), 1)).toEqual({
    kind: 'key',
    key: b,
  });
  expect(keyForUnknownSlot([a, b], new Set(), null, 1)).toEqual({ kind: 'ambiguous' });
  // the other slot's time names no listed key: both are still candidates
  expect(keyForUnknownSlot([a, b], new Set(), Date.parse('2025-01-01T00:00:00Z'), 1)).toEqual({
    kind: 'ambiguous',
  });
  expect(keyForUnknownSlot([a], new Set(['A']), null, 1)).toEqual({ kind: 'gone' });
  expect(keyForUnknownSlot([], new Set(), null, 1)).toEqual({ kind: 'gone' });
});

// Issue 19 §8.5: with every row of a user evaluated, an undated finding may come from any of them; the
// other slot's time that places it is the one of its own row, found by the finding's location.
test('keysToConfirm: an undated slot is matched with the report times of its own row (by location)', () => {
  const k = (id: string, iso: string) => ({
    AccessKeyId: id,
    CreateDate: new Date(iso),
    Status: 'Active' as const,
  });
  const keys = [k('A', '2026-01-01T00:00:00Z'), k('B', '2026-02-01T00:00:00Z')];
  const f = {
    userName: 'alice',
    userArn: 'arn:aws:iam::123456789012:user/alice',
    keySlot: 1,
    keyCreatedAt: null,
    userCreatedAt: '2026-01-01T00:00:00Z',
    location: 'aws/123456789012/iam/user/alice/key-created-unknown-slot1',
  } as Finding;
  const own = new Map([[f.location, [null, Date.parse('2026-02-01T00:00:00Z')] as const]]);
  expect(keysToConfirm([f], keys, own)).toEqual([
    {
      kind: 'confirm',
      accessKeyId: 'A',
      finding: { ...f, keyCreatedAt: '2026-01-01T00:00:00Z', setupGapSeconds: 0 },
    },
  ]);
  // times recorded for another finding of the user do not place this one
  const other = new Map([
    [
      'aws/123456789012/iam/user/alice/key-created-unknown-slot2',
      [null, Date.parse('2026-02-01T00:00:00Z')] as const,
    ],
  ]);
  expect(keysToConfirm([f], keys, other)).toEqual([{ kind: 'ambiguous' }]);
});
