/**
 * Issue 9, item 1: one response that never arrives must not hang the run. The bundle (dist/index.js) runs
 * as the runner runs it, against moto behind the fault-injecting proxy, the local ID-token endpoint and
 * the local GitHub API; the timeouts are lowered through their environment variables (timeouts.ts), so
 * no test waits long, and every run is bounded by run-dist's kill timer.
 */
import { afterAll, beforeAll, beforeEach, expect, it } from '@jest/globals';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { GenerateCredentialReportCommand, IAMClient } from '@aws-sdk/client-iam';
import type { JsonReport } from '../../src/report/json.js';
import { reportStarted, type AwsProxy } from '../helpers/aws-proxy.js';
import { startGitHubServer, type GitHubServer } from '../helpers/github-server.js';
import { describeWithMoto, resetMoto, seedAccount, TEST_REGION, type MotoServer } from '../helpers/moto.js';
import type { OidcServer } from '../helpers/oidc-server.js';
import { liveStack } from '../helpers/live-env.js';
import { assertDistFresh, runAction, stepAwsEnv } from '../helpers/run-dist.js';

const ROLE = 'arn:aws:iam::111111111111:role/gha-iam-audit';
const MEMBER_ROLE = 'audit/IamAudit';
const GOOD = '222222222222';
const STALLED = '333333333333';
const AS_OF = new Date(Date.now() + 200 * 86_400_000).toISOString().replace(/\.\d{3}Z$/, 'Z');

