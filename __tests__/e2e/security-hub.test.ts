/**
 * End to end: dist/index.js with `security-hub: true`, run as the runner runs it, signed in with GitHub
 * OIDC and chaining into two member accounts at moto (behind the proxy). Each account's findings are
 * read back from that account's own Security Hub; a repeat run duplicates nothing; a deleted key's
 * finding is archived.
 */
import { beforeAll, beforeEach, expect, it } from '@jest/globals';
import { existsSync } from 'node:fs';
import { DeleteAccessKeyCommand, GenerateCredentialReportCommand, IAMClient } from '@aws-sdk/client-iam';
import { SecurityHubClient, paginateGetFindings, type AwsSecurityFinding } from '@aws-sdk/client-securityhub';
import { liveStack } from '../helpers/live-env.js';
import {
  describeWithMoto,
  motoCredentials,
  resetMoto,
  seedAccount,
  TEST_REGION,
  type SeededAccount,
  type SeedUser,
} from '../helpers/moto.js';
import { ACTION_ENTRY, runAction, type RunResult, stepAwsEnv } from '../helpers/run-dist.js';

const AUDIT_ACCOUNT = '111111111111';
const ROLE = `arn:aws:iam::${AUDIT_ACCOUNT}:role/gha-iam-audit`;
const MEMBERS = ['222222222222', '333333333333'];
const AS_OF = new Date(Date.now() + 200 * 86_400_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
const USERS: SeedUser[] = [
  { name: 'alice', password: true, keys: 1 },
  { name: 'bob', path: '/staff/', password: true, keys: [{ use: true }] },
  { name: 'erin', password: true, keys: 1, tags: { 'access-key-justification': 'on-call break-glass' } },
  { name: 'svc-deploy', keys: 1 },
];

describeWithMoto('dist/index.js with security-hub against moto', () => {
  const stack = liveStack({ oidc: true, pointSdk: false });
  const seeded = new Map<string, SeededAccount>();

  beforeAll(() => {
    if (!existsSync(ACTION_ENTRY)) throw new Error('dist/ is missing: run `npm run build` first');
  });

  beforeEach(async () => {
    await resetMoto(stack.moto.endpoint);
    stack.aws.clearFaults();
    stack.aws.resetCalls();
    seeded.clear();
    for (const id of MEMBERS) {
      const account = await seedAccount(stack.moto.endpoint, id, USERS);
      const iam = new IAMClient({
        region: TEST_REGION,
        endpoint: stack.moto.endpoint,
        credentials: account.credentials,
      });
      await iam.send(new GenerateCredentialReportCommand({}));
      iam.destroy();
      seeded.set(id, account);
    }
  });

  function run(): Promise<RunResult> {
    return runAction({
      inputs: {
        'role-to-assume': ROLE,
        accounts: MEMBERS.join(','),
        'account-role-name': 'audit/IamAudit',
        'as-of': AS_OF,
        'fail-on': 'never',
        'security-hub': 'true',
      },
      env: {
        ...stepAwsEnv(stack.aws.endpoint),
        ...stack.oidc.env,
      },
      timeoutMs: 90_000,
    });
  }

  /** The account's findings, read from its own Security Hub at moto. */
  async function findingsOf(accountId: string): Promise<AwsSecurityFinding[]> {
    const credentials = await motoCredentials(stack.moto.endpoint, accountId);
    const client = new SecurityHubClient({ region: TEST_REGION, endpoint: stack.moto.endpoint, credentials });
    try {
      const out: AwsSecurityFinding[] = [];
      for await (const page of paginateGetFindings({ client }, {})) out.push(...(page.Findings ?? []));
      return out.sort((a, b) => (a.Title! < b.Title! ? -1 : 1));
    } finally {
      client.destroy();
    }
  }

  const userOf = (f: AwsSecurityFinding) => f.ProductFields?.['iam-initial-access-key-audit/userName'];

  it('imports each account’s findings from that account, re-imports without duplicates, archives a deleted key', async () => {
    const first = await run();
    try {
      expect(first.code).toBe(0);
      expect(first.outputs).toMatchObject({
        findings: '4',
        'security-hub-imported': '4',
        'security-hub-archived': '0',
      });
      expect(first.stdout).not.toMatch(/^::warning::Security Hub/m);
    } finally {
      first.cleanup();
    }
    // every import was signed by the account itself
    for (const id of MEMBERS) expect(stack.aws.count('BatchImportFindings', id)).toBe(1);
    expect(stack.aws.count('BatchImportFindings', AUDIT_ACCOUNT)).toBe(0);

    const before = new Map<string, AwsSecurityFinding[]>();
    for (const id of MEMBERS) {
      const found = await findingsOf(id);
      before.set(id, found);
      expect(found.map(userOf)).toEqual(['alice', 'bob']);
      for (const f of found) {
        expect(f).toMatchObject({
          AwsAccountId: id,
          ProductArn: `arn:aws:securityhub:${TEST_REGION}:${id}:product/${id}/default`,
          GeneratorId: 'iam-initial-access-key',
          RecordState: 'ACTIVE',
          Compliance: { Status: 'FAILED' },
        });
      }
      const alice = found[0]!;
      const key = seeded.get(id)!.users.get('alice')!.keys[0]!.accessKeyId;
      expect(alice.Resources?.[0]).toMatchObject({ Type: 'AwsIamAccessKey', Id: key });
      expect(alice.Resources?.[1]).toMatchObject({ Type: 'AwsIamUser', Id: `arn:aws:iam::${id}:user/alice` });
    }

    // Same findings again: the same Ids updated in place, nothing new, creation times kept.
    const second = await run();
    try {
      expect(second.outputs).toMatchObject({ 'security-hub-imported': '4', 'security-hub-archived': '0' });
    } finally {
      second.cleanup();
    }
    for (const id of MEMBERS) {
      const found = await findingsOf(id);
      expect(found.map((f) => f.Id)).toEqual(before.get(id)!.map((f) => f.Id));
      expect(found.map((f) => f.CreatedAt)).toEqual(before.get(id)!.map((f) => f.CreatedAt));
      for (const [i, f] of found.entries()) {
        expect(Date.parse(f.UpdatedAt!)).toBeGreaterThan(Date.parse(before.get(id)![i]!.UpdatedAt!));
      }
    }

    // alice deletes her key in the first account: her finding there is archived, nothing else changes
    const [target] = MEMBERS as [string, string];
    const account = seeded.get(target)!;
    const iam = new IAMClient({
      region: TEST_REGION,
      endpoint: stack.moto.endpoint,
      credentials: account.credentials,
    });
    await iam.send(
      new DeleteAccessKeyCommand({
        UserName: 'alice',
        AccessKeyId: account.users.get('alice')!.keys[0]!.accessKeyId,
      }),
    );
    await iam.send(new GenerateCredentialReportCommand({}));
    iam.destroy();
    const third = await run();
    try {
      expect(third.outputs).toMatchObject({ 'security-hub-imported': '3', 'security-hub-archived': '1' });
    } finally {
      third.cleanup();
    }
    const after = await findingsOf(target);
    expect(after).toHaveLength(2);
    expect(after.map((f) => [userOf(f), f.RecordState, f.Compliance?.Status])).toEqual([
      ['alice', 'ARCHIVED', 'PASSED'],
      ['bob', 'ACTIVE', 'FAILED'],
    ]);
    expect((await findingsOf(MEMBERS[1]!)).map((f) => f.RecordState)).toEqual(['ACTIVE', 'ACTIVE']);
  }, 240_000);

  it('Security Hub not enabled in one account: a warning naming it; the other account and the reports are fine', async () => {
    const [off, on] = MEMBERS as [string, string];
    stack.aws.fault({
      match: { action: 'GetFindings', account: off },
      respond: {
        error: {
          status: 403,
          code: 'InvalidAccessException',
          message: `Account ${off} is not subscribed to AWS Security Hub`,
        },
      },
    });
    const r = await run();
    try {
      expect(r.code).toBe(0);
      expect(r.outputs).toMatchObject({
        'accounts-audited': '2',
        findings: '4',
        'security-hub-imported': '2',
      });
      expect(r.stdout).toMatch(
        new RegExp(
          `^::warning::Security Hub, account ${off} \\(us-east-1\\): Security Hub is not enabled there`,
          'm',
        ),
      );
      expect(existsSync(`${r.dir}/iam-initial-access-keys.sarif`)).toBe(true);
      // the job summary says what Security Hub took, and which account it did not
      expect(r.summary).toContain('#### AWS Security Hub');
      expect(r.summary).toContain('2 active findings imported, 0 findings archived, 1 warning.');
      const hub = r.summary.slice(r.summary.indexOf('#### AWS Security Hub'));
      expect(hub).toMatch(
        new RegExp(`^- ⚠️ Security Hub, account ${off} .*Security Hub is not enabled there`, 'm'),
      );
    } finally {
      r.cleanup();
    }
    expect(await findingsOf(off)).toEqual([]);
    expect(await findingsOf(on)).toHaveLength(2);
  }, 120_000);
});
