import { afterAll, describe, expect, it } from '@jest/globals';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { InputError } from '../../../src/model.js';
import {
  parseConfig,
  parseDuration,
  partitionForRegion,
  splitList,
  type RawInputs,
} from '../../../src/inputs/config.js';
import { parseIsoDateTime } from '../../../src/time.js';
import { INPUTS, type InputName } from '../../../src/inputs/definitions.js';
import { expandGlob } from '../../../src/inputs/glob.js';

const files: Record<string, string[]> = {
  'reports/*.csv': ['reports/b.csv', 'reports/a.csv'],
  'reports/a.csv': ['reports/a.csv'],
  'more/c.csv': ['more/c.csv'],
};
const deps = { expandGlob: (p: string): string[] => files[p] ?? [] };

const parse = (raw: RawInputs) => parseConfig(raw, deps);

function errorOf(raw: RawInputs): InputError {
  try {
    parse(raw);
  } catch (e) {
    if (e instanceof InputError) return e;
    throw e;
  }
  throw new Error(`no error for ${JSON.stringify(raw)}`);
}

const ARN = 'arn:aws:iam::111122223333:role/IamAudit';

describe('parseConfig: security-hub', () => {
  it('is off by default; its region follows aws-region unless set', () => {
    expect(parse({ 'security-hub': 'true', 'aws-region': 'eu-west-1' })).toMatchObject({
      securityHub: true,
      securityHubRegion: 'eu-west-1',
    });
    expect(parse({ 'security-hub': 'TRUE', 'security-hub-region': 'eu-central-1' })).toMatchObject({
      securityHub: true,
      securityHubRegion: 'eu-central-1',
    });
  });

  it('is a clear input error with credential-report (offline has no account credentials)', () => {
    const e = errorOf({ 'security-hub': 'true', 'credential-report': 'reports/*.csv' });
    expect(e.input).toBe('security-hub');
    expect(e.message).toMatch(
      /^Input "security-hub" is true together with "credential-report": expected a live audit/,
    );
    // off, the offline audit is fine
    expect(parse({ 'security-hub': 'false', 'credential-report': 'reports/*.csv' }).securityHub).toBe(false);
  });

  it('rejects a bad value, a bad region and a region of another partition', () => {
    expect(errorOf({ 'security-hub': 'yes' }).message).toBe(
      'Input "security-hub" is "yes": expected true or false.',
    );
    expect(errorOf({ 'security-hub-region': 'Frankfurt' }).message).toMatch(
      /^Input "security-hub-region" is "Frankfurt": expected an AWS region code/,
    );
    const e = errorOf({ 'security-hub-region': 'cn-north-1' });
    expect(e.input).toBe('security-hub-region');
    expect(e.message).toMatch(/expected a region of the partition of aws-region "us-east-1" \(aws\)/);
  });
});

describe('parseConfig: defaults', () => {
  it('gives the DESIGN §3 defaults for no inputs', () => {
    expect(parse({})).toEqual({
      roleToAssume: null,
      audience: 'sts.amazonaws.com',
      awsRegion: 'us-east-1',
      partition: 'aws',
      roleSessionName: 'iam-initial-access-key-audit',
      roleDurationSeconds: 3600,
      accounts: [],
      accountRoleName: null,
      organization: false,
      excludeAccounts: [],
      concurrency: 8,
      shard: null,
      rule: {
        scope: 'at-setup',
        setupWindowSeconds: 600,
        unusedDays: 90,
        exemptionTag: 'access-key-justification',
      },
      asOf: null,
      exemptUsers: [],
      credentialReports: [],
      iac: [],
      sarifFile: 'iam-initial-access-keys.sarif',
      jsonFile: 'iam-initial-access-keys.json',
      summary: true,
      failOn: 'findings',
      createIssues: false,
      issueLabels: ['security'],
      maxIssues: 20,
      githubToken: null,
      securityHub: false,
      securityHubRegion: 'us-east-1',
      category: null,
      remediation: { mode: 'off', roleName: null, afterDays: 14, reasons: ['never-used'], max: 10 },
    });
  });

  it('treats empty and blank values as absent (as core.getInput gives them)', () => {
    const blank: RawInputs = Object.fromEntries(INPUTS.map((i, n) => [i.name, n % 2 ? '' : '  \n ']));
    expect(parse(blank)).toEqual(parse({}));
  });

  it('trims values', () => {
    const c = parse({ 'unused-days': ' 30 ', scope: '\tany\n' });
    expect(c.rule.unusedDays).toBe(30);
    expect(c.rule.scope).toBe('any');
  });
});

