/**
 * When to ask again for a credential report that AWS is still generating (`GenerateCredentialReport`
 * answered STARTED or INPROGRESS). Self-contained (no imports): the benchmark's models use it too.
 *
 * AWS documents no generation time; small accounts are COMPLETE within seconds, organizations see
 * 5-60 s per report. A doubling backoff (1, 2, 4, 8, 16 s) overshoots badly there: a report ready at 5 s
 * was seen at 7 s, one ready at 20 s at 31 s. This schedule ramps up slowly and then polls every 5 s:
 * 1, 1, 2, 2, 3, 3, 4, 4, then 5 s, each ±20 % (jitter, so that accounts started together do not poll in
 * lockstep). For a report ready uniformly in 5-60 s the expected overshoot is ~2.3 s instead of ~7.5 s,
 * for ~11 polls instead of ~5.5 (cheap calls, each account within its own IAM quota).
 */

/** The delay before each poll (milliseconds, before jitter); after the last one, `POLL_CAP_MS`. */
export const POLL_STEPS_MS: readonly number[] = [1000, 1000, 2000, 2000, 3000, 3000, 4000, 4000];
export const POLL_CAP_MS = 5000;
/** Each delay is drawn uniformly within ±POLL_JITTER of its step. */
export const POLL_JITTER = 0.2;

/**
 * The delay before poll number `attempt` (0 = the first poll after the first STARTED answer).
 * `random` returns a number in [0, 1) (Math.random); 0.5 gives the step itself.
 */
export function pollDelayMs(attempt: number, random: () => number = Math.random): number {
  const step = POLL_STEPS_MS[attempt] ?? POLL_CAP_MS;
  const r = Math.min(Math.max(random(), 0), 1);
  return Math.round(step * (1 - POLL_JITTER + 2 * POLL_JITTER * r));
}
