/**
 * Names copy exactly: a user name (or account id, alias, ARN) copied out of the rendered summary, an issue
 * title or body, the SARIF message or the terminal is the IAM name itself — no zero-width space after an
 * `@`, nothing escaped — so it can be pasted into `aws iam ...` or an issue search. Free text (tag values,
 * AWS error messages) is still escaped; e2e/hostile.test.ts keeps hostile names inert.
 */
import { describe, expect, it } from '@jest/globals';
import { codeSpans } from '../../helpers/code-spans.js';
import { renderSummary } from '../../../src/report/summary-markdown.js';
import { renderTerminal } from '../../../src/report/summary-terminal.js';
import { renderIssue } from '../../../src/report/issue-body.js';
import { shellQuote } from '../../../src/report/format.js';
import { makeAccount, makeFinding, makeResult } from '../../helpers/results.js';
import { buildSarif } from '../../helpers/reports.js';

const ZERO_WIDTH = /[\u200b-\u200d\u2060\ufeff]/;
/** IAM allows letters, digits and +=,.@_- in user names; e-mail-style names are common. */
const NAMES = ['jane.doe@example.com', 'ops+ci=deploy,eu', '@org', 'a_b-c.d@e+f=g,h'];
/** Not IAM names, but a credential report file may hold anything: still exact inside the code span. */
const ODD = ['x`y``z', 'a|b|c', '`start', 'end`', ' padded '];
const ALIAS = 'acme-prod@eu';
const ACCOUNT = '123456789012';
const files = { jsonFile: 'r.json', sarifFile: 'r.sarif' };

function resultFor(name: string) {
  return makeResult({
    accounts: [makeAccount({ accountId: ACCOUNT, alias: ALIAS })],
    findings: [
      makeFinding({ userName: name, accessKeyId: 'AKIAIOSFODNN7EXAMPLE' }),
      makeFinding({ userName: `${name}-exempt`, exempted: true, justification: 'see @ops #12' }),
      makeFinding({ userName: `${name}-expired`, exemptionExpired: true, justification: 'old' }),
    ],
  });
}

/** The code spans of the Markdown lines that mention `needle` (in tables: with `\|` read as `|`). */
function spansOf(md: string): string[] {
  return md.split('\n').flatMap((line) => codeSpans(line, { inTable: line.startsWith('|') }));
}

describe.each([...NAMES, ...ODD])('the name %j', (name) => {
  const result = resultFor(name);

  it('copies exactly out of the summary: findings, exemptions, expired exemptions, fix headings', () => {
    const md = renderSummary(result, files);
    const spans = spansOf(md);
    const rows = md.split('\n').filter((l) => l.startsWith('| '));
    // the findings table row of the user: its User cell is exactly the name
    const row = rows.find((l) => l.includes('AKIAIOSFODNN7EXAMPLE'))!;
    expect(codeSpans(row, { inTable: true })).toEqual([ACCOUNT, name, 'AKIAIOSFODNN7EXAMPLE']);
    expect(spans).toContain(name);
    expect(spans).toContain(`${name}-exempt`);
    expect(spans).toContain(`${name}-expired`);
    // the fix commands (one block per key or one script, whichever is shorter) name the user as the shell reads it
    const fix = md.slice(md.indexOf('#### How to fix')).split('\n');
    for (const n of [name, `${name}-expired`]) {
      expect(fix.filter((l) => l.includes(` --user-name ${shellQuote(n)} `))).toHaveLength(2);
    }
    expect(spans).toContain(ALIAS);
    expect(spans).toContain(ACCOUNT);
    for (const s of spans) expect(s).not.toMatch(ZERO_WIDTH);
    // free text is still escaped (the justification's mention and reference stay inert)
    expect(md).toContain('see @\u200bops \\#\u200b12');
  });

  it('copies exactly out of the issue title and body', () => {
    const finding = result.findings[0]!;
    const { title, body } = renderIssue(
      {
        accountId: ACCOUNT,
        alias: ALIAS,
        userName: name,
        userArn: finding.userArn,
        findings: [finding],
      },
      { exemptionTag: 'access-key-justification', runUrl: null, scope: 'at-setup' },
    );
    expect(title).not.toMatch(ZERO_WIDTH);
    expect(codeSpans(title)).toEqual([name, ACCOUNT]);
    const lines = body.split('\n');
    const heading = lines.find((l) => l.startsWith('## IAM user '))!;
    expect(codeSpans(heading)[0]).toBe(name);
    const userRow = lines.find((l) => l.startsWith('| User |'))!;
    expect(codeSpans(userRow, { inTable: true })).toEqual([name]);
    const arnRow = lines.find((l) => l.startsWith('| ARN |'))!;
    expect(codeSpans(arnRow, { inTable: true })).toEqual([finding.userArn]);
    const accountRow = lines.find((l) => l.startsWith('| Account |'))!;
    expect(codeSpans(accountRow, { inTable: true })).toEqual([ACCOUNT, ALIAS]);
    for (const s of spansOf(body)) expect(s).not.toMatch(ZERO_WIDTH);
  });

  it('copies exactly out of the SARIF message and the terminal', () => {
    const sarif = buildSarif(result, { toolVersion: '1' });
    const text = sarif.runs[0]!.results![0]!.message.text!;
    if (!/[[\]]/.test(name)) expect(text).toContain(`IAM user '${name}' in account ${ACCOUNT} (${ALIAS})`);
    expect(JSON.stringify(sarif)).not.toMatch(ZERO_WIDTH);
    const terminal = renderTerminal(result, files);
    expect(terminal).toContain(`  ${ACCOUNT}`);
    expect(terminal).toContain(name);
    expect(terminal).toContain(ALIAS);
    expect(terminal).not.toMatch(ZERO_WIDTH);
  });
});
