/**
 * Who made each key (docs/design.md §10) in every report a person reads: one line per finding from
 * `describeKeyCreation`, with the key's description, in the job summary, the terminal and the issue body,
 * and the three ProductFields of the Security Hub finding. The actor and the description are written by
 * whoever made the call or tagged the user: inline code, never Markdown. Offline nothing changes.
 */
import { describe, expect, it } from '@jest/globals';
import type { Finding } from '../../../src/model.js';
import { UNKNOWN_REASONS, type KeyCreation } from '../../../src/evaluate/intent.js';
import { renderSummary } from '../../../src/report/summary-markdown.js';
import { renderTerminal } from '../../../src/report/summary-terminal.js';
import { renderIssue } from '../../../src/report/issue-body.js';
import { ASFF_LIMITS, activeFinding } from '../../../src/report/asff.js';
import { codeSpans, withoutCodeSpans } from '../../helpers/code-spans.js';
import { GENERATED_AT, makeFinding, makeResult } from '../../helpers/results.js';

const CONSOLE_ADMIN: KeyCreation = {
  by: 'assumed-role/Admin/bob',
  self: false,
  sameSessionAsUserCreation: true,
  via: 'console',
  eventTime: '2024-01-10T09:00:12Z',
  eventId: '3d1a0c52-1111-4a6e-9d0e-000000000003',
  unknownReason: null,
};
const UNKNOWN: KeyCreation = {
  by: null,
  self: null,
  sameSessionAsUserCreation: null,
  via: null,
  eventTime: null,
  eventId: null,
  unknownReason: UNKNOWN_REASONS.noPermission,
};
/** A session name and a description that try to break out of a table cell and a code span. */
const HOSTILE_BY = 'assumed-role/Admin/x|`](https://evil)<b>@org';
const HOSTILE_DESCRIPTION = 'see [x](https://evil) | `rm -rf` @team #1';

const alice = makeFinding({
  userName: 'alice',
  keyCreation: CONSOLE_ADMIN,
  keyDescription: 'nightly export',
  selfCreated: false,
});
const bob = makeFinding({
  userName: 'bob',
  accessKeyId: 'AKIAI44QH8DHBEXAMPLE',
  keyCreation: UNKNOWN,
  keyDescription: null,
  selfCreated: false,
});
const mallory = makeFinding({
  userName: 'mallory',
  accessKeyId: 'AKIAMALLORYEXAMPLE01',
  keyCreation: { ...CONSOLE_ADMIN, by: HOSTILE_BY, via: 'sdk', sameSessionAsUserCreation: false },
  keyDescription: HOSTILE_DESCRIPTION,
  selfCreated: false,
});
const live = makeResult({ findings: [alice, bob, mallory] });
const files = { jsonFile: 'out/iam.json', sarifFile: 'out/iam.sarif' };

/** The summary's table row of a user. */
const rowOf = (md: string, user: string) =>
  md.split('\n').find((l) => l.startsWith(`| \`123456789012\` | \`${user}\``))!;

