/**
 * Remediation against moto (DESIGN §8): keys really become Inactive; every way it must not act is
 * checked first (exempted, young, unknown, changed since, denied role, the cap, plan); then publish()
 * itself, with the audit session and the local GitHub API's alerts as the history.
 */
import { parseMarker } from '../../../src/report/issue-body.js';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from '@jest/globals';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CreateAccessKeyCommand,
  DeleteAccessKeyCommand,
  IAMClient,
  ListAccessKeysCommand,
  TagUserCommand,
  UpdateAccessKeyCommand,
} from '@aws-sdk/client-iam';
import { AdaptiveRetryStrategy } from '@smithy/core/retry';
import type { Finding, RemediationSettings } from '../../../src/model.js';
import { signIn, type AuditSession } from '../../../src/credentials/session.js';
import { planRemediation } from '../../../src/evaluate/remediation.js';
import { deactivateDueKeys, type DeactivateOptions } from '../../../src/remediate/deactivate.js';
import { restoreCommand } from '../../../src/report/format.js';
import { accessDenied, lastUsedAt } from '../../helpers/aws-proxy.js';
import {
  liveConfig,
  liveStack,
  recordingDeps,
  setAwsEnv,
  type RecordingDeps,
} from '../../helpers/live-env.js';
import {
  describeWithMoto,
  motoCredentials,
  resetMoto,
  seedAccount,
  TEST_REGION,
  useKey,
} from '../../helpers/moto.js';
import { makeAccount, makeFinding, makeResult } from '../../helpers/results.js';
import {
  fastTiming,
  pointGitHubApiAt,
  startGitHubServer,
  type GhUser,
  type GitHubServer,
} from '../../helpers/github-server.js';
import { publish } from '../../../src/publish/publish.js';
import { planIssueSync } from '../../../src/publish/issues.js';
import { parseRecords, withRecords } from '../../../src/evaluate/issue-records.js';
import { codeSpans } from '../../helpers/code-spans.js';
import { notePlain } from '../../../src/notes.js';

const ROLE = 'security/IamKeyRemediation';
const A = '111111111111';
const B = '222222222222';
const DAY = 86_400_000;
/** moto's keys are created "now"; as-of is a day later. */
const AS_OF = new Date(Date.now() + DAY).toISOString();

/** The SDK's own retries (every attempt made), without its real-time backoff. */
const NO_BACKOFF = {
  retryStrategy: (maxAttempts: number) =>
    new AdaptiveRetryStrategy(maxAttempts, {
      backoff: { setDelayBase: () => undefined, computeNextBackoffDelay: () => 1 },
    }),
};

const SETTINGS: RemediationSettings = {
  mode: 'deactivate',
  roleName: ROLE,
  afterDays: 14,
  reasons: ['never-used'],
  max: 10,
};