describe('parseConfig: good values', () => {
  it.each([
    ['90s', 90],
    ['10m', 600],
    ['2h', 7200],
    ['1d', 86_400],
    ['0s', 0],
  ])('setup-window %s is %i seconds', (text, seconds) => {
    expect(parse({ 'setup-window': text }).rule.setupWindowSeconds).toBe(seconds);
  });

  it.each([
    ['us-east-1', 'aws'],
    ['eu-west-2', 'aws'],
    ['ap-southeast-4', 'aws'],
    ['cn-north-1', 'aws-cn'],
    ['cn-northwest-1', 'aws-cn'],
    ['us-gov-west-1', 'aws-us-gov'],
    ['us-gov-east-1', 'aws-us-gov'],
  ])('region %s is in partition %s', (region, partition) => {
    expect(partitionForRegion(region)).toBe(partition);
    expect(parse({ 'aws-region': region }).partition).toBe(partition);
  });

  it('accepts a role ARN of the region partition, with a path', () => {
    expect(parse({ 'role-to-assume': ARN }).roleToAssume).toBe(ARN);
    const gov = 'arn:aws-us-gov:iam::111122223333:role/audit/ci/IamAudit';
    expect(parse({ 'role-to-assume': gov, 'aws-region': 'us-gov-west-1' }).roleToAssume).toBe(gov);
  });

  it('splits account lists on commas, spaces and newlines, keeps order, drops duplicates', () => {
    const c = parse({
      accounts: '444455556666, 111122223333\n  222233334444 444455556666,',
      'account-role-name': 'audit/IamAudit',
      'exclude-accounts': '111122223333 111122223333',
    });
    expect(c.accounts).toEqual(['444455556666', '111122223333', '222233334444']);
    expect(c.excludeAccounts).toEqual(['111122223333']);
    expect(c.accountRoleName).toBe('audit/IamAudit');
  });

  it('accepts organization with a role name; a leading slash of the path is dropped', () => {
    const c = parse({ organization: 'TRUE', 'account-role-name': '/audit/IamAudit' });
    expect(c.organization).toBe(true);
    expect(c.accountRoleName).toBe('audit/IamAudit');
  });

  it.each(['true', 'True', 'TRUE', 'false', 'False', 'FALSE'])('boolean %s', (b) => {
    expect(parse({ summary: b }).summary).toBe(b.toLowerCase() === 'true');
  });

  it('reads shard, concurrency, scope, fail-on, max-issues', () => {
    const c = parse({ shard: '3/4', concurrency: '64', scope: 'any', 'fail-on': 'never', 'max-issues': '0' });
    expect(c.shard).toEqual({ index: 3, total: 4 });
    expect(c.concurrency).toBe(64);
    expect(c.rule.scope).toBe('any');
    expect(c.failOn).toBe('never');
    expect(c.maxIssues).toBe(0);
    expect(parse({ shard: '256/256' }).shard).toEqual({ index: 256, total: 256 });
  });

  it.each([
    ['2026-01-31T12:34:56Z', '2026-01-31T12:34:56.000Z'],
    ['2026-01-31T12:34:56.789Z', '2026-01-31T12:34:56.789Z'],
    ['2026-01-31T12:34:56+02:00', '2026-01-31T10:34:56.000Z'],
    ['2026-01-31T12:34-05:30', '2026-01-31T18:04:00.000Z'],
    ['2026-01-31T00:00:00+0100', '2026-01-30T23:00:00.000Z'],
    ['2024-02-29', '2024-02-29T00:00:00.000Z'],
  ])('as-of %s', (text, iso) => {
    expect(parse({ 'as-of': text }).asOf?.toISOString()).toBe(iso);
  });

  it('expands, sorts and deduplicates credential reports (one pattern per line)', () => {
    const c = parse({ 'credential-report': 'reports/*.csv\nmore/c.csv\nreports/a.csv' });
    expect(c.credentialReports).toEqual(['more/c.csv', 'reports/a.csv', 'reports/b.csv']);
  });

  it('reads lists: exempt-users and issue-labels on commas and newlines (labels may have spaces)', () => {
    const c = parse({
      'exempt-users': 'svc-*, arn:aws:iam::*:user/ci/*\nbreak-glass',
      'issue-labels': 'security, good first issue\naws,security',
    });
    expect(c.exemptUsers).toEqual(['svc-*', 'arn:aws:iam::*:user/ci/*', 'break-glass']);
    expect(c.issueLabels).toEqual(['security', 'good first issue', 'aws']);
  });

  // Issue 19 §8.1: `,` is valid in IAM user names; `\,` keeps it in the entry (and in the glob, where it
  // is picomatch's escape of a literal comma). Everything else splits as before.
  it('reads exempt-users: commas, spaces and newlines separate entries; \\, is a comma in a name', () => {
    expect(parse({ 'exempt-users': 'ops\\,admin' }).exemptUsers).toEqual(['ops\\,admin']);
    expect(parse({ 'exempt-users': 'a,b' }).exemptUsers).toEqual(['a', 'b']);
    expect(parse({ 'exempt-users': 'svc-* ops-*\n\tbreak-glass ,,' }).exemptUsers).toEqual([
      'svc-*',
      'ops-*',
      'break-glass',
    ]);
    expect(parse({ 'exempt-users': 'arn:aws:iam::*:user/ci/a\\,b, x\\,y\\,z\nplain' }).exemptUsers).toEqual([
      'arn:aws:iam::*:user/ci/a\\,b',
      'x\\,y\\,z',
      'plain',
    ]);
    // an escaped backslash before a comma does not escape the comma
    expect(parse({ 'exempt-users': 'a\\\\,b' }).exemptUsers).toEqual(['a\\\\', 'b']);
  });

  it('keeps the token and accepts create-issues with it', () => {
    const c = parse({ 'create-issues': 'true', 'github-token': 'ghs_abc' });
    expect(c.createIssues).toBe(true);
    expect(c.githubToken).toBe('ghs_abc');
  });

  it('keeps the code scanning category as given, trimmed', () => {
    expect(parse({ category: ' /iam-audit:org-a ' }).category).toBe('/iam-audit:org-a');
    for (const category of ['org-a', 'iam_audit.v2', '.github/workflows/audit.yml:audit/', 'c'.repeat(255)])
      expect(parse({ category }).category).toBe(category);
  });

  it('keeps the OIDC audience as given, trimmed', () => {
    for (const audience of ['sts.amazonaws.com', 'https://github.com/octo-org', 'api://AzureADTokenExchange'])
      expect(parse({ audience: ` ${audience}\n` }).audience).toBe(audience);
    expect(parse({ audience: 'a'.repeat(255) }).audience).toBe('a'.repeat(255));
  });

  it('accepts unicode tag keys and unused-days 0', () => {
    expect(parse({ 'exemption-tag': 'Begründung:key' }).rule.exemptionTag).toBe('Begründung:key');
    expect(parse({ 'unused-days': '0' }).rule.unusedDays).toBe(0);
  });
});

