/**
 * End to end, live: the bundled dist/index.js run in a child process exactly as the Actions runner runs
 * it (INPUT_* variables, GITHUB_OUTPUT / GITHUB_STEP_SUMMARY files), against moto behind the
 * call-counting, fault-injecting proxy, the local Actions ID-token endpoint and the local GitHub API.
 * Nothing the child process is given points anywhere but 127.0.0.1: no IMDS, no shared AWS files, no
 * proxy variables (run-dist keeps only PATH, HOME, LANG, TZ of the parent).
 */
import { parseRecords } from '../../src/evaluate/issue-records.js';
import { afterAll, beforeAll, beforeEach, expect, it } from '@jest/globals';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { DeleteAccessKeyCommand, GenerateCredentialReportCommand, IAMClient } from '@aws-sdk/client-iam';
import type { Log, Result } from 'sarif';
import type { JsonAccount, JsonReport } from '../../src/report/json.js';
import { locationFingerprint } from '../../src/report/sarif.js';
import { accessDenied, type AwsProxy } from '../helpers/aws-proxy.js';
import { startGitHubServer, type GitHubServer } from '../helpers/github-server.js';
import {
  describeWithMoto,
  resetMoto,
  seedAccount,
  TEST_REGION,
  type MotoServer,
  type SeededAccount,
  type SeedUser,
} from '../helpers/moto.js';
import type { OidcServer } from '../helpers/oidc-server.js';
import { liveStack } from '../helpers/live-env.js';
import { assertDistFresh, runAction, type RunResult, stepAwsEnv } from '../helpers/run-dist.js';

const AUDIT_ACCOUNT = '111111111111';
const ROLE = `arn:aws:iam::${AUDIT_ACCOUNT}:role/gha-iam-audit`;
const MEMBER_ROLE = 'audit/IamAudit';
const GOOD = ['222222222222', '333333333333'];
const DENIED = '444444444444';
const DENIED_ROLE = `arn:aws:iam::${DENIED}:role/${MEMBER_ROLE}`;
const AMBIENT_ACCOUNT = '123456789012';
const TOOL = 'iam-initial-access-key-audit';
const GITHUB_TOKEN = 'ghs_e2eLiveWorkflowToken0123456789abcdef';
const JUSTIFICATION = 'break-glass CLI for the on-call';
/** moto's report says 2015; an explicit as-of 200 days ahead makes a key used "now" stale (> 90 days). */
const AS_OF = new Date(Date.now() + 200 * 86_400_000).toISOString().replace(/\.\d{3}Z$/, 'Z');

/** Per account: a never-used key, a stale key (used at seeding), an exempted key, two compliant users. */
const USERS: SeedUser[] = [
  { name: 'alice', password: true, keys: 1 },
  { name: 'bob', path: '/staff/', password: true, keys: [{ use: true }] },
  { name: 'erin', password: true, keys: 1, tags: { 'access-key-justification': JUSTIFICATION } },
  { name: 'svc-deploy', keys: 1 },
  { name: 'carol', password: true },
];
const VIOLATORS = ['alice', 'bob'];

/** `2026-11-27T21:40:05.000Z` -> `20261127T214005Z`, as in the SARIF location. */
function stamp(d: Date): string {
  return d
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replace(/[-:]/g, '');
}

function readSarif(run: RunResult): Log {
  return JSON.parse(readFileSync(join(run.dir, 'iam-initial-access-keys.sarif'), 'utf8')) as Log;
}

function readReport(run: RunResult): JsonReport {
  return JSON.parse(readFileSync(join(run.dir, 'iam-initial-access-keys.json'), 'utf8')) as JsonReport;
}

function uriOf(r: Result): string | undefined {
  return r.locations?.[0]?.physicalLocation?.artifactLocation?.uri;
}

/** Every file the step left in its workspace, concatenated (SARIF, JSON, outputs, summary). */
function workspaceText(run: RunResult): string {
  const out: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, entry.name);
      if (entry.isDirectory()) walk(p);
      else out.push(readFileSync(p, 'utf8'));
    }
  };
  walk(run.dir);
  return out.join('\n');
}

