import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { carriedFromListing } from '../src/publish/code-scanning.js';
import { alertHistoryNote, issueFirstListed, listOpenAlerts } from '../src/publish/history.js';
import {
  mergeFirstListed,
  parseFirstListed,
  parseMarker,
  renderFirstListed,
  renderIssue,
} from '../src/report/issue-body.js';
import { ISSUE_LABEL, planIssueSync, type ExistingIssue } from '../src/publish/issues.js';
import { createOctokit } from '../src/publish/octokit.js';
import {
  fastTiming,
  pointGitHubApiAt,
  startGitHubServer,
  type GitHubServer,
} from './helpers/github-server.js';
import { makeAccount, makeFinding, makeResult } from './helpers/results.js';

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
    expect(alertHistoryNote(listing)).toBeNull();
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
    expect(alertHistoryNote(listing)).toMatch(why);
    expect(alertHistoryNote(listing)).toMatch(/^The code scanning history was not available \(HTTP \d{3}: /);
    expect(carriedFromListing(listing, [FAILED], log).warning).toMatch(/will show as fixed/);
  });
});

describe('first-listed times kept in the issue body', () => {
  const alice1 = makeFinding({ userName: 'alice' });
  const alice2 = makeFinding({ userName: 'alice', keySlot: 2, keyCreatedAt: '2024-02-01T00:00:00.000Z' });
  const renderOpts = { exemptionTag: 'access-key-justification', runUrl: null, scope: 'at-setup' as const };

  it('round-trips through the body, odd characters in the location included', () => {
    const odd = `aws/${OK}/iam/user/a%20b=c/d-->e/key-created-20240110T090012Z`;
    const map = new Map([
      [alice1.location, '2026-03-01T00:00:00Z'],
      [odd, '2026-03-02T00:00:00Z'],
    ]);
    const { body } = renderIssue(
      { accountId: OK, alias: null, userName: 'alice', userArn: alice1.userArn, findings: [alice1] },
      { ...renderOpts, firstListed: map },
    );
    const lines = body.split('\n');
    expect(parseMarker(body)).not.toBeNull(); // the marker stays the first line
    expect(lines[1]).toBe(renderFirstListed(map));
    expect(lines[1]).not.toMatch(/-->.*-->/);
    expect(parseFirstListed(body)).toEqual(map);
  });

  it('is absent unless asked for (bodies unchanged), and a damaged line reads as nothing', () => {
    const group = {
      accountId: OK,
      alias: null,
      userName: 'alice',
      userArn: alice1.userArn,
      findings: [alice1],
    };
    expect(renderIssue(group, renderOpts).body).not.toContain('first-listed');
    expect(parseFirstListed('<!-- iam-initial-access-key:first-listed garbage -->')).toEqual(new Map());
    expect(parseFirstListed('<!-- iam-initial-access-key:first-listed a=yesterday -->')).toEqual(new Map());
  });

  it('mergeFirstListed keeps earlier times, stamps new keys with now, drops keys no longer listed', () => {
    const prev = new Map([
      [alice1.location, '2026-01-01T00:00:00Z'],
      ['aws/gone', '2025-01-01T00:00:00Z'],
    ]);
    expect(mergeFirstListed(prev, [alice1.location, alice2.location], '2026-03-01T00:00:00Z')).toEqual(
      new Map([
        [alice1.location, '2026-01-01T00:00:00Z'],
        [alice2.location, '2026-03-01T00:00:00Z'],
      ]),
    );
  });

  it('planIssueSync records the times, keeps them on the next run (no update), and issueFirstListed reads them', () => {
    const result = makeResult({ accounts: [makeAccount()], findings: [alice1] });
    const first = planIssueSync([], result, {
      extraLabels: [],
      maxIssues: 5,
      runUrl: null,
      recordFirstListedAt: '2026-03-01T00:00:00Z',
    });
    const created = first[0];
    if (created?.kind !== 'create') throw new Error('expected a create');
    const issue: ExistingIssue = {
      number: 1,
      state: 'open',
      title: created.title,
      body: created.body,
      labels: [ISSUE_LABEL],
    };
    const again = planIssueSync([issue], result, {
      extraLabels: [],
      maxIssues: 5,
      runUrl: null,
      recordFirstListedAt: '2026-03-02T00:00:00Z',
    });
    expect(again).toEqual([]);
    expect(issueFirstListed([issue], ISSUE_LABEL)).toEqual(
      new Map([[alice1.location, '2026-03-01T00:00:00Z']]),
    );
    // closed issues and issues without our label or marker do not count
    expect(issueFirstListed([{ ...issue, state: 'closed' }], ISSUE_LABEL)).toEqual(new Map());
    expect(issueFirstListed([{ ...issue, labels: ['security'] }], ISSUE_LABEL)).toEqual(new Map());
    expect(
      issueFirstListed([{ ...issue, body: issue.body.split('\n').slice(1).join('\n') }], ISSUE_LABEL),
    ).toEqual(new Map());
  });
});
