import { createReadStream, readFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from '@jest/globals';
import { ReportError, parseCredentialReport } from '../../../src/collect/parse.js';
import { parseIsoTime } from '../../../src/time.js';
import { AWS_COLUMNS, generateReport, generateReportLines } from '../../helpers/report-gen.js';
import { noteText } from '../../../src/notes.js';

const fixture = (name: string): string => fileURLToPath(new URL(`../../fixtures/${name}`, import.meta.url));
const parseFile = (name: string) => parseCredentialReport(createReadStream(fixture(name)), name);
const parseText = (text: string, source = 'iam-report.csv') =>
  parseCredentialReport(Readable.from([Buffer.from(text, 'utf8')]), source);

async function reportError(p: Promise<unknown>): Promise<ReportError> {
  try {
    await p;
  } catch (err) {
    expect(err).toBeInstanceOf(ReportError);
    return err as ReportError;
  }
  throw new Error('expected a ReportError');
}

const HEADER = AWS_COLUMNS.join(',');
const ALICE =
  'alice,arn:aws:iam::123456789012:user/alice,2026-11-27T20:47:26+00:00,true,no_information,2026-11-27T20:47:26+00:00,not_supported,false,true,2026-11-27T20:47:26+00:00,N/A,not_supported,not_supported,false,N/A,N/A,not_supported,not_supported,false,N/A,false,N/A';

describe('parseCredentialReport: fixtures', () => {
  it('moto-basic: no root row, no_information, both keys in one second', async () => {
    const r = await parseFile('moto-basic.csv');
    expect(r.accountId).toBe('123456789012');
    expect(r.users.map((u) => u.user)).toEqual([
      'alice',
      'bob.smith',
      'svc-ci',
      'carol@example.com',
      'dave',
      'erin+ops',
    ]);
    const alice = r.users[0]!;
    expect(alice).toEqual({
      line: 2,
      user: 'alice',
      arn: 'arn:aws:iam::123456789012:user/alice',
      userCreationTime: Date.parse('2026-11-27T20:47:26Z'),
      passwordEnabled: true,
      passwordLastUsed: null,
      mfaActive: false,
      keys: [
        {
          slot: 1,
          active: true,
          lastRotated: Date.parse('2026-11-27T20:47:26Z'),
          lastUsedDate: null,
          lastUsedRegion: null,
          lastUsedService: null,
        },
        {
          slot: 2,
          active: false,
          lastRotated: null,
          lastUsedDate: null,
          lastUsedRegion: null,
          lastUsedService: null,
        },
      ],
    });
    const bob = r.users[1]!;
    expect(bob.keys[0].lastRotated).toBe(bob.keys[1].lastRotated);
    expect(r.users[2]!.arn).toBe('arn:aws:iam::123456789012:user/automation/svc-ci');
    expect(r.users[2]!.passwordEnabled).toBe(false);
  });

  it('generated-300: root row skipped, quoted names with commas, every row typed', async () => {
    const r = await parseFile('generated-300.csv');
    expect(r.accountId).toBe('111122223333');
    expect(r.users).toHaveLength(300);
    expect(r.users.some((u) => u.user === '<root_account>')).toBe(false);
    const quoted = r.users.find((u) => u.user === 'xtplpf+t75v2s,e')!;
    expect(quoted.arn).toBe('arn:aws:iam::111122223333:user/engineering/xtplpf+t75v2s,e');
    expect(quoted.line).toBe(5);
    const s0 = r.users.find((u) => u.user === 's0j8h')!;
    expect(s0.keys[0]).toEqual({
      slot: 1,
      active: true,
      lastRotated: Date.parse('2020-06-06T12:46:08Z'),
      lastUsedDate: Date.parse('2025-06-10T23:00:00Z'),
      lastUsedRegion: 'eu-west-1',
      lastUsedService: null,
    });
    expect(s0.mfaActive).toBe(true);
    expect(r.users.at(-1)!.line).toBe(302);
  });

  it('generated-40-crlf-bom: BOM and CRLF', async () => {
    const r = await parseFile('generated-40-crlf-bom.csv');
    expect(r.accountId).toBe('444455556666');
    expect(r.users).toHaveLength(40);
    expect(r.users[0]!.user).toBe('xyimcfip');
    expect(r.users[0]!.line).toBe(3);
    for (const u of r.users) {
      expect(u.arn).not.toMatch(/\r/);
      expect(u.keys[1].lastUsedService ?? '').not.toMatch(/\r/);
    }
  });

  it('header-only: no users, no account', async () => {
    expect(await parseFile('header-only.csv')).toEqual({ accountId: null, users: [], unreadable: [] });
  });

  it('bad-missing-column: names the file, line 1 and the column', async () => {
    const err = await reportError(parseFile('bad-missing-column.csv'));
    expect(err.source).toBe('bad-missing-column.csv');
    expect(err.line).toBe(1);
    expect(err.message).toBe(
      'bad-missing-column.csv line 1: missing required column "access_key_1_last_rotated"',
    );
  });

  it('a report in the format before April 2015 (no last-used columns): says what it is and what to do', async () => {
    const err = await reportError(parseFile('bad-pre-2015-format.csv'));
    expect(err.line).toBe(1);
    expect(err.message).toMatch(
      /^bad-pre-2015-format\.csv line 1: this is a credential report in the format AWS used before April 2015/,
    );
    expect(err.message).toContain('no access_key_N_last_used_* columns');
    expect(err.message).toContain('Generate a current report (aws iam generate-credential-report');
  });

  it('bad-truncated: names the cut line', async () => {
    const err = await reportError(parseFile('bad-truncated.csv'));
    expect(err.line).toBe(31);
    expect(err.message).toMatch(
      /^bad-truncated\.csv line 31: row has \d+ fields, the header has 22 \(is the file truncated\?\)$/,
    );
  });

  it('bad-not-a-report: says what the file starts with', async () => {
    const err = await reportError(parseFile('bad-not-a-report.csv'));
    expect(err.message).toBe(
      'bad-not-a-report.csv line 1: not a credential report (no "user,arn,..." header; the file starts with "<?xml version="1.0" encoding="UTF-8"?>")',
    );
  });
});

describe('parseCredentialReport: format tolerance', () => {
  it('finds columns by name, case-insensitively, reordered, with extra columns', async () => {
    const original = readFileSync(fixture('generated-300.csv'), 'utf8').trimEnd().split('\n');
    const parsed = (await parseFile('generated-300.csv')).users;
    // reverse the column order, upper-case the header, and add two unknown columns
    const split = (line: string): string[] => {
      const out: string[] = [];
      const re = /("(?:[^"]|"")*"|[^,]*)(,|$)/g;
      let m: RegExpExecArray | null;
      while ((m = re.exec(line)) !== null) {
        out.push(m[1]!);
        if (m[2] === '') break;
      }
      return out;
    };
    const rows = original.map((line, i) => {
      const cells = split(line).reverse();
      if (i === 0) return ['EXTRA_ONE', ...cells.map((c) => c.toUpperCase()), 'future_column'].join(',');
      return ['x', ...cells, '"a,b"'].join(',');
    });
    const r = await parseText(rows.join('\r\n') + '\r\n');
    expect(r.users).toEqual(parsed);
  });

  it('parses a stream delivered in 1-byte chunks (BOM and multi-byte split)', async () => {
    const bytes = readFileSync(fixture('generated-40-crlf-bom.csv'));
    const oneByOne = async function* () {
      for (let i = 0; i < bytes.length; i++) yield bytes.subarray(i, i + 1);
    };
    const whole = await parseFile('generated-40-crlf-bom.csv');
    expect(await parseCredentialReport(oneByOne(), 'x.csv')).toEqual(whole);
  });

  it('accepts string chunks', async () => {
    const r = await parseCredentialReport(Readable.from([HEADER + '\n', ALICE + '\n']), 'x.csv');
    expect(r.users).toHaveLength(1);
  });

  it('skips blank lines and tolerates no final newline', async () => {
    const r = await parseText(`${HEADER}\n\n${ALICE}`);
    expect(r.users[0]!.line).toBe(3);
  });

  it('takes the account from the root row when there are no users', async () => {
    const text = generateReport({ users: 0, accountId: '999988887777' });
    expect(await parseText(text)).toEqual({ accountId: '999988887777', users: [], unreadable: [] });
  });

  // Time is not asserted here (shared CI machines vary); the benchmark measures it.
  it('parses a 50,000-user report streamed line by line', async () => {
    const r = await parseCredentialReport(
      Readable.from(generateReportLines({ users: 50_000, seed: 7 })),
      'big.csv',
    );
    expect(r.users).toHaveLength(50_000);
    expect(r.accountId).toBe('111122223333');
    expect(r.users[49_999]!.line).toBe(50_002);
  }, 180_000);
});

