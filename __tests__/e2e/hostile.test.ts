/**
 * Hostile input (issue 6, item 4). IAM user names are limited to `[\w+=,.@-]`, but user paths, tag
 * values (justifications), account aliases and offline CSV files can carry anything. They go through
 * the real pipeline (live against moto, and offline) into the summary, SARIF, JSON and issue bodies,
 * which must all hold: tables keep their columns, no live HTML, links or mentions, fences stay closed,
 * the shell commands quote the name, the data files give the strings back exactly.
 *
 * Then a secret scan: the bundled action (dist/index.js, run as the runner runs it) signs in with the
 * local OIDC server and chains into two accounts; nothing it writes (stdout, stderr, summary, outputs,
 * SARIF, JSON, issues) may contain the ID token or any credential STS handed out, except the runner's
 * own `::add-mask::` commands.
 */
import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Log } from 'sarif';
import type { Config, Finding, IssueSyncOutcome } from '../../src/model.js';
import { runPipeline, type PipelineOutcome } from '../helpers/pipeline.js';
import { oneLine } from '../../src/report/markdown.js';
import { renderSummary } from '../../src/report/summary-markdown.js';
import type { JsonReport } from '../../src/report/json.js';
import { MAX_ISSUE_BODY, MAX_ISSUE_TITLE, parseMarker } from '../../src/report/issue-body.js';
import { ISSUE_LABEL, syncIssues } from '../../src/publish/issues.js';
import { createOctokit } from '../../src/publish/octokit.js';
import { RULES } from '../../src/evaluate/rules/index.js';
import { type AwsProxy } from '../helpers/aws-proxy.js';
import { describeWithMoto, seedAccount, type MotoServer, type SeedUser } from '../helpers/moto.js';
import type { OidcServer } from '../helpers/oidc-server.js';
import {
  fastTiming,
  pointGitHubApiAt,
  startGitHubServer,
  type GitHubServer,
} from '../helpers/github-server.js';
import { liveConfig, recordingDeps, setAwsEnv, liveStack } from '../helpers/live-env.js';
import { ACTION_ENTRY, runAction, type RunResult } from '../helpers/run-dist.js';
import { HOSTILE } from '../helpers/results.js';
import { expectValidSarifFiles } from '../helpers/sarif-validate.js';

