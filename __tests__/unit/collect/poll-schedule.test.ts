import { describe, expect, test } from '@jest/globals';
import { POLL_CAP_MS, POLL_JITTER, POLL_STEPS_MS, pollDelayMs } from '../../../src/collect/poll-schedule.js';

/** When a report ready at `readyMs` is seen, and after how many polls (delays only; random fixed). */
function seen(readyMs: number, random: () => number): { at: number; polls: number } {
  let at = 0;
  let polls = 0;
  while (at < readyMs) at += pollDelayMs(polls++, random);
  return { at, polls };
}

describe('the credential report poll schedule', () => {
  test('ramps 1, 1, 2, 2, 3, 3, 4, 4 s, then polls every 5 s (middle of the jitter)', () => {
    const delays = Array.from({ length: 12 }, (_, i) => pollDelayMs(i, () => 0.5));
    expect(delays).toEqual([1000, 1000, 2000, 2000, 3000, 3000, 4000, 4000, 5000, 5000, 5000, 5000]);
    expect(POLL_STEPS_MS).toHaveLength(8);
    expect(pollDelayMs(1000, () => 0.5)).toBe(POLL_CAP_MS);
  });

  test('jitter stays within ±20 % of each step, and is drawn from the injected random', () => {
    expect(POLL_JITTER).toBe(0.2);
    expect(pollDelayMs(0, () => 0)).toBe(800);
    expect(pollDelayMs(0, () => 0.999999)).toBe(1200);
    expect(pollDelayMs(8, () => 0)).toBe(4000);
    expect(pollDelayMs(8, () => 0.75)).toBe(5500);
    // out-of-range randoms are clamped, never a negative or runaway delay
    expect(pollDelayMs(8, () => -1)).toBe(4000);
    expect(pollDelayMs(8, () => 7)).toBe(6000);
    const values = [0.1, 0.9, 0.3];
    let i = 0;
    const random = () => values[i++ % values.length] as number;
    expect([0, 1, 2].map((n) => pollDelayMs(n, random))).toEqual([840, 1160, 1840]);
  });

  test('a report is seen soon after it is ready: 5 s at 6 s, 20 s at 20 s (the 1/2/4/8/16 s backoff: 7 s and 31 s)', () => {
    expect(seen(3000, () => 0.5)).toEqual({ at: 4000, polls: 3 });
    expect(seen(5000, () => 0.5)).toEqual({ at: 6000, polls: 4 });
    expect(seen(20_000, () => 0.5)).toEqual({ at: 20_000, polls: 8 });
    expect(seen(60_000, () => 0.5)).toEqual({ at: 60_000, polls: 16 });
  });

  test('over reports ready in 5-60 s, the expected overshoot is under 2.5 s, at most ~11 polls on average', () => {
    let over = 0;
    let polls = 0;
    let n = 0;
    for (let ready = 5000; ready <= 60_000; ready += 100, n++) {
      const s = seen(ready, () => 0.5);
      over += s.at - ready;
      polls += s.polls;
    }
    expect(over / n).toBeLessThan(2500);
    expect(polls / n).toBeLessThan(11);
    // the longest wait between two polls, jitter included, is 6 s: a ready report is never missed for long
    expect(Math.max(...Array.from({ length: 100 }, (_, k) => pollDelayMs(k, () => 1)))).toBe(6000);
  });
});
