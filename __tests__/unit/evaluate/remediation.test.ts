import { describe, expect, it } from '@jest/globals';
import type { Finding, RemediationSettings } from '../../../src/model.js';
import {
  applyRemediation,
  dueAtOf,
  planRemediation,
  withOutcomes,
} from '../../../src/evaluate/remediation.js';
import { makeFinding, makeResult, makeStaleFinding } from '../../helpers/results.js';
import { code, note } from '../../../src/notes.js';

const AS_OF = '2026-06-30T00:00:00Z';
const DEACTIVATE: RemediationSettings = {
  mode: 'deactivate',
  roleName: 'IamKeyRemediation',
  afterDays: 14,
  reasons: ['never-used'],
  max: 10,
};

/** A finding first seen `days` before AS_OF (null: never seen before). */
function seen(findings: Finding[], days: (number | null)[]): Map<string, string | null> {
  return new Map(
    findings.map((f, i) => {
      const d = days[i] ?? null;
      return [f.location, d === null ? null : new Date(Date.parse(AS_OF) - d * 86_400_000).toISOString()];
    }),
  );
}

const user = (name: string, over: Partial<Finding> = {}) => makeFinding({ userName: name, ...over });

describe('planRemediation: the ways it must not act', () => {
  it('never acts on an exempted key, however old', () => {
    const f = [user('exempt', { exempted: true, justification: 'CI bootstrap' })];
    const plan = planRemediation(f, seen(f, [400]), DEACTIVATE, AS_OF);
    expect(plan.toAct).toEqual([]);
    expect(plan.dueCount).toBe(0);
    expect(plan.byLocation.get(f[0]!.location)).toEqual({
      status: 'skipped',
      dueAt: null,
      reason: 'the user is exempted',
    });
  });

  it('never acts on a key inside its notice period, and says when it will be due', () => {
    const f = [user('young')];
    const plan = planRemediation(f, seen(f, [13]), DEACTIVATE, AS_OF);
    expect(plan.toAct).toEqual([]);
    expect(plan.byLocation.get(f[0]!.location)).toEqual({
      status: 'not-due',
      dueAt: '2026-07-01T00:00:00Z',
      reason: null,
    });
  });

  it('never acts on a key whose firstSeenAt is unknown (nobody was told yet)', () => {
    const f = [user('new')];
    const plan = planRemediation(f, seen(f, [null]), DEACTIVATE, AS_OF);
    expect(plan.toAct).toEqual([]);
    expect(plan.dueCount).toBe(0);
    const r = plan.byLocation.get(f[0]!.location);
    expect(r?.status).toBe('not-due');
    expect(r?.dueAt).toBeNull();
    expect(r?.reason).toContain('not reported before this run');
    // a location missing from the map is unknown too
    expect(planRemediation(f, new Map(), DEACTIVATE, AS_OF).toAct).toEqual([]);
  });

  it('never acts on a stale key unless remediate-reasons includes unused', () => {
    const f = [makeStaleFinding(200, { userName: 'stale' })];
    const plan = planRemediation(f, seen(f, [100]), DEACTIVATE, AS_OF);
    expect(plan.toAct).toEqual([]);
    expect(plan.byLocation.get(f[0]!.location)).toEqual({
      status: 'skipped',
      dueAt: null,
      reason: 'remediate-reasons (never-used) does not include unused',
    });
    const both = planRemediation(
      f,
      seen(f, [100]),
      { ...DEACTIVATE, reasons: ['never-used', 'unused'] },
      AS_OF,
    );
    expect(both.toAct.map((x) => x.userName)).toEqual(['stale']);
  });

  it('never acts on a key without a key id', () => {
    const f = [user('nokey', { accessKeyId: null })];
    const plan = planRemediation(f, seen(f, [100]), DEACTIVATE, AS_OF);
    expect(plan.toAct).toEqual([]);
    expect(plan.byLocation.get(f[0]!.location)?.status).toBe('skipped');
  });

  it('acts on at most max-remediations keys, oldest first seen first, ties by location; the rest stay due', () => {
    const f = ['u1', 'u2', 'u3', 'u4', 'u5'].map((n) => user(n));
    const plan = planRemediation(f, seen(f, [20, 300, 20, 15, 100]), { ...DEACTIVATE, max: 3 }, AS_OF);
    expect(plan.toAct.map((x) => x.userName)).toEqual(['u2', 'u5', 'u1']);
    expect(plan.dueCount).toBe(5);
    for (const n of ['u3', 'u4']) {
      const r = plan.byLocation.get(f.find((x) => x.userName === n)!.location);
      expect(r?.status).toBe('skipped');
      expect(r?.reason).toBe('max-remediations (3) reached in this run; still due');
      expect(r?.dueAt).not.toBeNull();
    }
  });

  it('does nothing at all with remediate: off (the JSON says null)', () => {
    const f = [user('old')];
    const plan = planRemediation(f, seen(f, [400]), { ...DEACTIVATE, mode: 'off' }, AS_OF);
    expect(plan).toEqual({ byLocation: new Map(), toAct: [], dueCount: 0 });
  });

  it('plans the same keys under plan as under deactivate (acting is the only difference)', () => {
    const f = [user('old'), user('young')];
    const s = seen(f, [30, 1]);
    const plan = planRemediation(f, s, { ...DEACTIVATE, mode: 'plan' }, AS_OF);
    expect(plan).toEqual(planRemediation(f, s, DEACTIVATE, AS_OF));
  });
});

