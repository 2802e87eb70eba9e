import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { buildOutputs, countResult, exitCodeFor } from '../../../src/report/outputs.js';
import {
  makeAccount,
  makeFailedAccount,
  makeFinding,
  makeIssues,
  makeResult,
} from '../../helpers/results.js';

const OUTPUT_NAMES = [
  'findings',
  'violating-users',
  'exempted',
  'accounts-audited',
  'accounts-failed',
  'sarif-file',
  'json-file',
  'ocsf-file',
  'issues-opened',
  'issues-updated',
  'issues-closed',
  'issues-skipped',
  'new-findings',
  'resolved-findings',
  'keys-due',
  'keys-deactivated',
  'security-hub-imported',
  'security-hub-archived',
].sort();

const files = { sarifFile: 'out/a.sarif', jsonFile: 'out/a.json' };

const withFindings = makeResult({
  accounts: [makeAccount(), makeAccount({ accountId: '222222222222' }), makeFailedAccount()],
  findings: [
    makeFinding({ keySlot: 1 }),
    makeFinding({ keySlot: 2, accessKeyId: 'AKIAI44QH8DHBEXAMPLE' }),
    makeFinding({ userName: 'bob' }),
    // same user name in another account: another user
    makeFinding({ accountId: '222222222222', userName: 'bob' }),
    makeFinding({ userName: 'carol', exempted: true, justification: 'ok' }),
  ],
});

describe('buildOutputs', () => {
  it('has exactly the outputs of action.yml', () => {
    expect(Object.keys(buildOutputs(makeResult(), { ...files, issues: null })).sort()).toEqual(OUTPUT_NAMES);
  });

  it('sets the history and remediation outputs: empty when the history is unknown, 0 when nothing is due', () => {
    const none = buildOutputs(makeResult(), { ...files, issues: null });
    expect([
      none['new-findings'],
      none['resolved-findings'],
      none['keys-due'],
      none['keys-deactivated'],
    ]).toEqual(['', '', '0', '0']);
    const some = buildOutputs(makeResult(), {
      ...files,
      issues: null,
      history: { newFindings: 2, resolvedFindings: 0, keysDue: 5, keysDeactivated: 3 },
    });
    expect([
      some['new-findings'],
      some['resolved-findings'],
      some['keys-due'],
      some['keys-deactivated'],
    ]).toEqual(['2', '0', '5', '3']);
  });

  it('reports the Security Hub counts, 0 when the import did not run', () => {
    const off = buildOutputs(withFindings, { ...files, issues: null });
    expect([off['security-hub-imported'], off['security-hub-archived']]).toEqual(['0', '0']);
    const on = buildOutputs(withFindings, {
      ...files,
      issues: null,
      securityHub: { imported: 4, archived: 2 },
    });
    expect([on['security-hub-imported'], on['security-hub-archived']]).toEqual(['4', '2']);
  });

  it('counts failing keys, distinct violating users, exemptions and accounts', () => {
    const out = buildOutputs(withFindings, { ...files, issues: null });
    expect(out).toMatchObject({
      findings: '4',
      'violating-users': '3',
      exempted: '1',
      'accounts-audited': '2',
      'accounts-failed': '1',
      'sarif-file': 'out/a.sarif',
      'json-file': 'out/a.json',
    });
    expect(Object.values(out).every((v) => typeof v === 'string')).toBe(true);
  });

  it('issue counts are 0 when issues are off; a reopened issue counts as opened, not updated', () => {
    const off = buildOutputs(withFindings, { ...files, issues: null });
    expect([
      off['issues-opened'],
      off['issues-updated'],
      off['issues-closed'],
      off['issues-skipped'],
    ]).toEqual(['0', '0', '0', '0']);
    const on = buildOutputs(withFindings, {
      ...files,
      issues: makeIssues({ opened: 3, updated: 2, reopened: 1, closed: 4, skipped: 5 }),
    });
    expect(on).toMatchObject({
      'issues-opened': '4',
      'issues-updated': '2',
      'issues-closed': '4',
      'issues-skipped': '5',
    });
  });

  it('a run that only reopens an issue reports it in issues-opened, as action.yml says', () => {
    const out = buildOutputs(withFindings, { ...files, issues: makeIssues({ reopened: 1 }) });
    expect([out['issues-opened'], out['issues-updated']]).toEqual(['1', '0']);
    const yml = readFileSync('action.yml', 'utf8');
    expect(yml).toMatch(/issues-opened:\n\s+description: Number of issues opened or reopened/);
  });

  it('countResult agrees', () => {
    expect(countResult(withFindings)).toEqual({
      findings: 4,
      violatingUsers: 3,
      exempted: 1,
      accountsAudited: 2,
      accountsFailed: 1,
    });
  });
});

describe('exitCodeFor', () => {
  const clean = makeResult();
  const exemptOnly = makeResult({ findings: [makeFinding({ exempted: true, justification: 'x' })] });
  const found = makeResult({ findings: [makeFinding()] });
  const errored = makeResult({ accounts: [makeAccount(), makeFailedAccount()] });
  const both = makeResult({ accounts: [makeAccount(), makeFailedAccount()], findings: [makeFinding()] });

  it.each([
    ['findings', clean, 0],
    ['findings', exemptOnly, 0],
    ['findings', found, 1],
    ['findings', errored, 1],
    ['findings', both, 1],
    ['errors', clean, 0],
    ['errors', found, 0],
    ['errors', errored, 1],
    ['errors', both, 1],
    ['never', both, 0],
    ['never', errored, 0],
  ] as const)('fail-on %s -> %#', (failOn, result, code) => {
    const d = exitCodeFor(result, failOn);
    expect(d.code).toBe(code);
    expect(d.reason).not.toBe('');
  });

  it('fails when no account was audited at all, unless an empty shard of a matrix', () => {
    const none = makeResult({ accounts: [], findings: [] });
    expect(exitCodeFor(none, 'findings')).toEqual({
      code: 1,
      reason: expect.stringContaining('no account was audited'),
    });
    expect(exitCodeFor(none, 'errors').code).toBe(1);
    expect(exitCodeFor(none, 'never').code).toBe(0);
    expect(exitCodeFor({ ...none, shard: { index: 3, total: 4 } }, 'findings').code).toBe(0);
  });

  it('says why', () => {
    expect(exitCodeFor(found, 'findings').reason).toBe('1 unused access key of 1 user');
    expect(exitCodeFor(both, 'findings').reason).toContain('1 account of 2 could not be audited');
    expect(exitCodeFor(found, 'errors').reason).toContain('fail-on is errors');
    expect(exitCodeFor(both, 'never').reason).toMatch(/^fail-on is never: /);
    expect(exitCodeFor(exemptOnly, 'findings').reason).toBe('no unused access keys in 1 account, 1 exempted');
  });
});