/**
 * Nothing on stderr but Node's own warnings (on Node 20 the AWS SDK warns that it will need Node 22):
 * no stack trace, no error.
 */
function expectQuietStderr(run: RunResult): void {
  const rest = run.stderr
    .replace(/\(node:\d+\) Warning: NodeVersionSupportWarning:[\s\S]*?https:\/\/a\.co\/\S+\n?/g, '')
    .replace(/\(Use `node --trace-warnings \.\.\.` to show where the warning was created\)\n?/g, '');
  expect(rest.trim()).toBe('');
}

interface StsSecrets {
  accessKeyIds: string[];
  secrets: string[];
}

describeWithMoto('dist/index.js live against moto, the ID-token endpoint and the GitHub API', () => {
  beforeAll(assertDistFresh); // first: nothing starts for a stale bundle
  const stack = liveStack({ oidc: true, pointSdk: false });
  let moto: MotoServer;
  let aws: AwsProxy;
  let oidc: OidcServer;
  let gh: GitHubServer;
  let seeded: Map<string, SeededAccount>;
  let sts: StsSecrets;
  let oidcIssuedBefore = 0;

  beforeAll(async () => {
    ({ moto, oidc, aws } = stack);
    gh = await startGitHubServer({ owner: 'octo-org', repo: 'security-audits' });
  }, 60_000);

  afterAll(async () => {
    await gh?.stop();
  });

  beforeEach(async () => {
    await resetMoto(moto.endpoint);
    aws.clearFaults();
    aws.resetCalls();
    gh.issues.length = 0;
    gh.alerts.length = 0;
    gh.labels.clear();
    gh.clearFaults();
    gh.clearRequests();
    seeded = new Map();
    sts = { accessKeyIds: [], secrets: [] };
    oidcIssuedBefore = oidc.issued.length;
    recordSts();
  });

  /** Seeds `accountId` straight at moto and generates its report, so the action's first poll is COMPLETE. */
  async function seed(accountId: string, users: SeedUser[] = USERS, alias?: string): Promise<SeededAccount> {
    const account = await seedAccount(moto.endpoint, accountId, users, { alias });
    const iam = new IAMClient({
      region: TEST_REGION,
      endpoint: moto.endpoint,
      credentials: account.credentials,
    });
    try {
      await iam.send(new GenerateCredentialReportCommand({}));
    } finally {
      iam.destroy();
    }
    seeded.set(accountId, account);
    return account;
  }

  /** Records what STS hands out (the proxy passes the answer on unchanged), to look for leaks later. */
  function recordSts(): void {
    aws.fault({
      match: { action: ['AssumeRoleWithWebIdentity', 'AssumeRole'] },
      respond: {
        rewrite: (body) => {
          const pick = (tag: string) => [...body.matchAll(new RegExp(`<${tag}>([^<]+)</${tag}>`, 'g'))];
          for (const m of pick('AccessKeyId')) sts.accessKeyIds.push(m[1]!);
          for (const m of [...pick('SecretAccessKey'), ...pick('SessionToken')]) sts.secrets.push(m[1]!);
          return body;
        },
      },
    });
  }

  function denyMemberRole(): void {
    // Before the recording rule: the first matching rule answers.
    aws.clearFaults();
    aws.fault({
      match: { action: 'AssumeRole', params: { RoleArn: DENIED_ROLE } },
      respond: accessDenied('sts:AssumeRole', {
        principal: `arn:aws:sts::${AUDIT_ACCOUNT}:assumed-role/gha-iam-audit/${TOOL}`,
        resource: DENIED_ROLE,
      }),
    });
    recordSts();
  }

  /** The runner's environment for the step: every endpoint on loopback, no ambient AWS credentials. */
  function stepEnv(opts: { oidc?: boolean; ambient?: boolean } = {}): NodeJS.ProcessEnv {
    return {
      ...stepAwsEnv(aws.endpoint),
      GITHUB_API_URL: gh.url,
      GITHUB_REPOSITORY: `${gh.owner}/${gh.repo}`,
      GITHUB_REF: 'refs/heads/main',
      ...(opts.oidc === false ? {} : oidc.env),
      ...(opts.ambient ? { AWS_ACCESS_KEY_ID: 'testing', AWS_SECRET_ACCESS_KEY: 'testing' } : {}),
    };
  }

  function oidcInputs(accounts: string[], extra: Record<string, string> = {}): Record<string, string> {
    return {
      'role-to-assume': ROLE,
      accounts: accounts.join('\n'),
      'account-role-name': MEMBER_ROLE,
      'as-of': AS_OF,
      'github-token': GITHUB_TOKEN,
      ...extra,
    };
  }

  /**
   * `secrets` are masked (`::add-mask::`) and appear nowhere else; `unmasked` (the runner's own, which
   * the runner masks itself) appear nowhere at all.
   */
  function expectNoSecrets(run: RunResult, secrets: string[], unmasked: string[] = []): void {
    const masked = run.stdout
      .split('\n')
      .filter((l) => l.startsWith('::add-mask::'))
      .map((l) => l.slice('::add-mask::'.length));
    const stdout = run.stdout
      .split('\n')
      .filter((l) => !l.startsWith('::add-mask::'))
      .join('\n');
    const elsewhere = [stdout, run.stderr, run.summary, workspaceText(run)].join('\n');
    for (const secret of secrets) {
      expect(secret.length).toBeGreaterThan(8);
      expect(masked).toContain(secret);
      expect(elsewhere.includes(secret)).toBe(false);
    }
    for (const secret of unmasked)
      expect(run.stdout.includes(secret) || elsewhere.includes(secret)).toBe(false);
  }

  it('audits several accounts via OIDC and role chaining, isolating a denied one, as fail-on says', async () => {
    await seed(GOOD[0]!, USERS, 'acme-prod');
    await seed(GOOD[1]!);
    await seed(DENIED);
    denyMemberRole();

    const run = await runAction({ inputs: oidcInputs([...GOOD, DENIED]), env: stepEnv() });
    try {
      expect(run.code).toBe(1);
      expectQuietStderr(run);

      // ---- outputs: every one of DESIGN §3
      expect(run.outputs).toEqual({
        findings: '4',
        'violating-users': '4',
        exempted: '2',
        'accounts-audited': '2',
        'accounts-failed': '1',
        'sarif-file': 'iam-initial-access-keys.sarif',
        'json-file': 'iam-initial-access-keys.json',
        'ocsf-file': '', // opt-in: not written
        'issues-opened': '0',
        'issues-updated': '0',
        'issues-closed': '0',
        'issues-skipped': '0',
        // the repository has no alerts of this tool yet: every finding is new, nothing resolved
        'new-findings': '4',
        'resolved-findings': '0',
        'keys-due': '0',
        'keys-deactivated': '0',
        'security-hub-imported': '0',
        'security-hub-archived': '0',
      });
      expect(run.stdout).toMatch(
        /^::error::.*4 unused access keys of 4 users.*1 account of 3 could not be audited/m,
      );

      // ---- SARIF
      const sarif = readSarif(run);
      expect(sarif.version).toBe('2.1.0');
      expect(sarif.runs).toHaveLength(1);
      const sarifRun = sarif.runs[0]!;
      const results = sarifRun.results ?? [];
      expect(sarifRun.tool.driver.name).toBe(TOOL);
      expect(sarifRun.tool.driver.rules).toHaveLength(1);
      expect(sarifRun.automationDetails).toBeUndefined(); // no category: upload-sarif derives it
      expect(sarifRun.invocations?.[0]?.executionSuccessful).toBe(true);
      expect(sarifRun.invocations?.[0]?.toolExecutionNotifications).toEqual([
        expect.objectContaining({
          level: 'error',
          message: { text: expect.stringContaining(DENIED_ROLE) },
          properties: expect.objectContaining({ accountId: DENIED }),
        }),
      ]);
      expect(sarifRun.properties).toEqual(
        expect.objectContaining({
          findings: 4,
          exempted: 2,
          accountsAudited: 2,
          accountsFailed: 1,
          carriedForward: 0,
        }),
      );
      const expectedResults = GOOD.flatMap((accountId) =>
        VIOLATORS.map((name) => {
          const user = seeded.get(accountId)!.users.get(name)!;
          const key = user.keys[0]!;
          const path = name === 'bob' ? 'staff/' : '';
          const uri = `aws/${accountId}/iam/user/${path}${name}/key-created-${stamp(key.createDate)}`;
          return { accountId, name, accessKeyId: key.accessKeyId, uri, arn: user.arn };
        }),
      );
      expect(results).toHaveLength(expectedResults.length);
      for (const want of expectedResults) {
        const r = results.find(
          (x) => x.properties?.accountId === want.accountId && x.properties.userName === want.name,
        );
        if (!r) throw new Error(`no SARIF result for ${want.accountId}/${want.name}`);
        expect(r.ruleId).toBe(sarifRun.tool.driver.rules?.[0]?.id);
        expect(r.level).toBe('error');
        expect(r.locations).toEqual([
          { physicalLocation: { artifactLocation: { uri: want.uri }, region: { startLine: 1 } } },
        ]);
        expect(r.partialFingerprints?.primaryLocationLineHash).toBe(locationFingerprint(want.uri));
        expect(r.properties).toEqual(
          expect.objectContaining({
            accessKeyId: want.accessKeyId,
            userArn: want.arn,
            keySlot: 1,
            reason: want.name === 'bob' ? 'unused' : 'never-used',
            carriedForward: false,
          }),
        );
        expect(r.message.text).toContain(want.accessKeyId);
      }
      expect(results.filter((r) => r.properties?.accountAlias === 'acme-prod')).toHaveLength(2);
      const sarifText = JSON.stringify(results);
      expect(sarifText).not.toContain('erin');
      expect(sarifText).not.toContain(`aws/${DENIED}/`);

      // ---- JSON
      const json = readReport(run);
      expect(json.schemaVersion).toBe(1);
      expect(json.asOf).toBe(new Date(AS_OF).toISOString());
      expect(json.settings).toEqual(
        expect.objectContaining({
          scope: 'at-setup',
          setupWindowSeconds: 600,
          unusedDays: 90,
          exemptionTag: 'access-key-justification',
        }),
      );
      const accounts = new Map<string, JsonAccount>(json.accounts.map((a) => [a.accountId, a]));
      expect([...accounts.keys()].sort()).toEqual([...GOOD, DENIED]);
      for (const id of GOOD) {
        expect(accounts.get(id)).toEqual(
          expect.objectContaining({
            status: 'ok',
            error: null,
            usersScanned: USERS.length,
            source: 'aws',
            reportGeneratedAt: expect.stringMatching(/^2015-/), // moto's fixed GeneratedTime
            resolvedSinceReport: 0,
          }),
        );
      }
      expect(accounts.get(GOOD[0]!)?.alias).toBe('acme-prod');
      expect(accounts.get(GOOD[1]!)?.alias).toBeNull();
      const bad = accounts.get(DENIED);
      expect(bad).toEqual(
        expect.objectContaining({ status: 'error', usersScanned: 0, reportGeneratedAt: null, source: 'aws' }),
      );
      expect(bad?.error).toContain('AccessDenied');
      expect(bad?.hint).toContain(DENIED_ROLE);
      expect(bad?.hint).toMatch(/trust policy/i);

      expect(json.findings).toHaveLength(6);
      for (const want of expectedResults) {
        expect(json.findings).toContainEqual(
          expect.objectContaining({
            accountId: want.accountId,
            userName: want.name,
            userArn: want.arn,
            accessKeyId: want.accessKeyId,
            keySlot: 1,
            exempted: false,
            justification: null,
            location: want.uri,
            reason: want.name === 'bob' ? 'unused' : 'never-used',
          }),
        );
      }
      const bobJson = json.findings.find((f) => f.userName === 'bob');
      expect(bobJson?.keyLastUsedAt).not.toBeNull();
      expect(bobJson?.keyLastUsedService).toBe('sts');
      const exempted = json.findings.filter((f) => f.exempted);
      expect(exempted.map((f) => f.accountId).sort()).toEqual(GOOD);
      for (const f of exempted) {
        expect(f).toEqual(
          expect.objectContaining({
            userName: 'erin',
            justification: JUSTIFICATION,
            exemptionExpired: false,
            accessKeyId: seeded.get(f.accountId)!.users.get('erin')!.keys[0]!.accessKeyId,
          }),
        );
      }
      expect(json.findings.some((f) => ['svc-deploy', 'carol'].includes(f.userName))).toBe(false);

      // ---- job summary
      const summary = run.summary;
      // Untrusted strings are Markdown-escaped (`acme\\-prod`); compare with the text as rendered.
      const rendered = summary.replace(/\\(.)/g, '$1');
      expect(summary.trimStart()).toMatch(/^###? .*❌/);
      const lines = summary.split('\n');
      for (const id of [...GOOD, DENIED]) {
        expect(lines.some((l) => l.startsWith('|') && l.includes(id))).toBe(true);
      }
      expect(lines.find((l) => l.startsWith('|') && l.includes(DENIED))).toContain('❌');
      expect(rendered).toContain('acme-prod');
      for (const want of expectedResults) expect(summary).toContain(want.accessKeyId);
      expect(rendered).toContain(JUSTIFICATION);
      expect(summary).toContain('aws iam delete-access-key');
      const failedSection = rendered.slice(rendered.indexOf('#### Accounts that could not be audited'));
      expect(failedSection).toContain(DENIED_ROLE);
      expect(failedSection).toMatch(/trust policy/i);

      // ---- no secret anywhere but in ::add-mask:: lines
      const tokens = oidc.issued.slice(oidcIssuedBefore);
      expect(tokens).toHaveLength(1);
      expect(sts.secrets).toHaveLength(2 * 3); // web identity + two chained sessions
      expect(sts.accessKeyIds).toHaveLength(3);
      expectNoSecrets(
        run,
        [...tokens, ...sts.accessKeyIds, ...sts.secrets, GITHUB_TOKEN],
        [oidc.requestToken],
      );

      // ---- calls through the proxy, per account
      expect(aws.count('AssumeRoleWithWebIdentity')).toBe(1);
      const assumed = aws.calls.filter((c) => c.action === 'AssumeRole').map((c) => c.params.RoleArn);
      expect([...assumed].sort()).toEqual(
        [...GOOD, DENIED].map((id) => `arn:aws:iam::${id}:role/${MEMBER_ROLE}`),
      );
      expect(aws.calls.filter((c) => c.account === DENIED)).toEqual([]);
      // 3 + 2 per flagged user (alice, bob, erin) + 1 per flagged key, and nothing else
      for (const id of GOOD) {
        expect(aws.counts(id)).toEqual({
          GenerateCredentialReport: 1,
          GetCredentialReport: 1,
          ListAccountAliases: 1,
          ListAccessKeys: 3,
          ListUserTags: 3,
          GetAccessKeyLastUsed: 3,
        });
      }
      // the audit role only signs in and chains
      const auditCalls = aws.calls.filter((c) => !GOOD.includes(c.account)).map((c) => c.action);
      expect(new Set(auditCalls)).toEqual(
        new Set(['AssumeRoleWithWebIdentity', 'AssumeRole', 'GetCallerIdentity']),
      );
      expect(auditCalls.filter((a) => a === 'GetCallerIdentity').length).toBeLessThanOrEqual(1);

      // ---- GitHub: only the (empty) list of open alerts, for the failed account
      expect(gh.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
        `GET /repos/${gh.owner}/${gh.repo}/code-scanning/alerts`,
      ]);
      expect(gh.requests[0]!.query).toEqual(expect.objectContaining({ tool_name: TOOL, state: 'open' }));
    } finally {
      run.cleanup();
    }

    // fail-on: never passes; errors still fails because one account could not be audited
    for (const [failOn, code] of [
      ['never', 0],
      ['errors', 1],
    ] as const) {
      const again = await runAction({
        inputs: oidcInputs([...GOOD, DENIED], { 'fail-on': failOn }),
        env: stepEnv(),
      });
      try {
        expect({ failOn, code: again.code }).toEqual({ failOn, code });
        expect(again.outputs.findings).toBe('4');
        expect(again.outputs['accounts-failed']).toBe('1');
      } finally {
        again.cleanup();
      }
    }
  }, 60_000);

  it('on account threads (the bundle started again, IAM_AUDIT_THREADS): the same reports, calls and masking', async () => {
    await seed(GOOD[0]!, USERS, 'acme-prod');
    await seed(GOOD[1]!);
    await seed(DENIED);
    denyMemberRole();
    const inputs = oidcInputs([...GOOD, DENIED], { 'fail-on': 'never' });
    const one = await runAction({ inputs, env: { ...stepEnv(), IAM_AUDIT_THREADS: '1' } });
    // each run has its own ID token; everything else of every call must be the same
    const callsOf = () =>
      aws.calls
        .map((c) => `${c.account} ${c.action} ${JSON.stringify({ ...c.params, WebIdentityToken: null })}`)
        .sort();
    const oneCalls = callsOf();
    aws.resetCalls();
    const before = { tokens: oidc.issued.length, secrets: sts.secrets.length, keys: sts.accessKeyIds.length };
    const two = await runAction({ inputs, env: { ...stepEnv(), IAM_AUDIT_THREADS: '2' } });
    try {
      expect([one.code, two.code]).toEqual([0, 0]);
      expectQuietStderr(two);
      expect(two.outputs).toEqual(one.outputs);
      const plain = (run: RunResult) => ({ ...readReport(run), generatedAt: null });
      expect(plain(two)).toEqual(plain(one));
      expect(readSarif(two).runs[0]?.results).toEqual(readSarif(one).runs[0]?.results);
      expect(two.summary).toBe(one.summary);
      // every account's log and progress line reaches the step's log from its thread
      for (const id of [...GOOD, DENIED]) expect(two.stdout).toContain(`account ${id}: `);
      expect(two.stdout).toMatch(/^\[3\/3\] account \d{12}: (done|failed)$/m);
      // the same calls: one sign-in, one AssumeRole per account (on the run's thread), the same per account
      const twoCalls = callsOf();
      expect(twoCalls).toEqual(oneCalls);
      expect(aws.count('AssumeRoleWithWebIdentity')).toBe(1);
      // credentials handed to the threads are masked on the run's thread and printed nowhere
      expectNoSecrets(
        two,
        [
          ...oidc.issued.slice(before.tokens),
          ...sts.accessKeyIds.slice(before.keys),
          ...sts.secrets.slice(before.secrets),
          GITHUB_TOKEN,
        ],
        [oidc.requestToken],
      );
    } finally {
      one.cleanup();
      two.cleanup();
    }
  }, 60_000);

  it('keeps the open code scanning alerts of an account that failed this run', async () => {
    for (const id of [...GOOD, DENIED]) await seed(id);

    // A good night: every account audited, the denied one's keys become alerts.
    const first = await runAction({
      inputs: oidcInputs([...GOOD, DENIED], { 'fail-on': 'never' }),
      env: stepEnv(),
    });
    let before: Result[];
    try {
      expect(first.code).toBe(0);
      before = (readSarif(first).runs[0]?.results ?? []).filter((r) => r.properties?.accountId === DENIED);
    } finally {
      first.cleanup();
    }
    expect(before).toHaveLength(2);
    for (const [i, r] of before.entries())
      gh.addAlert({ path: uriOf(r)!, message: `alert ${i} of ${DENIED}` });
    // Not carried: another tool's alert, a dismissed one, and a good account's (closed by its own results).
    gh.addAlert({ path: `aws/${DENIED}/iam/user/zed/key-created-20200101T000000Z`, tool: 'other-tool' });
    gh.addAlert({ path: `aws/${DENIED}/iam/user/old/key-created-20200101T000000Z`, state: 'dismissed' });
    gh.addAlert({ path: `aws/${GOOD[0]}/iam/user/gone/key-created-20200101T000000Z` });

    // The next night the member role is denied.
    denyMemberRole();
    gh.clearRequests();
    const run = await runAction({ inputs: oidcInputs([...GOOD, DENIED]), env: stepEnv() });
    try {
      expect(run.code).toBe(1);
      expect(run.outputs['accounts-failed']).toBe('1');
      expect(run.outputs.findings).toBe('4'); // carried alerts are not new findings
      const sarifRun = readSarif(run).runs[0]!;
      const results = sarifRun.results ?? [];
      const carried = results.filter((r) => r.properties?.carriedForward === true);
      expect(carried).toHaveLength(2);
      for (const old of before) {
        const again = carried.find((r) => uriOf(r) === uriOf(old));
        if (!again) throw new Error(`alert at ${uriOf(old)} was not carried forward`);
        expect(again.locations).toEqual(old.locations);
        expect(again.partialFingerprints).toEqual(old.partialFingerprints);
        expect(again.ruleId).toBe(old.ruleId);
        expect(again.properties?.accountId).toBe(DENIED);
      }
      expect(sarifRun.properties?.carriedForward).toBe(2);
      expect(results.filter((r) => r.properties?.carriedForward === false)).toHaveLength(4);
      const all = JSON.stringify(results);
      expect(all).not.toContain('zed');
      expect(all).not.toContain('/old/');
      expect(all).not.toContain('/gone/');
      const list = gh.requests.filter((r) => r.path.endsWith('/code-scanning/alerts'));
      expect(list).toHaveLength(1);
      expect(list[0]!.query).toEqual(
        expect.objectContaining({ tool_name: TOOL, state: 'open', ref: 'refs/heads/main' }),
      );
    } finally {
      run.cleanup();
    }
  }, 60_000);

  it('create-issues: opens one issue per violating user, changes nothing the next run, closes a fixed one', async () => {
    const account = await seed(GOOD[0]!);
    const inputs = oidcInputs([GOOD[0]!], { 'create-issues': 'true', 'issue-labels': 'security, aws-iam' });

    const first = await runAction({ inputs, env: stepEnv(), timeoutMs: 90_000 });
    try {
      expect(first.code).toBe(1);
      expect(first.outputs).toEqual(
        expect.objectContaining({
          findings: '2',
          'violating-users': '2',
          exempted: '1',
          'issues-opened': '2',
          'issues-updated': '0',
          'issues-closed': '0',
          'issues-skipped': '0',
        }),
      );
      expectNoSecrets(first, [GITHUB_TOKEN]);
    } finally {
      first.cleanup();
    }
    expect(gh.issues).toHaveLength(2);
    for (const name of VIOLATORS) {
      const user = account.users.get(name)!;
      const issue = gh.issues.find((i) => i.body?.includes(`user=${encodeURIComponent(user.arn)} -->`));
      expect(issue).toBeDefined();
      expect(issue!.state).toBe('open');
      expect(issue!.title).toContain(name);
      expect([...issue!.labels].sort()).toEqual(['aws-iam', 'iam-initial-access-key', 'security']);
      expect(issue!.body).toMatch(new RegExp(`^<!-- iam-initial-access-key: account=${GOOD[0]} user=`));
      expect(issue!.body).toContain(user.keys[0]!.accessKeyId);
      expect(issue!.body).toContain('aws iam delete-access-key');
    }
    expect(gh.issues.some((i) => i.body?.includes('erin'))).toBe(false); // exempted: no issue
    expect([...gh.labels.keys()].sort()).toEqual(['aws-iam', 'iam-initial-access-key', 'security']);

    // Same findings: nothing changes.
    gh.clearRequests();
    const second = await runAction({ inputs, env: stepEnv(), timeoutMs: 90_000 });
    try {
      expect(second.code).toBe(1);
      expect(second.outputs).toEqual(
        expect.objectContaining({
          'issues-opened': '0',
          'issues-updated': '0',
          'issues-closed': '0',
          'issues-skipped': '0',
        }),
      );
      expect(gh.writes()).toEqual([]);
    } finally {
      second.cleanup();
    }

    // alice deletes her key: her issue is closed with a comment, bob's stays open.
    const alice = account.users.get('alice')!;
    const iam = new IAMClient({
      region: TEST_REGION,
      endpoint: moto.endpoint,
      credentials: account.credentials,
    });
    try {
      await iam.send(
        new DeleteAccessKeyCommand({ UserName: 'alice', AccessKeyId: alice.keys[0]!.accessKeyId }),
      );
    } finally {
      iam.destroy();
    }
    const third = await runAction({ inputs, env: stepEnv(), timeoutMs: 90_000 });
    try {
      expect(third.code).toBe(1); // bob still fails
      expect(third.outputs).toEqual(
        expect.objectContaining({
          findings: '1',
          'issues-opened': '0',
          'issues-updated': '0',
          'issues-closed': '1',
        }),
      );
    } finally {
      third.cleanup();
    }
    const aliceIssue = gh.issues.find((i) => i.body?.includes(`user=${encodeURIComponent(alice.arn)} -->`))!;
    expect(aliceIssue.state).toBe('closed');
    // her record of when the key was first reported, then the closing comment (with its record)
    const kindsOf = (n: number) =>
      gh.commentBodies(n).map((b) =>
        parseRecords(b)
          .map((r) => r.kind)
          .join('+'),
      );
    expect(kindsOf(aliceIssue.number)).toEqual(['seen', 'closed']);
    expect(gh.commentBodies(aliceIssue.number)[1]).toMatch(/no longer has an active access key/);
    expect(aliceIssue.state_reason).toBe('completed');
    const bobIssue = gh.issues.find((i) =>
      i.body?.includes(`user=${encodeURIComponent(account.users.get('bob')!.arn)} -->`),
    )!;
    expect(bobIssue.state).toBe('open');
    expect(kindsOf(bobIssue.number)).toEqual(['seen']);
    expect(gh.issues).toHaveLength(2);
  }, 120_000);

  it('without role-to-assume, audits the signed-in account with the ambient credentials', async () => {
    const account = await seed(AMBIENT_ACCOUNT, USERS, 'sandbox');
    const run = await runAction({
      inputs: { 'as-of': AS_OF, 'github-token': GITHUB_TOKEN },
      env: stepEnv({ oidc: false, ambient: true }),
    });
    try {
      expect(run.code).toBe(1);
      expectQuietStderr(run);
      expect(run.outputs).toEqual(
        expect.objectContaining({
          findings: '2',
          'violating-users': '2',
          exempted: '1',
          'accounts-audited': '1',
          'accounts-failed': '0',
        }),
      );
      const json = readReport(run);
      expect(json.accounts).toEqual([
        expect.objectContaining({
          accountId: AMBIENT_ACCOUNT,
          alias: 'sandbox',
          status: 'ok',
          usersScanned: 5,
        }),
      ]);
      expect(json.findings.filter((f) => !f.exempted).map((f) => [f.userName, f.accessKeyId])).toEqual(
        expect.arrayContaining(
          VIOLATORS.map((name) => [name, account.users.get(name)!.keys[0]!.accessKeyId]),
        ),
      );
      expect(run.summary).toContain(AMBIENT_ACCOUNT);
      // no OIDC, no role assumption; one GitHub call: the listing of this tool's open alerts (history)
      expect(oidc.issued.length).toBe(oidcIssuedBefore);
      expect(aws.count('AssumeRoleWithWebIdentity') + aws.count('AssumeRole')).toBe(0);
      expect(gh.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
        `GET /repos/${gh.owner}/${gh.repo}/code-scanning/alerts`,
      ]);
      expect(aws.counts(AMBIENT_ACCOUNT)).toEqual({
        GetCallerIdentity: 1,
        GenerateCredentialReport: 1,
        GetCredentialReport: 1,
        ListAccountAliases: 1,
        ListAccessKeys: 3,
        ListUserTags: 3,
        GetAccessKeyLastUsed: 3,
      });
    } finally {
      run.cleanup();
    }
  }, 60_000);
});
