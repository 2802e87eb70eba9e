/**
 * A key its user made themself (docs/design.md §10, `selfCreated: true`, set only under `scope: at-setup`) goes
 * wherever an exempted key goes — listed, but no SARIF result, not counted, no remediation, no issue,
 * archived in Security Hub — labelled as what it is, with who made it. Pure renderers and planners; the
 * issues are in integration/publish/issues.test.ts, the whole run in e2e/intent.test.ts.
 */
import { describe, expect, it } from '@jest/globals';
import type { Finding } from '../../../src/model.js';
import type { KeyCreation } from '../../../src/evaluate/intent.js';
import { countResult } from '../../../src/report/outputs.js';
import { buildSummaryModel } from '../../../src/report/summary-model.js';
import { renderSummary } from '../../../src/report/summary-markdown.js';
import { renderTerminal } from '../../../src/report/summary-terminal.js';
import { activeFinding, planAccountImport } from '../../../src/report/asff.js';
import { planRemediation } from '../../../src/evaluate/remediation.js';
import { applyHistory } from '../../../src/evaluate/history.js';
import { ACCOUNT_ID, GENERATED_AT, locationFor, makeFinding, makeResult } from '../../helpers/results.js';
import { buildSarif } from '../../helpers/reports.js';

const SELF_MADE: KeyCreation = {
  by: 'user/ivan',
  self: true,
  sameSessionAsUserCreation: null,
  via: 'console',
  eventTime: '2024-01-10T09:00:12Z',
  eventId: '9b5e4096-5555-4ea2-9b42-000000000001',
  unknownReason: null,
};

const at = (name: string) =>
  locationFor(ACCOUNT_ID, `arn:aws:iam::${ACCOUNT_ID}:user/${name}`, '2024-01-10T09:00:12.000Z');
const failing = makeFinding({
  userName: 'alice',
  accessKeyId: 'AKIAALICE00000000001',
  location: at('alice'),
});
const exempt = makeFinding({
  userName: 'carol',
  accessKeyId: 'AKIACAROL00000000001',
  exempted: true,
  justification: 'CI deploy key',
  location: at('carol'),
});
const self: Finding = makeFinding({
  userName: 'ivan',
  accessKeyId: 'AKIAIVAN000000000001',
  keyCreation: SELF_MADE,
  keyDescription: 'my laptop',
  selfCreated: true,
  location: at('ivan'),
});
const result = makeResult({ findings: [failing, exempt, self] });
const files = { jsonFile: 'out/iam.json', sarifFile: 'out/iam.sarif' };

describe('a key its user made themself', () => {
  it('is not counted: not a finding, not an exemption, not a violating user', () => {
    expect(countResult(result)).toEqual({
      findings: 1,
      violatingUsers: 1,
      exempted: 1,
      accountsAudited: 1,
      accountsFailed: 0,
    });
  });

  it('is no SARIF result and no SARIF count', () => {
    const run = buildSarif(result, { toolVersion: '1.2.3' }).runs[0]!;
    expect(run.results?.map((r) => r.properties?.userName)).toEqual(['alice']);
    expect(run.properties).toMatchObject({ findings: 1, exempted: 1 });
  });

  it('is listed in its own short section of the summary, with who made it and its description', () => {
    const m = buildSummaryModel(result, files);
    expect(m.failing.map((r) => r.finding.userName)).toEqual(['alice']);
    expect(m.exempted.map((r) => r.finding.userName)).toEqual(['carol']);
    expect(m.selfCreated.map((r) => r.finding.userName)).toEqual(['ivan']);
    expect(m.accounts[0]).toMatchObject({ findings: 1, exempted: 1 });
    expect(m.fix?.blocks.map((b) => b.finding.userName)).toEqual(['alice']);

    const md = renderSummary(result, files);
    const section = md.slice(md.indexOf('#### Keys their users made'));
    expect(section).toContain(
      '- `ivan` in `123456789012`, key `AKIAIVAN000000000001`: made by the user themself \\(`user/ivan`\\) in the console · description: `my laptop`',
    );
    expect(md.slice(0, md.indexOf('#### Keys their users made'))).not.toContain('AKIAIVAN000000000001');

    const text = renderTerminal(result, files);
    expect(text).toContain('Keys their users made (not findings: not made at user setup)');
    expect(text).toContain(
      '  - ivan in 123456789012, key AKIAIVAN000000000001 (slot 1): made by the user themself (user/ivan) in the console · description: my laptop',
    );
  });

  it('is never remediated', () => {
    const settings = {
      mode: 'deactivate',
      roleName: 'R',
      afterDays: 0,
      reasons: ['never-used'],
      max: 10,
    } as const;
    const seen = new Map([[self.location, '2020-01-01T00:00:00Z']]);
    const plan = planRemediation([self], seen, { ...settings, reasons: [...settings.reasons] }, GENERATED_AT);
    expect(plan.toAct).toEqual([]);
    expect(plan.byLocation.get(self.location)).toEqual({
      status: 'skipped',
      dueAt: null,
      reason: 'the user made this key themself',
    });
  });

  it("archives the key's earlier Security Hub finding like an exemption's, resolution self-created; imports nothing new", () => {
    const ctx = {
      partition: 'aws' as const,
      region: 'us-east-1',
      now: GENERATED_AT,
      asOf: GENERATED_AT,
      setupWindowSeconds: 600,
      toolVersion: '1.2.3',
    };
    const earlier = activeFinding({ ...self, selfCreated: false }, { ...ctx, now: '2025-01-01T00:00:00Z' });
    const plan = planAccountImport({ accountId: ACCOUNT_ID, findings: [self], existing: [earlier], ctx });
    expect(plan.active).toEqual([]);
    expect(plan.archived.map((r) => [r.Id, r.RecordState, r.Compliance?.Status])).toEqual([
      [earlier.Id, 'ARCHIVED', 'PASSED'],
    ]);
    expect(plan.archived[0]!.ProductFields?.['iam-initial-access-key-audit/resolution']).toBe('self-created');
    expect(planAccountImport({ accountId: ACCOUNT_ID, findings: [self], existing: [], ctx })).toEqual({
      active: [],
      archived: [],
      updates: 0,
    });
  });

  it('is not a new finding, and its open alert counts as resolved', () => {
    const view = applyHistory(result, {
      alerts: [{ location: self.location, createdAt: '2024-02-01T00:00:00Z', message: 'alert' }],
      issues: [],
      self: { login: 'github-actions[bot]', id: 41898282 },
      notes: [],
    });
    expect(view.newFindings?.map((f) => f.userName)).toEqual(['alice']);
    expect(view.resolvedFindings?.map((a) => a.location)).toEqual([self.location]);
  });
});
