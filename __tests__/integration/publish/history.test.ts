import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { carriedFromListing } from '../../../src/publish/code-scanning.js';
import { listOpenAlerts } from '../../../src/publish/history.js';
import { noteText } from '../../../src/notes.js';
import { parseMarker, renderMarker } from '../../../src/report/issue-body.js';
import { parseRecords } from '../../../src/evaluate/issue-records.js';
import { ISSUE_LABEL, planIssueSync, type ExistingIssue } from '../../../src/publish/issues.js';
import { createOctokit } from '../../../src/publish/octokit.js';
import {
  fastTiming,
  pointGitHubApiAt,
  startGitHubServer,
  type GitHubServer,
} from '../../helpers/github-server.js';
import { makeAccount, makeFinding, makeResult } from '../../helpers/results.js';

const TOOL = 'iam-initial-access-key-audit';
const FAILED = '210987654321';
const OK = '123456789012';

let server: GitHubServer;
let restoreApi: () => void = () => undefined;
const infos: string[] = [];
const log = { warning: () => undefined, info: (m: string) => void infos.push(m) };

beforeEach(async () => {
  server = await startGitHubServer();
  restoreApi = pointGitHubApiAt(server.url);
});

afterEach(async () => {
  restoreApi();
  await server.stop();
});

const list = () =>
  listOpenAlerts({
    octokit: createOctokit('ghs_local_test', { log, settings: fastTiming() }),
    owner: server.owner,
    repo: server.repo,
    toolName: TOOL,
    log,
  });

describe('listOpenAlerts: one listing for the history and the carried-forward alerts', () => {
  it("lists this tool's open alerts with created_at, over pages, in one paginated call; both uses derive from it", async () => {
    for (let i = 0; i < 120; i++) {
      server.addAlert({
        path: `aws/${i % 2 ? FAILED : OK}/iam/user/u${String(i).padStart(3, '0')}/key-created-20240110T090012Z`,
        created_at: `2026-03-${String((i % 28) + 1).padStart(2, '0')}T10:00:00Z`,
      });
    }
    server.addAlert({ path: `aws/${OK}/iam/user/fixed/key-created-20240110T090012Z`, state: 'fixed' });
    server.addAlert({ path: `aws/${OK}/iam/user/other/key-created-20240110T090012Z`, tool: 'CodeQL' });

    const listing = await list();
    if (!listing.ok) throw new Error('listing failed');
    expect(listing.alerts).toHaveLength(120);
    expect(listing.alerts.find((a) => a.location.includes('/u000/'))?.createdAt).toBe('2026-03-01T10:00:00Z');
    const calls = server.requests.filter((r) => r.path.endsWith('/code-scanning/alerts'));
    expect(calls.map((r) => r.query.page ?? '1')).toEqual(['1', '2']);
    expect(calls[0]?.query).toMatchObject({ tool_name: TOOL, state: 'open' });

    const carried = carriedFromListing(listing, [FAILED], log);
    expect(carried.warning).toBeNull();
    expect(carried.alerts).toHaveLength(60);
    expect(carried.alerts.every((a) => a.accountId === FAILED)).toBe(true);
    // no second listing happened for the carried alerts
    expect(server.requests.filter((r) => r.path.endsWith('/code-scanning/alerts'))).toHaveLength(2);
  });

  it.each([
    [403, { kind: 'forbidden' as const, permission: 'security_events=read' }, /security-events: read/],
    [404, { kind: 'not-found' as const, message: 'no analysis found' }, /not enabled or has no analysis/],
  ])('makes the history unavailable, with a note, on HTTP %s', async (status, fault, why) => {
    server.fail(fault, { path: /code-scanning/ });
    const listing = await list();
    expect(listing.ok).toBe(false);
    if (listing.ok) return;
    expect(listing.status).toBe(status);
    if (listing.ok) throw new Error('expected a failed listing');
    expect(noteText(listing.why)).toMatch(why);
    expect(listing.detail).toMatch(/^HTTP \d{3}: /);
    expect(carriedFromListing(listing, [FAILED], log).warning).toMatch(/will show as fixed/);
  });
});

describe('the issue sync keeps its records in comments, never in the body', () => {
  const alice1 = makeFinding({ userName: 'alice' });
  const result = makeResult({ accounts: [makeAccount()], findings: [alice1] });
  const BOT = { login: 'github-actions[bot]', id: 41898282 };

  it('a new issue gets a record comment (its time is the evidence); the body has no first-listed line', () => {
    const [created] = planIssueSync([], result, { extraLabels: [], maxIssues: 5, runUrl: null });
    if (created?.kind !== 'create') throw new Error('expected a create');
    expect(created.body).not.toContain('first-listed');
    expect(parseMarker(created.body)).not.toBeNull();
    expect(parseRecords(created.comment)).toEqual([
      expect.objectContaining({ kind: 'seen', keys: [{ ref: alice1.location, keyId: alice1.accessKeyId }] }),
    ]);
  });

  it('the next run, with that record trusted, changes nothing (no update, no second record)', () => {
    const [created] = planIssueSync([], result, { extraLabels: [], maxIssues: 5, runUrl: null });
    if (created?.kind !== 'create') throw new Error('expected a create');
    const issue: ExistingIssue = {
      number: 1,
      state: 'open',
      title: created.title,
      body: created.body,
      labels: [ISSUE_LABEL],
      author: BOT,
    };
    // The record's time (GitHub's) is the key's first-seen on the next run: the same day, the same body.
    const at = '2025-06-01T02:00:05Z';
    const records = parseRecords(created.comment).map((r) => ({ ...r, at, issue: 1 }));
    const next = makeResult({ accounts: [makeAccount()], findings: [{ ...alice1, firstSeenAt: at }] });
    const again = planIssueSync([issue], next, {
      extraLabels: [],
      maxIssues: 5,
      runUrl: null,
      recordAt: '2025-06-02T02:00:00Z',
      history: {
        trustedIssues: new Set([1]),
        recordsByIssue: new Map([[1, records]]),
        issueOfKey: new Map(),
        restored: new Map(),
      },
    });
    expect(again).toEqual([]);
  });

  it('an issue the history does not trust (another author) is neither updated nor closed', () => {
    const forged: ExistingIssue = {
      number: 9,
      state: 'open',
      title: 'x',
      body: `${renderMarker(OK, alice1.userArn)}\nforged`,
      labels: [ISSUE_LABEL],
      author: { login: 'mallory', id: 666 },
    };
    const fixed = makeResult({ accounts: [makeAccount()], findings: [] });
    const history = {
      trustedIssues: new Set<number>(),
      recordsByIssue: new Map(),
      issueOfKey: new Map(),
      restored: new Map(),
    };
    expect(planIssueSync([forged], fixed, { extraLabels: [], maxIssues: 5, runUrl: null, history })).toEqual(
      [],
    );
    const actions = planIssueSync([forged], result, { extraLabels: [], maxIssues: 5, runUrl: null, history });
    expect(actions.map((a) => a.kind)).toEqual(['create']);
  });
});