describe('the job summary', () => {
  const md = renderSummary(live, files);

  it('has a Made by column: one line per finding, the actor and the description as code', () => {
    const header = md.split('\n').find((l) => l.startsWith('| Account | User | Key'))!;
    expect(header.endsWith('| Made by |')).toBe(true);
    expect(rowOf(md, 'alice')).toContain(
      '| made by `assumed-role/Admin/bob` in the console, in the same session as the user · description: `nightly export` |',
    );
    expect(rowOf(md, 'bob')).toContain(
      '| who made the key is unknown: no permission \\(cloudtrail:LookupEvents\\) |',
    );
  });

  it('keeps a hostile actor and description inert, in their cell', () => {
    const row = rowOf(md, 'mallory');
    expect(codeSpans(row, { inTable: true })).toEqual(
      expect.arrayContaining([HOSTILE_BY, HOSTILE_DESCRIPTION.replace(/`/g, '`')]),
    );
    expect(withoutCodeSpans(row)).not.toMatch(/\]\(|<b>|https?:/);
    const header = md.split('\n').find((l) => l.startsWith('| Account | User | Key'))!;
    const cells = (l: string) => l.replace(/\\\|/g, '').split('|').length;
    expect(cells(row)).toBe(cells(header));
  });

  it('has no Made by column offline (nothing was looked up): the summary is as before', () => {
    const offline = makeResult({ mode: 'offline', findings: [makeFinding()] });
    expect(renderSummary(offline, files)).not.toContain('Made by');
    expect(renderTerminal(offline, files)).not.toContain('MADE BY');
  });
});

describe('the terminal', () => {
  it('has a MADE BY column, plain text', () => {
    const out = renderTerminal(live, files);
    expect(out).toMatch(/ACCOUNT\s+USER\s+KEY\s+KEY CREATED\s+SETUP GAP\s+MFA\s+LAST USED\s+MADE BY/);
    expect(out).toContain(
      'made by assumed-role/Admin/bob in the console, in the same session as the user · description: nightly export',
    );
    expect(out).toContain('who made the key is unknown: no permission (cloudtrail:LookupEvents)');
  });
});

describe('the issue body', () => {
  const group = (findings: Finding[]) => ({
    accountId: '123456789012',
    alias: null,
    userName: findings[0]!.userName,
    userArn: findings[0]!.userArn,
    findings,
  });
  const opts = { exemptionTag: 'access-key-justification', runUrl: null, scope: 'at-setup' } as const;

  it('says under each key who made it, and its description', () => {
    const { body } = renderIssue(group([alice]), opts);
    const lines = body.split('\n');
    const key = lines.findIndex((l) => l.startsWith('- the access key in slot 1'));
    expect(lines[key + 1]).toBe(
      '  - made by `assumed-role/Admin/bob` in the console, in the same session as the user · description: `nightly export`',
    );
  });

  it('keeps a hostile actor and description inert', () => {
    const { body } = renderIssue(group([mallory]), opts);
    const line = body.split('\n').find((l) => l.startsWith('  - made by'))!;
    expect(codeSpans(line)).toEqual([HOSTILE_BY, HOSTILE_DESCRIPTION]);
    expect(withoutCodeSpans(line)).toBe(
      '  - made by  CODE  with an AWS SDK, not in the session that made the user · description:  CODE ',
    );
  });

  it('is unchanged offline', () => {
    const plain = makeFinding();
    expect(renderIssue(group([plain]), opts).body).not.toContain('made by');
  });
});

describe('the Security Hub finding', () => {
  const ctx = {
    partition: 'aws' as const,
    region: 'us-east-1',
    now: GENERATED_AT,
    asOf: GENERATED_AT,
    setupWindowSeconds: 600,
    toolVersion: '1.2.3',
  };

  it('carries keyCreation.by, .via and .self in ProductFields, within the limits', () => {
    const fields = activeFinding(alice, ctx).ProductFields!;
    expect(fields).toMatchObject({
      'iam-initial-access-key-audit/keyCreation.by': 'assumed-role/Admin/bob',
      'iam-initial-access-key-audit/keyCreation.via': 'console',
      'iam-initial-access-key-audit/keyCreation.self': 'false',
    });
    expect(Object.keys(fields).length).toBeLessThanOrEqual(ASFF_LIMITS.productFields);
    for (const [k, v] of Object.entries(fields)) {
      expect(k.length).toBeLessThanOrEqual(50);
      expect(v.length).toBeLessThanOrEqual(ASFF_LIMITS.productFieldValue);
    }
  });

  it('leaves them out when who made the key is unknown, and offline', () => {
    for (const f of [bob, makeFinding()]) {
      const keys = Object.keys(activeFinding(f, ctx).ProductFields!);
      expect(keys.filter((k) => k.includes('keyCreation'))).toEqual([]);
    }
  });
});
