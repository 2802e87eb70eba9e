import { describe, expect, it } from '@jest/globals';
import { withoutCodeSpans } from '../../helpers/code-spans.js';
import { OPEN_FIX_BLOCKS, SUMMARY_MAX_BYTES, renderSummary } from '../../../src/report/summary-markdown.js';
import { MAX_FIX_BLOCKS, codeScanningAlertsUrl, verdictText } from '../../../src/report/summary-model.js';
import { renderTerminal } from '../../../src/report/summary-terminal.js';
import { SARIF_MAX_RESULTS } from '../../../src/report/sarif.js';
import type { AuditResult } from '../../../src/model.js';
import {
  HOSTILE,
  makeAccount,
  makeCarried,
  makeFailedAccount,
  makeFinding,
  makeIssues,
  makeResult,
  makeStaleFinding,
} from '../../helpers/results.js';
import { code, note } from '../../../src/notes.js';
import { MAX_ISSUE_LINKS } from '../../../src/report/sinks.js';

const files = { jsonFile: 'out/iam.json', sarifFile: 'out/iam.sarif' };
const bytes = (s: string) => Buffer.byteLength(s, 'utf8');

const mixed = makeResult({
  accounts: [
    makeAccount({ resolvedSinceReport: 2 }),
    makeAccount({ accountId: '222222222222', alias: null }),
    makeFailedAccount(),
  ],
  findings: [
    makeFinding(),
    makeStaleFinding(200, { userName: 'bob', mfaActive: true, accessKeyId: 'AKIAI44QH8DHBEXAMPLE' }),
    makeFinding({ accountId: '222222222222', userName: 'bob' }),
    makeFinding({ userName: 'carol', exempted: true, justification: 'CI deploy key, SEC-42' }),
    makeFinding({ userName: 'dave', exemptionExpired: true, justification: 'pilot expires=2025-01-01' }),
  ],
  carriedForward: [makeCarried(), makeCarried({ location: 'aws/210987654321/iam/user/x/key-created-1' })],
  notes: [note`1 account skipped by ${code('exclude-accounts')}.`],
});

describe('verdictText', () => {
  it('counts failing keys, users and failed accounts', () => {
    expect(verdictText(mixed)).toBe(
      '❌ 4 access keys created at user setup are unused — 4 users, 1 of 3 accounts failed',
    );
    expect(verdictText(makeResult({ findings: [makeFinding()] }))).toBe(
      '❌ 1 access key created at user setup is unused — 1 user, 1 account audited',
    );
  });

  it('is green when nothing fails, exemptions aside', () => {
    expect(verdictText(makeResult())).toBe(
      '✅ No unused access keys created at user setup — 1 account, 10 users scanned',
    );
    expect(
      verdictText(makeResult({ findings: [makeFinding({ exempted: true, justification: 'x' })] })),
    ).toMatch(/^✅ .*, 1 exempted$/);
  });

  it('fails on account errors alone', () => {
    expect(verdictText(makeResult({ accounts: [makeAccount(), makeFailedAccount()] }))).toBe(
      '❌ 1 of 2 accounts could not be audited — no unused access keys created at user setup in the other 1',
    );
    expect(verdictText(makeResult({ accounts: [makeFailedAccount()] }))).toBe(
      '❌ 1 account could not be audited',
    );
    expect(verdictText(makeResult({ accounts: [] }))).toBe('⚠️ No accounts were audited');
  });

  it('speaks of any key under scope any', () => {
    const r = makeResult({
      settings: { scope: 'any', setupWindowSeconds: 600, unusedDays: 0, exemptionTag: 'x' },
      findings: [makeFinding({ setupGapSeconds: 86_400 * 3 })],
    });
    expect(verdictText(r)).toContain('1 access key of console users is unused');
  });
});