describeWithMoto('no hang: stalled AWS and GitHub responses, SIGTERM, the whole-run bound', () => {
  beforeAll(assertDistFresh); // first: nothing starts for a stale bundle
  const stack = liveStack({ oidc: true, pointSdk: false });
  let moto: MotoServer;
  let aws: AwsProxy;
  let oidc: OidcServer;
  let gh: GitHubServer;

  beforeAll(async () => {
    ({ moto, oidc, aws } = stack);
    gh = await startGitHubServer();
  }, 60_000);

  afterAll(async () => {
    await gh?.stop();
  });

  beforeEach(async () => {
    await resetMoto(moto.endpoint);
    aws.clearFaults();
    aws.resetCalls();
    gh.issues.length = 0;
    gh.clearFaults();
    gh.clearRequests();
    for (const id of [GOOD, STALLED]) {
      const account = await seedAccount(moto.endpoint, id, [{ name: 'alice', password: true, keys: 1 }]);
      const iam = new IAMClient({
        region: TEST_REGION,
        endpoint: moto.endpoint,
        credentials: account.credentials,
      });
      await iam.send(new GenerateCredentialReportCommand({}));
      iam.destroy();
    }
  });

  /**
   * Every account's report is started at once and accounts are audited as their reports become ready:
   * the stalled account's report answers STARTED once, so GOOD (ready at once) is audited first.
   */
  const stalledReadyLater = () =>
    aws.fault({
      match: { action: 'GenerateCredentialReport', when: (c) => c.account === STALLED },
      times: 1,
      respond: reportStarted(),
    });

  function env(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
    return {
      ...stepAwsEnv(aws.endpoint),
      GITHUB_API_URL: gh.url,
      GITHUB_REPOSITORY: `${gh.owner}/${gh.repo}`,
      ...oidc.env,
      IAM_AUDIT_AWS_REQUEST_TIMEOUT_MS: '400',
      IAM_AUDIT_AWS_MAX_ATTEMPTS: '2',
      ...extra,
    };
  }

  const inputs = (extra: Record<string, string> = {}) => ({
    'role-to-assume': ROLE,
    accounts: `${GOOD}\n${STALLED}`,
    'account-role-name': MEMBER_ROLE,
    'as-of': AS_OF,
    concurrency: '1',
    ...extra,
  });

  const stallReport = (times?: number) =>
    aws.fault({
      match: { action: 'GetCredentialReport', when: (c) => c.account === STALLED },
      respond: { delayMs: 5_000 },
      ...(times !== undefined ? { times } : {}),
    });

  it('a GetCredentialReport that stalls once is retried and the account is audited', async () => {
    stallReport(1);
    const run = await runAction({ inputs: inputs(), env: env(), timeoutMs: 30_000 });
    try {
      expect(run.outputs['accounts-failed']).toBe('0');
      expect(run.outputs['accounts-audited']).toBe('2');
      expect(
        aws.calls.filter((c) => c.action === 'GetCredentialReport' && c.account === STALLED),
      ).toHaveLength(2);
    } finally {
      run.cleanup();
    }
  }, 40_000);

  it('an account whose GetCredentialReport keeps stalling fails with a hint; the others are audited', async () => {
    stallReport();
    const run = await runAction({ inputs: inputs(), env: env(), timeoutMs: 30_000 });
    try {
      expect(run.code).toBe(1);
      expect(run.outputs['accounts-failed']).toBe('1');
      expect(run.outputs['accounts-audited']).toBe('1');
      const report = JSON.parse(
        readFileSync(join(run.dir, 'iam-initial-access-keys.json'), 'utf8'),
      ) as JsonReport;
      const failed = report.accounts.find((a) => a.accountId === STALLED)!;
      expect(failed.status).toBe('error');
      expect(failed.error).toMatch(/GetCredentialReport.*(time|Timeout)/i);
      expect(failed.hint).toMatch(/did not answer/);
      expect(run.summary).toContain(STALLED);
    } finally {
      run.cleanup();
    }
  }, 40_000);

  it('a GitHub response that stalls is retried: the issues, outputs and summary all come', async () => {
    gh.fail({ kind: 'stall' }, { method: 'GET', path: /\/issues$/, times: 1 });
    const run = await runAction({
      inputs: inputs({ 'create-issues': 'true', 'github-token': 'ghs_test0123456789' }),
      env: env({ IAM_AUDIT_GITHUB_REQUEST_TIMEOUT_MS: '500' }),
      timeoutMs: 40_000,
    });
    try {
      expect(gh.requests.some((r) => r.status === 0)).toBe(true);
      expect(run.outputs['issues-opened']).toBe('2');
      expect(run.summary).toContain('Accounts');
      expect(gh.issues).toHaveLength(2);
    } finally {
      run.cleanup();
    }
  }, 50_000);

  it('a GitHub request that keeps stalling ends in a warning; files, outputs and summary are still written', async () => {
    gh.fail({ kind: 'stall' }, { method: 'GET', path: /\/issues$/, times: Infinity });
    const run = await runAction({
      inputs: inputs({ 'create-issues': 'true', 'github-token': 'ghs_test0123456789' }),
      env: env({ IAM_AUDIT_GITHUB_REQUEST_TIMEOUT_MS: '300' }),
      timeoutMs: 40_000,
    });
    try {
      expect(run.code).toBeGreaterThanOrEqual(0); // ended by itself, not by run-dist's kill timer (-1)
      // retried (the retry plugin), then given up on
      expect(gh.requests.filter((r) => r.status === 0).length).toBeGreaterThan(1);
      expect(gh.issues).toHaveLength(0);
      expect(run.stdout).toMatch(/::warning::.*[Ii]ssues/);
      expect(run.outputs.findings).toBe('2');
      expect(run.outputs['accounts-audited']).toBe('2');
      expect(run.summary).toMatch(/Issues could not be kept in sync/);
      for (const f of ['iam-initial-access-keys.json', 'iam-initial-access-keys.sarif'])
        expect(existsSync(join(run.dir, f))).toBe(true);
    } finally {
      run.cleanup();
    }
  }, 50_000);

  it('SIGTERM: the summary has the accounts finished so far and "cancelled", the step fails, files untouched', async () => {
    aws.fault({
      match: { action: 'GetCredentialReport', when: (c) => c.account === STALLED },
      respond: { delayMs: 20_000 },
    });
    stalledReadyLater();
    const run = await runAction({
      inputs: inputs(),
      env: env({ IAM_AUDIT_AWS_REQUEST_TIMEOUT_MS: '60000' }),
      signalWhen: { when: new RegExp(`account ${GOOD}: done`), signal: 'SIGTERM' },
      timeoutMs: 30_000,
    });
    try {
      expect(run.code).not.toBe(0);
      expect(run.summary).toMatch(/Audit cancelled: SIGTERM received/);
      expect(run.summary).toContain('1 of 2 accounts finished');
      expect(run.summary).toContain(GOOD);
      expect(run.stdout).toMatch(/::error::Audit cancelled/);
      expect(existsSync(join(run.dir, 'iam-initial-access-keys.json'))).toBe(false);
      expect(existsSync(join(run.dir, 'iam-initial-access-keys.sarif'))).toBe(false);
    } finally {
      run.cleanup();
    }
  }, 40_000);

  it('the whole-run bound: a run past it stops with the summary so far and a "timed out" verdict', async () => {
    aws.fault({
      match: { action: 'GetCredentialReport', when: (c) => c.account === STALLED },
      respond: { delayMs: 20_000 },
    });
    stalledReadyLater();
    const run = await runAction({
      inputs: inputs(),
      env: env({ IAM_AUDIT_AWS_REQUEST_TIMEOUT_MS: '60000', IAM_AUDIT_RUN_TIMEOUT_MS: '4000' }),
      timeoutMs: 30_000,
    });
    try {
      expect(run.code).toBe(1);
      expect(run.summary).toMatch(/Audit timed out: the run took longer than its limit/);
      expect(run.summary).toContain('1 of 2 accounts finished');
      expect(run.stdout).toMatch(/IAM_AUDIT_RUN_TIMEOUT_MS/);
    } finally {
      run.cleanup();
    }
  }, 40_000);
});
