/**
 * Audits one AWS account live (docs/design.md §1, §6, §10), in one flow: the report's facts -> candidate
 * findings (the rule) -> the live facts of the flagged keys -> final findings -> exemptions -> who made
 * each key (CloudTrail), which under `scope: at-setup` sets aside the keys their users made. Never throws:
 * a failure is an account with `status: 'error'` and a hint; a CloudTrail that cannot be read is a note.
 *
 * The account's IAM client lives exactly as long as the account's `LiveAccount` audit (created at its start, destroyed in
 * its `finally`): every IAM call of the account goes through it (the CloudTrail client lives as long as
 * the lookups, key-creation.ts).
 *
 * Calls: `ListAccountAliases` 1, `GenerateCredentialReport` 1 (+ polls), `GetCredentialReport` 1,
 * `ListAccessKeys` and `ListUserTags` 1 per flagged user, `GetAccessKeyLastUsed` 1 per flagged key, and
 * CloudTrail `LookupEvents` (optional: a denial is one note) 1 per flagged key younger than 90 days, plus
 * 1 more (rarely 2) when the key's event may come from the session that made the user — at most 4 per
 * key, at most 50 per account (`DEFAULT_MAX_CALLS`), 2 per second; none for an older key.
 */
import { IAMClient, ListAccountAliasesCommand } from '@aws-sdk/client-iam';
import type { AwsCredentialIdentityProvider } from '@smithy/types';
import type { AccountAudit, Config, Finding, KeyLastUse } from '../model.js';
import { AccountMismatchError, StepError, atStep, describeAwsError } from '../aws/errors.js';
import { awsClientConfig, type AwsClientDeps } from '../credentials/aws-config.js';
import {
  ReportGeneration,
  fetchCredentialReport,
  type CredentialReportDeps,
  type ReportAnswer,
  type ReportLimits,
} from '../collect/credential-report.js';
import { keyLastUse, userKeyFacts } from '../collect/key-facts.js';
import { mapWithConcurrency, settleAll, settleBoth } from '../collect/pool.js';
import { confirmFinding, keysToConfirm, type ReportKeyTimes } from '../evaluate/confirm.js';
import { ReportEvaluation, toIsoSecond } from '../evaluate/evaluate.js';
import { applyExemptions } from '../evaluate/exemptions.js';
import { isFailing, withKeyCreations, type KeyCreation } from '../evaluate/intent.js';
import { keyTagFacts, type KeyExemption } from '../evaluate/key-tags.js';
import { lookUpKeyCreations, type FlaggedKey } from './key-creation.js';
import { AWS_SOURCE, failedAccount, okAccount } from './result.js';
import { note, noteText, type Note } from '../notes.js';
import type { Clock } from '../clock.js';
import type { Log } from '../log.js';

/** Flagged users confirmed at once within one account (accounts themselves run `concurrency` at once). */
export const ENRICH_CONCURRENCY = 16;

interface AuditAccountDeps extends Clock {
  log: Log;
  /** The credential report's bounds (DEFAULT_REPORT_LIMITS in production). */
  reportLimits: ReportLimits;
  /** Settings of the account's AWS client (the SDK's retry backoff). */
  aws?: AwsClientDeps;
  /** The report poll's jitter source, in [0, 1); default Math.random. */
  random?(): number;
}

export interface AuditAccountOptions {
  accountId: string;
  credentials: AwsCredentialIdentityProvider;
  config: Config;
  deps: AuditAccountDeps;
  /** The role assumed into the account, when there is one: named in error hints. */
  roleArn?: string;
}

export interface ConfirmOptions {
  /** Flagged users confirmed at once (each runs up to two calls, then one per flagged key). */
  concurrency: number;
  /** The report's `GeneratedTime`: a key used after it is "used since the report". */
  reportGeneratedAt: Date;
  /** The rule's "unnecessary" test, applied again to the live last use. */
  unused: { asOf: number; unusedDays: number };
  /**
   * The report's `access_key_N_last_rotated` of both slots of the row a flagged key without a creation
   * time came from, by the finding's location: that key is matched to the one live key no other slot of
   * the row accounts for.
   */
  reportKeyTimes?: ReadonlyMap<string, ReportKeyTimes>;
}

