/**
 * Inputs (action inputs or CLI flags, as strings) -> one validated, typed Config. Pure: the only
 * outside access is `deps.expandGlob` for `credential-report`. Every mistake is an InputError that
 * names the input, quotes the bad value and says what was expected.
 */
import { inputLines } from './lines.js';
import picomatch from 'picomatch';
import {
  InputError,
  type Config,
  type FailOn,
  type Partition,
  type Reason,
  type RemediateMode,
  type RemediationSettings,
  type Scope,
  type Shard,
} from '../model.js';
import { defaultOf, type InputName } from './definitions.js';
import { REPORT_FILES, type ReportFiles } from './report-files.js';
import { readSinkSettings, type SettingsReader } from './sinks.js';
import { parseIsoDateTime } from '../time.js';

export type RawInputs = Partial<Record<InputName, string>>;

export interface ConfigDeps {
  /** Paths matching a path or glob; a plain existing path comes back as is. */
  expandGlob(pattern: string): string[];
  /** The current time (epoch ms); default `Date.now`. */
  now?: () => number;
}

/**
 * How far `as-of` may be from the current time when `remediate` is on (AWS's own request skew): a future
 * as-of would make every key look due and unused, a past one would hide recent use.
 */
const AS_OF_SKEW_MS = 5 * 60_000;

const MAX_QUOTED = 80;

/** Characters a reader cannot see or that reorder the line: controls, format (bidi, zero-width), separators. */
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu;

/**
 * The value as JSON, cut to about 80 characters so a pasted blob does not flood the log; invisible
 * characters (a bidi override, a zero-width space) are written as `\uXXXX`, so the message shows them
 * and cannot be reordered by them.
 */
function quote(value: string): string {
  const cut = [...value].length > MAX_QUOTED ? `${[...value].slice(0, MAX_QUOTED).join('')}…` : value;
  return JSON.stringify(cut).replace(INVISIBLE, (ch) =>
    // each UTF-16 unit, as JSON writes a character beyond the BMP
    ch
      .split('')
      .map((unit) => `\\u${unit.charCodeAt(0).toString(16).padStart(4, '0')}`)
      .join(''),
  );
}

function bad(name: InputName, value: string, expected: string): InputError {
  return new InputError(name, `Input "${name}" is ${quote(value)}: expected ${expected}.`);
}

function badItem(name: InputName, item: string, expected: string): InputError {
  return new InputError(name, `Input "${name}" contains ${quote(item)}: expected ${expected}.`);
}