const DURATION = 'expected a duration with a unit (s, m, h or d), e.g. 90s, 10m, 2h, 1d';

// [what, inputs, the input named, text the message must contain (the expected form)]
const BAD: [string, RawInputs, InputName, string][] = [
  ['setup-window in words', { 'setup-window': 'ten minutes' }, 'setup-window', DURATION],
  ['setup-window without unit', { 'setup-window': '600' }, 'setup-window', 'say 600s'],
  ['setup-window upper-case unit', { 'setup-window': '10M' }, 'setup-window', DURATION],
  ['setup-window negative', { 'setup-window': '-5m' }, 'setup-window', DURATION],
  ['unused-days negative', { 'unused-days': '-1' }, 'unused-days', 'a whole number from 0 to 36500'],
  ['unused-days fraction', { 'unused-days': '1.5' }, 'unused-days', 'a whole number from 0 to 36500'],
  ['unused-days too big', { 'unused-days': '36501' }, 'unused-days', 'a whole number from 0 to 36500'],
  ['scope all', { scope: 'all' }, 'scope', 'one of at-setup, any'],
  ['category of two lines', { category: 'org-a\norg-b' }, 'category', 'one line'],
  // Issue 19 §8.3: bidi controls and other format or control characters, spaces, too long
  ...[
    '\u202a',
    '\u202b',
    '\u202c',
    '\u202d',
    '\u202e',
    '\u2066',
    '\u2067',
    '\u2068',
    '\u2069',
    '\u200e',
    '\u200f',
    '\u200b',
    '\u2060',
    '\ufeff',
    '\u00ad',
    '\u0007',
    '\u0085',
  ].map((ch): [string, RawInputs, InputName, string] => [
    `category with U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`,
    { category: `org-a${ch}:prod` },
    'category',
    'letters, digits and - _ . / :',
  ]),
  ['category with a space', { category: 'org a' }, 'category', 'letters, digits and - _ . / :'],
  ['category with a look-alike letter', { category: 'org-\u0430' }, 'category', 'ASCII'],
  ['category too long', { category: 'c'.repeat(256) }, 'category', 'at most 255'],
  ['audience with a space', { audience: 'sts amazonaws.com' }, 'audience', 'no whitespace'],
  ['audience with a tab', { audience: 'sts.amazonaws.com\tx' }, 'audience', 'no whitespace'],
  ['audience with a bidi control', { audience: 'sts.amazonaws.com\u202e' }, 'audience', 'no whitespace'],
  [
    'audience with a zero-width space',
    { audience: 'sts\u200b.amazonaws.com' },
    'audience',
    'sts.amazonaws.com',
  ],
  ['audience of two lines', { audience: 'sts.amazonaws.com\nother' }, 'audience', 'no whitespace'],
  ['audience too long', { audience: 'a'.repeat(256) }, 'audience', 'at most 255'],
  ['shard K > N', { shard: '3/2' }, 'shard', '1 <= K <= N <= 256'],
  ['shard K = 0', { shard: '0/4' }, 'shard', '1 <= K <= N <= 256'],
  ['shard N > 256', { shard: '1/257' }, 'shard', '1 <= K <= N <= 256'],
  ['shard not K/N', { shard: '1of4' }, 'shard', 'K/N'],
  ['concurrency 0', { concurrency: '0' }, 'concurrency', 'a whole number from 1 to 64'],
  ['concurrency 65', { concurrency: '65' }, 'concurrency', 'a whole number from 1 to 64'],
  [
    '11-digit account id',
    { accounts: '111122223333, 11112222333', 'account-role-name': 'IamAudit' },
    'accounts',
    '12-digit AWS account ids',
  ],
  ['exclude-accounts word', { 'exclude-accounts': 'prod' }, 'exclude-accounts', '12-digit AWS account ids'],
  ['accounts without account-role-name', { accounts: '111122223333' }, 'account-role-name', 'role name'],
  ['organization without account-role-name', { organization: 'true' }, 'account-role-name', 'role name'],
  [
    'accounts with organization',
    { accounts: '111122223333', organization: 'true', 'account-role-name': 'R' },
    'accounts',
    'expected one of them',
  ],
  [
    'account-role-name with spaces',
    { 'account-role-name': 'Iam Audit' },
    'account-role-name',
    'IAM role name',
  ],
  ['account-role-name is an ARN', { 'account-role-name': ARN }, 'account-role-name', 'IAM role name'],
  [
    'malformed role ARN',
    { 'role-to-assume': 'arn:aws:iam::1111:role/X' },
    'role-to-assume',
    'arn:PARTITION:iam',
  ],
  [
    'role ARN of a user',
    { 'role-to-assume': 'arn:aws:iam::111122223333:user/X' },
    'role-to-assume',
    'role ARN',
  ],
  [
    'role ARN partition vs region',
    { 'role-to-assume': ARN, 'aws-region': 'cn-north-1' },
    'role-to-assume',
    'arn:aws-cn:iam::',
  ],
  ['region malformed', { 'aws-region': 'US East' }, 'aws-region', 'e.g. us-east-1'],
  ['role-session-name too short', { 'role-session-name': 'x' }, 'role-session-name', '2 to 64 characters'],
  [
    'role-session-name with space',
    { 'role-session-name': 'my session' },
    'role-session-name',
    '2 to 64 characters',
  ],
  [
    'role-duration-seconds too low',
    { 'role-duration-seconds': '899' },
    'role-duration-seconds',
    'from 900 to 43200',
  ],
  [
    'role-duration-seconds too high',
    { 'role-duration-seconds': '43201' },
    'role-duration-seconds',
    'from 900 to 43200',
  ],
  ['organization yes', { organization: 'yes' }, 'organization', 'true or false'],
  ['summary 1', { summary: '1' }, 'summary', 'true or false'],
  ['create-issues on', { 'create-issues': 'on' }, 'create-issues', 'true or false'],
  ['fail-on maybe', { 'fail-on': 'maybe' }, 'fail-on', 'one of findings, errors, never'],
  ['max-issues -3', { 'max-issues': '-3' }, 'max-issues', 'a whole number from 0'],
  [
    'as-of without zone',
    { 'as-of': '2026-01-31T12:00:00' },
    'as-of',
    'ISO 8601 date-time with Z or an offset',
  ],
  ['as-of US date', { 'as-of': '01/31/2026' }, 'as-of', 'ISO 8601'],
  ['as-of February 30', { 'as-of': '2026-02-30' }, 'as-of', 'ISO 8601'],
  ['as-of 25 o’clock', { 'as-of': '2026-01-31T25:00:00Z' }, 'as-of', 'ISO 8601'],
  ['as-of words', { 'as-of': 'yesterday' }, 'as-of', 'ISO 8601'],
  ['exemption-tag reserved', { 'exemption-tag': 'aws:justification' }, 'exemption-tag', 'IAM tag key'],
  ['exemption-tag bad char', { 'exemption-tag': 'why?' }, 'exemption-tag', 'IAM tag key'],
  ['exemption-tag too long', { 'exemption-tag': 'k'.repeat(129) }, 'exemption-tag', '1 to 128'],
  ['exempt-users unclosed bracket', { 'exempt-users': 'svc-*, ci-[a' }, 'exempt-users', 'globs on user name'],
  [
    'credential-report matching nothing',
    { 'credential-report': 'nothing/*.csv' },
    'credential-report',
    'no file matches',
  ],
  [
    'credential-report with role-to-assume',
    { 'credential-report': 'reports/a.csv', 'role-to-assume': ARN },
    'credential-report',
    '"role-to-assume"',
  ],
  [
    'credential-report with organization',
    { 'credential-report': 'reports/a.csv', organization: 'true', 'account-role-name': 'R' },
    'credential-report',
    '"organization"',
  ],
  [
    'credential-report with accounts',
    { 'credential-report': 'reports/a.csv', accounts: '111122223333', 'account-role-name': 'R' },
    'credential-report',
    '"accounts"',
  ],
  ['sarif-file a directory', { 'sarif-file': 'out/' }, 'sarif-file', 'a file path'],
  [
    'json-file same as sarif-file',
    { 'json-file': 'r.out', 'sarif-file': 'r.out' },
    'json-file',
    'different from sarif-file',
  ],
  [
    'issue label too long',
    { 'issue-labels': `security, ${'x'.repeat(51)}` },
    'issue-labels',
    '1 to 50 characters',
  ],
  [
    'create-issues without token',
    { 'create-issues': 'true', 'github-token': ' ' },
    'github-token',
    'a token',
  ],
];

