/**
 * SARIF 2.1.0 for GitHub code scanning (docs/design.md §4): one run, every registered rule (always, even with zero
 * results: that is what closes fixed alerts), one result per failing key and rule, exempted keys left
 * out, alerts of failed accounts carried forward, account errors as tool execution notifications.
 */
import { createHash } from 'node:crypto';
import type { Invocation, Log, Notification, ReportingDescriptor, Result, Run } from 'sarif';
import type { AuditResult, CarriedAlert, Finding } from '../model.js';
import { isFailing } from '../evaluate/intent.js';
import { jsonFinding } from './json.js';
import { jsonText } from './json-text.js';
import { oneLine } from './markdown.js';
import { TOOL_INFORMATION_URI, TOOL_NAME, type Rule } from '../evaluate/rule.js';
import { RULES, ruleById, ruleOf } from '../evaluate/rules/index.js';
import { alertIdentity, findingIdentity } from '../evaluate/identity.js';
import { describeCreation, describeUse } from './format.js';

/** GitHub rejects a run with more results than this. */
export const SARIF_MAX_RESULTS = 25_000;
const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

const NOTIFICATION_ACCOUNT_ERROR = 'account-error';
const NOTIFICATION_RESULTS_DROPPED = 'results-dropped';

/** Text of only the characters a URI path keeps as they are (no `%`: an escape must be checked). */
const URI_CHARS = /^[A-Za-z0-9\-._~!$&'()*+,;=:@/]*$/;

/**
 * Percent-encode what a URI path may not hold (spaces, `<`, `#`, `?`, non-ASCII, …) so the artifact
 * location is a valid relative reference; already valid paths (and `%XX` escapes) are unchanged, so
 * encoding an alert's path read back from GitHub gives the same URI again.
 */
export function toArtifactUri(location: string): string {
  // Every location this tool makes is already a valid path (evaluate.ts encodes it): kept as it is.
  const out = URI_CHARS.test(location) ? location : percentEncode(location);
  // A colon in the first segment would read as a scheme.
  const slash = out.indexOf('/');
  const first = slash < 0 ? out : out.slice(0, slash);
  return first.replace(/:/g, '%3A') + (slash < 0 ? '' : out.slice(slash));
}

function percentEncode(location: string): string {
  let out = '';
  const bytes = Buffer.from(location, 'utf8');
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i] as number;
    const c = String.fromCharCode(b);
    if (
      b < 0x80 &&
      (/[A-Za-z0-9\-._~!$&'()*+,;=:@/]/.test(c) ||
        (c === '%' && /^[0-9A-Fa-f]{2}$/.test(bytes.subarray(i + 1, i + 3).toString('latin1'))))
    ) {
      out += c;
    } else {
      out += `%${b.toString(16).toUpperCase().padStart(2, '0')}`;
    }
  }
  return out;
}

/**
 * `primaryLocationLineHash` for a location: upload-sarif computes it from the file's line contents,
 * which it cannot read for a path outside the repository, so we hash the path itself, formatted like
 * GitHub's (`<16 hex>:<line>`). The same path always gives the same alert. A result's is the hash of its
 * finding's identity (src/evaluate/identity.ts), which is the path itself for the first rule.
 */
export function locationFingerprint(path: string): string {
  const hex = createHash('sha256').update(toArtifactUri(path), 'utf8').digest('hex').slice(0, 16);
  return `${hex}:1`;
}

/**
 * SARIF plain-text messages: one line without control or bidirectional override characters (as in
 * the summary and issues), and `[`/`]` escaped so text cannot form an embedded link.
 */
export function sarifText(s: string): string {
  return oneLine(s).replace(/[[\]]/g, (m) => `\\${m}`);
}

/**
 * The run's `automationDetails.id` (docs/design.md §4), or null for none. Without a `category` the run has no
 * `automationDetails`: github/codeql-action/upload-sarif then derives the category from the workflow,
 * the job and the matrix values, and its own `category:` input applies (an id in the file would override
 * both, so two uploads in one repository would close each other's alerts). With one: the category with
 * a trailing `/`, plus `K-of-N/` under `shard`.
 */
export function automationId(result: Pick<AuditResult, 'shard'>, category: string | null): string | null {
  if (!category) return null;
  const s = result.shard;
  return (category.endsWith('/') ? category : `${category}/`) + (s ? `${s.index}-of-${s.total}/` : '');
}