/** Items separated by commas or newlines, trimmed, empty ones dropped. */
export function splitList(text: string): string[] {
  return text
    .split(/[,\r\n]+/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/**
 * `exempt-users`: entries separated by commas, whitespace or newlines (whitespace is new, and safe: no IAM
 * name or ARN has any, so a space can only separate), except a comma escaped as `\,`. IAM allows `,` in user
 * names and paths: `ops\,admin` is the one user ops,admin, `ops,admin` the two users ops and admin. The
 * escape stays in the glob, where it is picomatch's own escape of a literal comma (so it also works inside
 * braces: `{ops\,admin,bob}`). An escape rather than "only newlines separate once there are several
 * lines": that rule would silently turn an existing `alice, bob` line into one glob that exempts nobody.
 */
function splitGlobList(text: string): string[] {
  const globs: string[] = [];
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    const ch = text[i];
    if (ch === '\\') {
      i++; // an escaped character never separates
      continue;
    }
    if (ch === undefined || ch === ',' || /\s/.test(ch)) {
      if (i > start) globs.push(text.slice(start, i));
      start = i + 1;
    }
  }
  return globs;
}

/** The partition of a region: cn-* -> aws-cn, us-gov-* -> aws-us-gov, anything else -> aws. */
export function partitionForRegion(region: string): Partition {
  if (region.startsWith('cn-')) return 'aws-cn';
  if (region.startsWith('us-gov-')) return 'aws-us-gov';
  return 'aws';
}

const DURATION_EXPECTED = 'a duration with a unit (s, m, h or d), e.g. 90s, 10m, 2h, 1d';
const UNIT_SECONDS = { s: 1, m: 60, h: 3600, d: 86_400 } as const;
/** 100 years: far beyond any sensible window, well inside safe integers. */
const MAX_DURATION_SECONDS = 36_500 * 86_400;

/**
 * `90s`, `10m`, `2h`, `1d` -> seconds. Throws an Error whose message is the expected form (a bare
 * number is refused, with the hint to say `600s`).
 */
export function parseDuration(text: string): number {
  const t = text.trim();
  const m = /^(\d+)(s|m|h|d)$/.exec(t);
  if (!m) {
    if (/^\d+$/.test(t)) throw new Error(`${DURATION_EXPECTED}; a bare number has no unit: say ${t}s`);
    throw new Error(DURATION_EXPECTED);
  }
  const seconds = Number(m[1]) * UNIT_SECONDS[m[2] as keyof typeof UNIT_SECONDS];
  if (seconds > MAX_DURATION_SECONDS) throw new Error(`${DURATION_EXPECTED}, of at most 36500d`);
  return seconds;
}

// IAM names: letters, digits and +=,.@_-
const IAM_NAME = '[\\w+=,.@-]';
const ROLE_ARN = new RegExp(`^arn:([a-z-]+):iam::(\\d{12}):role/((?:${IAM_NAME}+/)*${IAM_NAME}{1,64})$`);
const ROLE_ARN_EXPECTED =
  'an IAM role ARN, arn:PARTITION:iam::ACCOUNT_ID:role/[PATH/]NAME, e.g. arn:aws:iam::111122223333:role/IamAudit';
const ROLE_NAME = new RegExp(`^(?:${IAM_NAME}+/)*${IAM_NAME}{1,64}$`);
const REGION = /^[a-z]{2,4}(?:-[a-z]+)+-\d{1,2}$/;
const ACCOUNT_ID = /^\d{12}$/;
const ACCOUNTS_EXPECTED =
  '12-digit AWS account ids separated by commas, spaces or newlines, e.g. 111122223333, 444455556666';
// IAM tag keys: letters, digits, spaces and _ . : / = + - @ (https://docs.aws.amazon.com/IAM/latest/UserGuide/id_tags.html)
const TAG_KEY = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]{1,128}$/u;

interface Reader {
  /** The trimmed value, or undefined when absent or blank. */
  given(name: InputName): string | undefined;
  /** The trimmed value, or the input's default. */
  value(name: InputName): string;
}

function reader(raw: RawInputs): Reader {
  const given = (name: InputName): string | undefined => {
    const v = raw[name]?.trim();
    return v === undefined || v === '' ? undefined : v;
  };
  return {
    given,
    value(name) {
      const v = given(name) ?? defaultOf(name);
      // Every input read with value() has a default; a missing one is a bug in this file.
      if (v === undefined) throw new Error(`input ${name} has no default`);
      return v;
    },
  };
}

function integer(r: Reader, name: InputName, min: number, max: number): number {
  const v = r.value(name);
  const n = /^\d+$/.test(v) ? Number(v) : NaN;
  if (!(n >= min && n <= max)) {
    throw bad(name, v, `a whole number from ${min} to ${max}`);
  }
  return n;
}

function boolean(r: Reader, name: InputName): boolean {
  const v = r.value(name);
  const lower = v.toLowerCase();
  if (lower === 'true') return true;
  if (lower === 'false') return false;
  throw bad(name, v, 'true or false');
}

function oneOf<T extends string>(r: Reader, name: InputName, allowed: readonly T[]): T {
  const v = r.value(name);
  const found = allowed.find((a) => a === v.toLowerCase());
  if (found === undefined) throw bad(name, v, `one of ${allowed.join(', ')}`);
  return found;
}

function accountList(r: Reader, name: InputName): string[] {
  const v = r.given(name);
  if (v === undefined) return [];
  const ids = v.split(/[\s,]+/).filter((s) => s !== '');
  if (ids.length === 0) throw bad(name, v, ACCOUNTS_EXPECTED);
  for (const id of ids) {
    if (!ACCOUNT_ID.test(id)) throw badItem(name, id, ACCOUNTS_EXPECTED);
  }
  return [...new Set(ids)];
}

const REGION_EXPECTED = 'an AWS region code, e.g. us-east-1, eu-west-2, us-gov-west-1';

function region(r: Reader): string {
  const v = r.value('aws-region');
  if (!REGION.test(v)) throw bad('aws-region', v, REGION_EXPECTED);
  return v;
}