describe('parseConfig: bad values', () => {
  it.each(BAD)('%s', (_what, raw, input, expected) => {
    const e = errorOf(raw);
    expect(e.name).toBe('InputError');
    expect(e.input).toBe(input);
    expect(e.message).toContain(`Input "${input}"`);
    expect(e.message).toContain(expected);
  });

  it('shows invisible characters of a bad value escaped, so the message itself carries none', () => {
    const e = errorOf({ category: 'org-a\u202e:prod' });
    expect(e.message).toContain('"org-a\\u202e:prod"');
    expect(e.message).not.toMatch(/[\u202a-\u202e\u2066-\u2069\u200e\u200f]/);
  });

  it('quotes the bad value in the message', () => {
    expect(errorOf({ 'setup-window': 'ten minutes' }).message).toBe(
      'Input "setup-window" is "ten minutes": expected a duration with a unit (s, m, h or d), e.g. 90s, 10m, 2h, 1d.',
    );
    expect(errorOf({ accounts: '111122223333 11112222333', 'account-role-name': 'R' }).message).toContain(
      '"11112222333"',
    );
  });

  it('cuts a long bad value to about 80 characters', () => {
    const e = errorOf({ scope: 'x'.repeat(500) });
    expect(e.message).toContain(`"${'x'.repeat(80)}…"`);
    expect(e.message).not.toContain('x'.repeat(81));
  });
});

