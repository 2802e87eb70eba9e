import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { codeSpans, withoutCodeSpans } from './helpers/code-spans.js';
import { renderIssue } from '../src/report/issue-body.js';
import { ISSUE_LABEL, planIssueSync, syncIssues, type ExistingIssue } from '../src/publish/issues.js';
import { createOctokit } from '../src/publish/octokit.js';
import type { AuditResult, Finding } from '../src/model.js';
import {
  fastTiming,
  pointGitHubApiAt,
  startGitHubServer,
  type GitHubServer,
} from './helpers/github-server.js';
import { makeAccount, makeFailedAccount, makeFinding, makeResult } from './helpers/results.js';

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

function sync(result: AuditResult, over: { maxIssues?: number; runUrl?: string | null } = {}) {
  return syncIssues({
    octokit: createOctokit('ghs_local_test', { log, settings: fastTiming() }),
    owner: server.owner,
    repo: server.repo,
    result,
    extraLabels: ['security'],
    maxIssues: over.maxIssues ?? 20,
    runUrl: over.runUrl ?? null,
    log,
  });
}

const user = (name: string, overrides: Partial<Finding> = {}) =>
  makeFinding({ userName: name, ...overrides });
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
      user('alice', { keySlot: 2, accessKeyId: 'AKIASECONDKEY' }),
      user('bob'),
      user('carol', { exempted: true, justification: 'CI' }),
    ];
    const first = await sync(result(findings), { runUrl: 'https://github.com/o/r/actions/runs/1' });
    expect(first).toEqual({ ...zero, opened: 2 });
    expect([...byUser().keys()].sort()).toEqual(['alice', 'bob']);
    const alice = byUser().get('alice');
    expect(alice?.labels).toEqual([ISSUE_LABEL, 'security']);
    expect(alice?.body).toContain('AKIASECONDKEY');
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
    expect(bob?.comments).toHaveLength(1);
    expect(bob?.comments[0]).toMatch(/deleted, deactivated or used/);
    // close first, then comment: a failed close is tried again next run without a second comment
    expect(server.writes().map((r) => `${r.method} ${r.path.replace(/.*\/issues/, '/issues')}`)).toEqual([
      `PATCH /issues/${bob?.number}`,
      `POST /issues/${bob?.number}/comments`,
    ]);
    expect(server.writes()[0]?.body).toEqual({ state: 'closed', state_reason: 'completed' });
    expect(infos).toContain(`Closed issue #${bob?.number} (fixed) for user bob in account 123456789012.`);
    expect(byUser().get('alice')?.state).toBe('open');

    expect(await sync(result([user('alice')]))).toEqual(zero);

    const back = user('bob', { keySlot: 2, accessKeyId: 'AKIANEWBOBKEY' });
    expect(await sync(result([user('alice'), back]))).toEqual({ ...zero, reopened: 1 });
    expect(bob?.state).toBe('open');
    expect(bob?.body).toContain('AKIANEWBOBKEY');
    expect(server.issues).toHaveLength(2);
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
    const comment = alice?.comments[0] ?? '';
    expect(comment).toContain('exempted');
    expect(comment).toContain('Deploy key for @\u200borg/team');
    expect(comment).not.toMatch(/<b>|\]\(|https:\/\/evil/);
    expect(await sync(result([user('alice', { exempted: true, justification })]))).toEqual(zero);
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
    expect(bob?.comments[0]).toMatch(/no longer has an active access key left unused/);
    expect(bob?.comments[0]).not.toContain('user setup');
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
    for (const f of findings) {
      const { title, body } = renderIssue(
        { accountId: f.accountId, alias: 'prod', userName: f.userName, userArn: f.userArn, findings: [f] },
        { exemptionTag: 'access-key-justification', runUrl: null, scope: 'at-setup' },
      );
      server.addIssue({ title, body, labels: [ISSUE_LABEL, 'security'] });
    }
    // 150 issues already there, one new violator, one fixed (user149 left)
    const now = [...findings.slice(0, 149), user('newbie')];
    expect(await sync(result(now))).toEqual({ ...zero, opened: 1, closed: 1 });
    const lists = server.requests.filter((r) => r.method === 'GET' && r.path.endsWith('/issues'));
    expect(lists.map((r) => r.query.page ?? '1')).toEqual(['1', '2']);
    expect(byUser().get('user149')?.state).toBe('closed');
    expect(server.issues).toHaveLength(151);
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
    const out = await syncIssues({
      octokit: broken,
      owner: server.owner,
      repo: server.repo,
      result: result([user('bob')]),
      extraLabels: [],
      maxIssues: 20,
      runUrl: null,
      log,
    });
    // bob's issue was opened before closing alice's failed
    expect(out).toEqual({
      ...zero,
      opened: 1,
      error: 'GitHub issues could not be updated: fetch failed: socket hang up',
    });
    expect(byUser().get('alice')?.state).toBe('open');
    expect(infos.join('\n')).toMatch(
      /Unexpected error while keeping issues in sync: TypeError: fetch failed/,
    );
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

  it('reopens the newest closed issue of a user, not an older one', () => {
    const f = user('alice');
    const plan = planIssueSync([existing(3, f, 'closed'), existing(9, f, 'closed')], result([f]), opts);
    expect(plan).toEqual([expect.objectContaining({ kind: 'reopen', number: 9 })]);
  });

  it('updates the open issue and leaves closed duplicates alone', () => {
    const f = user('alice');
    const plan = planIssueSync(
      [existing(3, f, 'closed'), existing(5, f, 'open', `${render(f).body}\nedited`)],
      result([f]),
      opts,
    );
    expect(plan).toEqual([expect.objectContaining({ kind: 'update', number: 5 })]);
  });

  it('does not count reopened issues against max-issues', () => {
    const a = user('alice');
    const b = user('bob');
    const plan = planIssueSync([existing(1, a, 'closed')], result([a, b]), { ...opts, maxIssues: 1 });
    expect(plan.map((p) => p.kind)).toEqual(['reopen', 'create']);
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
      const plan = planIssueSync([existing(4, a, 'open')], withDeactivated([b], [deactivated(a)]), opts);
      expect(plan.map((p) => p.kind)).toEqual(['update', 'comment']);
      const comment = (plan[1] as { comment: string }).comment;
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
      const first = comment.split('\n')[0]!;
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
  it('POST /issues answered 502 after GitHub created the issue: one issue, counted as opened', async () => {
    server.fail({ kind: 'lost-response', status: 502 }, { method: 'POST', path: /\/issues$/, times: 1 });
    const out = await sync(result([user('alice'), user('bob')]));
    expect(out).toEqual({ ...zero, opened: 2 });
    expect(server.issues.filter((i) => i.labels.includes(ISSUE_LABEL))).toHaveLength(2);
  });

  it('POST /issues whose connection is reset after the issue was created: still one issue', async () => {
    server.fail({ kind: 'lost-response', reset: true }, { method: 'POST', path: /\/issues$/, times: 1 });
    const out = await sync(result([user('alice')]));
    expect(out).toEqual({ ...zero, opened: 1 });
    expect(server.issues).toHaveLength(1);
  });

  it('POST /issues that failed without creating: tried again and created once', async () => {
    server.fail({ kind: 'server-error', status: 502 }, { method: 'POST', path: /\/issues$/, times: 1 });
    const out = await sync(result([user('alice')]));
    expect(out).toEqual({ ...zero, opened: 1 });
    expect(server.issues).toHaveLength(1);
  });

  it('two open issues for one user: the oldest is kept, the other closed as a duplicate with a comment', async () => {
    await sync(result([user('alice')]));
    const first = server.issues[0]!;
    const dup = server.addIssue({ title: first.title, body: first.body, labels: [...first.labels] });
    const out = await sync(result([user('alice')]));
    expect(out.closed).toBe(1);
    expect(server.issue(first.number)!.state).toBe('open');
    expect(server.issue(dup.number)!.state).toBe('closed');
    expect(server.issue(dup.number)!.comments).toHaveLength(1);
    expect(server.issue(dup.number)!.comments[0]).toContain(`Duplicate of #${first.number}`);
    // and the next run leaves both alone
    const again = await sync(result([user('alice')]));
    expect(again).toEqual(zero);
  });

  it('closing: a PATCH that fails is tried again next run without a second comment', async () => {
    await sync(result([user('alice')]));
    const n = server.issues[0]!.number;
    server.fail(
      { kind: 'server-error', status: 502 },
      { method: 'PATCH', path: /\/issues\/\d+$/, times: Infinity },
    );
    const failed = await sync(result([]));
    expect(failed.error).not.toBeNull();
    server.clearFaults();
    const ok = await sync(result([]));
    expect(ok.closed).toBe(1);
    expect(server.issue(n)!.state).toBe('closed');
    expect(server.issue(n)!.comments).toHaveLength(1);
  });
});