export interface ConfirmResult {
  /** The confirmed findings, in the order given, with `accessKeyId` and live last-use filled in. */
  findings: Finding[];
  /** User ARN -> IAM tags, for every flagged user that still exists. */
  tags: Map<string, Record<string, string>>;
  /** Flagged keys that were deleted, deactivated or used since the report (or whose user is gone). */
  resolvedSinceReport: number;
}

/** Each flagged key's own tags (docs/design.md §10): its exemption and its console description, by key id. */
function keyTags(
  findings: readonly Finding[],
  tags: ReadonlyMap<string, Record<string, string>>,
  exemptionTag: string,
  asOf: number,
): { exemptions: Map<string, KeyExemption>; descriptions: Map<string, string | null> } {
  const exemptions = new Map<string, KeyExemption>();
  const descriptions = new Map<string, string | null>();
  for (const f of findings) {
    if (f.accessKeyId === null) continue;
    const facts = keyTagFacts({
      tags: tags.get(f.userArn) ?? {},
      exemptionTag,
      accessKeyId: f.accessKeyId,
      asOf,
    });
    if (facts.keyExemption) exemptions.set(f.accessKeyId, facts.keyExemption);
    descriptions.set(f.accessKeyId, facts.description);
  }
  return { exemptions, descriptions };
}

/**
 * The clock and sleep of the lookups' rate limit: `now`, never earlier than the end of the last wait it
 * asked for. With real time the two agree; with an injected sleep that returns at once (tests), the
 * waits still move the clock, so the rate limit cannot wait for ever on a clock that stands still.
 */
function waitingClock(deps: Pick<AuditAccountDeps, 'now' | 'sleep'>): {
  clock: () => number;
  sleep: (ms: number) => Promise<void>;
} {
  let floor = -Infinity;
  const clock = () => Math.max(deps.now().getTime(), floor);
  const sleep = async (ms: number) => {
    const until = clock() + ms;
    await deps.sleep(ms);
    floor = Math.max(floor, until);
  };
  return { clock, sleep };
}

/** The flagged keys to look up: those with a key id, the failing ones first (the lookups are bounded). */
function keysToLookUp(findings: readonly Finding[]): FlaggedKey[] {
  return [...findings.filter(isFailing), ...findings.filter((f) => !isFailing(f))].flatMap((f) => {
    const keyCreatedAt = f.keyCreatedAt === null ? NaN : Date.parse(f.keyCreatedAt);
    if (f.accessKeyId === null || Number.isNaN(keyCreatedAt)) return [];
    const userCreatedAt = Date.parse(f.userCreatedAt);
    return [
      {
        accessKeyId: f.accessKeyId,
        userName: f.userName,
        keyCreatedAt,
        userCreatedAt: Number.isNaN(userCreatedAt) ? null : userCreatedAt,
      },
    ];
  });
}

function byUser(findings: Finding[]): Finding[][] {
  const users = new Map<string, Finding[]>();
  for (const f of findings) {
    const list = users.get(f.userArn);
    if (list) list.push(f);
    else users.set(f.userArn, [f]);
  }
  return [...users.values()];
}

/**
 * Candidate findings -> final findings, user by user: the user's live keys and tags (collect), which
 * keys to confirm (evaluate), their live last use (collect), the decision (evaluate).
 */
export async function confirmFindings(
  iam: IAMClient,
  findings: Finding[],
  opts: ConfirmOptions,
): Promise<ConfirmResult> {
  const ctx = {
    reportGeneratedAt: opts.reportGeneratedAt.getTime(),
    asOf: opts.unused.asOf,
    unusedDays: opts.unused.unusedDays,
  };
  const tags = new Map<string, Record<string, string>>();
  const confirmed = new Map<Finding, Finding>();
  let resolved = 0;

  await mapWithConcurrency(byUser(findings), opts.concurrency, async (userFindings) => {
    const first = userFindings[0] as Finding;
    const facts = await userKeyFacts(iam, first.userName);
    if (facts === null) {
      resolved += userFindings.length; // the user was deleted since the report
      return;
    }
    tags.set(first.userArn, facts.tags);
    const matches = keysToConfirm(userFindings, facts.keys, opts.reportKeyTimes);
    // One call per key, however many rules flagged it.
    const lastUse = new Map<string, Promise<KeyLastUse | null>>();
    const useOf = (id: string): Promise<KeyLastUse | null> => {
      let use = lastUse.get(id);
      if (!use) {
        use = keyLastUse(iam, id);
        lastUse.set(id, use);
      }
      return use;
    };
    const uses = await settleAll(
      matches.map(async (m) => (m.kind === 'confirm' ? useOf(m.accessKeyId) : null)),
    );
    userFindings.forEach((f, i) => {
      const m = matches[i];
      const use = uses[i];
      let r: Finding | null = null;
      if (m?.kind === 'ambiguous')
        r = f; // reported as the report has it, no key id
      else if (m?.kind === 'confirm' && use) r = confirmFinding(m.finding, m.accessKeyId, use, ctx);
      if (r) confirmed.set(f, r);
      else resolved += 1;
    });
  });

  return {
    findings: findings.flatMap((f) => {
      const r = confirmed.get(f);
      return r ? [r] : [];
    }),
    tags,
    resolvedSinceReport: resolved,
  };
}