describe('parseConfig: remediation (DESIGN §8)', () => {
  it('is off by default; plan and deactivate take the role, notice period, reasons and cap', () => {
    expect(parse({}).remediation).toEqual({
      mode: 'off',
      roleName: null,
      afterDays: 14,
      reasons: ['never-used'],
      max: 10,
    });
    expect(
      parse({
        remediate: 'Deactivate',
        'remediation-role-name': '/security/IamKeyRemediation',
        'remediate-after-days': '30',
        'remediate-reasons': 'never-used, unused, never-used',
        'max-remediations': '3',
        'create-issues': 'true',
        'github-token': 'ghs_x',
      }).remediation,
    ).toEqual({
      mode: 'deactivate',
      roleName: 'security/IamKeyRemediation',
      afterDays: 30,
      reasons: ['never-used', 'unused'],
      max: 3,
    });
    expect(parse({ remediate: 'plan', 'remediation-role-name': 'R' }).remediation.mode).toBe('plan');
  });

  it.each<[string, RawInputs, InputName, string]>([
    ['an unknown mode', { remediate: 'delete' }, 'remediate', 'one of off, plan, deactivate'],
    [
      'plan without a role',
      { remediate: 'plan' },
      'remediation-role-name',
      'required with "remediate: plan"',
    ],
    [
      'deactivate without a role',
      { remediate: 'deactivate' },
      'remediation-role-name',
      'required with "remediate: deactivate"',
    ],
    [
      'a role ARN instead of a name',
      { remediate: 'plan', 'remediation-role-name': 'arn:aws:iam::111122223333:role/R' },
      'remediation-role-name',
      'an IAM role name with an optional path',
    ],
    [
      'remediation offline',
      { remediate: 'plan', 'remediation-role-name': 'R', 'credential-report': 'reports/a.csv' },
      'remediate',
      'remediate: off for an offline audit',
    ],
    ['no notice period', { 'remediate-after-days': '0' }, 'remediate-after-days', 'from 1 to 3650'],
    ['a fractional notice period', { 'remediate-after-days': '1.5' }, 'remediate-after-days', 'whole number'],
    ['an unknown reason', { 'remediate-reasons': 'never-used, stale' }, 'remediate-reasons', '"stale"'],
    ['a cap of zero', { 'max-remediations': '0' }, 'max-remediations', 'from 1 to 10000'],
  ])('rejects %s', (_what, raw, input, expected) => {
    const e = errorOf(raw);
    expect(e.input).toBe(input);
    expect(e.message).toContain(`Input "${input}"`);
    expect(e.message).toContain(expected);
  });

  it('allows credential-report with remediate: off', () => {
    expect(parse({ remediate: 'off', 'credential-report': 'reports/a.csv' }).remediation.mode).toBe('off');
  });

  describe('as-of within 5 minutes of now (an as-of away from now would make keys look due and unused)', () => {
    const NOW = Date.parse('2026-03-01T12:00:00Z');
    const at = (raw: RawInputs) => parseConfig(raw, { ...deps, now: () => NOW });
    const atError = (raw: RawInputs): InputError => {
      try {
        at(raw);
      } catch (e) {
        if (e instanceof InputError) return e;
        throw e;
      }
      throw new Error(`no error for ${JSON.stringify(raw)}`);
    };
    const plan = { remediate: 'plan', 'remediation-role-name': 'R' };
    const deactivate = {
      remediate: 'deactivate',
      'remediation-role-name': 'R',
      'create-issues': 'true',
      'github-token': 'ghs_x',
    };

    it.each([
      ['now', '2026-03-01T12:00:00Z'],
      ['5 minutes ahead', '2026-03-01T12:05:00Z'],
      ['5 minutes behind, with an offset', '2026-03-01T13:55:00+02:00'],
    ])('accepts an as-of %s with plan and deactivate', (_what, asOf) => {
      expect(at({ ...plan, 'as-of': asOf }).asOf?.getTime()).toBe(Date.parse(asOf));
      expect(at({ ...deactivate, 'as-of': asOf }).remediation.mode).toBe('deactivate');
    });

    it.each([
      ['a second over 5 minutes ahead', '2026-03-01T12:05:01Z', 'in the future', plan],
      ['a day ahead', '2026-03-02T12:00:00Z', 'in the future', deactivate],
      ['a second over 5 minutes behind', '2026-03-01T11:54:59Z', 'in the past', plan],
      ['a year behind (a date)', '2025-03-01', 'in the past', deactivate],
    ])('rejects an as-of %s, naming as-of and now', (_what, asOf, where, inputs) => {
      const e = atError({ ...inputs, 'as-of': asOf });
      expect(e.input).toBe('as-of');
      expect(e.message).toMatch(new RegExp(`^Input "as-of" is "${asOf.replace(/[+]/g, '\\+')}", ${where}: `));
      expect(e.message).toContain('expected a time within 5 minutes of now (2026-03-01T12:00:00.000Z)');
      expect(e.message).toContain(`with "remediate: ${inputs.remediate}"`);
    });

    it('leaves as-of free with remediate: off (an audit of the past changes nothing)', () => {
      expect(at({ 'as-of': '2025-03-01' }).asOf?.toISOString()).toBe('2025-03-01T00:00:00.000Z');
      expect(at({ remediate: 'off', 'as-of': '2027-01-01' }).asOf?.toISOString()).toBe(
        '2027-01-01T00:00:00.000Z',
      );
    });

    it('reads the clock at parse time by default (an as-of of now passes, one of last week does not)', () => {
      const now = new Date().toISOString();
      expect(parse({ ...plan, 'as-of': now }).asOf?.toISOString()).toBe(now);
      const lastWeek = new Date(Date.now() - 7 * 86_400_000).toISOString();
      expect(errorOf({ ...plan, 'as-of': lastWeek }).input).toBe('as-of');
    });
  });

  describe('remediate: deactivate needs create-issues (the issues tell the owners and record each change)', () => {
    it('rejects deactivate without create-issues, naming create-issues', () => {
      for (const issues of [{}, { 'create-issues': 'false' }]) {
        const e = errorOf({ remediate: 'deactivate', 'remediation-role-name': 'R', ...issues });
        expect(e.input).toBe('create-issues');
        expect(e.message).toMatch(
          /^Input "create-issues" is false with "remediate: deactivate": expected create-issues: true, because /,
        );
      }
    });

    it('accepts deactivate with create-issues, and plan without it', () => {
      expect(
        parse({
          remediate: 'deactivate',
          'remediation-role-name': 'R',
          'create-issues': 'true',
          'github-token': 'ghs_x',
        }).remediation.mode,
      ).toBe('deactivate');
      expect(parse({ remediate: 'plan', 'remediation-role-name': 'R' })).toMatchObject({
        createIssues: false,
        remediation: { mode: 'plan' },
      });
    });
  });
});

