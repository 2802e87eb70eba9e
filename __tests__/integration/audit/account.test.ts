import { afterEach, beforeEach, describe, expect, test } from '@jest/globals';
import { GenerateCredentialReportCommand, IAMClient, TagUserCommand } from '@aws-sdk/client-iam';
import type { AwsCredentialIdentity } from '@smithy/types';
import type { Config, RuleSettings } from '../../../src/model.js';
import { jsonAccount } from '../../../src/report/json.js';
import { DEFAULT_REPORT_LIMITS } from '../../../src/collect/credential-report.js';
import { accessDenied, lastUsedAt, reportStarted, throttling } from '../../helpers/aws-proxy.js';
import {
  compliantUsers,
  describeWithMoto,
  seedAccount,
  TEST_REGION,
  type SeedUser,
} from '../../helpers/moto.js';
import { liveStack } from '../../helpers/live-env.js';
import { expectPollSleeps } from '../../helpers/poll.js';
import { noteText } from '../../../src/notes.js';
import { LOOKUPS_PER_SECOND } from '../../../src/audit/key-creation.js';
import { isFailing } from '../../../src/evaluate/intent.js';
import {
  accessDeniedError,
  startCloudTrail,
  type CloudTrailServer,
} from '../../helpers/cloudtrail-server.js';
import { madeByTheUser, madeInConsole, type RealKey } from '../../fixtures/cloudtrail-events.js';
import { auditAccount } from '../../helpers/reports.js';

const RULE: RuleSettings = {
  scope: 'at-setup',
  setupWindowSeconds: 600,
  unusedDays: 90,
  exemptionTag: 'access-key-justification',
};

function config(over: Partial<Config> = {}): Config {
  return {
    roleToAssume: null,
    audience: 'sts.amazonaws.com',
    awsRegion: TEST_REGION,
    partition: 'aws',
    roleSessionName: 'iam-initial-access-key-audit',
    roleDurationSeconds: 3600,
    accounts: [],
    accountRoleName: null,
    organization: false,
    excludeAccounts: [],
    concurrency: 8,
    shard: null,
    rule: RULE,
    asOf: null,
    exemptUsers: [],
    credentialReports: [],
    iac: [],
    sarifFile: 'iam-initial-access-keys.sarif',
    jsonFile: 'iam-initial-access-keys.json',
    summary: false,
    failOn: 'findings',
    createIssues: false,
    issueLabels: [],
    maxIssues: 20,
    githubToken: null,
    securityHub: false,
    securityHubRegion: TEST_REGION,
    category: null,
    remediation: { mode: 'off', roleName: null, afterDays: 14, reasons: ['never-used'], max: 10 },
    ...over,
  };
}

/** LookupEvents' rate limit waits at most this long between calls (2 per second); the report polls longer. */
const LOOKUP_INTERVAL_MS = 1000 / LOOKUPS_PER_SECOND;

/**
 * Deps whose clock moves only by the injected sleeps (no real waiting), from the real time. `sleeps` are
 * the report poll's (each at least 800 ms), `lookupWaits` the CloudTrail rate limit's (at most 500 ms).
 */
function testDeps() {
  const sleeps: number[] = [];
  const lookupWaits: number[] = [];
  let slept = 0;
  const info: string[] = [];
  const warnings: string[] = [];
  return {
    sleeps,
    lookupWaits,
    info,
    warnings,
    deps: {
      sleep: async (ms: number) => {
        (ms <= LOOKUP_INTERVAL_MS ? lookupWaits : sleeps).push(ms);
        slept += ms;
      },
      now: () => new Date(Date.now() + slept),
      reportLimits: DEFAULT_REPORT_LIMITS,
      log: { info: (m: string) => info.push(m), warning: (m: string) => warnings.push(m) },
    },
  };
}

/** An explicit as-of after moto's "now" keys (moto's own GeneratedTime is 2015-02-02). */
const AS_OF = new Date(Date.now() + 86_400_000);
const MOTO_GENERATED = '2015-02-02T20:02:02Z';

let nextAccount = 400000000001;