/**
 * A result's evidence: the JSON report's fields of the finding, less what SARIF says elsewhere; who made
 * the key (`keyCreation`, `keyDescription`, `selfCreated`) only where it was looked up (live runs).
 */
function findingEvidence(f: Finding): Omit<Finding, 'exempted' | 'location' | 'ruleId'> {
  const { exempted: _exempted, location: _location, ruleId: _ruleId, ...evidence } = jsonFinding(f);
  if (f.keyCreation !== undefined) return evidence;
  const { keyCreation: _kc, keyDescription: _kd, selfCreated: _sc, ...offline } = evidence;
  return offline;
}

/** A rule's SARIF descriptor, from the registry (the account rules' and the iac rule's alike). */
export function ruleDescriptor(rule: Rule): ReportingDescriptor {
  return {
    id: rule.id,
    name: rule.name,
    shortDescription: { text: rule.shortDescription },
    fullDescription: { text: rule.fullDescription },
    help: { text: rule.helpText, markdown: rule.helpMarkdown },
    helpUri: rule.helpUri,
    defaultConfiguration: { level: 'error' },
    properties: {
      tags: [...rule.tags],
      precision: rule.precision,
      'security-severity': rule.securitySeverity,
      'problem.severity': 'error',
      cis: rule.cis.map((m) => ({ ...m })),
    },
  };
}

/** A result's `ruleId` and `ruleIndex` (its rule's place in `rules[]`, which is the registry's order). */
function ruleRef(rule: Rule): Pick<Result, 'ruleId' | 'ruleIndex'> {
  return { ruleId: rule.id, ruleIndex: RULES.indexOf(rule) };
}

function accountLabel(accountId: string, alias: string | null | undefined): string {
  return alias ? `${accountId} (${alias})` : accountId;
}

function findingMessage(f: Finding, result: AuditResult, alias: string | null): string {
  const key = f.accessKeyId
    ? `access key ${f.accessKeyId} (slot ${f.keySlot})`
    : `access key in slot ${f.keySlot}`;
  const expired = f.exemptionExpired ? ' Its exemption has expired.' : '';
  return sarifText(
    `IAM user '${f.userName}' in account ${accountLabel(f.accountId, alias)} has an active ${key}, ` +
      `${describeCreation(f, result.settings.setupWindowSeconds)}${f.keyCreatedAt === null ? '' : ` on ${f.keyCreatedAt}`}, ` +
      `${describeUse(f, result.asOf)}.${expired} Delete or deactivate it.`,
  );
}

function physicalLocation(location: string): Result['locations'] {
  return [
    {
      physicalLocation: {
        artifactLocation: { uri: toArtifactUri(location) },
        region: { startLine: 1 },
      },
    },
  ];
}

function findingResult(f: Finding, result: AuditResult, alias: string | null): Result {
  return {
    ...ruleRef(ruleOf(f)),
    level: 'error',
    kind: 'fail',
    message: { text: findingMessage(f, result, alias) },
    locations: physicalLocation(f.location),
    partialFingerprints: { primaryLocationLineHash: locationFingerprint(findingIdentity(f)) },
    properties: { ...findingEvidence(f), accountAlias: alias, carriedForward: false },
  };
}

/**
 * An open alert of a failed account, written again. An alert of a rule no longer registered keeps its
 * `ruleId` without a `ruleIndex` (its rule is not in `rules[]`); an alert without a rule id is the first
 * rule's.
 */
function carriedResult(a: CarriedAlert): Result {
  const text =
    a.message.trim() || `Open alert of account ${a.accountId}, which could not be audited this run.`;
  const rule = ruleById(a.ruleId ?? (RULES[0] as Rule).id);
  return {
    ...(rule ? ruleRef(rule) : { ruleId: a.ruleId }),
    level: 'error',
    kind: 'fail',
    message: { text: sarifText(text) },
    locations: physicalLocation(a.location),
    partialFingerprints: { primaryLocationLineHash: locationFingerprint(alertIdentity(a)) },
    properties: { accountId: a.accountId, carriedForward: true },
  };
}

/**
 * The results GitHub will see, in order, made one at a time: findings (exempted left out), then
 * carried-forward alerts, the first SARIF_MAX_RESULTS of them.
 */
