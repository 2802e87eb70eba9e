/**
 * Fault injection (issue 6, item 3): the real pipeline (`runPipeline`, as the action and the CLI run it)
 * against moto behind the fault-injecting proxy, signed in through the local OIDC server
 * (AssumeRoleWithWebIdentity) and chained into three member accounts (AssumeRole). One account at a
 * time meets a fault; the others must come out exactly as in a clean run, the failing one as
 * `status: 'error'` with a hint saying what to fix, and the SARIF, JSON and summary must stay valid.
 *
 * Nothing really waits: the report poll gets an injected clock and sleep, and the SDK's retry backoff
 * (real timers inside the SDK) is scaled down through the client config (`deps.aws.retryStrategy`).
 * Every test stands alone: the clean run is made in `beforeAll`, faults and call logs are cleared before
 * each test.
 */
import { afterAll, afterEach, beforeAll, beforeEach, expect, it, jest } from '@jest/globals';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Log } from 'sarif';
import { AdaptiveRetryStrategy } from '@smithy/core/retry';
import { AWS_OPERATIONS } from '../../../src/aws/operations.js';
import type { AccountResult, Finding } from '../../../src/model.js';
import { runPipeline, type PipelineOutcome } from '../../helpers/pipeline.js';
import { escapeMarkdown } from '../../../src/report/markdown.js';
import { renderSummary } from '../../../src/report/summary-markdown.js';
import { renderTerminal } from '../../../src/report/summary-terminal.js';
import type { JsonReport } from '../../../src/report/json.js';
import {
  accessDenied,
  reportStarted,
  throttling,
  type AwsProxy,
  type FaultRule,
} from '../../helpers/aws-proxy.js';
import { describeWithMoto, seedAccount, type MotoServer, type SeedUser } from '../../helpers/moto.js';
import type { OidcServer } from '../../helpers/oidc-server.js';
import { liveConfig, recordingDeps, setAwsEnv, liveStack } from '../../helpers/live-env.js';
import { expectValidSarifFiles, schemaErrors } from '../../helpers/sarif-validate.js';
import { expectPollSleeps } from '../../helpers/poll.js';
import { LOOKUPS_PER_SECOND } from '../../../src/audit/key-creation.js';

const AUDIT_ACCOUNT = '111111111111';
const ROLE = `arn:aws:iam::${AUDIT_ACCOUNT}:role/gha-iam-audit`;
const MEMBER_ROLE = 'audit/IamAudit';
const MEMBERS = ['222222222222', '333333333333', '444444444444'];
/** The account that meets the fault. */
const VICTIM = '333333333333';
const VICTIM_ROLE = `arn:aws:iam::${VICTIM}:role/${MEMBER_ROLE}`;
/** After moto's "now" keys, so stale-or-not is decided the same way in every run. */
const AS_OF = new Date(Date.now() + 86_400_000).toISOString().replace(/\.\d{3}Z$/, 'Z');

function usersOf(accountId: string): SeedUser[] {
  const d = accountId.slice(0, 1);
  return [
    { name: `violator-${d}`, password: true, keys: 1 },
    { name: `two-keys-${d}`, path: '/staff/', password: true, keys: 2 },
    { name: 'exempted', password: true, keys: 1, tags: { 'access-key-justification': 'break-glass CLI' } },
    { name: 'service', keys: 1 },
    { name: 'console-only', password: true },
    { name: 'used', password: true, keys: [{ use: true }] },
  ];
}

/**
 * The SDK waits between retries with real timers (up to 20 s per attempt): the run's AWS clients get
 * the SDK's own adaptive retry strategy (as in production) with a backoff `factor` times shorter,
 * injected through the client config (`deps.aws.retryStrategy`). Records each delay the SDK chose
 * (one per retry), before scaling.
 */
