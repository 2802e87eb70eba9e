/**
 * End to end: dist/index.js with `remediate`, run as the runner runs it, signed in with GitHub OIDC,
 * chaining into two member accounts at moto (behind the proxy) and keeping issues at the local GitHub API,
 * whose code scanning alerts carry `created_at` and whose issues and comments carry their author and time.
 * The keys are really 40 days old (moto's IAM clock set back while seeding), and every run's as-of is now.
 *
 * The story of some weeks: a first run reports (nobody was told yet: nothing is due); code scanning has
 * older alerts for some keys; `plan` says what would be deactivated and changes nothing; `deactivate`
 * sets exactly the due key Inactive where the remediation role is allowed (and warns where it is denied),
 * records it on that user's issue and closes it, drops the key from SARIF and `findings`; a repeat run
 * changes nothing. Then a person makes the key Active again (GitHub reopens its alert with the original
 * `created_at`): the key gets a new full notice, recorded, and is not deactivated again. A forged issue, a
 * forged first-listed line and a renamed user are reported plainly by `plan` and change nothing. A
 * deactivation whose answer was lost is read back, and one the next run finds with no record is recorded.
 */
import { afterAll, beforeAll, beforeEach, expect, it, jest } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  IAMClient,
  ListAccessKeysCommand,
  UpdateAccessKeyCommand,
  UpdateUserCommand,
} from '@aws-sdk/client-iam';
import type { Log } from 'sarif';
import type { JsonReport } from '../../src/report/json.js';
import { parseRecords, withRecords } from '../../src/evaluate/issue-records.js';
import { renderMarker, userKey } from '../../src/report/issue-body.js';
import { accessDenied } from '../helpers/aws-proxy.js';
import { startGitHubServer, type GitHubServer } from '../helpers/github-server.js';
import { liveStack } from '../helpers/live-env.js';
import {
  describeWithMoto,
  motoCredentials,
  resetMoto,
  seedAccount,
  TEST_REGION,
  type SeedUser,
} from '../helpers/moto.js';
import { assertDistFresh, runAction, type RunResult, stepAwsEnv } from '../helpers/run-dist.js';

