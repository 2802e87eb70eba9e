/**
 * src/publish/security-hub.ts against moto's Security Hub, through the call-counting, fault-injecting
 * proxy: batches of 100, every GetFindings page, archiving, the client-side filter (moto ignores
 * GetFindings filters), FailedFindings, Security Hub not enabled, and a denied permission — each a
 * warning naming the account, with the other accounts unaffected.
 */
import { beforeEach, expect, it } from '@jest/globals';
import {
  BatchImportFindingsCommand,
  SecurityHubClient,
  paginateGetFindings,
  type AwsSecurityFinding,
} from '@aws-sdk/client-securityhub';
import type { AwsCredentialIdentity } from '@smithy/types';
import type { Finding } from '../../../src/model.js';
import { SECURITY_HUB_ACTIONS } from '../../../src/aws/operations.js';
import { publishToSecurityHub, type SecurityHubOptions } from '../../../src/publish/security-hub.js';
import { activeFinding, asffId } from '../../../src/report/asff.js';
import { accessDenied } from '../../helpers/aws-proxy.js';
import { liveStack } from '../../helpers/live-env.js';
import {
  describeWithMoto,
  motoCredentials,
  resetMoto,
  TEST_CREDENTIALS,
  TEST_REGION,
} from '../../helpers/moto.js';
import {
  ACCOUNT_ID,
  GENERATED_AT,
  locationFor,
  makeAccount,
  makeFinding,
  makeResult,
} from '../../helpers/results.js';
import { noteText } from '../../../src/notes.js';

const OTHER = '222222222222';
const LATER = '2025-06-02T02:00:00.000Z';

/** `n` failing keys of distinct users in `accountId`. */
function findings(accountId: string, n: number, prefix = 'user'): Finding[] {
  return Array.from({ length: n }, (_, i) => {
    const userName = `${prefix}-${String(i).padStart(3, '0')}`;
    const userArn = `arn:aws:iam::${accountId}:user/${userName}`;
    return makeFinding({
      accountId,
      userName,
      userArn,
      accessKeyId: `AKIA${accountId}${String(i).padStart(4, '0')}`,
      location: locationFor(accountId, userArn, '2024-01-10T09:00:12.000Z'),
    });
  });
}

