import { describe, expect, it } from '@jest/globals';
import type { History, OpenAlert } from '../src/model.js';
import { applyHistory, earliestAlertTimes } from '../src/evaluate/history.js';
import { makeAccount, makeFailedAccount, makeFinding } from './helpers/results.js';
import { note, noteText } from '../src/notes.js';

const OK = '123456789012';
const FAILED = '210987654321';

const alice = makeFinding({ userName: 'alice' });
const bob = makeFinding({ userName: 'bob' });
const carol = makeFinding({ userName: 'carol', exempted: true, justification: 'break-glass' });

function alert(location: string, createdAt: string): OpenAlert {
  return { location, createdAt, message: 'm' };
}

const accounts = [makeAccount({ accountId: OK }), makeFailedAccount({ accountId: FAILED })];

describe('applyHistory', () => {
  it('firstSeenAt is the earlier of the earliest open alert and the issue first-listed time', () => {
    const history: History = {
      alerts: [
        alert(alice.location, '2026-03-10T08:00:00Z'),
        alert(alice.location, '2026-03-01T08:00:00.123Z'), // another category, earlier
        alert(bob.location, '2026-04-01T00:00:00Z'),
      ],
      issueFirstListed: new Map([
        [alice.location, '2026-03-05T00:00:00Z'],
        [bob.location, '2026-03-20T00:00:00Z'],
      ]),
      notes: [],
    };
    const view = applyHistory({ accounts, findings: [alice, bob] }, history);
    expect(view.firstSeenAt.get(alice.location)).toBe('2026-03-01T08:00:00Z');
    expect(view.firstSeenAt.get(bob.location)).toBe('2026-03-20T00:00:00Z');
    expect(view.newFindings).toEqual([]);
  });

  it('a finding neither source knows is new (exempted ones are not counted) and has firstSeenAt null', () => {
    const history: History = {
      alerts: [alert(alice.location, '2026-03-01T00:00:00Z')],
      issueFirstListed: null,
      notes: [],
    };
    const view = applyHistory({ accounts, findings: [alice, bob, carol] }, history);
    expect(view.firstSeenAt.get(bob.location)).toBeNull();
    expect(view.firstSeenAt.get(carol.location)).toBeNull();
    expect(view.newFindings?.map((f) => f.userName)).toEqual(['bob']);
  });

  it('resolved: open alerts under accounts audited successfully whose key is no longer a failing finding', () => {
    const gone = `aws/${OK}/iam/user/dave/key-created-20240110T090012Z`;
    const ofFailed = `aws/${FAILED}/iam/user/erin/key-created-20240110T090012Z`;
    const notAudited = `aws/999999999999/iam/user/frank/key-created-20240110T090012Z`;
    const history: History = {
      alerts: [
        alert(alice.location, '2026-03-01T00:00:00Z'), // still a finding
        alert(gone, '2026-03-01T00:00:00Z'),
        alert(gone, '2026-03-02T00:00:00Z'), // same location, counted once
        alert(carol.location, '2026-03-01T00:00:00Z'), // now exempted: its alert closes
        alert(ofFailed, '2026-03-01T00:00:00Z'),
        alert(notAudited, '2026-03-01T00:00:00Z'),
        alert('not/our/layout', '2026-03-01T00:00:00Z'),
      ],
      issueFirstListed: new Map(),
      notes: [],
    };
    const view = applyHistory({ accounts, findings: [alice, carol] }, history);
    expect(view.resolvedFindings?.map((a) => a.location)).toEqual([carol.location, gone].sort());
  });

  it('without any history source: new and resolved are unknown (null), firstSeenAt null, notes kept', () => {
    const view = applyHistory(
      { accounts, findings: [alice] },
      { alerts: null, issueFirstListed: null, notes: [note`the history was not available`] },
    );
    expect(view.newFindings).toBeNull();
    expect(view.resolvedFindings).toBeNull();
    expect(view.firstSeenAt.get(alice.location)).toBeNull();
    expect(view.notes.map(noteText)).toEqual(['the history was not available']);
  });

  it('with issues only: new is known, resolved is not', () => {
    const view = applyHistory(
      { accounts, findings: [alice] },
      { alerts: null, issueFirstListed: new Map([[alice.location, '2026-01-01T00:00:00Z']]), notes: [] },
    );
    expect(view.newFindings).toEqual([]);
    expect(view.resolvedFindings).toBeNull();
  });

  it('earliestAlertTimes ignores unparseable times', () => {
    expect(earliestAlertTimes([alert('a', 'garbage'), alert('a', '2026-01-01T00:00:00Z')])).toEqual(
      new Map([['a', '2026-01-01T00:00:00Z']]),
    );
  });
});