describe('renderSummary', () => {
  const md = renderSummary(mixed, {
    ...files,
    issues: makeIssues({ opened: 2, updated: 1, reopened: 1, closed: 3, skipped: 4 }),
  });

  it('starts with the verdict heading', () => {
    expect(md.split('\n')[0]).toBe(`### ${verdictText(mixed)}`);
    expect(md).toContain('never used or unused for over 90 days');
    expect(md).toContain('keys created within 10 min of their user');
  });

  it('has a per-account table with counts, report age and status', () => {
    expect(md).toContain('#### Accounts');
    expect(md).toContain(
      '| Account | Alias | Users scanned | Findings | Exempted | Resolved since report | Report | Status |',
    );
    expect(md).toContain(
      '| `123456789012` | `prod` | 10 | 3 | 1 | 2 | 2025-06-01 00:00:00 UTC (2 h old) | audited |',
    );
    expect(md).toContain('| `222222222222` | — | 10 | 1 | 0 | 0 |');
    // short status in the table; the full error and the hint only in the failures section
    expect(md).toContain(
      '| `210987654321` | — | 0 | 0 | 0 | 0 | — | ❌ failed: AccessDenied on AssumeRole |',
    );
    const table = md.slice(md.indexOf('#### Accounts'), md.indexOf('#### Unused'));
    expect(table).not.toContain('not authorized');
    expect(table).not.toContain('Trust the audit role');
  });

  it('lists the failing keys with evidence', () => {
    expect(md).toContain('| Account | User | Key | Key created | Setup gap | Last used | MFA |');
    expect(md).toContain(
      '| `123456789012` | `alice` | `AKIAIOSFODNN7EXAMPLE` (slot 1) | 2024-01-10 09:00:12 UTC | 12 s | never used | **no** |',
    );
    expect(md).toContain(
      'last used 2024\\-11\\-13 \\(s3, us\\-east\\-1\\), 200 days before 2025\\-06\\-01 | yes |',
    );
    expect(md).toContain('`dave` ⚠️ exemption expired');
  });

  it('shows exempted keys with their justification, and calls out expired exemptions', () => {
    expect(md).toContain('#### Exempted keys');
    expect(md).toMatch(/\| `carol` \| .* \| CI deploy key, SEC\\-42 \|/);
    expect(md).toContain('#### Expired exemptions');
    expect(md).toContain('- `dave` in `123456789012`: pilot expires=2025\\-01\\-01');
  });

  it('gives the fix commands of several keys as one script (shorter than a block per key)', () => {
    expect(md).toContain('#### How to fix');
    expect(md).toContain(
      '```sh\n# alice in 123456789012, slot 1\n' +
        'aws iam update-access-key --user-name alice --access-key-id AKIAIOSFODNN7EXAMPLE --status Inactive\n' +
        'aws iam delete-access-key --user-name alice --access-key-id AKIAIOSFODNN7EXAMPLE\n\n# bob in',
    );
    expect(md.match(/```sh/g)).toHaveLength(1);
    expect(md).toContain('`access-key-justification`');
  });

  it('gives one key its own block under the user name (shorter than a script)', () => {
    const one = renderSummary(makeResult({ findings: [makeFinding()] }), files);
    expect(one).toContain(
      '`alice` in `123456789012`:\n\n```sh\n' +
        'aws iam update-access-key --user-name alice --access-key-id AKIAIOSFODNN7EXAMPLE --status Inactive\n' +
        'aws iam delete-access-key --user-name alice --access-key-id AKIAIOSFODNN7EXAMPLE\n```',
    );
  });

  it('explains failed accounts with the hint, carried alerts, notes and issues', () => {
    expect(md).toContain('#### Accounts that could not be audited');
    expect(md).toContain(
      '- `210987654321`: **AccessDenied on AssumeRole** — AccessDenied: not authorized to perform sts:AssumeRole',
    );
    expect(md).toContain('  - To fix: Trust the audit role in arn:aws:iam::210987654321:role/IamAudit\\.');
    expect(md).toContain(
      '**2 open code scanning alerts** of accounts that could not be audited were carried forward',
    );
    expect(md).toContain('#### Notes\n\n- 1 account skipped by `exclude-accounts`\\.');
    expect(md).toContain(
      'Opened 2, updated 1, reopened 1, closed 3. 4 issues not opened: `max-issues` reached.',
    );
    expect(md).toContain('Full report: JSON `out/iam.json` · SARIF `out/iam.sarif`');
  });

  it('leaves out sections with nothing to say', () => {
    const clean = renderSummary(makeResult(), files);
    for (const h of [
      'Unused',
      '#### Exempted',
      'How to fix',
      'could not be audited',
      'Notes',
      'Issues',
      'carried',
    ]) {
      expect(clean).not.toContain(h);
    }
    expect(clean).toContain('#### Accounts');
  });

  it('says when issues could not be synced', () => {
    const out = renderSummary(makeResult(), {
      ...files,
      issues: makeIssues({ error: 'Resource not accessible @x' }),
    });
    expect(out).toContain('⚠️ Issues could not be kept in sync: Resource not accessible @\u200bx');
  });

  it('says offline that tags and key ids are unavailable, and shows the report file', () => {
    const out = renderSummary(
      makeResult({
        mode: 'offline',
        accounts: [makeAccount({ source: 'reports/prod.csv', reportGeneratedAt: null, alias: null })],
        findings: [makeFinding({ accessKeyId: null })],
        // the audit's own offline caveat: shown once, under the verdict
        caveat: note`Offline audit of a downloaded credential report: IAM tags are not in the report.`,
        notes: [note`other note`],
      }),
      files,
    );
    expect(out.match(/Offline audit of a downloaded credential report/g)).toHaveLength(1);
    expect(out).toContain('#### Notes\n\n- other note');
    // the caveat sits right under the verdict, before anything the reader might act on
    const caveat = out.indexOf(
      'Offline audit of a downloaded credential report: IAM tags are not in the report',
    );
    expect(caveat).toBeGreaterThan(0);
    expect(caveat).toBeLessThan(out.indexOf('#### Accounts'));
    expect(out.split('\n').slice(4, 6).join('\n')).toMatch(/^> \[!NOTE\]\n> Offline audit/);
    // nothing is confirmed against the API offline: resolved is n/a; exempt-users still counts
    expect(out).toContain('| `123456789012` | — | 10 | 1 | 0 | n/a | `reports/prod.csv` | audited |');
    // the files are named as artifacts to upload
    expect(out).toContain('`actions/upload-artifact`');
    expect(out).toContain('`reports/prod.csv`');
    expect(out).toContain('| slot 1 |');
    expect(out).toContain('aws iam list-access-keys --user-name alice');
    expect(out).toContain('--access-key-id "$KEY_ID"');
  });

  it('caps the fix blocks', () => {
    const many = makeResult({
      findings: Array.from({ length: MAX_FIX_BLOCKS + 5 }, (_, i) => makeFinding({ userName: `u${i}` })),
    });
    const out = renderSummary(many, files);
    const fix = out.slice(out.indexOf('#### How to fix'));
    const [open, folded] = fix.split('<details><summary>Commands for 40 more keys</summary>');
    expect(folded).toBeDefined();
    // the first ten keys open, the next forty collapsed, each as one script
    expect(open!.match(/^# u\d+ in /gm)).toHaveLength(OPEN_FIX_BLOCKS);
    expect(open!.match(/```sh/g)).toHaveLength(1);
    expect(folded!.match(/^# u\d+ in /gm)).toHaveLength(MAX_FIX_BLOCKS - OPEN_FIX_BLOCKS);
    expect(folded).toContain('# u10 in ');
    expect(folded).toMatch(/```\n\n<\/details>/);
    expect(out).toContain('_Commands for 5 more keys are left out: see the JSON report `out/iam.json`._');
  });

  it('lists the issues it opened, updated, reopened and closed as links, capped, with the rest counted', () => {
    const touched = Array.from({ length: MAX_ISSUE_LINKS + 3 }, (_, i) => ({
      action: (['opened', 'updated', 'reopened', 'closed'] as const)[i % 4]!,
      number: 100 + i,
      url: `https://github.com/acme/audit/issues/${100 + i}`,
      accountId: '123456789012',
      userName: `jane.doe${i}@example.com`,
    }));
    const out = renderSummary(makeResult(), { ...files, issues: makeIssues({ opened: 6, issues: touched }) });
    expect(out).toContain(
      '- [#100](https://github.com/acme/audit/issues/100) opened: `jane.doe0@example.com` in `123456789012`',
    );
    expect(out).toContain('- [#101](https://github.com/acme/audit/issues/101) updated:');
    expect(out).toContain('- [#103](https://github.com/acme/audit/issues/103) closed:');
    expect(out.match(/^- \[#\d+\]\(/gm)).toHaveLength(MAX_ISSUE_LINKS);
    expect(out).toContain('- _and 3 more issues_');
    // a URL that is not a plain http(s) address is not made a link
    const odd = renderSummary(makeResult(), {
      ...files,
      issues: makeIssues({ issues: [{ ...touched[0]!, url: 'javascript:alert(1)' }] }),
    });
    expect(odd).toContain('- issue 100 opened:');
    expect(odd).not.toContain('javascript');
  });

  it("links the repository's open code scanning alerts of this tool", () => {
    const url =
      'https://github.com/acme/audit/security/code-scanning?query=tool%3Aiam-initial-access-key-audit+is%3Aopen';
    expect(codeScanningAlertsUrl({ serverUrl: 'https://github.com', name: 'acme/audit' })).toBe(url);
    const out = renderSummary(mixed, {
      ...files,
      repository: { serverUrl: 'https://github.com/', name: 'acme/audit' },
    });
    expect(out).toContain(`[Open code scanning alerts of this tool](${url})`);
    expect(out.indexOf(url)).toBeLessThan(out.indexOf('#### Accounts'));
    expect(md).not.toContain('code-scanning?');
  });

  it('says when the SARIF file dropped results', () => {
    const findings = Array.from({ length: SARIF_MAX_RESULTS + 1 }, (_, i) =>
      makeFinding({ userName: `u${i}` }),
    );
    const out = renderSummary(makeResult({ findings }), files);
    expect(out).toContain('The SARIF file holds the first 25,000 of 25,001 results');
    expect(bytes(out)).toBeLessThanOrEqual(SUMMARY_MAX_BYTES);
    expect(out).toContain('cut to fit');
  });

  describe('hostile strings', () => {
    const hostile = makeResult({
      accounts: [
        makeAccount({ alias: '<script>alert(1)</script>' }),
        makeFailedAccount({ error: '[x](https://evil) @org/team\nmore', hint: '<b>bold</b> #1' }),
      ],
      findings: [
        ...HOSTILE.map((name) => makeFinding({ userName: name, accessKeyId: 'AKIA|`x' })),
        ...HOSTILE.map((j, i) =>
          makeFinding({ userName: `ok${i}`, exempted: true, justification: j, keyLastUsedService: j }),
        ),
      ],
      notes: HOSTILE.map((h) => note`${h}`),
    });
    const out = renderSummary(hostile, { ...files, issues: makeIssues({ error: HOSTILE[0] }) });

    it('contains no live HTML, links, images or mentions', () => {
      // Outside the fenced shell blocks (where nothing is rendered), nothing is left to interpret.
      const rendered = out
        .replace(/^(`{3,})sh\n[\s\S]*?\n\1$/gm, '')
        .split('\n')
        .map(withoutCodeSpans)
        .join('\n');
      // fewer blocks than keys: the first ten hostile names are one script
      expect(out.match(/^`{3,}sh$/gm)!.length).toBeLessThan(HOSTILE.length);
      expect(rendered).not.toMatch(/<(img|script|b)\b/i);
      expect(rendered).not.toMatch(/\]\(/);
      expect(rendered).not.toMatch(/(^|[^\\])\[x/);
      expect(rendered).not.toMatch(/@org/);
      expect(rendered).not.toMatch(/(^|[^\\])#1/);
      expect(rendered).not.toMatch(/https?:\/\//);
      expect(rendered).not.toMatch(/www\./);
      expect(out).not.toMatch(/\u001b|\u202e/); // eslint-disable-line no-control-regex
    });

    it('keeps every table row on one line with the right number of cells', () => {
      const rows = out.split('\n').filter((l) => l.startsWith('| '));
      const findingRows = rows.filter((r) => r.includes('slot 1'));
      expect(findingRows).toHaveLength(HOSTILE.length * 2);
      for (const r of rows) {
        const cells = r.replace(/\\./g, '').match(/\|/g)?.length ?? 0;
        expect([8 + 1, 7 + 1, 6 + 1]).toContain(cells);
      }
    });

    it('quotes names safely in the shell commands', () => {
      expect(out).toContain(`--user-name '[x](https://evil)'`);
      expect(out).toContain(`--user-name '<img src=x onerror=alert(1)>'`);
      expect(out).toContain(`--access-key-id 'AKIA|\`x'`);
      // the newline in a name cannot end the code block early
      expect(out).toContain(`--user-name 'line1 line2  ## heading'`);
    });
  });

  describe('remediation sections', () => {
    const gone = (name: string, i: number) =>
      makeFinding({
        userName: name,
        accessKeyId: `AKIAEXAMPLE00000000${i % 10}`,
        remediation: {
          status: 'deactivated',
          dueAt: '2026-06-15T00:00:00Z',
          reason: 'set Inactive by this run',
        },
      });
    const due = makeFinding({
      userName: 'dave',
      remediation: { status: 'not-due', dueAt: '2026-12-15T00:00:00Z', reason: null },
    });
    const acted = makeResult({
      findings: [due],
      history: { available: true, newFindings: 0, resolvedFindings: 1, notes: [] },
      remediation: {
        mode: 'deactivate',
        keysDue: HOSTILE.length,
        deactivated: HOSTILE.map(gone),
        planned: [],
        warnings: [],
      },
    });

    it('lists each deactivated key with a restore command that copies exactly, and nothing hostile renders', () => {
      const out = renderSummary(acted, files);
      const block = out.slice(out.indexOf('#### Deactivated by this run'));
      const lines = block.split('\n').filter((l) => l.startsWith('- '));
      expect(lines).toHaveLength(HOSTILE.length);
      for (const l of lines) {
        expect(withoutCodeSpans(l)).not.toMatch(/\]\(|@org|<img|https?:\/\/|(^|[^\\])#1/);
        expect(l).toContain('--status Active');
      }
      expect(out).toContain(
        "update-access-key --user-name '[x](https://evil)' --access-key-id AKIAEXAMPLE000000000 --status Active",
      );
      expect(out).toContain(`${HOSTILE.length} keys deactivated by this run`);
      // a key in its notice period shows when it will be due
      expect(out).toMatch(/deactivation due 2026\\-12\\-15/);
    });

    it('the terminal lists them too, with the plain command', () => {
      const out = renderTerminal(acted, files);
      expect(out).toContain('Deactivated by this run (restore with the command)');
      expect(out).toContain(
        'aws iam update-access-key --user-name @org/team --access-key-id AKIAEXAMPLE000000002 --status Active',
      );
    });

    it('under plan: what a deactivate run would set Inactive now', () => {
      const planned = makeResult({
        findings: [due],
        remediation: { mode: 'plan', keysDue: 1, deactivated: [], planned: [due], warnings: [] },
      });
      expect(renderSummary(planned, files)).toContain('#### Would be deactivated');
      expect(renderTerminal(planned, files)).toContain('Would be deactivated (remediate: deactivate)');
      expect(renderSummary(makeResult({ findings: [due] }), files)).not.toContain('Would be deactivated');
    });
  });

  describe('size cap', () => {
    const big = (n: number, extra: Partial<AuditResult> = {}) =>
      makeResult({
        accounts: [makeAccount(), makeFailedAccount()],
        findings: Array.from({ length: n }, (_, i) =>
          makeFinding({
            userName: `user-${i}-${'x'.repeat(60)}`,
            exempted: i % 10 === 0,
            justification: 'j',
          }),
        ),
        ...extra,
      });

    it('stays under maxBytes, keeps the verdict first, and points to the JSON file', () => {
      const r = big(2_000);
      const out = renderSummary(r, { ...files, maxBytes: 50_000, issues: makeIssues({ opened: 1 }) });
      expect(bytes(out)).toBeLessThanOrEqual(50_000);
      expect(out.split('\n')[0]).toBe(`### ${verdictText(r)}`);
      expect(out).toContain(
        "This summary was cut to fit GitHub's limit of 1 MiB per step; the JSON report `out/iam.json` has everything.",
      );
      expect(out).toMatch(
        /_\d+ more findings cut to fit GitHub's summary limit: see the JSON report `out\/iam.json`._/,
      );
      // the small, important sections survive
      expect(out).toContain('#### Accounts that could not be audited');
      expect(out).toContain('#### Issues');
      expect(out).toContain('Full report: JSON');
    });

    it('keeps the default limit of 1 MiB with tens of thousands of findings, and names it accurately', () => {
      const out = renderSummary(big(30_000), files);
      expect(bytes(out)).toBeLessThanOrEqual(SUMMARY_MAX_BYTES);
      expect(SUMMARY_MAX_BYTES).toBeLessThanOrEqual(1024 * 1024);
      expect(out).toContain("This summary was cut to fit GitHub's limit of 1 MiB per step;");
      expect(out).not.toMatch(/\bkB\b/);
    });

    it('does not cut what fits', () => {
      const out = renderSummary(big(20), { ...files, maxBytes: 1_000_000 });
      expect(out).not.toContain('cut to fit');
    });

    it('survives an absurdly small limit', () => {
      const out = renderSummary(big(100), { ...files, maxBytes: 300 });
      expect(bytes(out)).toBeLessThanOrEqual(300);
    });
  });
});

describe('renderTerminal', () => {
  const out = renderTerminal(mixed, files);

  it('starts with the verdict and has no Markdown', () => {
    expect(out.split('\n')[0]).toBe(verdictText(mixed));
    expect(out).not.toMatch(/^#|\| --- \||```|\*\*/m);
  });

  it('aligns columns', () => {
    const lines = out.split('\n');
    const header = lines.find((l) => l.includes('ACCOUNT') && l.includes('USERS'))!;
    const row = lines.find((l) => l.includes('  123456789012  prod'))!;
    expect(row.indexOf('10')).toBe(header.indexOf('USERS'));
  });

  it('says what happened to each account: audited (its keys are in FINDINGS), or failed and how', () => {
    const lines = out.split('\n');
    expect(lines.find((l) => l.includes('  123456789012  prod'))).toMatch(/ {2}audited$/);
    expect(lines.find((l) => l.includes('  210987654321  '))).toMatch(
      / {2}failed: AccessDenied on AssumeRole$/,
    );
    expect(out).not.toMatch(/ ok$/m);
  });

  it('lists findings, exemptions, fixes, failures and notes', () => {
    expect(out).toContain('Unused access keys created at user setup');
    expect(out).toContain('Exempted keys');
    expect(out).toContain('CI deploy key, SEC-42');
    expect(out).toContain('aws iam delete-access-key --user-name alice --access-key-id AKIAIOSFODNN7EXAMPLE');
    expect(out).toContain('210987654321: AccessDenied: not authorized to perform sts:AssumeRole');
    expect(out).toContain('to fix: Trust the audit role');
    expect(out).toContain('2 open alerts of failed accounts carried forward');
    expect(out).toContain('Full report: JSON out/iam.json, SARIF out/iam.sarif');
  });

  it('strips control characters from untrusted strings', () => {
    const t = renderTerminal(
      makeResult({
        findings: HOSTILE.map((n) => makeFinding({ userName: n })),
        notes: [note`\u001b[2Jcleared`],
      }),
      files,
    );
    // eslint-disable-next-line no-control-regex
    expect(t).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e]/);
    expect(t).toContain('line1 line2  ## heading');
  });
});

describe('issue 9: look-alike names', () => {
  const LOOKALIKES = [
    'ali\u200ece',
    'ali\u200fce',
    'ali\u200bce',
    'ali\u200cce',
    'ali\u200dce',
    'ali\u2060ce',
    'ali\ufeffce',
    'ali\u202ece',
  ];

  it('invisible and bidi characters inside names are shown as \\uXXXX in the summary and the terminal', () => {
    const result = makeResult({
      findings: [makeFinding(), ...LOOKALIKES.map((userName) => makeFinding({ userName }))],
    });
    const md = renderSummary(result, files);
    const term = renderTerminal(result, files);
    for (const name of LOOKALIKES) {
      const code = name.charCodeAt(3).toString(16).padStart(4, '0');
      // inside a code span the backslash is literal, so it renders as `ali\u200ece`
      expect(md).toContain(`\`ali\\u${code}ce\``);
      expect(term).toContain(`ali\\u${code}ce`);
    }
    // only the fix commands keep the exact name (quoted for the shell), so they act on the right user
    for (const out of [md, term]) {
      expect(out.replace(/'[^'\n]*'/g, '')).not.toMatch(/[\u200b-\u200f\u2060\ufeff\u202a-\u202e]ce/);
    }
  });
});

describe('Security Hub section', () => {
  const hub = {
    imported: 3,
    archived: 1,
    warnings: [
      note`Security Hub, account 222222222222 (us-east-1): Security Hub is not enabled there. Set ${code('security-hub-region')} to the region where it is.`,
      note`Security Hub, account 333333333333: ${HOSTILE[0]!} ${HOSTILE[2]!}`,
    ],
  };

  it('says in the job summary how many findings were imported and archived, and every warning', () => {
    const out = renderSummary(mixed, { ...files, securityHub: hub });
    expect(out).toContain('#### AWS Security Hub');
    expect(out).toContain('3 active findings imported, 1 finding archived, 2 warnings.');
    expect(out).toContain('account 222222222222');
    expect(out).toContain('`security-hub-region`');
    // an untrusted string in a warning stays text: no mention, no link, no markup
    const text = withoutCodeSpans(out.slice(out.indexOf('#### AWS Security Hub')));
    expect(text).not.toMatch(/(^|[^\\])@\w/);
    expect(text).not.toMatch(/\]\(/);
  });

  it('is absent when the import did not run', () => {
    expect(renderSummary(mixed, files)).not.toContain('Security Hub');
    expect(renderSummary(mixed, { ...files, securityHub: null })).not.toContain('Security Hub');
    expect(renderTerminal(mixed, files)).not.toContain('Security Hub');
  });

  it('is a section of the terminal summary too, one line per warning', () => {
    const out = renderTerminal(mixed, { ...files, securityHub: hub });
    const section = out.slice(out.indexOf('AWS Security Hub'));
    expect(section).toContain('3 active findings imported, 1 finding archived');
    expect(section.match(/^ {2}warning: /gm)).toHaveLength(2);
    expect(section).not.toContain('\u001b');
  });
});
