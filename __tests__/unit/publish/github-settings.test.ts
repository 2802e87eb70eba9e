/** How the GitHub client paces its writes (src/publish/github-settings.ts). */
import { describe, expect, it } from '@jest/globals';
import { githubClientSettings } from '../../../src/publish/github-settings.js';
import { DEFAULT_TIMEOUTS } from '../../../src/timeouts.js';

describe('githubClientSettings', () => {
  it('paces writes as GitHub advises unless IAM_AUDIT_GITHUB_PACING is off; retry-after is kept either way', async () => {
    expect(githubClientSettings(DEFAULT_TIMEOUTS, {})).toMatchObject({
      pacing: 'github',
      retryAfterBaseMs: 1000,
    });
    expect(githubClientSettings(DEFAULT_TIMEOUTS, { IAM_AUDIT_GITHUB_PACING: 'on' }).pacing).toBe('github');
    const off = githubClientSettings(DEFAULT_TIMEOUTS, { IAM_AUDIT_GITHUB_PACING: ' OFF ' });
    expect(off.retryAfterBaseMs).toBe(1000);
    expect(off.pacing).not.toBe('github');
    // the queue runs each request at once, with its arguments
    const pacing = off.pacing as Exclude<typeof off.pacing, 'github'>;
    const queue = pacing.write.key('any') as unknown as {
      schedule(fn: (...a: number[]) => number, ...args: number[]): Promise<number>;
    };
    await expect(queue.schedule((a, b) => a + b, 2, 3)).resolves.toBe(5);
  });
});
