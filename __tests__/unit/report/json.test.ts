import { describe, expect, it } from '@jest/globals';
import {
  AS_OF,
  GENERATED_AT,
  makeAccount,
  makeCarried,
  makeFailedAccount,
  makeFinding,
  makeResult,
  makeStaleFinding,
} from '../../helpers/results.js';
import { note } from '../../../src/notes.js';
import { UNKNOWN_REASONS, type KeyCreation } from '../../../src/evaluate/intent.js';
import { buildJsonReport } from '../../helpers/reports.js';

const MADE_BY_ADMIN: KeyCreation = {
  by: 'assumed-role/Admin/bob',
  self: false,
  sameSessionAsUserCreation: true,
  via: 'console',
  eventTime: '2024-01-10T09:00:12Z',
  eventId: '3d1a0c52-1111-4a6e-9d0e-000000000003',
  unknownReason: null,
};

const FINDING_KEYS = [
  'ruleId',
  'accountId',
  'userName',
  'userArn',
  'keySlot',
  'accessKeyId',
  'reason',
  'userCreatedAt',
  'keyCreatedAt',
  'setupGapSeconds',
  'keyLastUsedAt',
  'keyLastUsedService',
  'keyLastUsedRegion',
  'passwordLastUsedAt',
  'mfaActive',
  'exempted',
  'justification',
  'exemptionExpired',
  'location',
  'firstSeenAt',
  'remediation',
  'keyCreation',
  'keyDescription',
  'selfCreated',
].sort();

const ACCOUNT_KEYS = [
  'accountId',
  'alias',
  'status',
  'error',
  'usersScanned',
  'reportGeneratedAt',
  'source',
  'resolvedSinceReport',
  'hint',
  'errorCode',
  'errorStep',
  'asOf',
].sort();

describe('buildJsonReport', () => {
  const result = makeResult({
    accounts: [makeAccount({ resolvedSinceReport: 2 }), makeFailedAccount()],
    findings: [
      makeFinding(),
      makeStaleFinding(120, { userName: 'bob', keySlot: 2 }),
      makeFinding({ userName: 'carol', exempted: true, justification: 'CI key SEC-1' }),
    ],
    carriedForward: [makeCarried()],
    notes: [note`a note`],
  });
  const report = buildJsonReport(result);

  it('has the DESIGN §4 top level, exactly', () => {
    expect(Object.keys(report).sort()).toEqual(
      ['accounts', 'asOf', 'findings', 'generatedAt', 'schemaVersion', 'settings'].sort(),
    );
    expect(report.schemaVersion).toBe(1);
    expect(report.generatedAt).toBe(GENERATED_AT);
    expect(report.asOf).toBe(AS_OF);
    expect(report.settings).toEqual({
      scope: 'at-setup',
      setupWindowSeconds: 600,
      unusedDays: 90,
      exemptionTag: 'access-key-justification',
    });
  });

  it('lists every account with the §4 keys plus hint, errorCode, errorStep and asOf', () => {
    expect(report.accounts).toHaveLength(2);
    for (const a of report.accounts) expect(Object.keys(a).sort()).toEqual(ACCOUNT_KEYS);
    expect(report.accounts[0]).toMatchObject({
      status: 'ok',
      error: null,
      resolvedSinceReport: 2,
      source: 'aws',
    });
    expect(report.accounts[1]).toMatchObject({ status: 'error', usersScanned: 0, reportGeneratedAt: null });
    expect(report.accounts[1]!.error).toContain('AccessDenied');
  });

  it('lists every finding, exempted ones included, with exactly the §4 keys', () => {
    expect(report.findings).toHaveLength(3);
    for (const f of report.findings) expect(Object.keys(f).sort()).toEqual(FINDING_KEYS);
    expect(report.findings.map((f) => f.exempted)).toEqual([false, false, true]);
    expect(report.findings[2]!.justification).toBe('CI key SEC-1');
    expect(report.findings[1]).toMatchObject({ reason: 'unused', keySlot: 2, keyLastUsedService: 's3' });
    // DESIGN §8's fields are always there: null until the history is read, null while remediate is off;
    // §10's too: a finding without evidence of intent is one of an offline run
    expect(report.findings[0]).toEqual({
      ...result.findings[0],
      firstSeenAt: null,
      remediation: null,
      keyCreation: {
        by: null,
        self: null,
        sameSessionAsUserCreation: null,
        via: null,
        eventTime: null,
        eventId: null,
        unknownReason: 'offline',
      },
      keyDescription: null,
      selfCreated: false,
    });
  });

  it('writes who made each key, its description and whether its user made it (docs/design.md §10)', () => {
    const live = buildJsonReport(
      makeResult({
        findings: [
          makeFinding({ keyCreation: MADE_BY_ADMIN, keyDescription: 'nightly export' }),
          makeFinding({
            userName: 'ivan',
            keyCreation: { ...MADE_BY_ADMIN, by: 'user/ivan', self: true, sameSessionAsUserCreation: null },
            selfCreated: true,
          }),
          makeFinding({
            userName: 'olga',
            keyCreation: {
              ...MADE_BY_ADMIN,
              by: null,
              self: null,
              sameSessionAsUserCreation: null,
              via: null,
              eventTime: null,
              eventId: null,
              unknownReason: UNKNOWN_REASONS.olderThanCloudTrail,
            },
            keyDescription: null,
            selfCreated: false,
          }),
        ],
      }),
    );
    expect(live.findings.map((f) => [f.userName, f.keyDescription, f.selfCreated])).toEqual([
      ['alice', 'nightly export', false],
      ['ivan', null, true],
      ['olga', null, false],
    ]);
    expect(live.findings[0]!.keyCreation).toEqual(MADE_BY_ADMIN);
    expect(live.findings[2]!.keyCreation.unknownReason).toBe("older than CloudTrail's 90 days");
    // exactly the schema's fields of keyCreation, nothing else
    const extra = { ...MADE_BY_ADMIN, secret: 'x' } as KeyCreation;
    const one = buildJsonReport(makeResult({ findings: [makeFinding({ keyCreation: extra })] }));
    expect(Object.keys(one.findings[0]!.keyCreation).sort()).toEqual(Object.keys(MADE_BY_ADMIN).sort());
  });

  it('does not leak extra properties and round-trips through JSON', () => {
    const polluted = makeResult({
      findings: [{ ...makeFinding(), secret: 'x' } as ReturnType<typeof makeFinding>],
    });
    const out = buildJsonReport(polluted);
    expect(JSON.stringify(out)).not.toContain('secret');
    expect(JSON.parse(JSON.stringify(report))).toEqual(report);
  });

  it('is valid with nothing audited', () => {
    const empty = buildJsonReport(makeResult({ accounts: [], findings: [] }));
    expect(empty.accounts).toEqual([]);
    expect(empty.findings).toEqual([]);
  });
});