describe('parseCredentialReport: errors', () => {
  it('a malformed time names line and column', async () => {
    const bad = ALICE.replace('true,2026-11-27T20:47:26+00:00,N/A', 'true,yesterday,N/A');
    const err = await reportError(parseText(`${HEADER}\n${ALICE}\n${bad}\n`));
    expect(err.message).toBe(
      'iam-report.csv line 3: column "access_key_1_last_rotated" is "yesterday": expected an ISO 8601 time or N/A',
    );
    expect(err.line).toBe(3);
  });

  it('rejects impossible dates and times without an offset', async () => {
    for (const t of ['2026-02-30T00:00:00+00:00', '2026-11-27T20:47:26', '2026-11-27 20:47:26Z']) {
      const bad = ALICE.replace(/^(alice,[^,]+,)[^,]+/, `$1${t}`);
      const err = await reportError(parseText(`${HEADER}\n${bad}\n`));
      expect(err.message).toContain('column "user_creation_time"');
    }
  });

  it('user_creation_time is required', async () => {
    const bad = ALICE.replace(/^(alice,[^,]+,)[^,]+/, '$1N/A');
    const err = await reportError(parseText(`${HEADER}\n${bad}\n`));
    expect(err.message).toBe(
      'iam-report.csv line 2: column "user_creation_time" is "N/A": expected an ISO 8601 time',
    );
  });

  it('a bad boolean names the column', async () => {
    const bad = ALICE.replace(
      'alice,arn:aws:iam::123456789012:user/alice,2026-11-27T20:47:26+00:00,true',
      'alice,arn:aws:iam::123456789012:user/alice,2026-11-27T20:47:26+00:00,yes',
    );
    const err = await reportError(parseText(`${HEADER}\n${bad}\n`));
    expect(err.message).toBe(
      'iam-report.csv line 2: column "password_enabled" is "yes": expected true or false',
    );
  });

  it('rows of two accounts are an error', async () => {
    const other = ALICE.replace(/^alice,arn:aws:iam::123456789012/, 'mallory,arn:aws:iam::210987654321');
    const err = await reportError(parseText(`${HEADER}\n${ALICE}\n${other}\n`));
    expect(err.line).toBe(3);
    expect(err.message).toMatch(/line 3: .*210987654321.*123456789012/);
  });

  it('an ARN that is not a user ARN is an error', async () => {
    const bad = ALICE.replace('arn:aws:iam::123456789012:user/alice', 'arn:aws:iam::123456789012:role/alice');
    const err = await reportError(parseText(`${HEADER}\n${bad}\n`));
    expect(err.message).toContain('column "arn" is "arn:aws:iam::123456789012:role/alice"');
  });

  it('an empty file is not a credential report', async () => {
    const err = await reportError(parseText(''));
    expect(err.message).toBe(
      'iam-report.csv line 1: not a credential report (no "user,arn,..." header; the file is empty)',
    );
  });

  it('an unclosed quote is a CSV error with a line', async () => {
    const err = await reportError(parseText(`${HEADER}\n${ALICE}\n"broken,${ALICE.slice(6)}`));
    expect(err.message).toMatch(/^iam-report\.csv line \d+: malformed CSV: /);
  });

  // Issue 19 §8.4: a row is capped at 1 MiB; the parser stops inside the huge field, not after it.
  it('a row over 1 MiB is an error naming the source and line, and the rest of the input is not read', async () => {
    let served = 0;
    const input = async function* () {
      yield Buffer.from(`${HEADER}\n${ALICE}\n"bob`);
      const mib = Buffer.alloc(1024 * 1024, 'x');
      for (; served < 64; served++) yield mib; // 64 MiB, if it were read to the end
      yield Buffer.from(`",${ALICE.split(',').slice(1).join(',')}\n`);
    };
    const err = await reportError(
      parseCredentialReport(input(), 'credential report of account 123456789012'),
    );
    expect(err.message).toBe(
      'credential report of account 123456789012 line 3: the row is over 1 MiB (a credential report row is ' +
        'under 2 KB): is it a credential report? The report was not read further',
    );
    expect(err.line).toBe(3);
    expect(served).toBeLessThan(4);
  });

  it('a huge quoted field spanning lines is reported at the line its row starts', async () => {
    const err = await reportError(
      parseText(
        `${HEADER}\n\n${ALICE}\n"bob${'\nx'.repeat(600_000)}",${ALICE.split(',').slice(1).join(',')}\n`,
      ),
    );
    expect(err.message).toMatch(/^iam-report\.csv line 4: the row is over 1 MiB/);
  });

  it('non-ReportError stream failures propagate', async () => {
    const failing = async function* () {
      yield Buffer.from(HEADER + '\n');
      throw new Error('socket hang up');
    };
    await expect(parseCredentialReport(failing(), 'x')).rejects.toThrow('socket hang up');
  });
});

