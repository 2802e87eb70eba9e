/**
 * The text of the one GitHub issue kept per violating (account, user) (docs/design.md §5): title, body with
 * the hidden marker that finds it again, and the closing comments. Pure functions of the findings:
 * the same findings give the same text, so a second run changes nothing.
 *
 * Every untrusted string (user names, ARNs, aliases, tag values, regions, services) is escaped: it
 * cannot add Markdown or HTML, link anywhere, @mention anyone or reference an issue.
 */
import { createHash } from 'node:crypto';
import type { Finding, Scope } from '../model.js';
import {
  codeBlock,
  codeSpan,
  escapeMarkdown,
  markdownTable,
  noteMarkdown,
  oneLine,
  truncate,
} from './markdown.js';
import { TOOL_NAME, type Rule } from '../evaluate/rule.js';
import { RULES, rulesOf } from '../evaluate/rules/index.js';
import {
  fixCommands,
  formatDay,
  formatDuration,
  formatUtc,
  keyCreatedText,
  keyCreationNote,
  restoreCommand,
  setupGapText,
  shellQuote,
} from './format.js';

/** GitHub rejects issue bodies longer than this (characters). */
export const MAX_ISSUE_BODY = 65_536;
/** GitHub's limit for issue titles. */
export const MAX_ISSUE_TITLE = 256;
const MARKER_PREFIX = '<!-- iam-initial-access-key:';

export interface IssueGroup {
  accountId: string;
  alias: string | null;
  userName: string;
  userArn: string;
  findings: Finding[];
}

export interface RenderIssueOptions {
  exemptionTag: string;
  runUrl: string | null;
  /** The audit's scope: under `any` a key need not have been created at user setup. */
  scope: Scope;
}

export interface IssueMarker {
  accountId: string;
  /** {@link userKey} of the user: its ARN (or a hash of an absurdly long one). */
  userKey: string;
}

/** Longest user key kept verbatim in the marker; longer ones (never real ARNs) are hashed. */
const MAX_KEY = 2048;
/** A user name longer than this is no IAM name (limit 64): no command is shown for it. */
const MAX_COMMAND_NAME = 1024;
/** The line that names the run that last changed the body; ignored when bodies are compared. */
const RUN_LINE_PREFIX = '<sub>Last changed by ';

/** The identity of a user in the marker: its ARN, or `sha256:<hex>` of an ARN too long to carry. */
export function userKey(userArn: string, userName = ''): string {
  const key = userArn || userName;
  if (key.length <= MAX_KEY) return key;
  return `sha256:${createHash('sha256').update(key, 'utf8').digest('hex')}`;
}

/** The hidden first line of the body. Both values are percent-encoded: no name can end the comment. */
export function renderMarker(accountId: string, key: string): string {
  return `${MARKER_PREFIX} account=${encodeURIComponent(accountId)} user=${encodeURIComponent(key)} -->`;
}

/** {@link renderMarker}'s line, built from {@link MARKER_PREFIX} so the two cannot drift apart. */
const MARKER_PATTERN = new RegExp(
  `^${MARKER_PREFIX.replace(/[.*+?^$()|[\]{}\\]/g, '\\$&')} account=(\\S+) user=(\\S+) -->\\s*$`,
);

/** The marker of a body this tool wrote (its first line), or null. */
export function parseMarker(body: string | null | undefined): IssueMarker | null {
  if (!body) return null;
  const first = body.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  const m = MARKER_PATTERN.exec(first);
  if (!m) return null;
  try {
    const accountId = decodeURIComponent(m[1] as string);
    const key = decodeURIComponent(m[2] as string);
    return accountId && key ? { accountId, userKey: key } : null;
  } catch {
    return null;
  }
}

/**
 * An identifier (user name, account id) in a title: inline code, which GitHub renders in titles too:
 * it mentions, links and references nothing, and copies (and searches) as the name itself.
 */
function titleCode(s: string, max: number): string {
  return codeSpan(truncate(oneLine(s), max));
}

/**
 * What the user has, in the words of the rules of its findings: `an unused access key created at user
 * setup`, or under `scope: any` (where a key may have been created any time) `an unused access key`.
 */
function violation(rules: readonly Rule[], scope: Scope): string {
  return rules.map((r) => r.wording.violation(scope)).join(' and ');
}