/** The readers a sink's settings are read with (inputs/sinks.ts), worded like every other input's. */
function settingsReader(r: Reader): SettingsReader {
  return {
    given: (name) => r.given(name),
    boolean: (name) => boolean(r, name),
    integer: (name, min, max) => integer(r, name, min, max),
    list: (name) => [...new Set(splitList(r.value(name)))],
    region(name) {
      const v = r.given(name);
      if (v !== undefined && !REGION.test(v)) throw bad(name, v, REGION_EXPECTED);
      return v;
    },
    bad,
    badItem,
  };
}

function roleToAssume(r: Reader, partition: Partition, awsRegion: string): string | null {
  const v = r.given('role-to-assume');
  if (v === undefined) return null;
  const m = ROLE_ARN.exec(v);
  if (!m || v.length > 2048) throw bad('role-to-assume', v, ROLE_ARN_EXPECTED);
  if (m[1] !== partition) {
    throw new InputError(
      'role-to-assume',
      `Input "role-to-assume" is ${quote(v)}: its partition "${m[1]}" does not match aws-region "${awsRegion}"; ` +
        `expected an ARN of partition ${partition}, arn:${partition}:iam::ACCOUNT_ID:role/NAME (or set aws-region).`,
    );
  }
  return v;
}

function roleSessionName(r: Reader): string {
  const v = r.value('role-session-name');
  if (!/^[\w+=,.@-]{2,64}$/.test(v)) {
    throw bad('role-session-name', v, '2 to 64 characters of letters, digits and +=,.@_- (no spaces)');
  }
  return v;
}

function iamRoleName(
  r: Reader,
  name: 'account-role-name' | 'remediation-role-name',
  example: string,
): string | null {
  let v = r.given(name);
  if (v === undefined) return null;
  const raw = v;
  if (v.startsWith('/')) v = v.slice(1);
  if (!ROLE_NAME.test(v) || v.length > 576) {
    throw bad(
      name,
      raw,
      `an IAM role name with an optional path, of letters, digits and +=,.@_- (no spaces), e.g. ${example}`,
    );
  }
  return v;
}

function accountRoleName(r: Reader): string | null {
  return iamRoleName(r, 'account-role-name', 'IamAudit or audit/IamAudit');
}

const REASONS: readonly Reason[] = ['never-used', 'unused'];
const REASONS_EXPECTED = 'never-used, or never-used, unused (separated by commas or newlines)';

function remediateReasons(r: Reader): Reason[] {
  const v = r.value('remediate-reasons');
  const items = [...new Set(splitList(v).map((s) => s.toLowerCase()))];
  if (items.length === 0) throw bad('remediate-reasons', v, REASONS_EXPECTED);
  for (const item of items) {
    if (!REASONS.includes(item as Reason)) throw badItem('remediate-reasons', item, REASONS_EXPECTED);
  }
  return items as Reason[];
}

/** docs/design.md §8. Checked after `credential-report`: remediation needs live key ids. */
function remediation(
  r: Reader,
  ctx: { offline: boolean; createIssues: boolean; asOf: Date | null; now: number },
): RemediationSettings {
  const { offline } = ctx;
  const mode = oneOf<RemediateMode>(r, 'remediate', ['off', 'plan', 'deactivate']);
  const role = iamRoleName(r, 'remediation-role-name', 'IamKeyRemediation or security/IamKeyRemediation');
  const afterDays = integer(r, 'remediate-after-days', 1, 3650);
  const reasons = remediateReasons(r);
  const max = integer(r, 'max-remediations', 1, 10_000);
  if (mode !== 'off' && offline) {
    throw new InputError(
      'remediate',
      `Input "remediate" is "${mode}" together with "credential-report": expected remediate: off for an offline audit (a downloaded report has no access key ids, and nothing can be checked or changed without AWS).`,
    );
  }
  if (mode !== 'off' && role === null) {
    throw new InputError(
      'remediation-role-name',
      `Input "remediation-role-name" is missing: expected the role name (with optional path) to assume in each account with due keys, e.g. IamKeyRemediation; it is required with "remediate: ${mode}".`,
    );
  }
  if (mode !== 'off' && ctx.asOf !== null && Math.abs(ctx.asOf.getTime() - ctx.now) > AS_OF_SKEW_MS) {
    throw new InputError(
      'as-of',
      `Input "as-of" is ${quote(r.value('as-of'))}, ${ctx.asOf.getTime() > ctx.now ? 'in the future' : 'in the past'}: expected a time within 5 minutes of now (${new Date(ctx.now).toISOString()}), or no as-of, with "remediate: ${mode}" (an as-of away from now would make keys look due and unused that are not).`,
    );
  }
  if (mode === 'deactivate' && !ctx.createIssues) {
    throw new InputError(
      'create-issues',
      'Input "create-issues" is false with "remediate: deactivate": expected create-issues: true, because the issues are where the action tells the key\'s owner before acting and records each deactivation and each restore (a key a person made Active again gets a new notice period only if that is recorded).',
    );
  }
  return { mode, roleName: role, afterDays, reasons, max };
}