/**
 * One account's live audit in two parts, so that many accounts' reports can generate at once (the live
 * audit's scheduler, scheduler.ts): `ask()` is one `GenerateCredentialReport` on the account's one poll
 * budget (the first `ask()` is the account's first call of the budget, not an extra one); `audit()`, once
 * an answer was ready, reads the report and does the rest. Neither throws: a failed `ask()` answers
 * ready, and `audit()` returns the failed account with its hint.
 *
 * The IAM client lives from the constructor to the end of `audit()` (its `finally`); `audit()` is called
 * exactly once for every account constructed.
 */
export class LiveAccount {
  private readonly iam: IAMClient;
  private readonly generation: ReportGeneration;
  private failure: unknown = null;
  private readonly reportDeps: CredentialReportDeps;

  constructor(private readonly opts: AuditAccountOptions) {
    const { accountId, config, deps } = opts;
    this.iam = new IAMClient(
      awsClientConfig({ region: config.awsRegion, credentials: opts.credentials, ...deps.aws }),
    );
    this.reportDeps = {
      sleep: deps.sleep,
      now: deps.now,
      maxWaitMs: deps.reportLimits.maxWaitMs,
      maxReportBytes: deps.reportLimits.maxReportBytes,
      source: `credential report of account ${accountId}`,
      debug: deps.log.debug ? (m) => deps.log.debug?.(`account ${accountId}: ${m}`) : undefined,
      ...(deps.random ? { random: deps.random } : {}),
    };
    this.generation = new ReportGeneration(this.iam, this.reportDeps);
  }

  /** One `GenerateCredentialReport`: ready (or failed: `audit()` says how), or when to ask again. */
  async ask(): Promise<ReportAnswer> {
    if (this.failure !== null) return { ready: true };
    try {
      return await this.generation.ask();
    } catch (err) {
      this.failure = err;
      return { ready: true };
    }
  }

  /**
   * Reads the ready report and audits the account. Never throws; destroys the account's IAM client.
   * `release()` is called when only the CloudTrail lookups are left: they wait on CloudTrail's pace (2 a
   * second per account), not on the account's slot (scheduler.ts).
   */
  async audit(release?: () => void): Promise<AccountAudit> {
    const { accountId, config, deps } = this.opts;
    const iam = this.iam;
    // What is known when a later step fails: shown with the error.
    const known = {
      accountId,
      source: AWS_SOURCE,
      asOf: toIsoSecond((config.asOf ?? deps.now()).getTime()),
      alias: null as string | null,
      reportGeneratedAt: null as string | null,
    };
    try {
      if (this.failure !== null) throw this.failure;
      return await this.afterReport(known, release);
    } catch (err) {
      const described = describeAwsError(err, {
        accountId,
        step: 'audit',
        roleArn: this.opts.roleArn,
        ambient: config.roleToAssume === null,
      });
      const { error, hint } = described;
      deps.log.warning(`account ${accountId}: ${error}${hint ? ` — ${hint}` : ''}`);
      return { account: failedAccount({ ...known, ...described }), findings: [] };
    } finally {
      iam.destroy();
    }
  }