describe('helpers', () => {
  it('splitList', () => {
    expect(splitList(' a, b ,,\n c\r\n\n')).toEqual(['a', 'b', 'c']);
    expect(splitList('  ')).toEqual([]);
  });

  it('parseDuration', () => {
    expect(parseDuration('45s')).toBe(45);
    expect(() => parseDuration('600')).toThrow('say 600s');
    expect(() => parseDuration('1w')).toThrow('(s, m, h or d)');
  });

  it('parseIsoDateTime', () => {
    expect(parseIsoDateTime('2026-12-31T23:59:59Z')?.toISOString()).toBe('2026-12-31T23:59:59.000Z');
    expect(parseIsoDateTime('2026-13-01')).toBeNull();
    expect(parseIsoDateTime('2026-01-31T12:00:00+24:00')).toBeNull();
  });
});

describe('expandGlob (filesystem)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'expand-glob-'));
  mkdirSync(join(dir, 'reports'));
  for (const f of ['reports/b.csv', 'reports/a.csv', 'reports/[prod].csv', 'reports/notes.txt', 'top.csv']) {
    writeFileSync(join(dir, f), 'user\n');
  }
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('expands a glob to sorted files', () => {
    expect(expandGlob(join(dir, 'reports/*.csv'))).toEqual(
      ['[prod].csv', 'a.csv', 'b.csv'].map((f) => join(dir, 'reports', f)),
    );
    expect(expandGlob(join(dir, '**/*.csv'))).toHaveLength(4);
  });

  it('keeps relative patterns relative', () => {
    const rel = relative(process.cwd(), join(dir, 'reports'));
    expect(expandGlob(`${rel}/a*.csv`)).toEqual([`${rel}/a.csv`]);
  });

  it('returns an existing path as is, even with glob characters in it', () => {
    const odd = join(dir, 'reports/[prod].csv');
    expect(expandGlob(odd)).toEqual([odd]);
  });

  it('takes a directory for its CSV files', () => {
    expect(expandGlob(join(dir, 'reports'))).toEqual(
      ['[prod].csv', 'a.csv', 'b.csv'].map((f) => join(dir, 'reports', f)),
    );
  });

  it('finds nothing for a missing path; parseConfig then names the input', () => {
    expect(expandGlob(join(dir, 'missing/*.csv'))).toEqual([]);
    expect(() => parseConfig({ 'credential-report': join(dir, 'nope.csv') }, { expandGlob })).toThrow(
      /^Input "credential-report" is ".*nope\.csv": no file matches it; expected/,
    );
  });
});

