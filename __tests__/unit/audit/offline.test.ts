import { execFileSync } from 'node:child_process';
import {
  copyFileSync,
  createWriteStream,
  mkdtempSync,
  readFileSync,
  rmSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from '@jest/globals';
import { auditReportFile } from '../../../src/audit/offline.js';
import { jsonAccount } from '../../../src/report/json.js';
import { accountIdFromFileName } from '../../../src/collect/report-file.js';
import { MAX_REPORT_BYTES } from '../../../src/collect/parse.js';
import type { RuleSettings } from '../../../src/model.js';
import { AWS_COLUMNS, generateReport } from '../../helpers/report-gen.js';
import { renderSummary } from '../../../src/report/summary-markdown.js';
import { renderTerminal } from '../../../src/report/summary-terminal.js';
import { makeResult } from '../../helpers/results.js';
import { noteText } from '../../../src/notes.js';
import { buildJsonReport, buildSarif } from '../../helpers/reports.js';

const fixture = (name: string): string => fileURLToPath(new URL(`../../fixtures/${name}`, import.meta.url));
const RULE: RuleSettings = {
  scope: 'at-setup',
  setupWindowSeconds: 600,
  unusedDays: 90,
  exemptionTag: 'access-key-justification',
};
const AS_OF = new Date('2026-11-01T00:00:00Z');
const opts = { rule: RULE, asOf: AS_OF, exemptUsers: [] as string[] };

const dir = mkdtempSync(join(tmpdir(), 'offline-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('auditReportFile', () => {
  it('audits a good report', async () => {
    const path = fixture('generated-300.csv');
    const { account, findings } = await auditReportFile(path, opts);
    expect(jsonAccount(account)).toEqual({
      accountId: '111122223333',
      alias: null,
      status: 'ok',
      error: null,
      hint: null,
      errorCode: null,
      errorStep: null,
      usersScanned: 300,
      reportGeneratedAt: null,
      source: path,
      resolvedSinceReport: 0,
      asOf: '2026-11-01T00:00:00Z',
    });
    expect(findings).toHaveLength(65);
    expect(findings.every((f) => !f.exempted && f.accessKeyId === null)).toBe(true);
    // no CloudTrail offline (docs/design.md §10): nothing looked up, nothing set aside
    expect(findings.some((f) => 'keyCreation' in f || 'keyDescription' in f || 'selfCreated' in f)).toBe(
      false,
    );
  });

  // Issue 19 §8.5: a user listed twice counts once; a key only the second row shows as unused is a finding.
  it('a user listed twice: counted once, and a key only the second row shows unused is found', async () => {
    const lines = readFileSync(fixture('moto-basic.csv'), 'utf8').trimEnd().split('\n');
    const header = lines[0]!.split(',');
    const used = header.indexOf('access_key_1_last_used_date');
    const alice = lines.findIndex((l) => l.startsWith('alice,'));
    const usedRow = lines[alice]!.split(',');
    usedRow[used] = '2026-11-30T00:00:00+00:00';
    // alice's row as if her key were in use, then her real row
    lines.splice(alice, 0, usedRow.join(','));
    const path = join(dir, 'listed-twice-123456789012.csv');
    writeFileSync(path, `${lines.join('\n')}\n`);
    const at = { ...opts, asOf: new Date('2026-12-01T00:00:00Z') };
    const once = await auditReportFile(fixture('moto-basic.csv'), at);
    const twice = await auditReportFile(path, at);
    expect(twice.account.usersScanned).toBe(once.account.usersScanned);
    expect(twice.findings).toEqual(once.findings);
    expect(twice.findings.filter((f) => f.userName === 'alice')).toHaveLength(1);
  });

  it('applies exempt-users (no tags offline)', async () => {
    const { findings } = await auditReportFile(fixture('moto-basic.csv'), {
      ...opts,
      asOf: new Date('2026-12-01T00:00:00Z'),
      exemptUsers: ['erin+ops', 'arn:aws:iam::*:user/bob.*'],
    });
    expect(findings.map((f) => [f.userName, f.keySlot, f.exempted, f.justification])).toEqual([
      ['alice', 1, false, null],
      ['bob.smith', 1, true, 'exempt-users: "arn:aws:iam::*:user/bob.*"'],
      ['bob.smith', 2, true, 'exempt-users: "arn:aws:iam::*:user/bob.*"'],
      ['erin+ops', 1, true, 'exempt-users: "erin+ops"'],
    ]);
  });

  it('passes the scope through', async () => {
    const { findings } = await auditReportFile(fixture('generated-300.csv'), {
      ...opts,
      rule: { ...RULE, scope: 'any' },
    });
    expect(findings).toHaveLength(94);
  });

  it('scope any: an active, never-used key with last_rotated N/A is a finding of unknown creation time', async () => {
    const path = join(dir, 'na-key.csv');
    const header = readFileSync(fixture('moto-basic.csv'), 'utf8').split('\n', 1)[0];
    // A real-report oddity: an active key whose last_rotated is N/A.
    const row =
      'ops,arn:aws:iam::123456789012:user/ops,2024-01-01T00:00:00+00:00,true,N/A,N/A,N/A,false,' +
      'true,N/A,N/A,N/A,N/A,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A';
    writeFileSync(path, `${header}\n${row}\n`);
    expect((await auditReportFile(path, opts)).findings).toEqual([]); // at-setup: never a finding
    const { account, findings } = await auditReportFile(path, { ...opts, rule: { ...RULE, scope: 'any' } });
    expect(findings).toHaveLength(1);
    const result = makeResult({
      mode: 'offline',
      settings: { ...RULE, scope: 'any' },
      accounts: [account],
      findings,
    });
    const json = JSON.parse(JSON.stringify(buildJsonReport(result))) as {
      findings: Record<string, unknown>[];
    };
    expect(json.findings[0]).toMatchObject({
      userName: 'ops',
      keyCreatedAt: null,
      setupGapSeconds: null,
      location: 'aws/123456789012/iam/user/ops/key-created-unknown-slot1',
    });
    const sarif = buildSarif(result, { toolVersion: '0.0.0', category: null });
    const uri = sarif.runs[0]?.results?.[0]?.locations?.[0]?.physicalLocation?.artifactLocation?.uri;
    expect(uri).toBe('aws/123456789012/iam/user/ops/key-created-unknown-slot1');
    expect(sarif.runs[0]?.results?.[0]?.message.text).toContain('created at an unknown time');
    const summary = renderSummary(result, { jsonFile: 'r.json', sarifFile: 'r.sarif' });
    expect(summary).toMatch(/\| `ops` \| slot 1 \| unknown \| unknown \|/);
    expect(summary).toContain('aws iam list-access-keys --user-name ops --output table');
    expect(summary).not.toContain('NaN');
    expect(renderTerminal(result, { jsonFile: 'r.json', sarifFile: 'r.sarif' })).not.toMatch(/NaN|Invalid/);
  });

  it('the demo report (examples/credential-report.csv) reads like a small company and fails the right keys', async () => {
    const path = fileURLToPath(new URL('../../../examples/credential-report.csv', import.meta.url));
    const { account, findings } = await auditReportFile(path, { ...opts, exemptUsers: ['tom.becker'] });
    expect(account).toMatchObject({ status: 'ok', accountId: '444455556666', usersScanned: 10 });
    expect(findings.map((f) => [f.userArn.split(':user')[1], f.reason, f.exempted])).toEqual([
      ['/contractors/tom.becker', 'never-used', true],
      ['/engineering/alice.nguyen', 'never-used', false],
      ['/engineering/bob.schmidt', 'unused', false],
      ['/support/jane.doe@example.com', 'never-used', false],
    ]);
    // the key made later on purpose is in daily use: no finding under either scope
    const any = await auditReportFile(path, { ...opts, rule: { ...RULE, scope: 'any' } });
    expect(any.findings.map((f) => f.userName)).not.toContain('carla.rossi');
  });

  it('a header-only report is ok with 0 users; account from the file name or unknown', async () => {
    const named = join(dir, 'credential-report-210987654321.csv');
    copyFileSync(fixture('header-only.csv'), named);
    expect((await auditReportFile(named, opts)).account).toMatchObject({
      accountId: '210987654321',
      status: 'ok',
      usersScanned: 0,
    });
    const r = await auditReportFile(fixture('header-only.csv'), opts);
    expect(r.account).toMatchObject({ accountId: 'unknown', status: 'ok', usersScanned: 0, error: null });
    expect(r.findings).toEqual([]);
  });

  it('a report with only the root row takes the account from its ARN', async () => {
    const path = join(dir, 'root-only.csv');
    writeFileSync(path, generateReport({ users: 0, accountId: '999988887777' }));
    expect((await auditReportFile(path, opts)).account).toMatchObject({
      accountId: '999988887777',
      status: 'ok',
    });
  });

  it.each([
    ['bad-missing-column.csv', 'line 1: missing required column "access_key_1_last_rotated"'],
    ['bad-truncated.csv', 'line 31: row has 2 fields, the header has 22 (is the file truncated?)'],
    ['bad-not-a-report.csv', 'line 1: not a credential report (no "user,arn,..." header'],
  ])('%s becomes an account error, never a throw', async (name, message) => {
    const path = fixture(name);
    const { account, findings } = await auditReportFile(path, opts);
    expect(findings).toEqual([]);
    expect(account.status).toBe('error');
    expect(account.accountId).toBe('unknown');
    expect(account.usersScanned).toBe(0);
    expect(jsonAccount(account).source).toBe(path);
    expect(account.error).toContain(`${path} ${message}`);
    expect(account.hint).toMatch(/^Download the report again/);
  });

  it('takes the account id of a bad file from its name', async () => {
    const path = join(dir, '123456789012.csv');
    copyFileSync(fixture('bad-truncated.csv'), path);
    expect((await auditReportFile(path, opts)).account).toMatchObject({
      accountId: '123456789012',
      status: 'error',
    });
  });

  it('a missing file is an account error', async () => {
    const path = join(dir, 'nope-123456789012.csv');
    const { account } = await auditReportFile(path, opts);
    expect(account).toMatchObject({
      status: 'error',
      accountId: '123456789012',
      error: `${path}: no such file`,
    });
    expect(account.hint).toMatch(/path/);
  });

  it('a directory is an account error', async () => {
    const { account } = await auditReportFile(dir, opts);
    expect(account.status).toBe('error');
    expect(account.error).toContain(dir);
  });

  it('an unquoted comma row hides no other violator: the readable rows are audited, with a note naming the line', async () => {
    const text = readFileSync(fixture('moto-basic.csv'), 'utf8').split('\n');
    // a user named `eve,x` written without quotes, placed before the violators
    const eve = text[1]!.replace(/alice/g, 'eve,x');
    const path = join(dir, 'unquoted-comma.csv');
    writeFileSync(path, [text[0], eve, ...text.slice(1)].join('\n'));
    const clean = await auditReportFile(fixture('moto-basic.csv'), opts);
    const r = await auditReportFile(path, opts);
    expect(r.account.status).toBe('ok');
    expect(r.findings).toEqual(clean.findings.map((f) => f)); // same violators, none hidden
    expect(r.findings.length).toBeGreaterThan(0);
    expect(r.notes?.map(noteText)).toEqual([
      `Account 123456789012: \`${path}\` line 2 could not be read: the row has 24 fields, the header has 22: ` +
        'a value with a comma that is not quoted (user `eve,x`?), so its columns cannot be told apart. ' +
        'This row was not audited; the other rows were.',
    ]);
  });

  it('a FIFO or a device is an error at once, naming the path (never opened, never blocking)', async () => {
    const fifo = join(dir, 'fifo-123456789012.csv');
    execFileSync('mkfifo', [fifo]);
    for (const [path, kind] of [
      [fifo, 'a named pipe (FIFO)'],
      ['/dev/zero', 'a device'],
    ] as const) {
      const { account, findings } = await auditReportFile(path, opts);
      expect(findings).toEqual([]);
      expect(account.status).toBe('error');
      expect(account.error).toBe(
        `${path}: is ${kind}, not a regular file: the credential report must be a file`,
      );
    }
  });

  it('a file over the size cap (256 MB) is refused with a clear message, before reading', async () => {
    const path = join(dir, 'huge-123456789012.csv');
    writeFileSync(path, '');
    truncateSync(path, MAX_REPORT_BYTES + 1); // sparse: no disk used
    const { account } = await auditReportFile(path, opts);
    expect(account.status).toBe('error');
    expect(account.error).toBe(
      `${path}: the report is 256 MB, over the 256 MB this action reads ` +
        "(IAM's default quota of 5,000 users makes about 1.2 MB of report): is it a credential report?",
    );
    // the cap is exactly the documented one; a real report is read
    expect(MAX_REPORT_BYTES).toBe(256 * 1024 * 1024);
    const small = await auditReportFile(fixture('moto-basic.csv'), { ...opts, maxReportBytes: 100 });
    expect(small.account.error).toMatch(/over the 0\.0 MB this action reads/);
    expect((await auditReportFile(fixture('moto-basic.csv'), opts)).account.status).toBe('ok');
  });

  // Issue 19 §8.4: one 200 MiB field took the process to 2.9 GB. A row is capped at 1 MiB (a real one is
  // under 2 KB): the report fails at that row, and the field is never held whole.
  it('a row over 1 MiB (one huge field) fails the report, naming the file and line, without holding the field', async () => {
    const path = join(dir, 'huge-field-123456789012.csv');
    const row = (name: string) =>
      `${name},arn:aws:iam::123456789012:user/${name},2026-01-01T00:00:00+00:00,true,N/A,N/A,N/A,false,true,` +
      '2026-01-01T00:00:00+00:00,N/A,N/A,N/A,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A\n';
    // streamed to disk a MiB at a time: the test never holds the field either
    const out = createWriteStream(path);
    const write = async (text: string) => {
      if (!out.write(text)) await once(out, 'drain');
    };
    await write(`${AWS_COLUMNS.join(',')}\n${row('alice')}"`);
    const mib = 'x'.repeat(1024 * 1024);
    for (let i = 0; i < 20; i++) await write(mib);
    await write(
      `",arn:aws:iam::123456789012:user/bob,${row('carol').split(',').slice(2).join(',')}${row('dave')}`,
    );
    out.end();
    await once(out, 'finish');

    const before = process.memoryUsage().rss;
    const { account, findings } = await auditReportFile(path, opts);
    const grownMb = (process.memoryUsage().rss - before) / 1024 / 1024;
    expect(findings).toEqual([]);
    expect(account.status).toBe('error');
    expect(account.error).toBe(
      `${path} line 3: the row is over 1 MiB (a credential report row is under 2 KB): ` +
        'is it a credential report? The report was not read further',
    );
    expect(account.errorCode).toBe('not a valid credential report');
    expect(grownMb).toBeLessThan(200); // a sanity bound, not a measurement
  });

  it('rows up to the cap are read', async () => {
    const path = join(dir, 'long-row-123456789012.csv');
    const text = generateReport({ users: 3, accountId: '123456789012', seed: 5 }).split('\n');
    // a long (ignored) extra column on every row, half a MiB
    const wide = text.map((line, i) =>
      line === '' ? line : `${line},${i === 0 ? 'notes' : `"${'n'.repeat(512 * 1024)}"`}`,
    );
    writeFileSync(path, wide.join('\n'));
    const { account } = await auditReportFile(path, opts);
    expect(account.status).toBe('ok');
    expect(account.usersScanned).toBe(3);
  });

  it('accountIdFromFileName looks at the base name only, for exactly 12 digits', () => {
    expect(accountIdFromFileName('/tmp/111122223333/report.csv')).toBeNull();
    expect(accountIdFromFileName('reports/acct-111122223333-2026.csv')).toBe('111122223333');
    expect(accountIdFromFileName('1111222233334.csv')).toBeNull();
  });
});
