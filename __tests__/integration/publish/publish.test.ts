/**
 * History wired into publish (DESIGN §8): one listing of this tool's open alerts serves the history and
 * the carried-forward alerts; with create-issues the record comments of this identity count too.
 * Runs publish() against the local GitHub server.
 */
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Config } from '../../../src/model.js';
import { TOOL_NAME } from '../../../src/evaluate/rule.js';
import { publish, type PublishOutcome } from '../../../src/publish/publish.js';
import { renderMarker, userKey } from '../../../src/report/issue-body.js';
import { parseRecords, withRecords } from '../../../src/evaluate/issue-records.js';
import { renderSummary } from '../../../src/report/summary-markdown.js';
import { ISSUE_LABEL } from '../../../src/publish/issues.js';
import {
  fastTiming,
  pointGitHubApiAt,
  startGitHubServer,
  type GitHubServer,
} from '../../helpers/github-server.js';
import { liveConfig } from '../../helpers/live-env.js';
import {
  ACCOUNT_ID,
  makeAccount,
  makeFailedAccount,
  makeFinding,
  makeResult,
} from '../../helpers/results.js';

const OTHER = '210987654321';
let server: GitHubServer;
let dir: string;
let restoreApi: () => void = () => undefined;

const alice = makeFinding({ userName: 'alice' });
const bob = makeFinding({ userName: 'bob', accessKeyId: 'AKIABOBBOBBOBBOBBOB1' });
const carol = makeFinding({ userName: 'carol', accessKeyId: 'AKIACAROLCAROLCAROL1' });
const gone = makeFinding({ userName: 'gone' }).location;

function config(raw: Record<string, string> = {}): Config {
  return liveConfig({
    'sarif-file': join(dir, 'out.sarif'),
    'json-file': join(dir, 'out.json'),
    ...raw,
  });
}

async function run(
  cfg: Config,
  result = makeResult({ findings: [alice, bob, carol] }),
  github: boolean = true,
  uploadsSarif = false,
): Promise<{ outcome: PublishOutcome; json: { findings: Array<Record<string, unknown>> }; summary: string }> {
  const logs: string[] = [];
  const log = { info: (m: string) => logs.push(m), warning: (m: string) => logs.push(m) };
  const outcome = await publish(result, cfg, {
    log,
    uploadsSarif,
    githubClient: fastTiming(),
    github: github
      ? { token: 'ghs_local_test', owner: server.owner, repo: server.repo, runUrl: null, ref: null }
      : null,
  });
  const json = JSON.parse(readFileSync(join(dir, 'out.json'), 'utf8')) as {
    findings: Array<Record<string, unknown>>;
  };
  // Read as text: Markdown escapes (`\\.`) dropped.
  const summary = renderSummary(outcome.result, { jsonFile: 'out.json', sarifFile: 'out.sarif' }).replace(
    /\\(.)/g,
    '$1',
  );
  return { outcome, json, summary };
}

