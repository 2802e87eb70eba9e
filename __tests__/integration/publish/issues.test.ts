import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { createHash } from 'node:crypto';
import { codeSpans, withoutCodeSpans } from '../../helpers/code-spans.js';
import {
  MAX_ISSUE_BODY,
  MAX_ISSUE_TITLE,
  parseMarker,
  renderIssue,
  userKey,
} from '../../../src/report/issue-body.js';
import { parseRecords } from '../../../src/evaluate/issue-records.js';
import { applyHistory, type TimedRecord } from '../../../src/evaluate/history.js';
import {
  ISSUE_LABEL,
  planIssueSync,
  syncIssues,
  type ExistingIssue,
  type IssueAction,
  type IssueHistory,
} from '../../../src/publish/issues.js';
import { createOctokit, type GitHubClient } from '../../../src/publish/octokit.js';
import type { AuditResult, Finding, GitHubActor, TrackedIssue } from '../../../src/model.js';
import {
  ACTIONS_BOT,
  fastTiming,
  pointGitHubApiAt,
  startGitHubServer,
  type GitHubServer,
} from '../../helpers/github-server.js';
import { makeAccount, makeFailedAccount, makeFinding, makeResult } from '../../helpers/results.js';

const OTHER = '222222222222';

let server: GitHubServer;
let restoreApi: () => void = () => undefined;
let warnings: string[];
let infos: string[];
const log = {
  warning: (m: string) => warnings.push(m),
  info: (m: string) => infos.push(m),
};

beforeEach(async () => {
  server = await startGitHubServer();
  restoreApi = pointGitHubApiAt(server.url);
  warnings = [];
  infos = [];
});

afterEach(async () => {
  restoreApi();
  await server.stop();
});

/** The identity the test token writes as (the server's default: the workflow's `GITHUB_TOKEN`). */
const SELF: GitHubActor = { login: ACTIONS_BOT.login, id: ACTIONS_BOT.id };

/**
 * What publish() hands the sync: this tool's issues with their comments as the history reads them (from
 * the server's state, so no request is recorded), the history's view, and the findings with their
 * first-seen times and record locations.
 */
function withHistory(result: AuditResult): { result: AuditResult; history: IssueHistory } {
  const actor = (u: { login: string; id: number }): GitHubActor => ({ login: u.login, id: u.id });
  const tracked: TrackedIssue[] = server.issues
    .filter((i) => i.labels.includes(ISSUE_LABEL) && !i.pullRequest)
    .map((i) => ({
      number: i.number,
      state: i.state,
      author: actor(i.user),
      createdAt: i.created_at,
      closedAt: i.closed_at,
      marker: parseMarker(i.body),
      comments: i.comments.map((c) => ({
        id: c.id,
        author: actor(c.user),
        createdAt: c.created_at,
        updatedAt: c.updated_at,
        body: c.body,
      })),
    }));
  const view = applyHistory(result, { alerts: null, issues: tracked, self: SELF, notes: [] });
  const findings = result.findings.map((f) => {
    const location = view.relocated.get(f.location) ?? f.location;
    return { ...f, location, firstSeenAt: view.firstSeenAt.get(location) ?? null };
  });
  return { result: { ...result, findings }, history: view };
}

/** The run's own time, to the second: what a key recorded now reads as "first reported" (its record's time next run). */
const runTime = () => new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');

/** One run's sync as publish() does it: with the history of the issues and the identity it writes as. */
function sync(
  result: AuditResult,
  over: { maxIssues?: number; runUrl?: string | null; octokit?: GitHubClient } = {},
) {
  const run = withHistory(result);
  return syncIssues({
    octokit: over.octokit ?? createOctokit('ghs_local_test', { log, settings: fastTiming() }),
    owner: server.owner,
    repo: server.repo,
    result: run.result,
    extraLabels: ['security'],
    maxIssues: over.maxIssues ?? 20,
    runUrl: over.runUrl ?? null,
    recordAt: runTime(),
    history: run.history,
    self: SELF,
    log,
  });
}

/** A valid access key id per user name (each user its own key, as in IAM). */
const keyIdOf = (name: string) =>
  `AKIA${createHash('sha256').update(name).digest('hex').toUpperCase().slice(0, 16)}`;
const user = (name: string, overrides: Partial<Finding> = {}) =>
  makeFinding({ userName: name, accessKeyId: keyIdOf(name), ...overrides });
const result = (findings: Finding[], accounts = [makeAccount()]) => makeResult({ findings, accounts });
/** The counts of an outcome; `issues` (the links) is checked on its own below. */
const zero = {
  opened: 0,
  updated: 0,
  reopened: 0,
  closed: 0,
  skipped: 0,
  error: null,
  issues: expect.any(Array) as unknown,
};

/** Issues of the server carrying our label, by user name (from the title). */
function byUser(): Map<string, GitHubServer['issues'][number]> {
  return new Map(
    server.issues.filter((i) => i.labels.includes(ISSUE_LABEL)).map((i) => [codeSpans(i.title)[0] ?? '', i]),
  );
}

/** The kinds (and close reasons) of the records in each comment of issue `n`, oldest first. */
function recordKinds(n: number): string[][] {
  return server
    .commentBodies(n)
    .map((body) => parseRecords(body).map((r) => (r.reason ? `${r.kind}:${r.reason}` : r.kind)));
}

/** `METHOD /issues/...` of the writes, for their order. */
const writeLines = () => server.writes().map((r) => `${r.method} ${r.path.replace(/.*\/issues/, '/issues')}`);

