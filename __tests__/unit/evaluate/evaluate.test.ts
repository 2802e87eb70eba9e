import { createReadStream, readFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from '@jest/globals';
import { parseCredentialReport } from '../../../src/collect/parse.js';
import { ReportEvaluation, keyLocation, toIsoSecond } from '../../../src/evaluate/evaluate.js';
import type { ParsedReport, ReportKey, ReportUser, RuleSettings, Scope } from '../../../src/model.js';
import { REPORT_GEN_AS_OF, countViolators, generateReport } from '../../helpers/report-gen.js';
import { evaluateReport } from '../../helpers/reports.js';

const fixture = (name: string): string => fileURLToPath(new URL(`../../fixtures/${name}`, import.meta.url));

const DEFAULTS: RuleSettings = {
  scope: 'at-setup',
  setupWindowSeconds: 600,
  unusedDays: 90,
  exemptionTag: 'access-key-justification',
};
const AS_OF = Date.parse('2026-11-01T00:00:00Z');
const DAY = 86_400_000;

interface Expected {
  user: string;
  slot: number;
  reason: string;
}

const key = (k: string): string => JSON.stringify([k]);

function readExpected(name: string): Expected[] {
  return readFileSync(fixture(`expected/${name}`), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as Expected);
}

const asKeys = (xs: Expected[]): string[] =>
  xs.map((x) => key(`${x.user}\u0000${x.slot}\u0000${x.reason}`)).sort();

describe('evaluateReport: fixtures (expected/*.jsonl)', () => {
  const cases: [string, Scope, number][] = [
    ['generated-300', 'at-setup', AS_OF],
    ['generated-300', 'any', AS_OF],
    ['generated-40-crlf-bom', 'at-setup', AS_OF],
    ['generated-40-crlf-bom', 'any', AS_OF],
    // moto-basic: "any time in the next 90 days" after the users were made
    ['moto-basic', 'at-setup', Date.parse('2026-11-27T20:47:26Z')],
    ['moto-basic', 'at-setup', Date.parse('2027-02-25T00:00:00Z')],
  ];
  it.each(cases)('%s, scope %s, as of %p', async (name, scope, asOf) => {
    const report = await parseCredentialReport(createReadStream(fixture(`${name}.csv`)), name);
    const findings = evaluateReport(report, { ...DEFAULTS, scope }, asOf);
    const got = findings.map((f) => ({ user: f.userName, slot: f.keySlot, reason: f.reason }));
    expect(asKeys(got)).toEqual(asKeys(readExpected(`${name}.${scope}.jsonl`)));
    expect(new Set(findings.map((f) => f.location)).size).toBe(findings.length);
  });

  it('moto-basic: bob.smith keys share a second, so their locations carry -slotN', async () => {
    const report = await parseCredentialReport(createReadStream(fixture('moto-basic.csv')), 'moto');
    const findings = evaluateReport(report, DEFAULTS, Date.parse('2026-12-01T00:00:00Z'));
    expect(findings.map((f) => f.location)).toEqual([
      'aws/123456789012/iam/user/alice/key-created-20261127T204726Z',
      'aws/123456789012/iam/user/bob.smith/key-created-20261127T204726Z-slot1',
      'aws/123456789012/iam/user/bob.smith/key-created-20261127T204726Z-slot2',
      'aws/123456789012/iam/user/erin+ops/key-created-20261127T204726Z',
    ]);
    expect(findings[0]).toEqual({
      ruleId: 'iam-initial-access-key',
      accountId: '123456789012',
      userName: 'alice',
      userArn: 'arn:aws:iam::123456789012:user/alice',
      keySlot: 1,
      accessKeyId: null,
      reason: 'never-used',
      userCreatedAt: '2026-11-27T20:47:26Z',
      keyCreatedAt: '2026-11-27T20:47:26Z',
      setupGapSeconds: 0,
      keyLastUsedAt: null,
      keyLastUsedService: null,
      keyLastUsedRegion: null,
      passwordLastUsedAt: null,
      mfaActive: false,
      exempted: false,
      justification: null,
      exemptionExpired: false,
      location: 'aws/123456789012/iam/user/alice/key-created-20261127T204726Z',
    });
  });

  it('a generated report fails exactly its violators, in both scopes', async () => {
    const text = generateReport({ users: 2000, violatorRatio: 0.07, seed: 3 });
    const report = await parseCredentialReport(Readable.from([text]), 'gen');
    for (const scope of ['at-setup', 'any'] as const) {
      const findings = evaluateReport(report, { ...DEFAULTS, scope }, Date.parse(REPORT_GEN_AS_OF));
      expect(findings).toHaveLength(countViolators(2000, 0.07));
    }
  });
});

// ---- unit tests on hand-made rows ----

const CREATED = Date.parse('2025-01-01T00:00:00Z');
const ACCOUNT = '123456789012';

function k(slot: 1 | 2, over: Partial<ReportKey> = {}): ReportKey {
  return {
    slot,
    active: true,
    lastRotated: CREATED,
    lastUsedDate: null,
    lastUsedRegion: null,
    lastUsedService: null,
    ...over,
  };
}
const NO_KEY = (slot: 1 | 2): ReportKey => k(slot, { active: false, lastRotated: null });

function user(over: Partial<ReportUser> = {}): ReportUser {
  const name = over.user ?? 'alice';
  return {
    line: 2,
    user: name,
    arn: `arn:aws:iam::${ACCOUNT}:user/${name}`,
    userCreationTime: CREATED,
    passwordEnabled: true,
    passwordLastUsed: null,
    mfaActive: false,
    keys: [k(1), NO_KEY(2)],
    ...over,
  };
}

const report = (...users: ReportUser[]): ParsedReport => ({ accountId: ACCOUNT, users, unreadable: [] });
const run = (u: ReportUser, settings: Partial<RuleSettings> = {}, asOf = AS_OF) =>
  evaluateReport(report(u), { ...DEFAULTS, ...settings }, asOf);

describe('evaluateReport: the rule, boundary by boundary', () => {
  it('fails a console user with an active, never-used key made at creation', () => {
    const [f] = run(user());
    expect(f).toMatchObject({ keySlot: 1, reason: 'never-used', setupGapSeconds: 0 });
  });

  it('setup window: exactly at the window is at setup; one second past it is not', () => {
    const at = user({ keys: [k(1, { lastRotated: CREATED + 600_000 }), NO_KEY(2)] });
    const past = user({ keys: [k(1, { lastRotated: CREATED + 601_000 }), NO_KEY(2)] });
    expect(run(at)).toHaveLength(1);
    expect(run(at)[0]!.setupGapSeconds).toBe(600);
    expect(run(past)).toHaveLength(0);
    expect(run(past, { scope: 'any' })).toHaveLength(1);
    expect(run(past, { setupWindowSeconds: 601 })).toHaveLength(1);
  });

  it('a key dated before the user (clock skew) within the window is at setup; the gap is absolute', () => {
    const before = user({ keys: [k(1, { lastRotated: CREATED - 600_000 }), NO_KEY(2)] });
    expect(run(before)).toHaveLength(1);
    expect(run(before)[0]!.setupGapSeconds).toBe(600);
    const farBefore = user({ keys: [k(1, { lastRotated: CREATED - 601_000 }), NO_KEY(2)] });
    expect(run(farBefore)).toHaveLength(0);
  });

  it('unused: exactly unusedDays days ago passes, one second more fails', () => {
    const exactly = user({ keys: [k(1, { lastUsedDate: AS_OF - 90 * DAY }), NO_KEY(2)] });
    const more = user({ keys: [k(1, { lastUsedDate: AS_OF - 90 * DAY - 1000 }), NO_KEY(2)] });
    expect(run(exactly)).toHaveLength(0);
    const [f] = run(more);
    expect(f).toMatchObject({ reason: 'unused', keyLastUsedAt: toIsoSecond(AS_OF - 90 * DAY - 1000) });
  });

  it('a key used after as-of (report newer than as-of) is not stale', () => {
    expect(run(user({ keys: [k(1, { lastUsedDate: AS_OF + DAY }), NO_KEY(2)] }))).toHaveLength(0);
  });

  it('unusedDays 0 turns the stale test off: only never-used keys fail', () => {
    const old = user({ keys: [k(1, { lastUsedDate: AS_OF - 3000 * DAY }), NO_KEY(2)] });
    expect(run(old, { unusedDays: 0 })).toHaveLength(0);
    expect(run(user(), { unusedDays: 0 })).toHaveLength(1);
  });

  it('password disabled: no finding', () => {
    expect(run(user({ passwordEnabled: false }))).toHaveLength(0);
    expect(run(user({ passwordEnabled: false }), { scope: 'any' })).toHaveLength(0);
  });

  it('inactive key: no finding', () => {
    expect(run(user({ keys: [k(1, { active: false }), NO_KEY(2)] }))).toHaveLength(0);
  });

  it('checks slot 2 alone', () => {
    const [f, ...rest] = run(user({ keys: [NO_KEY(1), k(2, { lastRotated: CREATED + 5000 })] }));
    expect(rest).toHaveLength(0);
    expect(f).toMatchObject({ keySlot: 2, setupGapSeconds: 5 });
    expect(f!.location).toBe('aws/123456789012/iam/user/alice/key-created-20250101T000005Z');
  });

  it('both slots fail independently and are sorted by slot', () => {
    const u = user({ keys: [k(1, { lastRotated: CREATED + 1000 }), k(2, { lastRotated: CREATED })] });
    expect(run(u).map((f) => f.keySlot)).toEqual([1, 2]);
  });

  it('never reports a <root_account> row', () => {
    const root = user({ user: '<root_account>', arn: `arn:aws:iam::${ACCOUNT}:root` });
    expect(run(root)).toHaveLength(0);
    expect(run(root, { scope: 'any', unusedDays: 0 })).toHaveLength(0);
  });

  it('scope any: any active unnecessary key of a console user, however late it was made', () => {
    const late = user({ keys: [k(1, { lastRotated: CREATED + 400 * DAY }), NO_KEY(2)] });
    expect(run(late)).toHaveLength(0);
    const [f] = run(late, { scope: 'any' });
    expect(f).toMatchObject({ setupGapSeconds: 400 * 86400, reason: 'never-used' });
    const usedRecently = user({
      keys: [k(1, { lastRotated: CREATED + 400 * DAY, lastUsedDate: AS_OF - DAY }), NO_KEY(2)],
    });
    expect(run(usedRecently, { scope: 'any' })).toHaveLength(0);
  });

  it('scope any flags an active, unnecessary key whose last_rotated is N/A; at-setup never does', () => {
    const na = user({ keys: [k(1, { lastRotated: null }), NO_KEY(2)] });
    expect(run(na)).toHaveLength(0);
    expect(run(na, { setupWindowSeconds: 10 ** 9 })).toHaveLength(0);
    const [f, ...rest] = run(na, { scope: 'any' });
    expect(rest).toHaveLength(0);
    expect(f).toMatchObject({
      keySlot: 1,
      reason: 'never-used',
      keyCreatedAt: null,
      setupGapSeconds: null,
      location: 'aws/123456789012/iam/user/alice/key-created-unknown-slot1',
    });
    // Stale, in slot 2, next to a dated key: still its own, stable location.
    const stale = user({
      keys: [k(1), k(2, { lastRotated: null, lastUsedDate: AS_OF - 200 * DAY })],
    });
    expect(run(stale, { scope: 'any' }).map((x) => [x.reason, x.location])).toEqual([
      ['never-used', 'aws/123456789012/iam/user/alice/key-created-20250101T000000Z'],
      ['unused', 'aws/123456789012/iam/user/alice/key-created-unknown-slot2'],
    ]);
    // Used recently, or inactive: not unnecessary.
    const used = user({ keys: [k(1, { lastRotated: null, lastUsedDate: AS_OF - DAY }), NO_KEY(2)] });
    expect(run(used, { scope: 'any' })).toHaveLength(0);
    expect(run(user({ keys: [NO_KEY(1), NO_KEY(2)] }), { scope: 'any' })).toHaveLength(0);
  });

  it('a user listed twice (seen in real reports) gives each key once, from its first row', () => {
    const first = user({ keys: [k(1), k(2)] });
    const again = { ...user({ keys: [k(1), k(2)] }), line: 9, mfaActive: true };
    const findings = evaluateReport(report(first, again), DEFAULTS, AS_OF);
    expect(findings.map((f) => [f.userArn, f.keySlot])).toEqual([
      [first.arn, 1],
      [first.arn, 2],
    ]);
    expect(findings.every((f) => !f.mfaActive)).toBe(true);
    expect(new Set(findings.map((f) => f.location)).size).toBe(2);
  });

  // Issue 19 §8.5: the first row used to win, so a key only a later row shows as unused was missed.
  it('a user listed twice with different data: every row is evaluated, each key (location) listed once', () => {
    // row 1: key 1 used yesterday, key 2 inactive; row 2: the same key 1 never used, key 2 active and unused
    const first = user({ keys: [k(1, { lastUsedDate: AS_OF - DAY }), NO_KEY(2)] });
    const second = { ...user({ keys: [k(1), k(2, { lastRotated: CREATED + 1000 })] }), line: 9 };
    // row 3: the same keys as row 2 again, with other evidence: the finding of row 2 is kept
    const third = { ...second, line: 12, mfaActive: true };
    const findings = evaluateReport(report(first, second, third), DEFAULTS, AS_OF);
    expect(findings.map((f) => [f.keySlot, f.reason, f.location])).toEqual([
      [1, 'never-used', 'aws/123456789012/iam/user/alice/key-created-20250101T000000Z'],
      [2, 'never-used', 'aws/123456789012/iam/user/alice/key-created-20250101T000001Z'],
    ]);
    expect(findings.every((f) => !f.mfaActive)).toBe(true);
  });

  it('two rows of a user naming different keys in one slot: both keys are listed, by slot then row', () => {
    const first = user({ keys: [k(1, { lastRotated: CREATED + 2000 }), NO_KEY(2)] });
    const second = { ...user({ keys: [k(1, { lastRotated: CREATED + 1000 }), NO_KEY(2)] }), line: 3 };
    const findings = evaluateReport(report(first, second), DEFAULTS, AS_OF);
    expect(findings.map((f) => f.keyCreatedAt)).toEqual(['2025-01-01T00:00:02Z', '2025-01-01T00:00:01Z']);
  });

  it('counts a user once however many rows list it', () => {
    const evaluation = new ReportEvaluation(DEFAULTS, AS_OF);
    for (const u of [user(), user({ user: 'bob' }), { ...user(), line: 5 }, user({ passwordEnabled: false })])
      evaluation.add(ACCOUNT, u);
    expect(evaluation.usersScanned).toBe(2);
  });

  it("keeps the report's key times of the row each undated finding came from", () => {
    // row 1: slot 1 N/A and inactive, slot 2 dated; row 2: slot 1 N/A, active and never used, slot 2 another time
    const first = user({
      keys: [k(1, { lastRotated: null, active: false }), k(2, { lastUsedDate: AS_OF - DAY })],
    });
    const second = {
      ...user({
        keys: [k(1, { lastRotated: null }), k(2, { lastRotated: CREATED + 5000, lastUsedDate: AS_OF - DAY })],
      }),
      line: 3,
    };
    const evaluation = new ReportEvaluation({ ...DEFAULTS, scope: 'any' }, AS_OF);
    evaluation.add(ACCOUNT, first);
    evaluation.add(ACCOUNT, second);
    const [f, ...rest] = evaluation.findings();
    expect(rest).toEqual([]);
    expect(f!.location).toBe('aws/123456789012/iam/user/alice/key-created-unknown-slot1');
    expect(evaluation.undatedKeyTimes.get(f!.location)).toEqual([null, CREATED + 5000]);
  });

  it('copies the evidence', () => {
    const u = user({
      passwordLastUsed: Date.parse('2026-10-30T10:11:12Z'),
      mfaActive: true,
      keys: [
        k(1, {
          lastUsedDate: Date.parse('2026-01-02T03:04:05Z'),
          lastUsedRegion: 'eu-west-1',
          lastUsedService: 's3',
        }),
        NO_KEY(2),
      ],
    });
    expect(run(u)[0]).toMatchObject({
      reason: 'unused',
      keyLastUsedAt: '2026-01-02T03:04:05Z',
      keyLastUsedRegion: 'eu-west-1',
      keyLastUsedService: 's3',
      passwordLastUsedAt: '2026-10-30T10:11:12Z',
      mfaActive: true,
      userCreatedAt: '2025-01-01T00:00:00Z',
      keyCreatedAt: '2025-01-01T00:00:00Z',
    });
  });

  it('sorts by account, user ARN (code-unit order), slot', () => {
    const users = ['zed', 'Bob', 'alice', 'a,b'].map((n) => user({ user: n }));
    const findings = evaluateReport(report(...users), DEFAULTS, AS_OF);
    expect(findings.map((f) => f.userName)).toEqual(['Bob', 'a,b', 'alice', 'zed']);
  });
});

describe('locations', () => {
  it('slot suffix only when both keys share the same second (even if only one fails)', () => {
    const same = user({
      keys: [k(1, { lastRotated: CREATED + 200 }), k(2, { lastRotated: CREATED + 900, active: false })],
    });
    expect(run(same)[0]!.location).toBe('aws/123456789012/iam/user/alice/key-created-20250101T000000Z-slot1');
    const diff = user({ keys: [k(1), k(2, { lastRotated: CREATED + 1000, active: false })] });
    expect(run(diff)[0]!.location).toBe('aws/123456789012/iam/user/alice/key-created-20250101T000000Z');
  });

  it('keeps the user path and the characters IAM allows', () => {
    const u = user({
      user: 'x+y=z,w.v@u_t-s',
      arn: 'arn:aws:iam::123456789012:user/ci/bots/x+y=z,w.v@u_t-s',
    });
    expect(run(u)[0]!.location).toBe(
      'aws/123456789012/iam/user/ci/bots/x+y=z,w.v@u_t-s/key-created-20250101T000000Z',
    );
  });

  it('percent-encodes everything else and dot segments', () => {
    const loc = (arn: string) =>
      keyLocation({ accountId: ACCOUNT, userArn: arn, keyCreatedAt: CREATED, slot: 2, sameSecond: true });
    expect(loc('arn:aws:iam::123456789012:user/a b%c#d?é')).toBe(
      'aws/123456789012/iam/user/a%20b%25c%23d%3F%C3%A9/key-created-20250101T000000Z-slot2',
    );
    expect(loc('arn:aws:iam::123456789012:user/../..')).toBe(
      'aws/123456789012/iam/user/%2E%2E/%2E%2E/key-created-20250101T000000Z-slot2',
    );
    expect(loc('arn:aws:iam::123456789012:user/.x/a.')).toBe(
      'aws/123456789012/iam/user/.x/a./key-created-20250101T000000Z-slot2',
    );
    expect(loc('arn:aws-us-gov:iam::123456789012:user/p/q/n')).toBe(
      'aws/123456789012/iam/user/p/q/n/key-created-20250101T000000Z-slot2',
    );
  });

  it('every location is a valid relative URI reference without a scheme', async () => {
    const text = readFileSync(fixture('generated-300.csv'));
    const r = await parseCredentialReport(Readable.from([text]), 'g');
    for (const f of evaluateReport(r, { ...DEFAULTS, scope: 'any', unusedDays: 0 }, AS_OF)) {
      expect(f.location).toMatch(
        /^aws\/\d{12}\/iam\/user\/([A-Za-z0-9._~+=,@-]|%[0-9A-F]{2})+(\/[^/]+)*\/key-created-\d{8}T\d{6}Z(-slot[12])?$/,
      );
      const url = new URL(f.location, 'https://example.com/base/');
      expect(url.pathname).toBe(`/base/${f.location}`);
    }
  });

  it('toIsoSecond drops milliseconds', () => {
    expect(toIsoSecond(Date.parse('2026-11-27T20:47:26.999Z'))).toBe('2026-11-27T20:47:26Z');
    expect(toIsoSecond(0)).toBe('1970-01-01T00:00:00Z');
  });
});