function renderTitle(group: Pick<IssueGroup, 'accountId' | 'userName' | 'findings'>, scope: Scope): string {
  const title =
    `IAM user ${titleCode(group.userName, 100)} in account ${titleCode(group.accountId, 20)} ` +
    `has ${violation(rulesOf(group.findings), scope)}`;
  return truncate(title, MAX_ISSUE_TITLE);
}

/** Escaped Markdown of an untrusted value, cut to `max` characters first. */
function md(s: string, max = 256): string {
  return escapeMarkdown(truncate(s, max));
}

/** Inline code of an untrusted value (ids, ARNs), for a table cell. */
function code(s: string, max = 512): string {
  return codeSpan(truncate(s, max), { inTable: true });
}

/** A formatted date or duration as is (digits, `-`, `:`, spaces, `UTC`); anything else escaped. */
function when(formatted: string): string {
  return /^[0-9A-Za-z :-]{1,40}$/.test(formatted) ? formatted : md(formatted, 64);
}

function dash(s: string | null, f: (v: string) => string): string {
  return s ? f(s) : '—';
}

/** The paragraph of a rule's help that says why it matters (the first line of its text help). */
function whyItMatters(rule: Rule): string {
  const first = rule.helpText.split('\n', 1)[0] ?? '';
  const prefix = 'Why it matters: ';
  return first.startsWith(prefix) ? first.slice(prefix.length) : rule.fullDescription;
}

/** Who made the key and its description (docs/design.md §10), as a line under the key's; none offline. */
function madeByLines(f: Finding): string[] {
  const made = keyCreationNote(f);
  return made ? [`  - ${noteMarkdown(made)}`] : [];
}

function describeFinding(f: Finding): string {
  const use =
    f.reason === 'never-used' || !f.keyLastUsedAt
      ? 'has never been used'
      : `was last used on ${when(formatDay(f.keyLastUsedAt))}`;
  return (
    `- the access key in slot ${f.keySlot}${f.accessKeyId ? ` (${codeSpan(truncate(f.accessKeyId, 128))})` : ''}, ` +
    (f.setupGapSeconds === null
      ? `created at an unknown time (the report has no date for it), ${use}`
      : `created ${formatDuration(f.setupGapSeconds)} after the user, ${use}`) +
    (f.exemptionExpired
      ? `; its exemption has expired (justification was: ${dash(f.justification, (j) => md(j, 1000))})`
      : '') +
    // Stable wording (a date, not an age), so the body does not change every night.
    (f.firstSeenAt ? `; first reported on ${when(formatDay(f.firstSeenAt))}` : '') +
    (f.remediation?.dueAt && f.remediation.status !== 'deactivated'
      ? `; **deactivation due ${when(formatDay(f.remediation.dueAt))}**`
      : '')
  );
}

function keyRow(f: Finding): string[] {
  return [
    String(f.keySlot),
    dash(f.accessKeyId, (k) => code(k, 128)),
    when(keyCreatedText(f)),
    when(setupGapText(f)),
    f.reason === 'never-used' || !f.keyLastUsedAt ? 'never' : when(formatDay(f.keyLastUsedAt)),
    dash(f.keyLastUsedRegion, (v) => md(v, 64)),
    dash(f.keyLastUsedService, (v) => md(v, 64)),
  ];
}

function fixBlock(findings: readonly Finding[]): string[] {
  const tooLong = findings.some((f) => f.userName.length > MAX_COMMAND_NAME);
  if (tooLong) {
    return ['The user name is too long to show a command for; see the JSON report for the exact values.'];
  }
  const lines = findings.flatMap((f) => fixCommands(f));
  return [codeBlock(lines, 'sh')];
}

function exemptionCommand(userName: string, tag: string): string {
  const name = userName.length > MAX_COMMAND_NAME ? 'USER' : shellQuote(userName);
  return `aws iam tag-user --user-name ${name} --tags ${shellQuote(`Key=${tag},Value="reason; expires=YYYY-MM-DD"`)}`;
}