function fastSdkBackoff(factor: number): {
  delays: number[];
  retryStrategy(maxAttempts: number): AdaptiveRetryStrategy;
} {
  const delays: number[] = [];
  return {
    delays,
    retryStrategy: (maxAttempts) => {
      let base = 100;
      return new AdaptiveRetryStrategy(maxAttempts, {
        backoff: {
          setDelayBase: (delayBase: number) => {
            base = delayBase;
          },
          // The SDK's backoff: full jitter, exponential, capped at 20 s.
          computeNextBackoffDelay: (attempts: number) => {
            const ms = Math.floor(Math.min(20_000, Math.random() * 2 ** attempts * base));
            delays.push(ms);
            return Math.ceil(ms / factor);
          },
        },
      });
    },
  };
}

/**
 * The test runner's real `process`. Listeners on the sandbox's `process` object never fire (jest's
 * comment: "they just no op"); jest-circus keeps the parent process in its state on the global.
 */
function parentProcess(): NodeJS.Process {
  for (const sym of Object.getOwnPropertySymbols(globalThis)) {
    const state = (globalThis as unknown as Record<symbol, unknown>)[sym] as
      { parentProcess?: NodeJS.Process } | undefined;
    if (typeof state?.parentProcess?.on === 'function') return state.parentProcess;
  }
  throw new Error('the parent process was not found in the jest-circus state');
}

interface Run {
  outcome: PipelineOutcome;
  accounts: Map<string, AccountResult>;
  findings: Map<string, Finding[]>;
  json: JsonReport;
  sarif: Log;
  sarifFile: string;
  summary: string;
  terminal: string;
  lines: string[];
  /** The report poll's sleeps (the CloudTrail rate limit's waits left out). */
  sleeps: number[];
  /** The CloudTrail rate limit's waits (they move the one clock too). */
  lookupWaits: number[];
  secrets: string[];
}

