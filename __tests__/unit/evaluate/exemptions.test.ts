import { describe, expect, it } from '@jest/globals';
import { applyExemptions, expiryEnd, parseJustification } from '../../../src/evaluate/exemptions.js';
import type { Finding } from '../../../src/model.js';
import { parseConfig } from '../../../src/inputs/config.js';
import { keyTagFacts } from '../../../src/evaluate/key-tags.js';

function finding(userName: string, path = '/'): Finding {
  const arn = `arn:aws:iam::123456789012:user${path}${userName}`;
  return {
    ruleId: 'iam-initial-access-key',
    accountId: '123456789012',
    userName,
    userArn: arn,
    keySlot: 1,
    accessKeyId: null,
    reason: 'never-used',
    userCreatedAt: '2025-01-01T00:00:00Z',
    keyCreatedAt: '2025-01-01T00:00:00Z',
    setupGapSeconds: 0,
    keyLastUsedAt: null,
    keyLastUsedService: null,
    keyLastUsedRegion: null,
    passwordLastUsedAt: null,
    mfaActive: false,
    exempted: false,
    justification: null,
    exemptionExpired: false,
    location: `aws/123456789012/iam/user${path}${userName}/key-created-20250101T000000Z`,
  };
}

const TAG = 'access-key-justification';
const AS_OF = Date.parse('2026-11-01T12:00:00Z');

const withTags = (f: Finding, tags: Record<string, string>, asOf = AS_OF, exemptUsers: string[] = []) =>
  applyExemptions([f], { exemptUsers, tags: new Map([[f.userArn, tags]]), exemptionTag: TAG, asOf })[0]!;

const withGlobs = (f: Finding, exemptUsers: string[]) =>
  applyExemptions([f], { exemptUsers, tags: null, exemptionTag: TAG, asOf: AS_OF })[0]!;

describe('parseJustification', () => {
  it.each([
    ['break-glass for the DR runbook', { text: 'break-glass for the DR runbook', expires: null }],
    ['  legacy ETL  ', { text: 'legacy ETL', expires: null }],
    ['legacy ETL; expires=2027-01-31', { text: 'legacy ETL', expires: '2027-01-31' }],
    ['legacy ETL, expires=2027-01-31', { text: 'legacy ETL', expires: '2027-01-31' }],
    ['legacy ETL expires=2027-01-31', { text: 'legacy ETL', expires: '2027-01-31' }],
    ['legacy ETL;expires=2027-01-31 ', { text: 'legacy ETL', expires: '2027-01-31' }],
    ['legacy ETL EXPIRES=2027-01-31', { text: 'legacy ETL', expires: '2027-01-31' }],
    ['expires=2027-01-31', { text: '', expires: '2027-01-31' }],
    ['legacy; expires=soon', { text: 'legacy', expires: 'soon' }],
    ['reexpires=2027-01-31', { text: 'reexpires=2027-01-31', expires: null }],
    ['expires=2027-01-31 then more words', { text: 'expires=2027-01-31 then more words', expires: null }],
  ])('%p', (value, expected) => {
    expect(parseJustification(value)).toEqual(expected);
  });

  it('expiryEnd is the start of the next UTC day; invalid dates are null', () => {
    expect(expiryEnd('2026-12-31')).toBe(Date.parse('2027-01-01T00:00:00Z'));
    expect(expiryEnd('2026-02-29')).toBeNull();
    expect(expiryEnd('2026-13-01')).toBeNull();
    expect(expiryEnd('soon')).toBeNull();
  });
});

