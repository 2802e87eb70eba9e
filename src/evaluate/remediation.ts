/**
 * Which keys are due for deactivation (docs/design.md §8), decided once, as a pure function of the findings,
 * their `firstSeenAt`, the remediation inputs and `as-of`. Nothing here talks to AWS: the live check
 * right before acting, and the act itself, are in src/remediate/deactivate.ts.
 *
 * A key is due when all hold: not exempted (nor made by its user, docs/design.md §10), its reason is in `remediate-reasons`, its key id is known,
 * `firstSeenAt` is known and at least `remediate-after-days` before `as-of` (a key nobody was told about
 * is never due). At most `max-remediations` due keys are acted on per run, oldest `firstSeenAt` first
 * (ties by identity); the rest stay due for the next run. Every map here is keyed by the finding's
 * identity (src/evaluate/identity.ts: its location, for the first rule).
 */
import type { AuditResult, Finding, Remediation, RemediationSettings } from '../model.js';
import type { Note } from '../notes.js';
import { toIsoSecond } from './evaluate.js';
import { findingIdentity } from './identity.js';

const DAY_MS = 86_400_000;

export interface RemediationPlan {
  /** Identity -> remediation, for every finding; empty when `remediate` is off (the JSON's `null`). */
  byLocation: ReadonlyMap<string, Remediation>;
  /** The keys to act on this run (status `planned`), oldest first seen first, at most `max`. */
  toAct: Finding[];
  /** Due keys, those over the cap included: the `keys-due` output. */
  dueCount: number;
}

/** `firstSeenAt` + the notice period, or null when `firstSeenAt` is unknown. */
export function dueAtOf(firstSeenAt: string | null, afterDays: number): string | null {
  if (firstSeenAt === null) return null;
  const t = Date.parse(firstSeenAt);
  return Number.isNaN(t) ? null : toIsoSecond(t + afterDays * DAY_MS);
}

interface Due {
  finding: Finding;
  firstSeenMs: number;
  dueAt: string;
}

/** Decides every finding's remediation; see the module comment for the rules. */
export function planRemediation(
  findings: readonly Finding[],
  firstSeenAt: ReadonlyMap<string, string | null>,
  settings: RemediationSettings,
  asOf: string,
): RemediationPlan {
  const byLocation = new Map<string, Remediation>();
  if (settings.mode === 'off') return { byLocation, toAct: [], dueCount: 0 };
  const asOfMs = Date.parse(asOf);
  const due: Due[] = [];
  for (const f of findings) {
    const id = findingIdentity(f);
    const seen = firstSeenAt.get(id) ?? null;
    const dueAt = dueAtOf(seen, settings.afterDays);
    if (f.exempted) {
      byLocation.set(id, { status: 'skipped', dueAt: null, reason: 'the user is exempted' });
    } else if (f.selfCreated === true) {
      byLocation.set(id, {
        status: 'skipped',
        dueAt: null,
        reason: 'the user made this key themself',
      });
    } else if (!settings.reasons.includes(f.reason)) {
      byLocation.set(id, {
        status: 'skipped',
        dueAt: null,
        reason: `remediate-reasons (${settings.reasons.join(', ')}) does not include ${f.reason}`,
      });
    } else if (f.accessKeyId === null) {
      byLocation.set(id, { status: 'skipped', dueAt: null, reason: 'the access key id is unknown' });
    } else if (seen === null || dueAt === null) {
      byLocation.set(id, {
        status: 'not-due',
        dueAt: null,
        reason:
          'not reported before this run (or the history was not available): a key is due only ' +
          `remediate-after-days (${settings.afterDays}) after it was first reported`,
      });
    } else if (Date.parse(dueAt) > asOfMs) {
      byLocation.set(id, { status: 'not-due', dueAt, reason: null });
    } else {
      due.push({ finding: f, firstSeenMs: Date.parse(seen), dueAt });
    }
  }
  due.sort((a, b) => {
    const [x, y] = [findingIdentity(a.finding), findingIdentity(b.finding)];
    return a.firstSeenMs - b.firstSeenMs || (x < y ? -1 : x > y ? 1 : 0);
  });
  const toAct: Finding[] = [];
  for (const d of due) {
    if (toAct.length < settings.max) {
      toAct.push(d.finding);
      byLocation.set(findingIdentity(d.finding), { status: 'planned', dueAt: d.dueAt, reason: null });
    } else {
      byLocation.set(findingIdentity(d.finding), {
        status: 'skipped',
        dueAt: d.dueAt,
        reason: `max-remediations (${settings.max}) reached in this run; still due`,
      });
    }
  }
  return { byLocation, toAct, dueCount: due.length };
}

/** The plan with the outcomes of acting (or of the live check under `plan`) laid over it. */
export function withOutcomes(
  plan: RemediationPlan,
  outcomes: ReadonlyMap<string, Pick<Remediation, 'status' | 'reason'>>,
): Map<string, Remediation> {
  const out = new Map(plan.byLocation);
  for (const [id, o] of outcomes) {
    const before = out.get(id);
    if (before) out.set(id, { ...before, status: o.status, reason: o.reason });
  }
  return out;
}

/**
 * The result as this run's remediation leaves it (docs/design.md §8): every finding carries its remediation; a
 * key this run set Inactive is no longer a finding (not a SARIF result, not counted for `findings` or
 * `fail-on`) and is listed under `remediation.deactivated` instead; under `plan`, the keys that passed the
 * live check are `remediation.planned`.
 */
export function applyRemediation(
  result: AuditResult,
  mode: 'plan' | 'deactivate',
  plan: Pick<RemediationPlan, 'dueCount'>,
  remediations: ReadonlyMap<string, Remediation>,
  warnings: readonly Note[],
): AuditResult {
  const findings: Finding[] = [];
  const deactivated: Finding[] = [];
  const planned: Finding[] = [];
  for (const f of result.findings) {
    const remediation = remediations.get(findingIdentity(f)) ?? null;
    const withIt = { ...f, remediation };
    if (remediation?.status === 'deactivated') deactivated.push(withIt);
    else findings.push(withIt);
    if (mode === 'plan' && remediation?.status === 'planned') planned.push(withIt);
  }
  return {
    ...result,
    findings,
    notes: [...result.notes, ...warnings],
    remediation: { mode, keysDue: plan.dueCount, deactivated, planned, warnings: [...warnings] },
  };
}