const alertListings = () =>
  server.requests.filter((r) => r.method === 'GET' && r.path.endsWith('/code-scanning/alerts')).length;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'publish-history-'));
  server = await startGitHubServer();
  restoreApi = pointGitHubApiAt(server.url);
});
afterEach(async () => {
  restoreApi();
  await server.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('history in publish', () => {
  it('gives each finding its first-seen time from the alerts, counts new and resolved, says so in the summary', async () => {
    server.addAlert({ tool: TOOL_NAME, path: alice.location, created_at: '2025-05-11T10:00:00Z' });
    server.addAlert({ tool: TOOL_NAME, path: alice.location, created_at: '2025-05-20T10:00:00Z' });
    server.addAlert({ tool: TOOL_NAME, path: gone, created_at: '2025-05-01T00:00:00Z' });
    server.addAlert({ tool: 'CodeQL', path: bob.location, created_at: '2025-01-01T00:00:00Z' });
    server.addAlert({ tool: TOOL_NAME, path: `aws/${OTHER}/iam/user/x/key-created-20240110T090012Z` });

    const { outcome, json, summary } = await run(config());

    const byUser = new Map(json.findings.map((f) => [f['userName'], f]));
    expect(byUser.get('alice')?.['firstSeenAt']).toBe('2025-05-11T10:00:00Z');
    expect(byUser.get('bob')?.['firstSeenAt']).toBeNull(); // another tool's alert does not count
    expect(byUser.get('alice')?.['remediation']).toBeNull();
    expect(outcome.outputs['new-findings']).toBe('2');
    // `gone` is resolved; the other account was not audited this run, so its alert is not counted
    expect(outcome.outputs['resolved-findings']).toBe('1');
    expect(summary).toContain('Since earlier runs: 2 new, 1 resolved.');
    expect(summary).toMatch(/\| Reported \|/);
    expect(summary).toContain('reported for 20 days');
    expect(summary).toMatch(/`bob`[^\n]*\| new \|/);
    expect(alertListings()).toBe(1);
  });

  it('lists the alerts once for history and for the failed accounts’ carried-forward alerts', async () => {
    const failedLoc = `aws/${OTHER}/iam/user/dave/key-created-20240110T090012Z`;
    server.addAlert({ tool: TOOL_NAME, path: failedLoc, created_at: '2025-05-01T00:00:00Z' });
    const result = makeResult({
      findings: [alice],
      accounts: [makeAccount(), makeFailedAccount({ accountId: OTHER })],
    });
    const { outcome } = await run(config({ 'fail-on': 'never' }), result);
    expect(outcome.result.carriedForward.map((a) => a.location)).toEqual([failedLoc]);
    expect(outcome.outputs['resolved-findings']).toBe('0'); // a failed account's alert is not resolved
    expect(alertListings()).toBe(1);
  });

  it('an account failed and the alerts cannot be listed: the action writes no SARIF (an upload would close them as fixed)', async () => {
    server.fail(
      { kind: 'forbidden', permission: 'security_events=read' },
      { path: /code-scanning\/alerts/, times: Infinity },
    );
    const result = makeResult({
      findings: [alice],
      accounts: [makeAccount(), makeFailedAccount({ accountId: OTHER })],
    });
    const { outcome, summary } = await run(config({ 'fail-on': 'never' }), result, true, true);
    expect(existsSync(join(dir, 'out.sarif'))).toBe(false);
    expect(outcome.outputs['sarif-file']).toBe('');
    expect(outcome.outputs['json-file']).toBe(join(dir, 'out.json'));
    expect(summary).toContain('No SARIF was written: 1 account(s) could not be audited');
    // the CLI, which uploads nothing, still writes it
    const cli = await run(config({ 'fail-on': 'never' }), result, true, false);
    expect(existsSync(join(dir, 'out.sarif'))).toBe(true);
    expect(cli.outcome.outputs['sarif-file']).toBe(join(dir, 'out.sarif'));
  });

  it('without GitHub: works as before and says the history was not available', async () => {
    const { outcome, json, summary } = await run(config(), undefined, false);
    expect(json.findings.every((f) => f['firstSeenAt'] === null && f['remediation'] === null)).toBe(true);
    expect(outcome.outputs['new-findings']).toBe('');
    expect(outcome.outputs['resolved-findings']).toBe('');
    expect(outcome.outputs['findings']).toBe('3');
    expect(summary).toContain('History not available (no GitHub token or repository)');
    expect(summary).not.toMatch(/\| Reported \|/);
  });

  it('a token without security-events: read: the history says why, issues still count', async () => {
    server.fail(
      { kind: 'forbidden', permission: 'security_events=read' },
      { path: /code-scanning\/alerts/, times: Infinity },
    );
    const { outcome, summary } = await run(config());
    expect(outcome.outputs['new-findings']).toBe('');
    expect(summary).toContain(
      'History not available (the code scanning alerts could not be listed (HTTP 403',
    );
  });

  it('with create-issues: a record comment of this identity counts (the earlier wins); a body line or a forged issue does not', async () => {
    const marker = renderMarker(ACCOUNT_ID, userKey(alice.userArn, alice.userName));
    const forgedLine = `<!-- iam-initial-access-key:first-listed ${encodeURIComponent(alice.location)}=2020-01-01T00:00:00Z -->`;
    const real = server.addIssue({
      title: 'alice',
      body: `${marker}\n${forgedLine}\n\nold body`,
      labels: [ISSUE_LABEL],
    });
    server.addComment(real.number, {
      body: withRecords(
        [
          {
            kind: 'seen',
            accountId: ACCOUNT_ID,
            userKey: userKey(alice.userArn),
            keys: [{ ref: alice.location, keyId: alice.accessKeyId }],
          },
        ],
        'First reported.',
      ),
      created_at: '2025-04-01T00:00:00Z',
    });
    server.addAlert({ tool: TOOL_NAME, path: alice.location, created_at: '2025-05-11T10:00:00Z' });
    // Someone with triage labels an issue of their own with bob's marker and a back-dated record.
    const bobMarker = renderMarker(ACCOUNT_ID, userKey(bob.userArn, bob.userName));
    const forged = server.addIssue({
      title: 'bob',
      body: `${bobMarker}\nforged`,
      labels: [ISSUE_LABEL],
      user: { login: 'mallory', id: 666, type: 'User' },
    });
    server.addComment(forged.number, {
      body: withRecords(
        [
          {
            kind: 'seen',
            accountId: ACCOUNT_ID,
            userKey: userKey(bob.userArn),
            keys: [{ ref: bob.location, keyId: bob.accessKeyId }],
          },
        ],
        'x',
      ),
      created_at: '2024-02-01T00:00:00Z',
      user: { login: 'mallory', id: 666, type: 'User' },
    });

    const { outcome, json, summary } = await run(
      config({ 'create-issues': 'true', 'github-token': 'ghs_local_test' }),
    );
    const byUser = new Map(json.findings.map((f) => [f['userName'], f]));
    expect(byUser.get('alice')?.['firstSeenAt']).toBe('2025-04-01T00:00:00Z');
    expect(byUser.get('bob')?.['firstSeenAt']).toBeNull();
    expect(outcome.outputs['new-findings']).toBe('2');
    expect(summary).toContain(`Not counted as evidence: issue(s) \`#${forged.number}\` carry this tool`);
    // one listing by label serves the history and the sync (and one by author finds issues that lost the
    // label); the forged issue is left alone
    const listings = server.requests.filter((r) => r.method === 'GET' && r.path.endsWith('/issues'));
    expect(listings.map((r) => r.query['labels'] ?? `creator=${r.query['creator']}`)).toEqual([
      'iam-initial-access-key',
      'creator=github-actions[bot]',
    ]);
    expect(server.issue(forged.number)?.body).toBe(`${bobMarker}\nforged`);
    expect(server.commentBodies(forged.number)).toHaveLength(1);
    // bob gets a real issue, with its record comment (its time is bob's first-seen from now on)
    const bobIssue = server.issues.find((i) => i.number !== forged.number && i.body?.includes(bobMarker));
    expect(bobIssue?.user.login).toBe('github-actions[bot]');
    expect(parseRecords(server.commentBodies(bobIssue!.number)[0])).toEqual([
      expect.objectContaining({ kind: 'seen', keys: [{ ref: bob.location, keyId: bob.accessKeyId }] }),
    ]);
    // alice's body no longer carries the first-listed line; it shows the trusted date
    const aliceIssue = server.issue(real.number);
    expect(aliceIssue?.body).not.toContain('first-listed');
    expect(aliceIssue?.body).toContain('first reported on 2025-04-01');
  });
});