function shard(r: Reader): Shard | null {
  const v = r.given('shard');
  if (v === undefined) return null;
  const expected = 'K/N with whole numbers 1 <= K <= N <= 256, e.g. 1/4 for the first of four shards';
  const m = /^(\d+)\s*\/\s*(\d+)$/.exec(v);
  if (!m) throw bad('shard', v, expected);
  const index = Number(m[1]);
  const total = Number(m[2]);
  if (!(index >= 1 && index <= total && total <= 256)) throw bad('shard', v, expected);
  return { index, total };
}

function setupWindow(r: Reader): number {
  const v = r.value('setup-window');
  try {
    return parseDuration(v);
  } catch (e) {
    throw bad('setup-window', v, (e as Error).message);
  }
}

const AS_OF_EXPECTED =
  'an ISO 8601 date-time with Z or an offset, e.g. 2026-01-31T00:00:00Z or 2026-01-31T09:30:00+02:00 (or a date, 2026-01-31, for midnight UTC)';

function asOf(r: Reader): Date | null {
  const v = r.given('as-of');
  if (v === undefined) return null;
  const d = parseIsoDateTime(v);
  if (!d) throw bad('as-of', v, AS_OF_EXPECTED);
  return d;
}

function exemptionTag(r: Reader): string {
  const v = r.value('exemption-tag');
  if (!TAG_KEY.test(v) || v.toLowerCase().startsWith('aws:')) {
    throw bad(
      'exemption-tag',
      v,
      'an IAM tag key: 1 to 128 letters, digits, spaces and _.:/=+-@, not starting with aws:',
    );
  }
  return v;
}

const EXEMPT_USERS_EXPECTED =
  'globs on user name or ARN separated by commas, spaces or newlines (\\, for a comma in a name), e.g. svc-*, arn:aws:iam::*:user/ci/*, ops\\,admin';

function exemptUsers(r: Reader): string[] {
  const v = r.given('exempt-users');
  if (v === undefined) return [];
  const globs = [...new Set(splitGlobList(v))];
  for (const g of globs) {
    try {
      picomatch.makeRe(g, { strictBrackets: true, windows: false });
    } catch (e) {
      throw badItem('exempt-users', g, `${EXEMPT_USERS_EXPECTED} (${(e as Error).message})`);
    }
  }
  return globs;
}

