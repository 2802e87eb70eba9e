/**
 * The rule registry (src/evaluate/rules/) and identity (src/evaluate/identity.ts): what every registered
 * rule must be, and the proof that the first rule keeps every identity it had before rules were
 * registered parts, byte for byte: the SARIF fingerprint, the Security Hub Id, the issue records, the
 * first-seen and remediation keys, the OCSF uid. (A second rule: __tests__/unit/evaluate/rules/second-rule.test.ts.)
 */
import { describe, expect, it } from '@jest/globals';
import { createHash } from 'node:crypto';
import { IAC_RULES, RULES, ruleById, ruleOf, rulesOf } from '../../../../src/evaluate/rules/index.js';
import {
  alertIdentity,
  findingIdentity,
  identityOf,
  splitIdentity,
} from '../../../../src/evaluate/identity.js';
import { locationRef, recordRef } from '../../../../src/evaluate/issue-records.js';
import { recordIdOf, recordIdOfKey } from '../../../../src/evaluate/history.js';
import { toArtifactUri } from '../../../../src/report/sarif.js';
import { activeFinding, asffId } from '../../../../src/report/asff.js';
import { planRemediation } from '../../../../src/evaluate/remediation.js';
import { locationFor, makeFinding, makeResult } from '../../../helpers/results.js';
import { buildSarif, ocsfFindings } from '../../../helpers/reports.js';

const FIRST = 'iam-initial-access-key';
const ACCOUNT = '123456789012';

/** Every shape a key's location takes (DESIGN §4), and one too long to carry verbatim in a record. */
const LOCATIONS: [string, string][] = [
  ['dated', locationFor(ACCOUNT, `arn:aws:iam::${ACCOUNT}:user/alice`, '2024-01-10T09:00:12Z')],
  [
    'twin key, with a path',
    locationFor(ACCOUNT, `arn:aws:iam::${ACCOUNT}:user/ops/bob`, '2024-01-10T09:00:12Z', 2),
  ],
  ['no creation time', `aws/${ACCOUNT}/iam/user/carol/key-created-unknown-slot1`],
  ['percent-encoded', `aws/${ACCOUNT}/iam/user/d%C3%A9j%C3%A0/key-created-20240110T090012Z`],
  [
    'longer than a record carries',
    `aws/${ACCOUNT}/iam/user/${'p/'.repeat(300)}eve/key-created-20240110T090012Z`,
  ],
];

/** How the fingerprint was computed before the registry (report/sarif.ts at issue 19). */
function fingerprintBefore(location: string): string {
  return `${createHash('sha256').update(toArtifactUri(location), 'utf8').digest('hex').slice(0, 16)}:1`;
}