describeWithMoto('auditAccount against moto', () => {
  const stack = liveStack();

  /** Seeds a new account; `generated` makes its next GenerateCredentialReport answer COMPLETE. */
  async function seed(users: SeedUser[], opts: { alias?: string; generated?: boolean } = {}) {
    const accountId = String(nextAccount++);
    const seeded = await seedAccount(stack.moto.endpoint, accountId, users, { alias: opts.alias });
    stack.aws.registerKey(seeded.credentials.accessKeyId, accountId);
    if (opts.generated) {
      const direct = new IAMClient({
        region: TEST_REGION,
        endpoint: stack.moto.endpoint,
        credentials: seeded.credentials,
      });
      await direct.send(new GenerateCredentialReportCommand({}));
      direct.destroy();
    }
    const creds: AwsCredentialIdentity = seeded.credentials;
    return { accountId, seeded, credentials: async () => creds };
  }

  const violators: SeedUser[] = [
    { name: 'alice', password: true, keys: 1 },
    { name: 'bob', path: '/staff/', password: true, keys: 2 },
    { name: 'erin', password: true, keys: 1 },
  ];

  test('30 compliant + 3 violating users: findings, and the exact per-account call counts', async () => {
    const a = await seed([...compliantUsers(30), ...violators], { alias: 'acme-prod', generated: true });
    const b = await seed([...compliantUsers(3, 'other'), { name: 'zed', password: true, keys: 1 }], {
      generated: true,
    });
    const t = testDeps();
    const [ra, rb] = await Promise.all([
      auditAccount({
        accountId: a.accountId,
        credentials: a.credentials,
        config: config({ asOf: AS_OF }),
        deps: t.deps,
      }),
      auditAccount({
        accountId: b.accountId,
        credentials: b.credentials,
        config: config({ asOf: AS_OF }),
        deps: t.deps,
      }),
    ]);
    expect(jsonAccount(ra.account)).toEqual({
      accountId: a.accountId,
      alias: 'acme-prod',
      status: 'ok',
      error: null,
      hint: null,
      errorCode: null,
      errorStep: null,
      usersScanned: 33,
      reportGeneratedAt: MOTO_GENERATED,
      source: 'aws',
      resolvedSinceReport: 0,
      asOf: AS_OF.toISOString().replace(/\.\d{3}Z$/, 'Z'),
    });
    expect(ra.findings.map((f) => `${f.userName}/${f.keySlot}/${f.reason}`)).toEqual([
      'alice/1/never-used',
      'erin/1/never-used',
      'bob/1/never-used',
      'bob/2/never-used',
    ]);
    const bob = a.seeded.users.get('bob')!;
    const bob1 = ra.findings.find((f) => f.userName === 'bob' && f.keySlot === 1)!;
    expect(bob1.userArn).toBe(`arn:aws:iam::${a.accountId}:user/staff/bob`);
    expect(bob1.accessKeyId).toBe(bob.keys[0]?.accessKeyId);
    // bob's two keys share their creation second (then the location names the slot) unless the seeding
    // crossed a second boundary between them
    const second = (d: Date) => Math.floor(d.getTime() / 1000);
    const twins = second(bob.keys[0]!.createDate) === second(bob.keys[1]!.createDate);
    expect(bob1.location).toMatch(
      new RegExp(
        `^aws/${a.accountId}/iam/user/staff/bob/key-created-\\d{8}T\\d{6}Z${twins ? '-slot1' : ''}$`,
      ),
    );
    expect(bob1.passwordLastUsedAt).toBeNull(); // moto: no_information
    expect(ra.findings.every((f) => f.accessKeyId?.startsWith('AKIA') && !f.exempted)).toBe(true);
    expect(rb.findings.map((f) => f.userName)).toEqual(['zed']);
    expect(t.sleeps).toEqual([]);
    expect(t.warnings).toEqual([]);

    // 3 + 2 per flagged user + 1 per flagged key, whatever the number of compliant users.
    expect(stack.aws.counts(a.accountId)).toEqual({
      ListAccountAliases: 1,
      GenerateCredentialReport: 1,
      GetCredentialReport: 1,
      ListAccessKeys: 3,
      ListUserTags: 3,
      GetAccessKeyLastUsed: 4,
    });
    expect(stack.aws.counts(b.accountId)).toEqual({
      ListAccountAliases: 1,
      GenerateCredentialReport: 1,
      GetCredentialReport: 1,
      ListAccessKeys: 1,
      ListUserTags: 1,
      GetAccessKeyLastUsed: 1,
    });
  });

  test('exemptions: the tag (live) and exempt-users; a compliant user is no finding', async () => {
    const a = await seed([
      { name: 'alice', password: true, keys: 1 },
      { name: 'tagged', password: true, keys: 1, tags: { 'access-key-justification': 'legacy vendor sync' } },
      {
        name: 'lapsed',
        password: true,
        keys: 1,
        tags: { 'access-key-justification': 'pilot; expires=2020-01-31' },
      },
      { name: 'robot', password: true, keys: 1 },
      { name: 'used', password: true, keys: [{ use: true }] },
      { name: 'service', keys: 1 },
    ]);
    const t = testDeps();
    const r = await auditAccount({
      accountId: a.accountId,
      credentials: a.credentials,
      config: config({ asOf: AS_OF, exemptUsers: ['rob*'] }),
      deps: t.deps,
    });
    expect(r.account.status).toBe('ok');
    expect(r.account.alias).toBeNull();
    const view = r.findings.map((f) => [f.userName, f.exempted, f.justification, f.exemptionExpired]);
    expect(view).toEqual([
      ['alice', false, null, false],
      ['lapsed', false, 'pilot; expires=2020-01-31', true],
      ['robot', true, 'exempt-users: "rob*"', false],
      ['tagged', true, 'legacy vendor sync', false],
    ]);
    // a fresh moto account answers STARTED first: one poll
    expectPollSleeps(t.sleeps, 1);
    expect(t.info.join('\n')).toContain(`account ${a.accountId}: 6 users, 2 findings, 2 exempted`);
  });

  test('as-of defaults to the report’s GeneratedTime (moto: 2015)', async () => {
    const a = await seed([
      { name: 'alice', password: true, keys: 1 },
      { name: 'used', password: true, keys: [{ use: true }] },
    ]);
    const r = await auditAccount({
      accountId: a.accountId,
      credentials: a.credentials,
      config: config(),
      deps: testDeps().deps,
    });
    expect(r.account.asOf).toBe(MOTO_GENERATED);
    expect(r.account.reportGeneratedAt).toBe(MOTO_GENERATED);
    // never-used keys fail whatever the as-of; a key used "now" is not stale as of 2015
    expect(r.findings.map((f) => f.userName)).toEqual(['alice']);
  });

  test('moto writes a comma name unquoted: that row is a warning, the other violators are still found', async () => {
    const a = await seed([{ name: 'eve,x', password: true, keys: 1 }, ...violators], { generated: true });
    const t = testDeps();
    const r = await auditAccount({
      accountId: a.accountId,
      credentials: a.credentials,
      config: config({ asOf: AS_OF }),
      deps: t.deps,
    });
    expect(r.account.status).toBe('ok');
    expect(r.account.usersScanned).toBe(3);
    expect([...new Set(r.findings.map((f) => f.userName))].sort()).toEqual(['alice', 'bob', 'erin']);
    expect(r.notes).toHaveLength(1);
    expect(noteText(r.notes![0]!)).toMatch(
      new RegExp(
        `^Account ${a.accountId}: credential report line \\d+ could not be read: .*not quoted \\(user \`eve,x\`\\?\\)`,
      ),
    );
    expect(noteText(r.notes![0]!)).not.toMatch(/proxy/);
    expect(t.warnings).toEqual(r.notes!.map(noteText));
  });

  test('a GetCredentialReport Content larger than the cap is refused with a clear error, not a proxy hint', async () => {
    const a = await seed(violators, { generated: true });
    const t = testDeps();
    const r = await auditAccount({
      accountId: a.accountId,
      credentials: a.credentials,
      config: config({ asOf: AS_OF }),
      deps: { ...t.deps, reportLimits: { ...DEFAULT_REPORT_LIMITS, maxReportBytes: 200 } },
    });
    expect(r.account.status).toBe('error');
    expect(r.account.error).toMatch(
      new RegExp(
        `^GetCredentialReport in account ${a.accountId} failed: the report is .* MB, over the 0\\.0 MB this action reads`,
      ),
    );
    expect(r.account.hint).toMatch(/larger than this action reads/);
    expect(r.account.hint).not.toMatch(/proxy/);
    expect(stack.aws.count('GetCredentialReport', a.accountId)).toBe(1); // not retried
  });

  test('ReportNotPresent forever after COMPLETE is said plainly, not "still generating"', async () => {
    const a = await seed(violators, { generated: true });
    const fault = stack.aws.fault({
      match: { action: 'GetCredentialReport', account: a.accountId },
      respond: {
        error: { status: 410, code: 'ReportNotPresent', message: 'Credential report not present' },
      },
    });
    const t = testDeps();
    try {
      const r = await auditAccount({
        accountId: a.accountId,
        credentials: a.credentials,
        config: config({ asOf: AS_OF }),
        deps: { ...t.deps, reportLimits: { ...DEFAULT_REPORT_LIMITS, maxWaitMs: 10_000 } },
      });
      expect(r.account.status).toBe('error');
      expect(r.account.error).toMatch(
        /^GetCredentialReport in account \d+ failed: GenerateCredentialReport answered COMPLETE, but GetCredentialReport answered (?:CredentialReportNotPresentException|ReportNotPresent) \d+ times over \d+s$/,
      );
      expect(r.account.error).not.toMatch(/still generating/);
      expect(r.account.hint).toMatch(/never served it/);
      expect(t.sleeps.reduce((x, y) => x + y, 0)).toBeLessThanOrEqual(10_000);
    } finally {
      fault.remove();
    }
  });

  test('a report still generating for 2 polls, then audited', async () => {
    const a = await seed(violators, { generated: true });
    const fault = stack.aws.fault({
      match: { action: 'GenerateCredentialReport', account: a.accountId },
      times: 2,
      respond: reportStarted(),
    });
    const t = testDeps();
    try {
      const r = await auditAccount({
        accountId: a.accountId,
        credentials: a.credentials,
        config: config({ asOf: AS_OF }),
        deps: t.deps,
      });
      expect(r.account.status).toBe('ok');
      expect(r.findings).toHaveLength(4);
      expectPollSleeps(t.sleeps, 2);
      expect(stack.aws.count('GenerateCredentialReport', a.accountId)).toBe(3);
    } finally {
      fault.remove();
    }
  });

  test('keys used or deactivated since the report are not findings: resolvedSinceReport', async () => {
    const a = await seed(violators, { generated: true });
    const erinKey = a.seeded.users.get('erin')!.keys[0]!.accessKeyId;
    const used = stack.aws.fault({
      match: { action: 'GetAccessKeyLastUsed', account: a.accountId, params: { AccessKeyId: erinKey } },
      respond: lastUsedAt(new Date(), 'iam', 'us-east-1'),
    });
    // alice's key deactivated after the report was generated: the live listing shows it Inactive
    const deactivated = stack.aws.fault({
      match: { action: 'ListAccessKeys', account: a.accountId, params: { UserName: 'alice' } },
      respond: { rewrite: (body) => body.replace('<Status>Active</Status>', '<Status>Inactive</Status>') },
    });
    const t = testDeps();
    try {
      const r = await auditAccount({
        accountId: a.accountId,
        credentials: a.credentials,
        config: config({ asOf: AS_OF }),
        deps: t.deps,
      });
      expect(r.account.status).toBe('ok');
      expect(r.account.resolvedSinceReport).toBe(2);
      expect(r.findings.map((f) => `${f.userName}/${f.keySlot}`)).toEqual(['bob/1', 'bob/2']);
      expect(used.hits).toBe(1);
      expect(deactivated.hits).toBe(1);
      expect(t.info.join('\n')).toContain('2 resolved since the report');
    } finally {
      used.remove();
      deactivated.remove();
    }
  });

  // Issue 19 §8.5: a user listed twice with different data counts once; every row is evaluated.
  test('a user listed twice in the report: counted once, and a key only the second row shows unused is found', async () => {
    const a = await seed([...compliantUsers(2), ...violators], { generated: true });
    // the report lists alice twice: first as if her key were in use, then as she is
    const twice = stack.aws.fault({
      match: { action: 'GetCredentialReport', account: a.accountId },
      respond: {
        rewrite: (body) =>
          body.replace(/<Content>([^<]*)<\/Content>/, (_, b64: string) => {
            const lines = Buffer.from(b64, 'base64').toString('utf8').split('\n');
            const used = lines[0]!.split(',').indexOf('access_key_1_last_used_date');
            const alice = lines.findIndex((l) => l.startsWith('alice,'));
            const usedRow = lines[alice]!.split(',');
            usedRow[used] = new Date().toISOString();
            lines.splice(alice, 0, usedRow.join(','));
            return `<Content>${Buffer.from(lines.join('\n')).toString('base64')}</Content>`;
          }),
      },
    });
    const t = testDeps();
    try {
      const r = await auditAccount({
        accountId: a.accountId,
        credentials: a.credentials,
        config: config({ asOf: AS_OF }),
        deps: t.deps,
      });
      expect(twice.hits).toBe(1);
      expect(r.account.status).toBe('ok');
      expect(r.account.usersScanned).toBe(5);
      expect(r.findings.map((f) => `${f.userName}/${f.keySlot}`)).toEqual([
        'alice/1',
        'erin/1',
        'bob/1',
        'bob/2',
      ]);
      expect(t.info.join('\n')).toContain(': 5 users, 4 findings');
    } finally {
      twice.remove();
    }
  });

  test('AccessDenied on GetCredentialReport: status error with a hint naming iam:GetCredentialReport', async () => {
    const a = await seed(violators, { alias: 'denied', generated: true });
    const fault = stack.aws.fault({
      match: { action: 'GetCredentialReport', account: a.accountId },
      respond: accessDenied('iam:GetCredentialReport', {
        principal: `arn:aws:sts::${a.accountId}:assumed-role/IamAudit/iam-initial-access-key-audit`,
      }),
    });
    const t = testDeps();
    try {
      const r = await auditAccount({
        accountId: a.accountId,
        credentials: a.credentials,
        config: config({ asOf: AS_OF }),
        deps: t.deps,
        roleArn: `arn:aws:iam::${a.accountId}:role/IamAudit`,
      });
      expect(r.findings).toEqual([]);
      expect(r.account.status).toBe('error');
      expect(r.account.usersScanned).toBe(0);
      expect(r.account.error).toMatch(
        /^GetCredentialReport in account \d{12} failed: AccessDenied: User: .*iam:GetCredentialReport/,
      );
      expect(r.account.hint).toContain('Allow iam:GetCredentialReport');
      expect(r.account.hint).toContain(`arn:aws:iam::${a.accountId}:role/IamAudit`);
      expect(t.warnings).toHaveLength(1);
      expect(t.warnings[0]).toContain('iam:GetCredentialReport');
      expect(stack.aws.count('ListAccessKeys', a.accountId)).toBe(0);
    } finally {
      fault.remove();
    }
  });

  test('AccessDenied on ListAccountAliases fails the account too (it is a required permission)', async () => {
    const a = await seed(violators, { generated: true });
    const fault = stack.aws.fault({
      match: { action: 'ListAccountAliases', account: a.accountId },
      respond: accessDenied('iam:ListAccountAliases'),
    });
    try {
      const r = await auditAccount({
        accountId: a.accountId,
        credentials: a.credentials,
        config: config({ asOf: AS_OF }),
        deps: testDeps().deps,
      });
      expect(r.account.status).toBe('error');
      expect(r.account.hint).toContain('Allow iam:ListAccountAliases');
    } finally {
      fault.remove();
    }
  });

  test('throttling bursts across the account are absorbed by the SDK retries', async () => {
    const a = await seed(violators, { generated: true });
    const faults = ['ListAccountAliases', 'GetAccessKeyLastUsed'].map((action) =>
      stack.aws.fault({ match: { action, account: a.accountId }, times: 1, respond: throttling() }),
    );
    try {
      const r = await auditAccount({
        accountId: a.accountId,
        credentials: a.credentials,
        config: config({ asOf: AS_OF }),
        deps: testDeps().deps,
      });
      expect(r.account.status).toBe('ok');
      expect(r.findings).toHaveLength(4);
      expect(faults.map((f) => f.hits)).toEqual([1, 1]);
    } finally {
      for (const f of faults) f.remove();
    }
  });

  test('a report of another account than the one audited is an error', async () => {
    const a = await seed(violators, { generated: true });
    const other = String(nextAccount++);
    const r = await auditAccount({
      accountId: other,
      credentials: a.credentials,
      config: config({ asOf: AS_OF }),
      deps: testDeps().deps,
    });
    expect(r.account.status).toBe('error');
    expect(r.account.accountId).toBe(other);
    expect(r.account.error).toContain(`the credential report is of account ${a.accountId}, not ${other}`);
    expect(r.findings).toEqual([]);
  });

  test('credentials that fail to resolve: an error, never a throw', async () => {
    const r = await auditAccount({
      accountId: '499999999999',
      credentials: async () => {
        throw Object.assign(new Error('Could not load credentials from any providers'), {
          name: 'CredentialsProviderError',
        });
      },
      config: config(),
      deps: testDeps().deps,
    });
    expect(r.account.status).toBe('error');
    expect(r.account.error).toContain('CredentialsProviderError');
    expect(r.account.hint).toMatch(/credentials were not accepted/);
  });

  describe('evidence of intent (docs/design.md §10): who made each flagged key, from a local CloudTrail', () => {
    let trail: CloudTrailServer;
    let saved: string | undefined;
    beforeEach(async () => {
      // no rate limit on the server: its clock is the real one, the client's the test's (the waits below)
      trail = await startCloudTrail({ accountOf: (k) => stack.aws.accountOf(k), ratePerSecond: Infinity });
      saved = process.env.AWS_ENDPOINT_URL_CLOUDTRAIL;
      process.env.AWS_ENDPOINT_URL_CLOUDTRAIL = trail.endpoint;
    });
    afterEach(async () => {
      if (saved === undefined) delete process.env.AWS_ENDPOINT_URL_CLOUDTRAIL;
      else process.env.AWS_ENDPOINT_URL_CLOUDTRAIL = saved;
      await trail.stop();
    });

    /** An account with: an administrator's console key, a key the user made, a key with a description, two keys of one user, one exempted by its own tag. */
    async function intentAccount() {
      const a = await seed([
        { name: 'alice', password: true, keys: 1 },
        { name: 'ivan', password: true, keys: 1 },
        { name: 'pat', password: true, keys: 2 },
      ]);
      const key = (name: string, i = 0): RealKey => {
        const k = a.seeded.users.get(name)!.keys[i]!;
        return {
          account: a.accountId,
          userName: name,
          accessKeyId: k.accessKeyId,
          keyCreatedAt: k.createDate.getTime(),
        };
      };
      trail.addEvents(a.accountId, [...madeInConsole(key('alice')), ...madeByTheUser(key('ivan'))]);
      const direct = new IAMClient({
        region: TEST_REGION,
        endpoint: stack.moto.endpoint,
        credentials: a.seeded.credentials,
      });
      await direct.send(
        new TagUserCommand({
          UserName: 'alice',
          Tags: [{ Key: key('alice').accessKeyId, Value: 'nightly export' }],
        }),
      );
      await direct.send(
        new TagUserCommand({
          UserName: 'pat',
          Tags: [
            { Key: `access-key-justification:${key('pat', 1).accessKeyId}`, Value: 'vendor upload, SEC-9' },
          ],
        }),
      );
      direct.destroy();
      return { ...a, key };
    }

    const audit = (
      a: { accountId: string; credentials: () => Promise<AwsCredentialIdentity> },
      t: ReturnType<typeof testDeps>,
      rule: Partial<RuleSettings> = {},
    ) =>
      auditAccount({
        accountId: a.accountId,
        credentials: a.credentials,
        config: config({ asOf: AS_OF, rule: { ...RULE, ...rule } }),
        deps: t.deps,
        roleArn: `arn:aws:iam::${a.accountId}:role/audit/IamAudit`,
      });

    test('scope at-setup: a key its user made is set aside, the others stay findings with the evidence', async () => {
      const a = await intentAccount();
      const t = testDeps();
      const r = await audit(a, t);
      expect(r.account.status).toBe('ok');
      const view = r.findings.map((f) => [
        f.userName,
        f.keySlot,
        f.keyCreation?.by ?? f.keyCreation?.unknownReason,
        f.keyCreation?.sameSessionAsUserCreation,
        f.keyDescription,
        f.selfCreated,
        f.exempted,
        isFailing(f),
      ]);
      expect(view).toEqual([
        ['alice', 1, 'assumed-role/Admin/bob', true, 'nightly export', false, false, true],
        ['ivan', 1, 'user/ivan', null, null, true, false, false],
        ['pat', 1, 'no CreateAccessKey event found', null, null, false, false, true],
        ['pat', 2, 'no CreateAccessKey event found', null, null, false, true, false],
      ]);
      expect(r.findings[0]!.keyCreation).toEqual({
        by: 'assumed-role/Admin/bob',
        self: false,
        sameSessionAsUserCreation: true,
        via: 'console',
        eventTime: expect.stringMatching(/Z$/),
        eventId: expect.any(String),
        unknownReason: null,
      });
      expect(r.findings[3]!.justification).toBe('vendor upload, SEC-9');
      expect(r.notes ?? []).toEqual([]);
      expect(t.info.join('\n')).toContain('3 users, 2 findings, 1 exempted, 1 made by their users');
      // one lookup per key, and alice's user events (her key's session could have made her): the keys not
      // exempted first (the lookups are bounded), one wait of the rate limit between calls
      expect(trail.calls.map((c) => c.attributes[0]?.AttributeValue)).toEqual([
        a.key('alice').accessKeyId,
        'alice',
        a.key('ivan').accessKeyId,
        a.key('pat', 0).accessKeyId,
        a.key('pat', 1).accessKeyId,
      ]);
      expect(trail.calls.every((c) => c.region === 'us-east-1')).toBe(true);
      expect(t.lookupWaits).toHaveLength(trail.calls.length - 1);
      expectPollSleeps(t.sleeps, 1); // a fresh moto account answers STARTED first: one poll, then the lookups

      // scope any: the key its user made is a finding too, with the same evidence
      const any = await audit(a, testDeps(), { scope: 'any' });
      const ivan = any.findings.find((f) => f.userName === 'ivan')!;
      expect([ivan.keyCreation?.self, ivan.selfCreated, isFailing(ivan)]).toEqual([true, false, true]);
    });

    test('a role without cloudtrail:LookupEvents: audited exactly as before, with one note naming the permission', async () => {
      const a = await intentAccount();
      const denied = trail.fail({ respond: accessDeniedError() });
      const t = testDeps();
      const r = await audit(a, t);
      expect(r.account.status).toBe('ok');
      expect(denied.hits).toBe(1); // the first denial stops the account's lookups
      expect(
        r.findings.map((f) => [
          f.userName,
          f.keySlot,
          f.keyCreation?.unknownReason,
          f.selfCreated,
          isFailing(f),
        ]),
      ).toEqual([
        ['alice', 1, 'no permission (cloudtrail:LookupEvents)', false, true],
        ['ivan', 1, 'no permission (cloudtrail:LookupEvents)', false, true],
        ['pat', 1, 'no permission (cloudtrail:LookupEvents)', false, true],
        ['pat', 2, 'no permission (cloudtrail:LookupEvents)', false, false],
      ]);
      expect(r.findings[0]!.keyDescription).toBe('nightly export'); // a tag, not CloudTrail
      expect((r.notes ?? []).map(noteText)).toEqual([
        `Account \`${a.accountId}\`: who made its 4 flagged keys is unknown: the role \`arn:aws:iam::${a.accountId}:role/audit/IamAudit\` may not call \`cloudtrail:LookupEvents\` (in \`us-east-1\`). Allow it (the optional statement of docs/aws-setup.md; check service control policies too) to read each key's CreateAccessKey event; meanwhile the time test alone decides.`,
      ]);
      expect(t.warnings).toEqual((r.notes ?? []).map(noteText));
      // the IAM calls are those of an audit without CloudTrail
      expect(stack.aws.counts(a.accountId)).toMatchObject({
        ListAccessKeys: 3,
        ListUserTags: 3,
        GetAccessKeyLastUsed: 4,
      });
    });

    test("a key older than CloudTrail's 90 days makes no call: the time test alone decides", async () => {
      const accountId = String(nextAccount++);
      const seeded = await seedAccount(
        stack.moto.endpoint,
        accountId,
        [{ name: 'olga', password: true, keys: 1 }],
        {
          ageDays: 100,
        },
      );
      stack.aws.registerKey(seeded.credentials.accessKeyId, accountId);
      const r = await audit({ accountId, credentials: async () => seeded.credentials }, testDeps());
      expect(r.findings.map((f) => [f.userName, f.keyCreation?.unknownReason, isFailing(f)])).toEqual([
        ['olga', "older than CloudTrail's 90 days", true],
      ]);
      expect(trail.calls).toEqual([]);
    });
  });
});