describe('syncIssues against a local GitHub API', () => {
  it('says which issues it touched, with the html_url GitHub answered, for the summary to link', async () => {
    const opened = await sync(result([user('alice'), user('jane.doe@example.com')]));
    const url = (n: number) => `http://127.0.0.1/${server.owner}/${server.repo}/issues/${n}`;
    const numberOf = (name: string) => byUser().get(name)!.number;
    expect(opened.issues).toEqual([
      {
        action: 'opened',
        number: numberOf('alice'),
        url: url(numberOf('alice')),
        accountId: '123456789012',
        userName: 'alice',
      },
      {
        action: 'opened',
        number: numberOf('jane.doe@example.com'),
        url: url(numberOf('jane.doe@example.com')),
        accountId: '123456789012',
        userName: 'jane.doe@example.com',
      },
    ]);
    const next = await sync(result([user('alice', { mfaActive: true })]));
    expect(next.issues.map((i) => [i.action, i.userName, i.url])).toEqual([
      ['updated', 'alice', url(numberOf('alice'))],
      ['closed', 'jane.doe@example.com', url(numberOf('jane.doe@example.com'))],
    ]);
    const back = await sync(result([user('alice', { mfaActive: true }), user('jane.doe@example.com')]));
    expect(back.issues.map((i) => [i.action, i.userName])).toEqual([['reopened', 'jane.doe@example.com']]);
    expect(
      (await sync(result([user('alice', { mfaActive: true }), user('jane.doe@example.com')]))).issues,
    ).toEqual([]);
  });

  it('opens one issue per violating user, with labels created, and changes nothing on the next two runs', async () => {
    const findings = [
      user('alice'),
      user('alice', { keySlot: 2, accessKeyId: 'AKIASECONDKEY0000002' }),
      user('bob'),
      user('carol', { exempted: true, justification: 'CI' }),
    ];
    const first = await sync(result(findings), { runUrl: 'https://github.com/o/r/actions/runs/1' });
    expect(first).toEqual({ ...zero, opened: 2 });
    expect([...byUser().keys()].sort()).toEqual(['alice', 'bob']);
    const alice = byUser().get('alice');
    expect(alice?.labels).toEqual([ISSUE_LABEL, 'security']);
    expect(alice?.body).toContain('AKIASECONDKEY0000002');
    // each new issue gets exactly one comment, right after it: a `seen` record of its keys (its time is the evidence)
    expect(recordKinds(alice!.number)).toEqual([['seen']]);
    expect(parseRecords(server.commentBodies(alice!.number)[0])[0]?.keys.map((k) => k.keyId)).toEqual([
      keyIdOf('alice'),
      'AKIASECONDKEY0000002',
    ]);
    expect(recordKinds(byUser().get('bob')!.number)).toEqual([['seen']]);
    expect(writeLines().filter((w) => !w.includes('/labels'))).toEqual([
      `POST /issues`,
      `POST /issues/${alice!.number}/comments`,
      `POST /issues`,
      `POST /issues/${byUser().get('bob')!.number}/comments`,
    ]);
    expect(server.labels.get(ISSUE_LABEL)).toMatchObject({ color: 'd93f0b' });
    expect(server.labels.get('security')).toBeDefined();
    expect(
      server
        .writes()
        .filter((r) => r.path.endsWith('/labels'))
        .map((r) => r.body),
    ).toEqual([
      expect.objectContaining({ name: ISSUE_LABEL }),
      expect.objectContaining({ name: 'security' }),
    ]);

    for (const run of [2, 3]) {
      server.clearRequests();
      const again = await sync(result(findings), { runUrl: `https://github.com/o/r/actions/runs/${run}` });
      expect(again).toEqual(zero);
      expect(server.writes()).toEqual([]);
      // found by the fixed label, listed with state=all, never searched
      expect(server.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
        `GET /repos/${server.owner}/${server.repo}/issues`,
      ]);
      expect(server.requests[0]?.query).toMatchObject({ state: 'all', labels: ISSUE_LABEL, per_page: '100' });
    }
  });

  it('updates a body only when the evidence changed', async () => {
    await sync(result([user('alice')]));
    const used = user('alice', { reason: 'unused', keyLastUsedAt: '2024-06-01T00:00:00Z' });
    server.clearRequests();
    expect(await sync(result([used]))).toEqual({ ...zero, updated: 1 });
    expect(server.writes().map((r) => r.method)).toEqual(['PATCH']);
    expect(byUser().get('alice')?.body).toContain('2024-06-01');
    expect(await sync(result([used]))).toEqual(zero);
  });

  it('closes with a comment when the key is gone, and reopens when it comes back', async () => {
    await sync(result([user('alice'), user('bob')]));
    const bob = byUser().get('bob');
    server.clearRequests();

    expect(await sync(result([user('alice')]))).toEqual({ ...zero, closed: 1 });
    expect(bob?.state).toBe('closed');
    expect(bob?.state_reason).toBe('completed');
    // exactly one comment more than its `seen` record: the closing one, with a `closed` record
    expect(recordKinds(bob!.number)).toEqual([['seen'], ['closed:fixed']]);
    expect(server.commentBodies(bob!.number)[1]).toMatch(/deleted, deactivated or used/);
    // comment first (exactly once), then close: a failed close is done again next run without a second comment
    expect(writeLines()).toEqual([`POST /issues/${bob?.number}/comments`, `PATCH /issues/${bob?.number}`]);
    expect(server.writes()[1]?.body).toEqual({ state: 'closed', state_reason: 'completed' });
    const closedAt = bob?.closed_at;
    expect(infos).toContain(`Closed issue #${bob?.number} (fixed) for user bob in account 123456789012.`);
    expect(byUser().get('alice')?.state).toBe('open');

    expect(await sync(result([user('alice')]))).toEqual(zero);

    const back = user('bob', { keySlot: 2, accessKeyId: 'AKIANEWBOBKEY0000002' });
    server.clearRequests();
    expect(await sync(result([user('alice'), back]))).toEqual({ ...zero, reopened: 1 });
    expect(bob?.state).toBe('open');
    expect(bob?.body).toContain('AKIANEWBOBKEY0000002');
    expect(server.issues).toHaveLength(2);
    // reopened, and the key reported again is recorded once (when the issue had been closed, too)
    expect(writeLines()).toEqual([`PATCH /issues/${bob?.number}`, `POST /issues/${bob?.number}/comments`]);
    expect(recordKinds(bob!.number)).toEqual([['seen'], ['closed:fixed'], ['seen']]);
    const again = parseRecords(server.commentBodies(bob!.number)[2])[0];
    expect(again?.keys).toEqual([{ ref: back.location, keyId: 'AKIANEWBOBKEY0000002' }]);
    expect(again?.endedAt).toBe(closedAt);
    expect(await sync(result([user('alice'), back]))).toEqual(zero);
  });

  it('closes the issue of a user exempted since, quoting the justification escaped', async () => {
    await sync(result([user('alice')]));
    const justification = 'Deploy key for @org/team, see [ticket](https://evil.example) <b>SEC-1</b>';
    expect(await sync(result([user('alice', { exempted: true, justification })]))).toEqual({
      ...zero,
      closed: 1,
    });
    const alice = byUser().get('alice');
    expect(alice?.state).toBe('closed');
    // an accepted exemption is not a fix: closed as not planned
    expect(alice?.state_reason).toBe('not_planned');
    expect(infos).toContain(
      `Closed issue #${alice?.number} (exempted) for user alice in account 123456789012.`,
    );
    expect(recordKinds(alice!.number)).toEqual([['seen'], ['closed:exempted']]);
    const comment = server.commentBodies(alice!.number)[1] ?? '';
    expect(comment).toContain('exempted');
    expect(comment).toContain('Deploy key for @\u200borg/team');
    expect(comment).not.toMatch(/<b>|\]\(|https:\/\/evil/);
    expect(await sync(result([user('alice', { exempted: true, justification })]))).toEqual(zero);
  });

  it('opens no issue for a key its user made (docs/design.md §10) and closes an earlier one like an exemption, with who made it', async () => {
    const selfMade = (name: string) =>
      user(name, {
        selfCreated: true,
        keyCreation: {
          by: `user/${name}`,
          self: true,
          sameSessionAsUserCreation: null,
          via: 'console',
          eventTime: '2024-01-10T09:00:12Z',
          eventId: '9b5e4096-5555-4ea2-9b42-000000000001',
          unknownReason: null,
        },
      });
    expect(await sync(result([user('alice'), selfMade('ivan')]))).toEqual({ ...zero, opened: 1 });
    expect([...byUser().keys()]).toEqual(['alice']);

    // alice's key turns out to be her own (e.g. the audit may now read CloudTrail): her issue closes
    server.clearRequests();
    expect(await sync(result([selfMade('alice'), selfMade('ivan')]))).toEqual({ ...zero, closed: 1 });
    const alice = byUser().get('alice')!;
    expect(alice.state).toBe('closed');
    expect(alice.state_reason).toBe('not_planned');
    expect(recordKinds(alice.number)).toEqual([['seen'], ['closed:exempted']]);
    const comment = server.commentBodies(alice.number)[1] ?? '';
    expect(comment).toContain('the user made this key themself');
    expect(comment).toContain(
      `- the access key in slot 1 (\`${keyIdOf('alice')}\`): made by the user themself \\(\`user/alice\`\\) in the console`,
    );
    expect(comment).not.toContain('justification');
    expect(await sync(result([selfMade('alice'), selfMade('ivan')]))).toEqual(zero);
  });

  it('words issues and closing comments for `scope: any` without "user setup", and a second run changes nothing', async () => {
    const any = (findings: Finding[]) =>
      makeResult({ findings, settings: { ...makeResult().settings, scope: 'any' } });
    const late = (name: string) =>
      user(name, { setupGapSeconds: 5 * 86_400, keyCreatedAt: '2024-01-15T09:00:00.000Z' });
    expect(await sync(any([late('alice'), late('bob')]))).toEqual({ ...zero, opened: 2 });
    const alice = byUser().get('alice');
    expect(alice?.title).toBe('IAM user `alice` in account `123456789012` has an unused access key');
    expect(alice?.body).not.toContain('user setup');
    server.clearRequests();
    expect(
      await sync(any([late('alice'), late('bob')]), { runUrl: 'https://github.com/o/r/actions/runs/9' }),
    ).toEqual(zero);
    expect(server.writes()).toEqual([]);
    expect(await sync(any([late('alice')]))).toEqual({ ...zero, closed: 1 });
    const bob = byUser().get('bob');
    expect(recordKinds(bob!.number)).toEqual([['seen'], ['closed:fixed']]);
    expect(server.commentBodies(bob!.number)[1]).toMatch(/no longer has an active access key left unused/);
    expect(server.commentBodies(bob!.number).join('\n')).not.toContain('user setup');
  });

  it('leaves the issues of an account that failed this run alone', async () => {
    const inOther = user('dave', { accountId: OTHER });
    await sync(result([user('alice'), inOther], [makeAccount(), makeAccount({ accountId: OTHER })]));
    expect(server.issues).toHaveLength(2);
    server.clearRequests();

    const failed = makeFailedAccount({ accountId: OTHER });
    expect(await sync(result([user('alice')], [makeAccount(), failed]))).toEqual(zero);
    expect(server.writes()).toEqual([]);
    expect(byUser().get('dave')?.state).toBe('open');
  });

  it('leaves the issues of accounts not audited in this run (excluded, other shards) alone', async () => {
    await sync(
      result(
        [user('alice'), user('dave', { accountId: OTHER })],
        [makeAccount(), makeAccount({ accountId: OTHER })],
      ),
    );
    server.clearRequests();
    // this run (another shard) audited only OTHER, successfully, with no findings
    const shard = makeResult({
      accounts: [makeAccount({ accountId: OTHER })],
      findings: [],
      shard: { index: 2, total: 2 },
    });
    expect(await sync(shard)).toEqual({ ...zero, closed: 1 });
    expect(byUser().get('alice')?.state).toBe('open');
    expect(byUser().get('dave')?.state).toBe('closed');
  });

  it('ignores issues without the marker, pull requests and issues without the fixed label', async () => {
    const { body } = renderIssue(
      {
        accountId: '123456789012',
        alias: 'prod',
        userName: 'zed',
        userArn: 'arn:aws:iam::123456789012:user/zed',
        findings: [user('zed')],
      },
      { exemptionTag: 'access-key-justification', runUrl: null, scope: 'at-setup' },
    );
    const noMarker = server.addIssue({ title: 'IAM user zed', body: 'hand-written', labels: [ISSUE_LABEL] });
    const pr = server.addIssue({ body, labels: [ISSUE_LABEL], pullRequest: true });
    const unlabelled = server.addIssue({ body, labels: ['security'] });
    expect(await sync(result([]))).toEqual(zero);
    for (const i of [noMarker, pr, unlabelled]) expect(i.state).toBe('open');
    expect(server.writes()).toEqual([]);
  });

  it('opens at most max-issues new issues per run and counts the rest as skipped', async () => {
    const findings = ['u1', 'u2', 'u3', 'u4', 'u5'].map((n) => user(n));
    expect(await sync(result(findings), { maxIssues: 2 })).toEqual({ ...zero, opened: 2, skipped: 3 });
    expect([...byUser().keys()]).toEqual(['u1', 'u2']);
    expect(await sync(result(findings), { maxIssues: 2 })).toEqual({ ...zero, opened: 2, skipped: 1 });
    expect(await sync(result(findings), { maxIssues: 2 })).toEqual({ ...zero, opened: 1 });
    expect(await sync(result(findings), { maxIssues: 0 })).toEqual(zero);
    expect(server.issues).toHaveLength(5);
  });

  it('pages through more than 100 existing issues (Link rel="next")', async () => {
    const findings = Array.from({ length: 150 }, (_, i) => user(`user${String(i).padStart(3, '0')}`));
    // 150 issues an earlier run opened, each with its `seen` record
    const firstRun = planIssueSync([], result(findings), {
      extraLabels: ['security'],
      maxIssues: 150,
      runUrl: null,
      recordAt: runTime(),
    });
    for (const a of firstRun) {
      if (a.kind !== 'create') throw new Error(`expected creates, got ${a.kind}`);
      const issue = server.addIssue({ title: a.title, body: a.body, labels: a.labels });
      server.addComment(issue.number, { body: a.comment });
    }
    // one new violator, one fixed (user149 left)
    const now = [...findings.slice(0, 149), user('newbie')];
    expect(await sync(result(now))).toEqual({ ...zero, opened: 1, closed: 1 });
    const lists = server.requests.filter((r) => r.method === 'GET' && r.path.endsWith('/issues'));
    expect(lists.map((r) => r.query.page ?? '1')).toEqual(['1', '2']);
    expect(byUser().get('user149')?.state).toBe('closed');
    expect(server.issues).toHaveLength(151);
    // the 149 others were left alone: no comment, no edit
    expect(server.writes().filter((r) => r.path.endsWith('/comments'))).toHaveLength(2);
  });

  it('retries a secondary rate limit (retry-after) and a primary one, with a warning', async () => {
    server.fail({ kind: 'secondary-rate-limit', retryAfter: 1 }, { method: 'POST', path: /\/issues$/ });
    server.fail({ kind: 'rate-limit' }, { method: 'GET', path: /\/issues$/ });
    const started = Date.now();
    expect(await sync(result([user('alice')]))).toEqual({ ...zero, opened: 1 });
    expect(Date.now() - started).toBeLessThan(5000);
    expect(server.issues).toHaveLength(1);
    expect(warnings.join('\n')).toMatch(/secondary rate limit/);
    expect(warnings.join('\n')).toMatch(/rate limit reached for GET/);
    expect(server.requests.filter((r) => r.status === 403)).toHaveLength(2);
  });

  it('gives up on a rate limit that does not end, returning an error instead of throwing', async () => {
    server.fail(
      { kind: 'secondary-rate-limit', retryAfter: 1 },
      { method: 'POST', path: /\/issues$/, times: Infinity },
    );
    const out = await sync(result([user('alice')]));
    expect(out.opened).toBe(0);
    expect(out.error).toMatch(/rate limit was still exceeded after 3 retries/);
    expect(server.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/issues'))).toHaveLength(4);
  });

  it('retries a 5xx', async () => {
    server.fail({ kind: 'server-error', status: 502 }, { method: 'GET', path: /\/issues$/ });
    server.fail({ kind: 'server-error', status: 503 }, { method: 'PATCH' });
    await sync(result([user('alice'), user('bob')]));
    expect(await sync(result([user('alice')]))).toEqual({ ...zero, closed: 1 });
    expect(server.requests.filter((r) => r.status >= 500)).toHaveLength(2);
  });

  it('returns a clear error naming `issues: write` when the token lacks it', async () => {
    server.fail({ kind: 'forbidden', permission: 'issues=write' }, { method: 'POST', times: Infinity });
    const out = await sync(result([user('alice')]));
    expect(out).toMatchObject({ opened: 0, closed: 0 });
    expect(out.error).toMatch(
      /^GitHub issues could not be updated: the workflow token lacks `issues: write`/,
    );
    expect(out.error).toContain('permissions: issues: write');
    expect(out.error).toContain('issues=write');
    expect(server.issues).toHaveLength(0);
  });

  it('returns an error when issues are disabled (410) or the repository is not visible (404)', async () => {
    server.fail({ kind: 'gone' }, { method: 'GET' });
    expect((await sync(result([user('alice')]))).error).toMatch(/issues: write.*disabled.*HTTP 410/);
    server.fail({ kind: 'not-found' }, { method: 'GET' });
    expect((await sync(result([user('alice')]))).error).toMatch(/HTTP 404/);
  });

  it('returns an error instead of throwing for a non-HTTP error too, keeping what was done', async () => {
    await sync(result([user('alice')]));
    const real = createOctokit('ghs_local_test', { log, settings: fastTiming() });
    // a client that breaks after listing (a bug, a network stack failure): not an HTTP error
    const broken = {
      ...real,
      rest: {
        ...real.rest,
        issues: {
          ...real.rest.issues,
          update: () => Promise.reject(new TypeError('fetch failed: socket hang up')),
        },
      },
    } as unknown as typeof real;
    const out = await sync(result([user('bob')]), { octokit: broken });
    // bob's issue was opened; closing alice's failed, and the error says which action and why
    expect(out).toEqual({
      ...zero,
      opened: 1,
      error:
        'GitHub issues could not be updated for 1 action(s), the others were done: close #1 for user alice ' +
        'in account 123456789012: fetch failed: socket hang up. The next run tries again.',
    });
    expect(byUser().get('alice')?.state).toBe('open');
    expect(warnings).toContain(
      'Issue sync: close #1 for user alice in account 123456789012: fetch failed: socket hang up',
    );
    // its closing comment was posted: the next run only closes it
    server.clearRequests();
    expect(await sync(result([user('bob')]))).toEqual({ ...zero, closed: 1 });
    expect(writeLines()).toEqual(['PATCH /issues/1']);
    expect(recordKinds(1)).toEqual([['seen'], ['closed:fixed']]);
  });

  it('takes a label created concurrently (422 already_exists) in its stride', async () => {
    server.labels.set(ISSUE_LABEL, { name: ISSUE_LABEL, color: '000000', description: null });
    server.fail({ kind: 'not-found' }, { method: 'GET', path: /\/labels\// });
    expect(await sync(result([user('alice')]))).toEqual({ ...zero, opened: 1 });
    expect(
      server.requests.some((r) => r.method === 'POST' && r.path.endsWith('/labels') && r.status === 422),
    ).toBe(true);
  });

  it('keeps hostile user names in sync idempotently', async () => {
    const names = [
      '[x](https://evil)',
      '<script>alert(1)</script>',
      '@org/team',
      '```\n$(rm -rf /)\n```',
      'a b%20c',
    ];
    const findings = names.map((n) => user(n));
    expect(await sync(result(findings))).toEqual({ ...zero, opened: 5 });
    for (const i of server.issues) {
      expect(withoutCodeSpans(i.title)).not.toMatch(/@/);
      expect(i.title).not.toMatch(/[\r\n]/);
    }
    expect(await sync(result(findings))).toEqual(zero);
    expect(await sync(result(findings.slice(1)))).toEqual({ ...zero, closed: 1 });
  });

  it('works under a GHES-style API prefix', async () => {
    const ghes = await startGitHubServer({ prefix: '/api/v3' });
    try {
      const out = await syncIssues({
        octokit: createOctokit('ghs_local_test', { log, settings: fastTiming(), baseUrl: ghes.url }),
        owner: ghes.owner,
        repo: ghes.repo,
        result: result([user('alice')]),
        extraLabels: [],
        maxIssues: 20,
        runUrl: null,
        log,
      });
      expect(out).toEqual({ ...zero, opened: 1 });
      expect(ghes.issues[0]?.labels).toEqual([ISSUE_LABEL]);
      expect(ghes.commentBodies(ghes.issues[0]!.number).map((b) => parseRecords(b)[0]?.kind)).toEqual([
        'seen',
      ]);
    } finally {
      await ghes.stop();
    }
  });
});

describe('planIssueSync', () => {
  const render = (f: Finding) =>
    renderIssue(
      { accountId: f.accountId, alias: 'prod', userName: f.userName, userArn: f.userArn, findings: [f] },
      { exemptionTag: 'access-key-justification', runUrl: null, scope: 'at-setup' },
    );
  const existing = (
    n: number,
    f: Finding,
    state: 'open' | 'closed',
    body = render(f).body,
  ): ExistingIssue => ({
    number: n,
    state,
    title: render(f).title,
    body,
    labels: [ISSUE_LABEL],
  });
  const opts = { extraLabels: [], maxIssues: 20, runUrl: null };
  /** A history trusting these issues, each with an earlier run's `seen` record of the keys given. */
  const seenOn = (...entries: [number, Finding[]][]): IssueHistory => ({
    trustedIssues: new Set(entries.map(([n]) => n)),
    recordsByIssue: new Map(
      entries.map(([n, fs]): [number, TimedRecord[]] => [
        n,
        fs.length === 0
          ? []
          : [
              {
                kind: 'seen',
                accountId: fs[0]!.accountId,
                userKey: userKey(fs[0]!.userArn, fs[0]!.userName),
                keys: fs.map((f) => ({ ref: f.location, keyId: f.accessKeyId })),
                at: '2025-05-01T00:00:00Z',
                issue: n,
              },
            ],
      ]),
    ),
    issueOfKey: new Map(),
    restored: new Map(),
  });
  const commentOf = (a: IssueAction | undefined): string =>
    a?.kind === 'comment' || a?.kind === 'create' || a?.kind === 'close' ? (a.comment ?? '') : '';

  it('reopens the newest closed issue of a user, not an older one, and records the key as reported again', () => {
    const f = user('alice');
    const plan = planIssueSync([existing(3, f, 'closed'), existing(9, f, 'closed')], result([f]), opts);
    expect(plan).toEqual([
      expect.objectContaining({ kind: 'reopen', number: 9 }),
      expect.objectContaining({ kind: 'comment', number: 9 }),
    ]);
    expect(parseRecords(commentOf(plan[1]))).toEqual([
      expect.objectContaining({ kind: 'seen', keys: [{ ref: f.location, keyId: f.accessKeyId }] }),
    ]);
    expect(commentOf(plan[1])).toContain('Reported again');
  });

  it('updates the open issue and leaves closed duplicates alone', () => {
    const f = user('alice');
    const plan = planIssueSync(
      [existing(3, f, 'closed'), existing(5, f, 'open', `${render(f).body}\nedited`)],
      result([f]),
      { ...opts, history: seenOn([3, []], [5, [f]]) },
    );
    expect(plan).toEqual([expect.objectContaining({ kind: 'update', number: 5 })]);
  });

  it('with no history (a first run), records the keys of an open issue in one comment and says since when', () => {
    const f = user('alice');
    const plan = planIssueSync([existing(5, f, 'open')], result([f]), {
      ...opts,
      recordAt: '2025-06-01T02:00:00Z',
    });
    expect(plan.map((a) => a.kind)).toEqual(['update', 'comment']);
    expect(plan[0]?.kind === 'update' ? plan[0].body : '').toContain('first reported on 2025-06-01');
    expect(parseRecords(commentOf(plan[1]))).toEqual([
      expect.objectContaining({ kind: 'seen', keys: [{ ref: f.location, keyId: f.accessKeyId }] }),
    ]);
  });

  it('does not count reopened issues against max-issues', () => {
    const a = user('alice');
    const b = user('bob');
    const plan = planIssueSync([existing(1, a, 'closed')], result([a, b]), { ...opts, maxIssues: 1 });
    expect(plan.map((p) => p.kind)).toEqual(['reopen', 'comment', 'create']);
  });

  describe('a key deactivated by this run (remediate: deactivate)', () => {
    const deactivated = (f: Finding): Finding => ({
      ...f,
      remediation: {
        status: 'deactivated',
        dueAt: '2026-06-15T00:00:00Z',
        reason: 'set Inactive by this run',
      },
    });
    const withDeactivated = (findings: Finding[], gone: Finding[]) =>
      makeResult({
        findings,
        accounts: [makeAccount()],
        remediation: {
          mode: 'deactivate',
          keysDue: gone.length,
          deactivated: gone,
          planned: [],
          warnings: [],
        },
      });

    it('closes the issue as completed with one comment: what, when, which run, how to restore and exempt', () => {
      const f = user('alice', { accessKeyId: 'AKIAEXAMPLE000000001' });
      const plan = planIssueSync([existing(4, f, 'open')], withDeactivated([], [deactivated(f)]), {
        ...opts,
        runUrl: 'https://github.com/o/r/actions/runs/7',
      });
      expect(plan).toEqual([expect.objectContaining({ kind: 'close', number: 4, reason: 'deactivated' })]);
      const comment = (plan[0] as { comment: string }).comment;
      // one comment carries both records: the deactivation, then the close
      expect(parseRecords(comment)).toEqual([
        expect.objectContaining({ kind: 'deactivated', keys: [{ ref: f.location, keyId: f.accessKeyId }] }),
        expect.objectContaining({ kind: 'closed', keys: [], reason: 'deactivated' }),
      ]);
      expect(comment).toContain('[this workflow run](https://github.com/o/r/actions/runs/7)');
      expect(comment).toContain('**Inactive**');
      expect(comment).toContain('`AKIAEXAMPLE000000001`');
      expect(comment).toContain('due for deactivation since 2026-06-15');
      expect(comment).toContain(
        'aws iam update-access-key --user-name alice --access-key-id AKIAEXAMPLE000000001 --status Active',
      );
      expect(comment).toContain('aws iam tag-user --user-name alice');
      expect(comment).toContain('closing');
    });

    it('keeps the issue open for the user’s other violating key, and comments once', () => {
      const a = user('alice', { keySlot: 1, accessKeyId: 'AKIAEXAMPLE000000001' });
      const b = user('alice', {
        keySlot: 2,
        accessKeyId: 'AKIAEXAMPLE000000002',
        keyCreatedAt: '2026-01-02T00:00:00Z',
        location: 'aws/111111111111/iam/user/alice/key-created-20260102T000000Z',
      });
      const plan = planIssueSync([existing(4, a, 'open')], withDeactivated([b], [deactivated(a)]), {
        ...opts,
        history: seenOn([4, [a, b]]),
      });
      expect(plan.map((p) => p.kind)).toEqual(['update', 'comment']);
      const comment = (plan[1] as { comment: string }).comment;
      expect(parseRecords(comment)).toEqual([
        expect.objectContaining({ kind: 'deactivated', keys: [{ ref: a.location, keyId: a.accessKeyId }] }),
      ]);
      expect(comment).toContain('AKIAEXAMPLE000000001');
      expect(comment).not.toContain('AKIAEXAMPLE000000002');
      expect(comment).toContain('stays open');
    });

    it('a hostile user name stays inert in the comment and copies exactly', () => {
      const name = '@octo-org/admins [x](https://evil.example) #1 `tick`';
      const f = user(name, {
        userArn: 'arn:aws:iam::111111111111:user/hostile',
        accessKeyId: 'AKIAEXAMPLE000000001',
      });
      const plan = planIssueSync([existing(4, f, 'open')], withDeactivated([], [deactivated(f)]), opts);
      const comment = (plan[0] as { comment: string }).comment;
      // the first line people read, after the hidden record lines
      const first = comment
        .split('\n')
        .find((line) => !line.startsWith('<!-- iam-initial-access-key:record'))!;
      expect(withoutCodeSpans(first)).not.toMatch(/@octo-org|\]\(https:\/\/evil|#1/);
      expect(codeSpans(first)).toContain(name);
    });
  });

  it('never closes issues of an account absent from the result', () => {
    const f = user('alice', { accountId: OTHER });
    expect(planIssueSync([existing(1, f, 'open')], result([]), opts)).toEqual([]);
  });
});

describe('issue 9: a lost response creates no second issue and no second comment', () => {
  /** Each labelled issue's record kinds: one `seen` record comment per new issue, nothing else. */
  const onlySeenRecords = () =>
    server.issues.filter((i) => i.labels.includes(ISSUE_LABEL)).map((i) => recordKinds(i.number));

  it('POST /issues answered 502 after GitHub created the issue: one issue, counted as opened', async () => {
    server.fail({ kind: 'lost-response', status: 502 }, { method: 'POST', path: /\/issues$/, times: 1 });
    const out = await sync(result([user('alice'), user('bob')]));
    expect(out).toEqual({ ...zero, opened: 2 });
    expect(server.issues.filter((i) => i.labels.includes(ISSUE_LABEL))).toHaveLength(2);
    // the issue found again gets its record, once
    expect(onlySeenRecords()).toEqual([[['seen']], [['seen']]]);
  });

  it('POST /issues whose connection is reset after the issue was created: still one issue', async () => {
    server.fail({ kind: 'lost-response', reset: true }, { method: 'POST', path: /\/issues$/, times: 1 });
    const out = await sync(result([user('alice')]));
    expect(out).toEqual({ ...zero, opened: 1 });
    expect(server.issues).toHaveLength(1);
    expect(onlySeenRecords()).toEqual([[['seen']]]);
  });

  it('POST /issues that failed without creating: tried again and created once', async () => {
    server.fail({ kind: 'server-error', status: 502 }, { method: 'POST', path: /\/issues$/, times: 1 });
    const out = await sync(result([user('alice')]));
    expect(out).toEqual({ ...zero, opened: 1 });
    expect(server.issues).toHaveLength(1);
    expect(onlySeenRecords()).toEqual([[['seen']]]);
  });

  it('a comment answered 502 after GitHub stored it is not posted twice (looked for, found, counted)', async () => {
    server.fail({ kind: 'lost-response', status: 502 }, { method: 'POST', path: /\/comments$/ });
    const out = await sync(result([user('alice')]));
    expect(out).toEqual({ ...zero, opened: 1 });
    const n = byUser().get('alice')!.number;
    expect(recordKinds(n)).toEqual([['seen']]);
    // one POST (never retried blindly), then the comments read back to find it
    const comments = server.requests.filter((r) => r.path.endsWith(`/issues/${n}/comments`));
    expect(comments.map((r) => r.method)).toEqual(['POST', 'GET']);
    // and the next run sees its record: nothing to do
    server.clearRequests();
    expect(await sync(result([user('alice')]))).toEqual(zero);
    expect(server.writes()).toEqual([]);
  });

  it('a closing comment whose connection is reset after it was stored: posted once, and the issue closed', async () => {
    await sync(result([user('alice')]));
    const n = byUser().get('alice')!.number;
    server.clearRequests();
    server.fail({ kind: 'lost-response', reset: true }, { method: 'POST', path: /\/comments$/ });
    expect(await sync(result([]))).toEqual({ ...zero, closed: 1 });
    expect(recordKinds(n)).toEqual([['seen'], ['closed:fixed']]);
    expect(server.issue(n)!.state).toBe('closed');
    expect(writeLines()).toEqual([`POST /issues/${n}/comments`, `PATCH /issues/${n}`]);
  });

  it('a comment that failed without being stored is tried again and posted once', async () => {
    server.fail({ kind: 'server-error', status: 502 }, { method: 'POST', path: /\/comments$/ });
    expect(await sync(result([user('alice')]))).toEqual({ ...zero, opened: 1 });
    const n = byUser().get('alice')!.number;
    expect(recordKinds(n)).toEqual([['seen']]);
    expect(infos.join('\n')).toMatch(
      new RegExp(
        `Commenting on issue #${n} failed \\(Server Error.*\\) and it is not there; trying again\\.`,
      ),
    );
  });

  it('two open issues for one user: the oldest is kept, the other closed as a duplicate with a comment', async () => {
    await sync(result([user('alice')]));
    const first = server.issues[0]!;
    const dup = server.addIssue({ title: first.title, body: first.body, labels: [...first.labels] });
    const out = await sync(result([user('alice')]));
    expect(out.closed).toBe(1);
    expect(server.issue(first.number)!.state).toBe('open');
    expect(server.issue(dup.number)!.state).toBe('closed');
    expect(recordKinds(dup.number)).toEqual([['closed:duplicate']]);
    expect(server.commentBodies(dup.number)[0]).toContain(`Duplicate of #${first.number}`);
    // the kept one got nothing new
    expect(recordKinds(first.number)).toEqual([['seen']]);
    // and the next run leaves both alone
    const again = await sync(result([user('alice')]));
    expect(again).toEqual(zero);
  });

  it('a close whose PATCH fails for good: the closing comment is posted once; the next run only PATCHes', async () => {
    await sync(result([user('alice')]));
    const n = server.issues[0]!.number;
    server.fail(
      { kind: 'server-error', status: 502 },
      { method: 'PATCH', path: /\/issues\/\d+$/, times: Infinity },
    );
    server.clearRequests();
    const failed = await sync(result([]));
    expect(failed).toEqual({
      ...zero,
      error: expect.stringMatching(
        new RegExp(
          `^GitHub issues could not be updated for 1 action\\(s\\), .*close #${n} for user alice.*HTTP 502`,
        ),
      ) as unknown,
    });
    expect(server.issue(n)!.state).toBe('open');
    // the comment first, once; then the close, which failed (each PATCH retried by the client, never the comment)
    expect(recordKinds(n)).toEqual([['seen'], ['closed:fixed']]);
    const writes = server.requests.filter((r) => r.method !== 'GET').map((r) => `${r.method} ${r.status}`);
    expect(writes[0]).toBe('POST 201');
    expect(writes.slice(1).every((w) => w === 'PATCH 502')).toBe(true);

    server.clearFaults();
    server.clearRequests();
    // the next run's history shows the closing record last: only the PATCH is sent
    const ok = await sync(result([]));
    expect(ok).toEqual({ ...zero, closed: 1 });
    expect(writeLines()).toEqual([`PATCH /issues/${n}`]);
    expect(server.issue(n)!.state).toBe('closed');
    expect(recordKinds(n)).toEqual([['seen'], ['closed:fixed']]);
    // and the run after changes nothing
    server.clearRequests();
    expect(await sync(result([]))).toEqual(zero);
    expect(server.writes()).toEqual([]);
  });
});

describe('issue 19: one refused issue action does not stop the others; absurd input stays within limits', () => {
  it('a create GitHub refuses with 422 does not stop the others, and the error names it', async () => {
    await sync(result([user('carol')]));
    server.clearRequests();
    server.fail({ kind: 'server-error', status: 422 }, { method: 'POST', path: /\/issues$/ });
    const out = await sync(result([user('alice'), user('bob')]));
    expect(out).toEqual({
      ...zero,
      opened: 1,
      closed: 1,
      error:
        'GitHub issues could not be updated for 1 action(s), the others were done: create for user alice ' +
        'in account 123456789012: HTTP 422: Server Error - https://docs.github.com/rest. The next run tries again.',
    });
    expect([...byUser().keys()].sort()).toEqual(['bob', 'carol']);
    expect(byUser().get('carol')?.state).toBe('closed');
    expect(warnings).toContain(
      'Issue sync: create for user alice in account 123456789012: HTTP 422: Server Error - https://docs.github.com/rest',
    );
    // a 422 is an answer, not a lost one: not tried again in this run
    expect(server.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/issues'))).toHaveLength(2);
    // the next run opens it
    expect(await sync(result([user('alice'), user('bob')]))).toEqual({ ...zero, opened: 1 });
  });

  it('a comment GitHub refuses with 422 on one issue does not stop the close of another', async () => {
    await sync(result([user('alice'), user('bob')]));
    const alice = byUser().get('alice')!.number;
    const bob = byUser().get('bob')!.number;
    server.fail(
      { kind: 'server-error', status: 422 },
      { method: 'POST', path: new RegExp(`/issues/${alice}/comments$`) },
    );
    const out = await sync(result([]));
    expect(out.closed).toBe(1);
    expect(out.error).toBe(
      `GitHub issues could not be updated for 1 action(s), the others were done: close #${alice} for user alice ` +
        'in account 123456789012: HTTP 422: Server Error - https://docs.github.com/rest. The next run tries again.',
    );
    // no closing comment, so no close: the issue says nothing it did not do
    expect(server.issue(alice)!.state).toBe('open');
    expect(recordKinds(alice)).toEqual([['seen']]);
    expect(server.issue(bob)!.state).toBe('closed');
    expect(recordKinds(bob)).toEqual([['seen'], ['closed:fixed']]);
  });

  it('a 1 MB user name gives an issue body under 65,536 characters and a title under 256', async () => {
    const name = 'n'.repeat(1_000_000);
    const f = user(name, { userArn: `arn:aws:iam::123456789012:user/${name}` });
    expect(await sync(result([f]))).toEqual({ ...zero, opened: 1 });
    const issue = server.issues.find((i) => i.labels.includes(ISSUE_LABEL))!;
    expect(issue.body!.length).toBeLessThan(65_536);
    expect(issue.body!.length).toBeLessThanOrEqual(MAX_ISSUE_BODY);
    expect(issue.title.length).toBeLessThan(256);
    expect(issue.title.length).toBeLessThanOrEqual(MAX_ISSUE_TITLE);
    // GitHub took every write; the record comment is within the limit too and names the key (hashed location)
    expect(server.writes()).toHaveLength(server.requests.filter((r) => r.method !== 'GET').length);
    const [comment] = server.commentBodies(issue.number);
    expect(comment!.length).toBeLessThan(65_536);
    expect(parseRecords(comment)).toEqual([
      expect.objectContaining({
        kind: 'seen',
        keys: [{ ref: expect.stringMatching(/^sha256:[0-9a-f]{64}$/) as unknown, keyId: f.accessKeyId }],
      }),
    ]);
    // the marker finds the issue again: the next run changes nothing
    server.clearRequests();
    expect(await sync(result([f]))).toEqual(zero);
    expect(server.writes()).toEqual([]);
  });
});
