import { describe, expect, it, beforeAll, afterAll } from '@jest/globals';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Result } from 'sarif';
import {
  SARIF_MAX_RESULTS,
  automationId,
  locationFingerprint,
  sarifText,
  toArtifactUri,
} from '../../../src/report/sarif.js';
import { TOOL_NAME } from '../../../src/evaluate/rule.js';
import type { AuditResult } from '../../../src/model.js';
import {
  HOSTILE,
  makeAccount,
  makeCarried,
  makeFailedAccount,
  makeFinding,
  makeResult,
  makeStaleFinding,
} from '../../helpers/results.js';
import { loadSchemaValidator, multitoolBin, multitoolValidateFiles } from '../../helpers/sarif-validate.js';
import { buildSarif } from '../../helpers/reports.js';

/** The rule's id and severity as they were before rules were registered parts: they must not change. */
const RULE_ID = 'iam-initial-access-key';
const SECURITY_SEVERITY = '7.5';

const FIXTURES: Record<string, AuditResult> = {
  findings: makeResult({
    findings: [
      makeFinding(),
      makeStaleFinding(200, { userName: 'bob', keySlot: 2, accessKeyId: 'AKIAI44QH8DHBEXAMPLE' }),
      makeFinding({ userName: 'carol', exempted: true, justification: 'CI deploy key, SEC-42' }),
      makeFinding({
        userName: 'dave',
        exemptionExpired: true,
        justification: 'temporary expires=2025-01-01',
        accessKeyId: null,
      }),
    ],
  }),
  zero: makeResult(),
  noAccounts: makeResult({ accounts: [] }),
  carried: makeResult({
    accounts: [makeAccount(), makeFailedAccount()],
    findings: [makeFinding()],
    carriedForward: [
      makeCarried(),
      makeCarried({ location: 'aws/210987654321/iam/user/eve/key-created-20240110T090012Z', message: '' }),
    ],
  }),
  accountError: makeResult({ accounts: [makeAccount(), makeFailedAccount()], findings: [makeFinding()] }),
  allFailed: makeResult({
    accounts: [
      makeFailedAccount(),
      makeFailedAccount({ accountId: '333333333333', error: 'Throttling [x](https://evil)', hint: null }),
    ],
  }),
  hostile: makeResult({
    mode: 'offline',
    shard: { index: 2, total: 4 },
    accounts: [makeAccount({ alias: '<b>alias</b> @team', source: 'reports/a b.csv' })],
    findings: HOSTILE.map((name, i) =>
      makeFinding({
        userName: name,
        userArn: `arn:aws:iam::123456789012:user/${name}`,
        keyCreatedAt: `2024-01-10T09:00:${String(10 + i).padStart(2, '0')}.000Z`,
        accessKeyId: null,
      }),
    ),
  }),
};