function* sarifResults(result: AuditResult): Generator<Result> {
  const aliases = new Map(result.accounts.map((a) => [a.accountId, a.alias]));
  let n = 0;
  for (const f of result.findings) {
    if (!isFailing(f)) continue; // exempted, or made by its user
    if (n++ >= SARIF_MAX_RESULTS) return;
    yield findingResult(f, result, aliases.get(f.accountId) ?? null);
  }
  for (const a of result.carriedForward) {
    if (n++ >= SARIF_MAX_RESULTS) return;
    yield carriedResult(a);
  }
}

/** How many results the SARIF log would hold before the cap, and how many the cap drops. */
export function sarifResultCounts(result: AuditResult): { total: number; dropped: number } {
  const total = result.findings.filter(isFailing).length + result.carriedForward.length;
  return { total, dropped: Math.max(0, total - SARIF_MAX_RESULTS) };
}

export interface SarifOptions {
  toolVersion: string;
  /** The `category` input; null or empty: no `automationDetails`. */
  category?: string | null;
}

/** The SARIF file's text, in chunks; its results are made as they are written (report/json-text.ts). */
export function sarifFileText(result: AuditResult, opts: SarifOptions): Iterable<string> {
  const results: Result[] = [];
  return jsonText(sarifLog(result, opts, results), new Map([[results, () => sarifResults(result)]]));
}

/** The log around `results` (all of them, or the array that stands for them while it is written). */
function sarifLog(result: AuditResult, opts: SarifOptions, results: Result[]): Log {
  const { total: every, dropped } = sarifResultCounts(result);

  const notifications: Notification[] = [];
  for (const a of result.accounts) {
    if (a.status !== 'error') continue;
    const hint = a.hint ? ` ${a.hint}` : '';
    notifications.push({
      level: 'error',
      message: {
        text: sarifText(
          `Account ${accountLabel(a.accountId, a.alias)} could not be audited: ${a.error ?? 'unknown error'}.${hint}`,
        ),
      },
      properties: { kind: NOTIFICATION_ACCOUNT_ERROR, accountId: a.accountId },
    });
  }
  if (dropped > 0) {
    notifications.push({
      level: 'warning',
      message: {
        text:
          `${dropped} of ${every} results were dropped: GitHub accepts at most ` +
          `${SARIF_MAX_RESULTS} per run. The JSON report lists every finding.`,
      },
      properties: { kind: NOTIFICATION_RESULTS_DROPPED, dropped },
    });
  }

  const failed = result.accounts.filter((a) => a.status === 'error').length;
  const invocation: Invocation = {
    executionSuccessful: !(result.accounts.length > 0 && failed === result.accounts.length),
    endTimeUtc: result.generatedAt,
  };
  if (notifications.length > 0) invocation.toolExecutionNotifications = notifications;

  const run: Run = {
    tool: {
      driver: {
        name: TOOL_NAME,
        version: opts.toolVersion,
        semanticVersion: /^\d+\.\d+\.\d+/.test(opts.toolVersion) ? opts.toolVersion : undefined,
        informationUri: TOOL_INFORMATION_URI,
        rules: RULES.map(ruleDescriptor),
      },
    },
    invocations: [invocation],
    results,
    columnKind: 'utf16CodeUnits',
    properties: {
      mode: result.mode,
      asOf: result.asOf,
      scope: result.settings.scope,
      setupWindowSeconds: result.settings.setupWindowSeconds,
      unusedDays: result.settings.unusedDays,
      exemptionTag: result.settings.exemptionTag,
      findings: result.findings.filter(isFailing).length,
      exempted: result.findings.filter((f) => f.exempted).length,
      exemptionsExpired: result.findings.filter((f) => isFailing(f) && f.exemptionExpired).length,
      carriedForward: result.carriedForward.length,
      resultsDropped: dropped,
      accountsAudited: result.accounts.length - failed,
      accountsFailed: failed,
      resolvedSinceReport: result.accounts.reduce((n, a) => n + a.resolvedSinceReport, 0),
    },
  };
  if (run.tool.driver.semanticVersion === undefined) delete run.tool.driver.semanticVersion;
  const id = automationId(result, opts.category ?? null);
  if (id !== null) run.automationDetails = { id };

  return { $schema: SARIF_SCHEMA, version: '2.1.0', runs: [run] };
}
