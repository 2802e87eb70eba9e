/**
 * End to end, evidence of intent (docs/design.md §10, issue 22): the bundled dist/index.js run as the Actions
 * runner runs it, against moto (IAM, STS) behind the proxy, the local Actions ID-token endpoint, the local
 * GitHub API, and a local CloudTrail (helpers/cloudtrail-server.ts; moto has no LookupEvents) that the
 * step reaches through the SDK's own `AWS_ENDPOINT_URL_CLOUDTRAIL`.
 *
 * One account holds every case: an administrator's console key made with the user (with a description
 * tag), a Terraform key, a key the user made themself, a key older than CloudTrail's 90 days, a user with
 * two keys one of which is exempted by its own tag, and a user exempted by the user-wide tag. A second
 * account's role may not call `cloudtrail:LookupEvents`.
 */
import { afterAll, afterEach, beforeAll, beforeEach, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { GenerateCredentialReportCommand, IAMClient, TagUserCommand } from '@aws-sdk/client-iam';
import { SecurityHubClient, paginateGetFindings, type AwsSecurityFinding } from '@aws-sdk/client-securityhub';
import type { Log, Result } from 'sarif';
import type { JsonFinding, JsonReport } from '../../src/report/json.js';
import { parseRecords } from '../../src/evaluate/issue-records.js';
import { startGitHubServer, type GitHubServer } from '../helpers/github-server.js';
import { accessDeniedError, startCloudTrail, type CloudTrailServer } from '../helpers/cloudtrail-server.js';
import {
  describeWithMoto,
  motoCredentials,
  resetMoto,
  seedAccount,
  TEST_REGION,
  type SeededAccount,
} from '../helpers/moto.js';
import { liveStack } from '../helpers/live-env.js';
import { assertDistFresh, runAction, stepAwsEnv, type RunResult } from '../helpers/run-dist.js';
import {
  madeByTerraform,
  madeByTheUser,
  madeInConsole,
  type RealKey,
} from '../fixtures/cloudtrail-events.js';

const AUDIT_ACCOUNT = '111111111111';
const ROLE = `arn:aws:iam::${AUDIT_ACCOUNT}:role/gha-iam-audit`;
const MEMBER_ROLE = 'audit/IamAudit';
const GOOD = '222222222222';
const NO_CLOUDTRAIL = '333333333333';
const GITHUB_TOKEN = 'ghs_e2eIntentWorkflowToken0123456789abcd';
const TAG = 'access-key-justification';
/** After moto's "now" keys (moto's own report time is 2015): the per-key `expires=` is compared with it. */
const AS_OF = new Date(Date.now() + 86_400_000).toISOString().replace(/\.\d{3}Z$/, 'Z');

function readJson(run: RunResult): JsonReport {
  return JSON.parse(readFileSync(join(run.dir, 'iam-initial-access-keys.json'), 'utf8')) as JsonReport;
}

function readResults(run: RunResult): Result[] {
  const log = JSON.parse(readFileSync(join(run.dir, 'iam-initial-access-keys.sarif'), 'utf8')) as Log;
  return log.runs[0]?.results ?? [];
}

/** Nothing on stderr but Node's own warnings (the AWS SDK's NodeVersionSupportWarning on Node 20). */
function expectQuietStderr(run: RunResult): void {
  const rest = run.stderr
    .replace(/\(node:\d+\) Warning: NodeVersionSupportWarning:[\s\S]*?https:\/\/a\.co\/\S+\n?/g, '')
    .replace(/\(Use `node --trace-warnings \.\.\.` to show where the warning was created\)\n?/g, '');
  expect(rest.trim()).toBe('');
}

describeWithMoto('dist/index.js live: who made each flagged key, from CloudTrail (issue 22)', () => {
  beforeAll(assertDistFresh);
  const stack = liveStack({ oidc: true, pointSdk: false });
  let gh: GitHubServer;
  let trail: CloudTrailServer;

  beforeAll(async () => {
    gh = await startGitHubServer({ owner: 'octo-org', repo: 'security-audits' });
  }, 60_000);
  afterAll(async () => {
    await gh?.stop();
  });
  beforeEach(async () => {
    await resetMoto(stack.moto.endpoint);
    stack.aws.clearFaults();
    stack.aws.resetCalls();
    gh.issues.length = 0;
    gh.alerts.length = 0;
    gh.labels.clear();
    gh.clearRequests();
    // the account of a call is that of its credentials, as the proxy learned them from AssumeRole; no
    // rate limit here (the step's own pacing is checked on the calls' arrival times below)
    trail = await startCloudTrail({ accountOf: (k) => stack.aws.accountOf(k), ratePerSecond: Infinity });
  });
  afterEach(async () => {
    await trail.stop();
  });

  /** The keys of an account by user name (slot 1 first), as CloudTrail's events name them. */
  function keysOf(account: SeededAccount): (name: string, slot?: number) => RealKey {
    return (name, slot = 1) => {
      const k = account.users.get(name)!.keys[slot - 1]!;
      return {
        account: account.accountId,
        userName: name,
        accessKeyId: k.accessKeyId,
        keyCreatedAt: k.createDate.getTime(),
      };
    };
  }

  async function direct(account: SeededAccount, fn: (iam: IAMClient) => Promise<void>): Promise<void> {
    const iam = new IAMClient({
      region: TEST_REGION,
      endpoint: stack.moto.endpoint,
      credentials: account.credentials,
    });
    try {
      await fn(iam);
    } finally {
      iam.destroy();
    }
  }

  /** Both accounts, their CloudTrail events and tags, and a report ready for the step's first poll. */
  async function seed() {
    const good = await seedAccount(stack.moto.endpoint, GOOD, [
      { name: 'alice', password: true, keys: 1 },
      { name: 'terry', password: true, keys: 1 },
      { name: 'ivan', password: true, keys: 1 },
      { name: 'pat', password: true, keys: 2 },
      { name: 'erin', password: true, keys: 1, tags: { [TAG]: 'break-glass for the on-call' } },
    ]);
    // made 100 days ago (moto's IAM clock set back): older than CloudTrail's history
    const old = await seedAccount(stack.moto.endpoint, GOOD, [{ name: 'olga', password: true, keys: 1 }], {
      ageDays: 100,
    });
    const other = await seedAccount(stack.moto.endpoint, NO_CLOUDTRAIL, [
      { name: 'dan', password: true, keys: 1 },
    ]);
    const key = keysOf(good);
    const olga = keysOf(old)('olga');
    const dan = keysOf(other)('dan');
    const events = [
      ...madeInConsole(key('alice')),
      ...madeByTerraform(key('terry')),
      ...madeByTheUser(key('ivan')),
      // what an event of olga's key would look like: never asked for (older than the history)
      ...madeInConsole(olga),
    ];
    trail.addEvents(GOOD, events);
    trail.addEvents(NO_CLOUDTRAIL, madeInConsole(dan));
    await direct(good, async (iam) => {
      // the console's description of alice's key, and pat's second key exempted by its own tag
      await iam.send(
        new TagUserCommand({
          UserName: 'alice',
          Tags: [{ Key: key('alice').accessKeyId, Value: 'nightly export' }],
        }),
      );
      await iam.send(
        new TagUserCommand({
          UserName: 'pat',
          Tags: [{ Key: `${TAG}:${key('pat', 2).accessKeyId}`, Value: 'vendor upload, SEC-9' }],
        }),
      );
      await iam.send(new GenerateCredentialReportCommand({}));
    });
    await direct(other, async (iam) => {
      await iam.send(new GenerateCredentialReportCommand({}));
    });
    // the role in NO_CLOUDTRAIL may not read the account's event history
    trail.fail({ when: (c) => c.account === NO_CLOUDTRAIL, respond: accessDeniedError() });
    /** The CreateAccessKey event of a key. */
    const eventOf = (k: RealKey) =>
      events.find(
        (e) =>
          e.eventName === 'CreateAccessKey' &&
          (e.responseElements as { accessKey: { accessKeyId: string } }).accessKey.accessKeyId ===
            k.accessKeyId,
      )!;
    return { key, olga, dan, eventOf };
  }

  function run(extra: Record<string, string> = {}): Promise<RunResult> {
    return runAction({
      inputs: {
        'role-to-assume': ROLE,
        accounts: [GOOD, NO_CLOUDTRAIL].join('\n'),
        'account-role-name': MEMBER_ROLE,
        'as-of': AS_OF,
        'github-token': GITHUB_TOKEN,
        'create-issues': 'true',
        ...extra,
      },
      env: {
        ...stepAwsEnv(stack.aws.endpoint),
        AWS_ENDPOINT_URL_CLOUDTRAIL: trail.endpoint,
        GITHUB_API_URL: gh.url,
        GITHUB_REPOSITORY: `${gh.owner}/${gh.repo}`,
        GITHUB_REF: 'refs/heads/main',
        ...stack.oidc.env,
      },
      timeoutMs: 90_000,
    });
  }

  const issueOf = (name: string) => gh.issues.find((i) => i.title.includes(`\`${name}\``));

  /** The account's Security Hub findings by user name, read from its own Security Hub at moto. */
  async function hubFindings(accountId: string): Promise<Map<string, AwsSecurityFinding>> {
    const credentials = await motoCredentials(stack.moto.endpoint, accountId);
    const client = new SecurityHubClient({ region: TEST_REGION, endpoint: stack.moto.endpoint, credentials });
    try {
      const out = new Map<string, AwsSecurityFinding>();
      for await (const page of paginateGetFindings({ client }, {})) {
        for (const f of page.Findings ?? [])
          out.set(f.ProductFields!['iam-initial-access-key-audit/userName']!, f);
      }
      return out;
    } finally {
      client.destroy();
    }
  }
  const madeBy = (f: AwsSecurityFinding | undefined) =>
    ['by', 'via', 'self'].map(
      (k) => f?.ProductFields?.[`iam-initial-access-key-audit/keyCreation.${k}`] ?? '-',
    );

  it('reports who made each key in the JSON, SARIF, summary and issues; a key its user made is no finding under at-setup, is one under any', async () => {
    const { key, olga, dan, eventOf } = await seed();

    // ---- scope: at-setup (the default)
    const first = await run();
    let json: JsonReport;
    try {
      expect(first.code).toBe(1);
      expectQuietStderr(first);
      // alice, terry, pat's first key, olga (time test alone), dan (no CloudTrail): ivan's own key is not counted
      expect(first.outputs).toEqual(
        expect.objectContaining({
          findings: '5',
          'violating-users': '5',
          exempted: '2',
          'accounts-audited': '2',
          'accounts-failed': '0',
          'issues-opened': '5',
        }),
      );
      json = readJson(first);
      const by = (name: string, slot = 1) =>
        json.findings.find((f) => f.userName === name && f.keySlot === slot) as JsonFinding;
      const unknown = (unknownReason: string) => ({
        by: null,
        self: null,
        sameSessionAsUserCreation: null,
        via: null,
        eventTime: null,
        eventId: null,
        unknownReason,
      });
      expect(by('alice')).toMatchObject({
        keyCreation: {
          by: 'assumed-role/Admin/bob',
          self: false,
          sameSessionAsUserCreation: true,
          via: 'console',
          eventTime: eventOf(key('alice')).eventTime,
          eventId: eventOf(key('alice')).eventID,
          unknownReason: null,
        },
        keyDescription: 'nightly export',
        selfCreated: false,
        exempted: false,
      });
      expect(by('terry')).toMatchObject({
        keyCreation: {
          by: 'assumed-role/terraform-deploy/GitHubActions',
          self: false,
          sameSessionAsUserCreation: true,
          via: 'terraform',
          unknownReason: null,
        },
        keyDescription: null,
        selfCreated: false,
      });
      expect(by('ivan')).toMatchObject({
        keyCreation: { by: 'user/ivan', self: true, via: 'console', unknownReason: null },
        selfCreated: true,
        exempted: false,
      });
      expect(by('pat', 1)).toMatchObject({
        keyCreation: unknown('no CreateAccessKey event found'),
        exempted: false,
        selfCreated: false,
      });
      expect(by('pat', 2)).toMatchObject({ exempted: true, justification: 'vendor upload, SEC-9' });
      expect(by('erin')).toMatchObject({ exempted: true, justification: 'break-glass for the on-call' });
      expect(by('olga')).toMatchObject({
        keyCreation: unknown("older than CloudTrail's 90 days"),
        exempted: false,
        selfCreated: false,
      });
      expect(by('dan')).toMatchObject({
        accountId: NO_CLOUDTRAIL,
        keyCreation: unknown('no permission (cloudtrail:LookupEvents)'),
        exempted: false,
        selfCreated: false,
      });
      expect(json.schemaVersion).toBe(1);

      // ---- SARIF: results for the findings only, each carrying keyCreation as the JSON has it
      const results = readResults(first);
      const names = results.map((r) => `${r.properties?.userName}/${r.properties?.keySlot}`).sort();
      expect(names).toEqual(['alice/1', 'dan/1', 'olga/1', 'pat/1', 'terry/1']);
      const alice = results.find((r) => r.properties?.userName === 'alice')!;
      expect(alice.properties).toMatchObject({
        keyCreation: by('alice').keyCreation,
        keyDescription: 'nightly export',
        selfCreated: false,
      });

      // ---- the job summary: a line per finding, ivan's key in its own short section, one note for dan's account
      const summary = first.summary;
      const row = (name: string) =>
        summary.split('\n').find((l) => l.startsWith('|') && l.includes(`\`${name}\``))!;
      expect(row('alice')).toContain(
        'made by `assumed-role/Admin/bob` in the console, in the same session as the user · description: `nightly export`',
      );
      expect(row('terry')).toContain(
        'made by `assumed-role/terraform-deploy/GitHubActions` with Terraform, in the same session as the user',
      );
      expect(row('olga')).toContain('who made the key is unknown: older than CloudTrail&#39;s 90 days');
      expect(row('dan')).toContain(
        'who made the key is unknown: no permission \\(cloudtrail:LookupEvents\\)',
      );
      const own = summary.slice(summary.indexOf('#### Keys their users made'));
      expect(own).toContain(
        `- \`ivan\` in \`${GOOD}\`, key \`${key('ivan').accessKeyId}\`: made by the user themself \\(\`user/ivan\`\\) in the console`,
      );
      expect(summary.slice(0, summary.indexOf('#### Keys their users made'))).not.toContain('`ivan`');
      const notes = summary
        .slice(summary.indexOf('#### Notes'))
        .split('\n')
        .filter((l) => l.startsWith('- '));
      // as rendered: Markdown escapes and entities undone
      const rendered = (l: string) => l.replace(/\\(.)/g, '$1').replace(/&#39;/g, "'");
      expect(notes.filter((l) => l.includes('cloudtrail:LookupEvents')).map(rendered)).toEqual([
        `- Account \`${NO_CLOUDTRAIL}\`: who made its 1 flagged key is unknown: the role \`arn:aws:iam::${NO_CLOUDTRAIL}:role/${MEMBER_ROLE}\` may not call \`cloudtrail:LookupEvents\` (in \`us-east-1\`). Allow it (the optional statement of docs/aws-setup.md; check service control policies too) to read each key's CreateAccessKey event; meanwhile the time test alone decides.`,
      ]);

      // ---- issues: one per violating user, each key with who made it; none for ivan
      expect(gh.issues.map((i) => i.title).some((t) => t.includes('`ivan`'))).toBe(false);
      expect(issueOf('alice')!.body).toContain(
        '  - made by `assumed-role/Admin/bob` in the console, in the same session as the user · description: `nightly export`',
      );
      expect(issueOf('dan')!.body).toContain(
        '  - who made the key is unknown: no permission \\(cloudtrail:LookupEvents\\)',
      );

      // ---- the lookups: CloudTrail's IAM region, 2 per second per account at most, nothing for olga's key,
      // one call (denied) for the account without the permission
      expect(trail.calls.every((c) => c.region === 'us-east-1')).toBe(true);
      const good = trail.calls.filter((c) => c.account === GOOD);
      expect(good.map((c) => c.attributes[0]?.AttributeValue)).toEqual(
        expect.arrayContaining([
          key('alice').accessKeyId,
          'alice',
          key('terry').accessKeyId,
          'terry',
          key('ivan').accessKeyId,
        ]),
      );
      expect(good.some((c) => c.attributes[0]?.AttributeValue === olga.accessKeyId)).toBe(false);
      for (let i = 1; i < good.length; i++) expect(good[i]!.at - good[i - 1]!.at).toBeGreaterThanOrEqual(450);
      expect(trail.calls.filter((c) => c.account === NO_CLOUDTRAIL).map((c) => c.error)).toEqual([
        'AccessDeniedException',
      ]);
      expect(trail.calls.some((c) => c.attributes[0]?.AttributeValue === dan.accessKeyId)).toBe(true);
      // the IAM calls are those of an audit without CloudTrail: 3 + 2 per flagged user + 1 per flagged key
      expect(stack.aws.counts(GOOD)).toEqual({
        GenerateCredentialReport: 1,
        GetCredentialReport: 1,
        ListAccountAliases: 1,
        ListAccessKeys: 6,
        ListUserTags: 6,
        GetAccessKeyLastUsed: 7,
      });
    } finally {
      first.cleanup();
    }

    // ---- scope: any: ivan's own unused key is a finding too, with the evidence; his issue is opened; each
    // key's Security Hub finding carries who made it
    const any = await run({ scope: 'any', 'security-hub': 'true' });
    try {
      expect(any.outputs).toEqual(
        expect.objectContaining({ findings: '6', exempted: '2', 'issues-opened': '1' }),
      );
      const ivan = readJson(any).findings.find((f) => f.userName === 'ivan')!;
      expect(ivan).toMatchObject({ selfCreated: false, keyCreation: { self: true, by: 'user/ivan' } });
      const result = readResults(any).find((r) => r.properties?.userName === 'ivan')!;
      expect(result.properties).toMatchObject({
        keyCreation: { self: true, by: 'user/ivan' },
        selfCreated: false,
      });
      expect(any.summary).not.toContain('#### Keys their users made');
      expect(issueOf('ivan')!.body).toContain(
        '  - made by the user themself \\(`user/ivan`\\) in the console',
      );
    } finally {
      any.cleanup();
    }
    const hub = await hubFindings(GOOD);
    expect(madeBy(hub.get('alice'))).toEqual(['assumed-role/Admin/bob', 'console', 'false']);
    expect(madeBy(hub.get('terry'))).toEqual([
      'assumed-role/terraform-deploy/GitHubActions',
      'terraform',
      'false',
    ]);
    expect(madeBy(hub.get('ivan'))).toEqual(['user/ivan', 'console', 'true']);
    expect(hub.get('ivan')).toMatchObject({ RecordState: 'ACTIVE', Compliance: { Status: 'FAILED' } });
    // unknown: left out of ProductFields
    expect(madeBy(hub.get('olga'))).toEqual(['-', '-', '-']);

    // ---- scope: at-setup again: ivan's issue is closed like an exemption, saying who made the key, and his
    // Security Hub finding is archived as passed, resolution self-created
    const again = await run({ 'security-hub': 'true' });
    try {
      expect(again.outputs).toEqual(expect.objectContaining({ findings: '5', 'issues-closed': '1' }));
      const ivan = issueOf('ivan')!;
      expect(ivan.state).toBe('closed');
      expect(ivan.state_reason).toBe('not_planned');
      const closing = gh.commentBodies(ivan.number).at(-1)!;
      expect(parseRecords(closing).map((r) => `${r.kind}:${r.reason}`)).toEqual(['closed:exempted']);
      expect(closing).toContain('CloudTrail shows that the user made this key themself');
      expect(closing).toContain(
        `- the access key in slot 1 (\`${key('ivan').accessKeyId}\`): made by the user themself \\(\`user/ivan\`\\) in the console`,
      );
    } finally {
      again.cleanup();
    }
    const archived = (await hubFindings(GOOD)).get('ivan');
    expect(archived).toMatchObject({ RecordState: 'ARCHIVED', Compliance: { Status: 'PASSED' } });
    expect(archived!.ProductFields!['iam-initial-access-key-audit/resolution']).toBe('self-created');
    expect((await hubFindings(GOOD)).get('alice')).toMatchObject({ RecordState: 'ACTIVE' });
  }, 180_000);
});