describe('parseIsoTime', () => {
  it('handles offsets, Z and fractions', () => {
    expect(parseIsoTime('2026-11-27T20:47:26+00:00')).toBe(Date.parse('2026-11-27T20:47:26Z'));
    expect(parseIsoTime('2026-11-27T22:47:26+02:00')).toBe(Date.parse('2026-11-27T20:47:26Z'));
    expect(parseIsoTime('2026-11-27T15:17:26-0530')).toBe(Date.parse('2026-11-27T20:47:26Z'));
    expect(parseIsoTime('2026-11-27T20:47:26.123Z')).toBe(Date.parse('2026-11-27T20:47:26.123Z'));
    expect(parseIsoTime('2024-02-29T00:00:00Z')).toBe(Date.parse('2024-02-29T00:00:00Z'));
    expect(parseIsoTime('2026-02-29T00:00:00Z')).toBeNull();
    expect(parseIsoTime('2026-11-27T24:00:00Z')).toBeNull();
    expect(parseIsoTime('N/A')).toBeNull();
  });
});

describe('issue 9: clear errors instead of misleading ones', () => {
  it('a stray quote in the header is malformed CSV at a line, not "not a credential report"', async () => {
    const err = await reportError(parseText(`"user,arn${HEADER.slice(8)}\n${ALICE}\n`));
    expect(err.message).toMatch(/^iam-report\.csv line \d+: malformed CSV: /);
    expect(err.message).not.toMatch(/not a credential report/);
  });

  it('a duplicated header column is an error naming it', async () => {
    const err = await reportError(parseText(`${HEADER},mfa_active\n${ALICE},false\n`));
    expect(err.message).toMatch(/^iam-report\.csv line 1: the header names column "mfa_active" twice/);
  });

  it('a year before 1970 or a two-digit year is an error naming the column and line', async () => {
    for (const bad of ['1969-12-31T00:00:00+00:00', '26-11-27T20:47:26+00:00']) {
      const row = ALICE.replace(/^([^,]*,[^,]*,)[^,]*/, `$1${bad}`);
      const err = await reportError(parseText(`${HEADER}\n${row}\n`));
      expect(err.message).toMatch(/line 2: column "user_creation_time" is ".*": expected an ISO 8601 time/);
    }
  });

  it('names with commas are read in the quoted form AWS writes (RFC 4180)', async () => {
    const r = await parseFile('generated-300.csv');
    const withComma = r.users.filter((u) => u.user.includes(','));
    expect(withComma.length).toBeGreaterThan(3);
    expect(withComma.map((u) => u.user)).toContain('hv,dga');
    for (const u of withComma) expect(u.arn.endsWith(`/${u.user}`)).toBe(true);
    expect(r.unreadable).toEqual([]);
    const quoted = ALICE.replace(
      'alice,arn:aws:iam::123456789012:user/alice',
      '"a,b","arn:aws:iam::123456789012:user/a,b"',
    );
    expect((await parseText(`${HEADER}\n${quoted}\n`)).users[0]!.user).toBe('a,b');
  });

  it('an unquoted comma row is skipped with a plain reason naming line and user; the other rows are read', async () => {
    const unquoted = ALICE.replace(/alice/g, 'mal,lory');
    const bob = ALICE.replace(/alice/g, 'bob');
    const r = await parseText(`${HEADER}\n${ALICE}\n${unquoted}\n${bob}\n`);
    expect(r.users.map((u) => u.user)).toEqual(['alice', 'bob']);
    expect(r.accountId).toBe('123456789012');
    expect(r.unreadable.map((u) => ({ ...u, detail: noteText(u.detail) }))).toEqual([
      {
        line: 3,
        detail:
          'the row has 24 fields, the header has 22: a value with a comma that is not quoted (user `mal,lory`?), ' +
          'so its columns cannot be told apart. This row was not audited; the other rows were',
      },
    ]);
    expect(noteText(r.unreadable[0]!.detail)).not.toMatch(/proxy|truncated/);
  });

  it.each([
    ['UTF-16LE', (t: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(t, 'utf16le')])],
    [
      'UTF-16BE',
      (t: string) => Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(t, 'utf16le').swap16()]),
    ],
    ['UTF-16LE', (t: string) => Buffer.from(t, 'utf16le')], // no byte order mark
    ['UTF-16BE', (t: string) => Buffer.from(t, 'utf16le').swap16()],
    ['UTF-32LE', (t: string) => Buffer.concat([Buffer.from([0xff, 0xfe, 0, 0]), utf32le(t)])],
    ['UTF-32BE', (t: string) => utf32le(t).swap32()],
  ])('a %s file names its encoding and how to convert it', async (encoding, encode) => {
    const bytes = encode(`${HEADER}\n${ALICE}\n`);
    const err = await reportError(parseCredentialReport(Readable.from([bytes]), 'iam-report.csv'));
    expect(err.message).toBe(
      `iam-report.csv: the file is ${encoding}, not UTF-8: a credential report is UTF-8 CSV. ` +
        `Convert it, e.g. \`iconv -f ${encoding} -t UTF-8 report.csv > report-utf8.csv\``,
    );
  });

  it('a Latin-1 byte in a name is an error naming the line and column, not a mangled name', async () => {
    const row = Buffer.from(ALICE.replace(/alice/g, 'ren\u00e9'), 'latin1');
    const bytes = Buffer.concat([Buffer.from(`${HEADER}\n${ALICE}\n`), row, Buffer.from('\n')]);
    const err = await reportError(parseCredentialReport(Readable.from([bytes]), 'iam-report.csv'));
    expect(err.line).toBe(3);
    expect(err.message).toMatch(
      /^iam-report\.csv line 3: bytes that are not UTF-8 in column "user" \(a Latin-1 or Windows-1252 file\?\).*iconv -f LATIN1 -t UTF-8/,
    );
    // the same name in UTF-8 reads exactly
    const ok = await parseText(`${HEADER}\n${ALICE.replace(/alice/g, 'ren\u00e9')}\n`);
    expect(ok.users[0]!.user).toBe('ren\u00e9');
  });
});

function utf32le(text: string): Buffer {
  const out = Buffer.alloc(text.length * 4);
  for (let i = 0; i < text.length; i++) out.writeUInt32LE(text.charCodeAt(i), i * 4);
  return out;
}