describe('the registry', () => {
  it('has unique ids that cannot be taken for a location or a path segment', () => {
    const ids = [...RULES, ...IAC_RULES].map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) {
      expect(id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
      expect(id).not.toBe('aws'); // locations start with aws/: an identity prefix must never read as one
    }
  });

  it('starts with the original rule, the only one whose identities are bare resources', () => {
    expect(RULES[0]?.id).toBe(FIRST);
    expect([...RULES, ...IAC_RULES].filter((r) => r.bareIdentity).map((r) => r.id)).toEqual([FIRST]);
  });

  it('finds rules by id and by finding; a finding of an unregistered rule is a bug, said so', () => {
    expect(ruleById(FIRST)).toBe(RULES[0]);
    expect(ruleById('gone')).toBeUndefined();
    expect(ruleOf(makeFinding())).toBe(RULES[0]);
    expect(() => ruleOf({ ruleId: 'gone' })).toThrow(/No rule "gone" is registered/);
    expect(rulesOf([])).toEqual(RULES);
    expect(rulesOf([makeFinding(), makeFinding()])).toEqual([RULES[0]]);
  });

  it('gives every rule the metadata SARIF, ASFF, OCSF and the issues need', () => {
    for (const r of [...RULES, ...IAC_RULES]) {
      expect(r.name).toMatch(/^[A-Z][A-Za-z0-9]+$/);
      expect(r.securitySeverity).toMatch(/^\d+\.\d$/);
      expect(r.cis.length).toBeGreaterThan(0);
      expect(r.helpText.startsWith('Why it matters: ')).toBe(true);
      expect(r.helpUri).toMatch(/^https:\/\//);
      for (const s of [r.shortDescription, r.fullDescription, r.helpMarkdown, r.cisSummary, r.recommendation])
        expect(s.trim()).not.toBe('');
    }
  });

  it("the original rule's values are the ones every report had", () => {
    const r = RULES[0]!;
    expect([r.id, r.name, r.securitySeverity, r.severity, r.precision, r.tags]).toEqual([
      FIRST,
      'UnusedAccessKeyCreatedAtUserSetup',
      '7.5',
      'high',
      'high',
      ['security', 'CIS', 'aws', 'iam'],
    ]);
    expect(r.wording.violation('at-setup')).toBe('an unused access key created at user setup');
    expect(r.wording.violation('any')).toBe('an unused access key');
  });
});

describe("the original rule's identities are today's, byte for byte", () => {
  it.each(LOCATIONS)('%s location', (_name, location) => {
    const f = makeFinding({ location, accessKeyId: 'AKIAIOSFODNN7EXAMPLE' });
    const offline = makeFinding({ location, accessKeyId: null });
    // the identity is the location itself
    expect(identityOf(FIRST, location)).toBe(location);
    expect(findingIdentity(f)).toBe(location);
    expect(alertIdentity({ location })).toBe(location);
    expect(alertIdentity({ ruleId: FIRST, location })).toBe(location);
    expect(splitIdentity(location)).toEqual({ ruleId: FIRST, resource: location });
    // SARIF: the fingerprint is the hash of the path
    const [result] = buildSarif(makeResult({ findings: [f] }), { toolVersion: '1.0.0' }).runs[0]!.results!;
    expect(result?.partialFingerprints?.primaryLocationLineHash).toBe(fingerprintBefore(location));
    expect([result?.ruleId, result?.ruleIndex]).toEqual([FIRST, 0]);
    // ASFF: the Id is rule/account/hash of the path
    const id = `${FIRST}/${ACCOUNT}/${fingerprintBefore(location).replace(/:1$/, '')}`;
    expect(asffId(ACCOUNT, location)).toBe(id);
    expect(asffId(ACCOUNT, location, FIRST)).toBe(id);
    expect(
      activeFinding(f, {
        partition: 'aws',
        region: 'us-east-1',
        now: '2025-06-01T00:00:00Z',
        asOf: '2025-06-01T00:00:00Z',
        setupWindowSeconds: 600,
        toolVersion: '1.0.0',
      }).Id,
    ).toBe(id);
    // issue records: the location (or its hash), the key id
    expect(recordRef(FIRST, location)).toBe(locationRef(location));
    expect(recordIdOf(f)).toBe('AKIAIOSFODNN7EXAMPLE');
    expect(recordIdOf(offline)).toBe(locationRef(location));
    expect(recordIdOfKey({ ref: locationRef(location), keyId: 'AKIAIOSFODNN7EXAMPLE' })).toBe(
      'AKIAIOSFODNN7EXAMPLE',
    );
    expect(recordIdOfKey({ ref: locationRef(location), keyId: null })).toBe(locationRef(location));
    // remediation is keyed by the location
    const plan = planRemediation(
      [f],
      new Map([[location, null]]),
      { mode: 'plan', roleName: 'R', afterDays: 14, reasons: ['never-used'], max: 10 },
      '2025-06-01T00:00:00Z',
    );
    expect([...plan.byLocation.keys()]).toEqual([location]);
    // and the OCSF uid is the same identity
    expect(ocsfFindings(makeResult({ findings: [f] }))[0]?.finding_info.uid).toBe(location);
  });
});