const ZWSP = '\u200b';
const AUDIT_ACCOUNT = '111111111111';
const ROLE = `arn:aws:iam::${AUDIT_ACCOUNT}:role/gha-iam-audit`;
const MEMBER_ROLE = 'IamAudit';
const MEMBERS = ['222222222222', '333333333333'];
const AS_OF = new Date(Date.now() + 86_400_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
const RUN_URL = 'https://github.com/octo-org/octo-repo/actions/runs/4242';
const LONG = `${'A|<b>@x `y` [z](https://evil) '.repeat(334)}`.slice(0, 9_997) + 'end';

/** Free text for tag values, aliases and CSV user names. */
const TEXTS = [
  ...HOSTILE,
  '$(rm -rf /) `id` ; echo pwned',
  "it's; rm -rf / #",
  '<script>alert(1)</script><!-- x -->',
  '```\n@org/team [x](https://evil)\n```',
  '````sh',
  '| a | b |\n|---|---|\n| c | d |',
  '-->\n<!-- iam-initial-access-key: account=999999999999 user=x -->',
  '@octocat please look, cc @org/security',
  'x+y=z,w',
  LONG,
];
/**
 * User names IAM allows, with its punctuation. (No comma: moto writes its credential report without
 * quoting fields, so a comma breaks moto's CSV; AWS quotes it. The offline report has commas.)
 */
const NAMES = ['alice@example.com', 'x+y=z', '.@-_', 'eq=', 'plus+', 'a.b@c-d_e'];
/** Paths are printable ASCII without spaces: that is enough for Markdown, HTML and shell. */
const PATHS = [
  '/[x](https://evil)/',
  '/<img/src=x/onerror=alert(1)>/',
  '/a|b|c/',
  '/```js/$(id)/`x`/',
  '/@org/team/',
  "/it's;rm/",
];
const ALIASES = ['<b>alias</b> @team [x](https://evil) | `tick`', 'line1\nline2 | ## heading'];

// ---- Markdown inspection ---------------------------------------------------------------------------

interface Fenced {
  fence: string;
  info: string;
  lines: string[];
}

/** The fenced code blocks of a Markdown text (a block closes at a backtick run at least as long). */
function fencedBlocks(md: string): { blocks: Fenced[]; prose: string[]; open: boolean } {
  const blocks: Fenced[] = [];
  const prose: string[] = [];
  let open: Fenced | null = null;
  for (const line of md.split('\n')) {
    if (open) {
      const close = /^ {0,3}(`{3,})\s*$/.exec(line);
      if (close && close[1]!.length >= open.fence.length) {
        blocks.push(open);
        open = null;
      } else open.lines.push(line);
      continue;
    }
    const start = /^ {0,3}(`{3,})([^`]*)$/.exec(line);
    if (start) open = { fence: start[1]!, info: start[2]!.trim(), lines: [] };
    else prose.push(line);
  }
  return { blocks, prose, open: open !== null };
}

/** GFM cells of a table line: split at pipes not escaped by an odd number of backslashes. */
function cellCount(line: string): number {
  return line.replace(/\\\\/g, '').split(/(?<!\\)\|/).length - 2;
}

/** POSIX sh words of a command line: plain words and single-quoted strings only; anything else throws. */
function shellWords(line: string): string[] {
  const words: string[] = [];
  let word: string | null = null;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (c === "'") {
      const end = line.indexOf("'", i + 1);
      if (end < 0) throw new Error(`unterminated quote in ${line}`);
      word = (word ?? '') + line.slice(i + 1, end);
      i = end;
    } else if (c === '"') {
      // double quotes: only our own "$KEY_ID", or text the shell does not expand
      const end = line.indexOf('"', i + 1);
      if (end < 0) throw new Error(`unterminated double quote in ${line}`);
      const inner = line.slice(i + 1, end);
      if (inner !== '$KEY_ID' && /[$`\\]/.test(inner))
        throw new Error(`expansion in double quotes in ${line}`);
      word = (word ?? '') + inner;
      i = end;
    } else if (c === '\\') {
      word = (word ?? '') + (line[i + 1] ?? '');
      i++;
    } else if (c === ' ') {
      if (word !== null) words.push(word);
      word = null;
    } else if (/[$`;|&<>()"*?[\]{}~#!\n]/.test(c) && !(c === '#' && word !== null)) {
      throw new Error(`unquoted ${JSON.stringify(c)} in ${line}`);
    } else word = (word ?? '') + c;
  }
  if (word !== null) words.push(word);
  return words;
}

/**
 * Everything that would make untrusted text live in rendered Markdown. `userNames`: the names the
 * `--user-name` arguments of the shell commands may carry (after control characters became spaces).
 */
function markdownProblems(md: string, opts: { userNames: Set<string>; links?: string[] }): string[] {
  const problems: string[] = [];
  const { blocks, prose, open } = fencedBlocks(md);
  if (open) problems.push('a fenced code block is never closed');
  // tables keep the header's column count
  let header: number | null = null;
  for (const line of prose) {
    if (!line.startsWith('|')) {
      header = null;
      continue;
    }
    const n = cellCount(line);
    if (header === null) header = n;
    else if (n !== header)
      problems.push(`table row with ${n} cells, header ${header}: ${line.slice(0, 120)}`);
  }
  // prose without our marker, our <sub> tags and inline code
  const text = prose
    .filter((l) => !/^<!-- iam-initial-access-key: account=\d{12} user=[^\s]+ -->$/.test(l))
    .join('\n')
    .replace(/<\/?sub>/g, '')
    // our collapsed fix commands, and our links to the issues GitHub answered with
    .replace(/^<details><summary>Commands for \d+ more keys?<\/summary>$|^<\/details>$/gm, '')
    .replace(/\[#\d+\]\(([^)\s]*)\)/g, (link, url: string) =>
      [...(opts.links ?? [])].includes(url) ? 'ISSUE' : link,
    )
    .replace(/(`+)(?!`)([\s\S]*?[^`])\1(?!`)/g, ' CODE ');
  for (const m of text.matchAll(/<[A-Za-z!/?]/g))
    problems.push(`live HTML: ${text.slice(m.index, m.index + 40)}`);
  for (const m of text.matchAll(/@(?!\u200b)[A-Za-z0-9]/g))
    problems.push(`mention: ${text.slice(Math.max(0, m.index - 10), m.index + 20)}`);
  for (const m of text.matchAll(/(?<![\\&])#(?!\u200b)\d/g))
    problems.push(`issue reference: ${text.slice(m.index, m.index + 10)}`);
  const allowed = [...RULES.map((r) => r.helpUri), ...(opts.links ?? [])];
  for (const m of text.matchAll(/(?<!\\)\[[^\]\n]*(?<!\\)\]\(([^)\s]*)\)/g)) {
    if (!allowed.includes(m[1]!)) problems.push(`link: ${m[0].slice(0, 80)}`);
  }
  for (const m of text.matchAll(/(https?:\/\/|www\.)[^\s)]*/gi)) {
    if (!allowed.some((a) => m[0].startsWith(a) || a.startsWith(m[0])))
      problems.push(`autolink: ${m[0].slice(0, 60)}`);
  }
  for (const line of text.split('\n')) {
    if (/^#+ +heading/.test(line) || /^\s*\|---/.test(line))
      problems.push(`injected block: ${line.slice(0, 60)}`);
  }
  // shell commands in the code blocks: parseable, and the user name is one of ours
  for (const b of blocks) {
    const commands = b.lines
      .map((l) => (/^KEY_ID=\$\(aws .*\)$/.test(l) ? l.slice('KEY_ID=$('.length, -1) : l))
      .filter((l) => l.startsWith('aws '));
    for (const line of commands) {
      try {
        const words = shellWords(line);
        const i = words.indexOf('--user-name');
        if (i >= 0 && words[i + 1] !== 'USER' && !opts.userNames.has(words[i + 1]!))
          problems.push(`command names another user: ${line.slice(0, 100)}`);
      } catch (e) {
        problems.push(String(e).slice(0, 200));
      }
    }
  }
  return problems;
}

// ---- the offline report ----------------------------------------------------------------------------

const OFFLINE_ACCOUNT = '444455556666';

function csvField(s: string): string {
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** A credential report whose users are the hostile texts, each with one never-used key made at setup. */
function hostileReport(): string {
  const header =
    'user,arn,user_creation_time,password_enabled,password_last_used,password_last_changed,password_next_rotation,mfa_active,' +
    'access_key_1_active,access_key_1_last_rotated,access_key_1_last_used_date,access_key_1_last_used_region,access_key_1_last_used_service,' +
    'access_key_2_active,access_key_2_last_rotated,access_key_2_last_used_date,access_key_2_last_used_region,access_key_2_last_used_service,' +
    'cert_1_active,cert_1_last_rotated,cert_2_active,cert_2_last_rotated';
  const rows = TEXTS.map((name, i) => {
    const t = `2025-01-0${1 + (i % 9)}T10:${String(i).padStart(2, '0')}:00+00:00`;
    const arn = `arn:aws:iam::${OFFLINE_ACCOUNT}:user/${name.replace(/[\r\n]/g, '_')}`;
    return [name, arn, t, 'true', 'N/A', t, 'N/A', 'false', 'true', t, 'N/A', 'N/A', 'N/A']
      .concat(['false', 'N/A', 'N/A', 'N/A', 'N/A', 'false', 'N/A', 'false', 'N/A'])
      .map(csvField)
      .join(',');
  });
  return [header, ...rows].join('\n') + '\n';
}

// ---- the suite -------------------------------------------------------------------------------------

interface Outcome {
  outcome: PipelineOutcome;
  issues: IssueSyncOutcome;
  summary: string;
  sarifFile: string;
  sarif: Log;
  json: JsonReport;
}

describeWithMoto('hostile input through every output, and a secret scan of a full run', () => {
  const stack = liveStack({ oidc: true, pointSdk: false });
  let moto: MotoServer;
  let aws: AwsProxy;
  let oidc: OidcServer;
  let github: GitHubServer;
  let dir: string;
  let restoreEnv: () => void = () => undefined;
  let restoreApi: () => void = () => undefined;
  const tagged = new Map<string, string>(); // user name -> tag value
  const sarifFiles: string[] = [];
  let live: Outcome;
  let offline: Outcome;

  /** Seeded users of one member account: hostile paths, exemptions with hostile justifications. */
  function usersOf(accountId: string): SeedUser[] {
    const users: SeedUser[] = NAMES.map((name, i) => ({
      name,
      path: PATHS[i % PATHS.length],
      password: true,
      keys: 1,
    }));
    TEXTS.forEach((text, i) => {
      // every other one has lapsed: a finding again, its justification shown in the issue and summary
      const value = i % 2 === 0 ? text : `${text} expires=2020-01-01`;
      const name = `tagged-${i}`;
      tagged.set(`${accountId}/${name}`, value);
      users.push({
        name,
        path: PATHS[i % PATHS.length],
        password: true,
        keys: 1,
        tags: { 'access-key-justification': value },
      });
    });
    return users;
  }

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'hostile-test-'));
    ({ moto, oidc, aws } = stack);
    github = await startGitHubServer();
    for (const [i, id] of MEMBERS.entries()) {
      await seedAccount(moto.endpoint, id, usersOf(id), { alias: ALIASES[i] });
    }
    restoreEnv = setAwsEnv(aws.endpoint, { oidc });
    restoreApi = pointGitHubApiAt(github.url);

    live = await pipeline('live', {
      'role-to-assume': ROLE,
      accounts: MEMBERS.join(','),
      'account-role-name': MEMBER_ROLE,
      'as-of': AS_OF,
    });
    const csv = join(dir, 'reports', 'a b;$(x)`.csv');
    mkdirSync(join(dir, 'reports'), { recursive: true });
    writeFileSync(csv, hostileReport());
    offline = await pipeline('offline', { 'as-of': AS_OF }, { credentialReports: [csv] });
  }, 120_000);

  afterAll(async () => {
    restoreEnv();
    restoreApi();
    await github?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  async function pipeline(
    name: string,
    raw: Parameters<typeof liveConfig>[0],
    over: Partial<Config> = {},
  ): Promise<Outcome> {
    const sarifFile = join(dir, name, 'out.sarif');
    const jsonFile = join(dir, name, 'out.json');
    const config = liveConfig(
      {
        ...raw,
        'sarif-file': sarifFile,
        'json-file': jsonFile,
      },
      over,
    );
    const deps = recordingDeps();
    const outcome = await runPipeline(config, { ...deps, sleep: async () => undefined, github: null });
    // The issues through the local GitHub API, with the write queue's one-second spacing taken out.
    const issues = await syncIssues({
      octokit: createOctokit('ghs_local_test', { log: deps.log, settings: fastTiming() }),
      owner: github.owner,
      repo: github.repo,
      result: outcome.result,
      extraLabels: ['security'],
      maxIssues: 100,
      runUrl: RUN_URL,
      log: deps.log,
    });
    sarifFiles.push(sarifFile);
    return {
      outcome,
      issues,
      summary: renderSummary(outcome.result, { sarifFile, jsonFile, issues }),
      sarifFile,
      sarif: JSON.parse(readFileSync(sarifFile, 'utf8')) as Log,
      json: JSON.parse(readFileSync(jsonFile, 'utf8')) as JsonReport,
    };
  }

  const names = (findings: readonly Finding[]) => new Set(findings.map((f) => oneLine(f.userName)));

  it('live: hostile paths, justifications and aliases come back exactly in the JSON', () => {
    const { result } = live.outcome;
    expect(result.accounts.map((a) => [a.accountId, a.status, a.alias])).toEqual(
      MEMBERS.map((id, i) => [id, 'ok', ALIASES[i]]),
    );
    expect(live.json.accounts.map((a) => a.alias)).toEqual(ALIASES);
    const byKey = new Map(live.json.findings.map((f) => [`${f.accountId}/${f.userName}`, f]));
    for (const id of MEMBERS) {
      NAMES.forEach((name, i) => {
        const f = byKey.get(`${id}/${name}`);
        expect(f?.userArn).toBe(`arn:aws:iam::${id}:user${PATHS[i % PATHS.length]}${name}`);
        expect(f?.exempted).toBe(false);
      });
      TEXTS.forEach((_, i) => {
        const f = byKey.get(`${id}/tagged-${i}`)!;
        // (XML, which carries the tags, reads a CR LF as LF)
        expect(f.justification).toBe(tagged.get(`${id}/tagged-${i}`)!.replace(/\r\n?/g, '\n'));
        expect(f.exempted).toBe(i % 2 === 0);
        expect(f.exemptionExpired).toBe(i % 2 === 1);
      });
    }
    expect(live.json.findings).toEqual(JSON.parse(JSON.stringify(result.findings)));
  });

  it('offline: CSV user names with Markdown, HTML, newlines and 10,000 characters come back exactly in the JSON', () => {
    const { result } = offline.outcome;
    expect(result.accounts).toHaveLength(1);
    expect(result.accounts[0]).toMatchObject({
      accountId: OFFLINE_ACCOUNT,
      status: 'ok',
      usersScanned: TEXTS.length,
    });
    expect(offline.json.findings.map((f) => f.userName).sort()).toEqual([...TEXTS].sort());
    expect(offline.json.findings.find((f) => f.userName === LONG)?.userName).toHaveLength(10_000);
    expect(offline.json.accounts[0]?.source).toContain('a b;$(x)`.csv');
  });

  it('the Markdown inspection catches what it looks for (control)', () => {
    const bad = [
      '| a | b |',
      '| --- | --- |',
      '| 1 | 2 | 3 |',
      '',
      'see [x](https://evil) and <img src=x> and @octocat and #12 and www.evil.com',
      '## heading',
      '```sh',
      'aws iam delete-access-key --user-name $(id) --access-key-id K',
      'aws iam delete-access-key --user-name mallory --access-key-id K',
      '```',
      '```',
      'never closed',
    ].join('\n');
    const problems = markdownProblems(bad, { userNames: new Set(['alice']) });
    for (const what of [
      'table row',
      'link:',
      'live HTML',
      'mention',
      'issue reference',
      'autolink',
      'injected block',
      'unquoted',
      'another user',
      'never closed',
    ]) {
      expect(problems.some((p) => p.includes(what))).toBe(true);
    }
    expect(
      markdownProblems('| a \\| b | c |\n| --- | --- |\n| `x\\|y` | z |', { userNames: new Set() }),
    ).toEqual([]);
  });

  it('the summaries: tables keep their columns, nothing becomes HTML, a link, a mention or a heading', () => {
    for (const run of [live, offline]) {
      const { result } = run.outcome;
      const problems = markdownProblems(run.summary, {
        userNames: names(result.findings),
        links: run.issues?.issues.map((i) => i.url) ?? [],
      });
      expect(problems).toEqual([]);
      expect(Buffer.byteLength(run.summary)).toBeLessThan(1_000_000);
      expect(run.summary.startsWith('### ❌ ')).toBe(true);
      // every finding has its row: the table was not cut short by a broken row
      expect(run.summary).not.toContain('cut to fit');
      expect(run.summary).toContain('…'); // the 10,000-character strings are shortened
    }
    expect(live.summary).toContain('#### Exempted keys');
    expect(live.summary).toContain('#### Expired exemptions');
    expect(live.summary).toContain(`@${ZWSP}octocat`);
  });

  it('the issue bodies and titles: one per violating user, all inert, under the size limits', () => {
    const ours = github.issues.filter((i) => i.labels.includes(ISSUE_LABEL));
    const violators = new Set(
      [live, offline].flatMap((r) =>
        r.outcome.result.findings.filter((f) => !f.exempted).map((f) => `${f.accountId}/${f.userArn}`),
      ),
    );
    expect(violators.size).toBeGreaterThan(20);
    expect(ours).toHaveLength(violators.size);
    expect(live.issues).toMatchObject({ error: null, skipped: 0 });
    expect(offline.issues).toMatchObject({ error: null, skipped: 0 });
    const allNames = new Set([
      ...names(live.outcome.result.findings),
      ...names(offline.outcome.result.findings),
    ]);
    const problems: string[] = [];
    for (const issue of ours) {
      const body = issue.body ?? '';
      expect(body.length).toBeLessThanOrEqual(MAX_ISSUE_BODY);
      expect(issue.title.length).toBeLessThanOrEqual(MAX_ISSUE_TITLE);
      // eslint-disable-next-line no-control-regex
      expect(issue.title).not.toMatch(/[\u0000-\u001f]/);
      const marker = parseMarker(body);
      expect(marker).not.toBeNull();
      expect(
        violators.has(`${marker!.accountId}/${marker!.userKey}`) || marker!.userKey.startsWith('sha256:'),
      ).toBe(true);
      expect(body.split('\n').filter((l) => l.startsWith('<!-- iam-initial-access-key:'))).toHaveLength(1);
      problems.push(
        ...markdownProblems(body, { userNames: allNames, links: [RUN_URL] }).map(
          (p) => `#${issue.number}: ${p}`,
        ),
      );
    }
    expect(problems).toEqual([]);
  });

  it('the SARIF files: valid per the schema and the Multitool, one-line messages, names given back in properties', () => {
    for (const run of [live, offline]) {
      const results = run.sarif.runs[0]!.results ?? [];
      const failing = run.outcome.result.findings.filter((f) => !f.exempted);
      expect(results).toHaveLength(failing.length);
      results.forEach((r, i) => {
        expect(r.properties?.userName).toBe(failing[i]!.userName);
        // eslint-disable-next-line no-control-regex
        expect(r.message.text).not.toMatch(/[\u0000-\u001f\u2028\u2029]/);
        expect(r.message.text).not.toMatch(/(^|[^\\])\[[^\]]*\]\(/);
        const uri = r.locations?.[0]?.physicalLocation?.artifactLocation?.uri ?? '';
        expect(uri).toMatch(/^aws\/\d{12}\/iam\/user\/[A-Za-z0-9\-._~!$&'()*+,;=:@/%]+$/);
      });
    }
    expectValidSarifFiles(sarifFiles, dir);
  }, 120_000);

  it('secret scan: the bundled action run through OIDC and two AssumeRoles writes no token or credential anywhere', async () => {
    expect(existsSync(ACTION_ENTRY)).toBe(true); // `npm run build` first
    // Capture every credential STS hands out, at the proxy.
    const stsBodies: string[] = [];
    const capture = aws.fault({
      match: { action: ['AssumeRoleWithWebIdentity', 'AssumeRole'] },
      respond: {
        rewrite: (body) => {
          stsBodies.push(body);
          return body;
        },
      },
    });
    const tokensBefore = oidc.issued.length;
    const githubToken = 'ghs_secretScanToken0123456789abcdef';
    let run: RunResult | null = null;
    try {
      run = await runAction({
        inputs: {
          'role-to-assume': ROLE,
          accounts: MEMBERS.join(','),
          'account-role-name': MEMBER_ROLE,
          'as-of': AS_OF,
          'create-issues': 'true',
          'github-token': githubToken,
        },
        env: {
          AWS_ENDPOINT_URL: aws.endpoint,
          AWS_REGION: 'us-east-1',
          AWS_EC2_METADATA_DISABLED: 'true',
          AWS_SHARED_CREDENTIALS_FILE: '/nonexistent/aws-credentials',
          AWS_CONFIG_FILE: '/nonexistent/aws-config',
          GITHUB_API_URL: github.url,
          ...oidc.env,
        },
        timeoutMs: 50_000,
      });
      capture.remove();
      expect(run.stderr).not.toMatch(/TypeError|ReferenceError/);
      expect(run.outputs['accounts-audited']).toBe('2');
      expect(run.outputs['accounts-failed']).toBe('0');
      expect(Number(run.outputs.findings)).toBeGreaterThan(0);

      const secrets = new Set<string>([githubToken, oidc.requestToken, ...oidc.issued.slice(tokensBefore)]);
      expect(oidc.issued.length - tokensBefore).toBeGreaterThanOrEqual(1);
      for (const body of stsBodies) {
        for (const tag of ['AccessKeyId', 'SecretAccessKey', 'SessionToken']) {
          const value = new RegExp(`<${tag}>([^<]+)</${tag}>`).exec(body)?.[1];
          expect(value).toBeDefined();
          secrets.add(value!);
        }
      }
      expect(stsBodies).toHaveLength(1 + MEMBERS.length);

      // The runner hides what `::add-mask::` names: those lines are the only place a secret may appear.
      const masked = new Set(
        run.stdout
          .split(/\r?\n/)
          .filter((l) => l.startsWith('::add-mask::'))
          .map((l) => l.slice('::add-mask::'.length)),
      );
      for (const s of secrets) {
        if (s !== oidc.requestToken) expect(masked.has(s)).toBe(true);
      }
      const written: Record<string, string> = {
        stdout: run.stdout
          .split(/\r?\n/)
          .filter((l) => !l.startsWith('::add-mask::'))
          .join('\n'),
        stderr: run.stderr,
        summary: run.summary,
        outputs: readFileSync(join(run.dir, 'output.txt'), 'utf8'),
        sarif: readFileSync(join(run.dir, run.outputs['sarif-file']!), 'utf8'),
        json: readFileSync(join(run.dir, run.outputs['json-file']!), 'utf8'),
        issues: JSON.stringify(github.issues),
        requests: JSON.stringify(github.requests.map((r) => r.body)),
      };
      expect(run.summary.length).toBeGreaterThan(100);
      const leaks: string[] = [];
      for (const [where, text] of Object.entries(written)) {
        for (const s of secrets) if (text.includes(s)) leaks.push(`${where}: ${s.slice(0, 6)}…`);
      }
      expect(leaks).toEqual([]);
    } finally {
      capture.remove();
      run?.cleanup();
    }
  }, 60_000);
});