function safeRunUrl(url: string | null): string | null {
  return url && /^https?:\/\/[^\s()<>[\]"'`]+$/.test(url) ? url : null;
}

function renderBody(group: IssueGroup, opts: RenderIssueOptions, shown: number): string {
  const { findings } = group;
  const first = findings[0];
  const accountIn = (inTable: boolean) =>
    codeSpan(truncate(group.accountId, 64), { inTable }) +
    (group.alias ? ` (${codeSpan(truncate(group.alias, 64), { inTable })})` : '');
  const account = accountIn(false);
  const runUrl = safeRunUrl(opts.runUrl);
  const keys = findings.slice(0, shown);
  const rules = rulesOf(findings);
  const lines: string[] = [
    renderMarker(group.accountId, userKey(group.userArn, group.userName)),
    '',
    `## IAM user ${codeSpan(truncate(group.userName, 256))} has ${violation(rules, opts.scope)}`,
    '',
    `The IAM user ${codeSpan(truncate(group.userName, 256))} in AWS account ${account} can sign in to the console with a ` +
      `password and has ${findings.length === 1 ? 'an active access key' : `${findings.length} active access keys`} ` +
      'that nobody seems to need:',
    '',
    ...keys.flatMap((f) => [describeFinding(f), ...madeByLines(f)]),
    ...(shown < findings.length ? [`- and ${findings.length - shown} more (see the JSON report)`] : []),
    '',
    '### Evidence',
    '',
    markdownTable(
      ['Field', 'Value'],
      [
        ['Account', accountIn(true)],
        ['User', code(group.userName, 256)],
        ['ARN', code(group.userArn)],
        ['User created', first ? when(formatUtc(first.userCreatedAt)) : '—'],
        ['Password last used', dash(first?.passwordLastUsedAt ?? null, (v) => when(formatDay(v)))],
        ['MFA', first?.mfaActive ? 'active' : 'not active'],
      ],
    ),
    '',
    markdownTable(
      ['Slot', 'Access key id', 'Key created', 'After the user', 'Last used', 'Region', 'Service'],
      keys.map(keyRow),
    ),
    ...(shown < findings.length
      ? ['', `${shown} of ${findings.length} keys shown; the JSON report has all of them.`]
      : []),
    '',
    '### Why it matters',
    '',
    // the rules' own text: trusted
    ...rules.flatMap((rule) => [whyItMatters(rule), '', `This is ${rule.cisSummary}.`, '']).slice(0, -1),
    '',
    '### How to fix',
    '',
    'Deactivate the key first (reversible), check that nothing breaks, then delete it:',
    '',
    ...fixBlock(keys),
    '',
    `If the user needs programmatic access later, they can create a key when they need it (see ` +
      `${[...new Set(rules.map((r) => r.helpUri))].map((uri) => `[Managing access keys for IAM users](${uri})`).join(', ')}).`,
    '',
    '### If the key is needed',
    '',
    `Record why with the IAM user tag ${codeSpan(opts.exemptionTag)}. The next run closes this issue, ` +
      'quoting the justification; after the optional `expires=` day (UTC) the key is reported again:',
    '',
    codeBlock([exemptionCommand(group.userName, opts.exemptionTag)], 'sh'),
    '',
    '---',
    '',
    `<sub>Kept in sync by ${TOOL_NAME}: updated when the evidence changes, closed when the key is gone or ` +
      'the user is exempted, reopened if the key is reported again. Keep the first line of this ' +
      'description (a hidden marker) and the `iam-initial-access-key` label.</sub>',
  ];
  if (runUrl) lines.push('', `${RUN_LINE_PREFIX}[this workflow run](${runUrl}).</sub>`);
  return lines.join('\n') + '\n';
}

/**
 * Title and body of the issue for one user. Deterministic; the body stays under
 * {@link MAX_ISSUE_BODY} characters (key rows are left out from the end when needed).
 */
export function renderIssue(group: IssueGroup, opts: RenderIssueOptions): { title: string; body: string } {
  const title = renderTitle(group, opts.scope);
  const n = group.findings.length;
  let body = renderBody(group, opts, n);
  if (body.length > MAX_ISSUE_BODY && n > 0) {
    // the largest number of key rows that fits
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = Math.ceil((lo + hi) / 2);
      if (renderBody(group, opts, mid).length <= MAX_ISSUE_BODY) lo = mid;
      else hi = mid - 1;
    }
    body = renderBody(group, opts, lo);
  }
  return { title, body };
}