describe('applyExemptions: tag', () => {
  it('a non-empty tag value exempts, with the value as justification', () => {
    expect(withTags(finding('alice'), { [TAG]: 'vendor SFTP sync, ticket SEC-12' })).toMatchObject({
      exempted: true,
      justification: 'vendor SFTP sync, ticket SEC-12',
      exemptionExpired: false,
    });
  });

  it('an empty or blank value does not exempt', () => {
    for (const v of ['', '   ']) {
      expect(withTags(finding('alice'), { [TAG]: v })).toMatchObject({
        exempted: false,
        justification: null,
      });
    }
  });

  it('other tags do not exempt; the tag key matches case-insensitively', () => {
    expect(withTags(finding('alice'), { owner: 'team-a' }).exempted).toBe(false);
    expect(withTags(finding('alice'), { 'Access-Key-Justification': 'ok' }).exempted).toBe(true);
  });

  it('tags of another user do not apply', () => {
    const f = finding('alice');
    const out = applyExemptions([f], {
      exemptUsers: [],
      tags: new Map([['arn:aws:iam::123456789012:user/bob', { [TAG]: 'x' }]]),
      exemptionTag: TAG,
      asOf: AS_OF,
    });
    expect(out[0]!.exempted).toBe(false);
  });

  it('expires=DAY exempts through the end of that UTC day, then lapses', () => {
    const f = finding('alice');
    const tags = { [TAG]: 'DR runbook; expires=2026-11-01' };
    expect(withTags(f, tags, Date.parse('2026-11-01T23:59:59Z')).exempted).toBe(true);
    expect(withTags(f, tags, Date.parse('2026-11-01T23:59:59.999Z')).exempted).toBe(true);
    const lapsed = withTags(f, tags, Date.parse('2026-11-02T00:00:00Z'));
    expect(lapsed).toMatchObject({
      exempted: false,
      exemptionExpired: true,
      justification: 'DR runbook; expires=2026-11-01',
    });
  });

  it('an unreadable expiry date counts as expired (never a silent permanent exemption)', () => {
    expect(withTags(finding('alice'), { [TAG]: 'x; expires=2026-02-30' })).toMatchObject({
      exempted: false,
      exemptionExpired: true,
    });
  });

  it('an exempt-users glob still exempts a user whose tag expired', () => {
    const out = withTags(finding('alice'), { [TAG]: 'x; expires=2020-01-01' }, AS_OF, ['alice']);
    expect(out).toMatchObject({
      exempted: true,
      exemptionExpired: false,
      justification: 'exempt-users: "alice"',
    });
  });

  it('a valid tag wins over a glob', () => {
    const out = withTags(finding('alice'), { [TAG]: 'because' }, AS_OF, ['*']);
    expect(out.justification).toBe('because');
  });

  it('does not mutate its input', () => {
    const f = finding('alice');
    withTags(f, { [TAG]: 'x' });
    expect(f.exempted).toBe(false);
  });
});

describe('applyExemptions: exempt-users globs', () => {
  it('matches user names', () => {
    expect(withGlobs(finding('svc-backup'), ['svc-*'])).toMatchObject({
      exempted: true,
      justification: 'exempt-users: "svc-*"',
      exemptionExpired: false,
    });
    expect(withGlobs(finding('alice'), ['svc-*']).exempted).toBe(false);
    expect(withGlobs(finding('erin+ops'), ['erin+ops']).exempted).toBe(true);
    expect(withGlobs(finding('carol@example.com'), ['*@example.com']).exempted).toBe(true);
    expect(withGlobs(finding('.hidden'), ['*']).exempted).toBe(true);
  });

  it('matches ARNs and user paths with globs that contain a slash', () => {
    const f = finding('deploy', '/ci/bots/');
    expect(withGlobs(f, ['arn:aws:iam::123456789012:user/ci/*']).exempted).toBe(false);
    expect(withGlobs(f, ['arn:aws:iam::123456789012:user/ci/**']).exempted).toBe(true);
    expect(withGlobs(f, ['arn:aws:iam::*:user/ci/bots/deploy']).exempted).toBe(true);
    expect(withGlobs(f, ['ci/bots/*']).exempted).toBe(true);
    expect(withGlobs(f, ['ci/**']).exempted).toBe(true);
    expect(withGlobs(f, ['ops/**']).exempted).toBe(false);
  });

  it('reports the first matching glob; blank globs are ignored', () => {
    expect(withGlobs(finding('svc-a'), ['', ' ', 'nobody', 'svc-?']).justification).toBe(
      'exempt-users: "svc-?"',
    );
    expect(withGlobs(finding('svc-a'), ['', '  ']).exempted).toBe(false);
  });

  it('braces work', () => {
    expect(withGlobs(finding('bob'), ['{alice,bob}']).exempted).toBe(true);
  });

  // Issue 19 §8.1: IAM user names are unique regardless of case (there cannot be an ALICE next to an
  // alice), so a glob that names a user names it in any case.
  it('matches user names regardless of case', () => {
    expect(withGlobs(finding('alice'), ['ALICE'])).toMatchObject({
      exempted: true,
      justification: 'exempt-users: "ALICE"',
    });
    expect(withGlobs(finding('Svc-Backup'), ['svc-*']).exempted).toBe(true);
    expect(withGlobs(finding('svc-backup'), ['SVC-{BACKUP,RESTORE}']).exempted).toBe(true);
    expect(withGlobs(finding('bob'), ['ALICE']).exempted).toBe(false);
  });

  it('matches the path and name of an ARN (or PATH/NAME) regardless of case, its partition and account exactly', () => {
    const f = finding('Deploy', '/ci/bots/');
    expect(withGlobs(f, ['arn:aws:iam::123456789012:user/ci/bots/deploy']).exempted).toBe(true);
    expect(withGlobs(f, ['arn:aws:iam::*:user/CI/Bots/*']).exempted).toBe(true);
    expect(withGlobs(f, ['CI/BOTS/DEPLOY']).exempted).toBe(true);
    // the partition and account are not loosened: another account's user, or a misspelt partition
    expect(withGlobs(f, ['arn:aws:iam::999999999999:user/ci/bots/deploy']).exempted).toBe(false);
    expect(withGlobs(f, ['arn:aws-cn:iam::123456789012:user/ci/bots/deploy']).exempted).toBe(false);
    expect(withGlobs(f, ['ARN:AWS:IAM::123456789012:USER/ci/bots/deploy']).exempted).toBe(false);
  });

  it('a name with a comma (IAM allows it) is one glob, and exempts only that user', () => {
    expect(withGlobs(finding('ops,admin'), ['ops,admin']).exempted).toBe(true);
    expect(withGlobs(finding('admin'), ['ops,admin']).exempted).toBe(false);
  });

  it('the exempt-users input `ops\\,admin` exempts the user ops,admin and not the user admin', () => {
    const { exemptUsers } = parseConfig({ 'exempt-users': 'ops\\,admin' }, { expandGlob: () => [] });
    expect(withGlobs(finding('ops,admin'), exemptUsers).exempted).toBe(true);
    expect(withGlobs(finding('admin'), exemptUsers).exempted).toBe(false);
  });
});

