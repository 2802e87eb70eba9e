import { describe, expect, it } from '@jest/globals';
import { InputError } from '../../../src/model.js';
import { CLI_NAME, HELP_GROUPS, parseCliArgs } from '../../../src/inputs/cli-args.js';
import { parseConfig } from '../../../src/inputs/config.js';
import { INPUTS } from '../../../src/inputs/definitions.js';

const noEnv = {};

function raw(argv: string[], env: NodeJS.ProcessEnv = noEnv) {
  const r = parseCliArgs(argv, env);
  if (r.help) throw new Error('unexpected help');
  return r.raw;
}

function inputErrorOf(argv: string[]): InputError {
  try {
    parseCliArgs(argv, noEnv);
  } catch (e) {
    if (e instanceof InputError) return e;
    throw e;
  }
  throw new Error('no error');
}

describe('parseCliArgs', () => {
  it('gives nothing for no arguments (all defaults)', () => {
    expect(raw([])).toEqual({});
  });

  it('reads every input as a flag of the same name', () => {
    expect(
      raw([
        '--unused-days',
        '30',
        '--setup-window=1h',
        '--scope',
        'any',
        '--sarif-file',
        'out.sarif',
        '--accounts',
        '111122223333,444455556666',
        '--account-role-name',
        'audit/IamAudit',
        '--as-of',
        '2026-01-31T00:00:00Z',
      ]),
    ).toEqual({
      'unused-days': '30',
      'setup-window': '1h',
      scope: 'any',
      'sarif-file': 'out.sarif',
      accounts: '111122223333,444455556666',
      'account-role-name': 'audit/IamAudit',
      'as-of': '2026-01-31T00:00:00Z',
    });
  });

  it('knows every input of the table', () => {
    for (const input of INPUTS) {
      expect(() => parseCliArgs([`--${input.name}=x`], noEnv)).not.toThrow();
    }
  });

  it('takes boolean inputs as bare flags, with a value, or negated', () => {
    expect(raw(['--organization'])).toEqual({ organization: 'true' });
    expect(raw(['--organization', 'false'])).toEqual({ organization: 'false' });
    expect(raw(['--summary=FALSE'])).toEqual({ summary: 'FALSE' });
    expect(raw(['--no-summary'])).toEqual({ summary: 'false' });
    expect(raw(['--security-hub', '--security-hub-region', 'eu-west-1'])).toEqual({
      'security-hub': 'true',
      'security-hub-region': 'eu-west-1',
    });
    expect(raw(['--create-issues', 'report.csv'])).toEqual({
      'create-issues': 'true',
      'credential-report': 'report.csv',
    });
  });

  it('treats positional arguments as credential reports, joined with --credential-report', () => {
    expect(raw(['a.csv', '--credential-report', 'b/*.csv', 'c.csv'])).toEqual({
      'credential-report': 'b/*.csv\na.csv\nc.csv',
    });
    expect(raw(['--', '--odd-name.csv'])).toEqual({ 'credential-report': '--odd-name.csv' });
  });

  it('adds repeated list flags up; other repeated flags: the last wins', () => {
    expect(
      raw(['--exempt-users', 'a*', '--exempt-users', 'b*', '--scope', 'any', '--scope', 'at-setup']),
    ).toEqual({ 'exempt-users': 'a*\nb*', scope: 'at-setup' });
  });

  it('passes a negative number on as a value, for parseConfig to reject', () => {
    expect(raw(['--unused-days', '-1'])).toEqual({ 'unused-days': '-1' });
    expect(() => parseConfig(raw(['--unused-days', '-1']), { expandGlob: () => [] })).toThrow(
      'Input "unused-days" is "-1"',
    );
  });

  it('reads the token from GITHUB_TOKEN unless --github-token is given', () => {
    expect(raw([], { GITHUB_TOKEN: 'ghp_env' })).toEqual({ 'github-token': 'ghp_env' });
    expect(raw(['--github-token', 'ghp_flag'], { GITHUB_TOKEN: 'ghp_env' })).toEqual({
      'github-token': 'ghp_flag',
    });
    expect(raw([], { GITHUB_TOKEN: '' })).toEqual({});
  });

  it.each([['--unused-dayz', '30'], ['--bogus'], ['--bogus=1'], ['-x'], ['--no-scope']])(
    'rejects the unknown flag %s, naming it',
    (...argv) => {
      const e = inputErrorOf(argv);
      expect(e.input).toBe(argv[0]!.replace(/^-+/, '').split('=')[0]);
      expect(e.message).toContain(`Unknown option "${argv[0]!.split('=')[0]}"`);
      expect(e.message).toContain('--help');
    },
  );

  it('rejects a flag without its value', () => {
    expect(inputErrorOf(['--unused-days']).message).toBe(
      'Option "--unused-days" needs a value: expected --unused-days DAYS (see --help).',
    );
    expect(inputErrorOf(['--scope', '--unused-days', '3']).input).toBe('scope');
  });

  it('prints help generated from the inputs', () => {
    for (const argv of [['--help'], ['-h'], ['--unused-days', '3', '-h']]) {
      const r = parseCliArgs(argv, noEnv);
      expect(r.help).toBe(true);
      if (!r.help) return;
      expect(r.text).toContain('Usage: iam-initial-access-key-audit [options] [REPORT.csv ...]');
      for (const input of INPUTS) expect(r.text).toContain(`--${input.name}`);
      expect(r.text).toContain('--organization[=true|false]');
      expect(r.text).toContain('--unused-days DAYS');
      expect(r.text).toContain('Default: 90.');
      expect(r.text).toContain('GITHUB_TOKEN');
      expect(r.text).not.toContain('${{');
      expect(r.text).toMatch(/^ {2}0 {2}clean/m);
      expect(r.text).toMatch(/^ {2}1 {2}findings or account errors, as selected by --fail-on/m);
      expect(r.text).toMatch(/^ {2}2 {2}bad usage/m);
      for (const line of r.text.split('\n')) expect(line.length).toBeLessThanOrEqual(110);
    }
  });

  describe('--help, for a terminal user', () => {
    const r = parseCliArgs(['--help'], noEnv);
    const text = r.help ? r.text : '';
    /** The options in the order the help lists them. */
    const listed = [...text.matchAll(/^ {2}--([a-z-]+)/gm)].map((m) => m[1]!);

    it('lists every input exactly once, in one group each', () => {
      expect([...listed].sort()).toEqual(INPUTS.map((i) => i.name).sort());
      expect(HELP_GROUPS.flatMap((g) => g.inputs)).toEqual(listed);
    });

    it('starts with what a terminal has: reports, code, accounts and organization, then files, then the rule', () => {
      expect(listed.slice(0, 5)).toEqual([
        'credential-report',
        'iac',
        'accounts',
        'organization',
        'account-role-name',
      ]);
      const at = (name: string) => listed.indexOf(name);
      expect(at('aws-region')).toBeLessThan(at('sarif-file'));
      expect(at('json-file')).toBeLessThan(at('scope'));
      expect(Math.max(at('sarif-file'), at('json-file'), at('fail-on'))).toBeLessThan(at('scope'));
      expect(Math.max(at('scope'), at('setup-window'), at('unused-days'), at('exempt-users'))).toBeLessThan(
        at('remediate'),
      );
    });

    it('puts the GitHub Actions-only options last, under a heading that says so', () => {
      expect(listed.slice(-3)).toEqual(['role-to-assume', 'audience', 'role-duration-seconds']);
      const heading = text.split('\n').find((l) => l.startsWith('Inside GitHub Actions only'));
      expect(heading).toMatch(/OIDC.*a terminal uses your AWS credentials/);
      expect(text.indexOf(heading!)).toBeGreaterThan(text.indexOf('--security-hub-region'));
      expect(text).toContain('refused anywhere else');
    });

    it('ends with three examples: offline on a downloaded report, the current profile, an organization', () => {
      const examples = text.slice(text.indexOf('\nExamples:\n'));
      expect(text.indexOf('\nExamples:\n')).toBeGreaterThan(text.indexOf('Exit status:'));
      const commands = examples
        .split('\n')
        .filter((l) => l.startsWith(`  ${CLI_NAME}`) || l.includes(` ${CLI_NAME} `));
      expect(commands).toEqual([
        `  ${CLI_NAME} --as-of 2026-11-01T00:00:00Z credential-report.csv`,
        `  AWS_PROFILE=security-audit ${CLI_NAME} --json-file audit.json`,
        `  ${CLI_NAME} --organization --account-role-name iam-initial-access-key-audit-member`,
      ]);
      expect(examples).toContain('aws iam get-credential-report --query Content --output text | base64 -d');
      // each example parses: the same flags a user would type
      for (const line of commands) {
        const argv = line
          .trim()
          .split(' ')
          .slice(line.includes('AWS_PROFILE=') ? 2 : 1);
        expect(parseCliArgs(argv, noEnv).help).toBe(false);
      }
      expect(text.endsWith('\n')).toBe(true);
    });
  });
});