describe('planRemediation: due keys', () => {
  it('is due exactly at firstSeenAt + remediate-after-days (as-of inclusive)', () => {
    const f = [user('edge')];
    const plan = planRemediation(f, seen(f, [14]), DEACTIVATE, AS_OF);
    expect(plan.byLocation.get(f[0]!.location)).toEqual({
      status: 'planned',
      dueAt: '2026-06-30T00:00:00Z',
      reason: null,
    });
  });

  it('dueAtOf adds whole days of 86,400 s', () => {
    expect(dueAtOf('2026-02-27T10:00:00Z', 2)).toBe('2026-03-01T10:00:00Z');
    expect(dueAtOf(null, 2)).toBeNull();
  });

  it('withOutcomes lays the results of acting over the plan, keeping dueAt', () => {
    const f = [user('a'), user('b')];
    const plan = planRemediation(f, seen(f, [30, 30]), DEACTIVATE, AS_OF);
    const out = withOutcomes(
      plan,
      new Map([
        [f[0]!.location, { status: 'deactivated' as const, reason: null }],
        [f[1]!.location, { status: 'skipped' as const, reason: 'the key was used since the audit' }],
      ]),
    );
    expect(out.get(f[0]!.location)).toEqual({
      status: 'deactivated',
      dueAt: '2026-06-14T00:00:00Z',
      reason: null,
    });
    expect(out.get(f[1]!.location)?.reason).toBe('the key was used since the audit');
  });

  it('applyRemediation: a deactivated key leaves the findings (SARIF, count, fail-on) for the deactivated list', () => {
    const f = [user('a'), user('b'), user('c')];
    const plan = planRemediation(f, seen(f, [30, 30, 1]), DEACTIVATE, AS_OF);
    const remediations = withOutcomes(
      plan,
      new Map([
        [f[0]!.location, { status: 'deactivated' as const, reason: 'set Inactive by this run' }],
        [f[1]!.location, { status: 'skipped' as const, reason: 'the key was used since the audit' }],
      ]),
    );
    const denied = note`denied in ${code('X')}`;
    const out = applyRemediation(makeResult({ findings: f }), 'deactivate', plan, remediations, [denied]);
    expect(out.findings.map((x) => x.userName)).toEqual(['b', 'c']);
    expect(out.findings.map((x) => x.remediation?.status)).toEqual(['skipped', 'not-due']);
    expect(out.remediation).toMatchObject({
      mode: 'deactivate',
      keysDue: 2,
      planned: [],
      warnings: [denied],
    });
    expect(out.remediation?.deactivated.map((x) => [x.userName, x.remediation?.status])).toEqual([
      ['a', 'deactivated'],
    ]);
    expect(out.notes).toContain(denied);
  });

  it('applyRemediation under plan: keys that passed the live check are listed as would-be deactivated, all stay findings', () => {
    const f = [user('a'), user('b')];
    const plan = planRemediation(f, seen(f, [30, 30]), { ...DEACTIVATE, mode: 'plan' }, AS_OF);
    const remediations = withOutcomes(
      plan,
      new Map([[f[1]!.location, { status: 'skipped' as const, reason: 'the key is no longer Active' }]]),
    );
    const out = applyRemediation(makeResult({ findings: f }), 'plan', plan, remediations, []);
    expect(out.findings).toHaveLength(2);
    expect(out.remediation?.planned.map((x) => x.userName)).toEqual(['a']);
    expect(out.remediation?.deactivated).toEqual([]);
  });
});
