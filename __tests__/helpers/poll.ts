import { expect } from '@jest/globals';
import { pollDelayMs } from '../../src/collect/poll-schedule.js';

/** The report poll's sleeps are the schedule's first `count` delays, each within its jitter. */
export function expectPollSleeps(sleeps: readonly number[], count: number): void {
  expect(sleeps).toHaveLength(count);
  sleeps.forEach((ms, i) => {
    expect(ms).toBeGreaterThanOrEqual(pollDelayMs(i, () => 0));
    expect(ms).toBeLessThanOrEqual(pollDelayMs(i, () => 1));
  });
}