const AUDIT_ACCOUNT = '111111111111';
const ROLE = `arn:aws:iam::${AUDIT_ACCOUNT}:role/gha-iam-audit`;
const [ALLOWED, DENIED] = ['222222222222', '333333333333'] as const;
const REMEDIATION_ROLE = 'security/IamKeyRemediation';
const GITHUB_TOKEN = 'ghs_e2eRemediateWorkflowToken0123456789ab';
const DAY = 86_400_000;
/** The keys' age: made with their users 40 days ago. */
const KEY_AGE_DAYS = 40;
const T0 = Math.floor(Date.now() / 1000) * 1000;
const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
const daysBefore = (d: number) => iso(T0 - d * DAY);
const nowIso = () => iso(Date.now());
/** The summary as a reader sees its text: Markdown escapes and HTML entities undone. */
const read = (md: string) => md.replace(/\\(.)/g, '$1').replace(/&#39;/g, "'");

/** alice: reported 30 days ago (due); dave: 3 days ago (young); frank: never before; erin: exempted. */
const USERS: SeedUser[] = [
  { name: 'alice', password: true, keys: 1 },
  { name: 'dave', password: true, keys: 1 },
  { name: 'frank', password: true, keys: 1 },
  { name: 'erin', password: true, keys: 1, tags: { 'access-key-justification': 'on-call break-glass' } },
];
/** erin's alert is older than her key: impossible, ignored. */
const ALERT_AGE: Record<string, number> = { alice: 30, dave: 3, erin: 400 };
const MALLORY = { login: 'mallory', id: 666, type: 'User' as const };

// Each story runs dist/ several times (each a whole audit of two accounts): more than the default minute.
jest.setTimeout(240_000);

describeWithMoto(
  'dist/index.js with remediate: plan, deactivate, restore, forgeries, renames, lost answers',
  () => {
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
      gh.issues.length = 0;
      gh.alerts.length = 0;
      gh.clearFaults();
      gh.clearRequests();
      for (const id of [ALLOWED, DENIED]) {
        await seedAccount(stack.moto.endpoint, id, USERS, { ageDays: KEY_AGE_DAYS });
      }
      // The remediation role is denied in one account: a warning there, nothing else changes.
      stack.aws.fault({
        match: {
          action: 'AssumeRole',
          params: { RoleArn: `arn:aws:iam::${DENIED}:role/${REMEDIATION_ROLE}` },
        },
        respond: accessDenied('sts:AssumeRole', {
          resource: `arn:aws:iam::${DENIED}:role/${REMEDIATION_ROLE}`,
        }),
      });
    });

    function run(
      mode: 'off' | 'plan' | 'deactivate',
      inputs: Record<string, string> = {},
    ): Promise<RunResult> {
      return runAction({
        inputs: {
          'role-to-assume': ROLE,
          accounts: `${ALLOWED},${DENIED}`,
          'account-role-name': 'audit/IamAudit',
          'as-of': nowIso(),
          'fail-on': 'findings',
          'github-token': GITHUB_TOKEN,
          'create-issues': 'true',
          remediate: mode,
          ...(mode === 'off' ? {} : { 'remediation-role-name': REMEDIATION_ROLE }),
          ...inputs,
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

    /** Runs, hands the result to `check`, and always removes the run's folder. */
    async function step<T>(
      mode: 'plan' | 'deactivate' | 'off',
      check: (r: RunResult) => T | Promise<T>,
    ): Promise<T> {
      const r = await run(mode);
      try {
        return await check(r);
      } finally {
        r.cleanup();
      }
    }

    const json = (r: RunResult): JsonReport =>
      JSON.parse(readFileSync(join(r.dir, 'iam-initial-access-keys.json'), 'utf8')) as JsonReport;
    const sarif = (r: RunResult): Log =>
      JSON.parse(readFileSync(join(r.dir, 'iam-initial-access-keys.sarif'), 'utf8')) as Log;
    const sarifUsers = (r: RunResult): string[] =>
      (sarif(r).runs[0]!.results ?? [])
        .map((x) => x.locations![0]!.physicalLocation!.artifactLocation!.uri!)
        .map(
          (uri) => `${uri.split('/')[1]}/${/\/user\/(?:.*\/)?([^/]+)\/key-created-/.exec(uri)?.[1] ?? uri}`,
        )
        .sort();
    const byUser = (r: RunResult) =>
      new Map(json(r).findings.map((f) => [`${f.accountId}/${f.userName}`, f]));

    async function iamIn(accountId: string): Promise<IAMClient> {
      return new IAMClient({
        region: TEST_REGION,
        endpoint: stack.moto.endpoint,
        credentials: await motoCredentials(stack.moto.endpoint, accountId),
      });
    }
    async function keyOf(accountId: string, user: string): Promise<{ id: string; status: string }> {
      const iam = await iamIn(accountId);
      try {
        const out = await iam.send(new ListAccessKeysCommand({ UserName: user }));
        const k = out.AccessKeyMetadata?.[0];
        return { id: k?.AccessKeyId ?? '', status: k?.Status ?? '' };
      } finally {
        iam.destroy();
      }
    }
    async function setStatus(accountId: string, user: string, status: 'Active' | 'Inactive'): Promise<void> {
      const { id } = await keyOf(accountId, user);
      const iam = await iamIn(accountId);
      try {
        await iam.send(new UpdateAccessKeyCommand({ UserName: user, AccessKeyId: id, Status: status }));
      } finally {
        iam.destroy();
      }
    }
    const statuses = async () => {
      const out: Record<string, string | undefined> = {};
      for (const id of [ALLOWED, DENIED])
        for (const u of USERS) out[`${id}/${u.name}`] = (await keyOf(id, u.name)).status;
      return out;
    };
    const allActive = Object.fromEntries(
      [ALLOWED, DENIED].flatMap((id) => USERS.map((u) => [`${id}/${u.name}`, 'Active'])),
    );
    const issueOf = (account: string, user: string) =>
      gh.issues.find(
        (i) =>
          i.user.login === 'github-actions[bot]' && i.body?.includes(`arn:aws:iam::${account}:user/${user}`),
      );
    const kinds = (n: number) =>
      gh.commentBodies(n).map((b) =>
        parseRecords(b)
          .map((r) => r.kind)
          .join('+'),
      );

    /**
     * Night 1 (nothing is due: nobody was told), then code scanning's older alerts, written with the
     * messages the run's own SARIF gave (they name the key id, as uploads do).
     */
    async function firstNightAndAlerts(): Promise<void> {
      await step('deactivate', (first) => {
        expect(first.outputs).toMatchObject({ findings: '6', 'keys-due': '0', 'keys-deactivated': '0' });
        expect(stack.aws.count('UpdateAccessKey')).toBe(0);
        for (const f of json(first).findings) {
          expect(f.remediation?.status).toBe(f.exempted ? 'skipped' : 'not-due');
          expect(f.firstSeenAt).toBeNull();
        }
        const results = sarif(first).runs[0]!.results ?? [];
        const messageAt = new Map(
          results.map((x) => [
            x.locations![0]!.physicalLocation!.artifactLocation!.uri!,
            x.message.text ?? '',
          ]),
        );
        for (const f of json(first).findings) {
          const days = ALERT_AGE[f.userName];
          if (days === undefined) continue;
          gh.addAlert({
            path: f.location,
            created_at: daysBefore(days),
            message: messageAt.get(f.location) ?? '',
          });
        }
      });
      // every new issue got one record comment: its time is when the keys were first reported to people
      expect(kinds(issueOf(ALLOWED, 'alice')!.number)).toEqual(['seen']);
    }

    it('acts only on the due key where allowed, records it, a repeat run changes nothing, a restore gets a new notice', async () => {
      await firstNightAndAlerts();

      // `plan`: alice is due in both accounts; the live check passes where the role is allowed. Nothing changes.
      stack.aws.resetCalls();
      await step('plan', (planned) => {
        expect(planned.code).toBe(1);
        expect(planned.outputs).toMatchObject({ findings: '6', 'keys-due': '2', 'keys-deactivated': '0' });
        expect(stack.aws.count('UpdateAccessKey')).toBe(0);
        const u = byUser(planned);
        expect(u.get(`${ALLOWED}/alice`)?.remediation).toEqual({
          status: 'planned',
          dueAt: daysBefore(16),
          reason: 'would be set Inactive (remediate: plan changes nothing)',
        });
        expect(u.get(`${DENIED}/alice`)?.remediation?.status).toBe('skipped');
        expect(u.get(`${DENIED}/alice`)?.remediation?.reason).toContain(REMEDIATION_ROLE);
        expect(u.get(`${ALLOWED}/dave`)?.remediation).toEqual({
          status: 'not-due',
          dueAt: daysBefore(-11),
          reason: null,
        });
        expect(u.get(`${ALLOWED}/erin`)?.remediation).toMatchObject({
          status: 'skipped',
          reason: 'the user is exempted',
        });
        expect(read(planned.summary)).toContain('#### Would be deactivated');
        expect(read(planned.summary)).toContain(`Remediation in account \`${DENIED}\`: could not assume`);
        // erin's alert predates her key: impossible, not counted, and said
        expect(read(planned.summary)).toContain("earlier than the key's own creation");
      });
      expect(await statuses()).toEqual(allActive);

      // `deactivate`: exactly alice's key in the allowed account becomes Inactive.
      stack.aws.resetCalls();
      const aliceIssue = issueOf(ALLOWED, 'alice')!;
      await step('deactivate', async (acted) => {
        expect(acted.code).toBe(1); // the other five keys still fail
        expect(acted.outputs).toMatchObject({ findings: '5', 'keys-due': '2', 'keys-deactivated': '1' });
        expect(stack.aws.count('UpdateAccessKey')).toBe(1);
        expect(stack.aws.count('DeleteAccessKey')).toBe(0);
        expect(await statuses()).toEqual({ ...allActive, [`${ALLOWED}/alice`]: 'Inactive' });
        expect(sarifUsers(acted)).not.toContain(`${ALLOWED}/alice`);
        expect(byUser(acted).get(`${ALLOWED}/alice`)?.remediation).toEqual({
          status: 'deactivated',
          dueAt: daysBefore(16),
          reason: 'set Inactive by this run',
        });
        expect(read(acted.summary)).toContain('#### Deactivated by this run');
      });
      // the issue: the record of the deactivation (how to undo it) then closed as completed
      expect(aliceIssue.state).toBe('closed');
      expect(aliceIssue.state_reason).toBe('completed');
      expect(kinds(aliceIssue.number)).toEqual(['seen', 'deactivated+closed']);
      const done = gh.commentBodies(aliceIssue.number)[1]!;
      expect(done).toContain('**Inactive**');
      expect(done).toContain('--status Active');
      expect(done).toContain(`(https://github.com/${gh.owner}/${gh.repo}/actions/runs/4242)`);
      expect(issueOf(DENIED, 'alice')?.state).toBe('open');

      // Code scanning closes the alert of a result that is gone; the next run changes nothing.
      const aliceAlert = gh.alerts.find(
        (a) => a.path.includes(`/${ALLOWED}/`) && a.path.includes('/alice/'),
      )!;
      aliceAlert.state = 'fixed';
      stack.aws.resetCalls();
      gh.clearRequests();
      await step('deactivate', (again) => {
        expect(again.outputs).toMatchObject({ findings: '5', 'keys-due': '1', 'keys-deactivated': '0' });
        expect(stack.aws.count('UpdateAccessKey')).toBe(0);
        expect(gh.writes().filter((w) => /\/comments$/.test(w.path))).toEqual([]);
      });

      // A person makes alice's key Active again; the next upload reopens its alert with the ORIGINAL created_at.
      await setStatus(ALLOWED, 'alice', 'Active');
      aliceAlert.state = 'open';
      stack.aws.resetCalls();
      await step('deactivate', (restored) => {
        expect(stack.aws.count('UpdateAccessKey')).toBe(0);
        expect(restored.outputs['keys-deactivated']).toBe('0');
        const alice = byUser(restored).get(`${ALLOWED}/alice`);
        expect(alice?.remediation?.status).toBe('not-due');
        expect(alice?.remediation?.reason).toMatch(
          /made Active again by a person after this tool deactivated it/,
        );
        expect(Date.parse(alice?.remediation?.dueAt ?? '')).toBeGreaterThan(Date.now() + 13 * DAY);
      });
      expect(aliceIssue.state).toBe('open');
      expect(kinds(aliceIssue.number)).toEqual(['seen', 'deactivated+closed', 'restored']);
      expect(gh.commentBodies(aliceIssue.number)[2]).toContain('new full notice period of 14 day(s)');
      // …and the run after that still does not act on it: the restore record is the notice's start now
      stack.aws.resetCalls();
      await step('deactivate', (later) => {
        expect(stack.aws.count('UpdateAccessKey')).toBe(0);
        expect(byUser(later).get(`${ALLOWED}/alice`)?.remediation?.status).toBe('not-due');
      });
      expect(kinds(aliceIssue.number)).toEqual(['seen', 'deactivated+closed', 'restored']);
      expect((await keyOf(ALLOWED, 'alice')).status).toBe('Active');
    });

    it('plan reports forged evidence and a renamed user plainly, and acts on neither', async () => {
      await firstNightAndAlerts();
      // Someone with triage opens an issue of their own with frank's marker and a back-dated record…
      const frankArn = `arn:aws:iam::${ALLOWED}:user/frank`;
      const { id: frankKey } = await keyOf(ALLOWED, 'frank');
      const forged = gh.addIssue({
        user: MALLORY,
        title: 'frank',
        body: `${renderMarker(ALLOWED, userKey(frankArn))}\n`,
        labels: ['iam-initial-access-key'],
      });
      const forgedRecord = withRecords(
        [
          {
            kind: 'seen',
            accountId: ALLOWED,
            userKey: userKey(frankArn),
            keys: [{ ref: 'x', keyId: frankKey }],
          },
        ],
        'first reported long ago',
      );
      gh.addComment(forged.number, { body: forgedRecord, user: MALLORY, created_at: daysBefore(39) });
      // …writes the same record on frank's real issue, and edits a first-listed line into dave's real body.
      gh.addComment(issueOf(ALLOWED, 'frank')!.number, {
        body: forgedRecord,
        user: MALLORY,
        created_at: daysBefore(39),
      });
      const dave = issueOf(ALLOWED, 'dave')!;
      dave.body = `${dave.body}\n<!-- iam-initial-access-key:first-listed x=2020-01-01T00:00:00Z -->`;
      // frank is renamed (same key): the key keeps its record
      const iam = await iamIn(ALLOWED);
      try {
        await iam.send(new UpdateUserCommand({ UserName: 'frank', NewUserName: 'frankie' }));
      } finally {
        iam.destroy();
      }
      const frankIssue = issueOf(ALLOWED, 'frank')!;
      const issuesBefore = gh.issues.length;
      stack.aws.resetCalls();
      await step('plan', (planned) => {
        expect(stack.aws.count('UpdateAccessKey')).toBe(0);
        const u = byUser(planned);
        // frank (now frankie) and dave are not due: nothing nobody can back-date says they were reported 14 days ago
        expect(u.get(`${ALLOWED}/frankie`)?.remediation?.status).toBe('not-due');
        expect(u.get(`${ALLOWED}/dave`)?.remediation?.status).toBe('not-due');
        expect(planned.outputs['keys-due']).toBe('2'); // the two alice keys, as before
        expect(read(planned.summary)).toContain(`\`#${forged.number}\` carry this tool`);
        expect(read(planned.summary)).toContain(
          `on issue(s) \`#${frankIssue.number}\` were not written by this workflow`,
        );
        // renamed: the same location (alert), the same issue, nothing resolved
        expect(u.get(`${ALLOWED}/frankie`)?.location).toMatch(/\/user\/frank\/key-created-/);
        expect(planned.outputs['resolved-findings']).toBe('2'); // erin's exempted keys, not frank's
        expect(read(planned.summary)).toContain('keep the record they were first reported under');
      });
      expect(gh.issues.length).toBe(issuesBefore); // no new issue for frankie
      expect(frankIssue.state).toBe('open');
      expect(frankIssue.title).toContain('frankie');
      expect(kinds(frankIssue.number).at(-1)).toBe('moved');
      expect(forged.state).toBe('open'); // not touched
      expect(forged.body).toBe(`${renderMarker(ALLOWED, userKey(frankArn))}\n`);
      expect((await keyOf(ALLOWED, 'frankie')).status).toBe('Active');
      expect((await keyOf(ALLOWED, 'alice')).status).toBe('Active');
    });

    it('a deactivation whose answer was lost (AWS applied it, then answered 500) is read back and recorded', async () => {
      await firstNightAndAlerts();
      // AWS applies UpdateAccessKey, then every answer is a 500: the run reads the key back.
      stack.aws.fault({
        match: { action: 'UpdateAccessKey' },
        respond: { afterForward: { code: 'ServiceFailure', message: 'internal error', status: 500 } },
      });
      await step('deactivate', (r) => {
        expect(r.outputs['keys-deactivated']).toBe('1');
        expect(byUser(r).get(`${ALLOWED}/alice`)?.remediation?.status).toBe('deactivated');
      });
      expect((await keyOf(ALLOWED, 'alice')).status).toBe('Inactive');
      expect(kinds(issueOf(ALLOWED, 'alice')!.number)).toEqual(['seen', 'deactivated+closed']);
    });

    it("a due key found Inactive with no record (a run stopped mid-update) is recorded as this tool's, unconfirmed", async () => {
      await firstNightAndAlerts();
      // The key was set Inactive and the run was stopped before it could record anything.
      await setStatus(ALLOWED, 'alice', 'Inactive');
      await step('deactivate', (r) => {
        expect(stack.aws.count('UpdateAccessKey')).toBe(0);
        expect(read(r.summary)).toContain("recorded as this tool's deactivation (unconfirmed)");
      });
      const aliceIssue = issueOf(ALLOWED, 'alice')!;
      expect(aliceIssue.state).toBe('closed');
      const last = gh.commentBodies(aliceIssue.number).at(-1)!;
      expect(parseRecords(last).map((x) => [x.kind, x.confirmed])).toEqual([
        ['deactivated', false],
        ['closed', undefined],
      ]);
      expect(last).toContain('--status Active');
    });

    it('refuses an as-of away from now with remediate on, before any AWS call', async () => {
      const r = await runAction({
        inputs: {
          'role-to-assume': ROLE,
          'as-of': iso(Date.now() + 100 * DAY),
          'create-issues': 'true',
          'github-token': GITHUB_TOKEN,
          remediate: 'deactivate',
          'remediation-role-name': REMEDIATION_ROLE,
        },
        env: {
          ...stepAwsEnv(stack.aws.endpoint),
          GITHUB_REPOSITORY: `${gh.owner}/${gh.repo}`,
          ...stack.oidc.env,
        },
      });
      try {
        expect(r.code).toBe(1);
        expect(r.stdout).toMatch(
          /::error::Input "as-of" is .* in the future: expected a time within 5 minutes of now/,
        );
        expect(stack.aws.calls).toEqual([]);
      } finally {
        r.cleanup();
      }
    });

    it('remediate: off makes no remediation call and leaves remediation null', async () => {
      await step('off', (off) => {
        expect(off.outputs).toMatchObject({ findings: '6', 'keys-due': '0', 'keys-deactivated': '0' });
        expect(stack.aws.count('UpdateAccessKey')).toBe(0);
        expect(off.stdout).not.toMatch(/Remediation/);
        expect(json(off).findings.every((f) => f.remediation === null)).toBe(true);
      });
    });
  },
);