describeWithMoto('fault injection: the pipeline against moto through the proxy', () => {
  const stack = liveStack({ oidc: true, pointSdk: false });
  let moto: MotoServer;
  let aws: AwsProxy;
  let oidc: OidcServer;
  let restoreEnv: () => void = () => undefined;
  const backoff = fastSdkBackoff(100);
  let dir: string;
  let clean: Run;
  const sarifFiles: string[] = [];
  const unhandled = jest.fn();
  const realProcess = parentProcess();
  let runs = 0;

  beforeAll(async () => {
    realProcess.on('unhandledRejection', unhandled);
    dir = mkdtempSync(join(tmpdir(), 'faults-test-'));
    ({ moto, oidc, aws } = stack);
    for (const id of MEMBERS) await seedAccount(moto.endpoint, id, usersOf(id), { alias: `alias-${id}` });
    restoreEnv = setAwsEnv(aws.endpoint, { oidc });
    clean = await run();
  });

  // Every SARIF file the suite wrote (whichever tests ran, in whatever order) passes the schema and the
  // Multitool's GitHub rules: the Multitool runs once, over all of them, before the files are removed.
  afterAll(() => {
    if (dir && sarifFiles.length > 0) expectValidSarifFiles(sarifFiles, dir);
  }, 180_000);

  afterAll(async () => {
    restoreEnv();
    realProcess.off('unhandledRejection', unhandled);
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  beforeEach(() => {
    aws.clearFaults();
    aws.resetCalls();
  });

  afterEach(async () => {
    // Let any stray rejection of the run surface before the next test.
    await new Promise((r) => setImmediate(r));
    expect(unhandled).not.toHaveBeenCalled();
  });

  /** One run of the whole pipeline with an injected clock that only moves when the code sleeps. */
  async function run(): Promise<Run> {
    const n = ++runs;
    const sarifFile = join(dir, `run-${n}`, 'audit.sarif');
    const jsonFile = join(dir, `run-${n}`, 'audit.json');
    const config = liveConfig({
      'role-to-assume': ROLE,
      accounts: MEMBERS.join(','),
      'account-role-name': MEMBER_ROLE,
      'as-of': AS_OF,
      'sarif-file': sarifFile,
      'json-file': jsonFile,
      concurrency: '3',
    });
    const deps = recordingDeps();
    let clock = Date.now();
    const sleeps: number[] = [];
    const lookupWaits: number[] = [];
    const outcome = await runPipeline(config, {
      ...deps,
      now: () => new Date(clock),
      sleep: async (ms: number) => {
        // the report poll's sleeps (at least 800 ms) apart from the CloudTrail rate limit's (at most 500 ms)
        (ms > 1000 / LOOKUPS_PER_SECOND ? sleeps : lookupWaits).push(ms);
        clock += ms;
      },
      github: null,
      aws: { retryStrategy: backoff.retryStrategy },
    });
    const files = { sarifFile, jsonFile, issues: outcome.issues };
    const sarif = JSON.parse(readFileSync(sarifFile, 'utf8')) as Log;
    sarifFiles.push(sarifFile);
    const json = JSON.parse(readFileSync(jsonFile, 'utf8')) as JsonReport;
    const findings = new Map<string, Finding[]>(MEMBERS.map((id) => [id, []]));
    for (const f of outcome.result.findings) findings.get(f.accountId)?.push(f);
    return {
      outcome,
      accounts: new Map(outcome.result.accounts.map((a) => [a.accountId, a])),
      findings,
      json,
      sarif,
      sarifFile,
      summary: renderSummary(outcome.result, files),
      terminal: renderTerminal(outcome.result, files),
      lines: deps.lines,
      sleeps,
      lookupWaits,
      secrets: deps.secrets,
    };
  }

  /** What every run must satisfy, faults or not: files valid and agreeing with the result, no secret logged. */
  function expectConsistent(r: Run): void {
    const { result } = r.outcome;
    expect(result.accounts.map((a) => a.accountId)).toEqual(MEMBERS);
    // JSON: the same accounts and findings as plain data
    expect(r.json.schemaVersion).toBe(1);
    expect(r.json.accounts.map((a) => [a.accountId, a.status, a.error, a.hint])).toEqual(
      result.accounts.map((a) => [a.accountId, a.status, a.error, a.hint]),
    );
    expect(r.json.findings).toEqual(JSON.parse(JSON.stringify(result.findings)));
    // SARIF: schema-valid (the Multitool runs once over every file, after the last test), one result per
    // failing key, failed accounts as error notifications
    expect(schemaErrors(r.sarif)).toEqual([]);
    const sarifRun = r.sarif.runs[0]!;
    const failing = result.findings.filter((f) => !f.exempted);
    expect(sarifRun.results?.map((x) => x.locations?.[0]?.physicalLocation?.artifactLocation?.uri)).toEqual(
      failing.map((f) => f.location),
    );
    const failed = result.accounts.filter((a) => a.status === 'error');
    const notes = sarifRun.invocations?.[0]?.toolExecutionNotifications ?? [];
    for (const a of failed) {
      expect(notes.some((n) => n.level === 'error' && n.message.text?.includes(a.accountId))).toBe(true);
    }
    expect(sarifRun.invocations?.[0]?.executionSuccessful).toBe(failed.length < result.accounts.length);
    // outputs and verdict
    expect(r.outcome.outputs['accounts-failed']).toBe(String(failed.length));
    expect(r.outcome.outputs['accounts-audited']).toBe(String(MEMBERS.length - failed.length));
    expect(r.outcome.outputs.findings).toBe(String(failing.length));
    // the summary renders: verdict first, one row per account, every failure with its fix
    expect(r.summary.startsWith('### ❌ ')).toBe(true);
    for (const id of MEMBERS) expect(r.summary).toContain(`| \`${id}\` |`);
    for (const a of failed) {
      expect(r.summary).toContain(`- \`${a.accountId}\``);
      expect(r.terminal).toContain(`  ${a.accountId}`);
      if (a.hint) {
        expect(r.summary).toContain(`  - To fix: ${escapeMarkdown(a.hint).slice(0, 60)}`);
        expect(r.terminal).toContain(`    to fix: ${a.hint.slice(0, 60)}`);
      }
    }
    // never a credential in the log
    const log = r.lines.join('\n');
    // the OIDC token and three parts of each session (the denied AssumeRole brings none)
    expect(r.secrets.length).toBeGreaterThanOrEqual(1 + 3 * MEMBERS.length);
    for (const s of r.secrets) expect(log).not.toContain(s);
  }

  /** The accounts other than `victim` came out exactly as in the clean run. */
  function expectOthersComplete(r: Run, victim: string | null): void {
    for (const id of MEMBERS.filter((m) => m !== victim)) {
      expect(r.accounts.get(id)).toEqual(clean.accounts.get(id));
      expect(r.findings.get(id)).toEqual(clean.findings.get(id));
    }
  }

  /**
   * The victim failed alone, with an error and hint matching the patterns (`null`: a known gap, the
   * hint is checked by an `it.failing` test instead).
   */
  function expectVictimFailed(r: Run, error: RegExp, hint: RegExp | null): AccountResult {
    expectConsistent(r);
    expectOthersComplete(r, VICTIM);
    const a = r.accounts.get(VICTIM)!;
    expect(a).toMatchObject({ status: 'error', usersScanned: 0, resolvedSinceReport: 0 });
    expect(r.findings.get(VICTIM)).toEqual([]);
    expect(a.error).toMatch(error);
    if (hint) expect(a.hint).toMatch(hint);
    expect(r.summary).toContain('1 of 3 accounts failed');
    expect(r.outcome.exitCode).toBe(1);
    expect(r.lines.some((l) => l.startsWith(`warning: account ${VICTIM}:`))).toBe(true);
    expect(r.lines).toContain('warning: 1 of 3 accounts could not be audited.');
    return a;
  }

  function fault(rule: FaultRule) {
    return aws.fault(rule);
  }

  it('the unhandled-rejection spy does catch one (control)', async () => {
    const rejected = Promise.reject(new Error('control'));
    await new Promise((r) => setTimeout(r, 20));
    expect(unhandled).toHaveBeenCalledTimes(1);
    expect(unhandled.mock.calls[0]?.[0]).toEqual(new Error('control'));
    // Handled late: jest forgets it (rejectionHandled), and the spy starts afresh.
    rejected.catch(() => undefined);
    await new Promise((r) => setTimeout(r, 20));
    unhandled.mockClear();
  });

  it('clean run: every account ok, the seeded violators found, the exempted user kept apart', () => {
    expectConsistent(clean);
    for (const id of MEMBERS) {
      const d = id.slice(0, 1);
      expect(clean.accounts.get(id)).toMatchObject({
        status: 'ok',
        alias: `alias-${id}`,
        usersScanned: 6,
        error: null,
        hint: null,
      });
      const view = clean.findings.get(id)!.map((f) => `${f.userName}/${f.keySlot}/${f.reason}/${f.exempted}`);
      expect(view.sort()).toEqual(
        [
          `violator-${d}/1/never-used/false`,
          `two-keys-${d}/1/never-used/false`,
          `two-keys-${d}/2/never-used/false`,
          'exempted/1/never-used/true',
        ].sort(),
      );
      expect(clean.findings.get(id)!.every((f) => f.accessKeyId?.startsWith('AKIA'))).toBe(true);
    }
    expect(clean.outcome.outputs).toMatchObject({ findings: '9', exempted: '3', 'accounts-failed': '0' });
    expect(clean.summary.startsWith('### ❌ 9 access keys created at user setup are unused')).toBe(true);
  });

  it('throttling bursts on every kind of call, in every account: the SDK retries absorb them', async () => {
    // Once on every operation (whichever account's call comes first), and one call throttled four times
    // in a row. (Each throttled client then also slows down by itself: the SDK's adaptive rate limiter
    // follows the real clock, so the bursts are kept short to keep the test quick.)
    // Every operation a policy must allow, except the organization's (this run lists its accounts).
    const actions = AWS_OPERATIONS.filter(
      (o) => o.granted && o.role !== 'organization' && o.role !== 'remediation' && o.need === 'required',
    ).map((o) => o.command);
    const burst = fault({
      match: { action: 'GetAccessKeyLastUsed', account: MEMBERS[2] },
      times: 4,
      respond: throttling(),
    });
    const once = actions.map((action) => fault({ match: { action }, times: 1, respond: throttling() }));
    const before = backoff.delays.length;
    const r = await run();
    expectConsistent(r);
    expectOthersComplete(r, null);
    expect(burst.hits).toBe(4);
    expect(once.map((h) => h.hits)).toEqual(actions.map(() => 1));
    expect(backoff.delays.length - before).toBe(4 + actions.length);
    expect(r.outcome.outputs['accounts-failed']).toBe('0');
    expect(r.lines.filter((l) => l.startsWith('warning:'))).toEqual([]);
  });

  it('a report stuck in STARTED past the bound: that account times out, polled with backoff, no real wait', async () => {
    const started = Date.now();
    const stuck = fault({
      match: { action: 'GenerateCredentialReport', account: VICTIM },
      respond: reportStarted(),
    });
    const r = await run();
    const a = expectVictimFailed(
      r,
      new RegExp(
        `^GenerateCredentialReport in account ${VICTIM} failed: credential report still generating after \\d+s$`,
      ),
      /did not finish generating the credential report in time/,
    );
    expect(a.reportGeneratedAt).toBeNull();
    // 1, 1, 2, 2, 3, 3, 4, 4, then 5 s (each ±20 %), within the 5-minute bound
    expectPollSleeps(r.sleeps, r.sleeps.length);
    const total = r.sleeps.reduce((s, x) => s + x, 0);
    expect(total).toBeLessThanOrEqual(5 * 60_000);
    // the bound is on the one clock, which the other accounts' CloudTrail lookups move too
    const waited = r.lookupWaits.reduce((s, x) => s + x, 0);
    expect(total + waited).toBeGreaterThan(5 * 60_000 - 6_000);
    expect(stuck.hits).toBe(r.sleeps.length + 1);
    expect(aws.count('GetCredentialReport', VICTIM)).toBe(0);
    expect(Date.now() - started).toBeLessThan(30_000);
  });

  it('connection resets now and then: absorbed by the SDK retries', async () => {
    const handles = ['AssumeRole', 'GetCredentialReport', 'ListAccessKeys', 'GetAccessKeyLastUsed'].map(
      (action) => fault({ match: { action }, times: 2, respond: 'reset' }),
    );
    const r = await run();
    expectConsistent(r);
    expectOthersComplete(r, null);
    expect(handles.map((h) => h.hits)).toEqual([2, 2, 2, 2]);
  });

  it('every connection of one account reset: that account fails with a network hint', async () => {
    const resets = fault({ match: { account: VICTIM, service: 'iam' }, respond: 'reset' });
    const r = await run();
    expectVictimFailed(
      r,
      /failed: network error: .*(ECONNRESET|socket hang up)/,
      /Could not reach the AWS endpoint.*HTTPS_PROXY/,
    );
    expect(resets.hits).toBeGreaterThanOrEqual(10); // the SDK tried every attempt
  });

  it('AccessDenied on GetCredentialReport in one of the accounts: the hint names the action and the role', async () => {
    const denied = fault({
      match: { action: 'GetCredentialReport', account: VICTIM },
      respond: accessDenied('iam:GetCredentialReport', {
        principal: `arn:aws:sts::${VICTIM}:assumed-role/IamAudit/iam-initial-access-key-audit`,
      }),
    });
    const r = await run();
    const a = expectVictimFailed(
      r,
      new RegExp(
        `^GetCredentialReport in account ${VICTIM} failed: AccessDenied: User: .*iam:GetCredentialReport`,
      ),
      /^Allow iam:GetCredentialReport to the role arn:aws:iam::333333333333:role\/audit\/IamAudit /,
    );
    expect(a.hint).toContain('service control policies');
    expect(denied.hits).toBe(1); // an authorization error is not retried
    expect(aws.count('ListAccessKeys', VICTIM)).toBe(0);
  });

  it('AssumeRole denied for one account: the hint names the role and its trust policy', async () => {
    fault({
      match: { action: 'AssumeRole', params: { RoleArn: VICTIM_ROLE } },
      respond: accessDenied('sts:AssumeRole', {
        principal: `arn:aws:sts::${AUDIT_ACCOUNT}:assumed-role/gha-iam-audit/iam-initial-access-key-audit`,
        resource: VICTIM_ROLE,
      }),
    });
    const r = await run();
    const a = expectVictimFailed(
      r,
      /^AssumeRole in account 333333333333 failed: AccessDenied/,
      /trust policy/,
    );
    expect(a.hint).toContain(VICTIM_ROLE);
    expect(aws.calls.filter((c) => c.account === VICTIM)).toEqual([]);
  });

  it('credentials expiring mid-run (ExpiredToken during enrichment): that account fails, told to raise role-duration-seconds', async () => {
    const expired = fault({
      match: { action: 'GetAccessKeyLastUsed', account: VICTIM },
      respond: {
        error: {
          status: 403,
          code: 'ExpiredToken',
          message: 'The security token included in the request is expired',
        },
      },
    });
    const r = await run();
    expectVictimFailed(
      r,
      /^GetAccessKeyLastUsed in account 333333333333 failed: ExpiredToken: The security token included in the request is expired$/,
      /expired during the run.*`role-duration-seconds`/,
    );
    expect(expired.hits).toBeGreaterThanOrEqual(1);
    // the report of that account was fetched before the credentials "expired"
    expect(aws.count('GetCredentialReport', VICTIM)).toBe(1);
  });

  it('a truncated GetCredentialReport answer (malformed XML): that account fails, saying the answer could not be read', async () => {
    const cut = fault({
      match: { action: 'GetCredentialReport', account: VICTIM },
      respond: { truncateAt: 300 },
    });
    const r = await run();
    expectVictimFailed(r, /^GetCredentialReport in account 333333333333 failed: /, /could not be read/);
    expect(cut.hits).toBeGreaterThanOrEqual(1);
  });

  it('a report body cut off mid-transfer (connection closed before Content-Length): that account fails', async () => {
    const cut = fault({
      match: { action: 'GetCredentialReport', account: VICTIM },
      respond: { truncateAt: 300, keepLength: true },
    });
    const r = await run();
    const a = expectVictimFailed(r, /^GetCredentialReport in account 333333333333 failed: .*aborted/, null);
    expect(cut.hits).toBeGreaterThanOrEqual(1);
    // reported as a network error with a hint
    expect(a.error).toMatch(/network error: .*aborted/);
    expect(a.hint).toMatch(/HTTPS_PROXY/);
  });

  it('a credential report CSV cut off mid-row: that account fails, naming the report and the line', async () => {
    fault({
      match: { action: 'GetCredentialReport', account: VICTIM },
      respond: {
        rewrite: (body) =>
          body.replace(/<Content>([^<]*)<\/Content>/, (_m, b64: string) => {
            const csv = Buffer.from(b64, 'base64').toString('utf8');
            const cutAt = csv.indexOf('\n', Math.floor(csv.length / 2)) + 20;
            return `<Content>${Buffer.from(csv.slice(0, cutAt), 'utf8').toString('base64')}</Content>`;
          }),
      },
    });
    const r = await run();
    const a = expectVictimFailed(
      r,
      /^GetCredentialReport in account 333333333333 failed: the credential report could not be read: credential report of account 333333333333 line \d+: .*truncated/,
      null,
    );
    // tells the user to run again and check what is in between
    expect(a.hint).toMatch(/Run the audit again.*proxy/);
  });
});