  /**
   * Who made each flagged key, from the account's CloudTrail (`LookupEvents` with the account's own
   * credentials, bounded and rate-limited in key-creation.ts). Never throws: a denial or a failure is a
   * note, and the keys' `unknownReason` says why.
   */
  private async keyCreations(
    findings: readonly Finding[],
    release?: () => void,
  ): Promise<{ keyCreations: ReadonlyMap<string, KeyCreation>; notes: Note[] }> {
    const { accountId, config, deps, credentials } = this.opts;
    const keys = keysToLookUp(findings);
    if (keys.length === 0) return { keyCreations: new Map(), notes: [] };
    // CloudTrail's pace, not the account's slot, sets how long the rest takes (scheduler.ts)
    deps.log.debug?.(
      `account ${accountId}: looking up who made ${keys.length} key${keys.length === 1 ? '' : 's'} in CloudTrail`,
    );
    release?.();
    const found = await lookUpKeyCreations({
      accountId,
      credentials,
      partition: config.partition,
      keys,
      roleArn: this.opts.roleArn ?? null,
      ...waitingClock(deps),
      ...(deps.aws ? { aws: deps.aws } : {}),
    });
    deps.log.debug?.(`account ${accountId}: ${found.calls} LookupEvents calls for ${keys.length} keys`);
    return found;
  }

  private async afterReport(
    known: {
      accountId: string;
      source: typeof AWS_SOURCE;
      asOf: string;
      alias: string | null;
      reportGeneratedAt: string | null;
    },
    release?: () => void,
  ): Promise<AccountAudit> {
    const { accountId, config, deps } = this.opts;
    const iam = this.iam;
    // 1. The account's facts: its credential report and alias, both at once (a failure of one waits
    //    for the other to settle: nothing runs on after the return).
    const [fetched, aliases] = await settleBoth(
      fetchCredentialReport(iam, this.reportDeps, this.generation),
      atStep('ListAccountAliases', () => iam.send(new ListAccountAliasesCommand({}))),
    );
    known.alias = aliases.AccountAliases?.[0] ?? null;
    const { report, generatedAt } = fetched;
    known.reportGeneratedAt = toIsoSecond(generatedAt.getTime());
    if (report.accountId !== null && report.accountId !== accountId) {
      throw new StepError('GetCredentialReport', new AccountMismatchError(accountId, report.accountId));
    }
    const asOf = (config.asOf ?? generatedAt).getTime();
    known.asOf = toIsoSecond(asOf);

    // 2. Candidate findings: the rule on every row of the report.
    const evaluation = new ReportEvaluation(config.rule, asOf);
    if (report.accountId !== null) for (const user of report.users) evaluation.add(report.accountId, user);
    const candidates = evaluation.findings();
    // 3-4. The live facts of the flagged keys, and the final findings.
    const confirmed = await confirmFindings(iam, candidates, {
      concurrency: ENRICH_CONCURRENCY,
      reportGeneratedAt: generatedAt,
      unused: { asOf, unusedDays: config.rule.unusedDays },
      reportKeyTimes: evaluation.undatedKeyTimes,
    });
    // 5. Exemptions: the user's tag, the key's own tag (docs/design.md §10), exempt-users.
    const own = keyTags(confirmed.findings, confirmed.tags, config.rule.exemptionTag, asOf);
    const exempted = applyExemptions(confirmed.findings, {
      exemptUsers: config.exemptUsers,
      tags: confirmed.tags,
      exemptionTag: config.rule.exemptionTag,
      asOf,
      keyExemptions: own.exemptions,
    });
    // 6. Who made each key (CloudTrail), and what that decides (docs/design.md §10).
    const intent = await this.keyCreations(exempted, release);
    const findings = withKeyCreations(exempted, {
      keyCreations: intent.keyCreations,
      descriptions: own.descriptions,
      scope: config.rule.scope,
    });

    const usersScanned = evaluation.usersScanned;
    const account = okAccount({
      ...known,
      usersScanned,
      resolvedSinceReport: confirmed.resolvedSinceReport,
    });
    const notes = [
      ...report.unreadable.map(
        (u) => note`Account ${accountId}: credential report line ${u.line} could not be read: ${u.detail}.`,
      ),
      ...intent.notes,
    ];
    for (const n of notes) deps.log.warning(noteText(n));
    const selfCreated = findings.filter((f) => f.selfCreated === true).length;
    deps.log.info(
      `account ${accountId}${account.alias ? ` (${account.alias})` : ''}: ${usersScanned} users, ` +
        `${findings.filter(isFailing).length} findings, ${findings.filter((f) => f.exempted).length} exempted, ` +
        (selfCreated > 0 ? `${selfCreated} made by their users, ` : '') +
        `${confirmed.resolvedSinceReport} resolved since the report of ${account.reportGeneratedAt}`,
    );
    return { account, findings, ...(notes.length > 0 ? { notes } : {}) };
  }
}