describeWithMoto('Security Hub import against moto', () => {
  const stack = liveStack();
  let creds: Map<string, AwsCredentialIdentity>;
  let warnings: string[];

  beforeEach(async () => {
    await resetMoto(stack.moto.endpoint);
    stack.aws.clearFaults();
    stack.aws.resetCalls();
    warnings = [];
    const other = await motoCredentials(stack.moto.endpoint, OTHER);
    stack.aws.registerKey(other.accessKeyId, OTHER);
    creds = new Map([
      [ACCOUNT_ID, TEST_CREDENTIALS],
      [OTHER, other],
    ]);
  });

  function options(
    over: Partial<SecurityHubOptions> & Pick<SecurityHubOptions, 'result'>,
  ): SecurityHubOptions {
    return {
      credentialsFor: (accountId) => async () => creds.get(accountId)!,
      roleArnFor: (accountId) => `arn:aws:iam::${accountId}:role/audit/IamAudit`,
      region: TEST_REGION,
      partition: 'aws',
      concurrency: 2,
      toolVersion: '0.1.0',
      log: { info: () => undefined, warning: (m) => warnings.push(m) },
      ...over,
    };
  }

  /** What moto holds for the account, read straight from moto (not through the proxy). */
  async function stored(accountId: string): Promise<AwsSecurityFinding[]> {
    const client = new SecurityHubClient({
      region: TEST_REGION,
      endpoint: stack.moto.endpoint,
      credentials: creds.get(accountId)!,
    });
    try {
      const out: AwsSecurityFinding[] = [];
      for await (const page of paginateGetFindings({ client }, {})) out.push(...(page.Findings ?? []));
      return out;
    } finally {
      client.destroy();
    }
  }

  const twoAccounts = (a: Finding[], b: Finding[], generatedAt = GENERATED_AT) =>
    makeResult({
      generatedAt,
      accounts: [makeAccount(), makeAccount({ accountId: OTHER, alias: null })],
      findings: [...a, ...b],
    });

  it('imports 205 findings in batches of 100 from each account itself, and re-imports without duplicates', async () => {
    const mine = findings(ACCOUNT_ID, 205);
    const theirs = findings(OTHER, 3);
    const first = await publishToSecurityHub(options({ result: twoAccounts(mine, theirs) }));
    expect(first).toEqual({ imported: 208, archived: 0, warnings: [] });
    expect(stack.aws.count('BatchImportFindings', ACCOUNT_ID)).toBe(3);
    expect(stack.aws.count('BatchImportFindings', OTHER)).toBe(1);
    const a = await stored(ACCOUNT_ID);
    expect(a).toHaveLength(205);
    expect(new Set(a.map((f) => f.Id)).size).toBe(205);
    expect(a.every((f) => f.AwsAccountId === ACCOUNT_ID && f.RecordState === 'ACTIVE')).toBe(true);
    expect((await stored(OTHER)).map((f) => f.AwsAccountId)).toEqual([OTHER, OTHER, OTHER]);

    // the next run reads every page of the earlier findings and keeps their creation times
    stack.aws.resetCalls();
    const second = await publishToSecurityHub(options({ result: twoAccounts(mine, theirs, LATER) }));
    expect(second).toEqual({ imported: 208, archived: 0, warnings: [] });
    expect(stack.aws.count('GetFindings', ACCOUNT_ID)).toBe(3);
    const again = await stored(ACCOUNT_ID);
    expect(again).toHaveLength(205);
    expect(again.every((f) => f.CreatedAt === GENERATED_AT && f.UpdatedAt === LATER)).toBe(true);
    expect(again.every((f) => f.FirstObservedAt === GENERATED_AT && f.LastObservedAt === LATER)).toBe(true);
  });

  it("archives the findings of fixed and exempted keys, and leaves other products' findings alone", async () => {
    const [alice, bob, erin] = findings(ACCOUNT_ID, 3);
    await publishToSecurityHub(options({ result: twoAccounts([alice!, bob!, erin!], []) }));
    // a finding of another generator in the same account (moto returns it whatever the filter says)
    const foreign: AwsSecurityFinding = {
      ...activeFinding(alice!, {
        partition: 'aws',
        region: TEST_REGION,
        now: GENERATED_AT,
        asOf: GENERATED_AT,
        setupWindowSeconds: 600,
        toolVersion: 'x',
      }),
      Id: 'someone-else/1',
      GeneratorId: 'another-tool',
    };
    const client = new SecurityHubClient({
      region: TEST_REGION,
      endpoint: stack.moto.endpoint,
      credentials: TEST_CREDENTIALS,
    });
    await client.send(new BatchImportFindingsCommand({ Findings: [foreign] }));
    client.destroy();

    // bob's key is gone, erin is exempted now
    const exempt = { ...erin!, exempted: true, justification: 'break-glass, SEC-42' };
    const out = await publishToSecurityHub(options({ result: twoAccounts([alice!, exempt], [], LATER) }));
    expect(out).toEqual({ imported: 1, archived: 2, warnings: [] });
    const byId = new Map((await stored(ACCOUNT_ID)).map((f) => [f.Id, f]));
    expect(byId.size).toBe(4);
    expect(byId.get(asffId(ACCOUNT_ID, alice!.location))).toMatchObject({
      RecordState: 'ACTIVE',
      Compliance: { Status: 'FAILED' },
    });
    expect(byId.get(asffId(ACCOUNT_ID, bob!.location))).toMatchObject({
      RecordState: 'ARCHIVED',
      Compliance: { Status: 'PASSED' },
      UpdatedAt: LATER,
      CreatedAt: GENERATED_AT,
    });
    expect(byId.get(asffId(ACCOUNT_ID, erin!.location))).toMatchObject({
      RecordState: 'ARCHIVED',
      Compliance: { Status: 'PASSED' },
      ProductFields: expect.objectContaining({
        'iam-initial-access-key-audit/justification': 'break-glass, SEC-42',
      }),
    });
    expect(byId.get('someone-else/1')).toMatchObject({ RecordState: 'ACTIVE', GeneratorId: 'another-tool' });

    // archived once: the next run does not touch them again
    const next = await publishToSecurityHub(options({ result: twoAccounts([alice!, exempt], [], LATER) }));
    expect(next).toEqual({ imported: 1, archived: 0, warnings: [] });
  });

  it('warns about FailedFindings, naming the account, and counts only what was accepted', async () => {
    const mine = findings(ACCOUNT_ID, 101);
    const rejected = asffId(ACCOUNT_ID, mine[100]!.location);
    stack.aws.fault({
      match: { action: 'BatchImportFindings', account: ACCOUNT_ID },
      respond: {
        rewrite: (body) => {
          const r = JSON.parse(body) as {
            FailedCount: number;
            SuccessCount: number;
            FailedFindings: unknown[];
          };
          if (r.SuccessCount !== 1) return body;
          return JSON.stringify({
            FailedCount: 1,
            SuccessCount: 0,
            FailedFindings: [
              { Id: rejected, ErrorCode: 'InvalidInput', ErrorMessage: 'Finding does not adhere to ASFF' },
            ],
          });
        },
      },
    });
    const out = await publishToSecurityHub(options({ result: twoAccounts(mine, findings(OTHER, 2)) }));
    expect(out.imported).toBe(102);
    expect(out.warnings).toHaveLength(1);
    expect(noteText(out.warnings[0]!)).toBe(
      `Security Hub, account ${ACCOUNT_ID} (${TEST_REGION}): BatchImportFindings rejected 1 of 1 findings ` +
        `(${rejected}: InvalidInput Finding does not adhere to ASFF).`,
    );
    expect(warnings).toEqual(out.warnings.map(noteText));
  });

  it('Security Hub not enabled in one account: a warning, nothing imported there, the other account imported', async () => {
    stack.aws.fault({
      match: { action: 'GetFindings', account: OTHER },
      respond: {
        error: {
          status: 403,
          code: 'InvalidAccessException',
          message: `Account ${OTHER} is not subscribed to AWS Security Hub`,
        },
      },
    });
    const out = await publishToSecurityHub(
      options({ result: twoAccounts(findings(ACCOUNT_ID, 2), findings(OTHER, 2)) }),
    );
    expect(out.imported).toBe(2);
    expect(out.warnings.map(noteText)).toEqual([
      expect.stringMatching(
        new RegExp(
          `^Security Hub, account ${OTHER} \\(us-east-1\\): Security Hub is not enabled there \\(InvalidAccessException: Account ${OTHER} is not subscribed`,
        ),
      ),
    ]);
    expect(noteText(out.warnings[0]!)).toContain('security-hub-region');
    expect(stack.aws.count('BatchImportFindings', OTHER)).toBe(0);
    expect(await stored(OTHER)).toEqual([]);
  });

  it('a denied BatchImportFindings is a warning naming the account, the role and the permission', async () => {
    stack.aws.fault({
      match: { action: 'BatchImportFindings', account: ACCOUNT_ID },
      respond: accessDenied('securityhub:BatchImportFindings', { code: 'AccessDeniedException' }),
    });
    const out = await publishToSecurityHub(
      options({ result: twoAccounts(findings(ACCOUNT_ID, 2), findings(OTHER, 1)) }),
    );
    expect(out.imported).toBe(1);
    expect(out.warnings).toHaveLength(1);
    expect(noteText(out.warnings[0]!)).toMatch(
      new RegExp(
        `^Security Hub, account ${ACCOUNT_ID} \\(us-east-1\\): arn:aws:iam::${ACCOUNT_ID}:role/audit/IamAudit may not call securityhub:BatchImportFindings \\(AccessDeniedException: `,
      ),
    );
    expect(noteText(out.warnings[0]!)).toContain(`Grant ${SECURITY_HUB_ACTIONS.join(' and ')}`);
  });

  it('only accounts audited successfully this run are touched', async () => {
    const out = await publishToSecurityHub(
      options({
        result: makeResult({
          accounts: [
            makeAccount(),
            makeAccount({ accountId: OTHER, status: 'error', error: 'AccessDenied' }),
          ],
          findings: findings(ACCOUNT_ID, 1),
        }),
      }),
    );
    expect(out).toEqual({ imported: 1, archived: 0, warnings: [] });
    expect(stack.aws.countsByAccount()[OTHER]).toBeUndefined();
  });
});
