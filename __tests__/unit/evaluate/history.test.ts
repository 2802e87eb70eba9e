/**
 * The history's evidence rules (docs/design.md §8), as a pure function: what counts as "first seen", what
 * is ignored (and said), restores, renames and twin keys. Each attack of issue 19 is a case here: a forged
 * issue, a forged or edited record, a body's first-listed line, a first-seen before the key existed, an
 * alert reopened after a deactivation.
 */
import { describe, expect, it } from '@jest/globals';
import type { GitHubActor, History, OpenAlert, TrackedComment, TrackedIssue } from '../../../src/model.js';
import { alertKeyId, applyHistory } from '../../../src/evaluate/history.js';
import { renderMarker, userKey } from '../../../src/report/issue-body.js';
import {
  locationRef,
  parseRecords,
  renderRecord,
  withRecords,
  type IssueRecord,
} from '../../../src/evaluate/issue-records.js';
import { locationFor, makeAccount, makeFailedAccount, makeFinding } from '../../helpers/results.js';
import { note, noteText } from '../../../src/notes.js';

const OK = '123456789012';
const FAILED = '210987654321';
const BOT: GitHubActor = { login: 'github-actions[bot]', id: 41898282 };
const MALLORY: GitHubActor = { login: 'mallory', id: 666 };
const KEY_CREATED = '2026-01-10T09:00:12.000Z';

const alice = makeFinding({
  userName: 'alice',
  keyCreatedAt: KEY_CREATED,
  accessKeyId: 'AKIAALICE00000000001',
});
const bob = makeFinding({
  userName: 'bob',
  keyCreatedAt: KEY_CREATED,
  accessKeyId: 'AKIABOB0000000000001',
  location: locationFor(OK, `arn:aws:iam::${OK}:user/bob`, KEY_CREATED),
});
const carol = makeFinding({ userName: 'carol', exempted: true, justification: 'break-glass' });

const accounts = [makeAccount({ accountId: OK }), makeFailedAccount({ accountId: FAILED })];

function alert(location: string, createdAt: string, message = 'm'): OpenAlert {
  return { location, createdAt, message };
}

/** The message live runs write, which names the key id. */
function liveMessage(keyId: string): string {
  return `IAM user 'x' in account ${OK} has an active access key ${keyId} (slot 1), created at user setup.`;
}

let nextComment = 1;
function comment(
  records: IssueRecord[],
  createdAt: string,
  over: Partial<TrackedComment> = {},
): TrackedComment {
  return {
    id: nextComment++,
    author: BOT,
    createdAt,
    updatedAt: createdAt,
    body: withRecords(records, 'text people read'),
    ...over,
  };
}

function seen(f: typeof alice, extra: Partial<IssueRecord> = {}): IssueRecord {
  return {
    kind: 'seen',
    accountId: f.accountId,
    userKey: userKey(f.userArn),
    keys: [{ ref: locationRef(f.location), keyId: f.accessKeyId }],
    ...extra,
  };
}

function issue(
  n: number,
  f: typeof alice,
  comments: TrackedComment[],
  over: Partial<TrackedIssue> = {},
): TrackedIssue {
  return {
    number: n,
    state: 'open',
    author: BOT,
    createdAt: '2026-02-01T00:00:00Z',
    closedAt: null,
    marker: { accountId: f.accountId, userKey: userKey(f.userArn) },
    comments,
    ...over,
  };
}

function history(over: Partial<History>): History {
  return { alerts: [], issues: [], self: BOT, notes: [], ...over };
}

const ignoredText = (view: { ignored: ReturnType<typeof note>[] }) => view.ignored.map(noteText).join('\n');