function credentialReports(r: Reader, raw: RawInputs, deps: ConfigDeps): string[] {
  const v = r.given('credential-report');
  const rawValue = raw['credential-report'];
  if (v === undefined && rawValue !== undefined && rawValue !== '') {
    // blank lines only: an expression that evaluated to nothing must not turn into a live audit
    throw new InputError(
      'credential-report',
      `Input "credential-report" is ${quote(rawValue)}, only blank: expected the path or glob of credential report CSV files (one per line), e.g. reports/*.csv; leave the input out for a live audit.`,
    );
  }
  if (v === undefined) return [];
  const patterns = inputLines(v);
  const files = new Set<string>();
  for (const p of patterns) {
    const found = deps.expandGlob(p);
    if (found.length === 0) {
      throw new InputError(
        'credential-report',
        `Input "credential-report" is ${quote(p)}: no file matches it; expected the path or glob of credential report CSV files (one per line), e.g. reports/*.csv.`,
      );
    }
    for (const f of found) files.add(f);
  }
  return [...files].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

function filePath(r: Reader, name: InputName): string {
  const v = r.value(name);
  if (v.endsWith('/') || v.endsWith('\\') || v.includes('\0')) {
    throw bad(name, v, 'a file path, e.g. reports/iam.json');
  }
  return v;
}

/**
 * Every report file's path, in the list's order; two files may not share a path. An optional file
 * without a path is left out (not written).
 */
function reportFiles(r: Reader): ReportFiles {
  const files: Partial<ReportFiles> = {};
  const seen: { name: InputName; path: string }[] = [];
  for (const f of REPORT_FILES) {
    if ('optional' in f && r.given(f.name) === undefined) continue;
    const path = filePath(r, f.name);
    const same = seen.find((s) => s.path === path);
    if (same) throw bad(f.name, path, `a path different from ${same.name}`);
    seen.push({ name: f.name, path });
    files[f.key] = path;
  }
  return files as ReportFiles;
}

/**
 * A code scanning category: GitHub publishes no character rule (upload-sarif appends `/` and uses it as
 * the run's automationDetails.id; the categories it derives itself are `WORKFLOW-PATH:JOB/KEY:VALUE/`), so
 * this is the safe set those are made of: ASCII letters, digits and `- _ . / :`. No spaces, and no control
 * or format character (a bidi override or zero-width space would show one category as another in the
 * code scanning UI). 255 at most: the id also gets a trailing `/` and, under `shard`, `K-of-N/`.
 */
const CATEGORY = /^[A-Za-z0-9_./:-]{1,255}$/;
const CATEGORY_EXPECTED =
  'one line of at most 255 ASCII letters, digits and - _ . / : (no spaces, control or format characters), e.g. /iam-audit:org-a';

function category(r: Reader): string | null {
  const v = r.given('category');
  if (v === undefined) return null;
  if (!CATEGORY.test(v)) throw bad('category', v, CATEGORY_EXPECTED);
  return v;
}

/**
 * The OIDC audience (the token's `aud`, matched against the IAM OIDC provider's client ids, which AWS
 * allows up to 255 characters): one word of visible ASCII, `sts.amazonaws.com` or a URL-like value. No
 * whitespace, control or format character: it goes into the token request and the trust policy as is.
 */
const AUDIENCE = /^[\x21-\x7e]{1,255}$/;
const AUDIENCE_EXPECTED =
  'one word of at most 255 visible ASCII characters (no whitespace, control or format characters), e.g. sts.amazonaws.com or https://github.com/octo-org';

function audience(r: Reader): string {
  const v = r.value('audience');
  if (!AUDIENCE.test(v)) throw bad('audience', v, AUDIENCE_EXPECTED);
  return v;
}

/** Offline reports exclude a live audit's inputs and a shard: throws for the first one set. */
function offlineConflicts(
  r: Reader,
  live: { roleArn: string | null; accounts: string[]; organization: boolean; shard: Shard | null },
): void {
  const { roleArn, accounts, organization } = live;
  const conflicting = [
    roleArn !== null ? 'role-to-assume' : null,
    accounts.length > 0 ? 'accounts' : null,
    organization ? 'organization' : null,
  ].filter((x) => x !== null);
  if (live.shard !== null) {
    throw new InputError(
      'shard',
      `Input "shard" is ${quote(r.value('shard'))} together with "credential-report": expected no shard for offline reports (every matrix job would audit and upload the same findings); audit the reports in one job.`,
    );
  }
  if (conflicting.length > 0) {
    throw new InputError(
      'credential-report',
      `Input "credential-report" is set together with ${conflicting.map((c) => `"${c}"`).join(' and ')}: expected either downloaded reports (offline, no AWS calls) or a live audit, not both.`,
    );
  }
}

/**
 * The inputs an iac scan (docs/design.md §11) cannot take, each with its value that means "not used" (null: any
 * value conflicts): it reads code, never AWS or GitHub's issues.
 */
const IAC_CONFLICTS: ReadonlyArray<[InputName, string | null]> = [
  ['credential-report', null],
  ['role-to-assume', null],
  ['accounts', null],
  ['organization', 'false'],
  ['create-issues', 'false'],
  ['remediate', 'off'],
  ['security-hub', 'false'],
  // the OCSF file describes AWS accounts' keys (docs/design.md §12): code has none
  ['ocsf-file', null],
];

/** `iac`: the paths or globs of infrastructure code; checked first, so a conflict stops before any work. */
function iacPatterns(r: Reader): string[] {
  const v = r.given('iac');
  if (v === undefined) return [];
  const patterns = [...new Set(splitList(v))];
  if (patterns.length === 0) {
    throw new InputError(
      'iac',
      `Input "iac" is ${quote(v)}, only blank: expected paths or globs of Terraform or CloudFormation files (one per line), e.g. . or infra/**/*.tf; leave the input out to audit AWS.`,
    );
  }
  for (const [name, off] of IAC_CONFLICTS) {
    const given = r.given(name);
    if (given === undefined || given.toLowerCase() === off) continue;
    throw new InputError(
      'iac',
      `Input "iac" is set together with "${name}": expected either a scan of infrastructure code (no AWS calls, no issues, no Security Hub, no remediation, no OCSF file) or an audit of AWS, not both; leave "${name}" out of the iac run.`,
    );
  }
  return patterns;
}

/** Validates every input and returns the Config; throws InputError on the first mistake. */
export function parseConfig(raw: RawInputs, deps: ConfigDeps): Config {
  const r = reader(raw);
  const iac = iacPatterns(r);

  const awsRegion = region(r);
  const partition = partitionForRegion(awsRegion);
  const roleArn = roleToAssume(r, partition, awsRegion);
  const oidcAudience = audience(r);
  const sessionName = roleSessionName(r);
  const durationSeconds = integer(r, 'role-duration-seconds', 900, 43_200);

  const accounts = accountList(r, 'accounts');
  const roleName = accountRoleName(r);
  const organization = boolean(r, 'organization');
  const excludeAccounts = accountList(r, 'exclude-accounts');
  if (accounts.length > 0 && organization) {
    throw new InputError(
      'accounts',
      'Input "accounts" is set together with "organization: true": expected one of them, either a list of account ids or the whole organization.',
    );
  }
  if ((accounts.length > 0 || organization) && roleName === null) {
    throw new InputError(
      'account-role-name',
      `Input "account-role-name" is missing: expected the role name (with optional path) to assume in each account, e.g. IamAudit or audit/IamAudit; it is required with ${organization ? '"organization: true"' : '"accounts"'}.`,
    );
  }

  if (roleName !== null && accounts.length === 0 && !organization) {
    throw new InputError(
      'account-role-name',
      `Input "account-role-name" is ${quote(roleName)} without "accounts" or "organization: true": expected it only with one of them (it names the role to assume in each listed account); leave it out to audit the signed-in account.`,
    );
  }
  const concurrency = integer(r, 'concurrency', 1, 64);
  const shardValue = shard(r);
  const scope = oneOf<Scope>(r, 'scope', ['at-setup', 'any']);
  const setupWindowSeconds = setupWindow(r);
  const unusedDays = integer(r, 'unused-days', 0, 36_500);
  const asOfValue = asOf(r);
  const tag = exemptionTag(r);
  const exempt = exemptUsers(r);

  const reports = credentialReports(r, raw, deps);
  if (reports.length > 0) offlineConflicts(r, { roleArn, accounts, organization, shard: shardValue });

  const files = reportFiles(r);
  const summary = boolean(r, 'summary');
  const failOn = oneOf<FailOn>(r, 'fail-on', ['findings', 'errors', 'never']);
  const sinks = readSinkSettings(settingsReader(r), {
    awsRegion,
    partition,
    partitionOf: partitionForRegion,
    offline: reports.length > 0,
  });
  // No default here: the action's default `${{ github.token }}` arrives already expanded.
  const githubToken = r.given('github-token') ?? null;
  if (sinks.createIssues && githubToken === null) {
    throw new InputError(
      'github-token',
      'Input "github-token" is empty: expected a token with `issues: write` because "create-issues" is true (the CLI reads GITHUB_TOKEN).',
    );
  }

  const remediationSettings = remediation(r, {
    offline: reports.length > 0,
    createIssues: sinks.createIssues,
    asOf: asOfValue,
    now: (deps.now ?? Date.now)(),
  });

  return {
    roleToAssume: roleArn,
    audience: oidcAudience,
    awsRegion,
    partition,
    roleSessionName: sessionName,
    roleDurationSeconds: durationSeconds,
    accounts,
    accountRoleName: roleName,
    organization,
    excludeAccounts,
    concurrency,
    shard: shardValue,
    rule: { scope, setupWindowSeconds, unusedDays, exemptionTag: tag },
    asOf: asOfValue,
    exemptUsers: exempt,
    credentialReports: reports,
    iac,
    ...files,
    summary,
    failOn,
    ...sinks,
    githubToken,
    category: category(r),
    remediation: remediationSettings,
  };
}