/** Bodies equal but for line endings, trailing blanks and the line naming the last run. */
export function sameIssueBody(a: string | null | undefined, b: string | null | undefined): boolean {
  const norm = (s: string | null | undefined) =>
    (s ?? '')
      .replace(/\r\n?/g, '\n')
      .split('\n')
      .filter((line) => !line.startsWith(RUN_LINE_PREFIX))
      .map((line) => line.trimEnd())
      .join('\n')
      .trim();
  return norm(a) === norm(b);
}

/** A self-created key's line of a closing comment: the key and who made it (docs/design.md §10). */
function selfCreatedLine(f: Finding): string {
  const made = keyCreationNote(f);
  return (
    `- the access key in slot ${f.keySlot}${f.accessKeyId ? ` (${codeSpan(truncate(f.accessKeyId, 128))})` : ''}` +
    (made ? `: ${noteMarkdown(made)}` : '')
  );
}

/**
 * The comment posted before an issue is closed; `scope` words the fix like the issue's title. `self-created`
 * (closed like an exemption, as not planned): the user made the keys themselves, so they are not keys
 * provisioned at user setup (docs/design.md §10); `keys` are those keys, each with who made it.
 */
export function closingComment(
  reason: 'fixed' | 'exempted' | 'self-created',
  opts: { scope: Scope; justification?: string | null; keys?: readonly Finding[] },
): string {
  const { justification } = opts;
  if (reason === 'self-created') {
    const one = (opts.keys ?? []).length === 1;
    return [
      `CloudTrail shows that the user made ${one ? 'this key' : 'these keys'} themself, so ` +
        `${one ? 'it is not a key' : 'they are not keys'} provisioned at user setup:`,
      '',
      ...(opts.keys ?? []).map(selfCreatedLine),
      '',
      'Closing; the issue is reopened if a key of this user is reported again.',
    ].join('\n');
  }
  if (reason === 'fixed') {
    // The findings are gone: what the user no longer has, in the words of every rule.
    const key = RULES.map((r) => r.wording.resolved(opts.scope)).join(' or ');
    return (
      `This user no longer has ${key} (the key was deleted, deactivated or used since). Closing; the ` +
      'issue is reopened if the key is reported again.'
    );
  }
  const quoted = justification?.trim()
    ? `> ${md(justification.trim(), 2000)}`
    : '> (no justification recorded)';
  return [
    'This user is now exempted, with this justification:',
    '',
    quoted,
    '',
    'Closing; the issue is reopened if the exemption is removed or expires and the key is still unused.',
  ].join('\n');
}

/**
 * The comment posted on a user's issue when this run set keys of that user Inactive (docs/design.md §8): which
 * keys, when, by which run, how to restore each and how to exempt the user; `closing` when no other key of
 * the user still violates (the issue then closes).
 */
export function deactivationComment(
  group: Pick<IssueGroup, 'userName' | 'accountId'>,
  keys: readonly Finding[],
  opts: { at: string; runUrl: string | null; exemptionTag: string; closing: boolean },
): string {
  const runUrl = safeRunUrl(opts.runUrl);
  const by = runUrl ? `[this workflow run](${runUrl})` : 'this workflow run';
  const keyText = (f: Finding) =>
    `- the access key in slot ${f.keySlot}${f.accessKeyId ? ` (${codeSpan(truncate(f.accessKeyId, 128))})` : ''}` +
    (f.firstSeenAt ? `, first reported on ${when(formatDay(f.firstSeenAt))}` : '') +
    (f.remediation?.dueAt ? `, due for deactivation since ${when(formatDay(f.remediation.dueAt))}` : '');
  const long = group.userName.length > MAX_COMMAND_NAME;
  return [
    `${by} set ${keys.length === 1 ? 'this access key' : `these ${keys.length} access keys`} of ` +
      `${codeSpan(truncate(group.userName, 256))} in AWS account ${codeSpan(truncate(group.accountId, 64))} ` +
      `**Inactive** on ${when(formatUtc(opts.at))} (remediate: deactivate). Nothing was deleted.`,
    '',
    ...keys.map(keyText),
    '',
    'If something still needs a key, make it Active again:',
    '',
    long
      ? 'The user name is too long to show a command for; see the JSON report for the exact values.'
      : codeBlock(
          keys.map((f) => restoreCommand(f)),
          'sh',
        ),
    '',
    `To keep a key on purpose, exempt the user first (tag ${codeSpan(opts.exemptionTag)} with the ` +
      'justification, or list the user in `exempt-users`), or the next due run deactivates it again:',
    '',
    codeBlock([exemptionCommand(group.userName, opts.exemptionTag)], 'sh'),
    '',
    opts.closing
      ? 'No other key of this user violates the rule now: closing. The issue is reopened if a key is reported again.'
      : 'Other keys of this user still violate the rule: the issue stays open for them.',
  ].join('\n');
}