describeWithMoto('deactivateDueKeys against moto', () => {
  const stack = liveStack({ pointSdk: false });
  let restoreEnv: () => void = () => undefined;
  let session: AuditSession;
  let deps: RecordingDeps;

  beforeEach(async () => {
    await resetMoto(stack.moto.endpoint);
    stack.aws.clearFaults();
    stack.aws.resetCalls();
    restoreEnv = setAwsEnv(stack.aws.endpoint);
    deps = recordingDeps();
    session = await signIn(liveConfig({}), deps);
  });
  afterEach(() => restoreEnv());

  /**
   * One console user per name with one never-used key; the findings as the audit would give them.
   * `ageDays`: users and keys made that many days ago (moto's IAM clock behind), else now.
   */
  async function seed(accountId: string, names: string[], ageDays?: number): Promise<Finding[]> {
    const seeded = await seedAccount(
      stack.moto.endpoint,
      accountId,
      names.map((name) => ({ name, password: true, keys: 1 })),
      ageDays ? { ageDays } : {},
    );
    return names.map((name) => {
      const u = seeded.users.get(name)!;
      const k = u.keys[0]!;
      return makeFinding({
        accountId,
        userName: name,
        userArn: u.arn,
        accessKeyId: k.accessKeyId,
        keyCreatedAt: k.createDate.toISOString(),
      });
    });
  }

  /** Status of each user's keys, read straight from moto. */
  async function statuses(accountId: string, names: string[]): Promise<Record<string, string[]>> {
    const iam = new IAMClient({
      region: TEST_REGION,
      endpoint: stack.moto.endpoint,
      credentials: await motoCredentials(stack.moto.endpoint, accountId),
    });
    try {
      const out: Record<string, string[]> = {};
      for (const n of names) {
        const r = await iam.send(new ListAccessKeysCommand({ UserName: n }));
        out[n] = (r.AccessKeyMetadata ?? []).map((k) => k.Status ?? '?');
      }
      return out;
    } finally {
      iam.destroy();
    }
  }

  /** firstSeenAt `days` before as-of per user name (null: never reported before). */
  function firstSeen(findings: Finding[], days: Record<string, number | null>): Map<string, string | null> {
    return new Map(
      findings.map((f) => {
        const d = days[f.userName] ?? null;
        return [f.location, d === null ? null : new Date(Date.parse(AS_OF) - d * DAY).toISOString()];
      }),
    );
  }

  function run(keys: readonly Finding[], over: Partial<DeactivateOptions> = {}) {
    return deactivateDueKeys({
      keys,
      mode: 'deactivate',
      roleName: ROLE,
      assume: (accountId) => session.assumeRoleIn(accountId, ROLE),
      region: TEST_REGION,
      unusedDays: 90,
      asOf: AS_OF,
      reasons: ['never-used'],
      exemptionTag: 'access-key-justification',
      concurrency: 4,
      log: deps.log,
      ...over,
    });
  }

  test('only due keys become Inactive; exempted, young and unknown keys stay Active; nothing is deleted', async () => {
    const names = ['due', 'exempt', 'young', 'unknown'];
    const found = await seed(A, names);
    const findings = found.map((f) =>
      f.userName === 'exempt' ? { ...f, exempted: true, justification: 'ok' } : f,
    );
    const plan = planRemediation(
      findings,
      firstSeen(findings, { due: 30, exempt: 300, young: 3, unknown: null }),
      SETTINGS,
      AS_OF,
    );
    expect(plan.toAct.map((f) => f.userName)).toEqual(['due']);

    const result = await run(plan.toAct);
    expect(result.deactivated).toBe(1);
    expect(result.warnings).toEqual([]);
    expect(result.byLocation.get(plan.toAct[0]!.location)).toEqual({
      status: 'deactivated',
      reason: 'set Inactive by this run',
    });
    expect(await statuses(A, names)).toEqual({
      due: ['Inactive'],
      exempt: ['Active'],
      young: ['Active'],
      unknown: ['Active'],
    });
    // the remediation role was assumed from the audit session, and only UpdateAccessKey changed anything
    const assumed = stack.aws.calls.filter((c) => c.action === 'AssumeRole').map((c) => c.params.RoleArn);
    expect(assumed).toEqual([`arn:aws:iam::${A}:role/${ROLE}`]);
    expect(stack.aws.count('UpdateAccessKey')).toBe(1);
    expect(stack.aws.calls.find((c) => c.action === 'UpdateAccessKey')?.params).toMatchObject({
      UserName: 'due',
      Status: 'Inactive',
    });
    expect(stack.aws.count('DeleteAccessKey')).toBe(0);
    expect(restoreCommand(plan.toAct[0]!)).toBe(
      `aws iam update-access-key --user-name due --access-key-id ${plan.toAct[0]!.accessKeyId} --status Active`,
    );
  });

  test('plan changes nothing, but checks every key with the remediation role', async () => {
    const findings = await seed(A, ['a', 'b']);
    const plan = planRemediation(findings, firstSeen(findings, { a: 30, b: 30 }), SETTINGS, AS_OF);
    const result = await run(plan.toAct, { mode: 'plan' });
    expect(result.deactivated).toBe(0);
    expect([...result.byLocation.values()].map((o) => o.status)).toEqual(['planned', 'planned']);
    expect(await statuses(A, ['a', 'b'])).toEqual({ a: ['Active'], b: ['Active'] });
    expect(stack.aws.count('UpdateAccessKey')).toBe(0);
    expect(stack.aws.count('ListAccessKeys')).toBe(2);
    expect(stack.aws.count('GetAccessKeyLastUsed')).toBe(2);
    expect(stack.aws.count('ListUserTags')).toBe(2);
  });

  test('a user exempted since the audit (exemption tag added) is skipped; the others are deactivated', async () => {
    const findings = await seed(A, ['tagged', 'plain']);
    const creds = await motoCredentials(stack.moto.endpoint, A);
    const direct = new IAMClient({ region: TEST_REGION, endpoint: stack.moto.endpoint, credentials: creds });
    await direct.send(
      new TagUserCommand({
        UserName: 'tagged',
        Tags: [{ Key: 'access-key-justification', Value: 'deploy key for the legacy CI' }],
      }),
    );
    direct.destroy();
    const result = await run(findings);
    expect(result.byLocation.get(findings[0]!.location)).toEqual({
      status: 'skipped',
      reason: 'the user was exempted since the audit (exemption tag)',
    });
    expect(result.byLocation.get(findings[1]!.location)?.status).toBe('deactivated');
    expect(await statuses(A, ['tagged', 'plain'])).toEqual({ tagged: ['Active'], plain: ['Inactive'] });
    // an expired exemption does not count: that key is deactivated
    const [expired] = await seed(B, ['expired']);
    const inB = new IAMClient({
      region: TEST_REGION,
      endpoint: stack.moto.endpoint,
      credentials: await motoCredentials(stack.moto.endpoint, B),
    });
    await inB.send(
      new TagUserCommand({
        UserName: 'expired',
        Tags: [{ Key: 'access-key-justification', Value: 'temporary; expires=2020-01-01' }],
      }),
    );
    inB.destroy();
    expect((await run([expired!])).byLocation.get(expired!.location)?.status).toBe('deactivated');
  });

  test('a key exempted since the audit by its own tag (EXEMPTION-TAG:KEY-ID) is skipped; a description tag exempts nothing', async () => {
    const findings = await seed(A, ['keytag', 'described']);
    const direct = new IAMClient({
      region: TEST_REGION,
      endpoint: stack.moto.endpoint,
      credentials: await motoCredentials(stack.moto.endpoint, A),
    });
    const [keytag, described] = findings as [Finding, Finding];
    await direct.send(
      new TagUserCommand({
        UserName: 'keytag',
        Tags: [{ Key: `access-key-justification:${keytag.accessKeyId}`, Value: 'vendor upload, SEC-9' }],
      }),
    );
    await direct.send(
      new TagUserCommand({
        UserName: 'described',
        Tags: [{ Key: described.accessKeyId!, Value: 'used by the nightly export' }],
      }),
    );
    direct.destroy();
    const result = await run(findings);
    expect(result.byLocation.get(keytag.location)).toEqual({
      status: 'skipped',
      reason: 'the key was exempted since the audit (exemption tag)',
    });
    expect(result.byLocation.get(described.location)?.status).toBe('deactivated');
    expect(await statuses(A, ['keytag', 'described'])).toEqual({
      keytag: ['Active'],
      described: ['Inactive'],
    });
  });

  test('a denied iam:ListUserTags is a warning naming it; the account keys stay Active', async () => {
    const inA = await seed(A, ['a1', 'a2']);
    stack.aws.fault({
      match: { action: 'ListUserTags', account: A },
      respond: accessDenied('iam:ListUserTags'),
    });
    const result = await run(inA);
    expect(result.warnings).toHaveLength(1);
    expect(notePlain(result.warnings[0]!)).toMatch(new RegExp(`account ${A}: .*denied iam:ListUserTags`));
    expect(notePlain(result.warnings[0]!)).toContain('2 due key(s) there stay Active');
    for (const f of inA) expect(result.byLocation.get(f.location)?.status).toBe('skipped');
    expect(stack.aws.count('UpdateAccessKey')).toBe(0);
    expect(await statuses(A, ['a1', 'a2'])).toEqual({ a1: ['Active'], a2: ['Active'] });
  });

  test('an UpdateAccessKey whose answer is lost after AWS applied it counts as deactivated (read back)', async () => {
    const [f] = await seed(A, ['lost']);
    stack.aws.fault({
      match: { action: 'UpdateAccessKey', account: A },
      respond: { afterForward: { code: 'InternalFailure', message: 'lost', status: 500 } },
    });
    const result = await run([f!], { aws: NO_BACKOFF });
    expect(result.byLocation.get(f!.location)).toEqual({
      status: 'deactivated',
      reason: 'set Inactive by this run',
    });
    expect(result.deactivated).toBe(1);
    expect(result.warnings).toEqual([]);
    expect(
      deps.lines.some((l) => /^warning: UpdateAccessKey for .* failed .*but the key is Inactive now/.test(l)),
    ).toBe(true);
    expect(await statuses(A, ['lost'])).toEqual({ lost: ['Inactive'] });
    // the live check, then the read-back after the failed update
    expect(stack.aws.count('ListAccessKeys')).toBe(2);
  });

  test('an UpdateAccessKey that fails without being applied leaves the key Active, skipped with the error', async () => {
    const [f] = await seed(A, ['failed']);
    stack.aws.fault({
      match: { action: 'UpdateAccessKey', account: A },
      respond: { error: { code: 'ServiceFailure', message: 'try later', status: 500 } },
    });
    const result = await run([f!], { aws: NO_BACKOFF });
    expect(result.byLocation.get(f!.location)).toEqual({
      status: 'skipped',
      reason: expect.stringMatching(
        /^the live check or the update failed \(ServiceFailure\w*: try later\)$/,
      ) as unknown,
    });
    // read back after the last attempt: still Active, so not counted
    expect(stack.aws.count('ListAccessKeys')).toBe(2);
    expect(result.deactivated).toBe(0);
    expect(await statuses(A, ['failed'])).toEqual({ failed: ['Active'] });
  });

  test('a key changed since the audit is skipped: deleted and rotated, deactivated, used', async () => {
    const findings = await seed(A, ['rotated', 'deactivated', 'used', 'still']);
    const creds = await motoCredentials(stack.moto.endpoint, A);
    const direct = new IAMClient({ region: TEST_REGION, endpoint: stack.moto.endpoint, credentials: creds });
    const byName = (n: string) => findings.find((f) => f.userName === n)!;
    await direct.send(
      new DeleteAccessKeyCommand({ UserName: 'rotated', AccessKeyId: byName('rotated').accessKeyId! }),
    );
    await direct.send(new CreateAccessKeyCommand({ UserName: 'rotated' }));
    await direct.send(
      new UpdateAccessKeyCommand({
        UserName: 'deactivated',
        AccessKeyId: byName('deactivated').accessKeyId!,
        Status: 'Inactive',
      }),
    );
    direct.destroy();
    // the key was used after the audit: GetAccessKeyLastUsed says so
    stack.aws.fault({
      match: { action: 'GetAccessKeyLastUsed', params: { AccessKeyId: byName('used').accessKeyId! } },
      respond: lastUsedAt(new Date(Date.now() - 60_000)),
    });

    const result = await run(findings);
    const reasons = Object.fromEntries(findings.map((f) => [f.userName, result.byLocation.get(f.location)]));
    expect(reasons).toEqual({
      rotated: { status: 'skipped', reason: 'the key was deleted since the audit' },
      deactivated: { status: 'skipped', reason: 'the key is no longer Active' },
      used: { status: 'skipped', reason: 'the key was used since the audit' },
      still: { status: 'deactivated', reason: 'set Inactive by this run' },
    });
    expect(result.deactivated).toBe(1);
    const after = await statuses(A, ['rotated', 'used', 'still']);
    expect(after).toEqual({ rotated: ['Active'], used: ['Active'], still: ['Inactive'] });
    expect(stack.aws.count('UpdateAccessKey')).toBe(1);
  });

  test('a key of the right id but another CreateDate is not touched', async () => {
    const [f] = await seed(A, ['other-date']);
    const shifted = { ...f!, keyCreatedAt: new Date(Date.parse(f!.keyCreatedAt!) - 3_600_000).toISOString() };
    const result = await run([shifted]);
    expect(result.byLocation.get(shifted.location)).toEqual({
      status: 'skipped',
      reason: 'the key is not the one audited (its CreateDate differs)',
    });
    expect(await statuses(A, ['other-date'])).toEqual({ 'other-date': ['Active'] });
  });

  test('a denied remediation role in one account is a warning naming role and account; the other account is remediated', async () => {
    const inA = await seed(A, ['a1', 'a2']);
    const inB = await seed(B, ['b1']);
    stack.aws.fault({
      match: { action: 'AssumeRole', params: { RoleArn: `arn:aws:iam::${A}:role/${ROLE}` } },
      respond: accessDenied('sts:AssumeRole', { resource: `arn:aws:iam::${A}:role/${ROLE}` }),
    });
    const result = await run([...inA, ...inB]);
    expect(result.warnings).toHaveLength(1);
    const warning = notePlain(result.warnings[0]!);
    expect(warning).toContain(`account ${A}`);
    expect(warning).toContain(`arn:aws:iam::${A}:role/${ROLE}`);
    expect(warning).toContain('2 due key(s) there stay Active');
    expect(deps.lines.filter((l) => l.startsWith('warning:'))).toHaveLength(1);
    for (const f of inA) expect(result.byLocation.get(f.location)?.status).toBe('skipped');
    expect(result.byLocation.get(inB[0]!.location)?.status).toBe('deactivated');
    expect(await statuses(A, ['a1', 'a2'])).toEqual({ a1: ['Active'], a2: ['Active'] });
    expect(await statuses(B, ['b1'])).toEqual({ b1: ['Inactive'] });
  });

  test('a denied iam:UpdateAccessKey is a warning; the account keys stay Active and are reported skipped', async () => {
    const inA = await seed(A, ['a1', 'a2']);
    const inB = await seed(B, ['b1']);
    const denied = stack.aws.fault({
      match: { action: 'UpdateAccessKey', account: A },
      respond: accessDenied('iam:UpdateAccessKey'),
    });
    const result = await run([...inA, ...inB]);
    expect(denied.hits).toBe(1); // not tried again for a2
    expect(result.warnings).toHaveLength(1);
    expect(notePlain(result.warnings[0]!)).toMatch(new RegExp(`account ${A}: .*denied iam:UpdateAccessKey`));
    expect(result.byLocation.get(inA[1]!.location)?.reason).toMatch(/denied iam:UpdateAccessKey/);
    expect(await statuses(A, ['a1', 'a2'])).toEqual({ a1: ['Active'], a2: ['Active'] });
    expect(await statuses(B, ['b1'])).toEqual({ b1: ['Inactive'] });
  });

  test('the per-run cap: at most max-remediations keys are deactivated, oldest first seen first', async () => {
    const names = ['k1', 'k2', 'k3', 'k4'];
    const findings = await seed(A, names);
    const plan = planRemediation(
      findings,
      firstSeen(findings, { k1: 20, k2: 90, k3: 50, k4: 15 }),
      { ...SETTINGS, max: 2 },
      AS_OF,
    );
    expect(plan.dueCount).toBe(4);
    const result = await run(plan.toAct);
    expect(result.deactivated).toBe(2);
    expect(await statuses(A, names)).toEqual({
      k1: ['Active'],
      k2: ['Inactive'],
      k3: ['Inactive'],
      k4: ['Active'],
    });
  });

  test('a key that was used at all is no longer never-used: it stays Active', async () => {
    const seeded = await seedAccount(stack.moto.endpoint, A, [{ name: 'u', password: true, keys: 1 }]);
    const k = seeded.users.get('u')!.keys[0]!;
    await useKey(stack.moto.endpoint, { accessKeyId: k.accessKeyId, secretAccessKey: k.secretAccessKey });
    const f = makeFinding({
      accountId: A,
      userName: 'u',
      userArn: seeded.users.get('u')!.arn,
      accessKeyId: k.accessKeyId,
      keyCreatedAt: k.createDate.toISOString(),
    });
    const result = await run([f]);
    expect(result.byLocation.get(f.location)?.status).toBe('skipped');
    expect(await statuses(A, ['u'])).toEqual({ u: ['Active'] });
  });

  describe('publish() with remediate: the audit session and the GitHub history', () => {
    let gh: GitHubServer;
    let dir: string;
    let restoreApi: () => void = () => undefined;
    beforeAll(async () => {
      gh = await startGitHubServer();
      restoreApi = pointGitHubApiAt(gh.url);
    });
    afterAll(async () => {
      restoreApi();
      await gh?.stop();
    });
    beforeEach(() => {
      gh.alerts.length = 0;
      gh.issues.length = 0;
      dir = mkdtempSync(join(tmpdir(), 'publish-remediate-'));
    });
    afterEach(() => rmSync(dir, { recursive: true, force: true }));

    async function publishWith(
      findings: Finding[],
      mode: 'plan' | 'deactivate',
      opts: { session?: AuditSession | null; github?: boolean } = {},
    ) {
      // deactivate needs create-issues (the issues tell the owners and record each deactivation)
      const config = liveConfig({
        'sarif-file': join(dir, 'out.sarif'),
        'json-file': join(dir, 'out.json'),
        remediate: mode,
        'remediation-role-name': ROLE,
        'create-issues': 'true',
        'github-token': 'ghs_local_test',
      });
      const result = makeResult({
        asOf: AS_OF.replace(/\.\d{3}Z$/, 'Z'),
        accounts: [makeAccount({ accountId: A })],
        findings,
      });
      return publish(result, config, {
        log: deps.log,
        githubClient: fastTiming(),
        github:
          opts.github === false
            ? null
            : { token: 'ghs_local_test', owner: gh.owner, repo: gh.repo, runUrl: null, ref: null },
        session: opts.session === undefined ? session : opts.session,
      });
    }

    test('a due key becomes Inactive and leaves SARIF and the findings count; the young one stays', async () => {
      const [due, young] = await seed(A, ['due', 'young'], 60);
      // its alert is 30 days old; its issue (opened yesterday) lists it, so the deactivation has a place
      reportedEarlier(due!, 1);
      gh.addAlert({ path: due!.location, created_at: new Date(Date.parse(AS_OF) - 30 * DAY).toISOString() });
      gh.addAlert({ path: young!.location, created_at: new Date(Date.parse(AS_OF) - 2 * DAY).toISOString() });
      const out = await publishWith([due!, young!], 'deactivate');
      expect(out.outputs).toMatchObject({ findings: '1', 'keys-due': '1', 'keys-deactivated': '1' });
      expect(out.result.findings.map((f) => f.userName)).toEqual(['young']);
      expect(out.result.remediation?.deactivated.map((f) => f.userName)).toEqual(['due']);
      const sarif = readFileSync(join(dir, 'out.sarif'), 'utf8');
      expect(sarif).not.toContain(due!.location);
      expect(sarif).toContain(young!.location);
      expect(await statuses(A, ['due', 'young'])).toEqual({ due: ['Inactive'], young: ['Active'] });
      expect(stack.aws.count('DeleteAccessKey')).toBe(0);
      // the young key's user gets its issue, with the record its notice period runs from; due's closes
      expect(out.issues).toMatchObject({ opened: 1, closed: 1, error: null });
      expect(gh.issues.map((i) => codeSpans(i.title)[0])).toEqual(['due', 'young']);
      expect(gh.commentBodies(gh.issues[1]!.number).map((b) => parseRecords(b).map((r) => r.kind))).toEqual([
        ['seen'],
      ]);
    });

    test('a key only an alert knows (its issue not opened yet: max-issues) is not due, and says why', async () => {
      const [f] = await seed(A, ['unlisted'], 60);
      gh.addAlert({ path: f!.location, created_at: new Date(Date.parse(AS_OF) - 30 * DAY).toISOString() });
      const out = await publishWith([f!], 'deactivate');
      expect(out.outputs).toMatchObject({ 'keys-due': '0', 'keys-deactivated': '0' });
      expect(out.result.findings[0]?.remediation?.status).toBe('not-due');
      expect(out.result.findings[0]?.remediation?.reason).toMatch(/not yet recorded on its user's issue/);
      expect(stack.aws.count('UpdateAccessKey')).toBe(0);
      expect(await statuses(A, ['unlisted'])).toEqual({ unlisted: ['Active'] });
    });

    /** The issue an earlier run opened for `f`, with its `seen` record posted `daysAgo` days before as-of by `user`. */
    function reportedEarlier(f: Finding, daysAgo: number, user?: GhUser) {
      const [create] = planIssueSync(
        [],
        makeResult({ accounts: [makeAccount({ accountId: A })], findings: [f] }),
        { extraLabels: [], maxIssues: 1, runUrl: null },
      );
      if (create?.kind !== 'create') throw new Error('expected a create');
      const issue = gh.addIssue({ title: create.title, body: create.body, labels: create.labels });
      const at = new Date(Date.parse(AS_OF) - daysAgo * DAY).toISOString().replace(/\.\d{3}Z$/, 'Z');
      gh.addComment(issue.number, { body: create.comment, created_at: at, ...(user ? { user } : {}) });
      return issue;
    }

    test('a key first reported in a record comment of its issue is due: deactivated, recorded there, closed', async () => {
      const [f] = await seed(A, ['noticed'], 60);
      const issue = reportedEarlier(f!, 30);
      const out = await publishWith([f!], 'deactivate');
      expect(out.outputs).toMatchObject({ findings: '0', 'keys-due': '1', 'keys-deactivated': '1' });
      expect(await statuses(A, ['noticed'])).toEqual({ noticed: ['Inactive'] });
      expect(out.issues).toMatchObject({ closed: 1, error: null });
      expect(issue.state).toBe('closed');
      // one comment more: the deactivation and the close, recorded together
      const bodies = gh.commentBodies(issue.number);
      expect(
        bodies.map((b) => parseRecords(b).map((r) => (r.reason ? `${r.kind}:${r.reason}` : r.kind))),
      ).toEqual([['seen'], ['deactivated', 'closed:deactivated']]);
      expect(bodies[1]).toContain(restoreCommand(f!));
    });

    test('a record comment someone else wrote is no evidence: nothing is due, and the run says so', async () => {
      const [f] = await seed(A, ['forged'], 60);
      reportedEarlier(f!, 30, { login: 'mallory', id: 666, type: 'User' });
      const out = await publishWith([f!], 'deactivate');
      expect(out.outputs).toMatchObject({ findings: '1', 'keys-due': '0', 'keys-deactivated': '0' });
      expect(out.result.findings[0]?.remediation?.status).toBe('not-due');
      expect(stack.aws.count('UpdateAccessKey')).toBe(0);
      expect(await statuses(A, ['forged'])).toEqual({ forged: ['Active'] });
      expect(deps.lines.join('\n')).toMatch(
        /warning: Not counted as evidence: record comment\(s\) on issue\(s\) #\d+ were not written by this workflow's identity/,
      );
    });

    test('an alert older than the key itself is no evidence: the key is not due', async () => {
      // the key was made 10 days ago; an alert at its location "30 days ago" cannot be about it
      const [f] = await seed(A, ['recent'], 10);
      gh.addAlert({ path: f!.location, created_at: new Date(Date.parse(AS_OF) - 30 * DAY).toISOString() });
      const out = await publishWith([f!], 'deactivate');
      expect(out.outputs).toMatchObject({ 'keys-due': '0', 'keys-deactivated': '0' });
      expect(out.result.findings[0]?.remediation?.status).toBe('not-due');
      expect(stack.aws.count('UpdateAccessKey')).toBe(0);
    });

    test('a key this tool deactivated and a person restored is not deactivated again, even if someone removed the issue label', async () => {
      const [f] = await seed(A, ['restored'], 60);
      const issue = reportedEarlier(f!, 40);
      const marker = parseMarker(issue.body)!;
      const keys = [{ ref: f!.location, keyId: f!.accessKeyId }];
      gh.addComment(issue.number, {
        body: withRecords(
          [
            { kind: 'deactivated', ...marker, keys },
            { kind: 'closed', ...marker, keys: [], reason: 'deactivated' },
          ],
          'set Inactive',
        ),
        created_at: new Date(Date.parse(AS_OF) - 20 * DAY).toISOString().replace(/\.\d{3}Z$/, 'Z'),
      });
      issue.state = 'closed';
      issue.labels = ['security']; // a person with triage removed the tool's label
      // GitHub reopened the alert with its original created_at when the key came back
      gh.addAlert({ path: f!.location, created_at: new Date(Date.parse(AS_OF) - 40 * DAY).toISOString() });
      const out = await publishWith([f!], 'deactivate');
      expect(out.outputs).toMatchObject({ 'keys-due': '0', 'keys-deactivated': '0' });
      expect(out.result.findings[0]?.remediation?.reason).toMatch(/made Active again by a person/);
      expect(stack.aws.count('UpdateAccessKey')).toBe(0);
      // its issue, found by author and marker, is reopened with the restore recorded; no second issue
      expect(gh.issues).toHaveLength(1);
      expect(issue.state).toBe('open');
      expect(parseRecords(gh.commentBodies(issue.number).at(-1)).map((r) => r.kind)).toEqual(['restored']);
    });

    test('a run whose only finding was deactivated passes fail-on: findings', async () => {
      const [f] = await seed(A, ['only'], 60);
      reportedEarlier(f!, 1);
      gh.addAlert({ path: f!.location, created_at: new Date(Date.parse(AS_OF) - 30 * DAY).toISOString() });
      const out = await publishWith([f!], 'deactivate');
      expect(out.outputs).toMatchObject({ findings: '0', 'keys-deactivated': '1', 'resolved-findings': '1' });
      expect(out.exitCode).toBe(0);
    });

    test('without GitHub history nothing is due, so nothing is checked or changed', async () => {
      const [f] = await seed(A, ['old'], 60);
      const out = await publishWith([f!], 'deactivate', { github: false });
      expect(out.outputs).toMatchObject({ 'keys-due': '0', 'keys-deactivated': '0' });
      expect(out.result.findings[0]?.remediation?.status).toBe('not-due');
      expect(stack.aws.count('UpdateAccessKey')).toBe(0);
      expect(await statuses(A, ['old'])).toEqual({ old: ['Active'] });
    });

    test('without an AWS session a due key is skipped with a warning, never acted on blind', async () => {
      const [f] = await seed(A, ['due'], 60);
      reportedEarlier(f!, 1);
      gh.addAlert({ path: f!.location, created_at: new Date(Date.parse(AS_OF) - 30 * DAY).toISOString() });
      const out = await publishWith([f!], 'deactivate', { session: null });
      expect(out.result.findings[0]?.remediation).toMatchObject({
        status: 'skipped',
        reason: 'no AWS session for the remediation role',
      });
      expect(deps.lines).toContain(
        'warning: Remediation: no AWS session for the remediation role; 1 due key(s) stay Active.',
      );
      expect(stack.aws.count('UpdateAccessKey')).toBe(0);
    });
  });
});
