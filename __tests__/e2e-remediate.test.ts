/**
 * End to end: dist/index.js with `remediate`, run as the runner runs it, signed in with GitHub OIDC,
 * chaining into two member accounts at moto (behind the proxy) and keeping issues at the local GitHub API,
 * whose code scanning alerts carry `created_at` (the history that makes a key due).
 *
 * The story of one week: a first run reports (nobody was told yet: nothing is due); code scanning has
 * older alerts for some keys; `plan` says what would be deactivated and changes nothing; `deactivate`
 * sets exactly the due key Inactive where the remediation role is allowed (and warns where it is denied),
 * comments on and closes that user's issue, drops the key from SARIF and `findings`; a repeat run changes
 * nothing.
 */
import { afterAll, beforeAll, beforeEach, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { IAMClient, ListAccessKeysCommand } from '@aws-sdk/client-iam';
import type { Log } from 'sarif';
import type { JsonReport } from '../src/report/json.js';
import { accessDenied } from './helpers/aws-proxy.js';
import { startGitHubServer, type GitHubServer } from './helpers/github-server.js';
import { liveStack } from './helpers/live-env.js';
import {
  describeWithMoto,
  motoCredentials,
  resetMoto,
  seedAccount,
  TEST_REGION,
  type SeedUser,
} from './helpers/moto.js';
import { assertDistFresh, runAction, type RunResult, stepAwsEnv } from './helpers/run-dist.js';

const AUDIT_ACCOUNT = '111111111111';
const ROLE = `arn:aws:iam::${AUDIT_ACCOUNT}:role/gha-iam-audit`;
const [ALLOWED, DENIED] = ['222222222222', '333333333333'] as const;
const REMEDIATION_ROLE = 'security/IamKeyRemediation';
const GITHUB_TOKEN = 'ghs_e2eRemediateWorkflowToken0123456789ab';
const DAY = 86_400_000;
/** A day after seeding: every never-used key is a finding, and this run's own issue times are young. */
const AS_OF_MS = Math.floor((Date.now() + DAY) / 1000) * 1000;
const AS_OF = new Date(AS_OF_MS).toISOString().replace(/\.\d{3}Z$/, 'Z');
const daysBeforeAsOf = (d: number) => new Date(AS_OF_MS - d * DAY).toISOString().replace(/\.\d{3}Z$/, 'Z');

/** alice: reported 30 days ago (due); dave: 3 days ago (young); frank: never before; erin: exempted. */
const USERS: SeedUser[] = [
  { name: 'alice', password: true, keys: 1 },
  { name: 'dave', password: true, keys: 1 },
  { name: 'frank', password: true, keys: 1 },
  { name: 'erin', password: true, keys: 1, tags: { 'access-key-justification': 'on-call break-glass' } },
];
const ALERT_AGE: Record<string, number> = { alice: 30, dave: 3, erin: 400 };

describeWithMoto('dist/index.js with remediate: plan, then deactivate, then a repeat run', () => {
  const stack = liveStack({ oidc: true, pointSdk: false });
  let gh: GitHubServer;

  beforeAll(async () => {
    assertDistFresh();
    gh = await startGitHubServer();
  });
  afterAll(async () => {
    await gh?.stop();
  });

  beforeEach(async () => {
    await resetMoto(stack.moto.endpoint);
    stack.aws.clearFaults();
    stack.aws.resetCalls();
    for (const id of [ALLOWED, DENIED]) await seedAccount(stack.moto.endpoint, id, USERS);
    // The remediation role is denied in one account: a warning there, nothing else changes.
    stack.aws.fault({
      match: { action: 'AssumeRole', params: { RoleArn: `arn:aws:iam::${DENIED}:role/${REMEDIATION_ROLE}` } },
      respond: accessDenied('sts:AssumeRole', {
        resource: `arn:aws:iam::${DENIED}:role/${REMEDIATION_ROLE}`,
      }),
    });
  });

  function run(mode: 'off' | 'plan' | 'deactivate'): Promise<RunResult> {
    return runAction({
      inputs: {
        'role-to-assume': ROLE,
        accounts: `${ALLOWED},${DENIED}`,
        'account-role-name': 'audit/IamAudit',
        'as-of': AS_OF,
        'fail-on': 'findings',
        'github-token': GITHUB_TOKEN,
        'create-issues': 'true',
        remediate: mode,
        ...(mode === 'off' ? {} : { 'remediation-role-name': REMEDIATION_ROLE }),
      },
      env: {
        ...stepAwsEnv(stack.aws.endpoint),
        GITHUB_API_URL: gh.url,
        GITHUB_REPOSITORY: `${gh.owner}/${gh.repo}`,
        GITHUB_REF: 'refs/heads/main',
        ...stack.oidc.env,
      },
      timeoutMs: 120_000,
    });
  }

  const json = (r: RunResult): JsonReport =>
    JSON.parse(readFileSync(join(r.dir, 'iam-initial-access-keys.json'), 'utf8')) as JsonReport;
  const sarifUsers = (r: RunResult): string[] => {
    const log = JSON.parse(readFileSync(join(r.dir, 'iam-initial-access-keys.sarif'), 'utf8')) as Log;
    return (log.runs[0]!.results ?? [])
      .map((x) => x.locations![0]!.physicalLocation!.artifactLocation!.uri!)
      .map((uri) => `${uri.split('/')[1]}/${/\/user\/(?:.*\/)?([^/]+)\/key-created-/.exec(uri)?.[1] ?? uri}`)
      .sort();
  };
  async function keyStatus(accountId: string, user: string): Promise<string | undefined> {
    const iam = new IAMClient({
      region: TEST_REGION,
      endpoint: stack.moto.endpoint,
      credentials: await motoCredentials(stack.moto.endpoint, accountId),
    });
    try {
      const out = await iam.send(new ListAccessKeysCommand({ UserName: user }));
      return out.AccessKeyMetadata?.[0]?.Status;
    } finally {
      iam.destroy();
    }
  }
  const statuses = async () => {
    const out: Record<string, string | undefined> = {};
    for (const id of [ALLOWED, DENIED])
      for (const u of USERS) out[`${id}/${u.name}`] = await keyStatus(id, u.name);
    return out;
  };
  const allActive = Object.fromEntries(
    [ALLOWED, DENIED].flatMap((id) => USERS.map((u) => [`${id}/${u.name}`, 'Active'])),
  );

  it('acts only on the due key where allowed, says so everywhere, and a repeat run changes nothing', async () => {
    // Night 1: first report. Nobody was told before, so nothing is due, even under `deactivate`.
    const first = await run('deactivate');
    let locations: Map<string, string>;
    try {
      expect(first.outputs).toMatchObject({ findings: '6', 'keys-due': '0', 'keys-deactivated': '0' });
      expect(stack.aws.count('UpdateAccessKey')).toBe(0);
      const report = json(first);
      locations = new Map(report.findings.map((f) => [`${f.accountId}/${f.userName}`, f.location]));
      for (const f of report.findings) {
        expect(f.remediation?.status).toBe(f.exempted ? 'skipped' : 'not-due');
        expect(f.firstSeenAt).toBeNull();
        expect(f.remediation?.dueAt).toBeNull();
      }
    } finally {
      first.cleanup();
    }
    expect(await statuses()).toEqual(allActive);
    const issueOf = (account: string, user: string) =>
      gh.issues.find((i) => i.body?.includes(`arn:aws:iam::${account}:user/${user}`));
    expect(issueOf(ALLOWED, 'alice')?.state).toBe('open');

    // Code scanning has known some keys for longer (older alerts, as uploads of earlier nights left them).
    for (const id of [ALLOWED, DENIED]) {
      for (const [user, days] of Object.entries(ALERT_AGE)) {
        gh.addAlert({ path: locations.get(`${id}/${user}`)!, created_at: daysBeforeAsOf(days) });
      }
    }

    // `plan`: alice is due in both accounts; the live check passes where the role is allowed. Nothing changes.
    stack.aws.resetCalls();
    const planned = await run('plan');
    try {
      expect(planned.code).toBe(1);
      expect(planned.outputs).toMatchObject({ findings: '6', 'keys-due': '2', 'keys-deactivated': '0' });
      expect(stack.aws.count('UpdateAccessKey')).toBe(0);
      const byUser = new Map(
        json(planned).findings.map((f) => [`${f.accountId}/${f.userName}`, f.remediation]),
      );
      expect(byUser.get(`${ALLOWED}/alice`)).toEqual({
        status: 'planned',
        dueAt: daysBeforeAsOf(16),
        reason: 'would be set Inactive (remediate: plan changes nothing)',
      });
      expect(byUser.get(`${DENIED}/alice`)?.status).toBe('skipped');
      expect(byUser.get(`${DENIED}/alice`)?.reason).toContain(REMEDIATION_ROLE);
      expect(byUser.get(`${ALLOWED}/dave`)).toEqual({
        status: 'not-due',
        dueAt: daysBeforeAsOf(-11),
        reason: null,
      });
      expect(byUser.get(`${ALLOWED}/erin`)).toMatchObject({
        status: 'skipped',
        reason: 'the user is exempted',
      });
      expect(planned.summary).toContain('#### Would be deactivated');
      // the notice is visible (Markdown escapes the dashes of the date)
      const dueDay = daysBeforeAsOf(-11).slice(0, 10).replace(/-/g, '\\-');
      expect(planned.summary).toContain(`reported for 3 days · deactivation due ${dueDay}`);
      expect(planned.summary).toContain(`Remediation in account \`${DENIED}\`: could not assume`);
      expect(planned.stdout).toMatch(new RegExp(`^::warning::Remediation in account ${DENIED}: `, 'm'));
    } finally {
      planned.cleanup();
    }
    expect(await statuses()).toEqual(allActive);

    // `deactivate`: exactly alice's key in the allowed account becomes Inactive.
    stack.aws.resetCalls();
    gh.clearRequests();
    const acted = await run('deactivate');
    const aliceIssue = issueOf(ALLOWED, 'alice')!;
    try {
      expect(acted.code).toBe(1); // the other five keys still fail
      expect(acted.outputs).toMatchObject({ findings: '5', 'keys-due': '2', 'keys-deactivated': '1' });
      expect(stack.aws.count('UpdateAccessKey')).toBe(1);
      expect(stack.aws.count('DeleteAccessKey')).toBe(0);
      expect(await statuses()).toEqual({ ...allActive, [`${ALLOWED}/alice`]: 'Inactive' });

      // no longer a SARIF result (its alert closes), still in the JSON with its status
      expect(sarifUsers(acted)).toEqual(
        [ALLOWED, DENIED]
          .flatMap((id) => ['alice', 'dave', 'frank'].map((u) => `${id}/${u}`))
          .filter((k) => k !== `${ALLOWED}/alice`)
          .sort(),
      );
      const alice = json(acted).findings.find((f) => f.accountId === ALLOWED && f.userName === 'alice');
      expect(alice?.remediation).toEqual({
        status: 'deactivated',
        dueAt: daysBeforeAsOf(16),
        reason: 'set Inactive by this run',
      });
      expect(acted.summary).toContain('#### Deactivated by this run');
      expect(acted.summary).toContain('--user-name alice --access-key-id');
      expect(acted.summary).toContain('--status Active');

      // the issue: one comment saying what was done and how to undo it, then closed as completed
      expect(aliceIssue.state).toBe('closed');
      expect(aliceIssue.state_reason).toBe('completed');
      expect(aliceIssue.comments).toHaveLength(1);
      expect(aliceIssue.comments[0]).toContain('**Inactive**');
      expect(aliceIssue.comments[0]).toContain('--status Active');
      expect(aliceIssue.comments[0]).toContain('access-key-justification');
      expect(aliceIssue.comments[0]).toContain(
        `(https://github.com/${gh.owner}/${gh.repo}/actions/runs/4242)`,
      );
      expect(issueOf(DENIED, 'alice')?.state).toBe('open');
    } finally {
      acted.cleanup();
    }

    // Code scanning closes the alert of a result that is gone; the next run changes nothing.
    for (const a of gh.alerts) if (a.path === locations.get(`${ALLOWED}/alice`)) a.state = 'fixed';
    stack.aws.resetCalls();
    gh.clearRequests();
    const again = await run('deactivate');
    try {
      expect(again.outputs).toMatchObject({ findings: '5', 'keys-due': '1', 'keys-deactivated': '0' });
      expect(stack.aws.count('UpdateAccessKey')).toBe(0);
      expect(gh.writes().filter((w) => /\/comments$/.test(w.path))).toEqual([]);
      expect(aliceIssue.state).toBe('closed');
    } finally {
      again.cleanup();
    }
    expect(await statuses()).toEqual({ ...allActive, [`${ALLOWED}/alice`]: 'Inactive' });
  });

  it('remediate: off makes no remediation call and leaves remediation null', async () => {
    const off = await run('off');
    try {
      expect(off.outputs).toMatchObject({ findings: '6', 'keys-due': '0', 'keys-deactivated': '0' });
      expect(stack.aws.count('UpdateAccessKey')).toBe(0);
      expect(off.stdout).not.toMatch(/Remediation/);
      expect(json(off).findings.every((f) => f.remediation === null)).toBe(true);
    } finally {
      off.cleanup();
    }
  });
});
