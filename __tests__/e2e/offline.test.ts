/**
 * End to end, offline: the committed bundle dist/index.js run in a child process exactly as the Actions
 * runner runs it, on the real credential report fixtures.
 */
import { describe, expect, it, beforeAll } from '@jest/globals';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CLI_ENTRY, ROOT, assertDistFresh, runAction } from '../helpers/run-dist.js';

const FIXTURES = join(ROOT, '__tests__', 'fixtures');
const AS_OF = '2026-11-01T00:00:00Z';

function expectedCount(name: string): number {
  return readFileSync(join(FIXTURES, 'expected', name), 'utf8')
    .trim()
    .split('\n').length;
}

beforeAll(assertDistFresh);

describe('dist/index.js on a downloaded credential report', () => {
  it('reports every failing key in the outputs, SARIF, JSON and summary, and fails the step', async () => {
    const run = await runAction({
      inputs: { 'credential-report': join(FIXTURES, 'generated-40-crlf-bom.csv'), 'as-of': AS_OF },
    });
    try {
      const expected = expectedCount('generated-40-crlf-bom.at-setup.jsonl');
      expect(run.code).toBe(1);
      expect(run.stdout).toContain('::error::');
      expect(run.outputs.findings).toBe(String(expected));
      expect(run.outputs['accounts-audited']).toBe('1');
      expect(run.outputs['accounts-failed']).toBe('0');
      expect(run.outputs.exempted).toBe('0');
      expect(run.outputs['issues-opened']).toBe('0');
      expect(run.outputs['sarif-file']).toBe('iam-initial-access-keys.sarif');
      expect(run.outputs['json-file']).toBe('iam-initial-access-keys.json');

      const sarif = JSON.parse(readFileSync(join(run.dir, run.outputs['sarif-file']!), 'utf8'));
      expect(sarif.version).toBe('2.1.0');
      expect(sarif.runs[0].results).toHaveLength(expected);
      for (const r of sarif.runs[0].results) {
        expect(r.locations[0].physicalLocation.artifactLocation.uri).toMatch(
          /^aws\/444455556666\/iam\/user\/.+\/key-created-\d{8}T\d{6}Z(-slot[12])?$/,
        );
        expect(r.partialFingerprints.primaryLocationLineHash).toMatch(/:1$/);
      }

      const json = JSON.parse(readFileSync(join(run.dir, run.outputs['json-file']!), 'utf8'));
      expect(json.schemaVersion).toBe(1);
      expect(json.asOf).toBe('2026-11-01T00:00:00.000Z');
      expect(json.accounts).toEqual([
        expect.objectContaining({
          accountId: '444455556666',
          status: 'ok',
          source: expect.stringMatching(/\.csv$/),
        }),
      ]);
      expect(json.findings).toHaveLength(expected);
      expect(json.findings[0]).toEqual(
        expect.objectContaining({ accountId: '444455556666', accessKeyId: null, exempted: false }),
      );
      // no CloudTrail offline, and the JSON says so (docs/design.md §10); SARIF results carry no such evidence
      for (const f of json.findings) {
        expect(f.keyCreation).toEqual({
          by: null,
          self: null,
          sameSessionAsUserCreation: null,
          via: null,
          eventTime: null,
          eventId: null,
          unknownReason: 'offline',
        });
        expect([f.keyDescription, f.selfCreated]).toEqual([null, false]);
      }
      for (const r of sarif.runs[0].results) expect(r.properties).not.toHaveProperty('keyCreation');
      expect(run.summary).not.toContain('Made by');

      expect(run.summary).toMatch(/^#+ .*❌/);
      expect(run.summary).toContain('444455556666');
      expect(run.summary).toMatch(/tags/i); // offline: says exemptions by tag were not checked
    } finally {
      run.cleanup();
    }
  });

  it.each([
    ['never', 0],
    ['errors', 0],
    ['findings', 1],
  ])('fail-on: %s exits %i when there are findings but no account errors', async (failOn, code) => {
    const run = await runAction({
      inputs: {
        'credential-report': join(FIXTURES, 'generated-300.csv'),
        'as-of': AS_OF,
        'fail-on': failOn,
      },
    });
    try {
      expect(run.code).toBe(code);
      expect(run.outputs.findings).toBe(String(expectedCount('generated-300.at-setup.jsonl')));
    } finally {
      run.cleanup();
    }
  });

  it('audits several files by glob; a broken file is an account error that does not hide the others', async () => {
    const run = await runAction({
      inputs: {
        'credential-report': join(FIXTURES, '{generated-300,generated-40-crlf-bom,bad-truncated}.csv'),
        'as-of': AS_OF,
        'fail-on': 'errors',
      },
    });
    try {
      expect(run.code).toBe(1);
      expect(run.outputs['accounts-audited']).toBe('2');
      expect(run.outputs['accounts-failed']).toBe('1');
      expect(Number(run.outputs.findings)).toBe(
        expectedCount('generated-300.at-setup.jsonl') + expectedCount('generated-40-crlf-bom.at-setup.jsonl'),
      );
      const json = JSON.parse(readFileSync(join(run.dir, 'iam-initial-access-keys.json'), 'utf8'));
      const broken = json.accounts.find((a: { status: string }) => a.status === 'error');
      expect(broken.source).toMatch(/bad-truncated\.csv$/);
      expect(broken.error).toMatch(/line \d+/);
      expect(run.summary).toContain('bad-truncated.csv');
    } finally {
      run.cleanup();
    }
  });

  it('runs a small report on the main thread and a glob on the run thread, with the same outcome', async () => {
    const file = join(FIXTURES, 'generated-40-crlf-bom.csv');
    const here = await runAction({ inputs: { 'credential-report': file, 'as-of': AS_OF } });
    const glob = await runAction({
      inputs: { 'credential-report': join(FIXTURES, 'generated-40-crlf-bom.cs[v]'), 'as-of': AS_OF },
    });
    try {
      expect(here.stdout).toContain('::debug::The audit runs on the main thread.');
      expect(glob.stdout).toContain('::debug::The audit runs on the run thread.');
      expect(here.code).toBe(1);
      expect(glob.code).toBe(here.code);
      expect(glob.outputs).toEqual(here.outputs);
      expect(glob.summary).toBe(here.summary);
      const read = (r: typeof here, name: string) => readFileSync(join(r.dir, r.outputs[name]!), 'utf8');
      const sarif = (r: typeof here) => read(r, 'sarif-file').replace(/"endTimeUtc": "[^"]+"/, '');
      expect(sarif(glob)).toBe(sarif(here));
      const json = (r: typeof here) => ({ ...JSON.parse(read(r, 'json-file')), generatedAt: null });
      expect(json(glob)).toEqual(json(here));
    } finally {
      here.cleanup();
      glob.cleanup();
    }
  });

  it('writes a SARIF log with the rule and zero results for a clean account, and passes', async () => {
    const run = await runAction({ inputs: { 'credential-report': join(FIXTURES, 'header-only.csv') } });
    try {
      expect(run.code).toBe(0);
      expect(run.outputs.findings).toBe('0');
      const sarif = JSON.parse(readFileSync(join(run.dir, 'iam-initial-access-keys.sarif'), 'utf8'));
      expect(sarif.runs[0].results).toEqual([]);
      expect(sarif.runs[0].tool.driver.rules).toHaveLength(1);
      expect(run.summary).toContain('✅');
    } finally {
      run.cleanup();
    }
  });

  it('honours scope, unused-days, exempt-users and custom file names', async () => {
    const run = await runAction({
      inputs: {
        'credential-report': join(FIXTURES, 'moto-basic.csv'),
        scope: 'any',
        'unused-days': '0',
        // in another case than IAM's (issue 19 §8.1: user names are unique regardless of case)
        'exempt-users': 'ERIN+OPS',
        'sarif-file': 'out/audit.sarif',
        'json-file': 'out/audit.json',
        summary: 'false',
      },
    });
    try {
      expect(run.outputs['sarif-file']).toBe('out/audit.sarif');
      expect(existsSync(join(run.dir, 'out', 'audit.json'))).toBe(true);
      expect(run.summary).toBe('');
      const json = JSON.parse(readFileSync(join(run.dir, 'out', 'audit.json'), 'utf8'));
      expect(json.settings).toEqual(
        expect.objectContaining({ scope: 'any', unusedDays: 0, setupWindowSeconds: 600 }),
      );
      const byUser = (u: string) => json.findings.filter((f: { userName: string }) => f.userName === u);
      expect(byUser('erin+ops')).toEqual([expect.objectContaining({ exempted: true })]);
      expect(byUser('svc-ci')).toEqual([]); // no console password
      expect(run.outputs.exempted).toBe('1');
      expect(run.outputs.findings).toBe(String(json.findings.length - 1));
    } finally {
      run.cleanup();
    }
  });

  it('writes automationDetails only when the category input is set (CLI: --category)', async () => {
    const report = join(FIXTURES, 'moto-basic.csv');
    const plain = await runAction({ inputs: { 'credential-report': report, 'fail-on': 'never' } });
    const named = await runAction({
      inputs: { 'credential-report': report, 'fail-on': 'never', category: 'org-a' },
    });
    const cli = await runAction({
      entry: CLI_ENTRY,
      inputs: {},
      args: [report, '--fail-on', 'never', '--category', '/iam:offline'],
    });
    try {
      const run = (r: typeof plain) =>
        JSON.parse(readFileSync(join(r.dir, 'iam-initial-access-keys.sarif'), 'utf8')).runs[0];
      expect(plain.code).toBe(0);
      expect('automationDetails' in run(plain)).toBe(false);
      expect(run(named).automationDetails).toEqual({ id: 'org-a/' }); // K-of-N/ under shard: unit/report/sarif.test.ts (shard is live-only)
      expect(cli.code).toBe(0);
      expect(run(cli).automationDetails).toEqual({ id: '/iam:offline/' });
    } finally {
      plain.cleanup();
      named.cleanup();
      cli.cleanup();
    }
  });

  it('rejects a bad input naming it and the expected form, before doing anything', async () => {
    const run = await runAction({
      inputs: { 'credential-report': join(FIXTURES, 'moto-basic.csv'), 'setup-window': 'ten minutes' },
    });
    try {
      expect(run.code).toBe(1);
      expect(run.stdout).toMatch(/::error::.*setup-window.*ten minutes/);
      expect(run.stdout).not.toMatch(/\n\s+at /); // no stack trace for a user mistake
      expect(existsSync(join(run.dir, 'iam-initial-access-keys.sarif'))).toBe(false);
    } finally {
      run.cleanup();
    }
  });
});

describe('the terminal command (bin/, on the same bundle)', () => {
  it('prints a readable summary, writes the files and exits per --fail-on', async () => {
    const args = [join(FIXTURES, 'generated-40-crlf-bom.csv'), '--as-of', AS_OF, '--json-file', 'r.json'];
    const failing = await runAction({ entry: CLI_ENTRY, inputs: {}, args });
    const passing = await runAction({ entry: CLI_ENTRY, inputs: {}, args: [...args, '--fail-on', 'never'] });
    try {
      expect(failing.code).toBe(1);
      expect(passing.code).toBe(0);
      expect(failing.stdout).toContain('444455556666');
      expect(failing.stdout).not.toMatch(/\|\s*---/); // a terminal table, not Markdown
      expect(failing.stdout).toContain('ik,g8uw_56.mtj');
      const json = JSON.parse(readFileSync(join(failing.dir, 'r.json'), 'utf8'));
      expect(json.findings).toHaveLength(expectedCount('generated-40-crlf-bom.at-setup.jsonl'));
      expect(existsSync(join(failing.dir, 'iam-initial-access-keys.sarif'))).toBe(true);
    } finally {
      failing.cleanup();
      passing.cleanup();
    }
  });

  it('explains that --role-to-assume needs GitHub OIDC, before any AWS call', async () => {
    const run = await runAction({
      entry: CLI_ENTRY,
      inputs: {},
      args: ['--role-to-assume', 'arn:aws:iam::111122223333:role/audit'],
      env: { AWS_ENDPOINT_URL: 'http://127.0.0.1:9' }, // nothing listens there: no call may be made
    });
    run.cleanup();
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--role-to-assume signs in with GitHub OIDC');
    expect(run.stderr).not.toMatch(/ECONNREFUSED|network/i);
  });

  it('prints help and exits 2 on an unknown flag', async () => {
    const help = await runAction({ entry: CLI_ENTRY, inputs: {}, args: ['--help'] });
    const bad = await runAction({ entry: CLI_ENTRY, inputs: {}, args: ['--no-such-flag'] });
    help.cleanup();
    bad.cleanup();
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('--credential-report');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('no-such-flag');
  });
});