describe("a key's own exemption tag, EXEMPTION-TAG:ACCESS-KEY-ID (docs/design.md §10)", () => {
  const KEY1 = 'AKIAIOSFODNN7KEYONE1';
  const KEY2 = 'AKIAIOSFODNN7KEYTWO2';
  const keyOf = (id: string, slot: 1 | 2): Finding => ({
    ...finding('deploy'),
    keySlot: slot,
    accessKeyId: id,
    location: `aws/123456789012/iam/user/deploy/key-created-20250101T000000Z-slot${slot}`,
  });
  /** The user's tags as ListUserTags gives them, through keyTagFacts as the live audit reads them. */
  function apply(tags: Record<string, string>, exemptUsers: string[] = []): Finding[] {
    const keys = [keyOf(KEY1, 1), keyOf(KEY2, 2)];
    const keyExemptions = new Map(
      keys.flatMap((f) => {
        const { keyExemption } = keyTagFacts({
          tags,
          exemptionTag: TAG,
          accessKeyId: f.accessKeyId!,
          asOf: AS_OF,
        });
        return keyExemption ? [[f.accessKeyId!, keyExemption] as const] : [];
      }),
    );
    return applyExemptions(keys, {
      exemptUsers,
      tags: new Map([[keys[0]!.userArn, tags]]),
      exemptionTag: TAG,
      asOf: AS_OF,
      keyExemptions,
    });
  }
  const states = (fs: Finding[]) => fs.map((f) => [f.exempted, f.justification, f.exemptionExpired]);

  it('exempts that key only, with its justification; the other key of the user still fails', () => {
    expect(states(apply({ [`${TAG}:${KEY1}`]: 'nightly export, SEC-7' }))).toEqual([
      [true, 'nightly export, SEC-7', false],
      [false, null, false],
    ]);
  });

  it('keeps the expires= rule: after the day the key fails again, marked expired, its justification kept', () => {
    expect(states(apply({ [`${TAG}:${KEY1}`]: 'pilot; expires=2026-10-31' }))).toEqual([
      [false, 'pilot; expires=2026-10-31', true],
      [false, null, false],
    ]);
    expect(states(apply({ [`${TAG}:${KEY1}`]: 'pilot; expires=2026-11-01' }))[0]).toEqual([
      true,
      'pilot; expires=2026-11-01',
      false,
    ]);
  });

  it('the user-wide tag keeps working (and wins), and a glob wins over an expired key tag', () => {
    expect(states(apply({ [TAG]: 'whole user', [`${TAG}:${KEY1}`]: 'this key' }))).toEqual([
      [true, 'whole user', false],
      [true, 'whole user', false],
    ]);
    expect(states(apply({ [`${TAG}:${KEY1}`]: 'old; expires=2020-01-01' }, ['deploy']))[0]).toEqual([
      true,
      'exempt-users: "deploy"',
      false,
    ]);
  });

  it("a description tag (the key id alone) exempts nothing, and another key's tag exempts nothing", () => {
    expect(states(apply({ [KEY1]: 'used by the nightly export' }))).toEqual([
      [false, null, false],
      [false, null, false],
    ]);
    expect(states(apply({ [`${TAG}:AKIAOTHERKEY00000001`]: 'not these keys' }))).toEqual([
      [false, null, false],
      [false, null, false],
    ]);
  });
});