/** How a key is named in a record comment: its slot and id, as inline code. */
function keyName(f: Pick<Finding, 'keySlot' | 'accessKeyId'>): string {
  return `the access key in slot ${f.keySlot}${f.accessKeyId ? ` (${codeSpan(truncate(f.accessKeyId, 128))})` : ''}`;
}

/**
 * The comment that records, for the audit trail, when keys were first reported on this issue (its time is
 * the comment's own, set by GitHub): a key's notice period runs from here.
 */
export function seenComment(
  keys: readonly Finding[],
  opts: { reopened: boolean; afterDays: number | null },
): string {
  return [
    opts.reopened
      ? 'Reported again (the issue had been closed); recorded for the audit trail:'
      : 'First reported; recorded for the audit trail:',
    '',
    ...keys.map((f) => `- ${keyName(f)}`),
    ...(opts.afterDays === null
      ? []
      : [
          '',
          `With \`remediate: deactivate\`, a key still unused ${opts.afterDays} day(s) after this comment is set ` +
            'Inactive (never deleted) unless the user is exempted.',
        ]),
  ].join('\n');
}

/** The comment that records that a person made keys Active again after this tool deactivated them. */
export function restoredComment(
  keys: readonly Finding[],
  opts: { deactivatedAt: ReadonlyMap<string, string>; afterDays: number; exemptionTag: string },
): string {
  return [
    'Active again after this tool set it Inactive: taken as a deliberate decision. A new full notice ' +
      `period of ${opts.afterDays} day(s) starts with this comment:`,
    '',
    ...keys.map((f) => {
      const at = opts.deactivatedAt.get(f.location);
      return `- ${keyName(f)}${at ? `, deactivated on ${when(formatDay(at))}` : ''}`;
    }),
    '',
    `To keep it for good, exempt the user (tag ${codeSpan(opts.exemptionTag)} with the justification).`,
  ].join('\n');
}

/** The comment that records that a renamed user's keys stay tracked here (same key ids). */
export function movedComment(from: string, to: string, keys: readonly Finding[]): string {
  return [
    `The user ${codeSpan(truncate(from, 256))} is now ${codeSpan(truncate(to, 256))} (the same access key): ` +
      'this issue follows the key, with its history.',
    '',
    ...keys.map((f) => `- ${keyName(f)}`),
  ].join('\n');
}

/**
 * The comment that records a deactivation whose answer was lost (a 5xx after AWS applied it, or a run
 * stopped while it was in flight): the key was due and is Inactive now, with no record of who did it.
 */
export function unconfirmedDeactivationComment(
  keys: readonly { accessKeyId: string; userName: string; accountId: string }[],
  opts: { exemptionTag: string; closing: boolean },
): string {
  const long = keys.some((k) => k.userName.length > MAX_COMMAND_NAME);
  return [
    'This key was due for deactivation and is **Inactive** now, with no record of the change: most likely ' +
      "this tool's own deactivation, whose answer was lost (unconfirmed). Nothing was deleted.",
    '',
    ...keys.map(
      (k) => `- ${codeSpan(truncate(k.accessKeyId, 128))} of ${codeSpan(truncate(k.userName, 256))}`,
    ),
    '',
    'If something still needs it, make it Active again:',
    '',
    long
      ? 'The user name is too long to show a command for; see the JSON report for the exact values.'
      : codeBlock(
          keys.map(
            (k) =>
              `aws iam update-access-key --user-name ${shellQuote(k.userName)} --access-key-id ${shellQuote(k.accessKeyId)} --status Active`,
          ),
          'sh',
        ),
    '',
    `To keep it on purpose, exempt the user first (tag ${codeSpan(opts.exemptionTag)}).`,
    '',
    opts.closing
      ? 'No other key of this user violates the rule now: closing.'
      : 'Other keys of this user still violate the rule: the issue stays open for them.',
  ].join('\n');
}