describe('records', () => {
  it('round-trip, keep hostile locations inert, and hash absurdly long ones', () => {
    const hostile = 'aws/1/iam/user/a-->b<script>,x:y/key-created-20260101T000000Z';
    const r: IssueRecord = {
      ...seen(alice),
      keys: [{ ref: hostile, keyId: null }],
      endedAt: '2026-01-02T00:00:00Z',
    };
    const line = renderRecord(r);
    expect(line).not.toMatch(/-->.*-->/);
    expect(line.indexOf('-->')).toBe(line.length - 3);
    expect(parseRecords(`${line}\nrest`)).toEqual([r]);
    const long = 'aws/1/iam/user/' + 'a'.repeat(1_000_000) + '/key-created-20260101T000000Z';
    expect(locationRef(long)).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(
      parseRecords('<!-- iam-initial-access-key:record v=1 kind=seen account=1 user=u keys=x:nope -->'),
    ).toEqual([]);
  });

  it('alertKeyId reads the key id live runs write into the message, and nothing else', () => {
    expect(alertKeyId(liveMessage('AKIAALICE00000000001'))).toBe('AKIAALICE00000000001');
    expect(alertKeyId('IAM user has an active access key in slot 1')).toBeNull();
  });
});

describe('first seen: only facts nobody can back-date', () => {
  it('is the earlier of the open alert and the record comment of this identity', () => {
    const view = applyHistory(
      { accounts, findings: [alice, bob] },
      history({
        alerts: [
          alert(alice.location, '2026-03-10T08:00:00Z'),
          alert(alice.location, '2026-03-01T08:00:00.123Z'),
        ],
        issues: [
          issue(1, alice, [comment([seen(alice)], '2026-03-05T00:00:00Z')]),
          issue(2, bob, [comment([seen(bob)], '2026-03-20T00:00:00Z')]),
        ],
      }),
    );
    expect(view.firstSeenAt.get(alice.location)).toBe('2026-03-01T08:00:00Z');
    expect(view.firstSeenAt.get(bob.location)).toBe('2026-03-20T00:00:00Z');
    expect(view.newFindings).toEqual([]);
    expect(view.ignored).toEqual([]);
  });

  it('a forged issue (label and marker, by another author) with a back-dated record gives nothing, and is named', () => {
    const forged = issue(7, bob, [comment([seen(bob)], '2026-01-11T00:00:00Z', { author: MALLORY })], {
      author: MALLORY,
    });
    const view = applyHistory({ accounts, findings: [bob] }, history({ issues: [forged] }));
    expect(view.firstSeenAt.get(bob.location)).toBeNull();
    expect(view.trustedIssues.has(7)).toBe(false);
    expect(ignoredText(view)).toMatch(
      /`#7` carry this tool's label and marker but were not opened by the identity/,
    );
  });

  it('a record comment by someone else on a real issue, or an edited one of this identity, gives nothing', () => {
    const real = issue(3, alice, [
      comment([seen(alice)], '2026-01-11T00:00:00Z', { author: MALLORY }),
      comment([seen(alice)], '2026-01-12T00:00:00Z', { updatedAt: '2026-03-01T00:00:00Z' }),
      comment([seen(alice)], '2026-04-01T00:00:00Z'),
    ]);
    const view = applyHistory({ accounts, findings: [alice] }, history({ issues: [real] }));
    expect(view.firstSeenAt.get(alice.location)).toBe('2026-04-01T00:00:00Z');
    expect(ignoredText(view)).toMatch(/`#3` were not written by this workflow's identity/);
    expect(ignoredText(view)).toMatch(/`#3` were edited after they were posted/);
  });

  it("a first-listed time in the issue body is display, never evidence (the record's own time counts)", () => {
    const forgedLine = `<!-- iam-initial-access-key:first-listed ${encodeURIComponent(alice.location)}=2020-01-01T00:00:00Z -->`;
    const body = withRecords([seen(alice)], forgedLine);
    const view = applyHistory(
      { accounts, findings: [alice] },
      history({ issues: [issue(1, alice, [{ ...comment([], '2026-05-01T00:00:00Z'), body }])] }),
    );
    expect(view.firstSeenAt.get(alice.location)).toBe('2026-05-01T00:00:00Z');
  });

  it('a record naming another account than its issue gives nothing', () => {
    const victim = makeFinding({ accountId: '999999999999', userName: 'victim', keyCreatedAt: KEY_CREATED });
    const view = applyHistory(
      { accounts: [makeAccount({ accountId: '999999999999' })], findings: [victim] },
      history({ issues: [issue(1, alice, [comment([seen(victim)], '2026-01-11T00:00:00Z')])] }),
    );
    expect(view.firstSeenAt.get(victim.location)).toBeNull();
    expect(ignoredText(view)).toMatch(/name another account than their issue/);
  });

  it('a first-seen earlier than the key itself is impossible: ignored, and said', () => {
    const view = applyHistory(
      { accounts, findings: [alice] },
      history({ alerts: [alert(alice.location, '2025-12-01T00:00:00Z')] }),
    );
    expect(view.firstSeenAt.get(alice.location)).toBeNull();
    expect(ignoredText(view)).toMatch(/earlier than the key's own creation/);
  });

  it('without the identity nothing in issues counts (the alerts still do)', () => {
    const view = applyHistory(
      { accounts, findings: [alice, bob] },
      history({
        self: null,
        alerts: [alert(bob.location, '2026-03-01T00:00:00Z')],
        issues: [issue(1, alice, [comment([seen(alice)], '2026-02-01T00:00:00Z')])],
      }),
    );
    expect(view.firstSeenAt.get(alice.location)).toBeNull();
    expect(view.firstSeenAt.get(bob.location)).toBe('2026-03-01T00:00:00Z');
    expect(view.trustedIssues.has(1)).toBe(true); // still matched for the sync
  });
});

describe('stretches: a key that came back starts a new notice', () => {
  const deactivated = (at: string): TrackedComment =>
    comment(
      [
        { ...seen(alice), kind: 'deactivated' },
        { ...seen(alice), kind: 'closed', keys: [], reason: 'deactivated' },
      ],
      at,
    );

  it('a key this tool deactivated that is Active again is restored: no first seen, the old alert does not count', () => {
    const view = applyHistory(
      { accounts, findings: [alice] },
      history({
        // GitHub reopens the fixed alert with its original created_at
        alerts: [alert(alice.location, '2026-02-01T00:00:00Z')],
        issues: [
          issue(
            1,
            alice,
            [comment([seen(alice)], '2026-02-01T00:00:00Z'), deactivated('2026-03-01T00:00:00Z')],
            {
              state: 'closed',
              closedAt: '2026-03-01T00:00:01Z',
            },
          ),
        ],
      }),
    );
    expect(view.restored.get(alice.location)).toBe('2026-03-01T00:00:00Z');
    expect(view.firstSeenAt.get(alice.location)).toBeNull();
    expect(view.newFindings).toEqual([]); // not new: known, restored
  });

  it('after the restore is recorded, the notice runs from the record, not from the reopened alert', () => {
    const view = applyHistory(
      { accounts, findings: [alice] },
      history({
        alerts: [alert(alice.location, '2026-02-01T00:00:00Z')],
        issues: [
          issue(1, alice, [
            comment([seen(alice)], '2026-02-01T00:00:00Z'),
            deactivated('2026-03-01T00:00:00Z'),
            comment([{ ...seen(alice), kind: 'restored' }], '2026-03-10T00:00:00Z'),
          ]),
        ],
      }),
    );
    expect(view.restored.size).toBe(0);
    expect(view.firstSeenAt.get(alice.location)).toBe('2026-03-10T00:00:00Z');
  });

  it('a key reported again after its issue was closed (fixed) counts from the new record, not the old alert', () => {
    const view = applyHistory(
      { accounts, findings: [alice] },
      history({
        alerts: [alert(alice.location, '2026-02-01T00:00:00Z')],
        issues: [
          issue(1, alice, [
            comment([seen(alice)], '2026-02-01T00:00:00Z'),
            comment([{ ...seen(alice), kind: 'closed', keys: [], reason: 'fixed' }], '2026-03-01T00:00:00Z'),
            comment([seen(alice, { endedAt: '2026-03-01T00:00:00Z' })], '2026-04-01T00:00:00Z'),
          ]),
        ],
      }),
    );
    expect(view.firstSeenAt.get(alice.location)).toBe('2026-04-01T00:00:00Z');
  });

  it('a due key that left the findings with its stretch open is a candidate for a lost deactivation', () => {
    const view = applyHistory(
      { accounts, findings: [bob] },
      history({ issues: [issue(1, alice, [comment([seen(alice)], '2026-02-01T00:00:00Z')])] }),
    );
    expect(view.openElsewhere).toEqual([
      expect.objectContaining({
        keyId: alice.accessKeyId,
        userName: 'alice',
        since: '2026-02-01T00:00:00Z',
        issue: 1,
      }),
    ]);
  });
});

describe('identity follows the key, not names or seconds', () => {
  it('a renamed user keeps the location (alert, issue, Security Hub id) its key was first reported under', () => {
    const renamed = makeFinding({
      userName: 'robert',
      accessKeyId: bob.accessKeyId,
      keyCreatedAt: KEY_CREATED,
    });
    const view = applyHistory(
      { accounts, findings: [renamed] },
      history({
        alerts: [alert(bob.location, '2026-02-01T00:00:00Z', liveMessage(bob.accessKeyId!))],
        issues: [issue(4, bob, [comment([seen(bob)], '2026-02-02T00:00:00Z')])],
      }),
    );
    expect(view.relocated.get(renamed.location)).toBe(bob.location);
    expect(view.firstSeenAt.get(bob.location)).toBe('2026-02-01T00:00:00Z');
    expect(view.issueOfKey.get(bob.accessKeyId!)).toBe(4);
    expect(view.resolvedFindings).toEqual([]); // its alert is not resolved: the key still fails
  });

  it('the survivor of two keys made in the same second keeps its -slot2 location', () => {
    const slot2 = `${alice.location}-slot2`;
    const survivor = makeFinding({
      userName: 'alice',
      keyCreatedAt: KEY_CREATED,
      accessKeyId: 'AKIATWIN000000000002',
      keySlot: 1,
    });
    const view = applyHistory(
      { accounts, findings: [survivor] },
      history({ alerts: [alert(slot2, '2026-02-01T00:00:00Z', liveMessage('AKIATWIN000000000002'))] }),
    );
    expect(view.relocated.get(survivor.location)).toBe(slot2);
    expect(view.firstSeenAt.get(slot2)).toBe('2026-02-01T00:00:00Z');
  });

  it('an alert of another key at the same location does not give its time', () => {
    const view = applyHistory(
      { accounts, findings: [alice] },
      history({
        alerts: [alert(alice.location, '2026-02-01T00:00:00Z', liveMessage('AKIAOTHER00000000001'))],
      }),
    );
    expect(view.firstSeenAt.get(alice.location)).toBeNull();
  });
});

describe('new and resolved', () => {
  it('a finding no source knows is new (exempted ones are not counted)', () => {
    const view = applyHistory(
      { accounts, findings: [alice, bob, carol] },
      history({ alerts: [alert(alice.location, '2026-03-01T00:00:00Z')] }),
    );
    expect(view.newFindings?.map((f) => f.userName)).toEqual(['bob']);
  });

  it('resolved: open alerts under accounts audited successfully whose key is no longer a failing finding', () => {
    const gone = `aws/${OK}/iam/user/dave/key-created-20240110T090012Z`;
    const ofFailed = `aws/${FAILED}/iam/user/erin/key-created-20240110T090012Z`;
    const view = applyHistory(
      { accounts, findings: [alice, carol] },
      history({
        alerts: [
          alert(alice.location, '2026-03-01T00:00:00Z'),
          alert(gone, '2026-03-01T00:00:00Z'),
          alert(gone, '2026-03-02T00:00:00Z'),
          alert(ofFailed, '2026-03-01T00:00:00Z'),
          alert(carol.location, '2026-03-01T00:00:00Z'),
        ],
      }),
    );
    expect(view.resolvedFindings?.map((a) => a.location).sort()).toEqual([carol.location, gone].sort());
  });

  it('without any source: unknown (null), with the notes kept', () => {
    const view = applyHistory(
      { accounts, findings: [alice] },
      { alerts: null, issues: null, self: null, notes: [note`the history was not available`] },
    );
    expect(view.newFindings).toBeNull();
    expect(view.resolvedFindings).toBeNull();
    expect(view.notes.map(noteText)).toEqual(['the history was not available']);
  });
});

it('renderMarker is still the issue marker (unchanged identity of existing issues)', () => {
  expect(renderMarker(OK, userKey(alice.userArn))).toBe(
    `<!-- iam-initial-access-key: account=${OK} user=${encodeURIComponent(alice.userArn)} -->`,
  );
});