describe('buildSarif', () => {
  const validate = loadSchemaValidator();
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'sarif-test-'));
  });
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('the schema validator rejects what the schema forbids', () => {
    const log = buildSarif(FIXTURES.findings as AuditResult, { toolVersion: '1' }) as unknown as {
      runs: { results: { level: string }[] }[];
    };
    log.runs[0]!.results[0]!.level = 'fatal';
    expect(validate(JSON.parse(JSON.stringify(log)))).toBe(false);
  });

  it.each(Object.keys(FIXTURES))('%s: passes the SARIF 2.1.0 schema', (name) => {
    const log = buildSarif(FIXTURES[name] as AuditResult, { toolVersion: '1.2.3' });
    const ok = validate(JSON.parse(JSON.stringify(log)));
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  it('the Multitool with the GitHub and SARIF rules reports no errors on any fixture', () => {
    // Fail loudly, never skip: the GitHub rules are the point of this test.
    multitoolBin();
    const files = Object.entries(FIXTURES).map(([name, result]) => {
      const file = join(dir, `${name}.sarif`);
      writeFileSync(file, JSON.stringify(buildSarif(result, { toolVersion: '1.2.3' }), null, 2));
      return file;
    });
    // and with a category (automationDetails.id), sharded and not
    for (const name of ['findings', 'hostile']) {
      const file = join(dir, `${name}-category.sarif`);
      const log = buildSarif(FIXTURES[name]!, { toolVersion: '1.2.3', category: '/iam-audit:org-a' });
      expect(log.runs[0]!.automationDetails?.id).toMatch(/^\/iam-audit:org-a\//);
      writeFileSync(file, JSON.stringify(log, null, 2));
      files.push(file);
    }
    // Control, in the same invocation: it does catch what GitHub would reject (a result without a location).
    const broken = buildSarif(FIXTURES.findings as AuditResult, { toolVersion: '1.2.3' });
    delete broken.runs[0]!.results![0]!.locations;
    const brokenFile = join(dir, 'broken.sarif');
    writeFileSync(brokenFile, JSON.stringify(broken));

    const { byFile, status, executionSuccessful } = multitoolValidateFiles([...files, brokenFile], dir);
    expect(executionSuccessful).toBe(true);
    expect(status).toBe(0);
    const failures = files.flatMap((f) => (byFile.get(f) ?? ['not validated']).map((e) => `${f}: ${e}`));
    expect(failures).toEqual([]);
    expect(byFile.get(brokenFile)!.length).toBeGreaterThan(0);
  }, 300_000);

  it('always has one run with the rule, even with zero results', () => {
    const log = buildSarif(FIXTURES.zero as AuditResult, { toolVersion: '1.2.3' });
    expect(log.version).toBe('2.1.0');
    expect(log.runs).toHaveLength(1);
    const run = log.runs[0]!;
    expect(run.results).toEqual([]);
    const driver = run.tool.driver;
    expect(driver.name).toBe(TOOL_NAME);
    expect(driver.version).toBe('1.2.3');
    expect(driver.informationUri).toMatch(/^https:\/\//);
    expect(driver.rules).toHaveLength(1);
    const rule = driver.rules![0]!;
    expect(rule.id).toBe(RULE_ID);
    expect(rule.help?.text).toContain('aws iam delete-access-key');
    expect(rule.help?.markdown).toContain('expires=YYYY-MM-DD');
    expect(rule.properties?.['security-severity']).toBe(SECURITY_SEVERITY);
    expect(typeof rule.properties?.['security-severity']).toBe('string');
    expect(rule.properties?.tags).toEqual(['security', 'CIS', 'aws', 'iam']);
    expect(rule.properties?.precision).toBe('high');
    // no category: no automationDetails, so upload-sarif derives the category (workflow, job, matrix)
    expect(run.automationDetails).toBeUndefined();
    expect(run.invocations?.[0]?.executionSuccessful).toBe(true);
    expect(run.invocations?.[0]?.toolExecutionNotifications).toBeUndefined();
  });

  it('writes one error result per non-exempted finding, with a relative location and a path fingerprint', () => {
    const result = FIXTURES.findings as AuditResult;
    const run = buildSarif(result, { toolVersion: '1.2.3' }).runs[0]!;
    const kept = result.findings.filter((f) => !f.exempted);
    expect(run.results).toHaveLength(kept.length);
    run.results!.forEach((r: Result, i) => {
      const f = kept[i]!;
      expect(r.ruleId).toBe(RULE_ID);
      expect(r.level).toBe('error');
      const loc = r.locations?.[0]?.physicalLocation;
      expect(loc?.artifactLocation?.uri).toBe(f.location);
      expect(loc?.artifactLocation?.uri).not.toMatch(/^[a-z][a-z0-9+.-]*:/i);
      expect(loc?.region?.startLine).toBe(1);
      expect(r.partialFingerprints?.primaryLocationLineHash).toBe(locationFingerprint(f.location));
      expect(r.properties?.userArn).toBe(f.userArn);
      expect(r.properties?.carriedForward).toBe(false);
      expect(r.message.text).toContain(f.userName);
      expect(r.message.text).toContain(f.accountId);
    });
    expect(run.results![0]!.message.text).toContain('never used');
    expect(run.results![0]!.message.text).toContain('at user setup');
    expect(run.results![1]!.message.text).toContain('last used 2024-11-13');
    expect(run.results![2]!.message.text).toContain('exemption has expired');
    expect(JSON.stringify(run.results)).not.toContain('carol');
    expect(run.properties).toMatchObject({
      findings: 3,
      exempted: 1,
      exemptionsExpired: 1,
      carriedForward: 0,
    });
  });

  it('carries who made the key in the result properties of a live run, not of an offline one (docs/design.md §10)', () => {
    const keyCreation = {
      by: 'assumed-role/terraform-deploy/GitHubActions',
      self: false,
      sameSessionAsUserCreation: true,
      via: 'terraform' as const,
      eventTime: '2024-01-10T09:00:12Z',
      eventId: '5e2b1d63-2222-4b7f-8e1f-000000000002',
      unknownReason: null,
    };
    const live = buildSarif(
      makeResult({
        findings: [makeFinding({ keyCreation, keyDescription: 'CI deploy', selfCreated: false })],
      }),
      { toolVersion: '1.2.3' },
    ).runs[0]!;
    expect(live.results![0]!.properties).toMatchObject({
      keyCreation,
      keyDescription: 'CI deploy',
      selfCreated: false,
    });
    const offline = buildSarif(makeResult({ mode: 'offline', findings: [makeFinding()] }), {
      toolVersion: '1.2.3',
    }).runs[0]!;
    for (const k of ['keyCreation', 'keyDescription', 'selfCreated'])
      expect(offline.results![0]!.properties).not.toHaveProperty(k);
  });

  it('fingerprints look like GitHub’s and are stable per path', () => {
    const fp = locationFingerprint('aws/1/iam/user/a/key-created-20240101T000000Z');
    expect(fp).toMatch(/^[0-9a-f]{16}:1$/);
    expect(locationFingerprint('aws/1/iam/user/a/key-created-20240101T000000Z')).toBe(fp);
    expect(locationFingerprint('aws/1/iam/user/b/key-created-20240101T000000Z')).not.toBe(fp);
  });

  it('carries forward alerts of failed accounts with the same path and fingerprint', () => {
    const result = FIXTURES.carried as AuditResult;
    const run = buildSarif(result, { toolVersion: '1.2.3' }).runs[0]!;
    expect(run.results).toHaveLength(3);
    const carried = run.results!.filter((r) => r.properties?.carriedForward === true);
    expect(carried).toHaveLength(2);
    carried.forEach((r, i) => {
      const a = result.carriedForward[i]!;
      expect(r.locations?.[0]?.physicalLocation?.artifactLocation?.uri).toBe(a.location);
      expect(r.partialFingerprints?.primaryLocationLineHash).toBe(locationFingerprint(a.location));
      expect(r.message.text).not.toBe('');
    });
    // The same key found by a later good run gets the same fingerprint.
    const again = buildSarif(
      makeResult({
        findings: [
          makeFinding({
            accountId: '210987654321',
            userName: 'bob',
            location: result.carriedForward[0]!.location,
          }),
        ],
      }),
      { toolVersion: '1' },
    ).runs[0]!.results![0]!;
    expect(again.partialFingerprints).toEqual(carried[0]!.partialFingerprints);
    expect(run.properties?.carriedForward).toBe(2);
  });

  it('reports account errors as notifications; fails the execution only when every account failed', () => {
    const some = buildSarif(FIXTURES.accountError as AuditResult, { toolVersion: '1' }).runs[0]!;
    const inv = some.invocations![0]!;
    expect(inv.executionSuccessful).toBe(true);
    expect(inv.toolExecutionNotifications).toHaveLength(1);
    expect(inv.toolExecutionNotifications![0]!.level).toBe('error');
    expect(inv.toolExecutionNotifications![0]!.message.text).toContain('210987654321');
    expect(inv.toolExecutionNotifications![0]!.message.text).toContain('AccessDenied');

    const all = buildSarif(FIXTURES.allFailed as AuditResult, { toolVersion: '1' }).runs[0]!;
    expect(all.invocations![0]!.executionSuccessful).toBe(false);
    expect(all.invocations![0]!.toolExecutionNotifications).toHaveLength(2);
    expect(all.invocations![0]!.toolExecutionNotifications![1]!.message.text).toContain('\\[x\\]');
    expect(all.results).toEqual([]);
    expect(all.tool.driver.rules).toHaveLength(1);

    const none = buildSarif(FIXTURES.noAccounts as AuditResult, { toolVersion: '1' }).runs[0]!;
    expect(none.invocations![0]!.executionSuccessful).toBe(true);
  });

  it('writes automationDetails only with a category: the category with a trailing /, plus K-of-N/ under shard', () => {
    expect(automationId({ shard: null }, null)).toBeNull();
    expect(automationId({ shard: { index: 2, total: 4 } }, null)).toBeNull();
    expect(automationId({ shard: { index: 2, total: 4 } }, '')).toBeNull();
    expect(automationId({ shard: null }, 'org-a')).toBe('org-a/');
    expect(automationId({ shard: null }, 'org-a/')).toBe('org-a/');
    expect(automationId({ shard: { index: 2, total: 4 } }, '/iam:org-a')).toBe('/iam:org-a/2-of-4/');
    const sharded = buildSarif(FIXTURES.hostile as AuditResult, { toolVersion: '1' }).runs[0]!;
    expect(sharded.automationDetails).toBeUndefined();
    expect('automationDetails' in sharded).toBe(false);
    const named = buildSarif(FIXTURES.hostile as AuditResult, { toolVersion: '1', category: 'org-a' })
      .runs[0]!;
    expect(named.automationDetails).toEqual({ id: 'org-a/2-of-4/' });
  });

  it('keeps hostile names inert: valid URIs, one-line messages, no embedded links', () => {
    const run = buildSarif(FIXTURES.hostile as AuditResult, { toolVersion: '1' }).runs[0]!;
    expect(run.results).toHaveLength(HOSTILE.length);
    for (const r of run.results!) {
      const uri = r.locations![0]!.physicalLocation!.artifactLocation!.uri!;
      expect(uri).toMatch(/^aws\/123456789012\/iam\/user\/[A-Za-z0-9\-._~!$&'()*+,;=:@/%]+$/);
      expect(() => new URL(uri, 'https://example.invalid/')).not.toThrow();
      // eslint-disable-next-line no-control-regex
      expect(r.message.text).not.toMatch(/[\u0000-\u001f]/);
      expect(r.message.text).not.toMatch(/(^|[^\\])\[/);
    }
  });

  it('strips bidirectional overrides and isolates from messages, as the summary and issues do', () => {
    const bidi = ['\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069'];
    const result = makeResult({
      accounts: [
        makeAccount(),
        makeFailedAccount({ error: `denied \u202egnp.exe\u202c for ${bidi.join('')}` }),
      ],
      findings: [makeFinding({ userName: `admin\u202e${bidi.join('x')}txt.exe` })],
    });
    const run = buildSarif(result, { toolVersion: '1' }).runs[0]!;
    const texts = [
      ...run.results!.map((r) => r.message.text!),
      ...run.invocations![0]!.toolExecutionNotifications!.map((n) => n.message.text!),
    ];
    expect(texts).toHaveLength(2);
    for (const text of texts) expect(text).not.toMatch(/[\u202a-\u202e\u2066-\u2069]/);
    expect(texts[0]).toContain("IAM user 'admin  x x x x x x x x txt.exe'");
  });

  it("the help's exemption command sets one tag whose value keeps its comma (AWS CLI shorthand)", () => {
    const rule = buildSarif(FIXTURES.zero as AuditResult, { toolVersion: '1' }).runs[0]!.tool.driver
      .rules![0]!;
    for (const help of [rule.help!.text, rule.help!.markdown!]) {
      const line = help.split('\n').find((l) => l.includes('aws iam tag-user'));
      const arg = /--tags '([^']*)'$/.exec(line?.trim() ?? '')?.[1];
      expect(arg).toBeDefined();
      // AWS CLI shorthand: `,` separates keys unless inside a double-quoted value
      const parts = arg!.match(/(?:[^,"]|"[^"]*")+/g) ?? [];
      expect(parts).toEqual([
        'Key=access-key-justification',
        'Value="CI deploy key, ticket SEC-42; expires=2026-12-31"',
      ]);
    }
  });

  it('keeps the first SARIF_MAX_RESULTS results and says how many were dropped', () => {
    const extra = 7;
    const findings = Array.from({ length: SARIF_MAX_RESULTS + extra }, (_, i) =>
      makeFinding({ userName: `u${String(i).padStart(6, '0')}`, accessKeyId: null }),
    );
    const run = buildSarif(makeResult({ findings }), { toolVersion: '1' }).runs[0]!;
    expect(run.results).toHaveLength(SARIF_MAX_RESULTS);
    expect(run.results![0]!.properties?.userName).toBe('u000000');
    expect(run.results![SARIF_MAX_RESULTS - 1]!.properties?.userName).toBe(
      `u${String(SARIF_MAX_RESULTS - 1).padStart(6, '0')}`,
    );
    const notes = run.invocations![0]!.toolExecutionNotifications!;
    expect(notes).toHaveLength(1);
    expect(notes[0]!.message.text).toContain(`${extra} of ${SARIF_MAX_RESULTS + extra}`);
    expect(run.invocations![0]!.executionSuccessful).toBe(true);
    expect(run.properties?.resultsDropped).toBe(extra);
  });

  it('encodes artifact URIs idempotently', () => {
    expect(toArtifactUri('aws/1/iam/user/a b/<x>#?')).toBe('aws/1/iam/user/a%20b/%3Cx%3E%23%3F');
    expect(toArtifactUri('aws/1/iam/user/a%20b')).toBe('aws/1/iam/user/a%20b');
    expect(toArtifactUri('aws/1/iam/user/100%')).toBe('aws/1/iam/user/100%25');
    expect(toArtifactUri('x:y/z:w')).toBe('x%3Ay/z:w');
    expect(toArtifactUri('aws/1/iam/user/é')).toBe('aws/1/iam/user/%C3%A9');
    expect(sarifText('a\n[b](c)')).toBe('a \\[b\\](c)');
  });
});