describe('issue 9: inputs that used to do something surprising', () => {
  it('a credential-report of blank lines only is an input error, not a live audit', () => {
    expect(() => parse({ 'credential-report': '\n  \n' })).toThrow(
      /^Input "credential-report" is "\\n {2}\\n", only blank: expected the path or glob/,
    );
  });

  it('shard with offline reports is an input error', () => {
    expect(() => parse({ 'credential-report': 'reports/a.csv', shard: '1/2' })).toThrow(
      /^Input "shard" is "1\/2" together with "credential-report"/,
    );
  });

  it('account-role-name without accounts or organization is an input error', () => {
    expect(() => parse({ 'account-role-name': 'IamAudit' })).toThrow(
      /^Input "account-role-name" is "IamAudit" without "accounts" or "organization: true"/,
    );
  });
});

describe('parseConfig: iac', () => {
  it('reads paths and globs, one per line or comma separated, de-duplicated', () => {
    expect(parse({ iac: 'infra/**/*.tf\ntemplates, infra/**/*.tf' }).iac).toEqual([
      'infra/**/*.tf',
      'templates',
    ]);
    expect(parse({}).iac).toEqual([]);
  });

  it('takes the inputs at their "not used" values (the action passes every default)', () => {
    const config = parse({
      iac: '.',
      organization: 'false',
      'create-issues': 'false',
      remediate: 'off',
      'security-hub': 'false',
    });
    expect(config.iac).toEqual(['.']);
  });

  it.each([
    ['credential-report', 'reports/*.csv'],
    ['role-to-assume', ARN],
    ['accounts', '111122223333'],
    ['organization', 'true'],
    ['create-issues', 'true'],
    ['remediate', 'deactivate'],
    ['security-hub', 'true'],
    ['ocsf-file', 'findings.ocsf.json'],
  ] as const)('rejects iac with %s, naming both, before reading the other inputs', (name, value) => {
    // an invalid aws-region is not reached: the conflict is the first error
    const e = errorOf({ iac: '.', [name]: value, 'aws-region': 'not a region' });
    expect(e.input).toBe('iac');
    expect(e.message).toContain(`Input "iac" is set together with "${name}"`);
  });

  it('rejects an iac of only separators', () => {
    expect(errorOf({ iac: ' ,\n, ' }).message).toContain('Input "iac" is');
  });
});
