import { describe, expect, it } from '@jest/globals';
import { codeSpans, withoutCodeSpans } from '../../helpers/code-spans.js';
import {
  MAX_ISSUE_BODY,
  MAX_ISSUE_TITLE,
  closingComment,
  parseMarker,
  renderIssue,
  renderMarker,
  sameIssueBody,
  userKey,
  type IssueGroup,
} from '../../../src/report/issue-body.js';
import { oneLine } from '../../../src/report/markdown.js';
import type { Finding } from '../../../src/model.js';
import { HOSTILE, makeFinding, makeStaleFinding } from '../../helpers/results.js';

const ZWSP = '\u200b';
const OPTS = { exemptionTag: 'access-key-justification', runUrl: null, scope: 'at-setup' } as const;

function groupOf(findings: Finding[], alias: string | null = 'prod'): IssueGroup {
  const f = findings[0] as Finding;
  return { accountId: f.accountId, alias, userName: f.userName, userArn: f.userArn, findings };
}

function groupFor(userName: string, overrides: Partial<Finding> = {}): IssueGroup {
  return groupOf([makeFinding({ userName, ...overrides })]);
}

interface Fenced {
  fence: string;
  info: string;
  lines: string[];
}

/** The fenced code blocks of a Markdown text (CommonMark: a block closes at a backtick run at least as long). */
function fencedBlocks(md: string): { blocks: Fenced[]; prose: string } {
  const blocks: Fenced[] = [];
  const prose: string[] = [];
  let open: Fenced | null = null;
  for (const line of md.split('\n')) {
    if (open) {
      const close = /^ {0,3}(`{3,})\s*$/.exec(line);
      if (close && (close[1] as string).length >= open.fence.length) {
        blocks.push(open);
        open = null;
      } else {
        open.lines.push(line);
      }
      continue;
    }
    const start = /^ {0,3}(`{3,})([^`]*)$/.exec(line);
    if (start) open = { fence: start[1] as string, info: (start[2] as string).trim(), lines: [] };
    else prose.push(line);
  }
  expect(open).toBeNull(); // every block is closed
  return { blocks, prose: prose.join('\n') };
}

/** Prose with the marker, our own `<sub>` tags and inline code spans removed. */
function plainProse(body: string): string {
  const { prose } = fencedBlocks(body);
  return prose
    .split('\n')
    .filter((l) => !l.startsWith('<!-- iam-initial-access-key:'))
    .join('\n')
    .replace(/<\/?sub>/g, '')
    .replace(/(`+)(?!`)([\s\S]*?[^`])\1(?!`)/g, ' CODE ');
}

/**
 * POSIX sh words of one command line, accepting only plain words and single-quoted strings. Anything
 * the shell would interpret (`$`, backticks, `;`, `|`, `&`, redirections, double quotes) outside single
 * quotes throws: the name cannot have become code.
 */
function shellWords(line: string): string[] {
  const words: string[] = [];
  let word: string | null = null;
  for (let i = 0; i < line.length; i++) {
    const c = line[i] as string;
    if (c === "'") {
      const end = line.indexOf("'", i + 1);
      if (end < 0) throw new Error(`unterminated quote in ${line}`);
      word = (word ?? '') + line.slice(i + 1, end);
      i = end;
    } else if (c === '\\') {
      word = (word ?? '') + (line[i + 1] ?? '');
      i++;
    } else if (c === ' ') {
      if (word !== null) words.push(word);
      word = null;
    } else if (/[$`;|&<>()"*?[\]{}~#!\n]/.test(c) && !(c === '#' && word !== null)) {
      throw new Error(`unquoted ${JSON.stringify(c)} in ${line}`);
    } else {
      word = (word ?? '') + c;
    }
  }
  if (word !== null) words.push(word);
  return words;
}

function commandsOf(body: string): string[] {
  return fencedBlocks(body)
    .blocks.flatMap((b) => b.lines)
    .filter((l) => l.startsWith('aws '));
}

const NASTY = [
  ...HOSTILE,
  '$(rm -rf /)',
  '`rm -rf /`',
  "it's; rm -rf / #",
  '<script>alert(1)</script>',
  '@org/team',
  '```\n@org/team [x](https://evil)\n```',
  '````sh',
  '-->\n<!-- iam-initial-access-key: account=999999999999 user=x -->',
];

describe('renderIssue', () => {
  it('words title and heading like the summary under `scope: any`: no claim of user setup', () => {
    // 3 days after the user: a finding only `scope: any` reports
    const f = makeFinding({ setupGapSeconds: 3 * 86_400, keyCreatedAt: '2024-01-13T09:00:00.000Z' });
    const any = { ...OPTS, scope: 'any' } as const;
    const { title, body } = renderIssue(groupOf([f]), any);
    expect(title).toBe('IAM user `alice` in account `123456789012` has an unused access key');
    expect(body).toContain('\n## IAM user `alice` has an unused access key\n');
    expect(body).toContain('created 3 d after the user');
    expect(`${title}\n${body}`).not.toContain('user setup');
    // deterministic, so a second run changes nothing
    const again = renderIssue(groupOf([f]), { ...any, runUrl: 'https://github.com/o/r/actions/runs/2' });
    expect(again.title).toBe(title);
    expect(sameIssueBody(again.body, body)).toBe(true);
    // the at-setup wording stays for the default scope
    expect(renderIssue(groupOf([f]), OPTS).title).toMatch(/has an unused access key created at user setup$/);
  });

  it('renders the evidence, the fix and the exemption command for a plain user', () => {
    const f = makeStaleFinding(200, { keySlot: 2, accessKeyId: 'AKIAEXAMPLE2222' });
    const { title, body } = renderIssue(groupOf([f]), OPTS);
    expect(title).toBe(
      'IAM user `alice` in account `123456789012` has an unused access key created at user setup',
    );
    expect(body.split('\n')[0]).toBe(
      '<!-- iam-initial-access-key: account=123456789012 user=arn%3Aaws%3Aiam%3A%3A123456789012%3Auser%2Falice -->',
    );
    for (const text of [
      '`123456789012` (`prod`)',
      'AKIAEXAMPLE2222',
      '2024-01-10 09:00:00 UTC', // user created
      '2024-01-10 09:00:12 UTC', // key created
      '12 s',
      'us\\-east\\-1',
      'was last used on 2024-11-13',
      's3',
      'Password last used',
      'not active',
      '### Why it matters',
      '### How to fix',
      'aws iam update-access-key --user-name alice --access-key-id AKIAEXAMPLE2222 --status Inactive',
      'aws iam delete-access-key --user-name alice --access-key-id AKIAEXAMPLE2222',
      `aws iam tag-user --user-name alice --tags 'Key=access-key-justification,Value="reason; expires=YYYY-MM-DD"'`,
    ]) {
      expect(body).toContain(text);
    }
    expect(body.endsWith('\n')).toBe(true);
  });

  it('is deterministic, and the run link does not count as a change', () => {
    const g = groupOf([makeFinding(), makeFinding({ keySlot: 2, accessKeyId: 'AKIASECOND' })]);
    const a = renderIssue(g, OPTS);
    const b = renderIssue(structuredClone(g), OPTS);
    expect(b).toEqual(a);
    const withRun = renderIssue(g, { ...OPTS, runUrl: 'https://github.com/o/r/actions/runs/1' });
    const otherRun = renderIssue(g, { ...OPTS, runUrl: 'https://github.com/o/r/actions/runs/2' });
    expect(withRun.body).toContain('(https://github.com/o/r/actions/runs/1)');
    expect(withRun.body).not.toBe(otherRun.body);
    expect(sameIssueBody(withRun.body, otherRun.body)).toBe(true);
    expect(sameIssueBody(withRun.body, a.body)).toBe(true);
    expect(sameIssueBody(withRun.body.replace(/\n/g, '\r\n'), otherRun.body)).toBe(true);
    const changed = renderIssue(groupOf([makeFinding({ mfaActive: true })]), OPTS);
    expect(sameIssueBody(changed.body, a.body)).toBe(false);
  });

  it('does not render a run URL that could be Markdown', () => {
    const { body } = renderIssue(groupFor('alice'), { ...OPTS, runUrl: 'https://x/y) [a](https://evil' });
    expect(body).not.toContain('evil');
  });

  it('offline findings (no key id) list the keys first and use a placeholder', () => {
    const { body } = renderIssue(groupFor('alice', { accessKeyId: null }), OPTS);
    expect(body).toContain('aws iam list-access-keys --user-name alice');
    expect(body).toContain(`--query "AccessKeyMetadata[?starts_with(CreateDate, '`);
    expect(body).toContain('--access-key-id "$KEY_ID"');
  });

  it.each(NASTY.map((n) => [n]))('keeps the user name %j inert', (name) => {
    const arn = `arn:aws:iam::123456789012:user/${name}`;
    const g = groupFor(name, {
      userArn: arn,
      justification: name,
      exemptionExpired: true,
      reason: 'unused',
      keyLastUsedAt: name,
      keyLastUsedRegion: name,
      keyLastUsedService: name,
      userCreatedAt: name,
      passwordLastUsedAt: name,
    });
    const { title, body } = renderIssue({ ...g, alias: name }, OPTS);

    // title: one line; the name is inline code (no mention, no issue reference) and copies exactly
    expect(title).not.toMatch(/[\r\n]/);
    expect(withoutCodeSpans(title)).not.toMatch(/[@#]/);
    expect(title).not.toContain(ZWSP);
    expect(codeSpans(title)[0]).toBe(oneLine(name));
    expect(title.length).toBeLessThanOrEqual(MAX_ISSUE_TITLE);

    // the marker is the first line, unforgeable, and round-trips
    expect(body.split('\n')[0]).toBe(renderMarker('123456789012', arn));
    expect(parseMarker(body)).toEqual({ accountId: '123456789012', userKey: arn });

    // prose: no HTML, no mention, no link or autolink but ours
    const prose = plainProse(body);
    expect(prose).not.toMatch(/</);
    expect(prose).not.toMatch(new RegExp(`@(?!${ZWSP})`));
    const targets = [...prose.matchAll(/\]\(([^)]*)\)/g)].map((m) => m[1]);
    for (const t of targets) expect(t).toMatch(/^https:\/\/docs\.aws\.amazon\.com\//);
    expect(prose.replace(/\]\(https:\/\/docs\.aws\.amazon\.com\/[^)]*\)/g, '')).not.toMatch(/:\/\//);
    expect(prose).not.toMatch(/^#{1,6} (?!IAM user|Evidence|Why it matters|How to fix|If the key)/m);

    // commands: the name is exactly one argument, nothing in it is interpreted by the shell
    const commands = commandsOf(body);
    expect(commands.length).toBeGreaterThanOrEqual(3);
    // control and bidi characters (never in a real IAM name) become spaces
    const clean = name.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, ' '); // eslint-disable-line no-control-regex
    for (const line of commands) {
      const words = shellWords(line);
      const at = words.indexOf('--user-name');
      expect(at).toBeGreaterThan(0);
      expect(words[at + 1]).toBe(clean);
    }
  });

  it('a name with a backtick fence cannot close the code block early', () => {
    const name = '```\n@org/team\n```';
    const { body } = renderIssue(groupFor(name), OPTS);
    const { blocks } = fencedBlocks(body);
    const fix = blocks.find((b) => b.lines.some((l) => l.includes('update-access-key')));
    expect(fix?.fence.length).toBeGreaterThan(3);
    expect(fix?.info).toBe('sh');
    expect(fix?.lines.every((l) => l.startsWith('aws ') || l.startsWith('#'))).toBe(true);
  });

  it('$(rm -rf /) stays one single-quoted argument', () => {
    const { body } = renderIssue(groupFor('$(rm -rf /)'), OPTS);
    expect(body).toContain(
      "aws iam delete-access-key --user-name '$(rm -rf /)' --access-key-id AKIAIOSFODNN7EXAMPLE",
    );
  });

  it('stays under 65,536 characters with many keys, cutting key rows', () => {
    const findings = Array.from({ length: 3000 }, (_, i) =>
      makeFinding({ userName: 'u'.repeat(60), accessKeyId: `AKIA${String(i).padStart(16, '0')}` }),
    );
    const { body } = renderIssue(groupOf(findings), OPTS);
    expect(body.length).toBeLessThanOrEqual(MAX_ISSUE_BODY);
    expect(body).toMatch(/\d+ of 3000 keys shown/);
    expect(parseMarker(body)).not.toBeNull();
    fencedBlocks(body); // still well formed
  });

  it('stays under the limit with absurdly long names and values', () => {
    const name = 'n'.repeat(200_000);
    const { title, body } = renderIssue(
      groupFor(name, { justification: 'j'.repeat(100_000), exemptionExpired: true }),
      OPTS,
    );
    expect(body.length).toBeLessThanOrEqual(MAX_ISSUE_BODY);
    expect(title.length).toBeLessThanOrEqual(MAX_ISSUE_TITLE);
    const marker = parseMarker(body);
    expect(marker?.userKey).toBe(userKey(`arn:aws:iam::123456789012:user/${name}`));
    expect(marker?.userKey).toMatch(/^sha256:[0-9a-f]{64}$/);
  });
});

describe('parseMarker', () => {
  it('reads only a marker on the first line', () => {
    const marker = renderMarker('123456789012', 'arn:aws:iam::123456789012:user/a b');
    expect(parseMarker(`${marker}\r\nrest`)).toEqual({
      accountId: '123456789012',
      userKey: 'arn:aws:iam::123456789012:user/a b',
    });
    expect(parseMarker(`text\n${marker}`)).toBeNull();
    expect(parseMarker('')).toBeNull();
    expect(parseMarker(null)).toBeNull();
    expect(parseMarker('<!-- iam-initial-access-key: account=1 user=%E0%A4%A -->')).toBeNull();
  });
});

describe('closingComment', () => {
  it('says why for a fix', () => {
    expect(closingComment('fixed', { scope: 'at-setup' })).toMatch(
      /no longer has an active access key that was created at user setup and left unused \(the key was deleted, deactivated or used/,
    );
  });

  it('does not claim the key was created at user setup under `scope: any`', () => {
    const c = closingComment('fixed', { scope: 'any' });
    expect(c).toMatch(/^This user no longer has an active access key left unused \(the key was deleted/);
    expect(c).not.toContain('user setup');
  });

  it('quotes the justification, escaped', () => {
    const c = closingComment('exempted', {
      scope: 'at-setup',
      justification: 'CI key for @org/team, see [x](https://evil) <b>now</b>',
    });
    expect(c).toContain('> CI key for @\u200borg/team');
    expect(c).not.toMatch(/<b>|\]\(|https:\/\//);
    expect(closingComment('exempted', { scope: 'any' })).toContain('no justification recorded');
  });
});

describe('issue 9: look-alike names in issues', () => {
  it('an LRM or zero-width character in the name shows as \\u200e in title, heading, table and ARN', () => {
    const { title, body } = renderIssue(groupFor('ali\u200ece'), OPTS);
    const plain = renderIssue(groupFor('alice'), OPTS);
    expect(title).toBe(
      'IAM user `ali\\u200ece` in account `123456789012` has an unused access key created at user setup',
    );
    expect(title).not.toBe(plain.title);
    expect(body).toContain('## IAM user `ali\\u200ece` has');
    expect(body).toContain('`arn:aws:iam::123456789012:user/ali\\u200ece`');
    // the exemption command copies the exact name (it must match IAM's)
    expect(body).toContain("'ali\u200ece'");
    expect(body.replace(/'ali\u200ece'/g, '')).not.toContain('\u200e');
  });
});
